"""Time `raci annex` on a 2,000-unit organization with an establishment, restructured.

Run: python benchmarks/bench_annex.py [--units N] [--deliverables N] [--pdf] [--out DIR]
Budget: the Word document (both loads, the diff, both organigram books, the staffing
table, the post changes and the matrix) under 30 s, as a user runs the command.

The model comes from ``generate.py``; each unit's establishment (``posts``) is its listed
positions by grade and one more post of a general-service grade. The second version is
the first restructured as ``bench_diff.py`` does it (units renamed, merged, split, moved,
relevelled and abolished, with their posts), so the annex has post changes to tell.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench_diff import restructure
from generate import generate, write

BUDGET = 30.0


def with_establishment(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` with each unit's posts: its listed positions by grade, and one GS post."""
    grades: dict[str, Counter[str]] = {}
    for post in model["positions"]:
        grades.setdefault(post["unit"], Counter())[post["grade"]] += 1
    todo = list(model["units"])
    while todo:
        unit = todo.pop()
        unit["posts"] = {**grades.get(unit["id"], Counter()), "GS": 1}
        todo += unit.get("units", [])
    return model


def annex_pair(folder: Path, units: int = 2000, deliverables: int = 2000) -> tuple[Path, Path]:
    """The two versions of the benchmark's organization, written once into ``folder``."""
    old, new = folder / f"annex-{units}-before.json", folder / f"annex-{units}-after.json"
    if not (old.exists() and new.exists()):
        model = with_establishment(generate(units=units, deliverables=deliverables, seed=0))
        write(model, old)
        write(restructure(model)[0], new)
    return old, new


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``raci ARGV`` in a fresh interpreter (start-up included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "raci", *argv], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        print(done.stderr)
        raise SystemExit(1)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--deliverables", type=int, default=2000)
    parser.add_argument("--pdf", action="store_true", help="also time the PDF (LibreOffice)")
    parser.add_argument("--out", type=Path, help="keep the models and the annex in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        old, new = annex_pair(folder, args.units, args.deliverables)
        out = folder / "annex.docx"
        wall, cpu = timed(["annex", str(old), str(new), "-o", str(out)])
        with zipfile.ZipFile(out) as book:
            pictures = sum(n.endswith(".svg") for n in book.namelist())
        ok = wall < BUDGET
        print(
            f"{args.units:,} units, {args.deliverables:,} deliverables: annex.docx"
            f" {out.stat().st_size / 1e6:.1f} MB, {pictures} organigram pages;"
            f" {wall:.1f} s wall, {cpu:.1f} s CPU{' ok' if ok else ' TOO SLOW'}"
        )
        if args.pdf:
            pdf = folder / "annex.pdf"
            wall, cpu = timed(["annex", str(old), str(new), "-o", str(pdf)])
            size = pdf.stat().st_size / 1e6
            print(f"annex.pdf {size:.1f} MB: {wall:.1f} s wall, {cpu:.1f} s CPU with LibreOffice")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
