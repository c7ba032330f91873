"""Hostile text cannot reach the terminal as control sequences."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from raci._text import display_width, one_line, printable
from raci.cli import cli
from raci.render.reporters import TextReporter


def test_printable_escapes_controls_but_keeps_text() -> None:
    assert printable("a\x1b[31mb\x00c\u202ed\te\nf 人\x85") == (
        "a\\x1b[31mb\\x00c\\u202ed\te\nf 人\\u0085"
    )


@pytest.mark.parametrize("size", [10, 1 << 18, 3 << 18])
def test_printable_finds_every_ascii_control_in_long_text(size: int) -> None:
    """An ASCII text is checked a slice at a time: a control character is found wherever
    it stands, the last character of a slice or the text's last character included."""
    plain = "".join(chr(c) for c in range(0x20, 0x7F)) + "\t\n"
    assert printable(plain) is plain
    for code in [*range(0x09), *range(0x0B, 0x20), 0x7F]:
        shown = "\\r" if code == 0x0D else f"\\x{code:02x}" if code < 0x20 else "\\u007f"
        for at in (0, size - 1, size):
            text = "x" * at + chr(code) + "y" * (size - at)
            assert printable(text) == "x" * at + shown + "y" * (size - at)


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


class TestDisplayWidth:
    """Columns on a terminal, as wcwidth measures them."""

    @pytest.mark.parametrize(
        ("text", "width"),
        [
            ("（", 2),  # fullwidth (F) punctuation
            ("，", 2),
            ("总部（北京），二〇二〇", 22),
            ("\U0001f468\u200d\U0001f469\u200d\U0001f467", 2),  # a family: one ZWJ sequence
            ("\u2764\ufe0f", 2),  # a heart made wide by VS16
            ("\u1112\u1161\u11ab", 2),  # 한 as conjoining jamo: the vowel and final take none
            ("e\u0301", 1),  # a combining accent
            ("a\x01b", 3),  # a control character is shown as one U+FFFD
            ("人\t", 3),
            ("plain", 5),
        ],
    )
    def test_width(self, text: str, width: int) -> None:
        assert display_width(text) == width


WIDE_NAMES = """
version: 1
units:
  - id: hq
    name: 总部（北京），二〇二〇
    units:
      - id: team
        name: "Team \U0001f469\u200d\U0001f4bb \u2764\ufe0f"
      - id: kr
        name: "\u1112\u1161\u11ab\u1100\u116e\u11a8 office"
deliverables:
  - id: d1
    name: 预算（草案），二〇二〇
    raci: {A: hq, R: [team, kr]}
  - id: d2
    name: "Report \U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f"
    raci: {A: hq, R: kr, C: team}
  - id: d3
    name: "\u1112\u1161\u11ab plan"
    raci: {A: team, R: hq, I: kr}
"""


def test_the_terminal_matrix_of_wide_names_stays_aligned(write) -> None:
    """Measured by wcwidth itself, every row's bar sits in one column, and the header is
    as wide as the rule below it."""
    result = CliRunner().invoke(cli, ["matrix", str(write(WIDE_NAMES))])
    assert result.exit_code == 0, result.output
    table = result.stdout.split("\n\n")[0].splitlines()
    assert len(table) == 5
    header, rule, *rows = table
    assert ["（" in rows[0], "\u200d" in rows[1], "\u11ab" in rows[2]] == [True] * 3
    bars = {wcswidth(line[: line.index("│")]) for line in [header, *rows]}
    assert bars == {wcswidth(rule[: rule.index("┼")])}
    assert wcswidth(header) == wcswidth(rule)
