"""Registering rules, and the settings a file gives them."""

from __future__ import annotations

import pytest

import raci
from helpers import loads
from raci.findings import Severity
from raci.rules import RULES, rule

SILO = """
units: [{id: a}]
deliverables: [{id: d, raci: {A: a, R: a}}]
"""


class TestRegistration:
    def test_a_taken_name_is_refused(self) -> None:
        with pytest.raises(ValueError, match="clashes with the registered rule 'silo'"):
            rule("silo", "Z999", Severity.INFO, "again")
        assert RULES["silo"].code == "M108"

    def test_a_taken_code_is_refused(self) -> None:
        with pytest.raises(ValueError, match="clashes with the registered rule 'silo'"):
            rule("new-rule", "M108", Severity.INFO, "again")
        assert "new-rule" not in RULES

    @pytest.mark.parametrize("code", ["m101", "M10", "MM101", "", "M1011"])
    def test_a_malformed_code_is_refused(self, code: str) -> None:
        with pytest.raises(ValueError, match="capital letter and three digits"):
            rule("new-rule", code, Severity.INFO, "bad code")
        assert "new-rule" not in RULES


class TestSettings:
    def test_off_as_a_string_in_json_turns_the_rule_off(self) -> None:
        text = '{"units": [{"id": "a"}], "deliverables": [{"id": "d", "raci": {"A": "a",'
        text += ' "R": "a"}}], "rules": {"silo": "off"}}'
        assert "silo" not in {f.rule for f in raci.validate(raci.loads(text, "json"))}
        assert "silo" in {f.rule for f in raci.validate(loads(SILO))}

    def test_enabled_false_turns_the_rule_off(self) -> None:
        org = loads(SILO + "rules:\n  silo: {enabled: false}\n")
        assert "silo" not in {f.rule for f in raci.validate(org)}

    @pytest.mark.parametrize(
        ("setting", "reason"),
        [
            ("silo: {enabled: maybe}", "`enabled` of rule `silo` must be true or false"),
            ("silo: {severity: loud}", "`severity` of rule `silo` must be error, warning, info"),
            ("silo: [1, 2]", "rule `silo` setting must be a mapping (got [1, 2])"),
            (
                "role-cardinality: {R: [1]}",
                "role-cardinality: `R` must map to {min: N, max: N} (got [1])",
            ),
            ("too-many-consulted: {max: -1}", "must be a whole number (got -1)"),
        ],
    )
    def test_bad_values_are_load_errors_when_the_rules_run(self, setting: str, reason: str) -> None:
        org = loads(SILO + "rules:\n  " + setting + "\n")
        with pytest.raises(raci.LoadError) as info:
            raci.validate(org)
        assert reason in info.value.reason
        assert info.value.line == 4

    def test_a_model_with_bad_settings_loads_with_them_as_written(self) -> None:
        org = loads(SILO + "rules:\n  overloaded: {max_acountable: 3}\n")
        setting = org.rule_settings["overloaded"]
        assert setting.value == {"max_acountable": 3}
        assert (setting.location.line, setting.location.column) == (4, 3)


class TestValidateArguments:
    def test_unknown_selector_is_an_error(self) -> None:
        org = loads(SILO)
        with pytest.raises(ValueError, match=r"no rule is named 'sillo'; did you mean `silo`\?"):
            raci.validate(org, select=["sillo"])
        with pytest.raises(ValueError, match="no rule is named 'nope'"):
            raci.validate(org, ignore=["nope"])

    def test_selectors_must_be_a_list_of_strings(self) -> None:
        org = loads(SILO)
        with pytest.raises(TypeError, match="select must be a list"):
            raci.validate(org, select="silo")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="select must be a list"):
            raci.validate(org, select=[5])  # type: ignore[list-item]

    @pytest.mark.parametrize("value", [None, "org.yaml", 5])
    def test_validate_takes_an_organization(self, value: object) -> None:
        with pytest.raises(TypeError, match=r"validate\(\) takes a raci.Organization"):
            raci.validate(value)  # type: ignore[arg-type]


def test_validate_file_gives_parse_errors_as_findings(write) -> None:
    path = write("units: [{id: a, parnet: b}]\n")
    [finding] = raci.validate_file(path)
    assert (finding.rule, finding.severity) == ("parse-error", Severity.ERROR)
    assert (finding.location.line, finding.location.column) == (1, 17)
    assert finding.message == "unknown key `parnet` in a unit; did you mean `parent`?"
    good = write(SILO, "good.yaml")
    assert {f.rule for f in raci.validate_file(good)} == {"silo"}


def test_validate_file_gives_bad_settings_as_findings_in_file_order(write) -> None:
    path = write(SILO + "rules:\n  silos: off\n  overloaded: {max_acountable: 3}\n")
    found = [
        (f.rule, f.location.line, f.location.column, f.message) for f in raci.validate_file(path)
    ]
    assert found == [
        ("parse-error", 4, 3, "unknown rule `silos`; did you mean `silo`?"),
        (
            "parse-error",
            5,
            3,
            "rule `overloaded` has no option `max_acountable`; did you mean `max_accountable`?",
        ),
    ]
