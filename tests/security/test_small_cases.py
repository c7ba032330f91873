"""Small cases from hostile use: each gives a clear message, and nothing breaks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads
from raci.cli import cli
from raci.render.chart.orgchart import chart_sources

UN = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_a_unit_reporting_to_itself_by_a_dotted_line() -> None:
    [finding] = raci.validate(loads("units: [{id: a, also_reports_to: [a]}]"))
    assert (finding.rule, finding.subject) == ("hierarchy-cycle", "a")
    assert "reports to itself by a dotted line" in finding.message


def test_a_chart_of_units_that_only_form_a_cycle(tmp_path: Path) -> None:
    model = tmp_path / "c.yaml"
    model.write_text("units: [{id: a, parent: b}, {id: b, parent: a}]\n")
    code, out = run("chart", str(model), "-o", str(tmp_path / "c.svg"))
    assert code == 0
    assert "warning: `a` cannot be reached from a top unit" in out
    assert "<title>b</title>" in (tmp_path / "c.svg").read_text(encoding="utf-8")


def test_split_by_a_digit_that_is_not_a_number(tmp_path: Path) -> None:
    code, out = run("chart", UN, "-o", str(tmp_path / "c.svg"), "--split-by", "²")
    assert code == 2
    assert "unknown level '²'" in out
    assert "invalid literal" not in out


def test_a_very_long_id_is_charted(tmp_path: Path) -> None:
    model = tmp_path / "long.yaml"
    model.write_text("units:\n  - id: " + "x" * 20_000 + "\n")
    code, out = run("chart", str(model), "-o", str(tmp_path / "c.svg"))
    assert code == 0, out


def test_unknown_keys_reach_the_terminal_without_escape_sequences(tmp_path: Path) -> None:
    model = tmp_path / "esc.json"
    model.write_text('{"units": [{"id": "a", "parnet\\u001b]0;evil\\u0007": "b"}]}')
    for command in (["chart", str(model), "-o", str(tmp_path / "c.svg")], ["matrix", str(model)]):
        code, out = run(*command)
        assert code == 2
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "parnet\\x1b]0;evil\\x07" in out


def test_articles() -> None:
    org = loads("units: [{id: a}]\npositions: [{id: p, unit: a, reports_to: a}]")
    [finding] = [f for f in raci.validate(org) if f.rule == "unknown-reference"]
    assert "`a` is a unit, not a position" in finding.message


def test_no_control_characters_in_matrix_pages() -> None:
    org = loads(
        'units: [{id: a, name: "Ops \\e]0;owned\\a"}]\n'
        'deliverables: [{id: d, name: "Plan \\e[2J", raci: {A: a, R: a}}]\n'
    )
    # CSV is data for other programs and keeps names as they are (XLSX cannot hold them).
    for fmt in ("html", "md", "txt", "tex"):
        text = str(raci.render_matrix(org, format=fmt))
        assert "\x1b" not in text, fmt
        assert "\x07" not in text, fmt


class TestGapsTheMutationsFound:
    """Each case here failed to catch a deliberate change to the code."""

    def test_accountable_needs_exactly_one(self) -> None:
        org = loads(
            "units: [{id: a}, {id: b}]\n"
            "deliverables: [{id: two, raci: {A: [a, b], R: a}}, {id: none, raci: {R: a}}]"
        )
        for deliverable in ("two", "none"):
            with pytest.raises(raci.QueryError, match="expected 1"):
                org.accountable(deliverable)

    def test_a_unit_that_is_its_own_parent(self) -> None:
        found = raci.validate(loads("units: [{id: a, parent: a}, {id: b}]"))
        assert ("hierarchy-cycle", "a") in {(f.rule, f.subject) for f in found}

    def test_too_many_consulted_counts_strictly_above_the_limit(self) -> None:
        def consulted(n: int) -> set[str]:
            names = ", ".join(f"c{i}" for i in range(n))
            org = loads(
                f"units: [{{id: a}}, {', '.join(f'{{id: c{i}, parent: a}}' for i in range(n))}]\n"
                f"deliverables: [{{id: d, raci: {{A: a, R: a, C: [{names}]}}}}]"
            )
            return {f.rule for f in raci.validate(org)}

        assert "too-many-consulted" not in consulted(5)
        assert "too-many-consulted" in consulted(6)

    def test_a_byte_order_mark_is_dropped(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.yaml"
        path.write_bytes(b"\xef\xbb\xbfunits: [{id: a}]\n")
        assert list(raci.load(path).units) == ["a"]

    def test_an_output_hard_linked_to_the_input_is_refused(self, tmp_path: Path) -> None:
        import os

        model = tmp_path / "org.yaml"
        model.write_text("units: [{id: a}]\ndeliverables: [{id: d, raci: {A: a, R: a}}]\n")
        link = tmp_path / "matrix.md"
        os.link(model, link)
        code, out = run("matrix", str(model), "-o", str(link))
        assert code == 2
        assert "it is an input file" in out
        assert model.read_text().startswith("units:")


class TestUnitsNoTopReaches:
    """A unit whose parent does not exist, or a cycle of parents, is drawn apart with what
    is below it, and a warning names it: never left out of the chart in silence."""

    MODEL = """\
version: 1
units:
  - id: top
    units:
      - {id: a}
  - {id: lost, parent: nowhere}
  - {id: lostchild, parent: lost}
  - {id: cy1, parent: cy2}
  - {id: cy2, parent: cy1}
positions:
  - {id: boss, unit: cy1, title: Boss of the cycle}
deliverables:
  - {id: d, raci: {A: boss, R: [a]}}
"""

    def test_drawn_apart_with_a_warning(self, tmp_path: Path) -> None:
        model, out = tmp_path / "org.yaml", tmp_path / "chart.svg"
        model.write_text(self.MODEL, encoding="utf-8")
        result = CliRunner().invoke(
            cli, ["chart", str(model), "--positions", "--highlight", "d", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert result.stderr == (
            "warning: `lost`, `cy1` cannot be reached from a top unit (a parent that does not"
            " exist, or a cycle of parents): drawn apart, each with the units below it; raci"
            " validate says why\n"
        )
        svg = out.read_text(encoding="utf-8")
        for unit in ("top", "a", "lost", "lostchild", "cy1", "cy2"):
            assert f"<title>{unit}</title>" in svg
        assert "Boss of the cycle" in svg

    def test_a_book_on_paper_with_a_cycle(self, tmp_path: Path) -> None:
        """The page planner meets a tree: a cycle of parents once made it loop for ever."""
        org = raci.loads(self.MODEL, "yaml")
        started = time.perf_counter()
        with pytest.warns(UserWarning, match="cannot be reached from a top unit"):
            [written] = raci.render_chart(org, tmp_path / "book.pdf", paper="A5", split_by="auto")
        assert time.perf_counter() - started < 20
        assert written.read_bytes().startswith(b"%PDF")

    def test_a_long_chain_under_a_missing_parent_is_charted_quickly(self, tmp_path: Path) -> None:
        lines = ["units:", "  - {id: u0, parent: nowhere}"]
        lines += [f"  - {{id: u{i}, parent: u{i - 1}}}" for i in range(1, 20_000)]
        org = raci.loads("\n".join(lines) + "\n", "yaml")
        started = time.perf_counter()
        assert max(raci.stats(org)["depth"] for _ in range(3)) == 19_999
        assert time.perf_counter() - started < 5
        with pytest.warns(UserWarning, match="`u0` cannot be reached from a top unit"):
            source = chart_sources(org)[0]
        assert source.count("->") >= 19_999


def test_many_dotted_lines_are_drawn_straight_and_quickly(tmp_path: Path) -> None:
    ids = [f"u{i}" for i in range(120)]
    lines = ["units:", "  - id: top", "    units:"]
    lines += [
        f"      - {{id: {i}, also_reports_to: [{', '.join(x for x in ids if x != i)}]}}"
        for i in ids
    ]
    org = raci.loads("\n".join(lines) + "\n", "yaml")
    started = time.perf_counter()
    [source] = chart_sources(org)
    assert "splines" not in source
    assert source.count("style=dashed") >= 120 * 119
    raci.render_chart(org, tmp_path / "c.svg")
    assert time.perf_counter() - started < 10
