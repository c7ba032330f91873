"""Where things sit in a parsed file: the line and column of mappings, keys and items."""

from __future__ import annotations

import re
from typing import Any

from raci.findings import Finding, SourceLocation

Pos = tuple[int, int]


class Marks:
    """Line/column marks of a parsed tree, keyed by the identity of its containers.

    The tree must stay alive while marks are looked up (ids of dead objects are reused).
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes: dict[int, Pos] = {}
        self.keys: dict[tuple[int, Any], Pos] = {}
        self.values: dict[tuple[int, Any], Pos] = {}
        self.items: dict[tuple[int, int], Pos] = {}
        self.problems: list[Finding] = []

    def _loc(self, pos: Pos | None, fallback: SourceLocation) -> SourceLocation:
        if pos is None:
            return fallback
        return SourceLocation(self.file, pos[0], pos[1])

    def node(self, obj: object, fallback: SourceLocation) -> SourceLocation:
        """Where a mapping or list starts."""
        return self._loc(self.nodes.get(id(obj)), fallback)

    def key(self, obj: object, key: Any, fallback: SourceLocation) -> SourceLocation:
        """Where a key of a mapping is written."""
        return self._loc(self.keys.get((id(obj), key)), fallback)

    def value(self, obj: object, key: Any, fallback: SourceLocation) -> SourceLocation:
        """Where the value of a mapping's key is written."""
        return self._loc(self.values.get((id(obj), key)), fallback)

    def item(self, obj: object, index: int, fallback: SourceLocation) -> SourceLocation:
        """Where an item of a list is written."""
        return self._loc(self.items.get((id(obj), index)), fallback)


class IdMarks(Marks):
    """Marks for formats whose parser gives no positions (JSON, TOML).

    Each mapping with an ``id`` is placed at the line of its ``id`` key, found by a
    regular expression over the text; repeated ids are matched in document order.
    Mappings are asked for in document order, each once (then remembered).
    """

    def __init__(self, file: str, text: str, pattern: str) -> None:
        super().__init__(file)
        # One position per id; a list only for the rare id written more than once.
        self._found: dict[str, Pos | list[Pos]] = {}
        line, line_start, last = 1, 0, 0
        for m in re.finditer(pattern, text):
            offset = m.start()
            newlines = text.count("\n", last, offset)
            if newlines:
                line += newlines
                line_start = text.rindex("\n", last, offset) + 1
            last = offset
            pos = (line, offset - line_start + 1)
            ident = m.group("id")
            seen = self._found.get(ident)
            if seen is None:
                self._found[ident] = pos
            elif isinstance(seen, list):
                seen.append(pos)
            else:
                self._found[ident] = [seen, pos]

    def node(self, obj: object, fallback: SourceLocation) -> SourceLocation:
        pos = self.nodes.get(id(obj))
        if pos is None and isinstance(obj, dict) and obj.get("id") is not None:
            key = str(obj["id"])
            seen = self._found.get(key)
            if isinstance(seen, list):
                pos = seen.pop(0) if seen else None
            elif seen is not None:
                pos = seen
                del self._found[key]
            if pos is not None:
                self.nodes[id(obj)] = pos
        return self._loc(pos, fallback)
