"""Every finding carries its rule's code: in the API's record and in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from raci.cli import cli
from raci.rules import RULES, Rule, iter_rules


def _validate_json(path: Path, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(path), *args])
    assert result.exit_code in (0, 1, 2), result.output
    return [f for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]


@pytest.mark.parametrize("r", list(iter_rules()), ids=lambda r: r.name)
def test_each_rules_example_reports_the_rules_code(tmp_path: Path, r: Rule) -> None:
    path = tmp_path / r.example_file
    path.write_text(r.example, encoding="utf-8")
    findings = _validate_json(path)
    assert r.code in {f["code"] for f in findings if f["rule"] == r.name}
    assert all(f["code"] == RULES[str(f["rule"])].code for f in findings)
    # the code is what --select takes: selecting by it keeps exactly this rule's findings
    assert {f["rule"] for f in _validate_json(path, "--select", r.code)} == {r.name}


def test_a_parse_error_has_no_code(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("units: [{id: a, parnet: b}]\n", encoding="utf-8")
    [finding] = _validate_json(path)
    assert (finding["rule"], finding["code"]) == ("parse-error", None)
