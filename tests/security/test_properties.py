"""Properties over random organizations and random input: whatever comes in, raci answers
with a result or a located message (exit 0, 1 or 2), and its answers do not depend on
the order things are written in."""

from __future__ import annotations

import random
import string
from pathlib import Path

import attrs
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import raci
from raci.cli import cli
from strategies import organizations

FORMATS = (".txt", ".md", ".html", ".csv", ".xlsx", ".tex")
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def shuffled(org: raci.Organization, seed: int) -> raci.Organization:
    """The same organization with its tables in another order."""
    rng = random.Random(seed)

    def mix(table: dict[str, object]) -> dict[str, object]:
        items = list(table.items())
        rng.shuffle(items)
        return dict(items)

    return attrs.evolve(
        org,
        units=mix(dict(org.units)),
        positions=mix(dict(org.positions)),
        external=mix(dict(org.external)),
        deliverables=mix(dict(org.deliverables)),
    )


def key(f: raci.Finding) -> tuple[str, str, str, str]:
    return (f.rule, f.subject, f.severity.value, f.message)


@SETTINGS
@given(org=organizations(), seed=st.integers(0, 1000))
def test_rules_are_deterministic_and_independent_of_order(
    org: raci.Organization, seed: int
) -> None:
    first = sorted(map(key, raci.validate(org)))
    assert first == sorted(map(key, raci.validate(org)))
    assert first == sorted(map(key, raci.validate(shuffled(org, seed))))


@SETTINGS
@given(org=organizations())
def test_every_matrix_renderer_accepts_every_valid_model(
    tmp_path: Path, org: raci.Organization
) -> None:
    for suffix in FORMATS:
        data = raci.render_matrix(org, tmp_path / f"m{suffix}", lang="zh")
        assert data


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(org=organizations())
def test_every_chart_format_accepts_every_valid_model(
    tmp_path: Path, org: raci.Organization
) -> None:
    for suffix in (".dot", ".svg"):
        [written] = raci.render_chart(org, tmp_path / f"c{suffix}")
        assert written.stat().st_size > 0


def exit_code(tmp_path: Path, name: str, data: bytes, *command: str) -> int:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, [*command, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "internal error" not in result.output, result.output
    return result.exit_code


@SETTINGS
@given(
    data=st.binary(max_size=400),
    suffix=st.sampled_from([".yaml", ".json", ".toml", ".csv", ".md", ".xlsx"]),
)
def test_random_bytes_are_a_result_or_a_message(tmp_path: Path, data: bytes, suffix: str) -> None:
    assert exit_code(tmp_path, f"f{suffix}", data, "validate") in (0, 1, 2)


YAML_PIECES = st.sampled_from(
    [
        "units:",
        "- id: a",
        "- {id: b, parent: a}",
        "deliverables:",
        "- id: d",
        "raci:",
        "A: a",
        "R: [a, b]",
        "  ",
        "    ",
        "&x",
        "*x",
        "!!int",
        "!!map",
        "~",
        "null",
        ": ",
        "0100",
        "1:30",
        "yes",
        "2021-02-29",
        "[",
        "]",
        "{",
        "}",
        "rules:",
        "silo: off",
        "levels: [x]",
        "scheme: DACI",
        "'",
        '"',
        "#",
        "?",
        "|",
        ">",
    ]
)


@SETTINGS
@given(lines=st.lists(st.lists(YAML_PIECES, max_size=4).map(" ".join), max_size=12))
def test_random_yaml_is_a_result_or_a_message(tmp_path: Path, lines: list[str]) -> None:
    text = "\n".join(lines).encode()
    for command in (["validate"], ["matrix"]):
        assert exit_code(tmp_path, "m.yaml", text, *command) in (0, 1, 2)


CELLS = st.sampled_from(
    [
        "",
        "A",
        "R/A",
        "r, c",
        "-",
        "N/A",
        "Task",
        "Responsible",
        "Alice, Bob",
        "id",
        "name",
        "parent",
        "Level 1",
        "path",
        "a/b/c",
        "=1+1",
        "\x1b[2J",
        "é",
        "全球",
        "|",
        '"',
        ";",
    ]
)


@SETTINGS
@given(rows=st.lists(st.lists(CELLS, min_size=1, max_size=5), max_size=8))
def test_random_spreadsheets_are_a_result_or_a_message(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    csv = "\n".join(",".join(r) for r in rows).encode()
    md = "\n".join(
        ["| " + " | ".join(r) + " |" for r in rows[:1]]
        + ["|---|"]
        + ["| " + " | ".join(r) + " |" for r in rows[1:]]
    ).encode()
    assert exit_code(tmp_path, "t.csv", csv, "validate") in (0, 1, 2)
    assert exit_code(tmp_path, "t.md", md, "validate") in (0, 1, 2)
    assert exit_code(tmp_path, "t.csv", csv, "matrix") in (0, 2)


def test_printable_ascii_is_never_an_internal_error(tmp_path: Path) -> None:
    rng = random.Random(7)
    for _ in range(50):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 200)))
        assert exit_code(tmp_path, "r.yaml", text.encode(), "validate") in (0, 1, 2)
