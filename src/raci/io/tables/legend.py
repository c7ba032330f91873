"""What a legend beside a table says each role letter means (``D | Driver``,
``R = Responsible``, ``A: Accountable – signs off``), the scheme it makes for a table
whose letters no built-in scheme has together, and the codes it defines whole
(``AI  AI System``), which are no role letters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from raci.findings import SourceLocation
from raci.io.tables.marks import plain_marks
from raci.io.tables.region import legend_entry
from raci.io.tables.role_headers import names_a_role
from raci.schemes import DEFAULT_KINDS, DEFAULT_SCHEME, Role, Scheme

#: Where a role's name ends and its description starts: ``Accountable – signs off``,
#: ``Responsible (does the work)``, ``Consulted: asked before``.
_NAME_ENDS = re.compile(r"\s*(?:[:;,.(（=–—]|\s-\s)")


@attrs.frozen
class Code:
    """A code of capital letters that a legend defines as a whole, with a meaning that
    names no role (``AI  AI System``), and where the legend defines it."""

    code: str
    meaning: str
    location: SourceLocation


@attrs.frozen
class Legend:
    """The letters a legend defines, each with its role's name, in the legend's order,
    where the legend starts, and the codes it defines whole."""

    entries: tuple[tuple[str, str], ...]
    location: SourceLocation
    codes: tuple[Code, ...] = ()

    def scheme(self, used: Iterable[str]) -> Scheme | None:
        """The scheme of the legend's letters when it defines every letter ``used``: A, R,
        C and I with the kinds and numbers they have in RACI, the others as roles of their
        own (rules take them as neither Accountable nor Responsible); else None."""
        letters = [letter for letter, _ in self.entries]
        if not letters or not set(used) <= set(letters):
            return None
        roles = []
        for letter, name in self.entries:
            usual = DEFAULT_SCHEME.role(letter) if letter in DEFAULT_KINDS else None
            if usual is None:
                roles.append(Role(letter, name))
            else:
                roles.append(Role(letter, name, usual.min, usual.max, usual.kind))
        return Scheme("".join(letters), tuple(roles))

    def said(self) -> str:
        """The legend's entries as a note quotes them: ``D Driver, R Responsible``."""
        return ", ".join(f"{letter} {name}" for letter, name in self.entries)


def legend_of(
    rows: Iterable[Sequence[tuple[str, SourceLocation]]], location: SourceLocation
) -> Legend | None:
    """The legend that rows of cells (each with its place) make: a cell that is an entry
    (``R = Responsible``, ``AI  AI System``), or a letter or code in the first filled cell
    of a row and its meaning in the next; the first entry of a letter or code counts. A
    code is two capital letters or more whose meaning names no role. None when the rows
    define no letter and no code."""
    found: dict[str, str] = {}
    codes: dict[str, Code] = {}
    for cells in rows:
        filled = [(text.strip(), at) for text, at in cells if text.strip()]
        pairs = [(legend_entry(text), at) for text, at in filled]
        if filled and pairs[0][0] is None and len(filled) >= 2:
            pairs = [((filled[0][0].strip("*()"), filled[1][0]), filled[0][1])]
        for pair, at in pairs:
            if pair is None:
                continue
            letter = plain_marks(pair[0]).upper()
            name = _NAME_ENDS.split(pair[1], maxsplit=1)[0].strip()
            if len(letter) == 1 and letter.isalpha() and name:
                found.setdefault(letter, name)
            elif _is_code(pair[0], name) and pair[0] not in codes:
                codes[pair[0]] = Code(pair[0], name, at)
    if not found and not codes:
        return None
    return Legend(tuple(found.items()), location, tuple(codes.values()))


def _is_code(text: str, meaning: str) -> bool:
    """Whether a legend defines ``text`` as a code of its own: capital letters, two or
    more, whose ``meaning`` names no role."""
    return len(text) >= 2 and text.isalpha() and text.isupper() and not names_a_role(meaning)
