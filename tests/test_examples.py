"""The bundled examples are tests too."""

from __future__ import annotations

import attrs

import raci
from helpers import EXAMPLES


def test_un_habitat_example_is_clean() -> None:
    org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
    assert raci.validate(org) == []
    divisions = [u for u in org.units.values() if u.level == "division"]
    assert len(divisions) == 3
    assert all(u.names.get("zh") != u.names.get("en") for u in org.units.values())
    assert [u.id for u in org.units.values() if u.staff]
    assert len(org.deliverables) >= 15


def test_mistakes_example_gives_the_documented_findings() -> None:
    org = raci.load(EXAMPLES / "mistakes" / "org.yaml")
    found = [(f.rule, f.subject, f.location.line) for f in raci.validate(org)]
    assert found == [
        ("level-order", "allocations", 49),
        ("idle-unit", "archive", 58),
        ("unknown-reference", "engagement", 67),
        ("overloaded", "ceo", 72),
        ("duplicate-id", "payroll-officer", 94),
        ("single-accountable", "annual-budget", 111),
        ("single-accountable", "rent-review", 119),
        ("responsible-present", "repairs-policy", 126),
        ("unknown-role", "gas-safety-checks", 136),
        ("unknown-reference", "tenant-newsletter", 144),
        ("accountable-outside-chain", "void-turnaround", 150),
        ("redundant-roles", "complaints-procedure", 160),
        ("too-many-consulted", "stock-condition-survey", 167),
        ("silo", "payroll-run", 173),
        ("vacant-accountable", "tenant-events", 179),
        ("not-cascaded", "repairs-backlog", 188),
    ]


def test_examples_survive_a_dump_and_load(tmp_path) -> None:
    for name in ("un-habitat-2020/org.yaml", "mistakes/org.yaml"):
        org = raci.load(EXAMPLES / name)
        for suffix in (".yaml", ".json"):
            copy = tmp_path / f"copy{suffix}"
            raci.dump(org, copy)
            again = raci.load(copy)
            # A duplicated definition cannot be written twice; only the first survives.
            assert again == attrs.evolve(org, duplicates=())
            assert [(f.rule, f.subject) for f in raci.validate(again)] == [
                (f.rule, f.subject) for f in raci.validate(org) if f.rule != "duplicate-id"
            ]
