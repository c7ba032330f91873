"""Time per assignment of loading and validating, from 10^4 to 10^6 assignments, as a
picture (an SVG written by hand, so that no plotting library is needed).

    python benchmarks/scaling.py                       # writes docs/performance-scaling.svg
    python benchmarks/scaling.py --sizes 10k,100k --svg out.svg

The models are those of benchmarks/bench.py (`validate_model`); each is loaded and
validated in a fresh interpreter (benchmarks/run.py's worker, start-up not counted),
with the cyclic garbage collector paused throughout as `raci validate` pauses it, the
fastest of ``--repeat`` runs (the sizes taking turns).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from bench import HERE, validate_model
from run import in_fresh_process, parse_size

SIZES = "10k,30k,100k,300k,1M"
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 640, 360, 60, 50, 30, 150
SERIES = (("load_s", "load", "#1f77b4"), ("validate_s", "validate", "#ff7f0e"))


def measure(folder: Path, sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    """Load and validate each model; its fastest run. The sizes take turns, so that a
    slow spell of a shared machine falls on all of them rather than on one."""
    paths = [validate_model(folder, n) for n in sizes]
    runs: list[list[dict[str, Any]]] = [[] for _ in paths]
    for turn in range(repeat):
        print(f"measuring, round {turn + 1} of {repeat}", file=sys.stderr)
        for path, done in zip(paths, runs, strict=True):
            done.append(in_fresh_process("--measure", str(path), "--pause-gc"))
    return [min(done, key=lambda r: r["load_s"] + r["validate_s"]) for done in runs]


def svg(results: list[dict[str, Any]]) -> str:
    """A line per step (and their sum): µs per assignment over assignments, log scale."""
    xs = [math.log10(r["assignments"]) for r in results]
    # (a size just above a power of ten, such as 1,049,408, ends the axis at that power)
    x0, x1 = math.floor(min(xs)), max(math.floor(min(xs)) + 1, math.ceil(max(xs) - 0.1))
    per = {key: [r[key] / r["assignments"] * 1e6 for r in results] for key, _, _ in SERIES}
    per["total"] = [a + b for a, b in zip(per["load_s"], per["validate_s"], strict=True)]
    top = max(per["total"]) * 1.2
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def at(x: float, y: float) -> str:
        px = LEFT + (x - x0) / max(x1 - x0, 1) * plot_w
        return f"{px:.1f},{TOP + plot_h - y / top * plot_h:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}"'
        ' font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="18">raci load + validate: µs per assignment (JSON)</text>',
        f'<polyline points="{at(x0, top)} {at(x0, 0)} {at(x1, 0)}" fill="none" stroke="#333"/>',
    ]
    for e in range(x0, x1 + 1):
        x, y = at(e, 0).split(",")
        parts.append(
            f'<text x="{x}" y="{float(y) + 18}" text-anchor="middle">10'
            f'<tspan baseline-shift="super" font-size="9">{e}</tspan></text>'
        )
    for step in range(6):
        value = top * step / 5
        x, y = at(x0, value).split(",")
        parts.append(
            f'<text x="{float(x) - 6}" y="{float(y) + 4}" text-anchor="end">{value:.1f}</text>'
        )
    parts.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 12}" text-anchor="middle">assignments</text>'
    )
    lines = [*SERIES, ("total", "load + validate", "#2ca02c")]
    for i, (key, label, color) in enumerate(lines):
        points = " ".join(at(x, y) for x, y in zip(xs, per[key], strict=True))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts += [
            f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="3" fill="{color}"/>'
            for p in points.split()
        ]
        ly = TOP + 20 + 20 * i
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 15}" y1="{ly}" x2="{WIDTH - RIGHT + 35}" y2="{ly}"'
            f' stroke="{color}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{WIDTH - RIGHT + 40}" y="{ly + 4}">{label}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: measure each size, print the figures, write the picture."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default=SIZES)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "data", help="folder for the models")
    parser.add_argument(
        "--svg", type=Path, default=HERE.parent / "docs" / "performance-scaling.svg"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results = measure(args.out, [parse_size(s) for s in args.sizes.split(",")], args.repeat)
    print("| assignments | load s | validate s | µs/assignment |\n|---|---|---|---|")
    for r in results:
        total = (r["load_s"] + r["validate_s"]) / r["assignments"] * 1e6
        print(f"| {r['assignments']:,} | {r['load_s']:.2f} | {r['validate_s']:.2f} | {total:.1f} |")
    args.svg.write_text(svg(results), encoding="utf-8")
    print(f"wrote {args.svg}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
