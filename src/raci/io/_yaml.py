"""Parse YAML into plain data plus the line/column marks of every mapping, key and item."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import yaml

from raci import progress
from raci.exceptions import LoadError, SlowParserWarning
from raci.findings import Finding, SourceLocation, say
from raci.io._marks import Marks

try:
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

#: Whether PyYAML parses in C (libyaml); without it, YAML loads many times slower.
LIBYAML = _Base is not yaml.SafeLoader
#: From this many characters on, reading YAML without libyaml takes long enough to say so.
SLOW_SIZE = 1_000_000
#: While the parsed nodes become data, how far it has got is said every so many mappings.
MAPPINGS_PER_STEP = 4096


class _Pieces:
    """A text handed to the parser a piece at a time, as a file is, so that it can say
    how much of the text it has parsed."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.at = 0

    def read(self, size: int = -1) -> str:
        end = len(self.text) if size < 0 else self.at + size
        piece = self.text[self.at : end]
        self.at += len(piece)
        progress.step(f"parsing {self.name}", self.at, len(self.text))
        return piece


class WrittenInt(int):
    """A YAML integer that remembers how it was written (``007``, ``0x1F``, ``1:30``), so
    that an id keeps its written form: YAML 1.1 would read ``0100`` as 64."""

    written: str


class WrittenFloat(float):
    """A YAML float that remembers how it was written (``1.10`` is not ``1.1``)."""

    written: str


class _MarkingLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader that records marks, refuses duplicate keys, keeps the written form of
    numbers, and leaves a scalar it cannot read (``!!int abc``, ``2021-02-29``) as text
    for the builder to report at its place."""

    marks: Marks
    #: The mappings made into data so far, and the characters of the text.
    mappings = 0
    size = 0

    def _tag_mismatch(self, node: yaml.Node, kind: str) -> None:
        mark = node.start_mark
        where = SourceLocation(self.marks.file, mark.line + 1, mark.column + 1)
        reason = f"a `{node.tag.rsplit(':', 1)[-1]}` tag on a value that is not {kind}"
        self.marks.problems.append(Finding.parse_error(where, reason))

    def construct_written_int(self, node: yaml.ScalarNode) -> Any:
        try:
            number = WrittenInt(self.construct_yaml_int(node))
        except (ValueError, TypeError, IndexError):
            return str(node.value)  # a tag such as `!!int abc`: the text, for the kind check
        number.written = str(node.value)
        return number

    def construct_written_float(self, node: yaml.ScalarNode) -> Any:
        try:
            number = WrittenFloat(self.construct_yaml_float(node))
        except (ValueError, TypeError, IndexError):
            return str(node.value)
        number.written = str(node.value)
        return number

    def construct_checked_bool(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_bool(node)
        except (KeyError, ValueError, TypeError, AttributeError, IndexError):
            return str(node.value)

    def construct_checked_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError, IndexError):
            return str(node.value)  # `2021-02-29`: the date check reports it at its place

    def construct_marked_map(self, node: yaml.MappingNode) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self._tag_mismatch(node, "a mapping")
            yield None
            return
        data: dict[Any, Any] = {}
        self.marks.nodes[id(data)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.mappings += 1
        if not self.mappings % MAPPINGS_PER_STEP:
            at = min(node.start_mark.index, self.size - 1)
            progress.step(f"reading {self.marks.file}", at, self.size)
        yield data
        explicit = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
        self.flatten_mapping(node)
        # A merge key (`<<: *base`, `<<: [*a, *b]`) puts the merged pairs first: a key
        # written in the mapping itself overrides them, and among them the mapping earlier
        # in the list wins, as YAML's merge key says.
        merged = len(node.value) - explicit
        from_merge: set[Any] = set()
        for i, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=True)
            mark = key_node.start_mark
            where = (mark.line + 1, mark.column + 1)
            try:
                hash(key)
            except TypeError:
                self.marks.problems.append(
                    Finding.parse_error(
                        SourceLocation(self.marks.file, *where),
                        "a mapping key must be a plain value",
                    )
                )
                continue
            if i < merged and key in data:
                continue  # merged from an earlier mapping of the list, which wins
            if key in from_merge:
                del data[key]
                from_merge.discard(key)
            if i < merged:
                from_merge.add(key)
            if key in data:
                first = self.marks.keys[(id(data), key)]
                self.marks.problems.append(
                    Finding.parse_error(
                        SourceLocation(self.marks.file, *where),
                        f"key `{key}` appears twice in this mapping (first on line {first[0]})",
                    )
                )
                continue
            data[key] = self.construct_object(value_node, deep=False)
            self.marks.keys[(id(data), key)] = where
            vm = value_node.start_mark
            self.marks.values[(id(data), key)] = (vm.line + 1, vm.column + 1)

    def construct_marked_seq(self, node: yaml.SequenceNode) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self._tag_mismatch(node, "a list")
            yield None
            return
        data: list[Any] = []
        self.marks.nodes[id(data)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        yield data
        for i, child in enumerate(node.value):
            data.append(self.construct_object(child, deep=False))
            m = child.start_mark
            self.marks.items[(id(data), i)] = (m.line + 1, m.column + 1)


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_marked_map)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_marked_seq)
_MarkingLoader.add_constructor("tag:yaml.org,2002:int", _MarkingLoader.construct_written_int)
_MarkingLoader.add_constructor("tag:yaml.org,2002:float", _MarkingLoader.construct_written_float)
_MarkingLoader.add_constructor("tag:yaml.org,2002:bool", _MarkingLoader.construct_checked_bool)
_MarkingLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _MarkingLoader.construct_checked_timestamp
)


def parse_yaml(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a one-document YAML text and its marks (duplicate keys go to
    ``marks.problems``); LoadError on bad syntax."""
    return _parse(text, file, lambda loader: loader.get_single_data())


def parse_yaml_documents(text: str, file: str) -> tuple[list[Any], Marks]:
    """The data of each document of a YAML text (parted by ``---``) and their marks,
    as :func:`parse_yaml` gives them for one."""

    def every(loader: _MarkingLoader) -> list[Any]:
        found = []
        while loader.check_data():
            found.append(loader.get_data())
        return found

    return _parse(text, file, every)


def _parse(text: str, file: str, read: Callable[[_MarkingLoader], Any]) -> tuple[Any, Marks]:
    """What ``read`` takes from a marking loader of ``text``; LoadError on bad syntax."""
    if not LIBYAML and len(text) >= SLOW_SIZE:
        said = say(
            "reading a large YAML file with PyYAML's pure-Python parser, which is about ten"
            " times slower than its C one: install PyYAML with libyaml, or keep large models"
            " in JSON"
        )
        warnings.warn(SlowParserWarning(said), stacklevel=3)
    marks = Marks(file)
    loader = _MarkingLoader(_Pieces(text, file))
    loader.marks = marks
    loader.size = len(text)
    try:
        data = read(loader)
        progress.step(f"reading {file}", len(text), len(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if (exc.context or "").startswith("expected a single document"):
            reason = (
                f"this file holds {_documents(text)} YAML documents (parted by `---`) and raci"
                " reads one model per file; put each in a file of its own"
            )
            raise LoadError.at(file, line, column, reason) from None
        reason = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
        raise LoadError.at(file, line, column, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise LoadError.at(file, 1, 1, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, marks


def _documents(text: str) -> str:
    """How many documents a YAML text holds (``several`` when a later one is broken)."""
    try:
        return str(sum(isinstance(e, yaml.DocumentStartEvent) for e in yaml.parse(text)))
    except yaml.YAMLError:
        return "several"
