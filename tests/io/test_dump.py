"""`raci.dump`: a dumped file loads back to the same organization."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import raci
from strategies import organizations


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organizations())
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_load_of_dump_is_the_same_organization(fmt: str, org: raci.Organization) -> None:
    assert raci.loads(raci.dumps(org, fmt), fmt) == org


def test_dump_writes_by_suffix(tmp_path) -> None:
    org = raci.loads("units: [{id: a, name: {en: A, zh: 甲}}]")
    raci.dump(org, tmp_path / "x.yaml")
    assert "name: {en: A, zh: 甲}" in (tmp_path / "x.yaml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"use \.yaml or \.json"):
        raci.dump(org, tmp_path / "x.txt")


def test_units_whose_parent_is_missing_stay_flat() -> None:
    org = raci.loads("units:\n  - {id: a}\n  - {id: b, parent: ghost}\n")
    again = raci.loads(raci.dumps(org))
    assert again.units["b"].parent == "ghost"
    assert again == org
