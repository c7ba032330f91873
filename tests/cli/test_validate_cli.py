"""`raci validate`, `raci init` and `raci schema` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli

CLEAN = """
version: 1
units:
  - id: root
    head: boss
positions:
  - {id: boss, unit: root}
external:
  - id: board
deliverables:
  - id: d1
    raci: {A: boss, R: [boss], I: [board]}
"""

ERRORS = """
version: 1
units:
  - id: root
deliverables:
  - id: d1
    raci: {R: [root], I: [ghost]}
"""

WARNS = """
version: 1
units:
  - id: root
deliverables:
  - id: d1
    raci: {A: root, R: [root], C: [root], I: [root]}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


class TestExitCodes:
    """0 clean, 1 errors (or warnings with --strict), 2 unreadable input or bad usage."""

    def test_clean(self, write) -> None:
        code, out, _ = run("validate", str(write(CLEAN)))
        assert code == 0
        assert out == "0 errors, 0 warnings, 0 infos in 1 file\n"

    def test_errors(self, write) -> None:
        path = write(ERRORS)
        code, out, _ = run("validate", str(path))
        assert code == 1
        lines = out.splitlines()
        assert lines[0] == (
            f"{path}:6:11: error single-accountable: deliverable `d1` has no Accountable (A);"
            " expected exactly one"
        )
        assert lines[1] == "    hint: Name the one party answerable for it under `A:`."
        assert lines[-1] == "2 errors, 0 warnings, 0 infos in 1 file"

    def test_warnings_fail_only_with_strict(self, write) -> None:
        path = str(write(WARNS))
        assert run("validate", path)[0] == 0
        assert run("validate", "--strict", path)[0] == 1
        assert run("validate", "--strict", "--ignore", "redundant-roles", path)[0] == 0

    @pytest.mark.parametrize(
        "text",
        [
            "units: [{id: a\n",
            "units:\n  - id: a\n    headcount: -3\n",
            "units:\n  - id: a\n    parnet: b\n",
            "{}{}",
        ],
    )
    def test_bad_files_exit_2_with_located_one_liners(self, write, text: str) -> None:
        path = write(text)
        code, out, _ = run("validate", str(path))
        assert code == 2
        first = out.splitlines()[0]
        assert first.startswith(f"{path}:")
        assert first.split(":")[1].isdigit()
        assert first.split(":")[2].isdigit()
        assert "Traceback" not in out

    def test_missing_file(self, tmp_path: Path) -> None:
        code, out, _ = run("validate", str(tmp_path / "nope.yaml"))
        assert code == 2
        assert "no such file" in out

    def test_unknown_rule_in_select_is_usage_error(self, write) -> None:
        code, _, err = run("validate", "--select", "sillo", str(write(CLEAN)))
        assert code == 2
        assert "no rule is named 'sillo'" in err

    def test_no_files_is_usage_error(self) -> None:
        assert run("validate")[0] == 2

    def test_several_files(self, write) -> None:
        a = write(CLEAN, "a.yaml")
        b = write(ERRORS, "b.yaml")
        code, out, _ = run("validate", str(a), str(b))
        assert code == 1
        assert out.splitlines()[-1] == "2 errors, 0 warnings, 0 infos in 2 files"

    def test_cycle_in_a_real_subprocess_has_no_traceback(self, write) -> None:
        path = write("units:\n  - {id: a, parent: b}\n  - {id: b, parent: a}\n")
        proc = subprocess.run(
            [sys.executable, "-m", "raci", "validate", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 1
        assert "hierarchy-cycle" in proc.stdout
        assert "Traceback" not in proc.stderr + proc.stdout


class TestFormats:
    """JSON has exactly the documented shape (docs/rules.md); GitHub and SARIF are well formed."""

    def test_json_shape(self, write) -> None:
        path = write(ERRORS)
        code, out, _ = run("validate", "--format", "json", str(path))
        data = json.loads(out)
        assert code == 1
        assert set(data) == {"files", "summary"}
        assert data["summary"] == {"errors": 2, "warnings": 0, "infos": 0}
        [entry] = data["files"]
        assert set(entry) == {"file", "findings"}
        assert entry["file"] == str(path)
        first = entry["findings"][0]
        assert first == {
            "rule": "single-accountable",
            "code": "M101",
            "severity": "error",
            "subject": "d1",
            "message": "deliverable `d1` has no Accountable (A); expected exactly one",
            "line": 6,
            "column": 11,
            "hint": "Name the one party answerable for it under `A:`.",
        }
        assert entry["findings"][1]["rule"] == "unknown-reference"
        assert (entry["findings"][1]["line"], entry["findings"][1]["column"]) == (6, 27)

    def test_json_for_an_unreadable_file(self, write) -> None:
        code, out, _ = run("validate", "--format", "json", str(write("units: [")))
        assert code == 2
        data = json.loads(out)
        assert data["files"][0]["findings"][0]["rule"] == "parse-error"
        assert data["files"][0]["findings"][0]["code"] is None
        assert data["summary"]["errors"] == 1

    def test_github(self, write) -> None:
        path = write(ERRORS)
        _, out, _ = run("validate", "--format", "github", str(path))
        first = out.splitlines()[0]
        assert first.startswith(f"::error file={path},line=6,col=11,title=single-accountable::")

    def test_sarif(self, write) -> None:
        path = write(ERRORS)
        _, out, _ = run("validate", "--format", "sarif", str(path))
        log = json.loads(out)
        assert log["version"] == "2.1.0"
        run0 = log["runs"][0]
        assert run0["tool"]["driver"]["name"] == "raci"
        rule_ids = [r["id"] for r in run0["tool"]["driver"]["rules"]]
        result = run0["results"][0]
        assert result["ruleId"] == "single-accountable"
        assert rule_ids[result["ruleIndex"]] == "single-accountable"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": 6, "startColumn": 11}

    def test_list_rules(self) -> None:
        code, out, _ = run("validate", "--list-rules")
        assert code == 0
        assert "M101  single-accountable" in out


class TestInitAndSchema:
    def test_init_writes_a_file_that_validates_clean(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.yaml"
        assert run("init", str(path))[0] == 0
        code, out, _ = run("validate", "--strict", str(path))
        assert (code, out) == (0, "0 errors, 0 warnings, 0 infos in 1 file\n")
        assert "#" in path.read_text()

    def test_init_does_not_overwrite(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.yaml"
        path.write_text("mine")
        assert run("init", str(path))[0] == 2
        assert path.read_text() == "mine"

    def test_schema_accepts_the_examples(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        import yaml

        code, out, _ = run("schema")
        assert code == 0
        schema = json.loads(out)
        jsonschema.Draft202012Validator.check_schema(schema)
        for name in ("un-habitat-2020/org.yaml", "mistakes/org.yaml"):
            data = yaml.safe_load((EXAMPLES / name).read_text())
            data = json.loads(json.dumps(data, default=str))
            jsonschema.validate(data, schema)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"units": [{"id": "a", "parnet": "b"}]}, schema)

    def test_help_has_an_example(self) -> None:
        for command in ("validate", "init", "schema"):
            code, out, _ = run(command, "--help")
            assert code == 0
            assert "raci " + command in out
