"""Parse JSON and TOML model files; mappings are placed by the line of their ``id``."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from raci.exceptions import LoadError
from raci.io._marks import IdMarks, Marks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_JSON_ID = r'"id"\s*:\s*"(?P<id>(?:[^"\\]|\\.)*)"'
_TOML_ID = r'(?m)^\s*id\s*=\s*["\'](?P<id>[^"\'\n]*)["\']'


def parse_json(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a JSON text and its marks; LoadError on bad syntax."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError.at(file, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}") from None
    return data, IdMarks(file, text, _JSON_ID)


def parse_toml(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a TOML text and its marks; LoadError on bad syntax."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        raise LoadError.at(file, line, col, f"invalid TOML: {reason}") from None
    return data, IdMarks(file, text, _TOML_ID)
