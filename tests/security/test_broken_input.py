"""Broken and hostile model files: every one is a located message, nothing is lost or
rewritten, and nothing crashes."""

from __future__ import annotations

import time

import pytest

import raci
from helpers import loads


def problems(text: str, fmt: str = "yaml") -> list[str]:
    with pytest.raises(raci.LoadError) as info:
        loads(text, fmt)
    return [str(f) for f in info.value.findings]


class TestIdsKeepTheirWrittenForm:
    """YAML 1.1 reads 0100 as 64, 1:30 as 90, 0x1F as 31 and 007 as 7; ids must not change."""

    @pytest.mark.parametrize("written", ["0100", "1:30", "0x1F", "007", "0o17", "1_000"])
    def test_unit_ids(self, written: str) -> None:
        org = loads(f"units: [{{id: {written}, name: {written}}}, {{id: b, parent: {written}}}]")
        assert list(org.units) == [written, "b"]
        assert org.units[written].name == written
        assert org.units["b"].parent == written

    def test_party_ids_in_roles(self) -> None:
        org = loads("units: [{id: 007}]\ndeliverables: [{id: 0100, raci: {A: 007, R: [007]}}]")
        assert list(org.deliverables) == ["0100"]
        assert org.deliverables["0100"].parties("A") == ["007"]
        assert raci.validate(org) == [] or "unknown-reference" not in {
            f.rule for f in raci.validate(org)
        }

    def test_a_headcount_with_a_leading_zero_is_decimal(self) -> None:
        assert loads("units: [{id: a, headcount: 012}]").units["a"].headcount == 12


class TestScalarsThatCannotBeRead:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "units: [{id: a}]\ndeliverables: [{id: d, due: 2021-02-29}]",
                "org.yaml:2:29: `due` must be a date like 2020-03-31 (got '2021-02-29')",
            ),
            (
                "units: [{id: a, staff: !!bool maybe}]",
                "org.yaml:1:24: `staff` must be true or false (got a string)",
            ),
            (
                "units: [{id: a}]\ndeliverables: [{id: d, due: !!timestamp foo}]",
                "org.yaml:2:29: `due` must be a date like 2020-03-31 (got 'foo')",
            ),
            (
                "units: [{id: a, headcount: !!int many}]",
                "org.yaml:1:28: `headcount` must be a whole number, 0 or more (got 'many')",
            ),
            ("units: !!map [a]", "org.yaml:1:8: a `map` tag on a value that is not a mapping"),
            ("units: [!!seq {a: 1}]", "org.yaml:1:9: a `seq` tag on a value that is not a list"),
        ],
    )
    def test_located(self, text: str, message: str) -> None:
        assert message in problems(text)

    def test_explicit_tags_on_ids_keep_the_text(self) -> None:
        assert list(loads("units: [{id: !!int abc}]").units) == ["abc"]


class TestJson:
    def test_a_key_written_twice_is_an_error(self) -> None:
        text = '{"units": [\n  {"id": "a",\n   "name": "x", "name": "y"}\n]}'
        assert problems(text, "json") == [
            "org.json:2:4: key `name` appears twice in this object; only one may be given"
        ]

    def test_a_top_level_key_written_twice(self) -> None:
        found = problems('{"units": [{"id": "a"}], "units": []}', "json")
        assert found == [
            "org.json:1:1: key `units` appears twice in this object; only one may be given"
        ]

    def test_an_integer_of_thousands_of_digits(self) -> None:
        text = '{"units": [{"id": "a",\n "headcount": ' + "9" * 5000 + "}]}"
        assert problems(text, "json") == ["org.json:2:15: invalid JSON: a number too long to read"]

    def test_a_toml_integer_of_thousands_of_digits(self) -> None:
        text = 'version = 1\nunits = [{id = "a", headcount = ' + "9" * 5000 + "}]"
        assert problems(text, "toml") == ["org.toml:2:33: invalid TOML: a number too long to read"]

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ('version = 1\nunits = [{id = "a", name = """\nid = ' + "1" * 5000 + '\n"""}]', "toml"),
            ('{"units": [{"id": "a", "name": "\\"id\\": ' + "1" * 5000 + '"}]}', "json"),
        ],
    )
    def test_thousands_of_digits_inside_a_string_are_text(self, text: str, fmt: str) -> None:
        org = raci.loads(text, fmt)
        assert list(org.units) == ["a"]
        assert org.units["a"].name.rstrip().endswith("1" * 5000)


class TestAliasBombs:
    """YAML aliases share one value many times; written out (by `raci import` to JSON, or a
    dump) a small file would grow without end."""

    def test_in_attributes(self) -> None:
        bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        previous = "a"
        for name in "bcdefghij":
            bomb += f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n"
            previous = name
        text = "units:\n  - id: u\n    attributes:\n" + "".join(
            f"      {line}\n" for line in bomb.splitlines()
        )
        assert problems(text) == [
            "org.yaml:4:7: `attributes` holds more than 10,000 values once its YAML aliases"
            " are written out (or contains itself); write the values out"
        ]

    def test_an_attribute_that_contains_itself(self) -> None:
        [message] = problems("units:\n  - id: u\n    attributes: &x {self: *x}\n")
        assert "contains itself" in message

    def test_a_few_aliases_are_fine(self) -> None:
        org = loads("units:\n  - id: u\n    attributes: {a: &a [1, 2], b: *a}\n")
        assert org.units["u"].attributes == {"a": [1, 2], "b": [1, 2]}


class TestApiArguments:
    """Scripts that pass the wrong thing learn what to pass, not an AttributeError."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: raci.validate(None), "validate() takes a raci.Organization (got NoneType)"),
            (lambda: raci.validate("org.yaml"), "load the file first: raci.load(path)"),
            (lambda: raci.dumps(None), "dumps() takes a raci.Organization (got NoneType)"),
            (lambda: raci.render_matrix(None), "render_matrix() takes a raci.Organization"),
            (
                lambda: raci.Organization(units={"a": "x"}),
                "`units` must map id strings to Unit objects (got 'a': str)",
            ),
            (lambda: raci.Organization(units=5), "`units` must be a mapping of ids to Unit"),
            (lambda: raci.validate(loads("units: [{id: a}]"), select=[5]), "select must be"),
            (lambda: raci.loads("units: []", format=None), "loads() takes format as a str"),
            (lambda: raci.loads(b"units: []"), "loads() takes text as a str (got bytes)"),
            (lambda: raci.load(3), "load() takes a path"),
            (lambda: raci.load("org.csv", org="org.yaml"), "takes org as a raci.Organization"),
            (lambda: raci.load("org.csv", sheet=1), "load() takes sheet as a str"),
        ],
    )
    def test_type_errors(self, call: object, message: str) -> None:
        with pytest.raises(TypeError) as info:
            call()  # type: ignore[operator]
        assert message in str(info.value)

    def test_unknown_dump_format(self) -> None:
        with pytest.raises(ValueError, match="cannot write a model as 'xml'"):
            raci.dumps(loads("units: [{id: a}]"), "xml")

    def test_unknown_selector(self) -> None:
        with pytest.raises(ValueError, match="no rule is named 'nope'"):
            raci.validate(loads("units: [{id: a}]"), select=["nope"])


@pytest.mark.parametrize("text", ["!!int", "!!float", "!!bool", "!!timestamp", "a: !!float ''"])
def test_an_empty_tagged_scalar(text: str) -> None:
    assert problems(text)


class TestLoneSurrogates:
    """A JSON string may escape half of a UTF-16 pair; no output could write it."""

    @pytest.mark.parametrize(
        ("name", "column", "half"),
        [
            ("x\\udc00", 34, "\\udc00"),
            ("x\\ud800y", 34, "\\ud800"),
            ("\\ud83d\\ude00 \\\\udc00 \\udc00", 54, "\\udc00"),
        ],
    )
    def test_refused_at_its_place(self, name: str, column: int, half: str) -> None:
        text = '{"units": [{"id": "a", "name": "' + name + '"}]}'
        assert problems(text, "json") == [
            f"org.json:1:{column}: invalid JSON: `{half}` is half of a character pair"
            " (a lone surrogate)"
        ]

    def test_pairs_and_escaped_backslashes_are_text(self) -> None:
        org = raci.loads('{"units": [{"id": "a", "name": "\\ud83d\\ude00 \\\\udc00"}]}', "json")
        assert org.units["a"].name == "\U0001f600 \\udc00"

    def test_each_escape_is_checked_where_it_stands(self) -> None:
        """40,000 escaped emoji in 6 MB: each escape is looked at with the backslashes just
        before it (copying the text before each, as once, took seconds)."""
        name = "x" * 100 + "\\ud83d\\ude00"
        units = ",".join(f'{{"id": "u{i}", "name": "{name}"}}' for i in range(40_000))
        started = time.perf_counter()
        org = raci.loads(f'{{"units": [{units}]}}', "json")
        assert time.perf_counter() - started < 10
        assert org.units["u39999"].name == "x" * 100 + "\U0001f600"


class TestMergeKeys:
    """YAML's merge key: a key written in the mapping overrides a merged one; among merged
    mappings, the earlier in the list wins; a key written twice is still an error."""

    def test_an_explicit_key_overrides_a_merged_one(self) -> None:
        org = loads(
            "units:\n"
            "  - &div {id: a, name: Division, level: division}\n"
            "  - {<<: *div, id: b, parent: a}\n"
        )
        assert (org.units["b"].name, org.units["b"].level, org.units["b"].parent) == (
            "Division",
            "division",
            "a",
        )

    def test_the_earlier_merged_mapping_wins(self) -> None:
        org = loads(
            "units:\n"
            "  - &div {id: a, name: Division, level: division}\n"
            "  - &br {id: z, name: Branch, level: branch, parent: a}\n"
            "  - {<<: [*div, *br], id: c}\n"
        )
        assert (org.units["c"].name, org.units["c"].parent) == ("Division", "a")

    def test_a_key_written_twice_beside_a_merge(self) -> None:
        assert problems(
            "units:\n  - &div {id: a, name: Division}\n  - {<<: *div, id: b, id: c}\n"
        ) == ["org.yaml:3:23: key `id` appears twice in this mapping (first on line 3)"]
