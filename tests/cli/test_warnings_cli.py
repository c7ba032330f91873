"""Every command that renders prints a render's warnings as one `warning:` line each."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli
from raci.cli._common import showing_warnings
from raci.exceptions import SlowParserWarning
from raci.render.engine import GraphvizWarning

MODEL = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def odd(*args: object, **kwargs: object) -> str:
    """A render that warns twice, the same thing over two lines."""
    for _ in range(2):
        warnings.warn("Graphviz: something odd\n  on a second line", GraphvizWarning, stacklevel=1)
    return ""


@pytest.mark.parametrize(
    ("args", "render"),
    [
        (["chart", MODEL, "-o", "out.svg"], "raci.cli.chart.render_chart"),
        (["matrix", MODEL, "-o", "out.md"], "raci.cli.matrix.render_matrix"),
        (["cascade", MODEL, "-o", "out.md"], "raci.cli.cascade.render_cascade"),
        (["report", MODEL, "-o", "out.html"], "raci.cli.report.render_report"),
        (["diff", MODEL, MODEL, "-o", "out.svg"], "raci.render.change.picture.render_picture"),
    ],
)
def test_a_render_warning_is_one_line(
    args: list[str], render: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(render, odd)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "odd" in line] == [
        "warning: Graphviz: something odd on a second line"
    ]
    assert "GraphvizWarning" not in result.stderr


class TestShowingWarnings:
    def test_returns_what_the_call_returns(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert showing_warnings(lambda: 42) == 42
        assert capsys.readouterr().err == ""

    def test_a_slow_parser_is_a_note(self, capsys: pytest.CaptureFixture[str]) -> None:
        def slow() -> None:
            warnings.warn("the pure-Python YAML parser is slow", SlowParserWarning, stacklevel=1)

        showing_warnings(slow)
        assert capsys.readouterr().err == "note: the pure-Python YAML parser is slow\n"

    def test_warnings_before_a_failure_are_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        def failing() -> None:
            warnings.warn("half done", UserWarning, stacklevel=1)
            raise ValueError("broken")

        with pytest.raises(ValueError, match="broken"):
            showing_warnings(failing)
        assert capsys.readouterr().err == "warning: half done\n"

    def test_warnings_for_programmers_go_on_to_python(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        def old() -> None:
            warnings.warn("use the new name", DeprecationWarning, stacklevel=1)

        with pytest.warns(DeprecationWarning, match="use the new name"):
            showing_warnings(old)
        assert capsys.readouterr().err == ""
