"""The deliverables of a JSON or TOML file, kept as columns and made when asked for."""

from __future__ import annotations

import gc
import json
import random

import attrs
import pytest

import raci
from raci.deliverable_table import DeliverableTable
from raci.io._marks import IdMarks, _Lines

MODEL = {
    "version": 1,
    "organization": {"name": "Agency", "language": "fr"},
    "units": [{"id": "agency", "units": [{"id": "ops"}, {"id": "finance"}]}],
    "positions": [{"id": "clerk", "unit": "ops", "title": "Clerk"}],
    "external": [{"id": "board"}],
    "groups": [{"id": "plan"}],
    "deliverables": [
        {"id": "budget", "name": "Budget", "raci": {"A": "agency", "R": ["ops", "clerk"]}},
        {"id": "audit", "raci": {"A": "agency", "R": "finance", "I": ["board"]}},
        # Read key by key: a name in two languages, a due date, a group.
        {
            "id": "report",
            "name": {"fr": "Rapport", "en": "Report"},
            "group": "plan",
            "due": "2021-03-31",
            "raci": {"A": "finance", "R": "ops", "C": ["board", "clerk"]},
        },
        {"id": "census", "due": "2021-06-30", "group": "plan", "raci": {"A": "ops", "R": "ops"}},
        {"id": "empty"},
    ],
}


def _text() -> str:
    return json.dumps(MODEL, indent=2, ensure_ascii=False)


def _load(text: str) -> raci.Organization:
    return raci.loads(text, "json", file="org.json")


def _line_of_id(text: str, ident: str) -> tuple[int, int]:
    at = text.index(f'"id": "{ident}"')
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def test_reads_as_the_same_deliverables_as_yaml() -> None:
    org = _load(_text())
    assert isinstance(org.deliverables, DeliverableTable)
    assert list(org.deliverables) == ["budget", "audit", "report", "census", "empty"]
    same = raci.loads(raci.dumps(org, "yaml"), "yaml")
    assert org.deliverables == same.deliverables
    assert org == same
    in_memory = attrs.evolve(org, deliverables=dict(same.deliverables))
    assert not isinstance(in_memory.deliverables, DeliverableTable)
    assert in_memory == org
    census = org.deliverables["census"]
    assert census.names.get() == "census"
    assert census.names.default == "fr"
    assert str(census.due) == "2021-06-30"
    assert census.group == "plan"
    assert census.parties("R") == ["ops"]
    assert org.deliverables["budget"].parties("R") == ["ops", "clerk"]
    assert len(org.deliverables["empty"].assignments) == 0


def test_each_deliverable_is_placed_at_its_id_and_made_once() -> None:
    text = _text()
    org = _load(text)
    for ident in org.deliverables:
        d = org.deliverables[ident]
        assert (d.location.line, d.location.column) == _line_of_id(text, ident), ident
        assert d.location.file == "org.json"
        assert d is org.deliverables[ident]
        for a in d.assignments:
            assert a.location == d.location or a.location.line > d.location.line


def test_is_read_only_and_says_what_is_missing() -> None:
    org = _load(_text())
    with pytest.raises(TypeError):
        org.deliverables["new"] = org.deliverables["budget"]  # type: ignore[index]
    with pytest.raises(KeyError):
        org.deliverables["nothing"]
    assert "nothing" not in org.deliverables
    assert org.deliverables.get("nothing") is None
    assert len(org.deliverables) == 5


def test_a_second_deliverable_with_the_same_id_points_at_the_first() -> None:
    model = json.loads(_text())
    model["deliverables"].append({"id": "budget", "raci": {"A": "ops", "R": "ops"}})
    text = json.dumps(model, indent=2)
    org = _load(text)
    [dup] = org.duplicates
    first = text.index('"id": "budget"')
    second = text.index('"id": "budget"', first + 1)
    assert dup.first.line == text.count("\n", 0, first) + 1
    assert dup.location.line == text.count("\n", 0, second) + 1
    assert org.deliverables["budget"].parties("A") == ["agency"]


def test_roles_carried_over_keep_the_table() -> None:
    model = json.loads(_text())
    model["units"][0]["units"].append({"id": "treasury", "formerly": ["cash"]})
    model["deliverables"].append({"id": "payroll", "raci": {"A": "agency", "R": "cash"}})
    org = _load(json.dumps(model, indent=2))
    assert isinstance(org.deliverables, DeliverableTable)
    payroll = org.deliverables["payroll"]
    assert payroll.parties("R") == ["treasury"]
    assert [a.via for a in payroll.assignments] == [None, "cash"]
    assert org.deliverables["budget"].parties("R") == ["ops", "clerk"]
    findings = raci.validate(org)
    assert [f.subject for f in findings if f.rule == "carried-over"] == ["payroll"]


def test_validation_reads_the_columns_without_making_every_deliverable() -> None:
    model = json.loads(_text())
    model["deliverables"] += [
        {"id": f"d{i}", "raci": {"A": "agency", "R": "ops", "I": ["board"]}} for i in range(50)
    ]
    model["deliverables"].append({"id": "bad", "raci": {"A": ["ops", "finance"], "R": "ops"}})
    org = _load(json.dumps(model, indent=2))
    table = org.deliverables
    assert isinstance(table, DeliverableTable)
    findings = raci.validate(org)
    assert any(f.rule == "single-accountable" and f.subject == "bad" for f in findings)
    made = {ident for ident, d in zip(table.ids, table.made, strict=True) if d is not None}
    assert "bad" in made
    assert not made & {f"d{i}" for i in range(50)}


@pytest.mark.parametrize("width", [1, 7, 200, 9000, 50_000])
def test_lines_place_any_offset_in_any_order(width: int) -> None:
    rng = random.Random(width)
    text = "".join(
        "x" * rng.randrange(width) + ("\n" if rng.random() < 0.9 else "\n\n") for _ in range(300)
    )
    lines = _Lines(text)
    offsets = [*range(0, len(text) + 1, max(1, len(text) // 2000)), len(text)]
    rng.shuffle(offsets)
    for offset in offsets:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        assert lines.pos(offset) == (line, column), offset


def test_a_loaded_model_keeps_the_text_lines_not_the_parser_marks() -> None:
    org = _load(_text())
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, IdMarks)]
    assert org.deliverables["audit"].location.line > 1  # still placed when asked for
