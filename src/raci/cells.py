"""Spreadsheet cell conventions that readers and writers share: the formula guard, column
letters and header matching."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from raci._text import strip_controls

#: First characters that make a spreadsheet read a cell as a formula (docs/matrices.md).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Exports prefix these with ``'``; the apostrophe itself is included so that a text which
#: really starts with ``'`` survives the round trip.
_GUARDED = (*FORMULA_STARTS, "'")
_HEADER_NOISE = re.compile(r"[\s_\-]+")


def guard_formula(text: str) -> str:
    """``text`` prefixed with ``'`` when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(_GUARDED) else text


def safe_cell(text: str) -> str:
    """``text`` as an export writes it into a spreadsheet cell (CSV): control characters
    dropped (tab and line breaks kept), then guarded against running as a formula."""
    return guard_formula(strip_controls(text))


def unguard_formula(text: str) -> str:
    """Undo :func:`guard_formula`: drop one leading ``'`` that guards a formula start."""
    if len(text) > 1 and text[0] == "'" and text.startswith(_GUARDED, 1):
        return text[1:]
    return text


def column_letter(column: int) -> str:
    """A, B, ... Z, AA, AB ... for column 1, 2, ..."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def normalize_header(text: str) -> str:
    """A header cell reduced for matching: lower case without spaces, ``_`` or ``-``."""
    return _HEADER_NOISE.sub("", text.casefold())


class HeaderFields:
    """Finds the columns of known fields in a header row, each field by its spellings
    (compared as :func:`normalize_header` leaves them)."""

    def __init__(self, aliases: Mapping[str, Sequence[str]]) -> None:
        self.field_of = {alias: field for field, names in aliases.items() for alias in names}

    def __call__(self, header: Sequence[str]) -> dict[str, int]:
        """The column of each field the header names (the first one, when repeated)."""
        found: dict[str, int] = {}
        for col, text in enumerate(header):
            field = self.field_of.get(normalize_header(text))
            if field is not None and field not in found:
                found[field] = col
        return found

    def columns_of(self, header: Sequence[str], field: str) -> list[int]:
        """Every column the header names ``field`` in (a field may be written twice)."""
        return [
            c for c, text in enumerate(header) if self.field_of.get(normalize_header(text)) == field
        ]
