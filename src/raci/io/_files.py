"""Reading an input file's text, with one clear error for each way it can fail."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from raci.exceptions import LoadError

#: The suffixes of the tables raci reads (RACI matrices and org sheets).
TABLE_SUFFIXES = (".csv", ".xlsx", ".md", ".markdown")

#: The largest input file raci reads (the million-assignment model is about 70 MB of JSON).
MAX_INPUT_BYTES = 256 * 1024 * 1024


def too_large(name: str, limit: int = MAX_INPUT_BYTES, what: str = "the file") -> LoadError:
    """The error for an input over ``limit`` bytes."""
    return LoadError.at(
        name, 0, 0, f"{what} is larger than {limit >> 20:,} MB, the most raci reads"
    )


def _open(path: Path) -> int:
    """A descriptor of the regular file ``path`` (a symbolic link to one is fine), opened
    without waiting on a pipe; LoadError for anything else, or a file too large."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise LoadError.at(name, 0, 0, "no such file") from None
    except IsADirectoryError:
        raise LoadError.at(name, 0, 0, "is a folder, not a file") from None
    except OSError as exc:
        raise LoadError.at(name, 0, 0, f"cannot read: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = LoadError.at(name, 0, 0, "is a folder, not a file")
    elif not stat.S_ISREG(info.st_mode):
        problem = LoadError.at(name, 0, 0, "not a regular file (a device, a pipe or a socket)")
    elif info.st_size > MAX_INPUT_BYTES:
        problem = too_large(name)
    if problem is not None:
        os.close(fd)
        raise problem
    return fd


def read_text(path: Path) -> str:
    """The UTF-8 text of a file (a BOM is dropped); LoadError when unreadable."""
    raw = _read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError.at(str(path), line, column, "the file is not UTF-8 text") from None


#: The encodings spreadsheet programs save text in besides UTF-8, tried in this order
#: when a table is not UTF-8: Windows' Western code page, then the old Mac one.
LEGACY_ENCODINGS = ("cp1252", "mac_roman")


def read_table_text(path: Path) -> tuple[str, str]:
    """The text of a table file and the encoding it was read in: UTF-8 (a BOM dropped),
    UTF-16 with its BOM (Excel's "Unicode text"), else whichever legacy encoding
    (:data:`LEGACY_ENCODINGS`) reads more of its other bytes as letters."""
    raw = _read_bytes(path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings: list[tuple[int, int, str, str]] = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text if not ch.isascii())
        readings.append((letters, -len(readings), text, encoding))
    if not readings:
        return read_text(path), "utf-8"  # raises, at the first byte that is not UTF-8
    _, _, text, encoding = max(readings)
    return text, encoding


def _read_bytes(path: Path) -> bytes:
    """The bytes of a file; LoadError when unreadable or too large."""
    fd = _open(path)
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise LoadError.at(str(path), 0, 0, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise too_large(str(path))
    return raw


def check_readable(path: Path) -> None:
    """LoadError unless ``path`` is a regular file, not too large, that can be opened."""
    os.close(_open(path))
