"""'Did you mean' finds near misses among many ids without comparing against all."""

from __future__ import annotations

from raci.rules._util import Suggestions


def test_small_pool_uses_plain_similarity() -> None:
    s = Suggestions(["finance", "operations", "board"])
    assert s.closest("finanse") == "finance"
    assert s.hint("bored") == "Did you mean `board`? "
    assert s.closest("zzzz") is None


def test_large_pool_finds_one_edit_misses() -> None:
    pool = [f"unit-{i:05d}" for i in range(20_000)] + ["gender-focal-point"]
    s = Suggestions(pool)
    assert s.closest("gender-focal-piont") == "gender-focal-point"  # swapped letters
    assert s.closest("gender-focl-point") == "gender-focal-point"  # a missing letter
    assert s.closest("unit-01234x") == "unit-01234"  # an extra letter
    assert s.closest("Gender-Focal-Point") == "gender-focal-point"  # case
    assert s.closest("something-else-entirely") is None
