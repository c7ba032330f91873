"""Small files that fan out into millions of roles or comparisons stop early with a
message, or finish quickly: a file under 1 MB never takes minutes or gigabytes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import raci
from raci.io import most_assignments
from raci.lookup import Suggestions


def test_a_split_into_many_units_of_an_id_many_deliverables_name() -> None:
    units = [{"id": "top"}] + [
        {"id": f"s{i}", "parent": "top", "formerly": ["old"]} for i in range(2_000)
    ]
    deliverables = [{"id": f"d{i}", "raci": {"A": "old", "R": ["old"]}} for i in range(12_000)]
    text = json.dumps({"version": 1, "units": units, "deliverables": deliverables})
    assert len(text) < 1_000_000
    started = time.perf_counter()
    with pytest.raises(raci.LoadError) as info:
        raci.loads(text, "json", file="org.json")
    assert time.perf_counter() - started < 10
    [problem] = info.value.findings
    assert problem.message == (
        f"`old` is continued by 2,000 units or posts, and carrying its roles to each gives"
        f" more than {most_assignments(len(text)):,} roles; name its successors in the"
        " deliverables instead"
    )
    assert (problem.location.line, problem.location.column) == (1, text.index('"id": "s0"') + 1)


def test_a_small_split_carries_over() -> None:
    text = json.dumps(
        {
            "units": [{"id": "top"}, *({"id": f"s{i}", "formerly": ["old"]} for i in range(3))],
            "deliverables": [{"id": "d", "raci": {"A": "top", "R": ["old"]}}],
        }
    )
    org = raci.loads(text, "json")
    assert [a.party for a in org.deliverables["d"].assignments if a.role == "R"] == [
        "s0",
        "s1",
        "s2",
    ]


def test_one_alias_as_the_roles_of_many_deliverables() -> None:
    ids = [f"p{i}" for i in range(2_000)]
    lines = ["units:", "  - id: top", "external:", *(f"  - {{id: {i}}}" for i in ids)]
    lines += ["deliverables:", f"  - {{id: d0, raci: {{A: top, R: &all [{', '.join(ids)}]}}}}"]
    lines += [f"  - {{id: d{k}, raci: {{A: top, R: *all}}}}" for k in range(1, 10_000)]
    text = "\n".join(lines) + "\n"
    assert len(text) < 1_000_000
    started = time.perf_counter()
    with pytest.raises(raci.LoadError) as info:
        raci.loads(text, "yaml")
    assert time.perf_counter() - started < 10
    [problem] = info.value.findings
    assert problem.message == (
        f"the file gives more than {most_assignments(len(text)):,} roles once its aliases"
        " are written out; write the roles out, or split the file"
    )


def test_a_few_aliased_role_lists_are_fine() -> None:
    org = raci.loads(
        "units: [{id: a}, {id: b}]\n"
        "deliverables:\n"
        "  - {id: d1, raci: {A: a, R: &both [a, b]}}\n"
        "  - {id: d2, raci: {A: a, R: *both}}\n",
        "yaml",
    )
    assert [a.party for a in org.deliverables["d2"].assignments] == ["a", "a", "b"]


class TestSuggestions:
    def test_many_long_unknown_words_against_a_whole_pool(self) -> None:
        pool = Suggestions(["party-" + "x" * 80 + str(i) for i in range(2_000)])
        started = time.perf_counter()
        for i in range(3_000):
            pool.closest("party-" + "y" * 80 + str(i))
        assert time.perf_counter() - started < 10

    def test_near_misses_are_still_found_after_the_budget(self) -> None:
        ids = ["party-" + "x" * 80 + str(i) for i in range(2_000)]
        pool = Suggestions(ids)
        for i in range(100):
            pool.closest("unrelated-" + str(i))
        assert pool.closest(ids[1234][:-1] + "4z") == ids[1234]


@pytest.mark.parametrize("mark", ["_a ", "**a ", "~~a "])
def test_unclosed_emphasis_marks_are_read_quickly(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "RACI.md"
    path.write_text(
        f"# {mark * 30_000}\n\n| Task | Ann |\n|---|---|\n| {mark * 30_000} | A |\n"
        "| **Plan** | R |\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    org = raci.load(path)
    assert time.perf_counter() - started < 10
    assert "plan" in org.deliverables


def test_a_deep_path_of_one_repeated_name(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text("path\n" + "/".join(["a"] * 1_000) + "\n", encoding="utf-8")
    started = time.perf_counter()
    org = raci.load(path)
    assert time.perf_counter() - started < 10
    assert len(org.units) == 1_000
    assert max(len(uid.split(".")) for uid in org.units) <= 5


def test_one_lineage_group_of_every_unit_compares_its_posts_quickly() -> None:
    """Every new unit continues the old top unit too, so all 4,000 units are one group,
    each with posts of a grade no other unit has: matching never tries every pair."""
    n = 2_000

    def model(after: bool) -> str:
        units = [{"id": "top", "posts": {"USG": 1}}] + [
            {
                "id": f"u{i}",
                "parent": "top",
                "posts": {f"X{i}{'b' if after else 'a'}": 1, "P-3" if after else "P-4": 2},
                **({"formerly": ["top"]} if after else {}),
            }
            for i in range(n)
        ]
        return json.dumps({"version": 1, "units": units})

    old, new = raci.loads(model(False), "json"), raci.loads(model(True), "json")
    started = time.perf_counter()
    change = raci.diff(old, new)
    assert time.perf_counter() - started < 10
    assert change.posts.reclassified[0] == {"unit": "u0", "from": "P-4", "to": "P-3", "count": 2}
    assert sum(e["count"] for e in change.posts.reclassified) == 3 * n
    assert change.posts.totals == {"before": 1 + 3 * n, "after": 1 + 3 * n, "change": 0}
