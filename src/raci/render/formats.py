"""Choosing an output format: from a name given, else from the path's suffix."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path


def choose_format(
    path: str | os.PathLike[str] | None,
    format: str | None,
    suffixes: Mapping[str, str],
    formats: Collection[str],
    what: str,
    default: str,
) -> str:
    """The format named by ``format``, else the one ``path``'s suffix maps to in
    ``suffixes`` (``default`` without a path); ValueError naming what is accepted.
    ``what`` names the output as a message puts it: "a matrix", "cascade sheets". A
    ``format`` that the path's own suffix contradicts is a ValueError too: the file would
    hold one format under the name of another."""
    if format is not None and not isinstance(format, str):
        msg = f"format must be a str (got {type(format).__name__})"
        raise TypeError(msg)
    named = suffixes.get(Path(path).suffix.lower()) if path is not None else None
    if path is not None and format is not None and named is not None and named != format:
        msg = f"format {format!r} does not match the file name {os.fspath(path)!r} ({named})"
        raise ValueError(msg)
    if format is None:
        suffix = Path(path).suffix.lower() if path is not None else default
        if suffix not in suffixes:
            msg = (
                f"cannot write {what} as {suffix or 'a file without suffix'!r};"
                f" use one of {', '.join(suffixes)}"
            )
            raise ValueError(msg)
        format = suffixes[suffix]
    if format not in formats:
        msg = f"unknown format {format!r} for {what}; expected one of {', '.join(formats)}"
        raise ValueError(msg)
    return format
