"""The documentation covers the code: every rule, command and option is documented, each
rule's example makes it fire, and the site builds without a warning.

The format's keys are checked against the schema in tests/io/test_schema.py.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest
import yaml

import raci
from helpers import ROOT
from raci.cli import cli
from raci.rules import iter_rules
from raci.rules.registry import Rule

DOCS = ROOT / "docs"
RULES = list(iter_rules())
#: The docs build, quiet: as in `nox -s docs` and .ci/run.
SPHINX = (sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-n", "-q")


def written_docs() -> str:
    """Every page written by hand (the generated ones are made from the code itself)."""
    pages = sorted(DOCS.glob("*.md")) + sorted(DOCS.glob("howto/*.md"))
    return "\n".join(p.read_text(encoding="utf-8") for p in pages)


def load_extension() -> ModuleType:
    """docs/_ext/raci_docs.py, which makes the generated pages (it needs no Sphinx)."""
    spec = importlib.util.spec_from_file_location("raci_docs", DOCS / "_ext" / "raci_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRules:
    """docs/rules.md lists each rule, and each rule carries what its reference needs."""

    @pytest.mark.parametrize("r", RULES, ids=lambda r: r.name)
    def test_listed_in_the_rules_table(self, r: Rule) -> None:
        table = (DOCS / "rules.md").read_text(encoding="utf-8")
        row = re.search(rf"^\| {r.code} \| `{re.escape(r.name)}` \| (\w+) \|", table, re.M)
        assert row, f"docs/rules.md has no row for {r.code} {r.name}"
        assert row.group(1) == r.severity.value

    @pytest.mark.parametrize("r", RULES, ids=lambda r: r.name)
    def test_documents_itself(self, r: Rule) -> None:
        assert r.summary.endswith(".")
        assert r.fix.endswith("."), f"{r.name}: no `fix` text"
        assert r.example, f"{r.name}: no example"
        for key, option in r.options.items():
            assert option.about, f"{r.name}: option {key} says nothing about itself"

    @pytest.mark.parametrize("r", RULES, ids=lambda r: r.name)
    def test_its_example_makes_it_fire(self, r: Rule, tmp_path: Path) -> None:
        path = tmp_path / r.example_file
        path.write_text(r.example, encoding="utf-8")
        found = raci.validate_file(path)
        assert r.name in {f.rule for f in found}
        assert "parse-error" not in {f.rule for f in found}

    def test_the_reference_page_has_every_rule_and_setting(self) -> None:
        page = load_extension().rules_page()
        for r in RULES:
            section = page.split(f"## `{r.name}` ({r.code})", 1)
            assert len(section) == 2, r.name
            body = section[1].split("\n## ", 1)[0]
            assert r.fix in body
            assert r.example.rstrip() in body
            assert f" {r.severity.value} {r.name}: " in body  # what validate printed for it
            for key in r.options:
                assert f"| `{key}` |" in body, f"{r.name}: setting {key}"


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli)
    found = [(name, cli.get_command(ctx, name)) for name in cli.list_commands(ctx)]
    return [(name, command) for name, command in found if command is not None]


def _options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and p.name not in {"help"}]


class TestCommands:
    """docs/cli.md lists each command; the written pages mention each option."""

    @pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
    def test_listed_in_cli_md(self, name: str, command: click.Command) -> None:
        table = (DOCS / "cli.md").read_text(encoding="utf-8")
        assert re.search(rf"^\| `raci {name}\b", table, re.M), f"docs/cli.md lacks raci {name}"

    @pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
    def test_every_option_is_written_about(self, name: str, command: click.Command) -> None:
        text = written_docs()
        for option in _options(command):
            spellings = option.opts + option.secondary_opts
            assert any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in spellings), (
                f"raci {name} {'/'.join(spellings)} is in no page of docs/"
            )

    def test_the_epilog_points_at_the_docs_without_a_web_address(self) -> None:
        epilog = cli.epilog or ""
        assert "docs/" in epilog
        assert "nox -s docs" in epilog
        assert "http" not in epilog


def test_the_package_metadata_invents_no_web_address() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "[project.urls]" not in text
    assert "http" not in text


def test_every_public_name_is_on_the_api_page() -> None:
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    assert ".. automodule:: raci\n" in page
    assert ":imported-members:" in page


@pytest.mark.skipif(
    importlib.util.find_spec("sphinx") is None,
    reason="Sphinx is not installed (pip install .[docs])",
)
def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    """As `nox -s docs` builds it; then the generated pages hold every command, option,
    rule and public name."""
    out = tmp_path / "html"
    done = subprocess.run(
        [*SPHINX, "-d", str(tmp_path / "doctrees"), "-b", "html", str(DOCS), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    commands = (out / "commands.html").read_text(encoding="utf-8")
    for name, command in _commands():
        assert f'id="raci-{name}"' in commands, name
        for option in _options(command):
            assert option.opts[-1] in commands, f"raci {name} {option.opts[-1]}"
    rules = (out / "rule-reference.html").read_text(encoding="utf-8")
    assert all(f'id="rule-{r.name}"' in rules for r in RULES)
    api = (out / "api.html").read_text(encoding="utf-8")
    for name in raci.__all__:
        assert f'id="raci.{name}"' in api, name
    for figure in ("chart.svg", "change.svg", "lineage.svg"):
        assert (out / "_images" / figure).exists(), figure


def test_the_site_is_built_as_nox_and_ci_build_it() -> None:
    """One build command: the test above, `nox -s docs` and .ci/run use the same flags."""
    flags = list(SPHINX[3:])
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    build = re.search(r"^DOCS_BUILD = \((.*?)\)$", noxfile, re.M | re.S)
    assert build, "noxfile.py has no DOCS_BUILD"
    nox_line = re.findall(r'"([^"]+)"', build.group(1))
    assert nox_line[0] == "sphinx-build"
    assert set(flags) - {"-q"} <= set(nox_line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"sphinx-build {' '.join(flags)} -b html docs docs/_build/html" in ci


def test_no_built_site_is_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "docs/_build/" in ignored
    assert "docs/_generated/" in ignored
    if shutil.which("git") and (ROOT / ".git").exists():
        tracked = subprocess.run(
            ["git", "ls-files", "docs/_build", "docs/_generated"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        assert tracked == ""


class TestPreCommitHook:
    """.pre-commit-hooks.yaml offers the hook the how-to guide shows."""

    def test_the_hook_runs_raci_validate(self) -> None:
        hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
        (hook,) = hooks
        assert hook["id"] == "raci-validate"
        assert hook["entry"] == "raci validate"
        assert hook["language"] == "python"
        guide = (DOCS / "howto" / "lint-markdown-in-ci.md").read_text(encoding="utf-8")
        assert f"- id: {hook['id']}" in guide

    @pytest.mark.parametrize(
        ("path", "checked"),
        [
            ("RACI.md", True),
            ("docs/RACI.md", True),
            ("org.yaml", True),
            ("team/raci.json", True),
            ("RACI.xlsx", True),
            ("mkdocs.yml", False),
            ("README.md", False),
            ("docs/org.yaml.bak", False),
        ],
    )
    def test_files_it_checks_by_default(self, path: str, checked: bool) -> None:
        hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
        assert bool(re.search(hooks[0]["files"], path)) is checked
