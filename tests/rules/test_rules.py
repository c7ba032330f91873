"""One table per rule: an organization, and the findings it must produce (with lines)."""

from __future__ import annotations

import re
import textwrap

import pytest

import raci
from helpers import line_of, loads
from raci.rules import RULES, validate

BASE = """
version: 1
units:
  - id: root
    level: organization
    head: boss
    units:
      - id: div
        level: division
        units:
          - id: sec
            level: section
      - id: other
        level: division
positions:
  - {id: boss, unit: root}
  - {id: clerk, unit: sec}
external:
  - id: board
deliverables:
"""


def org_with(deliverables: str, base: str = BASE) -> str:
    """BASE followed by the given deliverables block (indented under `deliverables:`)."""
    body = textwrap.indent(textwrap.dedent(deliverables).strip("\n"), "  ")
    return textwrap.dedent(base).lstrip("\n") + body + "\n"


CLEAN = org_with(
    """
    - id: d1
      raci: {A: boss, R: [sec, clerk], C: [div], I: [board]}
    """
)

# The cascade (not-cascaded): root (boss) > div (dir) > br (chief) > sec (clerk, spare);
# root > quiet (loner); root > empty, which lists no posts.
CASCADE = """
version: 1
units:
  - id: root
    head: boss
    units:
      - id: div
        head: dir
        units:
          - id: br
            head: chief
            units:
              - id: sec
      - id: quiet
      - id: empty
positions:
  - {id: boss, unit: root}
  - {id: dir, unit: div}
  - {id: chief, unit: br}
  - {id: clerk, unit: sec}
  - {id: spare, unit: sec, vacant: true}
  - {id: loner, unit: quiet}
external:
  - id: board
deliverables:
  - id: d1
    raci: {A: boss, R: [div, clerk], I: [board]}
  - id: d2
    raci: {A: dir, R: [br], C: [div], I: [board]}
  - id: d3
    raci: {A: boss, R: [sec, clerk], C: [div]}
  - id: d4
    raci: {A: boss, R: [empty], I: [board]}
  - id: d5
    raci: {A: boss, R: [div], I: [quiet]}
  - id: d6
    raci: {A: boss, R: [board], C: [root], I: [quiet]}
"""

# (rule, model text, [(subject, text on the reported line)])
CASES = [
    ("single-accountable", CLEAN, []),
    (
        "single-accountable",
        org_with(
            """
            - id: none
              raci: {R: [clerk], I: [board]}
            - id: two
              raci:
                A: [boss, div]
                R: [clerk]
                I: [board]
            """
        ),
        [("none", "raci: {R: [clerk]"), ("two", "A: [boss, div]")],
    ),
    ("responsible-present", CLEAN, []),
    (
        "responsible-present",
        org_with(
            """
            - id: lazy
              raci: {A: boss, I: [board]}
            """
        ),
        [("lazy", "raci: {A: boss")],
    ),
    (
        "role-cardinality",
        org_with(
            """
            - id: crowded
              raci:
                A: boss
                R: [sec, clerk, div, other]
                I: [board]
            """
        )
        + "rules:\n  role-cardinality: {R: {max: 3}}\n",
        [("crowded", "R: [sec, clerk")],
    ),
    (
        "role-cardinality",
        org_with(
            """
            - id: two-drivers
              raci: {A: boss, D: [sec, clerk], I: [board]}
            """,
            "scheme: DACI\n" + textwrap.dedent(BASE).lstrip("\n"),
        ),
        [("two-drivers", "raci: {A: boss, D:")],
    ),
    ("role-cardinality", CLEAN, []),
    (
        "unknown-role",
        org_with(
            """
            - id: d1
              raci:
                A: boss
                R: [clerk]
                X: [board]
                i: [div]
            """
        ),
        [("d1", "X: [board]"), ("d1", "i: [div]")],
    ),
    (
        "unknown-reference",
        org_with(
            """
            - id: d1
              group: nogroup
              raci: {A: boss, R: [clerk, ghost], I: [board]}
            """,
            BASE.replace(
                "  - {id: clerk, unit: sec}", "  - {id: clerk, unit: sec, reports_to: nobody}"
            ).replace("positions:", "  - id: stray\n    parent: ro0t\npositions:"),
        ),
        [
            ("stray", "parent: ro0t"),
            ("clerk", "reports_to: nobody"),
            ("d1", "group: nogroup"),
            ("d1", "R: [clerk, ghost]"),
        ],
    ),
    ("unknown-reference", CLEAN, []),
    (
        "duplicate-id",
        CLEAN.replace("  - id: board\n", "  - id: board\n  - {id: sec, name: copy}\n"),
        [("sec", "name: copy")],
    ),
    ("invisible-id", CLEAN, []),
    (
        "invisible-id",
        CLEAN.replace("  - id: board\n", '  - id: board\n  - {id: "board\\u200b", name: copy}\n'),
        [("board\u200b", "name: copy")],
    ),
    ("hierarchy-cycle", CLEAN, []),
    (
        "hierarchy-cycle",
        CLEAN.replace(
            "units:\n  - id: root",
            "units:\n  - id: x\n    parent: y\n  - id: y\n    parent: x\n  - id: root",
        ),
        [("x", "parent: y")],
    ),
    (
        "hierarchy-cycle",
        CLEAN.replace(
            "{id: boss, unit: root}", "{id: boss, unit: root, reports_to: clerk}"
        ).replace("{id: clerk, unit: sec}", "{id: clerk, unit: sec, reports_to: boss}"),
        [("boss", "{id: boss, unit: root, reports_to: clerk}")],
    ),
    (
        "multiple-roots",
        CLEAN.replace("positions:", "  - id: island\n    level: division\npositions:"),
        [("island", "- id: island")],
    ),
    ("multiple-roots", CLEAN, []),
    (
        "level-order",
        CLEAN.replace(
            "          - id: sec\n            level: section",
            "          - id: sec\n            level: division",
        ),
        [("sec", "            level: division")],
    ),
    ("level-order", CLEAN, []),
    (
        "accountable-outside-chain",
        org_with(
            """
            - id: d1
              raci: {A: other, R: [sec], I: [board]}
            """
        ),
        [("d1", "R: [sec]")],
    ),
    ("accountable-outside-chain", CLEAN, []),
    (
        "overloaded",
        org_with(
            "\n".join(f"- id: d{i}\n  raci: {{A: div, R: [clerk], I: [board]}}" for i in range(3))
        )
        + "rules:\n  overloaded: {max_accountable: 2, max_responsible: 2}\n",
        [("div", "  - id: div"), ("clerk", "{id: clerk")],
    ),
    ("overloaded", CLEAN, []),
    (
        "too-many-consulted",
        org_with(
            """
            - id: d1
              raci: {A: boss, R: [clerk], C: [root, div, sec, other, board, ext2]}
            """,
            BASE.replace("  - id: board\n", "  - id: board\n  - id: ext2\n"),
        ),
        [("d1", "C: [root")],
    ),
    (
        "too-many-consulted",
        org_with(
            """
            - id: d1
              raci: {A: boss, R: [clerk], C: [root, div]}
            """
        )
        + "rules:\n  too-many-consulted: {max: 1}\n",
        [("d1", "C: [root, div]")],
    ),
    ("too-many-consulted", CLEAN, []),
    (
        "redundant-roles",
        org_with(
            """
            - id: d1
              raci:
                A: boss
                R: [clerk]
                C: [div]
                I: [board, div, boss]
            """
        ),
        [("d1", "I: [board, div, boss]"), ("d1", "I: [board, div, boss]")],
    ),
    ("redundant-roles", CLEAN, []),
    ("silo", CLEAN, []),
    (
        "silo",
        org_with(
            """
            - id: alone
              raci: {A: boss, R: [clerk]}
            """
        ),
        [("alone", "raci: {A: boss, R: [clerk]}")],
    ),
    (
        "vacant-accountable",
        CLEAN.replace("{id: boss, unit: root}", "{id: boss, unit: root, vacant: true}"),
        [("d1", "raci: {A: boss")],
    ),
    ("vacant-accountable", CLEAN, []),
    (
        "idle-unit",
        CLEAN,
        [("other", "- id: other")],
    ),
    (
        "idle-unit",
        CLEAN.replace(
            "      - id: other\n        level: division\n",
            "      - id: other\n        level: division\n        units:\n"
            "          - id: other-a\n            units: [{id: other-a1}, {id: other-a2}]\n"
            "          - id: other-b\n",
        ).replace(
            "  - {id: clerk, unit: sec}",
            "  - {id: clerk, unit: sec}\n  - {id: idler, unit: other-a1}",
        ),
        [("other", "- id: other")],
    ),
    (
        "idle-unit",
        org_with(
            """
            - id: d1
              raci: {A: boss, R: [boss], I: [board]}
            """
        ),
        [("div", "- id: div"), ("other", "- id: other")],
    ),
    (
        "idle-unit",
        org_with(
            """
            - id: d1
              raci: {A: board, R: [board]}
            """
        ),
        [("root", "- id: root")],
    ),
    (
        "not-cascaded",
        org_with(
            """
            - id: d1
              raci: {A: boss, R: [div], I: [board]}
            - id: d2
              raci: {A: boss, R: [div, clerk], I: [board]}
            - id: d3
              raci: {A: boss, R: [other], I: [board]}
            """
        ),
        [("d1", "R: [div], I")],
    ),
    (
        "not-cascaded",
        CASCADE,
        [("d2", "R: [br]"), ("d5", "R: [div], I: [quiet]")],
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_rule(rule: str, text: str, expected: list[tuple[str, str]]) -> None:
    org = loads(text)
    found = [f for f in validate(org) if f.rule == rule]
    assert [(f.subject, f.location.line) for f in found] == [
        (subject, line_of(text, needle)) for subject, needle in expected
    ]
    for f in found:
        assert f.severity == RULES[rule].severity
        assert f.message
        assert f.hint
        assert f.location.file == "org.yaml"


def test_every_rule_of_the_spec_is_registered_and_tested() -> None:
    spec = {
        "single-accountable": "error",
        "responsible-present": "error",
        "role-cardinality": "error",
        "unknown-role": "error",
        "unknown-reference": "error",
        "duplicate-id": "error",
        "hierarchy-cycle": "error",
        "multiple-roots": "error",
        "level-order": "warning",
        "accountable-outside-chain": "warning",
        "overloaded": "warning",
        "too-many-consulted": "warning",
        "redundant-roles": "warning",
        "idle-unit": "info",
        "silo": "info",
        "vacant-accountable": "warning",
        "not-cascaded": "info",
    }
    # Rules beyond the contract's, tested with the readers that feed them (the table and
    # catalog rules) or with `formerly` (tests/restructure/test_carry_over.py).
    beyond = {
        "stray-cell": "warning",
        "unreadable-cell": "error",
        "duplicate-row": "warning",
        "duplicate-column": "warning",
        "tables-read": "info",
        "names-split": "info",
        "turned-table": "warning",
        "table-reading": "info",
        "catalog-reading": "info",
        "catalog-mismatch": "warning",
        "formerly-live": "warning",
        "carried-over": "info",
        "invisible-id": "error",
        "unknown-grade": "error",
        "positions-exceed-posts": "warning",
        "level-norms": "warning",
    }
    assert {name: r.severity.value for name, r in RULES.items()} == spec | beyond
    tested = {rule for rule, _, expected in CASES if expected}
    assert tested == set(spec) | {"invisible-id"}
    assert len({r.code for r in RULES.values()}) == len(RULES)


class TestMessages:
    """Messages say what, what was expected and what was found."""

    def test_single_accountable_message(self) -> None:
        org = loads(org_with("- id: two\n  raci: {A: [boss, div], R: [clerk], I: [board]}"))
        [f] = [f for f in validate(org) if f.rule == "single-accountable"]
        assert f.message == (
            "deliverable `two` has 2 Accountable parties (A: `boss`, `div`); expected exactly one"
        )

    def test_daci_uses_its_own_role_names(self) -> None:
        text = "scheme: DACI\n" + org_with("- id: d\n  raci: {D: [clerk], I: [board]}")
        [f] = [f for f in validate(loads(text)) if f.rule == "single-accountable"]
        assert "no Approver (A)" in f.message

    def test_unknown_reference_suggests(self) -> None:
        org = loads(org_with("- id: d\n  raci: {A: bos, R: [clerk], I: [board]}"))
        [f] = [f for f in validate(org) if f.rule == "unknown-reference"]
        assert f.hint.startswith("Did you mean `boss`?")

    def test_reference_of_the_wrong_kind(self) -> None:
        org = loads(BASE.replace("- {id: clerk, unit: sec}", "- {id: clerk, unit: board}"))
        [f] = [f for f in validate(org) if f.rule == "unknown-reference"]
        assert (
            f.message
            == "`unit` of `clerk` refers to `board`, but `board` is an external party, not a unit"
        )


class TestSettings:
    """Per-file settings and --select/--ignore."""

    SILO = org_with("- id: alone\n  raci: {A: boss, R: [clerk]}")

    def test_off_and_severity(self) -> None:
        assert not [
            f for f in validate(loads(self.SILO + "rules:\n  silo: off\n")) if f.rule == "silo"
        ]
        [f] = [
            f for f in validate(loads(self.SILO + "rules:\n  silo: error\n")) if f.rule == "silo"
        ]
        assert f.severity is raci.Severity.ERROR
        [f] = [
            f
            for f in validate(loads(self.SILO + "rules:\n  silo: {severity: warning}\n"))
            if f.rule == "silo"
        ]
        assert f.severity is raci.Severity.WARNING

    @pytest.mark.parametrize(
        ("setting", "reason"),
        [
            ("sillo: off", "unknown rule `sillo`; did you mean `silo`?"),
            (
                "overloaded: {max_acountable: 3}",
                "rule `overloaded` has no option `max_acountable`; did you mean `max_accountable`?",
            ),
            (
                "overloaded: {max_accountable: lots}",
                "option `max_accountable` of rule `overloaded` must be a whole number (got 'lots')",
            ),
            (
                "role-cardinality: {Z: {max: 1}}",
                "role-cardinality: `Z` is not a role of scheme RACI (R, A, C, I)",
            ),
            (
                "silo: loud",
                "rule `silo` setting must be off, on, error, warning, info or a mapping"
                " of options (got 'loud')",
            ),
        ],
    )
    def test_bad_settings_are_reported_when_the_rules_run(self, setting: str, reason: str) -> None:
        text = self.SILO + "rules:\n  " + setting + "\n"
        org = loads(text)
        with pytest.raises(raci.LoadError) as info:
            validate(org)
        assert info.value.reason == reason
        assert info.value.line == line_of(text, setting.split(":")[0] + ":")

    def test_select_and_ignore_by_name_and_code(self) -> None:
        org = loads(self.SILO)
        every = {f.rule for f in validate(org)}
        assert {"silo", "idle-unit"} <= every
        assert {f.rule for f in validate(org, select=["silo"])} == {"silo"}
        assert {f.rule for f in validate(org, select=["M108"])} == {"silo"}
        assert "silo" not in {f.rule for f in validate(org, ignore=["M1"])}
        assert {f.rule for f in validate(org, select=["M1"], ignore=["M101"])} == {"silo"}
        assert {f.rule for f in validate(org, select=["silo"], ignore=["M"])} == {"silo"}


class TestNotCascaded:
    """not-cascaded fires where a unit's work has not reached a named post, and says who
    could take it."""

    def hints(self, text: str) -> dict[str, str]:
        return {f.subject: f.hint for f in validate(loads(text)) if f.rule == "not-cascaded"}

    def test_hint_names_the_heads_below_nearest_first(self) -> None:
        hints = self.hints(CASCADE)
        assert hints["d2"].endswith("(the cascade to staff): `chief`.")
        assert hints["d5"].endswith("for instance `dir`, `chief`.")

    def test_hint_names_posts_when_no_unit_below_has_a_head(self) -> None:
        text = re.sub(r"\n *head: (dir|chief)", "", CASCADE)
        hints = self.hints(text)
        assert hints["d2"].endswith("for instance `chief`, `clerk`, `spare`.")
        assert hints["d5"].endswith("for instance `dir`, `chief`, `clerk` (or one of 1 more).")

    def test_hint_counts_the_posts_it_leaves_out(self) -> None:
        extra = "".join(f"  - {{id: p{i}, unit: sec}}\n" for i in range(4))
        text = re.sub(r"\n *head: (dir|chief)", "", CASCADE)
        text = text.replace("  - {id: spare", extra + "  - {id: spare")
        assert self.hints(text)["d2"].endswith("`chief`, `clerk`, `p0` (or one of 4 more).")

    def test_silent_without_posts(self) -> None:
        text = CASCADE.split("positions:")[0] + "deliverables:" + CASCADE.split("deliverables:")[1]
        text = re.sub(r"\n *head: \w+", "", text)
        assert self.hints(text) == {}

    def test_a_post_deeper_down_reaches_the_unit(self) -> None:
        """d1: div is Responsible and so is clerk, three levels down: no finding."""
        assert "d1" not in self.hints(CASCADE)


def test_findings_sorted_by_file_line_rule() -> None:
    org = loads(raci.dumps(raci.load("examples/mistakes/org.yaml")))
    found = validate(org)
    keys = [(f.location.file, f.location.line, f.rule) for f in found]
    assert keys == sorted(keys)


def test_idle_unit_counts_what_it_stands_for() -> None:
    """The one finding for an idle subtree says how many units and posts it covers."""
    text = CLEAN.replace(
        "      - id: other\n        level: division\n",
        "      - id: other\n        level: division\n        units:\n"
        "          - id: other-a\n            units: [{id: other-a1}, {id: other-a2}]\n",
    ).replace(
        "  - {id: clerk, unit: sec}", "  - {id: clerk, unit: sec}\n  - {id: idler, unit: other-a1}"
    )
    [finding] = [f for f in validate(loads(text)) if f.rule == "idle-unit"]
    assert "(3 units and 1 post, not reported one by one)" in finding.message


def test_idle_unit_cycle() -> None:
    """Idle units in a cycle have no top: the cycle's first unit stands for them."""
    text = CLEAN.replace(
        "positions:",
        "  - {id: c1, parent: c2}\n  - {id: c2, parent: c1}\n  - {id: c3, parent: c2}\npositions:",
    )
    found = [f for f in validate(loads(text)) if f.rule == "idle-unit"]
    assert [f.subject for f in found] == ["other", "c1"]
    assert "(2 units, not reported one by one)" in found[1].message


def test_idle_unit_deep_chain() -> None:
    """A 10,000-deep idle chain is one finding."""
    units = {"top": raci.Unit("top", raci.Names.plain("Top"))}
    units["u0"] = raci.Unit("u0", raci.Names.plain("U0"), parent="top")
    for i in range(1, 10_000):
        units[f"u{i}"] = raci.Unit(f"u{i}", raci.Names.plain(f"U{i}"), parent=f"u{i - 1}")
    work = raci.Deliverable(
        "d", raci.Names.plain("d"), assignments=(raci.Assignment("d", "A", "top"),)
    )
    org = raci.Organization(units=units, deliverables={"d": work})
    found = validate(org, select=["idle-unit"])
    assert [f.subject for f in found] == ["u0"]
    assert "(9999 units, not reported one by one)" in found[0].message
