"""Messages about tables say what to do next in the words of the file at hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from raci.cli import cli

MATRIX = "| Task | Ann | Bo |\n|---|---|---|\n| Plan | A | R |\n"


def test_a_chart_of_a_raci_table_points_to_the_matrix(tmp_path: Path) -> None:
    path = tmp_path / "RACI.md"
    path.write_text(MATRIX)
    result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(tmp_path / "c.svg")])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: there are no units to chart in {path}: a RACI table names parties, not the"
        f" units they belong to; see it with `raci matrix {path}`"
    )


def _hint(path: Path, rule: str) -> str:
    [finding] = [f for f in raci.validate(raci.load(path)) if f.rule == rule]
    return finding.hint


def test_overloaded_hint_of_a_table_offers_the_configuration_and_ignore(
    tmp_path: Path,
) -> None:
    """A table has no `rules:` to raise a limit in: the configuration file holds it."""
    path = tmp_path / "raci.csv"
    path.write_text("Task,Ann,Bo\n" + "".join(f"T{i},A,R\n" for i in range(11)))
    assert _hint(path, "overloaded") == (
        "Delegate some of them, or raise `max_accountable` under `[rules.overloaded]` in"
        " raci.toml (`[tool.raci.rules.overloaded]` in pyproject.toml), or leave the check"
        " out with `--ignore overloaded`."
    )
    model = tmp_path / "org.yaml"
    model.write_text(
        "external: [{id: ann}, {id: bo}]\ndeliverables:\n"
        + "".join(f"  - {{id: t{i}, raci: {{A: ann, R: bo}}}}\n" for i in range(11))
    )
    assert "under `rules: overloaded`" in _hint(model, "overloaded")


def test_cardinality_hint_of_a_table_offers_the_configuration_and_ignore(
    tmp_path: Path,
) -> None:
    path = tmp_path / "daci.csv"
    path.write_text("Task,Ann,Bo,Cy\nPlan,D,D,A\n")
    assert _hint(path, "role-cardinality") == (
        "Adjust the `D` cells of this row, or the limit under `[rules.role-cardinality]` in"
        " raci.toml (`[tool.raci.rules.role-cardinality]` in pyproject.toml), or leave the"
        " check out with `--ignore role-cardinality`."
    )


@pytest.mark.parametrize(("documents", "count"), [(2, "2"), (3, "3")])
def test_a_multi_document_yaml(tmp_path: Path, documents: int, count: str) -> None:
    path = tmp_path / "orgs.yaml"
    path.write_text("\n---\n".join("version: 1\nunits: [{id: a}]" for _ in range(documents)))
    with pytest.raises(raci.LoadError) as info:
        raci.load(path)
    [problem] = info.value.findings
    assert problem.message == (
        f"this file holds {count} YAML documents (parted by `---`) and raci reads one model"
        " per file; put each in a file of its own"
    )
    assert problem.location.line == 3
