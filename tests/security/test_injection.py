"""Names and file names cannot inject lines or escape sequences into what raci prints.

`raci diff` and `raci validate` run in CI, where a line that starts with `::` is a
GitHub Actions workflow command: a unit named ``x\\n::error ...`` must not print one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from raci.cli import cli, main

#: A line break that would start a workflow command, a terminal colour and a bidi override.
INJECTED = "::error file=README.md,line=1::Build failed"
HOSTILE = f"x\n{INJECTED}\r\n{INJECTED}\x1b[31mred\u202eevil\u2028{INJECTED}"


def _model(path: Path, unit_name: str = "Top", *, extra: str = "") -> Path:
    data = {
        "version": 1,
        "organization": {"name": unit_name},
        "units": [
            {"id": "top", "name": "Top"},
            {"id": "bad", "parent": "top", "name": unit_name},
        ],
        "deliverables": [
            {"id": "d1", "name": unit_name, "raci": {"A": "top", "R": "bad"}},
        ],
    }
    path.write_text(json.dumps(data)[:-1] + extra + "}", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def assert_clean(out: str) -> None:
    """No injected workflow command starts a line; no raw control character is shown."""
    for line in out.splitlines():
        assert not line.startswith("::"), line
    assert INJECTED in out  # the name is shown, escaped, on its line
    for raw in ("\x1b", "\r", "\u202e", "\u2028"):
        assert raw not in out


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return _model(tmp_path / "org.json", HOSTILE)


class TestDiff:
    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_a_hostile_name_stays_on_its_line(self, tmp_path: Path, fmt: str) -> None:
        old = tmp_path / "old.json"
        old.write_text('{"units": [{"id": "top", "name": "Top"}]}', encoding="utf-8")
        new = _model(tmp_path / "new.json", HOSTILE)
        code, out = run("diff", str(old), str(new), "--format", fmt)
        assert code == 0, out
        assert_clean(out)
        assert "red" in out


class TestValidate:
    def test_a_file_name_with_a_line_break_stays_on_its_line(self, tmp_path: Path) -> None:
        path = _model(tmp_path / f"o{HOSTILE}.json", "x", extra=', "typo": 1')
        code, out = run("validate", str(path))
        assert code == 2, out
        assert_clean(out)
        assert "\\n::error" in out

    def test_a_message_with_a_line_break_stays_on_its_line(self, tmp_path: Path) -> None:
        path = tmp_path / "org.json"
        path.write_text(json.dumps({"units": [{"id": "a", HOSTILE: 1}]}), encoding="utf-8")
        code, out = run("validate", str(path))
        assert code == 2, out
        for line in out.splitlines():
            assert not line.startswith("::"), line
        assert "\x1b" not in out

    def test_github_format_escapes_the_file_and_the_message(self, tmp_path: Path) -> None:
        path = _model(tmp_path / f"o{HOSTILE}.json", "x", extra=f', "{INJECTED}\\n{INJECTED}": 1')
        code, out = run("validate", "--format", "github", str(path))
        assert code == 2, out
        [line] = out.splitlines()
        assert line.startswith(f"::error file={tmp_path}/ox%0A%3A%3Aerror file=README.md%2C")
        assert "%0A" in out
        for raw in ("\x1b", "\r", "\u202e", "\u2028"):
            assert raw not in out

    def test_json_escapes_controls_as_json_reads_them_back(self, tmp_path: Path) -> None:
        path = _model(tmp_path / f"o{HOSTILE}\x85.json", "x", extra=', "typo": 1')
        code, out = run("validate", "--format", "json", str(path))
        assert code == 2, out
        for raw in ("\x1b", "\r", "\x85", "\u202e", "\u2028"):
            assert raw not in out
        assert json.loads(out)["files"][0]["file"] == str(path)


def test_stats_text(hostile: Path) -> None:
    code, out = run("stats", str(hostile))
    assert code == 0, out
    assert_clean(out)


def test_matrix_terminal_table(hostile: Path) -> None:
    code, out = run("matrix", str(hostile))
    assert code == 0, out
    for line in out.splitlines():
        assert not line.startswith("::"), line
    for raw in ("\x1b", "\r", "\u202e", "\u2028"):
        assert raw not in out


@pytest.mark.parametrize(
    ("command", "suffix"),
    [
        (["chart"], ".svg"),
        (["matrix"], ".csv"),
        (["cascade"], ".md"),
        (["report"], ".html"),
    ],
)
def test_written_messages_name_the_output_on_one_line(
    hostile: Path, tmp_path: Path, command: list[str], suffix: str
) -> None:
    output = tmp_path / f"out{HOSTILE}{suffix}"
    code, out = run(*command, str(hostile), "-o", str(output))
    assert code == 0, out
    assert output.exists()
    assert_clean(out)


def test_import_names_its_output_on_one_line(tmp_path: Path) -> None:
    source = tmp_path / "m.csv"
    source.write_text("deliverable,top,bad\nd1,A,R\n", encoding="utf-8")
    output = tmp_path / f"out{HOSTILE}.yaml"
    code, out = run("import", str(source), "-o", str(output))
    assert code == 0, out
    assert_clean(out)


def test_cascade_warning_names_the_file_on_one_line(tmp_path: Path) -> None:
    model = _model(tmp_path / f"o{HOSTILE}.json")
    code, out = run("cascade", str(model))
    assert code == 0, out
    assert_clean(out)


@pytest.mark.parametrize(
    "args",
    [
        ["chart", f"missing{HOSTILE}.yaml", "-o", "c.svg"],
        ["diff", f"missing{HOSTILE}.yaml", f"other{HOSTILE}.yaml"],
        ["init", "{existing}"],
        ["matrix", "{existing}", "--level", HOSTILE],
    ],
)
def test_error_messages_stay_on_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    existing = _model(tmp_path / f"e{HOSTILE}.yaml")
    with pytest.raises(SystemExit) as stop:
        main([a.replace("{existing}", str(existing)) for a in args])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    assert_clean(captured.out + captured.err)


def test_colour_codes_are_the_reporters_own() -> None:
    """With colour, the severity's colour codes are printed; a file name's are escaped."""
    from raci.findings import Finding, Severity, SourceLocation
    from raci.render.reporters import TextReporter

    finding = Finding("r", Severity.ERROR, "s", HOSTILE, SourceLocation(f"o{HOSTILE}.yaml", 1, 1))
    text = TextReporter(color=True)({"o.yaml": [finding]})
    assert text.count("\x1b[") == 3  # error in red and bold, then reset
    assert "\\x1b[31mred" in text
    assert not any(line.startswith("::") for line in text.splitlines())
