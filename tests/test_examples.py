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
        ("idle-unit", "ieu", 45),
        ("level-order", "upb", 100),
        ("multiple-roots", "nylo", 112),
        ("hierarchy-cycle", "restructuring-wg", 117),
        ("overloaded", "ed", 125),
        ("duplicate-id", "budget-officer", 142),
        ("single-accountable", "hq-restructuring", 248),
        ("unknown-reference", "lateral-reassignment", 259),
        ("too-many-consulted", "global-presence-paper", 269),
        ("vacant-accountable", "rpd-tor", 276),
        ("accountable-outside-chain", "rpd-tor", 277),
        ("role-cardinality", "wpb-2021", 286),
        ("redundant-roles", "cb-strategy", 308),
        ("responsible-present", "cb-action-plan", 315),
        ("unknown-role", "gender-marker-review", 325),
        ("not-cascaded", "gender-policy-plan", 333),
        ("silo", "url-webinars", 341),
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
            # JSON places findings by object, so only their order within a line may differ.
            assert sorted((f.rule, f.subject) for f in raci.validate(again)) == sorted(
                (f.rule, f.subject) for f in raci.validate(org) if f.rule != "duplicate-id"
            )


def test_rendered_matrix_is_up_to_date() -> None:
    """`nox -s examples` renders matrix.md; the committed copy matches the model."""
    org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
    committed = (EXAMPLES / "un-habitat-2020" / "matrix.md").read_text(encoding="utf-8")
    assert raci.render_matrix(org, format="md") == committed
