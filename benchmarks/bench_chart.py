"""Time `raci.render_chart` on synthetic organizations built in memory.

    python benchmarks/bench_chart.py                 # the default cases, SVG
    python benchmarks/bench_chart.py --format png --keep out/

Cases: a 2,000-unit hierarchy (8 divisions, 5 branches each, 5 sections each,
about 10 units per section) and one level of 1,200 sibling offices under a
single parent. Prints the time and the drawing's size; the sibling case must
come out no more than four times as wide as it is high.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from raci.model import Names, Organization, Position, Unit
from raci.render.orgchart import render_chart

LEVELS = ("organization", "division", "branch", "section", "unit")


def _unit(
    uid: str,
    name: str,
    level: str,
    parent: str | None,
    head: str | None = None,
    headcount: int | None = None,
) -> Unit:
    return Unit(uid, Names.plain(name), level=level, parent=parent, head=head, headcount=headcount)


def hierarchy(units: int = 2000) -> Organization:
    """About ``units`` units: 8 divisions x 5 branches x 5 sections, the rest as units."""
    made = [_unit("org", "Synthetic Organization", "organization", None, head="chief")]
    sections = []
    for d in range(8):
        made.append(_unit(f"d{d}", f"Division of Synthetic Affairs {d}", "division", "org"))
        for b in range(5):
            made.append(_unit(f"d{d}b{b}", f"Branch of Things {d}.{b}", "branch", f"d{d}"))
            for s in range(5):
                sid = f"d{d}b{b}s{s}"
                made.append(_unit(sid, f"Section {d}.{b}.{s}", "section", f"d{d}b{b}"))
                sections.append(sid)
    i = 0
    while len(made) < units:
        parent = sections[i % len(sections)]
        made.append(_unit(f"u{i}", f"Unit {i} of {parent}", "unit", parent, headcount=5))
        i += 1
    return _org(made)


def siblings(count: int = 1200) -> Organization:
    """One parent with ``count`` leaf offices."""
    made = [_unit("hq", "Headquarters", "organization", None)]
    made += [
        _unit(f"o{i}", f"Country Office {i} of the Programme", "division", "hq")
        for i in range(count)
    ]
    return _org(made)


def _org(units: list[Unit]) -> Organization:
    chief = Position("chief", Names.plain("Executive Director"), unit=units[0].id)
    return Organization(
        names=Names.plain("Synthetic"),
        units={u.id: u for u in units},
        positions={"chief": chief},
    )


def svg_size(path: Path) -> tuple[float, float]:
    """The width and height (points) an SVG file declares."""
    head = path.read_text(encoding="utf-8")[:2000]
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', head)
    if found is None:
        msg = f"{path}: no width/height"
        raise ValueError(msg)
    return float(found.group(1)), float(found.group(2))


def main(argv: list[str] | None = None) -> int:
    """Run the cases; exit 1 when the sibling chart is too wide or a case is too slow."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", default="svg", choices=["svg", "png", "pdf"])
    parser.add_argument("--keep", type=Path, help="write the charts into this folder")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds allowed per case")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="raci-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    ok = True
    for name, org in (("hierarchy-2000", hierarchy()), ("siblings-1200", siblings())):
        out = folder / f"{name}.{args.format}"
        start = time.perf_counter()
        render_chart(org, out)
        took = time.perf_counter() - start
        line = f"{name:<16} {len(org.units):>5} units  {took:6.2f} s  {out.stat().st_size:>9} bytes"
        if args.format == "svg":
            width, height = svg_size(out)
            line += f"  {width:.0f} x {height:.0f} pt (ratio {width / height:.2f})"
            if name.startswith("siblings") and width > 4 * height:
                line += "  TOO WIDE"
                ok = False
        if took > args.limit:
            line += "  TOO SLOW"
            ok = False
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
