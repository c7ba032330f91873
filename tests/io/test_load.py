"""Loading model files: structure, names, placement, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import textwrap

import attrs
import networkx as nx
import pytest

import raci
from helpers import column_of, line_of, loads

GOOD = """
version: 1
organization:
  name: {en: UN-Habitat, zh: 人居署}
  language: en
  levels: [organization, [office, division], [branch, service], section, unit]
scheme: RACI
units:
  - id: unh
    name: UN-Habitat
    level: organization
    head: ed
    units:
      - id: oed
        name: {en: Office of the Executive Director, zh: 执行主任办公室}
        level: office
        staff: true
      - id: gsd
        name: {en: Global Solutions Division, zh: 全球解决方案司}
        level: division
        headcount: 120
        also_reports_to: [oed]
  - id: rpd
    parent: unh
    name: Regional Programmes Division
    level: division
positions:
  - id: ed
    title: Executive Director
    unit: unh
    grade: USG
    holder: Jane Doe
  - id: fp
    title: {en: Gender focal point, zh: 性别问题协调人}
    unit: gsd
    vacant: true
    reports_to: ed
external:
  - id: board
    name: {en: Executive Board, zh: 执行局}
groups:
  - id: fin
    name: Financial matters
deliverables:
  - id: fs-2019
    name: {en: 2019 financial statements, zh: 2019 年财务报表}
    group: fin
    due: 2020-03-31
    raci:
      A: ed
      R: [oed, fp]
      C: []
      I: [board]
rules:
  overloaded: {max_accountable: 12}
  accountable-outside-chain: off
"""


class TestGoodFile:
    """A well-formed file loads into the model docs/format.md describes."""

    def test_units_nested_and_flat(self) -> None:
        org = loads(GOOD)
        assert list(org.units) == ["unh", "oed", "gsd", "rpd"]
        assert org.units["gsd"].parent == "unh"
        assert org.units["rpd"].parent == "unh"
        assert org.children("unh") == ["oed", "gsd", "rpd"]
        assert sorted(org.graph.edges) == [("unh", "gsd"), ("unh", "oed"), ("unh", "rpd")]

    def test_names_in_several_languages(self) -> None:
        org = loads(GOOD)
        assert org.units["gsd"].name == "Global Solutions Division"
        assert org.units["gsd"].names.get("zh") == "全球解决方案司"
        assert org.units["rpd"].names.get("zh") == "Regional Programmes Division"
        assert org.name == "UN-Habitat"
        assert org.positions["fp"].names.get("zh") == "性别问题协调人"

    def test_fields(self) -> None:
        org = loads(GOOD)
        gsd = org.units["gsd"]
        assert (gsd.level, gsd.headcount, gsd.also_reports_to) == ("division", 120, ("oed",))
        assert org.units["oed"].staff is True
        fp = org.positions["fp"]
        assert (fp.vacant, fp.reports_to, fp.unit) == (True, "ed", "gsd")
        assert org.positions["ed"].holder == "Jane Doe"
        d = org.deliverables["fs-2019"]
        assert d.due == dt.date(2020, 3, 31)
        assert d.group == "fin"
        assert [(a.role, a.party) for a in d.assignments] == [
            ("A", "ed"),
            ("R", "oed"),
            ("R", "fp"),
            ("I", "board"),
        ]
        assert org.levels.rank("office") == org.levels.rank("division") == 1
        assert org.rule_settings["overloaded"].value == {"max_accountable": 12}

    def test_locations(self) -> None:
        text = textwrap.dedent(GOOD).lstrip("\n")
        org = loads(GOOD)
        assert org.units["rpd"].location.line == line_of(text, "id: rpd")
        assert org.units["rpd"].where("parent").line == line_of(text, "parent: unh")
        a = org.deliverables["fs-2019"].assignments[2]
        assert (a.location.line, a.location.column) == (
            line_of(text, "R: [oed, fp]"),
            column_of(text, "fp]"),
        )

    def test_queries(self) -> None:
        org = loads(GOOD)
        assert org.accountable("fs-2019").id == "ed"
        assert org.assignments_of("oed") == [("fs-2019", "R")]
        assert org.ancestors("gsd") == ["unh"]
        assert org.subtree("unh") == ["unh", "oed", "gsd", "rpd"]
        assert org.root == "unh"
        assert org.unit_of("fp") == "gsd"
        assert org.unit_of("board") is None
        assert org.reports_to("fp") == "ed"
        with pytest.raises(raci.QueryError):
            org.accountable("nope")

    def test_default_reports_to_is_head_of_unit(self) -> None:
        org = loads(
            """
            units:
              - id: top
                head: boss
                units:
                  - id: sub
                    head: lead
            positions:
              - {id: boss, unit: top}
              - {id: lead, unit: sub}
              - {id: clerk, unit: sub}
            """
        )
        assert org.reports_to("clerk") == "lead"
        assert org.reports_to("lead") == "boss"
        assert org.reports_to("boss") is None

    def test_json_and_toml_describe_the_same_organization(self) -> None:
        org = loads(GOOD)
        assert raci.loads(raci.dumps(org, "json"), "json") == org
        toml = """
        version = 1
        [[units]]
        id = "a"
        name = "A"
        [[units]]
        id = "b"
        parent = "a"
        [[deliverables]]
        id = "d"
        raci = {A = "a", R = ["b"]}
        """
        t = raci.loads(textwrap.dedent(toml), "toml", file="org.toml")
        assert t.units["b"].parent == "a"
        assert t.units["b"].location.line == 7  # the text starts with a blank line
        assert t.deliverables["d"].parties("R") == ["b"]

    def test_numeric_ids_become_strings(self) -> None:
        org = loads("units:\n  - id: 10\n  - id: 11\n    parent: 10\n")
        assert org.units["11"].parent == "10"

    def test_minimal_file_without_version(self) -> None:
        org = loads("units: [{id: a}]")
        assert org.units["a"].name == "a"
        assert org.scheme.name == "RACI"

    @pytest.mark.parametrize("scheme", ["RASCI", "RACI-VS", "DACI", "CAIRO", "daci"])
    def test_builtin_schemes(self, scheme: str) -> None:
        org = loads(f"scheme: {scheme}\nunits: [{{id: a}}]")
        assert org.scheme.name == scheme.upper()

    def test_custom_scheme(self) -> None:
        org = loads(
            """
            scheme:
              name: RAPID
              roles:
                - {letter: R, name: Recommend, min: 1, kind: responsible}
                - {letter: D, name: Decide, min: 1, max: 1, kind: accountable}
                - {letter: I, name: Input}
            units: [{id: a}]
            """
        )
        assert org.scheme.letters == ("R", "D", "I")
        assert org.scheme.letter_of("accountable") == "D"
        assert org.scheme.role("I").kind == "informed"

    def test_a_letter_whose_capital_is_two_letters_stays_as_written(self) -> None:
        org = loads(
            """
            scheme:
              name: Straße
              roles:
                - {letter: ß, name: Sign, min: 1, max: 1, kind: accountable}
                - {letter: r, name: Run, min: 1, kind: responsible}
            units: [{id: a}]
            deliverables: [{id: d, raci: {ß: a, R: a}}]
            """
        )
        assert org.scheme.letters == ("ß", "R")
        assert raci.validate(org) == []


def problems(text: str, fmt: str = "yaml") -> list[tuple[int, int, str]]:
    with pytest.raises(raci.LoadError) as info:
        loads(text, fmt)
    return [(p.location.line, p.location.column, p.message) for p in info.value.findings]


class TestBadFiles:
    """Bad input gives one located line per problem, every problem in one run."""

    def test_broken_yaml(self) -> None:
        [(line, _col, reason)] = problems("units:\n  - id: a\n    name: [x\n")
        assert line >= 3
        assert reason.startswith("invalid YAML:")

    def test_broken_json(self) -> None:
        [(line, _col, reason)] = problems('{"units": [\n  {"id": "a",}\n]}', "json")
        assert (line, reason.startswith("invalid JSON")) == (2, True)

    def test_broken_toml(self) -> None:
        [(_line, _, reason)] = problems("version = 1\nunits = [\n", "toml")
        assert reason.startswith("invalid TOML")

    def test_unknown_key_suggests_the_closest(self) -> None:
        text = "units:\n  - id: a\n  - id: b\n    parnet: a\n"
        assert problems(text) == [(4, 5, "unknown key `parnet` in a unit; did you mean `parent`?")]

    def test_unknown_top_level_key(self) -> None:
        [(line, col, reason)] = problems("unit:\n  - id: a\n")
        assert (line, col) == (1, 1)
        assert "did you mean `units`?" in reason

    def test_every_problem_is_reported_in_file_order(self) -> None:
        text = """
        units:
          - id: a
            headcount: many
            staff: maybe
          - id: has space
          - name: no id
        positions:
          - id: p
        deliverables:
          - id: d
            due: someday
            raci: {A: [1.5]}
        """
        found = problems(text)
        reasons = [r for _, _, r in found]
        assert [line for line, _, _ in found] == sorted(line for line, _, _ in found)
        assert len(found) == 7
        assert "`headcount` must be a whole number, 0 or more (got 'many')" in reasons
        assert "`staff` must be true or false (got a string)" in reasons
        assert "a unit's `id` 'has space' must not contain whitespace" in reasons
        assert "a unit needs an `id`" in reasons
        assert "position `p` needs a `unit`" in reasons
        assert "`due` must be a date like 2020-03-31 (got 'someday')" in reasons
        assert "a party in `A` must be an id string (got a number) (quote it)" in reasons

    def test_nested_and_parent_disagree(self) -> None:
        text = "units:\n  - id: a\n    units:\n      - id: b\n        parent: c\n  - id: c\n"
        [(line, col, reason)] = problems(text)
        assert (line, col) == (5, 17)
        assert "nested under `a` but says `parent: c`" in reason

    def test_nested_and_parent_agree(self) -> None:
        org = loads("units:\n  - id: a\n    units:\n      - id: b\n        parent: a\n")
        assert org.units["b"].parent == "a"

    def test_duplicate_key(self) -> None:
        [(line, _, reason)] = problems("units:\n  - id: a\n    name: x\n    name: y\n")
        assert line == 4
        assert reason == "key `name` appears twice in this mapping (first on line 3)"

    def test_unknown_level(self) -> None:
        text = "organization:\n  levels: [org, division]\nunits:\n  - id: a\n    level: divison\n"
        [(line, col, reason)] = problems(text)
        assert (line, col) == (5, 12)
        assert reason.endswith("did you mean `division`?")

    def test_wrong_types(self) -> None:
        found = problems("units: {id: a}\ndeliverables: 3\n")
        assert [r for _, _, r in found] == [
            "`units` must be a list (got a mapping)",
            "`deliverables` must be a list (got a number)",
        ]

    def test_bad_version_and_scheme(self) -> None:
        found = problems("version: 2\nscheme: RACY\nunits: [{id: a}]\n")
        assert found[0][:2] == (1, 10)
        assert "unsupported format version 2" in found[0][2]
        assert "did you mean `RACI`?" in found[1][2]

    def test_empty_and_non_mapping_files(self) -> None:
        assert problems("") == [
            (1, 1, "the file is empty; expected a mapping with `version` and `units`")
        ]
        assert problems("- a\n- b\n") == [(1, 1, "the file must be a mapping (got a list)")]

    def test_hostile_names_load_as_text(self) -> None:
        org = loads('units:\n  - id: a\n    name: "<script>\\"]; x -> y; //"\n')
        assert org.units["a"].name == '<script>"]; x -> y; //'

    def test_missing_and_unreadable_files(self, tmp_path) -> None:
        with pytest.raises(raci.LoadError, match="no such file"):
            raci.load(tmp_path / "nope.yaml")
        bad = tmp_path / "latin1.yaml"
        bad.write_bytes("units: [{id: a, name: caf\xe9}]".encode("latin-1"))
        with pytest.raises(raci.LoadError, match="not UTF-8") as info:
            raci.load(bad)
        assert (info.value.line, info.value.column) == (1, 26)
        with pytest.raises(raci.LoadError, match="unknown file type"):
            raci.load(tmp_path / "org.docx")

    def test_json_errors_are_placed_at_the_object(self) -> None:
        text = '{\n "units": [\n  {"id": "a"},\n  {"id": "b", "parnet": "a"}\n ]\n}\n'
        [(line, _, reason)] = problems(text, "json")
        assert line == 4
        assert "did you mean `parent`?" in reason


class TestHostileYaml:
    """YAML aliases cannot make the loader loop or explode."""

    def test_a_recursive_alias_is_a_located_error(self) -> None:
        text = "units: &u\n  - id: r\n    units: *u\n"
        [(line, col, reason)] = problems(text)
        assert (line, col) == (2, 5)
        assert reason == "this unit is repeated through a YAML alias; write each unit once"

    def test_an_alias_bomb_is_rejected_quickly(self) -> None:
        # 2**16 units if expanded: enough to notice, small enough to fail rather than hang.
        doc = ["x0: &l0 [{id: leaf}]"]
        for k in range(1, 17):
            doc.append(
                f"x{k}: &l{k} [{{id: a{k}, units: *l{k - 1}}}, {{id: b{k}, units: *l{k - 1}}}]"
            )
        doc.append("units: [{id: root, units: *l16}]")
        found = problems("\n".join(doc))
        assert len(found) < 200
        assert any("repeated through a YAML alias" in r for _, _, r in found)


class TestReadOnlyModel:
    """A loaded model cannot be changed in place, so its graph never goes stale."""

    def test_tables_refuse_assignment(self) -> None:
        org = loads("units: [{id: a}, {id: b, parent: a}]")
        with pytest.raises(TypeError):
            org.units["c"] = org.units["a"]  # type: ignore[index]
        with pytest.raises(TypeError):
            org.deliverables["d"] = None  # type: ignore[index]
        with pytest.raises(nx.NetworkXError):
            org.graph.add_edge("b", "a")
        assert list(org.graph.edges) == [("a", "b")]

    def test_evolve_gives_a_new_consistent_model(self) -> None:
        org = loads("units: [{id: a}, {id: b, parent: a}]")
        c = attrs.evolve(org.units["b"], id="c")
        bigger = attrs.evolve(org, units={**org.units, "c": c})
        assert sorted(bigger.graph.edges) == [("a", "b"), ("a", "c")]
        assert list(org.units) == ["a", "b"]


def test_top_down_visits_every_unit_once_in_chart_order() -> None:
    org = loads(
        """
        units:
          - {id: b, parent: a}
          - {id: a}
          - {id: c, parent: a}
          - {id: d, parent: b}
          - {id: x, parent: y}
          - {id: y, parent: x}
        """
    )
    assert list(org.top_down()) == ["a", "b", "d", "c", "x", "y"]
