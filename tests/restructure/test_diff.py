"""`raci.diff`: one table of restructurings and what each must report (docs/restructuring.md)."""

from __future__ import annotations

import textwrap

import pytest

import raci
from helpers import line_of
from raci.restructure import CATEGORIES
from raci.words import words_for

OLD = """
version: 1
organization: {name: Co, levels: [organization, division, branch, section]}
units:
  - {id: top, name: Co, level: organization}
  - {id: ops, name: Operations, level: division, parent: top}
  - {id: log, name: Logistics, level: branch, parent: ops}
  - {id: fin, name: Finance, level: division, parent: top}
  - {id: hr, name: People, level: division, parent: top}
positions:
  - {id: boss, title: Chief, unit: top}
  - {id: clerk, title: Clerk, unit: log}
  - {id: cfo, title: CFO, unit: fin}
external:
  - {id: board}
deliverables:
  - {id: plan, raci: {A: boss, R: [ops, clerk], C: [fin], I: [board]}}
  - {id: pay, raci: {A: cfo, R: [fin], C: [hr], I: [board]}}
  - {id: hire, raci: {A: hr, R: [hr], I: [boss]}}
"""


def load(text: str, name: str) -> raci.Organization:
    return raci.loads(textwrap.dedent(text).lstrip("\n"), "yaml", file=name)


def edit(*changes: tuple[str, str]) -> str:
    """OLD with each (line fragment, replacement) applied once; '' drops the line."""
    text = OLD
    for old, new in changes:
        assert old in text, old
        if new == "":
            text = "\n".join(line for line in text.split("\n") if old not in line)
        else:
            text = text.replace(old, new, 1)
    return text


def compare(new_text: str, old_text: str = OLD) -> raci.Diff:
    return raci.diff(load(old_text, "old.yaml"), load(new_text, "new.yaml"))


def brief(change: raci.Diff) -> dict[str, list[tuple[object, ...]]]:
    """The non-empty categories, each entry cut to the fields that identify it."""
    keys = {
        "units_added": ("unit",),
        "units_removed": ("unit",),
        "units_merged": ("unit", "formerly"),
        "units_split": ("unit", "into"),
        "units_renamed": ("formerly", "unit"),
        "units_moved": ("unit", "old_parent", "new_parent"),
        "units_relevelled": ("unit", "old_level", "new_level"),
        "positions_added": ("position",),
        "positions_removed": ("position",),
        "positions_moved": ("position", "old_unit", "new_unit"),
        "deliverables_added": ("deliverable",),
        "deliverables_removed": ("deliverable",),
        "accountable_changed": ("deliverable", "old_party", "new_party"),
        "orphaned": ("deliverable", "role", "party"),
    }
    out = {}
    for key, fields in keys.items():
        entries = change.to_dict()[key]
        if entries:
            out[key] = [
                tuple(tuple(e[f]) if isinstance(e[f], list) else e[f] for f in fields)
                for e in entries
            ]
    return out


RENAMED_PARENT = edit(
    (
        "{id: ops, name: Operations, level: division, parent: top}",
        "{id: operations, name: Operations Division, level: division, parent: top, formerly: ops}",
    ),
    ("parent: ops}", "parent: operations}"),
)

CASES = {
    "no change": (OLD, {}),
    "a branch whose parent was only renamed has not moved": (
        RENAMED_PARENT,
        {"units_renamed": [("ops", "operations")]},
    ),
    "same name, same place, new id: renamed only": (
        edit(("{id: hr, name: People,", "{id: people, formerly: hr, name: People,")),
        {"units_renamed": [("hr", "people")]},
    ),
    "a merge: the old units are neither removed nor the successor added": (
        edit(
            (
                "{id: fin, name: Finance, level: division, parent: top}",
                "{id: corp, name: Corporate, level: division, parent: top, formerly: [fin, hr]}",
            ),
            ("{id: hr, name: People", ""),
            ("unit: fin}", "unit: corp}"),
        ),
        {
            "units_merged": [("corp", ("fin", "hr"))],
            "units_renamed": [("fin", "corp"), ("hr", "corp")],
        },
    ),
    "a split: each part continues the old unit; its branch has not moved": (
        edit(
            (
                "{id: ops, name: Operations, level: division, parent: top}",
                "{id: ops-a, name: Field Ops, level: division, parent: top, formerly: ops}\n"
                "  - {id: ops-b, name: Ops Support, level: division, parent: top, formerly: ops}",
            ),
            ("parent: ops}", "parent: ops-a}"),
        ),
        {
            "units_split": [("ops", ("ops-a", "ops-b"))],
            "units_renamed": [("ops", "ops-a"), ("ops", "ops-b")],
        },
    ),
    "a unit moved to another parent": (
        edit(("level: branch, parent: ops}", "level: branch, parent: fin}")),
        {"units_moved": [("log", "ops", "fin")]},
    ),
    "a unit moved under the successor of another unit": (
        edit(
            ("{id: fin, name: Finance,", "{id: money, formerly: fin, name: Finance,"),
            ("unit: fin}", "unit: money}"),
            ("level: branch, parent: ops}", "level: branch, parent: money}"),
        ),
        {"units_renamed": [("fin", "money")], "units_moved": [("log", "ops", "money")]},
    ),
    "a relevelled unit": (
        edit(("level: branch, parent: ops}", "level: section, parent: ops}")),
        {"units_relevelled": [("log", "branch", "section")]},
    ),
    "a post moved between units": (
        edit(("{id: clerk, title: Clerk, unit: log}", "{id: clerk, title: Clerk, unit: fin}")),
        {"positions_moved": [("clerk", "log", "fin")]},
    ),
    "a post in a renamed unit has not moved": (
        edit(
            ("{id: fin, name: Finance,", "{id: money, formerly: fin, name: Finance,"),
            ("unit: fin}", "unit: money}"),
        ),
        {"units_renamed": [("fin", "money")]},
    ),
    "a post continuing another one through formerly, in another unit": (
        edit(("{id: clerk, title: Clerk, unit: log}", "{id: aide, formerly: clerk, unit: fin}")),
        {"positions_moved": [("aide", "log", "fin")]},
    ),
    "a unit and a post created": (
        edit(
            (
                "  - {id: boss, title: Chief, unit: top}",
                "  - {id: boss, title: Chief, unit: top}\n  - {id: analyst, unit: data}",
            ),
            ("  - {id: hr, name: People", "  - {id: data, parent: top}\n  - {id: hr, name: People"),
        ),
        {"units_added": [("data",)], "positions_added": [("analyst",)]},
    ),
    "a party that vanished without successor leaves its roles orphaned": (
        edit(
            ("{id: hr, name: People", ""),
            ("C: [hr]", "C: [boss]"),
            ("{A: hr, R: [hr]", "{A: boss, R: [boss]"),
        ),
        {
            "units_removed": [("hr",)],
            "accountable_changed": [("hire", "hr", "boss")],
            "orphaned": [("pay", "C", "hr"), ("hire", "A", "hr"), ("hire", "R", "hr")],
        },
    ),
    "not orphaned when its deliverable was removed too": (
        edit(("{id: hr, name: People", ""), ("C: [hr]", "C: [boss]"), ("{id: hire", "")),
        {
            "units_removed": [("hr",)],
            "deliverables_removed": [("hire",)],
            "orphaned": [("pay", "C", "hr")],
        },
    ),
    "a post removed orphans its roles; a post removed with a successor does not": (
        edit(
            ("{id: clerk, title: Clerk", ""),
            ("{id: cfo, title: CFO, unit: fin}", "{id: treasurer, unit: fin, formerly: cfo}"),
            ("A: cfo", "A: treasurer"),
        ),
        {
            "positions_removed": [("clerk",)],
            "orphaned": [("plan", "R", "clerk")],
        },
    ),
    "an external party dropped is orphaned": (
        edit(("  - {id: board}", ""), ("I: [board]}}\n  - {id: pay", "I: [boss]}}\n  - {id: pay")),
        {"orphaned": [("plan", "I", "board"), ("pay", "I", "board")]},
    ),
    "a new Accountable": (
        edit(("{A: cfo,", "{A: boss,")),
        {"accountable_changed": [("pay", "cfo", "boss")]},
    ),
    "an Accountable that continues the old one is no change": (
        edit(
            ("{id: hr, name: People,", "{id: people, formerly: hr, name: People,"),
            ("{A: hr, R: [hr]", "{A: people, R: [people]"),
        ),
        {"units_renamed": [("hr", "people")]},
    ),
    "deliverables added and removed": (
        edit(("{id: hire,", "{id: recruit,")),
        {"deliverables_added": [("recruit",)], "deliverables_removed": [("hire",)]},
    ),
}


@pytest.mark.parametrize(("new", "expected"), list(CASES.values()), ids=list(CASES))
def test_diff(new: str, expected: dict[str, list[tuple[object, ...]]]) -> None:
    change = compare(new)
    assert brief(change) == expected
    assert change.findings == ()
    assert change.empty == (not expected)


def test_every_category_of_the_spec_is_in_the_json() -> None:
    data = compare(OLD).to_dict()
    for key in (
        "units_added",
        "units_removed",
        "units_renamed",
        "units_moved",
        "units_relevelled",
        "positions_moved",
        "deliverables_added",
        "deliverables_removed",
        "accountable_changed",
        "orphaned",
    ):
        assert data[key] == []
    assert set(CATEGORIES) <= set(data)
    assert data["figures"]["before"] == data["figures"]["after"]


def test_categories_read_as_attributes() -> None:
    change = compare(RENAMED_PARENT)
    assert change.units_renamed == change.changes["units_renamed"]
    assert change.units_renamed[0]["old_name"] == "Operations"
    assert change.units_renamed[0]["new_name"] == "Operations Division"


def test_a_root_that_gets_a_parent_has_moved() -> None:
    new = edit(
        (
            "{id: top, name: Co, level: organization}",
            "{id: group, level: organization}\n"
            "  - {id: top, name: Co, level: division, parent: group}",
        ),
    )
    assert brief(compare(new))["units_moved"] == [("top", None, "group")]


def test_a_unit_folded_into_its_parents_successor_has_not_moved() -> None:
    """Logistics merged with its parent Operations into one unit: no move to report."""
    new = edit(
        (
            "{id: ops, name: Operations, level: division, parent: top}",
            "{id: ops, name: Operations, level: division, parent: top, formerly: [log]}",
        ),
        ("  - {id: log, name: Logistics", ""),
        ("unit: log}", "unit: ops}"),
    )
    change = compare(new)
    assert brief(change) == {
        "units_merged": [("ops", ("ops", "log"))],
        "units_renamed": [("log", "ops")],
        "units_relevelled": [("ops", "branch", "division")],
    }


class TestCarryOver:
    """Roles given to old ids in NEW belong to the successors."""

    def test_split_carries_a_role_to_each_part(self) -> None:
        new = edit(
            (
                "{id: ops, name: Operations, level: division, parent: top}",
                "{id: ops-a, level: division, parent: top, formerly: ops}\n"
                "  - {id: ops-b, level: division, parent: top, formerly: ops}",
            ),
            ("parent: ops}", "parent: ops-a}"),
        )
        org = load(new, "new.yaml")
        assert org.deliverables["plan"].parties("R") == ["ops-a", "ops-b", "clerk"]
        assert [a.via for a in org.deliverables["plan"].assignments if a.role == "R"] == [
            "ops",
            "ops",
            None,
        ]
        assert compare(new).orphaned == ()

    def test_merge_carries_each_role_to_the_one_successor(self) -> None:
        new = edit(
            (
                "{id: fin, name: Finance, level: division, parent: top}",
                "{id: corp, level: division, parent: top, formerly: [fin, hr]}",
            ),
            ("{id: hr, name: People", ""),
            ("unit: fin}", "unit: corp}"),
        )
        org = load(new, "new.yaml")
        assert org.deliverables["pay"].parties("R") == ["corp"]
        assert org.deliverables["pay"].parties("C") == ["corp"]
        assert org.deliverables["hire"].parties("A") == ["corp"]
        assert org.deliverables["plan"].parties("C") == ["corp"]
        assert raci.validate(org, select=["single-accountable", "unknown-reference"]) == []

    def test_a_split_that_doubles_the_accountable_is_an_error_naming_both_places(self) -> None:
        new = edit(
            (
                "{id: hr, name: People, level: division, parent: top}",
                "{id: hr-a, level: division, parent: top, formerly: hr}\n"
                "  - {id: hr-b, level: division, parent: top, formerly: hr}",
            ),
        )
        org = load(new, "new.yaml")
        [f] = [f for f in raci.validate(org) if f.rule == "single-accountable"]
        assert f.subject == "hire"
        assert "`hr-a`, `hr-b`" in f.message
        text = textwrap.dedent(new).lstrip("\n")
        a_line, b_line = line_of(text, "id: hr-a"), line_of(text, "id: hr-b")
        assert f"new.yaml:{a_line}:" in f.message
        assert f"new.yaml:{b_line}:" in f.message
        assert f.location.line == line_of(text, "{id: hire")

    def test_carried_roles_are_reported_as_info(self) -> None:
        org = load(RENAMED_PARENT, "new.yaml")
        [f] = [f for f in raci.validate(org) if f.rule == "carried-over"]
        assert f.subject == "plan"
        assert "names `ops`, which `operations` continues" in f.message
        assert f.location.line == line_of(RENAMED_PARENT, "{id: plan")

    def test_a_live_old_id_keeps_its_roles(self) -> None:
        new = edit(
            (
                "{id: hr, name: People, level: division, parent: top}",
                "{id: hr, name: People, level: division, parent: top}\n"
                "  - {id: talent, parent: top, formerly: hr}",
            )
        )
        org = load(new, "new.yaml")
        assert org.deliverables["hire"].parties("A") == ["hr"]
        [f] = [f for f in raci.validate(org) if f.rule == "formerly-live"]
        assert f.subject == "talent"
        assert "`hr` is still a party" in f.message

    def test_a_unit_that_lists_itself(self) -> None:
        org = load(
            edit(("{id: hr, name: People,", "{id: hr, formerly: hr, name: People,")), "n.yaml"
        )
        [f] = [f for f in raci.validate(org) if f.rule == "formerly-live"]
        assert "lists itself" in f.message


class TestBadInput:
    def test_unknown_formerly_id_is_a_finding_with_its_place(self) -> None:
        new = edit(
            ("{id: hr, name: People,", "{id: people, formerly: [hr, hrr, xyz], name: People,")
        )
        change = compare(new)
        assert [(f.rule, f.subject) for f in change.findings] == [
            ("formerly-unknown", "people"),
            ("formerly-unknown", "people"),
        ]
        f = change.findings[0]
        assert f.location.file == "new.yaml"
        assert f.location.line == line_of(new, "id: people")
        assert "has no unit or post `hrr`" in f.message
        assert f.hint.startswith("Did you mean `hr`?")
        message, hint = f.said(words_for("es"))
        assert message.startswith("la dependencia `people` dice continuar `hrr`")
        assert hint.startswith("¿Quería decir `hr`?")
        assert brief(change) == {"units_renamed": [("hr", "people")]}
        assert not change.empty
        assert change.to_dict()["findings"][0]["line"] == f.location.line

    def test_different_schemes_are_compared_as_far_as_they_can_be(self) -> None:
        new = edit(("units:", "scheme: DACI\nunits:"))
        new = new.replace("{A: boss, R: [ops, clerk]", "{A: boss, D: [ops]")
        new = new.replace("{A: cfo, R: [fin]", "{A: cfo, D: [fin]").replace(
            "{A: hr, R: [hr]", "{A: hr, D: [hr]"
        )
        change = compare(new)
        assert brief(change) == {}
        assert any("RACI scheme and the new one DACI" in str(n) for n in change.notes)
        assert any("R (Responsible)" in str(n) for n in change.notes)

    def test_a_scheme_without_accountable_skips_that_comparison(self) -> None:
        custom = "scheme: {name: Mine, roles: [{letter: O, name: Owner}]}\nunits:"
        new = edit(("units:", custom))
        for a, b in (
            ("{A: boss, R: [ops, clerk], C: [fin], I: [board]}", "{O: boss}"),
            ("{A: cfo, R: [fin], C: [hr], I: [board]}", "{O: cfo}"),
            ("{A: hr, R: [hr], I: [boss]}", "{O: hr}"),
        ):
            new = new.replace(a, b)
        change = compare(new)
        assert change.accountable_changed == ()
        assert any("no Accountable role" in str(n) for n in change.notes)

    def test_a_side_without_units_is_noted_not_reported_as_all_removed(self) -> None:
        bare = (
            "version: 1\nexternal: [{id: board}]\n"
            "deliverables:\n  - {id: plan, raci: {A: board, R: board}}\n"
        )
        change = compare(bare)
        assert change.units_removed == ()
        assert any("lists no units" in str(n) for n in change.notes)

    def test_the_notes_are_said_in_the_language_of_the_text(self) -> None:
        bare = (
            "version: 1\nexternal: [{id: board}]\n"
            "deliverables:\n  - {id: plan, raci: {A: board, R: board}}\n"
        )
        change = compare(bare)
        french = change.to_text(lang="fr")
        assert "la nouvelle version ne liste aucune unité alors que l'ancienne en liste" in french
        assert "lists no units" not in french

    def test_wrong_types(self) -> None:
        org = load(OLD, "old.yaml")
        with pytest.raises(TypeError, match=r"two raci\.Organization"):
            raci.diff(org, "new.yaml")  # type: ignore[arg-type]


class TestFigures:
    def test_figures_before_and_after(self) -> None:
        new = edit(
            ("{id: hr, name: People", ""),
            ("{id: clerk, title: Clerk, unit: log}", "{id: clerk, unit: log, vacant: true}"),
            (
                "{id: fin, name: Finance, level: division, parent: top}",
                "{id: fin, name: Finance, level: division, parent: top, headcount: 12}",
            ),
        )
        change = compare(new)
        before, after = change.figures["before"], change.figures["after"]
        assert before["by_level"] == {"organization": 1, "division": 3, "branch": 1}
        assert after["by_level"] == {"organization": 1, "division": 2, "branch": 1}
        assert (before["positions"], after["positions"]) == (3, 3)
        # fin's headcount (12) counts its listed CFO; the clerk's post is now vacant.
        assert (before["posts"], after["posts"]) == (3, 14)
        assert (before["filled"], after["filled"]) == (3, 13)
        assert (before["vacant"], after["vacant"]) == (0, 1)
        assert (before["depth"], after["depth"]) == (2, 2)
        assert before["span_of_control"] == {"min": 1, "median": 2, "max": 3, "mean": 2}
        assert after["span_of_control"] == {"min": 1, "median": 1.5, "max": 2, "mean": 1.5}
        stats = raci.stats(change.new)
        assert after == {key: stats[key] for key in after}  # the figures of `raci stats`
