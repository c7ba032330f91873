"""Where JSON and TOML problems point: the object's `id` key, else the nearest place known."""

from __future__ import annotations

import pytest

import raci

Place = tuple[int, int, str]


def problems(text: str, fmt: str) -> list[Place]:
    with pytest.raises(raci.LoadError) as info:
        raci.loads(text, fmt, file="org." + fmt)
    return [(p.location.line, p.location.column, p.message) for p in info.value.findings]


def findings(text: str, fmt: str, rule: str) -> list[Place]:
    org = raci.loads(text, fmt, file="org." + fmt)
    found = raci.validate(org)
    return [(f.location.line, f.location.column, f.message) for f in found if f.rule == rule]


def placed(text: str, fmt: str, unit: str) -> tuple[int, int]:
    where = raci.loads(text, fmt, file="org." + fmt).units[unit].location
    return where.line, where.column


class TestJson:
    """JSON: the `id` key of the object, whatever the id's spelling."""

    def test_an_id_with_an_escape(self) -> None:
        text = '{\n "units": [\n  {"id": "a"},\n  {"id": "caf\\u00e9", "parnet": "a"}\n ]\n}\n'
        assert problems(text, "json") == [
            (4, 4, "unknown key `parnet` in a unit; did you mean `parent`?")
        ]

    def test_an_escaped_id_is_placed_and_found_by_rules(self) -> None:
        text = '{"units": [\n {"id": "a"},\n {"id": "b\\"c", "parent": "zz"}\n]}'
        assert placed(text, "json", 'b"c') == (3, 3)
        [(line, column, _)] = findings(text, "json", "unknown-reference")
        assert (line, column) == (3, 3)

    def test_a_whole_number_id(self) -> None:
        text = '{"units": [\n  {"id": 10},\n  {"id": 11, "parent": 10}\n]}'
        assert placed(text, "json", "11") == (3, 4)

    def test_on_one_line(self) -> None:
        text = '{"units": [{"id": "a"}, {"id": "b", "staff": 1}]}'
        assert problems(text, "json") == [(1, 26, "`staff` must be true or false (got a number)")]

    def test_an_object_without_id_falls_back_to_its_list(self) -> None:
        text = '{\n  "version": 1,\n  "units": [\n    {"name": "x"}\n  ]\n}\n'
        assert problems(text, "json") == [(3, 12, "a unit needs an `id`")]

    def test_a_null_id_falls_back_to_the_enclosing_unit(self) -> None:
        text = '{"units": [\n {"id": "top", "units": [\n   {"id": null}\n ]}\n]}'
        assert problems(text, "json") == [
            (2, 3, "a unit's `id` must be an id string (got nothing (null))")
        ]

    def test_top_level_keys_and_values(self) -> None:
        text = '{\n  "units": [{"id": "a"}],\n  "unit": [],\n  "version": true\n}'
        assert problems(text, "json") == [
            (3, 3, "unknown key `unit` in the file; did you mean `units`?"),
            (4, 14, "unsupported format version True; this raci reads version 1"),
        ]

    def test_a_top_level_list_is_not_an_object(self) -> None:
        assert problems('[{"id": "a"}]', "json") == [
            (1, 1, "the file must be a mapping (got a list)")
        ]

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ('{"units": [}', (1, 12)),
            ('{"units": [], }', (1, 15)),
            ('{"units" []}', (1, 10)),
            ('{"units": []} x', (1, 15)),
        ],
    )
    def test_bad_syntax_keeps_its_place(self, text: str, place: tuple[int, int]) -> None:
        [(line, column, reason)] = problems(text, "json")
        assert ((line, column), reason.startswith("invalid JSON:")) == (place, True)

    def test_deep_nesting_is_a_load_error(self) -> None:
        assert problems('{"units": ' + "[" * 100_000, "json") == [
            (1, 1, "invalid JSON: nested too deeply")
        ]


class TestToml:
    """TOML: the `id` key of the table or inline table, in any string style."""

    def test_an_inline_table(self) -> None:
        text = 'version = 1\nunits = [{id = "a", parent = "zz"}]\n'
        assert placed(text, "toml", "a") == (2, 11)
        assert findings(text, "toml", "unknown-reference") == [
            (2, 11, "`parent` of `a` refers to `zz`, but no unit has id `zz`")
        ]

    def test_inline_tables_over_several_lines_with_id_not_first(self) -> None:
        text = 'units = [\n  {id = "a"},\n  {parent = "a", id = "b", hed = "x"},\n]\n'
        assert problems(text, "toml") == [
            (3, 18, "unknown key `hed` in a unit; did you mean `head`?")
        ]

    @pytest.mark.parametrize(
        ("line", "ident"),
        [
            ('id = "caf\\u00e9"', "café"),
            ("id = 'C:\\x'", "C:\\x"),
            ('"id" = "q"', "q"),
            ("id = 7", "7"),
            ('  id = "x"  # indented', "x"),
        ],
    )
    def test_string_styles(self, line: str, ident: str) -> None:
        text = f'[[units]]\nid = "first"\n\n[[units]]\n\n{line}\nparent = "first"\n'
        column = len(line) - len(line.lstrip()) + 1
        assert placed(text, "toml", ident) == (6, column)

    def test_a_table_without_id_points_at_its_header(self) -> None:
        text = 'version = 1\n\n[[units]]\nid = "a"\n\n[[units]]\nname = "b"\n'
        assert problems(text, "toml") == [(6, 1, "a unit needs an `id`")]

    def test_a_table_points_at_its_header(self) -> None:
        text = 'version = 1\n\n[organization]\nlevles = ["a"]\n\n[[units]]\nid = "a"\n'
        assert problems(text, "toml") == [
            (3, 1, "unknown key `levles` in `organization`; did you mean `levels`?")
        ]

    def test_top_level_values(self) -> None:
        text = 'version = true\nunits = {id = "a"}\n'
        assert problems(text, "toml") == [
            (1, 11, "unsupported format version True; this raci reads version 1"),
            (2, 9, "`units` must be a list (got a mapping)"),
        ]

    @pytest.mark.parametrize("text", ["", "\n", "# only a comment\n"])
    def test_an_empty_file(self, text: str) -> None:
        assert problems(text, "toml") == [
            (1, 1, "the file is empty; expected a mapping with `version` and `units`")
        ]
