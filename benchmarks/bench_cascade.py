"""Time the cascade sheets of every post of a large organization (50,000 posts).

Run: python benchmarks/bench_cascade.py [--units N] [--positions N] [--deliverables N]
     [--formats csv,md,html,xlsx] [--out DIR]
Budget: the sheets of every post written in under 30 s per format (CSV, Markdown, HTML),
or stopped in that time when they hold more than one file of the format takes
(raci.render.cascade.limits). The organization comes from benchmarks/generate.py and is
built in memory (load time is not counted here; docs/performance.md has it).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from generate import generate

import raci
from raci.analysis.cascade import Cascade
from raci.exceptions import OutputError
from raci.render.cascade.sheets import render_cascade

BUDGET = 30.0
#: Formats held to the budget; XLSX is timed but has no budget (openpyxl writes each
#: cell in Python).
BUDGETED = ("csv", "md", "html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--positions", type=int, default=50_000)
    parser.add_argument("--deliverables", type=int, default=12_500)
    parser.add_argument("--formats", default="csv,md,html,xlsx")
    parser.add_argument("--out", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args()

    start = time.perf_counter()
    data = generate(
        units=args.units, positions=args.positions, deliverables=args.deliverables, seed=0
    )
    org = raci.loads(json.dumps(data), "json")
    print(f"built in {time.perf_counter() - start:.1f} s (not counted)")
    print(
        f"{len(org.units):,} units, {len(org.positions):,} posts,"
        f" {len(org.deliverables):,} deliverables,"
        f" {sum(len(d.assignments) for d in org.deliverables.values()):,} assignments"
    )

    start = time.perf_counter()
    cascade = Cascade(org)
    held = sum(len(cascade.of(p)) for p in cascade.posts())
    seconds = time.perf_counter() - start
    print(f"cascade of every post: {seconds:6.2f} s  ({held:,} roles held, direct and inherited)")

    start = time.perf_counter()
    raci.stats(org)
    print(f"raci.stats (with per-post load): {time.perf_counter() - start:6.2f} s")

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        for fmt in args.formats.split(","):
            path = folder / f"cascade.{fmt}"
            start = time.perf_counter()
            try:
                render_cascade(org, path)
            except OutputError as exc:  # past the format's limits: stopped before writing
                seconds = time.perf_counter() - start
                print(f"{fmt:>5}: {seconds:6.2f} s  stopped: {str(exc)[:90]}...")
                failed |= seconds >= BUDGET
                continue
            seconds = time.perf_counter() - start
            verdict = ""
            if fmt in BUDGETED:
                verdict = " ok" if seconds < BUDGET else " TOO SLOW"
                failed |= seconds >= BUDGET
            size = path.stat().st_size / 1e6
            print(f"{fmt:>5}: {seconds:6.2f} s  {size:7.1f} MB{verdict}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
