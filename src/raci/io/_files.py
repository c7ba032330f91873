"""Reading an input file's text, with one clear error for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from raci.exceptions import LoadError

#: The suffixes of the tables raci reads (RACI matrices and org sheets).
TABLE_SUFFIXES = (".csv", ".xlsx", ".md", ".markdown")


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


def check_readable(path: Path) -> None:
    """LoadError unless ``path`` is a file that can be opened."""
    if not path.is_file():
        read_text(path)  # raises the LoadError that says why
