"""Reading and writing model files; the format follows the file's suffix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from raci._gc import no_cyclic_gc
from raci.exceptions import LoadError
from raci.io._build import build_organization
from raci.io._dump import dumps
from raci.io._json import parse_json, parse_toml
from raci.io._marks import Marks
from raci.io._matrix_read import read_matrix, read_sheet
from raci.io._yaml import parse_yaml
from raci.model import Organization
from raci.output import write_atomic

Parser = Callable[[str, str], tuple[Any, Marks]]

MODEL_PARSERS: dict[str, Parser] = {
    ".yaml": parse_yaml,
    ".yml": parse_yaml,
    ".json": parse_json,
    ".toml": parse_toml,
}

#: Readers of other files that are models on their own (matrix and org spreadsheets),
#: by suffix; each takes a path and returns an Organization or raises LoadError.
FILE_READERS: dict[str, Callable[[Path], Organization]] = {
    ".csv": read_sheet,
    ".xlsx": read_sheet,
    ".md": read_matrix,
    ".markdown": read_matrix,
}

__all__ = ["FILE_READERS", "MODEL_PARSERS", "dump", "dumps", "load", "loads"]


def read_text(path: Path) -> str:
    """The UTF-8 text of a file (a BOM is dropped); LoadError when unreadable."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LoadError.at(name, 0, 0, "no such file") from None
    except IsADirectoryError:
        raise LoadError.at(name, 0, 0, "is a folder, not a file") from None
    except OSError as exc:
        raise LoadError.at(name, 0, 0, f"cannot read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError.at(name, line, column, "the file is not UTF-8 text") from None


def loads(text: str, format: str = "yaml", file: str = "<string>") -> Organization:
    """The organization described by a YAML, JSON or TOML text."""
    parser = MODEL_PARSERS.get("." + format.lower().lstrip("."))
    if parser is None:
        msg = f"unknown model format {format!r}; expected yaml, json or toml"
        raise ValueError(msg)
    with no_cyclic_gc():
        data, marks = parser(text, file)
        return build_organization(data, marks)


def load(path: str | os.PathLike[str]) -> Organization:
    """The organization described by a model file (or a matrix or org spreadsheet).

    Raises :class:`raci.LoadError` naming file, line, column and reason.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in MODEL_PARSERS:
        return loads(read_text(p), suffix, str(path))
    reader = FILE_READERS.get(suffix)
    if reader is not None:
        if not p.is_file():
            read_text(p)  # raises the right LoadError
        return reader(p)
    known = ", ".join(sorted({*MODEL_PARSERS, *FILE_READERS}))
    raise LoadError.at(
        str(path), 0, 0, f"unknown file type {suffix or '(none)'!r}; expected {known}"
    )


def dump(org: Organization, path: str | os.PathLike[str]) -> None:
    """Write the organization as a model file (YAML or JSON by suffix), atomically."""
    suffix = Path(path).suffix.lower()
    fmt = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}.get(suffix)
    if fmt is None:
        msg = f"cannot write a model as {suffix or 'a file without suffix'}; use .yaml or .json"
        raise ValueError(msg)
    write_atomic(path, dumps(org, fmt))
