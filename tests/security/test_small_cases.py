"""Small cases from hostile use: each gives a clear message, and nothing breaks."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads
from raci.cli import cli

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
    assert code == 2
    assert "form a cycle with no top" in out


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
        assert "parnet\ufffd]0;evil\ufffd" in out


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
