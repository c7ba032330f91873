"""Where things sit in a parsed file: the line and column of mappings, keys and items."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from raci.findings import Finding, SourceLocation

Pos = tuple[int, int]


class Marks:
    """Line/column marks of a parsed tree, keyed by the identity of its containers.

    The tree must stay alive while marks are looked up (ids of dead objects are reused).
    A list has marks for all of its items or for none.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes: dict[int, Pos] = {}
        self.keys: dict[tuple[int, Any], Pos] = {}
        self.values: dict[tuple[int, Any], Pos] = {}
        self.items: dict[tuple[int, int], Pos] = {}
        self.problems: list[Finding] = []
        # The location of each container placed so far: asked for again and again while the
        # container is read, and then kept by the model (one object for all who keep it).
        self.placed: dict[int, SourceLocation] = {}

    def _loc(self, pos: Pos | None, fallback: SourceLocation) -> SourceLocation:
        if pos is None:
            return fallback
        return SourceLocation(self.file, pos[0], pos[1])

    def node(self, obj: object, fallback: SourceLocation) -> SourceLocation:
        """Where a mapping or list starts."""
        loc = self.placed.get(id(obj))
        if loc is None:
            pos = self._start(obj)
            if pos is None:
                return fallback
            loc = self.placed[id(obj)] = SourceLocation(self.file, pos[0], pos[1])
        return loc

    def _start(self, obj: object) -> Pos | None:
        """The line and column where a container starts, if known."""
        return self.nodes.get(id(obj))

    def key(self, obj: object, key: Any, fallback: SourceLocation) -> SourceLocation:
        """Where a key of a mapping is written."""
        return self._loc(self.keys.get((id(obj), key)), fallback)

    def value(self, obj: object, key: Any, fallback: SourceLocation) -> SourceLocation:
        """Where the value of a mapping's key is written."""
        return self._loc(self.values.get((id(obj), key)), fallback)

    def item(self, obj: object, index: int, fallback: SourceLocation) -> SourceLocation:
        """Where an item of a list is written."""
        return self._loc(self.items.get((id(obj), index)), fallback)

    def inside(self, obj: object) -> bool:
        """Whether keys, values or items of a container may have marks of their own."""
        return True

    def locator(self) -> Callable[[int], SourceLocation]:
        """The location of an offset in the text, as a function that keeps alive only what
        it needs (here the file's name: these marks keep no text)."""
        where = SourceLocation(self.file)
        return lambda offset: where

    def item_places(self, obj: list[Any], fallback: SourceLocation) -> list[SourceLocation]:
        """Where each item of a list is written (``fallback`` for all of an unmarked list)."""
        key, items = id(obj), self.items
        if (key, 0) not in items:
            return [fallback] * len(obj)
        return [self._loc(items.get((key, i)), fallback) for i in range(len(obj))]


class _Lines:
    """Line and column of any text offset, in any order: the lines before each block of
    the text are counted once, then only within the offset's block."""

    _BLOCK = 4096

    def __init__(self, text: str) -> None:
        self.text = text
        size = self._BLOCK
        # Per block: the lines before it and where the last line before it starts.
        self.lines: list[int] = []
        self.starts: list[int] = []
        self.last = (0, 1)  # the last offset asked for, and its line
        line, start = 1, 0
        for at in range(0, len(text) + 1, size):
            self.lines.append(line)
            self.starts.append(start)
            line += text.count("\n", at, at + size)
            last = text.rfind("\n", at, at + size)
            if last >= 0:
                start = last + 1

    def pos(self, offset: int) -> Pos:
        """The line and column of an offset (counting on from the last one asked for, when
        it is in the same block and not past it: offsets come mostly in order)."""
        block = offset // self._BLOCK
        at = block * self._BLOCK
        text = self.text
        last, last_line = self.last
        if at <= last <= offset:
            line = last_line + text.count("\n", last, offset)
        else:
            line = self.lines[block] + text.count("\n", at, offset)
        self.last = (offset, line)
        last = text.rfind("\n", at, offset)
        start = last + 1 if last >= 0 else self.starts[block]
        return (line, offset - start + 1)


class IdMarks(Marks):
    """Marks for formats whose parser gives no positions (JSON, TOML).

    Each mapping with an ``id`` is placed where its ``id`` key is written: the parser
    module finds the keys in the text and gives each id as the parser reads it.
    Repeated ids are matched in document order; mappings are asked for in document
    order, each once (then remembered). The parser module may also place the keys of
    the top-level mapping and the items of its lists, so that a mapping with no
    findable id falls back to its list or section rather than to the file's start.
    """

    def __init__(self, file: str, text: str, ids: Iterable[tuple[int, str]]) -> None:
        """``ids``: the offset of each ``id`` key and its id, in document order."""
        super().__init__(file)
        self.lines = _Lines(text)
        # The containers whose keys or items were placed (the others are placed as a whole).
        self._marked: set[int] = set()
        # The offset of each id; a list only for the rare id written more than once.
        placed = list(ids)
        found: dict[str, int | list[int]] = {ident: offset for offset, ident in placed}
        if len(found) < len(placed):  # some id is written more than once
            found = {}
            for offset, ident in placed:
                seen = found.setdefault(ident, offset)
                if seen is offset:
                    continue
                if isinstance(seen, list):
                    seen.append(offset)
                else:
                    found[ident] = [seen, offset]
        self._found = found

    def place(self, obj: object, key: Any, key_offset: int, value_offset: int) -> None:
        """Note where a key of a mapping and its value are written."""
        self._marked.add(id(obj))
        self.keys[(id(obj), key)] = self.lines.pos(key_offset)
        self.values[(id(obj), key)] = self.lines.pos(value_offset)

    def place_items(self, obj: object, offsets: Iterable[int]) -> None:
        """Note where each item of a list is written."""
        self._marked.add(id(obj))
        for i, offset in enumerate(offsets):
            self.items[(id(obj), i)] = self.lines.pos(offset)

    def inside(self, obj: object) -> bool:
        return id(obj) in self._marked

    @property
    def marked(self) -> set[int]:
        """The ids of the containers whose keys, values or items have marks of their own
        (the others are placed as a whole)."""
        return self._marked

    def _start(self, obj: object) -> Pos | None:
        # Asked once per mapping: once placed, its location is remembered by `node`.
        if not isinstance(obj, dict) or obj.get("id") is None:
            return None
        offset = self.claim(str(obj["id"]))
        return None if offset is None else self.lines.pos(offset)

    def claim(self, ident: str) -> int | None:
        """The offset of the next mapping with this ``id`` (each is claimed once, in
        document order); None when there is none."""
        seen = self._found.pop(ident, None)
        if type(seen) is list:  # written more than once: the first left, the rest kept
            offset = seen.pop(0) if seen else None
            self._found[ident] = seen
            return offset
        return seen  # type: ignore[return-value]

    def locate(self, offset: int) -> SourceLocation:
        """The location of a text offset."""
        line, column = self.lines.pos(offset)
        return SourceLocation(self.file, line, column)

    def locator(self) -> Callable[[int], SourceLocation]:
        lines, file = self.lines, self.file

        def locate(offset: int) -> SourceLocation:
            line, column = lines.pos(offset)
            return SourceLocation(file, line, column)

        return locate
