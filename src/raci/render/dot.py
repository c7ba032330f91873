"""Text for Graphviz: HTML-like labels (escaped, wrapped, never empty) and quoted ids."""

from __future__ import annotations

import html
import re

from raci._text import display_width, printable, strip_controls

_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"(\s*)([{_WIDE}]|[^\s{_WIDE}]+)")
_CLOSING = frozenset("，。、；：）」』】》！？")


def esc(text: str) -> str:
    """``text`` made safe inside an HTML-like label: markup escaped, control characters
    dropped, and backslashes doubled, so that Graphviz does not expand ``\\N`` or ``\\G``
    into the node's or the graph's name."""
    return html.escape(strip_controls(text), quote=True).replace("\\", "\\\\")


def wrapped(text: str, width: int, *, br: str = "<BR/>") -> str:
    """``text`` wrapped to ``width`` columns (see :func:`wrap`), each line escaped, the
    lines joined by ``br``."""
    return br.join(esc(line) for line in wrap(text, width))


def shown(text: str | None, fallback: str = "") -> str:
    """``text``, or ``fallback`` (an id) when nothing of ``text`` would show once control
    characters are dropped: Graphviz rejects an empty ``<B></B>`` or ``<FONT></FONT>``.
    When neither shows, the control characters show as U+FFFD."""
    if text and strip_controls(text).strip():
        return text
    if strip_controls(fallback).strip():
        return fallback
    return printable(fallback or text or "").strip()


def quote(name: str) -> str:
    """``name`` as a quoted DOT id (a node's name): in double quotes, with its quotes and
    backslashes escaped, so that no name ends the string early or runs into the next."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
        if not line or display_width(candidate) <= width:
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
    for m in _TOKEN.finditer(strip_controls(text)):
        space, piece = m.groups()
        if pieces and not space and piece in _CLOSING:
            pieces[-1] = (pieces[-1][0] + piece, pieces[-1][1])
        else:
            pieces.append((piece, bool(space)))
    return pieces


def _cut(line: str, width: int) -> list[str]:
    if display_width(line) <= width:
        return [line]
    parts: list[str] = []
    current = ""
    for c in line:
        if current and display_width(current + c) > width:
            parts.append(current)
            current = ""
        current += c
    return [*parts, current] if current else parts
