"""Helpers the tests share."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import raci

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line of ``text`` that contains ``needle``."""
    for i, line in enumerate(textwrap.dedent(text).lstrip("\n").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str) -> int:
    """The 1-based column where ``needle`` starts on its line."""
    lines = textwrap.dedent(text).lstrip("\n").splitlines()
    return lines[line_of(text, needle) - 1].index(needle) + 1


def loads(text: str, fmt: str = "yaml") -> raci.Organization:
    """Load dedented model text."""
    return raci.loads(textwrap.dedent(text).lstrip("\n"), fmt, file="org." + fmt)


def write_table(tmp_path: Path, rows: list[list[str]], suffix: str) -> Path:
    """The rows as a Markdown pipe table, a CSV file or an XLSX workbook."""
    path = tmp_path / f"table{suffix}"
    if suffix == ".md":
        lines = ["# Who does what", ""]
        lines.append("| " + " | ".join(rows[0]) + " |")
        lines.append("|" + "---|" * len(rows[0]))
        lines += ["| " + " | ".join(c.replace("\n", "<br>") for c in r) + " |" for r in rows[1:]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        import csv

        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for r in rows:
            book.active.append(r)
        book.save(path)
    return path


def pdflatex(path: Path, runs: int = 1) -> subprocess.CompletedProcess[str]:
    """pdflatex run ``runs`` times on ``path`` in its folder (twice for page references);
    the last run's result, its PDF beside ``path``."""
    for _ in range(runs):
        done = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
            check=False,
        )
    return done


def benchmark(name: str) -> ModuleType:
    """The module ``name`` of benchmarks/ (scripts, not a package), imported."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
