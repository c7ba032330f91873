"""Ids from names, lookups by id or name, and 'did you mean' among many ids."""

from __future__ import annotations

import pytest

from raci.exceptions import QueryError
from raci.lookup import Lookup, Suggestions, did_you_mean
from raci.model import Names


def test_small_pool_uses_plain_similarity() -> None:
    s = Suggestions(["finance", "operations", "board"])
    assert s.closest("finanse") == "finance"
    assert s.did_you_mean("bored") == "did you mean `board`?"
    assert s.closest("zzzz") is None


def test_large_pool_finds_one_edit_misses() -> None:
    pool = [f"unit-{i:05d}" for i in range(20_000)] + ["gender-focal-point"]
    s = Suggestions(pool)
    assert s.closest("gender-focal-piont") == "gender-focal-point"  # swapped letters
    assert s.closest("gender-focl-point") == "gender-focal-point"  # a missing letter
    assert s.closest("unit-01234x") == "unit-01234"  # an extra letter
    assert s.closest("Gender-Focal-Point") == "gender-focal-point"  # case
    assert s.closest("something-else-entirely") is None


def test_a_very_long_word_gets_no_suggestion_and_costs_little() -> None:
    pool = [f"party-{i}" for i in range(2_500)]
    assert did_you_mean("party-1" + "x" * 80_000, pool) == ""
    assert Suggestions(pool).closest("party-12x") == "party-12"


def test_lookup_by_id_any_case_or_name() -> None:
    lookup = Lookup({"gsd": Names({"en": "Global Solutions", "zh": "全球解决方案司"})})
    assert lookup.find("gsd") == ("gsd", [])
    assert lookup.find("GSD") == ("gsd", [])
    assert lookup.find("  global   solutions ") == ("gsd", [])
    assert lookup.find("全球解决方案司") == ("gsd", [])
    assert lookup.find("nothing") == (None, [])
    assert lookup.did_you_mean("global solution") == "did you mean `Global Solutions`?"


def test_resolve_says_why_not() -> None:
    lookup = Lookup(
        {
            "gsd": Names({"en": "Global Solutions"}),
            "a1": Names({"en": "Office"}),
            "a2": Names({"en": "Office"}),
        }
    )
    assert lookup.resolve("GSD", "unit") == "gsd"
    with pytest.raises(QueryError, match="no unit has the id or name 'gds'; did you mean `gsd`"):
        lookup.resolve("gds", "unit")
    with pytest.raises(QueryError, match=r"'office' names 2 units \(`a1`, `a2`\); give the id"):
        lookup.resolve("office", "unit")


class TestLookupOrder:
    """An id as written, then a name as written, then an id or a name in any case; two
    answers at one step are a message, never a silent pick."""

    @staticmethod
    def lookup() -> Lookup:
        return Lookup(
            {
                "finance": Names.plain("Operations"),
                "fin": Names.plain("Finance"),
                "Ops": Names.plain("Ops upper"),
                "ops": Names.plain("Ops lower"),
            }
        )

    def test_an_exact_name_beats_an_id_in_another_case(self) -> None:
        assert self.lookup().resolve("Finance", "unit") == "fin"

    def test_an_exact_id_beats_a_name(self) -> None:
        assert self.lookup().resolve("finance", "unit") == "finance"

    def test_ids_alike_but_for_case_are_ambiguous(self) -> None:
        with pytest.raises(QueryError, match=r"'OPS' names 2 units \(`Ops`, `ops`\)"):
            self.lookup().resolve("OPS", "unit")
        assert self.lookup().resolve("Ops", "unit") == "Ops"

    def test_a_name_in_any_case(self) -> None:
        assert self.lookup().resolve("ops LOWER", "unit") == "ops"
