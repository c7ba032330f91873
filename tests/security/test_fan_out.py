"""Small files that fan out into millions of roles or comparisons stop early with a
message, or finish quickly: a file under 1 MB never takes minutes or gigabytes."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from raci.cli import cli
from raci.io import most_assignments
from raci.lookup import Suggestions
from raci.render.cascade.limits import LIMITS
from raci.render.cascade.sheets import FORMATS


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


def _model(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "org.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    assert path.stat().st_size < 1_000_000
    return path


def _fan(tmp_path: Path, posts: int, deliverables: int) -> Path:
    """One unit of ``posts`` posts holding a role on each of ``deliverables``."""
    return _model(
        tmp_path,
        {
            "units": [{"id": "u"}],
            "positions": [{"id": f"p{i}", "unit": "u"} for i in range(posts)],
            "deliverables": [{"id": f"d{i}", "raci": {"R": "u"}} for i in range(deliverables)],
        },
    )


def _cascade(*args: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["cascade", *args])
    return result.exit_code, result.output, time.perf_counter() - started


class TestCascadeSheets:
    """Each post's sheet lists all its unit holds: sheets that would outgrow one file stop
    before anything is written, and long lines of posts or units stay short."""

    @pytest.mark.parametrize("suffix", [".md", ".html", ".csv", ".xlsx"])
    def test_a_unit_of_many_posts_and_deliverables(self, tmp_path: Path, suffix: str) -> None:
        model = _fan(tmp_path, 3_000, 3_000)
        out = tmp_path / f"sheets{suffix}"
        code, output, seconds = _cascade(str(model), "-o", str(out))
        assert code == 2, output
        assert seconds < 10
        name, _, most, _ = LIMITS[FORMATS[suffix]]
        assert output == (
            "error: the sheets of 3,000 posts would list 9,000,000 roles (each post lists every"
            f" role of its unit and the units above it), more than the {most:,} raci writes in"
            f" one {name} file; choose the posts with --post, or the posts of a unit with"
            " --unit\n"
        )
        assert not out.exists()

    def test_a_book_of_many_pages(self, tmp_path: Path) -> None:
        """A PDF starts a page for every post: a chain of 10,000 posts holding nothing
        would take minutes of drawing."""
        positions = [{"id": "p0", "unit": "u"}]
        positions += [
            {"id": f"p{i}", "unit": "u", "reports_to": f"p{i - 1}"} for i in range(1, 10_000)
        ]
        model = _model(tmp_path, {"units": [{"id": "u"}], "positions": positions})
        out = tmp_path / "sheets.pdf"
        code, output, seconds = _cascade(str(model), "-o", str(out))
        assert code == 2, output
        assert seconds < 10
        assert output == (
            f"error: the sheets of 10,000 posts are more than the {LIMITS['pdf'].posts:,} raci"
            " writes in one PDF file; choose the posts with --post, or the posts of a unit"
            " with --unit\n"
        )
        assert not out.exists()

    def test_a_few_posts_of_that_unit_are_written(self, tmp_path: Path) -> None:
        model = _fan(tmp_path, 3_000, 3_000)
        out = tmp_path / "sheets.csv"
        code, output, seconds = _cascade(str(model), "--post", "p0,p1", "-o", str(out))
        assert code == 0, output
        assert seconds < 10
        assert out.read_text(encoding="utf-8-sig").count("\n") == 1 + 2 * 3_000

    def test_long_names_on_every_sheet(self, tmp_path: Path) -> None:
        model = _model(
            tmp_path,
            {
                "units": [{"id": "u", "name": "&" * 100_000}],
                "positions": [{"id": f"p{i}", "unit": "u"} for i in range(400)],
                "deliverables": [{"id": "d", "raci": {"R": "u"}}],
            },
        )
        code, output, seconds = _cascade(str(model), "-o", str(tmp_path / "sheets.html"))
        assert code == 2, output
        assert seconds < 10
        assert "would take about" in output
        assert f"more than the {LIMITS['html'].characters:,} raci writes" in output

    def test_a_chain_of_ten_thousand_posts(self, tmp_path: Path) -> None:
        """`Reports to` names the nearest three and the top, not the whole chain."""
        positions = [{"id": "p0", "unit": "u"}]
        positions += [
            {"id": f"p{i}", "unit": "u", "reports_to": f"p{i - 1}"} for i in range(1, 10_000)
        ]
        model = _model(tmp_path, {"units": [{"id": "u"}], "positions": positions})
        out = tmp_path / "sheets.md"
        code, output, seconds = _cascade(str(model), "-o", str(out))
        assert code == 0, output
        assert seconds < 10
        text = out.read_text(encoding="utf-8")
        assert "- **Reports to:** p9998 → p9997 → p9996 → … → p0\n" in text
        assert "- **Reports to:** p3 → p2 → p1 → p0\n" in text
        assert len(text) < 3_000_000

    def test_a_chain_of_ten_thousand_units(self, tmp_path: Path) -> None:
        """The unit path names the top and the nearest three; each unit's roles are
        gathered once, however deep."""
        depth = 10_000
        units = [{"id": "u0"}] + [{"id": f"u{i}", "parent": f"u{i - 1}"} for i in range(1, depth)]
        model = _model(
            tmp_path,
            {
                "units": units,
                "positions": [{"id": "p", "unit": f"u{depth - 1}"}],
                "deliverables": [{"id": f"d{i}", "raci": {"R": f"u{i}"}} for i in range(depth)],
            },
        )
        out = tmp_path / "sheets.md"
        code, output, seconds = _cascade(str(model), "-o", str(out))
        assert code == 0, output
        assert seconds < 10
        text = out.read_text(encoding="utf-8")
        assert "- **Unit:** u0 › … › u9997 › u9998 › u9999\n" in text
        assert text.count("| R |") == depth

    def test_the_posts_of_one_unit(self, tmp_path: Path) -> None:
        model = _model(
            tmp_path,
            {
                "units": [
                    {"id": "top", "name": "Top"},
                    {"id": "a", "parent": "top", "name": "Alpha"},
                    {"id": "a1", "parent": "a"},
                    {"id": "b", "parent": "top"},
                ],
                "positions": [
                    {"id": "boss", "unit": "top"},
                    {"id": "pa", "unit": "a"},
                    {"id": "pa1", "unit": "a1"},
                    {"id": "pb", "unit": "b"},
                ],
            },
        )
        code, output, _ = _cascade(str(model), "--unit", "alpha")
        assert code == 0, output
        assert re.findall(r"^## .*$", output, re.MULTILINE) == ["## pa (pa)", "## pa1 (pa1)"]
        code, output, _ = _cascade(str(model), "--unit", "alfa")
        assert code == 2
        assert "no unit has the id or name 'alfa'; did you mean `Alpha`?" in output
