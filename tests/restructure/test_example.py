"""The restructuring example: its files are up to date and say what the README says."""

from __future__ import annotations

import attrs
import pytest

import raci
from helpers import EXAMPLES

HERE = EXAMPLES / "restructuring"


@pytest.fixture
def change(monkeypatch: pytest.MonkeyPatch) -> raci.Diff:
    monkeypatch.chdir(HERE)
    return raci.diff(raci.load("before.yaml"), raci.load("after.yaml"))


def _without_formerly(org: raci.Organization) -> raci.Organization:
    return attrs.evolve(
        org,
        units={k: attrs.evolve(u, formerly=()) for k, u in org.units.items()},
        positions={k: attrs.evolve(p, formerly=()) for k, p in org.positions.items()},
    )


def test_after_is_the_2020_model_with_formerly() -> None:
    after = raci.load(HERE / "after.yaml")
    model = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
    assert _without_formerly(after) == model
    assert sum(bool(u.formerly) for u in after.units.values()) >= 10


def test_both_validate_without_errors() -> None:
    before = raci.validate(raci.load(HERE / "before.yaml"))
    assert not [f for f in before if f.severity is raci.Severity.ERROR]
    assert raci.validate(raci.load(HERE / "after.yaml")) == []


def test_committed_reports_are_up_to_date(change: raci.Diff) -> None:
    assert (HERE / "diff.txt").read_text(encoding="utf-8") == change.to_text()
    assert (HERE / "diff.md").read_text(encoding="utf-8") == change.to_markdown()


def test_the_diff_tells_the_restructuring(change: raci.Diff) -> None:
    assert change.findings == ()
    counts = change.counts()
    assert counts["units_merged"] == 2
    assert counts["units_split"] == 1
    assert counts["units_added"] == 2
    assert counts["units_removed"] == 3
    assert {e["position"] for e in change.positions_moved} == {"cb-fp", "url-fp"}
    assert {(e["deliverable"], e["party"]) for e in change.orphaned} == {
        ("sp-2020-implementation", "ueb"),
        ("urban-safety-monitoring-tool", "rrrb"),
        ("inclusive-cities-egms", "hsub"),
    }
    # The training unit's branch was renamed and moved; the unit itself has not moved.
    assert "cdtu" not in {e["unit"] for e in change.units_moved}
    assert "kib" in {e["unit"] for e in change.units_moved}


def test_the_pictures_are_committed() -> None:
    for name in ("change.svg", "lineage.svg"):
        text = (HERE / name).read_text(encoding="utf-8")
        assert "Global Solutions" in text  # a name may be wrapped
        assert ">Key<" in text


def test_formerly_survives_a_dump_and_load(tmp_path) -> None:
    after = raci.load(HERE / "after.yaml")
    assert after.positions["chief-upb"].formerly == ("chief-updb",)
    for suffix in (".yaml", ".json"):
        copy = tmp_path / f"copy{suffix}"
        raci.dump(after, copy)
        assert raci.load(copy) == after
