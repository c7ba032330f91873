"""The short path for plain units, posts and deliverables of a JSON file gives exactly what
the key-by-key reading gives: the same model, the same places, the same problems."""

from __future__ import annotations

import json
from typing import Any

import pytest

import raci
from raci.exceptions import LoadError
from raci.io import _plain


def _model(**extra: Any) -> dict[str, Any]:
    """Units nested three deep, plain and not, with posts and deliverables."""
    return {
        "version": 1,
        "organization": {"name": "Agency", "language": "en"},
        "units": [
            {
                "id": "agency",
                "name": "Agency",
                "level": "organization",
                "head": "dg",
                "units": [
                    {"id": "ops", "name": {"en": "Operations", "fr": "Opérations"}},
                    {"id": "fin", "name": "  Finance  ", "level": " division ", "staff": True},
                    {
                        "id": "prog",
                        "headcount": 4,
                        "units": [
                            {"id": "urban", "level": None, "units": []},
                            {"id": "land", "attributes": {"cost centre": 12}},
                            {"id": "ops", "name": "Operations again"},
                            {"id": 7, "name": "Seven"},
                        ],
                    },
                ],
            },
            {"id": "board-office", "staff": False},
        ],
        "positions": [
            {"id": "dg", "title": "Director-General", "unit": "agency"},
            {"id": "analyst", "title": "Analyst", "unit": "urban", "vacant": True},
            {"id": "clerk", "title": {"en": "Clerk"}, "unit": "land"},
        ],
        "external": [{"id": "board"}],
        "deliverables": [
            {"id": "plan", "raci": {"A": "agency", "R": ["urban", "analyst"], "I": "board"}},
            {"id": "budget", "name": "Budget", "raci": {"A": "fin", "R": "fin", "C": ["ops"]}},
            {"id": "audit", "name": {"en": "Audit"}, "raci": {"A": "dg", "R": "land"}},
        ],
        **extra,
    }


def _key_by_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every unit, post and deliverable to the key-by-key reading."""
    for name in ("_UNIT_KEYS", "_POSITION_KEYS", "_DELIVERABLE_KEYS"):
        monkeypatch.setattr(_plain, name, frozenset())


def _places(org: raci.Organization) -> list[Any]:
    things = [*org.units.values(), *org.positions.values(), *org.deliverables.values()]
    return [(t.id, t.location, dict(t.spots)) for t in things]


def _read(text: str) -> tuple[raci.Organization, list[Any]]:
    org = raci.loads(text, "json", file="org.json")
    return org, _places(org)


def test_the_same_model_and_places(monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps(_model(), indent=2)
    short, short_places = _read(text)
    with monkeypatch.context() as m:
        _key_by_key(m)
        slow, slow_places = _read(text)
    assert short == slow
    assert short_places == slow_places
    assert short.duplicates == slow.duplicates
    assert list(short.units) == list(slow.units)
    # The nested plain units took the short path and kept their file order and places.
    assert [u.id for u in short.units.values()][:4] == ["agency", "ops", "fin", "prog"]
    assert short.units["fin"].level == "division"
    assert short.units["fin"].name == "Finance"
    assert short.units["urban"].parent == "prog"
    assert short.units["urban"].location.line > short.units["prog"].location.line


def test_each_party_is_kept_once() -> None:
    """The roles of plain deliverables name each party by the one string the model keeps
    for its id, not by a copy per role as parsed."""
    model = _model()
    model["deliverables"] += [{"id": f"d{i}", "raci": {"A": "dg", "R": ["fin"]}} for i in range(3)]
    org = raci.loads(json.dumps(model, indent=2), "json", file="org.json")
    parties = [p for d in org.deliverables.values() for p in d.assignments.parties]
    assert len(parties) == 15
    assert len({id(p) for p in parties}) == len(set(parties)) == 8


def test_the_same_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _model(organization={"levels": ["organization", "division"]})
    model["units"][0]["units"].append({"id": "bad", "level": "galaxy", "name": ""})
    model["units"][0]["units"].append({"id": "has space", "parent": "nowhere"})
    text = json.dumps(model, indent=2)
    with pytest.raises(LoadError) as short:
        raci.loads(text, "json", file="org.json")
    with monkeypatch.context() as m:
        _key_by_key(m)
        with pytest.raises(LoadError) as slow:
            raci.loads(text, "json", file="org.json")
    assert str(short.value) == str(slow.value)
    assert len(short.value.findings) >= 4


def _nested(depth: int, extra: str) -> str:
    text = f'{{"id": "u{depth}"{extra}}}'
    for d in range(depth - 1, -1, -1):
        text = f'{{"id": "u{d}"{extra}, "units": [{text}]}}'
    return '{"version": 1, "units": [' + text + "]}"


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("extra", ["", ', "headcount": 1'], ids=["plain", "key-by-key"])
def test_units_nested_as_deep_as_the_parser_allows(fmt: str, extra: str) -> None:
    """Nested units are read without recursion: the deepest nesting the parser accepts
    (about 500 units) is read whole, plain units or not."""
    for depth in range(498, 0, -6):
        try:
            org = raci.loads(_nested(depth, extra), fmt)
        except LoadError:  # deeper than the parser goes
            continue
        assert len(org.units) == depth + 1
        assert org.units[f"u{depth}"].parent == f"u{depth - 1}"
        assert depth > 300
        return
    pytest.fail("no depth could be read")
