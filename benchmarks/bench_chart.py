"""Time `raci.render_chart` on organizations of 20 to 3,000 units, and measure the layout.

    python benchmarks/bench_chart.py                        # every case, SVG, PDF, PNG, A4 books
    python benchmarks/bench_chart.py --sizes 300 --formats svg --keep out/
    python benchmarks/bench_chart.py --sizes 2000 --formats pptx,drawio

Cases: the UN-Habitat example (20 units) and synthetic organizations from
``generate.py`` of 300, 2,000 and 3,000 units. Each render runs in a fresh process, so
its peak memory is its own. For each case and format it prints the time, the peak
memory and the size (points, or pixels for PNG); from the SVG it reads two layout
figures: the largest box's area over the median box area of its level (the level is
the box's depth in the drawn reporting lines), and the largest box's area over the
area its text needs. The ``a4`` format is a PDF of A4 pages cut with
``split_by='auto'``: every page must read (no text under 6 pt); ``pptx`` and ``drawio`` are
the same A4 book as editable figures (a slide, or a diagram page, per page). Targets: both
ratios at most 3; 2,000 units in SVG under 5 s, as an editable A4 book under 20 s; memory
under 1 GB. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from raci._text import counted
from raci.model import Names, Organization, Position, Unit

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "un-habitat-2020" / "org.yaml"
SIZES = (20, 300, 2000, 3000)
FORMATS = ("svg", "pdf", "png", "a4", "pptx", "drawio")
#: The formats written as an A4 book cut with ``split_by='auto'``, by their file's suffix.
BOOKS = {"a4": "pdf", "pptx": "pptx", "drawio": "drawio"}
SVG = "{http://www.w3.org/2000/svg}"
#: Targets the issue sets.
MAX_RATIO = 3.0
SVG_SECONDS_2000 = 5.0
EDITABLE_SECONDS_2000 = 20.0
MAX_MEMORY_MB = 1024.0


def _unit(uid: str, name: str, level: str, parent: str | None, **extra: object) -> Unit:
    return Unit(uid, Names.plain(name), level=level, parent=parent, **extra)  # type: ignore[arg-type]


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
    return _org(made[:units])


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


def model_file(size: int, folder: Path) -> Path:
    """The model for a case: the example for 20 units, else a generated file (kept)."""
    if size == 20:
        return EXAMPLE
    path = folder / f"org-{size}.yaml"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        model = generate(units=size, deliverables=20, seed=1)
        path.write_text(yaml.safe_dump(model, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _one(model: str, out: str) -> None:
    """Child process: render one chart (``NAME-a4.SUFFIX``: A4 pages cut to read), print
    time and peak memory as JSON."""
    import raci

    org = raci.load(model)
    book = {"paper": "A4", "split_by": "auto"} if "-a4." in out else {}
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raci.render_chart(org, out, **book)  # type: ignore[arg-type]
    took = time.perf_counter() - start
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "peak_mb": peak}))


def size_of(path: Path) -> str:
    """The output's size: points for SVG and PDF, pixels for PNG, pages of an editable
    figure."""
    if path.suffix == ".pptx":
        from pptx import Presentation

        return counted(len(Presentation(str(path)).slides), "slide")
    if path.suffix == ".drawio":
        return counted(len(ET.parse(path).getroot().findall("diagram")), "page")
    if path.suffix == ".png":
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        return f"{width:,} x {height:,} px"
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        pages = PdfReader(path).pages
        box = pages[0].mediabox
        more = f" ({len(pages)} pages)" if len(pages) > 1 else ""
        return f"{float(box.width):,.0f} x {float(box.height):,.0f} pt{more}"
    width, height = svg_size(path)
    return f"{width:,.0f} x {height:,.0f} pt"


def svg_size(path: Path) -> tuple[float, float]:
    """The width and height (points) an SVG file declares."""
    root = ET.parse(path).getroot()
    return float(root.attrib["width"].removesuffix("pt")), float(
        root.attrib["height"].removesuffix("pt")
    )


def text_width(text: str, size: float, bold: bool) -> float:
    """About how wide a line of text is drawn: CJK characters one em, others 0.55 em."""
    em = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)
    return em * size * (1.08 if bold else 1.0)


def boxes(path: Path) -> dict[str, tuple[float, float, float]]:
    """Each unit box in an SVG chart: (area, area its text needs, depth in the drawn lines)."""
    root = ET.parse(path).getroot()
    found: dict[str, tuple[float, float]] = {}
    parents: dict[str, str] = {}
    for group in root.iter(f"{SVG}g"):
        title = group.findtext(f"{SVG}title") or ""
        if group.get("class") == "edge":
            path_el = group.find(f"{SVG}path")
            dotted = path_el is not None and path_el.get("stroke-dasharray")
            parent, _, child = title.partition("->")
            if not dotted:
                parents.setdefault(child, parent)
            continue
        if group.get("class") != "node" or title.startswith("#"):
            continue
        xs: list[float] = []
        ys: list[float] = []
        for shape in [*group.iter(f"{SVG}polygon"), *group.iter(f"{SVG}path")]:
            numbers = [
                float(n)
                for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d") or "")
            ]
            xs += numbers[0::2]
            ys += numbers[1::2]
        if not xs:
            continue
        area = (max(xs) - min(xs)) * (max(ys) - min(ys))
        tx: list[float] = []
        ty: list[float] = []
        for text in group.iter(f"{SVG}text"):
            size = float(text.get("font-size", "10"))
            x, y = float(text.get("x", "0")), float(text.get("y", "0"))
            width = text_width(text.text or "", size, text.get("font-weight") == "bold")
            start = {"middle": x - width / 2, "end": x - width}.get(text.get("text-anchor", ""), x)
            tx += [start, start + width]
            ty += [y - size, y + size * 0.25]
        need = (max(tx) - min(tx)) * (max(ty) - min(ty)) if tx else 1.0
        found[title] = (area, need)
    out = {}
    for name, (area, need) in found.items():
        depth, at = 0, name
        while at in parents and depth < 100:
            at, depth = parents[at], depth + 1
        out[name] = (area, need, float(depth))
    return out


def ratios(path: Path) -> tuple[float, float]:
    """The largest box's area over the median of its level's, and over its text's needs."""
    found = boxes(path)
    _name, (area, need, depth) = max(found.items(), key=lambda kv: kv[1][0])
    level = [a for a, _n, d in found.values() if d == depth]
    return area / statistics.median(level), area / need


def main(argv: list[str] | None = None) -> int:
    """Run the cases; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--keep", type=Path, help="write the models and charts into this folder")
    parser.add_argument("--one", nargs=2, metavar=("MODEL", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        _one(*args.one)
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="raci-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    ok = True
    print(f"{'case':<12} {'fmt':<4} {'time':>8} {'memory':>9}  {'size':<26} ratios")
    for size in [int(s) for s in args.sizes.split(",")]:
        model = model_file(size, folder)
        for fmt in args.formats.split(","):
            name = f"chart-{size}-a4.{BOOKS[fmt]}" if fmt in BOOKS else f"chart-{size}.{fmt}"
            out = folder / name
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(model), str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(f"{size:<12} {fmt:<4} failed: {done.stderr.strip()[-300:]}")
                ok = False
                continue
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            line = (
                f"{size:<12} {fmt:<4} {figures['seconds']:7.2f}s {figures['peak_mb']:6.0f} MB"
                f"  {size_of(out):<26}"
            )
            if fmt == "svg":
                level, text = ratios(out)
                line += f" {level:4.2f} (level)  {text:4.2f} (text)"
                if level > MAX_RATIO or text > MAX_RATIO:
                    line += "  RATIO OVER 3"
                    ok = False
                if size == 2000 and figures["seconds"] > SVG_SECONDS_2000:
                    line += "  TOO SLOW"
                    ok = False
            slow = fmt in ("pptx", "drawio") and figures["seconds"] > EDITABLE_SECONDS_2000
            if size == 2000 and slow:
                line += "  TOO SLOW"
                ok = False
            if figures["peak_mb"] > MAX_MEMORY_MB:
                line += "  TOO MUCH MEMORY"
                ok = False
            warned = [ln for ln in done.stderr.splitlines() if ln.strip()]
            if fmt in BOOKS and any("under 6 pt" in w for w in warned):
                line += "  TEXT UNDER 6 PT"
                ok = False
            print(line)
            for warning in warned[:3]:
                print(f"{'':<18}{warning.strip()[:150]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
