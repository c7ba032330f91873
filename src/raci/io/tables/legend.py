"""What a legend beside a table says each role letter means (``D | Driver``,
``R = Responsible``, ``A: Accountable – signs off``), and the scheme it makes for a table
whose letters no built-in scheme has together."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from raci.findings import SourceLocation
from raci.io.tables.marks import plain_marks
from raci.io.tables.region import legend_entry
from raci.schemes import DEFAULT_KINDS, DEFAULT_SCHEME, Role, Scheme

#: Where a role's name ends and its description starts: ``Accountable – signs off``,
#: ``Responsible (does the work)``, ``Consulted: asked before``.
_NAME_ENDS = re.compile(r"\s*(?:[:;,.(（=–—]|\s-\s)")


@attrs.frozen
class Legend:
    """The letters a legend defines, each with its role's name, in the legend's order,
    and where the legend starts."""

    entries: tuple[tuple[str, str], ...]
    location: SourceLocation

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


def legend_of(rows: Iterable[Sequence[str]], location: SourceLocation) -> Legend | None:
    """The legend that rows of cells make: a cell that is an entry (``R = Responsible``),
    or a letter in the first filled cell of a row and the role's name in the next; the
    first entry of a letter counts. None when the rows define no letter."""
    found: dict[str, str] = {}
    for cells in rows:
        texts = [c.strip() for c in cells if c.strip()]
        pairs = [legend_entry(text) for text in texts]
        if texts and pairs[0] is None and len(texts) >= 2:
            pairs = [(texts[0].strip("*()"), texts[1])]
        for pair in pairs:
            if pair is not None:
                letter = plain_marks(pair[0]).upper()
                name = _NAME_ENDS.split(pair[1], maxsplit=1)[0].strip()
                if len(letter) == 1 and letter.isalpha() and name:
                    found.setdefault(letter, name)
    return Legend(tuple(found.items()), location) if found else None
