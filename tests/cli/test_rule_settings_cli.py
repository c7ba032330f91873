"""A typo under `rules:` fails `raci validate` at its place; other commands warn and go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from raci.cli import cli

MODEL = """
version: 1
units:
  - id: hq
    name: Headquarters
deliverables:
  - id: budget
    raci: {A: hq, R: hq}
rules:
  overloaded: {max_acountable: 3}
  silos: off
"""

#: The two bad settings, as `raci validate` reports them: in file order, with their place.
PROBLEMS = [
    "{file}:9:3: rule `overloaded` has no option `max_acountable`; did you mean `max_accountable`?",
    "{file}:10:3: unknown rule `silos`; did you mean `silo`?",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_validate_reports_each_bad_setting_at_its_place(write) -> None:
    path = write(MODEL)
    code, out, _ = run("validate", str(path))
    assert code == 2
    lines = out.splitlines()
    expected = [p.format(file=path).replace(": ", ": error parse-error: ", 1) for p in PROBLEMS]
    assert lines[:2] == expected


@pytest.mark.parametrize(
    ("command", "output", "shown"),
    [
        (["chart"], "chart.dot", "Headquarters"),
        (["matrix"], "matrix.md", "budget"),
        (["matrix"], None, "budget"),
        (["diff", "{file}"], None, "No changes"),
    ],
)
def test_other_commands_warn_once_per_setting_and_go_on(
    write, tmp_path: Path, command: list[str], output: str | None, shown: str
) -> None:
    path = write(MODEL)
    args = [command[0], str(path), *(a.format(file=path) for a in command[1:])]
    if output is not None:
        args += ["-o", str(tmp_path / output)]
    code, out, err = run(*args)
    assert code == 0, err
    warnings = [f"warning: {p.format(file=path)} (the setting is ignored)" for p in PROBLEMS]
    copies = 2 if command[0] == "diff" else 1  # diff reads both versions
    assert [line for line in err.splitlines() if line.startswith("warning")] == warnings * copies
    written = (tmp_path / output).read_text(encoding="utf-8") if output is not None else out
    assert shown in written
