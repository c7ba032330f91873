"""Reading and writing model files; what a file is follows its suffix.

The readers of YAML and of tables, and the writer, are imported when first needed, so
that checking a JSON file does not wait for them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from raci._gc import no_cyclic_gc
from raci.exceptions import LoadError
from raci.io._build import build_organization
from raci.io._files import MAX_INPUT_BYTES, TABLE_SUFFIXES, check_readable, read_text, too_large
from raci.io._json import parse_json, parse_toml
from raci.io._marks import Marks
from raci.lineage import carry_over
from raci.model import Organization
from raci.output import write_atomic
from raci.schemes import scheme_named

if TYPE_CHECKING:
    from raci.io._dump import dumps

Parser = Callable[[str, str], tuple[Any, Marks]]


def parse_yaml(text: str, file: str) -> tuple[Any, Marks]:
    """The data of a YAML text and its marks (:func:`raci.io._yaml.parse_yaml`)."""
    from raci.io import _yaml

    return _yaml.parse_yaml(text, file)


MODEL_PARSERS: dict[str, Parser] = {
    ".yaml": parse_yaml,
    ".yml": parse_yaml,
    ".json": parse_json,
    ".toml": parse_toml,
}

__all__ = [
    "MAX_INPUT_BYTES",
    "MODEL_PARSERS",
    "TABLE_SUFFIXES",
    "dump",
    "dumps",
    "load",
    "loads",
    "parse_toml",
    "read_text",
    "too_large",
]


def loads(text: str, format: str = "yaml", file: str = "<string>") -> Organization:
    """The organization described by a YAML, JSON or TOML text, or by a Backstage
    catalog (YAML whose documents are Backstage entities: Groups and Users).

    Its ``rules:`` settings are kept as written, each with its place; the rules check them
    when they run (:func:`raci.validate`).
    """
    for name, value in (("text", text), ("format", format), ("file", file)):
        if not isinstance(value, str):
            msg = f"loads() takes {name} as a str (got {type(value).__name__})"
            raise TypeError(msg)
    parser = MODEL_PARSERS.get("." + format.lower().lstrip("."))
    if parser is None:
        msg = f"unknown model format {format!r}; expected yaml, json or toml"
        raise ValueError(msg)
    if parser is parse_yaml:
        from raci.io import _backstage

        if _backstage.is_catalog(text):
            return _backstage.read_catalog(text, file)
    with no_cyclic_gc():
        data, marks = parser(text, file)
        most = most_assignments(len(text))
        return carry_over(build_organization(data, marks, most), most)


def most_assignments(size: int) -> int:
    """The most roles a model text of ``size`` characters may give, carried-over roles
    included. Written out, a role takes at least two characters (`a,`); more can only come
    from YAML aliases or a `formerly` split fanned out over many deliverables, and would
    take minutes and gigabytes from a small file."""
    return 1_000_000 + size // 2


def load(
    path: str | os.PathLike[str],
    *,
    org: Organization | None = None,
    sheet: str | None = None,
    path_separator: str | None = None,
    scheme: str | None = None,
    group_by: str | None = None,
) -> Organization:
    """The organization a file describes: a model file (YAML, JSON, TOML), a Backstage
    catalog (YAML), or a RACI table or org sheet (CSV, XLSX, Markdown; docs/format.md
    shows the layouts).

    ``org`` is the model whose parties a RACI table names (by id or name); its units
    come along. ``sheet`` chooses the sheet of an XLSX workbook; ``path_separator``
    splits the paths of an org path sheet; ``scheme`` names the scheme of a RACI table
    (``RASCI``, any case; default: the org's, else the one whose letters the cells use);
    ``group_by`` places the people of an org sheet in units named by a column
    (``department``: the department column, under the division column if any).
    Raises :class:`raci.LoadError` naming file, line, column and reason, and
    :class:`raci.schemes.UnknownSchemeError` (a ValueError) for an unknown scheme.
    """
    if not isinstance(path, (str, os.PathLike)):
        msg = f"load() takes a path (str or os.PathLike) (got {type(path).__name__})"
        raise TypeError(msg)
    if org is not None and not isinstance(org, Organization):
        msg = (
            f"load() takes org as a raci.Organization, loaded first with raci.load()"
            f" (got {type(org).__name__})"
        )
        raise TypeError(msg)
    for name, value in (
        ("sheet", sheet),
        ("path_separator", path_separator),
        ("scheme", scheme),
        ("group_by", group_by),
    ):
        if value is not None and not isinstance(value, str):
            msg = f"load() takes {name} as a str (got {type(value).__name__})"
            raise TypeError(msg)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in MODEL_PARSERS:
        given = {
            "org": org,
            "sheet": sheet,
            "path_separator": path_separator,
            "scheme": scheme,
            "group_by": group_by,
        }
        what = next((k for k, v in given.items() if v is not None), None)
        if what is not None:
            reason = f"`{what}` applies to a matrix or org sheet ({', '.join(TABLE_SUFFIXES)})"
            raise LoadError.at(str(path), 0, 0, reason)
        return loads(read_text(p), suffix, str(path))
    if suffix in TABLE_SUFFIXES:
        from raci.io.tables.layouts import read_tables

        chosen = scheme_named(scheme) if scheme is not None else None
        check_readable(p)
        return read_tables(p, org, sheet, path_separator, chosen, group_by)
    known = ", ".join(sorted({*MODEL_PARSERS, *TABLE_SUFFIXES}))
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
    from raci.io._dump import dumps

    write_atomic(path, dumps(org, fmt))


def __getattr__(name: str) -> Any:
    """``dumps``, imported when first asked for."""
    if name == "dumps":
        from raci.io._dump import dumps

        return dumps
    msg = f"module 'raci.io' has no attribute {name!r}"
    raise AttributeError(msg)
