"""Parse JSON and TOML model files; mappings are placed by the line of their ``id``."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io._marks import IdMarks, Marks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# An `id` key and its value: a string (escapes decoded later; the loop over its characters
# unrolled, which the regex engine runs faster) or a whole number.
_JSON_ID = re.compile(
    r'"id"\s*:\s*(?:"(?P<text>[^"\\]*(?:\\.[^"\\]*)*)"|(?P<number>-?\d+)(?![\d.eE]))'
)
_TOML_ID = re.compile(
    r"(?m)(?:^|[{,])[ \t]*(?P<key>id|\"id\"|'id')[ \t]*=[ \t]*"
    r"(?:\"(?P<text>(?:[^\"\\\n]|\\.)*)\"|'(?P<literal>[^'\n]*)'"
    r"|(?P<number>[+-]?\d[\d_]*)(?![\w.:+-]))"
)
_SPACE = frozenset(" \t\n\r")
# A TOML table header (`[name]`, `[[name]]`), and a `name = value` line.
_TOML_HEADER = re.compile(r"(?m)^[ \t]*(?P<open>\[\[?)[ \t]*(?P<name>[\w-]+)[ \t]*\]")
_TOML_KEY = re.compile(r"(?m)^[ \t]*(?P<name>[\w-]+)[ \t]*=[ \t]*")


class _NotPlain(Exception):
    """The JSON text is not a plain top-level object; json.loads gives the answer."""


def _whole(digits: str) -> str:
    """A whole number's id as the parser reads it; as written when Python refuses to read
    it (thousands of digits, inside a string where the parser never sees a number)."""
    try:
        return str(int(digits))
    except ValueError:
        return digits


def _too_long(file: str, text: str, kind: str) -> LoadError:
    """The error for a number of thousands of digits, which Python refuses to read."""
    found = _LONG_NUMBER.search(text)
    at = found.start() if found else 0
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return LoadError.at(file, line, column, f"invalid {kind}: a number too long to read")


def _refuse_lone_surrogates(file: str, text: str) -> None:
    """LoadError at the first ``\\uD800``-``\\uDFFF`` escape that is not half of a pair: such a
    string cannot be written as UTF-8, so every output would fail on it."""
    for m in _SURROGATE.finditer(text):
        before = m.start()  # the backslashes just before it (no copy of the text before)
        while before and text[before - 1] == "\\":
            before -= 1
        if (m.start() - before) % 2:
            continue  # an escaped backslash followed by the letters "ud..."
        high = m["half"].lower() in "89ab"
        pair = _SURROGATE.match(text, m.end()) if high else None
        if high and pair is not None and pair["half"].lower() in "cdef":
            continue
        if not high and _PAIRED_LOW.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        reason = f"invalid JSON: `{m[0]}` is half of a character pair (a lone surrogate)"
        raise LoadError.at(file, line, column, reason)


def _json_ids(text: str) -> Iterator[tuple[int, str]]:
    """Where each `id` key of a JSON text is, with its id as json.loads reads it."""
    for m in _JSON_ID.finditer(text):
        raw = m["text"]
        if raw is None:
            yield m.start(), _whole(m["number"])
        else:
            yield m.start(), json.loads(f'"{raw}"') if "\\" in raw else raw


def _skip(text: str, at: int) -> int:
    """The offset of the first character at or after ``at`` that is not JSON whitespace."""
    while text[at : at + 1] in _SPACE:
        at += 1
    return at


class _Pairs:
    """Builds each JSON object from its pairs, noting keys written twice (json.loads would
    keep the last without a word)."""

    def __init__(self) -> None:
        self.repeated: list[tuple[dict[str, Any], str]] = []
        repeated = self.repeated

        # A plain function with its names bound: it runs once per object of the file.
        def hook(pairs: list[tuple[str, Any]], new: type[dict[str, Any]] = dict) -> dict[str, Any]:
            obj = new(pairs)
            if len(obj) != len(pairs):
                seen: set[str] = set()
                for key, _ in pairs:
                    if key in seen:
                        repeated.append((obj, key))
                    seen.add(key)
            return obj

        self.hook: Callable[[list[tuple[str, Any]]], dict[str, Any]] = hook


def _json_object(text: str, pairs: _Pairs) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """A top-level JSON object parsed key by key, and where each key and value starts.

    Each value is parsed once by the json module's scanner, so this costs what
    json.loads costs. _NotPlain for anything else, including bad syntax.
    """
    scan = json.JSONDecoder(object_pairs_hook=pairs.hook).raw_decode
    data: dict[str, Any] = {}
    spots: dict[str, tuple[int, int]] = {}
    at = _skip(text, 0)
    if text[at : at + 1] != "{":
        raise _NotPlain
    at = _skip(text, at + 1)
    sep = text[at : at + 1]
    try:
        while sep != "}":
            if text[at : at + 1] != '"':
                raise _NotPlain
            key, end = scan(text, at)
            colon = _skip(text, end)
            if text[colon : colon + 1] != ":":
                raise _NotPlain
            start = _skip(text, colon + 1)
            if key in data:
                pairs.repeated.append((data, key))
            data[key], end = scan(text, start)
            spots[key] = (at, start)
            at = _skip(text, end)
            sep = text[at : at + 1]
            if sep not in ("}", ","):
                raise _NotPlain
            if sep == ",":
                at = _skip(text, at + 1)
    except ValueError as exc:
        raise _NotPlain from exc
    if _skip(text, at + 1) != len(text):
        raise _NotPlain
    return data, spots


def _read_json(text: str, pairs: _Pairs) -> tuple[Any, dict[str, tuple[int, int]]]:
    """The data of a JSON text, with the places of its top-level keys when it is an object."""
    try:
        return _json_object(text, pairs)
    except _NotPlain:
        pairs.repeated.clear()
        return json.loads(text, object_pairs_hook=pairs.hook), {}


_LONG_NUMBER = re.compile(r"\d{4000,}")
# A JSON escape of a UTF-16 surrogate, and a high one just before a low one.
_SURROGATE = re.compile(r"\\u[dD](?P<half>[89a-fA-F])[0-9a-fA-F]{2}")
_PAIRED_LOW = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}$")


def parse_json(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a JSON text and its marks (keys written twice go to ``marks.problems``);
    LoadError on bad syntax."""
    pairs = _Pairs()
    try:
        data, spots = _read_json(text, pairs)
    except json.JSONDecodeError as exc:
        raise LoadError.at(file, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise LoadError.at(file, 1, 1, "invalid JSON: nested too deeply") from None
    except ValueError:
        raise _too_long(file, text, "JSON") from None
    _refuse_lone_surrogates(file, text)  # one search, which skips to each backslash
    marks = IdMarks(file, text, _json_ids(text))
    for key, (key_at, value_at) in spots.items():
        marks.place(data, key, key_at, value_at)
    top = SourceLocation(file, 1, 1)
    for obj, key in pairs.repeated:
        reason = f"key `{key}` appears twice in this object; only one may be given"
        marks.problems.append(Finding.parse_error(marks.node(obj, top), reason))
    return data, marks


def _toml_ids(text: str) -> Iterator[tuple[int, str]]:
    """Where each `id` key of a TOML text is, with its id as tomllib reads it."""
    for m in _TOML_ID.finditer(text):
        if m["number"] is not None:
            yield m.start("key"), _whole(m["number"])
        elif m["literal"] is not None:
            yield m.start("key"), m["literal"]
        elif "\\" not in m["text"]:
            yield m.start("key"), m["text"]
        else:
            # Not a string after all when inside a multi-line one: then no id.
            with contextlib.suppress(tomllib.TOMLDecodeError):
                yield m.start("key"), tomllib.loads(f'v = "{m["text"]}"')["v"]


def _place_toml(text: str, data: dict[str, Any], marks: IdMarks) -> None:
    """Place the top-level keys (and the tables of `[[name]]` lists) of a TOML text."""
    headers = list(_TOML_HEADER.finditer(text))
    for m in _TOML_KEY.finditer(text, 0, headers[0].start() if headers else len(text)):
        if m["name"] in data:
            marks.place(data, m["name"], m.start("name"), m.end())
    tables: dict[str, list[int]] = {}
    for m in headers:
        if m["name"] in data and m["name"] not in tables:
            marks.place(data, m["name"], m.start("open"), m.start("open"))
        tables.setdefault(m["name"], []).append(m.start("open"))
    for name, offsets in tables.items():
        value = data.get(name)
        if isinstance(value, list) and len(value) == len(offsets):
            marks.place_items(value, offsets)


def parse_toml(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a TOML text and its marks (None for a text with no keys, like an
    empty YAML file); LoadError on bad syntax."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        raise LoadError.at(file, line, col, f"invalid TOML: {reason}") from None
    except ValueError:
        raise _too_long(file, text, "TOML") from None
    marks = IdMarks(file, text, _toml_ids(text))
    _place_toml(text, data, marks)
    return data or None, marks
