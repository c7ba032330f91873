"""Configuration files: found upwards from each input as ruff finds its own, read with
each problem at its place, and applied by ``raci.validate_file`` (but not by
``raci.load`` and ``raci.validate``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import raci
from helpers import line_of
from raci.config import Configuration, configuration_for, find_configuration, read_configuration
from raci.config.places import key_places, place_of
from raci.render.paper import PAPERS
from raci.schemes import BUILTIN_SCHEMES

#: A Python project's pyproject.toml, as projects keep them, with raci's settings in it.
PYPROJECT = """
[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "handbook"
version = "2.3.0"
dependencies = ["raci>=0.9", "mkdocs-material"]

[tool.ruff]
line-length = 100
select = ["E", "F"]   # ruff's own `select`, not raci's

[tool.raci]
# Tables cannot hold `rules:`: their settings are here.
select = ["M1", "W101"]
ignore = ["silo"]
scheme = "rasci"
lang = "zh"
paper = "letter"
landscape = false

[tool.raci.rules]
overloaded = { max_accountable = 15, max_responsible = 40 }
too-many-consulted = "off"

[tool.raci.rules.role-cardinality]
S = { max = 2 }

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

#: A team's raci.toml: the same keys at the top, comments and all.
RACI_TOML = """
# raci's settings for the handbook's RACI tables.
select = ["M", "W"]

[rules.overloaded]
max_accountable = 3   # a lead answers for three things at most
"""

#: A RACI table as a spreadsheet exports it: Ann is Accountable for twelve tasks.
TABLE = "Task,Ann,Bo,Cy\n" + "".join(f"Task {i},A,R,I\n" for i in range(1, 13))


def put(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def rules_of(findings: list[raci.Finding]) -> list[str]:
    return [f.rule for f in findings]


class TestDiscovery:
    """The first folder, going up from the input's, that has a configuration decides."""

    def test_found_in_a_folder_above_the_input(self, tmp_path: Path) -> None:
        project = put(tmp_path / "repo", "pyproject.toml", PYPROJECT)
        table = put(tmp_path / "repo" / "docs" / "team", "RACI.csv", TABLE)
        found = find_configuration(table)
        assert found is not None
        assert found.file == str(project)
        assert found.select == ("M1", "W101")
        assert found.ignore == ("silo",)
        assert (found.scheme, found.lang, found.landscape) == ("RASCI", "zh", False)
        assert found.paper is PAPERS["Letter"]
        assert found.rules["overloaded"].value == {"max_accountable": 15, "max_responsible": 40}
        assert found.rules["too-many-consulted"].value == "off"
        assert found.rules["role-cardinality"].value == {"S": {"max": 2}}

    def test_raci_toml_before_pyproject_toml_in_the_same_folder(self, tmp_path: Path) -> None:
        put(tmp_path, "pyproject.toml", PYPROJECT)
        own = put(tmp_path, "raci.toml", RACI_TOML)
        found = configuration_for(put(tmp_path, "RACI.csv", TABLE))
        assert found.file == str(own)
        assert found.select == ("M", "W")
        assert found.lang is None  # nothing of pyproject.toml's is mixed in

    def test_a_pyproject_toml_without_tool_raci_is_passed_by(self, tmp_path: Path) -> None:
        put(tmp_path, "pyproject.toml", PYPROJECT)
        put(tmp_path / "sub", "pyproject.toml", '[project]\nname = "sub"\n\n[tool.ruff]\n')
        found = find_configuration(put(tmp_path / "sub", "RACI.csv", TABLE))
        assert found is not None
        assert found.file == str(tmp_path / "pyproject.toml")

    def test_the_nearest_wins_whole(self, tmp_path: Path) -> None:
        """As in ruff, the nearest file is the whole configuration: nothing is merged."""
        put(tmp_path, "pyproject.toml", PYPROJECT)
        put(tmp_path / "docs", "raci.toml", 'lang = "fr"\n')
        found = configuration_for(tmp_path / "docs" / "RACI.md")
        assert (found.lang, found.select, dict(found.rules)) == ("fr", None, {})

    def test_none_found_gives_the_defaults(self, tmp_path: Path) -> None:
        assert find_configuration(put(tmp_path, "RACI.csv", TABLE)) is None
        assert configuration_for(tmp_path / "RACI.csv") == Configuration()

    def test_a_named_file_replaces_discovery(self, tmp_path: Path) -> None:
        put(tmp_path, "raci.toml", RACI_TOML)
        other = put(tmp_path / "ci", "strict.toml", 'select = ["ALL"]\n')
        found = configuration_for(tmp_path / "RACI.csv", other)
        assert (found.file, found.select) == (str(other), ("ALL",))

    def test_a_named_pyproject_toml_gives_its_tool_raci(self, tmp_path: Path) -> None:
        project = put(tmp_path / "elsewhere", "pyproject.toml", PYPROJECT)
        assert configuration_for(tmp_path / "RACI.csv", project).lang == "zh"

    def test_a_named_pyproject_toml_without_tool_raci_is_an_error(self, tmp_path: Path) -> None:
        project = put(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
        with pytest.raises(raci.LoadError) as info:
            configuration_for(tmp_path / "RACI.csv", project)
        assert str(info.value) == f"{project}: has no [tool.raci] table"

    def test_isolated_reads_none(self, tmp_path: Path) -> None:
        put(tmp_path, "raci.toml", "this is not TOML")
        assert configuration_for(tmp_path / "RACI.csv", isolated=True) == Configuration()
        with pytest.raises(ValueError, match="exclude each other"):
            configuration_for(tmp_path / "RACI.csv", tmp_path / "raci.toml", isolated=True)

    def test_a_changed_file_is_read_again(self, tmp_path: Path) -> None:
        path = put(tmp_path, "raci.toml", 'lang = "zh"\n')
        assert configuration_for(tmp_path / "RACI.csv").lang == "zh"
        path.write_text('lang = "fr"  # now in French\n', encoding="utf-8")
        assert configuration_for(tmp_path / "RACI.csv").lang == "fr"


def _problems(path: Path) -> list[str]:
    with pytest.raises(raci.LoadError) as info:
        read_configuration(path)
    return [str(f) for f in info.value.findings]


class TestProblems:
    """Each key or value raci does not take is one problem at its place, with the fix."""

    def test_an_unknown_key_with_its_line_and_the_closest_key(self, tmp_path: Path) -> None:
        text = PYPROJECT.replace('ignore = ["silo"]', 'ignroe = ["silo"]')
        path = put(tmp_path, "pyproject.toml", text)
        line = line_of(text, "ignroe")
        assert _problems(path) == [
            f"{path}:{line}:1: unknown key `ignroe` in [tool.raci]; did you mean `ignore`?"
        ]

    def test_every_problem_in_file_order(self, tmp_path: Path) -> None:
        text = """
            [tool.raci]
            select = "M1"
              landscape = "yes"
            paper = "A44"
            scheme = "RASC"
            lang = 3
            colour = true
        """
        path = put(tmp_path, "pyproject.toml", text)
        assert _problems(path) == [
            f"{path}:2:1: `select` must be a list of rule names or codes (got 'M1')",
            f"{path}:3:3: `landscape` must be true or false (got 'yes')",
            f"{path}:4:1: unknown paper size 'A44'; use one of {', '.join(PAPERS)};"
            " did you mean `A4`?",
            f"{path}:5:1: unknown scheme 'RASC'; expected one of {', '.join(BUILTIN_SCHEMES)};"
            " did you mean `RASCI`?",
            f'{path}:6:1: `lang` must be a language code such as "zh" (got 3)',
            f"{path}:7:1: unknown key `colour` in [tool.raci]",
        ]

    def test_a_rule_that_does_not_exist_in_select(self, tmp_path: Path) -> None:
        path = put(tmp_path, "raci.toml", '# Rules we do not want\nignore = ["silos", "W101"]\n')
        assert _problems(path) == [f"{path}:2:1: no rule is named 'silos'; did you mean `silo`?"]

    def test_rules_must_be_a_table(self, tmp_path: Path) -> None:
        path = put(tmp_path, "raci.toml", 'rules = "strict"\n')
        assert _problems(path) == [
            f"{path}:1:1: `rules` must be a table of rule settings (got 'strict')"
        ]

    def test_tool_raci_must_be_a_table(self, tmp_path: Path) -> None:
        path = put(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool]\nraci = 1\n')
        assert _problems(path) == [f"{path}:5:1: `tool.raci` must be a table of settings (got 1)"]

    def test_invalid_toml_at_its_place(self, tmp_path: Path) -> None:
        path = put(tmp_path, "raci.toml", 'select = ["M1"\nlang = "zh"\n')
        [problem] = _problems(path)
        assert problem.startswith(f"{path}:2:1: invalid TOML: ")

    def test_a_file_that_is_not_utf_8(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.toml"
        path.write_bytes(b'# settings\nlang = "\xff"\n')
        assert _problems(path) == [f"{path}:2:9: the file is not UTF-8 text"]

    def test_a_model_named_raci_toml(self, tmp_path: Path) -> None:
        path = put(tmp_path, "raci.toml", 'version = 1\n[[units]]\nid = "hq"\n')
        assert _problems(path) == [
            f"{path}:1:1: this is a model, not a configuration; raci reads raci.toml as its"
            " configuration: name the model org.toml"
        ]

    def test_a_missing_named_file(self, tmp_path: Path) -> None:
        with pytest.raises(raci.LoadError) as info:
            configuration_for(tmp_path / "RACI.csv", tmp_path / "nowhere.toml")
        assert str(info.value) == f"{tmp_path / 'nowhere.toml'}: no such file"


class TestPlaces:
    """Where keys are written, in every way TOML writes them."""

    def test_tables_dotted_and_quoted_keys(self) -> None:
        text = textwrap.dedent(
            """\
            [tool.raci]
            rules.silo = "off"
            [ tool . raci . "rules" ]
            'overloaded' = { max_accountable = 3 }
            [tool.raci.rules.role-cardinality]
              R = { max = 2 }
            """
        )
        places = key_places(text)
        assert places[("tool", "raci")] == (1, 1)
        assert places[("tool", "raci", "rules", "silo")] == (2, 1)
        assert places[("tool", "raci", "rules")] == (3, 1)
        assert places[("tool", "raci", "rules", "overloaded")] == (4, 1)
        assert places[("tool", "raci", "rules", "role-cardinality", "R")] == (6, 3)
        # Inside an inline table: the key that holds it.
        assert place_of(places, ("tool", "raci", "rules", "overloaded", "max_accountable")) == (
            4,
            1,
        )
        assert place_of(places, ("nowhere",)) == (0, 0)


class TestValidateFile:
    """``raci.validate_file`` applies the configuration, as ``raci validate`` does."""

    def test_rule_settings_reach_a_table(self, tmp_path: Path) -> None:
        table = put(tmp_path, "RACI.csv", TABLE)
        assert "overloaded" in rules_of(raci.validate_file(table))
        put(tmp_path, "raci.toml", "[rules.overloaded]\nmax_accountable = 12\n")
        assert "overloaded" not in rules_of(raci.validate_file(table))
        assert "overloaded" in rules_of(raci.validate_file(table, isolated=True))

    def test_a_models_own_rules_win(self, tmp_path: Path) -> None:
        put(tmp_path, "raci.toml", "[rules.overloaded]\nmax_accountable = 50\n")
        model = put(
            tmp_path,
            "org.yaml",
            "external: [{id: ann}, {id: bo}]\ndeliverables:\n"
            + "".join(f"  - {{id: t{i}, raci: {{A: ann, R: bo}}}}\n" for i in range(3))
            + "rules:\n  overloaded: {max_accountable: 2}\n",
        )
        [finding] = [f for f in raci.validate_file(model) if f.rule == "overloaded"]
        assert finding.message == "`ann` is Accountable for 3 deliverables; the limit is 2"

    def test_select_and_ignore(self, tmp_path: Path) -> None:
        table = put(tmp_path, "RACI.csv", TABLE.replace("Task 3,A,R,I", "Task 3,A,R,"))
        assert sorted(rules_of(raci.validate_file(table, isolated=True))) == ["overloaded", "silo"]
        put(tmp_path, "raci.toml", 'ignore = ["W101"]\n')
        assert rules_of(raci.validate_file(table)) == ["silo"]
        put(tmp_path, "raci.toml", 'select = ["W101"]\n')
        assert rules_of(raci.validate_file(table)) == ["overloaded"]

    def test_the_caller_goes_over_the_configuration(self, tmp_path: Path) -> None:
        """As on ruff's command line: a select starts afresh; an ignore adds to the
        configuration's and wins over its select."""
        table = put(tmp_path, "RACI.csv", TABLE.replace("Task 3,A,R,I", "Task 3,A,R,"))
        put(tmp_path, "raci.toml", 'select = ["W101", "M108"]\nignore = ["overloaded"]\n')
        assert rules_of(raci.validate_file(table)) == ["silo"]
        assert rules_of(raci.validate_file(table, select=["overloaded"])) == ["overloaded"]
        assert rules_of(raci.validate_file(table, ignore=["M"])) == []

    def test_the_scheme_of_a_table(self, tmp_path: Path) -> None:
        table = put(tmp_path, "RACI.csv", "Task,Ann,Bo\nPlan,A,S\n")
        put(tmp_path, "raci.toml", 'scheme = "DACI"\n')
        assert "unknown-role" in rules_of(raci.validate_file(table))
        assert "unknown-role" not in rules_of(raci.validate_file(table, scheme="RASCI"))

    def test_a_problem_in_the_configuration_is_a_finding_at_its_place(self, tmp_path: Path) -> None:
        table = put(tmp_path, "RACI.csv", TABLE)
        config = put(tmp_path, "raci.toml", "[rules]\noverloaded = { max_acountable = 3 }\n")
        [finding] = raci.validate_file(table)
        assert finding.rule == "parse-error"
        assert str(finding) == (
            f"{config}:2:1: rule `overloaded` has no option `max_acountable`;"
            " did you mean `max_accountable`?"
        )

    def test_load_and_validate_read_no_configuration(self, tmp_path: Path) -> None:
        table = put(tmp_path, "RACI.csv", TABLE)
        put(tmp_path, "raci.toml", 'ignore = ["overloaded"]\nscheme = "DACI"\n')
        org = raci.load(table)
        assert org.scheme.name == "RACI"
        assert rules_of(raci.validate(org)) == ["overloaded"]
