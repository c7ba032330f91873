"""A required key given as null, a bad version, an empty file: errors at their place."""

from __future__ import annotations

import pytest

import raci
from helpers import loads


def problems(text: str, fmt: str = "yaml") -> list[tuple[int, int, str]]:
    with pytest.raises(raci.LoadError) as info:
        loads(text, fmt)
    return [(p.location.line, p.location.column, p.message) for p in info.value.findings]


UNITS = "units:\n  - id: u\n"


@pytest.mark.parametrize("null", ["null", "~", ""])
@pytest.mark.parametrize(
    ("section", "what", "other"),
    [
        ("units", "a unit", "name: x"),
        ("positions", "a position", "unit: u"),
        ("external", "an external party", "name: x"),
        ("groups", "a group", "name: x"),
        ("deliverables", "a deliverable", "name: x"),
    ],
)
def test_a_null_id_is_an_error_at_its_place(section: str, what: str, other: str, null: str) -> None:
    head = UNITS if section == "units" else f"{UNITS}{section}:\n"
    item = f"  - {{{other}, id: {null}}}"
    assert problems(f"{head}{item}\n") == [
        (
            head.count("\n") + 1,
            len(item) - len(null),
            f"{what}'s `id` must be an id string (got nothing (null))",
        )
    ]


def test_a_null_unit_of_a_position() -> None:
    assert problems(f"{UNITS}positions:\n  - id: p\n    unit:\n") == [
        (5, 10, "`unit` must be an id string (got nothing (null))")
    ]


def test_a_position_without_id_or_unit() -> None:
    assert problems(f"{UNITS}positions:\n  - title: T\n") == [
        (4, 5, "a position needs an `id`"),
        (4, 5, "a position needs a `unit`"),
    ]


@pytest.mark.parametrize("version", ["true", "null", "'1'", "1.5"])
def test_a_version_that_is_not_1(version: str) -> None:
    [(line, column, reason)] = problems(f"version: {version}\n{UNITS}")
    assert (line, column) == (1, 10)
    assert reason.startswith("unsupported format version")


def test_an_empty_toml_file_is_like_an_empty_yaml_file() -> None:
    assert problems("", "toml") == problems("") == problems("# nothing\n", "toml")
