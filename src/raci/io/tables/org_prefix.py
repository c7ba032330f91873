"""Headers that name their table before the field, as database exports write them
(``unidad_organica_id``, ``unidad_organica_nombre``, ``unidad_organica_superior_id``):
the fields without that shared name."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PARTS = re.compile(r"[\s_.\-]+")
#: How many headers must start with the shared name (the id column's among them).
_SHARED_BY = 3
#: After the table's name, these are its name, not a person's first name.
_NAME = frozenset({"nombre", "nome", "nom"})


def without_table_name(header: Sequence[str]) -> list[str] | None:
    """The header cells with the table's name taken off the front, when a column is
    ``<name>_id`` and at least two others start with ``<name>_``; None when none is.
    ``<name>_nombre`` is the ``name``."""
    split = [[p for p in _PARTS.split(text.strip().casefold()) if p] for text in header]
    for parts in split:
        if len(parts) < 2 or parts[-1] != "id":
            continue
        name = parts[:-1]
        sharing = [p for p in split if len(p) > len(name) and p[: len(name)] == name]
        if len(sharing) >= _SHARED_BY:
            fields = [
                "_".join(p[len(name) :]) if len(p) > len(name) and p[: len(name)] == name else text
                for p, text in zip(split, header, strict=True)
            ]
            return ["name" if f in _NAME else f for f in fields]
    return None
