"""Text for Graphviz HTML-like labels: escaping and width-aware wrapping."""

from __future__ import annotations

import html
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"(\s*)([{_WIDE}]|[^\s{_WIDE}]+)")
_CLOSING = frozenset("，。、；：）」』】》！？")


def esc(text: str) -> str:
    """``text`` made safe inside an HTML-like label (markup escaped, control characters dropped)."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def columns(text: str) -> int:
    """Display width of ``text``: wide (CJK) characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` columns, nothing dropped.

    Latin text breaks at spaces, CJK text between any two characters, and a word
    longer than a line is cut. Lines come out of even length rather than one long
    line and a short last one.
    """
    words = _words(text)
    lines = _fill(words, width)
    narrower = width
    while narrower > 1 and len(lines) > 1:
        attempt = _fill(words, narrower - 1)
        if len(attempt) > len(lines):
            break
        lines, narrower = attempt, narrower - 1
    out: list[str] = []
    for ln in lines:
        out.extend(_cut(ln, width))
    return out or [""]


def _fill(words: list[tuple[str, bool]], width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word, space in words:
        candidate = f"{line}{' ' if space and line else ''}{word}"
        if not line or columns(candidate) <= width:
            line = candidate
            continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def _words(text: str) -> list[tuple[str, bool]]:
    """Break opportunities: (piece, whether a space came before it)."""
    pieces: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(_CONTROL.sub("", text)):
        space, piece = m.groups()
        if pieces and not space and piece in _CLOSING:
            pieces[-1] = (pieces[-1][0] + piece, pieces[-1][1])
        else:
            pieces.append((piece, bool(space)))
    return pieces


def _cut(line: str, width: int) -> list[str]:
    if columns(line) <= width:
        return [line]
    parts: list[str] = []
    current = ""
    for c in line:
        if current and columns(current + c) > width:
            parts.append(current)
            current = ""
        current += c
    return [*parts, current] if current else parts
