"""The configuration file on the command line: found above each input, named with
``--config``, left out with ``--isolated``; the command line wins over it, and a model's
own ``rules:`` wins over it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli

#: A documentation project's pyproject.toml that keeps raci's settings for its tables.
PYPROJECT = """
[project]
name = "handbook"
version = "1.0.0"
requires-python = ">=3.10"

[tool.ruff]
line-length = 100

[tool.raci]
ignore = ["silo"]
lang = "zh"
paper = "Letter"
landscape = false

[tool.raci.rules.overloaded]
max_accountable = 15   # the programme manager answers for the whole plan
"""

#: The handbook's RACI table, in Markdown: the manager is Accountable for twelve tasks,
#: and the last task tells no one.
TABLE = (
    "# Who does what\n\n| Task | Programme manager | Writers | Reviewers |\n|---|---|---|---|\n"
    + "".join(f"| Chapter {i} | A | R | C |\n" for i in range(1, 12))
    + "| Index | A | R | |\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: pyproject.toml at the top, the table in docs/."""
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(PYPROJECT).lstrip(), "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "RACI.md").write_text(TABLE, encoding="utf-8")
    return tmp_path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


class TestValidate:
    def test_the_configuration_above_the_table_applies(self, project: Path) -> None:
        code, out, _ = run("validate", project / "docs" / "RACI.md")
        assert (code, out) == (0, "0 个错误，0 个警告，0 条提示（共 1 个文件）\n")  # lang = "zh"

    def test_isolated_leaves_it_out(self, project: Path) -> None:
        table = project / "docs" / "RACI.md"
        code, out, _ = run("validate", "--isolated", table)
        assert code == 0
        assert out.splitlines() == [
            f"{table}:3:10: warning overloaded: `programme-manager` is Accountable for 12"
            " deliverables; the limit is 10",
            "    hint: Delegate some of them, or raise `max_accountable` under"
            " `[rules.overloaded]` in raci.toml (`[tool.raci.rules.overloaded]` in"
            " pyproject.toml), or leave the check out with `--ignore overloaded`.",
            f"{table}:16:3: info silo: deliverable `index` has no Consulted and no Informed party",
            "    hint: Say who should be asked or told, so the work is not done in isolation.",
            "0 errors, 1 warning, 1 info in 1 file",
        ]

    def test_config_names_the_file_for_every_input(self, project: Path, tmp_path: Path) -> None:
        strict = tmp_path / "ci" / "strict.toml"
        strict.parent.mkdir()
        strict.write_text('select = ["W101"]\n[rules]\noverloaded = "error"\n', "utf-8")
        code, out, _ = run("validate", "--config", strict, project / "docs" / "RACI.md")
        assert code == 1
        assert " error overloaded: " in out
        assert "silo" not in out

    def test_config_and_isolated_exclude_each_other(self, project: Path) -> None:
        code, _, err = run("validate", "--isolated", "--config", project / "pyproject.toml", "x")
        assert code == 2
        assert err.splitlines()[-1] == "Error: --config and --isolated exclude each other"

    def test_the_command_line_wins(self, project: Path) -> None:
        """--select starts afresh: the configuration's ignore of silo is gone."""
        table = project / "docs" / "RACI.md"
        code, out, _ = run("validate", "--select", "silo", "--lang", "en", table)
        assert code == 0
        assert " info silo: deliverable `index` " in out

    def test_the_text_speaks_the_configurations_language(self, project: Path) -> None:
        """`lang = "zh"` is the default of --lang: the text format says the findings in
        Chinese; JSON, read by machines, keeps them English."""
        table = project / "docs" / "RACI.md"
        _, out, _ = run("validate", "--select", "silo", table)
        assert "info silo: 交付成果 `index` 既没有“咨询”方，也没有“知会”方\n    提示：" in out
        _, out, _ = run("validate", "--select", "silo", "--format", "json", table)
        assert '"message": "deliverable `index` has no Consulted and no Informed party"' in out

    def test_an_ignore_adds_to_the_configurations(self, project: Path) -> None:
        table = project / "docs" / "RACI.md"
        code, out, _ = run("validate", "--ignore", "W101", "--isolated", table)
        assert "overloaded" not in out
        assert "silo" in out
        code, out, _ = run("validate", "--ignore", "M1", table)
        assert (code, out) == (0, "0 个错误，0 个警告，0 条提示（共 1 个文件）\n")  # lang = "zh"

    def test_a_models_own_rules_win(self, project: Path) -> None:
        model = project / "docs" / "org.yaml"
        model.write_text(
            "external: [{id: ann}, {id: bo}]\ndeliverables:\n"
            + "".join(f"  - {{id: t{i}, raci: {{A: ann, R: bo, I: [bo]}}}}\n" for i in range(3))
            + "rules:\n  overloaded: {max_accountable: 2}\n",
            encoding="utf-8",
        )
        code, out, _ = run("validate", model, "--lang", "en")
        assert code == 0
        assert "`ann` is Accountable for 3 deliverables; the limit is 2" in out

    def test_a_bad_configuration_stops_once_with_its_place(self, project: Path) -> None:
        (project / "docs" / "raci.toml").write_text('lnag = "zh"\n[rules]\nsilos = "off"\n')
        (project / "docs" / "other.md").write_text(TABLE, encoding="utf-8")
        config = project / "docs" / "raci.toml"
        docs = project / "docs"
        code, out, err = run("validate", docs / "RACI.md", docs / "other.md")
        assert code == 2
        assert out == ""
        assert err.splitlines() == [
            f"{config}:1:1: unknown key `lnag`; did you mean `lang`?",
            f"error: {config}: 1 problem; the file was not loaded",
        ]

    def test_a_bad_rule_setting_is_reported_at_its_place(self, project: Path) -> None:
        config = project / "pyproject.toml"
        config.write_text(config.read_text().replace("max_accountable", "max_acountable"))
        code, out, _ = run("validate", project / "docs" / "RACI.md")
        assert code == 2
        assert out.splitlines()[0] == (
            f"{config}:15:1: error parse-error: rule `overloaded` has no option"
            " `max_acountable`; did you mean `max_accountable`?"
        )

    def test_show_settings(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(project)
        code, out, _ = run(
            "validate", "--show-settings", "--ignore", "M102", "docs/RACI.md", "elsewhere.yaml"
        )
        assert code == 0
        assert out.splitlines() == [
            "docs/RACI.md: pyproject.toml",
            '  ignore = ["silo", "M102"]',
            '  lang = "zh"',
            '  paper = "Letter"',
            "  landscape = false",
            "  rules.overloaded = { max_accountable = 15 }",
            "elsewhere.yaml: pyproject.toml",
            '  ignore = ["silo", "M102"]',
            '  lang = "zh"',
            '  paper = "Letter"',
            "  landscape = false",
            "  rules.overloaded = { max_accountable = 15 }",
        ]
        code, out, _ = run("validate", "--show-settings", "--isolated", "docs/RACI.md")
        assert out == "docs/RACI.md: no configuration file\n"

    def test_show_settings_with_the_command_line_over_them(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--select starts afresh, so the configuration's ignore is gone."""
        monkeypatch.chdir(project / "docs")
        args = ["--show-settings", "--select", "M1", "--scheme", "rasci", "RACI.md"]
        code, out, _ = run("validate", *args)
        assert code == 0
        assert out.splitlines() == [
            f"RACI.md: {project / 'pyproject.toml'}",  # outside the current folder: whole
            '  select = ["M1"]',
            '  scheme = "RASCI"',
            '  lang = "zh"',
            '  paper = "Letter"',
            "  landscape = false",
            "  rules.overloaded = { max_accountable = 15 }",
        ]


#: Each command that reads a model or a table, with what it needs besides its input.
COMMANDS = {
    "validate": [],
    "matrix": [],
    "chart": ["-o", "chart.svg"],
    "stats": [],
    "report": ["-o", "report.html"],
    "cascade": [],
    "diff": ["{input}"],
    "import": ["-o", "out.yaml"],
    "staffing": [],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_reads_the_configuration(command: str, project: Path, tmp_path: Path) -> None:
    """A configuration that cannot be read stops each of them, named with its place."""
    table = project / "docs" / "RACI.md"
    if command in ("chart", "staffing"):  # draws units; reads model files only
        table = table.with_suffix(".yaml")
        table.write_text("units: [{id: hq}]\n", encoding="utf-8")
    (project / "docs" / "raci.toml").write_text('paper = "A44"\n', encoding="utf-8")
    extra = [str(tmp_path / a) if "." in a else a for a in COMMANDS[command]]
    extra = [str(table) if a.endswith("{input}") else a for a in extra]
    code, _, err = run(command, table, *extra)
    assert code == 2
    assert f"{project / 'docs' / 'raci.toml'}:1:1: unknown paper size 'A44'" in err
    missing = tmp_path / "missing.toml"
    code, _, err = run(command, table, *extra, "--config", missing)
    assert (code, err.splitlines()[0]) == (2, f"{missing}: no such file")
    code, _, err = run(command, table, *extra, "--isolated")
    assert code == 0, err


class TestDefaults:
    """lang, paper and landscape are defaults: the command line's own options win."""

    def test_lang(self, project: Path) -> None:
        table = project / "docs" / "RACI.md"
        assert run("stats", table)[1].startswith("统计数据：")
        assert run("stats", table, "--lang", "en")[1].startswith("Figures: ")
        assert "R 负责  A 批准  C 咨询  I 知会" in run("matrix", table)[1]

    def test_paper_of_a_printed_matrix(self, project: Path, tmp_path: Path) -> None:
        table, page = project / "docs" / "RACI.md", tmp_path / "matrix.html"
        assert run("matrix", table, "-o", page)[0] == 0
        assert "@page{size:215.9mm 279.4mm;" in page.read_text(encoding="utf-8")
        assert run("matrix", table, "-o", page, "--paper", "A3", "--landscape")[0] == 0
        assert "@page{size:420mm 297mm;" in page.read_text(encoding="utf-8")

    def test_paper_stays_out_of_outputs_without_pages(self, project: Path, tmp_path: Path) -> None:
        code, _, err = run("matrix", project / "docs" / "RACI.md", "-o", tmp_path / "m.md")
        assert (code, err) == (0, f"已写入 {tmp_path / 'm.md'}\n")  # the configuration's lang

    def test_paper_of_a_staffing_table(self, tmp_path: Path) -> None:
        shutil.copy(EXAMPLES / "un-habitat-2020" / "org.yaml", tmp_path)
        (tmp_path / "raci.toml").write_text('paper = "A3"\nlandscape = false\n')
        out = tmp_path / "staffing.tex"
        assert run("staffing", tmp_path / "org.yaml", "-o", out)[0] == 0
        assert "paperwidth=297mm,paperheight=420mm" in out.read_text(encoding="utf-8")

    def test_lang_of_a_diff(self, tmp_path: Path) -> None:
        for name in ("before.yaml", "after.yaml"):
            shutil.copy(EXAMPLES / "restructuring" / name, tmp_path)
        (tmp_path / "raci.toml").write_text('lang = "zh"\n')
        code, out, _ = run("diff", tmp_path / "before.yaml", tmp_path / "after.yaml")
        assert code == 0
        assert out.startswith("机构调整：")

    def test_the_report_takes_the_rules_and_the_selection(
        self, project: Path, tmp_path: Path
    ) -> None:
        table, page = project / "docs" / "RACI.md", tmp_path / "report.html"
        assert run("report", table, "-o", page, "--isolated")[0] == 0
        isolated = page.read_text(encoding="utf-8")
        assert "overloaded" in isolated
        assert "silo" in isolated
        assert run("report", table, "-o", page)[0] == 0
        configured = page.read_text(encoding="utf-8")
        assert "overloaded" not in configured
        assert "silo" not in configured
        assert '<html lang="zh">' in configured

    def test_scheme_of_a_table_read_on_its_own(self, project: Path, tmp_path: Path) -> None:
        (project / "docs" / "raci.toml").write_text('scheme = "RASCI"\n', encoding="utf-8")
        out = tmp_path / "out.yaml"
        assert run("import", project / "docs" / "RACI.md", "-o", out)[0] == 0
        assert "scheme: RASCI" in out.read_text(encoding="utf-8")
        assert run("import", project / "docs" / "RACI.md", "-o", out, "--scheme", "RACI")[0] == 0
        assert "RASCI" not in out.read_text(encoding="utf-8")
