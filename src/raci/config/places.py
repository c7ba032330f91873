"""Where each table and key of a TOML text is written: tomllib gives values, not places."""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: The line and column of a key, by its full dotted path (``("tool", "raci", "select")``).
Places = dict[tuple[str, ...], tuple[int, int]]

# A key: bare, "basic" or 'literal'; a dotted key; and a line that opens a table
# (`[a.b]`, `[[a.b]]`) or gives a key a value (`a.b = ...`).
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_LINE = re.compile(
    rf"(?m)^[ \t]*(?:(?P<open>\[\[?)[ \t]*(?P<table>{_DOTTED})[ \t]*\]|(?P<key>{_DOTTED})[ \t]*=)"
)
_PART = re.compile(_KEY)


def _parts(dotted: str) -> tuple[str, ...]:
    """The keys of a dotted key, unquoted as tomllib reads them."""
    parts = []
    for m in _PART.finditer(dotted):
        key = m.group()
        if key.startswith('"'):
            try:
                key = tomllib.loads(f"k = {key}")["k"]
            except tomllib.TOMLDecodeError:
                key = key[1:-1]
        elif key.startswith("'"):
            key = key[1:-1]
        parts.append(key)
    return tuple(parts)


def key_places(text: str) -> Places:
    """Where each table header and each key of ``text`` is first written, by its full
    path. Keys inside inline tables (``{a = 1}``) are not placed: their table is."""
    places: Places = {}
    table: tuple[str, ...] = ()
    for m in _LINE.finditer(text):
        if m["table"] is not None:
            table = _parts(m["table"])
            path, at = table, m.start("open")
        else:
            path, at = table + _parts(m["key"]), m.start("key")
        if path not in places:
            line = text.count("\n", 0, at) + 1
            places[path] = (line, at - (text.rfind("\n", 0, at) + 1) + 1)
    return places


def place_of(places: Places, path: tuple[str, ...]) -> tuple[int, int]:
    """Where ``path`` is written, else its nearest table or key that is; (0, 0) for none."""
    for end in range(len(path), 0, -1):
        found = places.get(path[:end])
        if found is not None:
            return found
    return (0, 0)
