"""Hostile text cannot reach the terminal as control sequences."""

from __future__ import annotations

from click.testing import CliRunner

from raci._text import printable
from raci.cli import cli
from raci.render.reporters import TextReporter


def test_printable_replaces_controls_but_keeps_text() -> None:
    assert printable("a\x1b[31mb\x00c\u202ed\te\nf 人") == "a\ufffd[31mb\ufffdc\ufffdd\te\nf 人"


def test_validate_output_carries_no_escape_sequences(write) -> None:
    path = write('{"units": [{"id": "a\\u001b[2J"}, {"id": "b"}]}', "org.json")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    assert "a\ufffd[2J" in result.stdout


def test_colour_survives_sanitising(write) -> None:
    import raci

    org = raci.loads("units: [{id: a}, {id: b}]")
    text = TextReporter(color=True)({"org.yaml": raci.validate(org)})
    assert "\x1b[31m" in text
