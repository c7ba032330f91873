"""Time ``raci.load`` and validation on synthetic organizations of several sizes.

    python benchmarks/run.py                                  # 10k and 100k assignments
    python benchmarks/run.py --sizes 10k,100k,1M --formats json
    python benchmarks/run.py --sizes 1M --formats json --profile

Sizes count assignments (about 8 per deliverable). Every measurement runs in a
fresh interpreter, so that one file's memory does not show in the next: a timed
run gives wall times and the peak resident set size, a second run under
``tracemalloc`` gives the Python memory held by the model and the peaks of each
step. The result is a Markdown table, then the time per assignment across sizes.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import itertools
import json
import math
import pstats
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from child import peak_rss_mb as _peak_rss_mb
from generate import generate, write

import raci
from raci import validate

MB = 1024 * 1024
TRACED = ("model_mb", "load_peak_mb", "validate_extra_mb")


def parse_size(text: str) -> int:
    """'10k' -> 10_000, '1M' -> 1_000_000, '2500' -> 2500."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def shape(assignments: int) -> dict[str, int]:
    """Units, posts and deliverables of an organization with that many assignments."""
    units = max(20, round(2 * math.sqrt(assignments)))
    return {
        "units": units,
        "positions": 5 * units,
        "deliverables": max(1, round(assignments / 8)),
    }


def _gc_timer() -> list[float]:
    """Add up the time the cyclic garbage collector runs, in the returned cell."""
    total = [0.0]
    started = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            total[0] += time.perf_counter() - started[0]

    gc.callbacks.append(callback)
    return total


def measure(path: str, trace: bool, pause_gc: bool = False) -> dict[str, Any]:
    """Load and validate one file in this process; times, memory and counts. With
    ``pause_gc``, the cyclic collector stays off from loading to validating, as in
    `raci validate`."""
    gc.collect()
    if pause_gc:
        gc.disable()
    out: dict[str, Any] = {"rss_base_mb": _peak_rss_mb()}
    if trace:
        tracemalloc.start()
    gc_time = _gc_timer()
    load = raci.load  # its modules imported before the clock starts: start-up is not counted
    t0 = time.perf_counter()
    org = load(path)
    t1 = time.perf_counter()
    if trace:
        current, peak = tracemalloc.get_traced_memory()
        out.update(model_mb=current / MB, load_peak_mb=peak / MB)
        tracemalloc.reset_peak()
    findings = validate(org)
    t2 = time.perf_counter()
    if trace:
        out["validate_extra_mb"] = tracemalloc.get_traced_memory()[1] / MB - out["model_mb"]
        tracemalloc.stop()
    out.update(
        load_s=t1 - t0,
        validate_s=t2 - t1,
        gc_s=gc_time[0],
        rss_peak_mb=_peak_rss_mb(),
        assignments=sum(len(d.assignments) for d in org.deliverables.values()),
        deliverables=len(org.deliverables),
        findings=len(findings),
        errors=sum(f.severity.value == "error" for f in findings),
    )
    return out


def profile(path: str, top: int) -> None:
    """Print the functions that take the most time in loading and validating ``path``."""
    profiler = cProfile.Profile()
    profiler.enable()
    validate(raci.load(path))
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    for order in ("tottime", "cumulative"):
        print(f"--- {path}: top {top} by {order}")
        stats.sort_stats(order).print_stats(top)


def in_fresh_process(*args: str) -> dict[str, Any]:
    """Run this script's worker mode in a new interpreter; its JSON result."""
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def model_files(
    folder: Path, assignments: int, formats: list[str], seed: int, mistakes: float
) -> list[Path]:
    """The generated files for that size, one per format (written unless already there)."""
    paths = [folder / f"org-{assignments}-seed{seed}-mistakes{mistakes:g}.{f}" for f in formats]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"generating {assignments:,} assignments", file=sys.stderr)
        model = generate(**shape(assignments), seed=seed, mistakes=mistakes)
        for path in missing:
            write(model, path)
    return paths


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(results: list[dict[str, Any]]) -> str:
    """The Markdown tables: measurements, then time per assignment and growth exponents."""
    rows = []
    for r in results:
        n = r["assignments"]
        traced = [f"{r[k]:.0f}" if k in r else "–" for k in TRACED]
        rows.append(
            [
                r["format"],
                f"{n:,}",
                f"{r['deliverables']:,}",
                f"{r['file_mb']:.1f}",
                f"{r['load_s']:.2f}",
                f"{r['validate_s']:.2f}",
                f"{r['gc_s']:.2f}",
                f"{r['load_s'] / n * 1e6:.1f}",
                f"{r['validate_s'] / n * 1e6:.1f}",
                f"{r['rss_peak_mb']:.0f}",
                *traced,
                f"{r['findings']:,} ({r['errors']:,} errors)",
            ]
        )
    header = [
        "format",
        "assignments",
        "deliverables",
        "file MB",
        "load s",
        "validate s",
        "of which GC s",
        "load µs/assignment",
        "validate µs/assignment",
        "peak RSS MB",
        "model MB",
        "load peak MB",
        "validate extra MB",
        "findings",
    ]
    base = max(r["rss_base_mb"] for r in results)
    out = [
        _table(header, rows),
        f"Peak RSS includes about {base:.0f} MB for the interpreter and imports.",
    ]
    growth = []
    by_format: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_format.setdefault(r["format"], []).append(r)
    for fmt, runs in by_format.items():
        runs.sort(key=lambda r: r["assignments"])
        for small, big in itertools.pairwise(runs):
            ratio = math.log(big["assignments"] / small["assignments"])
            growth.append(
                [
                    fmt,
                    f"{small['assignments']:,} → {big['assignments']:,}",
                    f"{math.log(big['load_s'] / small['load_s']) / ratio:.2f}",
                    f"{math.log(big['validate_s'] / small['validate_s']) / ratio:.2f}",
                ]
            )
    if growth:
        out.append(
            "Growth exponent k in time ∝ assignments^k between sizes (1.00 is linear):\n\n"
            + _table(["format", "assignments", "load k", "validate k"], growth)
        )
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command line: generate, measure, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k", help="assignments, e.g. 10k,100k,1M")
    parser.add_argument("--formats", default="json,yaml", help="json, yaml or both")
    parser.add_argument("--out", help="folder for generated files (default: a temporary one)")
    parser.add_argument("--mistakes", type=float, default=0.01, help="fraction planted")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="timed runs; the fastest counts")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of each file instead"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pause-gc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        if args.profile:
            profile(args.measure, top=25)
        else:
            print(json.dumps(measure(args.measure, args.trace, args.pause_gc)))
        return 0
    try:
        sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes takes numbers such as 10k,100k,1M (got {args.sizes!r})")
    formats = [f.strip().lower() for f in args.formats.split(",") if f.strip()]
    if bad := sorted(set(formats) - {"json", "yaml"}):
        parser.error(f"unknown format {', '.join(bad)}; expected json or yaml")
    with tempfile.TemporaryDirectory(prefix="raci-bench-") as tmp:
        folder = Path(args.out or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        for n in sizes:
            paths = model_files(folder, n, formats, args.seed, args.mistakes)
            for fmt, path in zip(formats, paths, strict=True):
                if args.profile:
                    subprocess.run(
                        [sys.executable, __file__, "--measure", str(path), "--profile"], check=True
                    )
                    continue
                print(f"measuring {path.name}", file=sys.stderr)
                runs = [in_fresh_process("--measure", str(path)) for _ in range(args.repeat)]
                result = min(runs, key=lambda r: r["load_s"] + r["validate_s"])
                if not args.no_trace:
                    traced = in_fresh_process("--measure", str(path), "--trace")
                    result.update({k: traced[k] for k in TRACED})
                result.update(format=fmt, file_mb=path.stat().st_size / MB)
                results.append(result)
    if results:
        print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
