"""The value kinds of the field table, read from parsed data; each says what is wrong.

Pure functions, so that the loader works out where a value is written only when
it is wrong (that look-up is the costly part for a large file).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from raci.io.fields import Kind

_WHITESPACE = re.compile(r"\s")


class Wrong(ValueError):
    """What is wrong with a value, as the end of a sentence that names the value."""


_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "a true/false value"),
    (int, "a number"),
    (float, "a number"),
    (str, "a string"),
    (list, "a list"),
    (dict, "a mapping"),
    (type(None), "nothing (null)"),
    (dt.datetime, "a date and time"),
    (dt.date, "a date"),
)


def kind_of(value: object) -> str:
    """How a message speaks of the type of a parsed value."""
    return next((name for t, name in _KINDS if isinstance(value, t)), type(value).__name__)


def written(value: object) -> str:
    """The text a scalar was written as: a YAML number keeps its source (``007``, ``0x1F``,
    ``1:30``, which YAML 1.1 would read as 7, 31 and 90); anything else is ``str()``."""
    return getattr(value, "written", None) or str(value)


def ident(value: object) -> str:
    """An id: a non-empty string (or a whole number, as written) without whitespace."""
    if type(value) is str:
        text = value.strip()
    elif isinstance(value, bool) or not isinstance(value, (str, int)):
        hint = " (quote it)" if isinstance(value, (bool, float)) else ""
        raise Wrong(f"must be an id string (got {kind_of(value)}){hint}")
    else:
        text = written(value).strip()
    if not text:
        raise Wrong("must not be empty")
    if _WHITESPACE.search(text):
        raise Wrong(f"{text!r} must not contain whitespace")
    return text


def text(value: object) -> str:
    """A text; numbers are read as text."""
    if type(value) is str:
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Wrong(f"must be text (got {kind_of(value)})")
    return written(value).strip()


def flag(value: object) -> bool:
    """True or false."""
    if not isinstance(value, bool):
        raise Wrong(f"must be true or false (got {kind_of(value)})")
    return value


def count(value: object) -> int:
    """A whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Wrong(f"must be a whole number, 0 or more (got {value!r})")
    # YAML 1.1 reads `012` as octal 10; a count written with a leading zero means 12.
    text = written(value)
    return int(text) if text.isdigit() else int(value)


def date(value: object) -> dt.date:
    """A date: a YAML date (or date and time), or an ISO date string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Wrong(f"must be a date like 2020-03-31 (got {value!r})")


#: The most values a free-form mapping may hold once YAML aliases are written out.
MAX_FREE_VALUES = 10_000


def _expanded(value: object, limit: int) -> int:
    """How many values ``value`` holds with every alias written out (more than ``limit``
    stops the count; a structure that contains itself counts as too many)."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()

    def size(node: object) -> int:
        if not isinstance(node, (dict, list)):
            return 1
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_:
            return limit + 1
        open_.add(key)
        items = node.values() if isinstance(node, dict) else node
        total = 1
        for item in items:
            total += size(item)
            if total > limit:
                break
        open_.discard(key)
        sizes[key] = total
        return total

    return size(value)


def mapping(value: object) -> dict[str, Any]:
    """A free-form mapping carried along as it is, with its keys as text; one that YAML
    aliases make huge (or that contains itself) is refused, since writing it out would
    not end."""
    if not isinstance(value, dict):
        raise Wrong(f"must be a mapping (got {kind_of(value)})")
    if _expanded(value, MAX_FREE_VALUES) > MAX_FREE_VALUES:
        raise Wrong(
            f"holds more than {MAX_FREE_VALUES:,} values once its YAML aliases are written"
            " out (or contains itself); write the values out"
        )
    return {str(k): v for k, v in value.items()}


#: The reader of each kind that is one plain value.
READERS: dict[Kind, Callable[[object], Any]] = {
    Kind.ID: ident,
    Kind.TEXT: text,
    Kind.LETTER: text,
    Kind.ROLE_KIND: text,
    Kind.FLAG: flag,
    Kind.COUNT: count,
    Kind.DATE: date,
    Kind.MAPPING: mapping,
}
