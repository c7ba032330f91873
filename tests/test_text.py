"""Hostile text cannot reach the terminal as control sequences."""

from __future__ import annotations

from click.testing import CliRunner

from raci._text import one_line, printable
from raci.cli import cli
from raci.render.reporters import TextReporter


def test_printable_escapes_controls_but_keeps_text() -> None:
    assert printable("a\x1b[31mb\x00c\u202ed\te\nf 人\x85") == (
        "a\\x1b[31mb\\x00c\\u202ed\te\nf 人\\u0085"
    )


def test_one_line_escapes_line_breaks_too() -> None:
    assert one_line("a\nb\r\tc\u2028d\x1b") == "a\\nb\\r\\tc\\u2028d\\x1b"


def test_validate_output_carries_no_escape_sequences(write) -> None:
    path = write('{"units": [{"id": "a\\u001b[2J"}, {"id": "b"}]}', "org.json")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    assert "a\\x1b[2J" in result.stdout


def test_colour_survives_sanitising(write) -> None:
    import raci

    org = raci.loads("units: [{id: a}, {id: b}]")
    text = TextReporter(color=True)({"org.yaml": raci.validate(org)})
    assert "\x1b[31m" in text
