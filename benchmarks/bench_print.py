"""Every printed output measured as a reader holds it: pages, paper, smallest text and bytes
per page, as one Markdown table.

    python benchmarks/bench_print.py                        # every output, in a temporary folder
    python benchmarks/bench_print.py --keep out/ --only chart,cascade

Outputs: the chart as a book of A4 pages (``--paper A4 --split-by auto``) of the UN-Habitat
example, in English and Chinese, and of generated organizations of 300 and 2,000 units
(bench_chart.py's models); the change picture of the restructuring example on A4; the
cascade PDF in English and Chinese; the LaTeX matrix through ``pdflatex`` (when present);
the report and the HTML matrix printed to PDF by Chromium (when present), as a browser
prints them. Each is made by the ``raci`` command line in a fresh process, and only the
PDF it leaves is read, so the table keeps measuring whatever the outputs become.

The smallest text is the size, in points on the page, of the smallest glyphs drawn: each
piece of text's font size times the scale of its text matrix and of the transformation in
force (pages placed on paper scaled down count smaller), to a hundred-thousandth of a
point. Exits 1 when an output could not be made.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_chart import model_file
from pypdf import PageObject, PdfReader

from raci.render.paper import PAPERS

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
EXAMPLE = EXAMPLES / "un-habitat-2020" / "org.yaml"
BEFORE = EXAMPLES / "restructuring" / "before.yaml"
AFTER = EXAMPLES / "restructuring" / "after.yaml"
#: Text smaller than this is hard to read on paper.
READABLE_PT = 6.0
#: Sizes are read to this many decimals of a point: PDF writers keep numbers to a few
#: digits (Chromium writes 32-bit floats, so text it sets at 6 pt reads 5.99999975 pt).
DECIMALS = 5
#: How far (points) a page may be from a paper size and still be called by its name.
PAPER_SLACK = 1.0
#: Seconds any one command may take.
TIMEOUT = 900
Matrix = Sequence[float]


@dataclass(frozen=True)
class Measure:
    """What a reader gets from one PDF."""

    pages: int
    #: The smallest text on any page, in points (None: no text).
    smallest: float | None
    size: int
    #: Pages of each paper, named (``A4 portrait``) or in points.
    papers: dict[str, int]

    @property
    def bytes_per_page(self) -> float:
        """The file's size over its pages."""
        return self.size / self.pages if self.pages else 0.0


def _product(a: Matrix, b: Matrix) -> list[float]:
    """The PDF matrix ``a`` then ``b`` (row vectors, as in the PDF reference)."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_pieces(page: PageObject) -> list[tuple[str, float]]:
    """Each piece of text drawn on ``page`` with its size on the page, in points."""
    pieces: list[tuple[str, float]] = []

    def seen(text: str, cm: Matrix, tm: Matrix, _font: object, font_size: float) -> None:
        if text.strip():
            m = _product(tm, cm)
            # The height of a glyph's em square: the vertical axis of the matrix, whatever
            # the rotation (a landscape page turned by its matrix).
            size = round(abs(font_size) * math.hypot(m[2], m[3]), DECIMALS)
            pieces.append((text.strip(), size))

    page.extract_text(visitor_text=seen)
    return pieces


def text_sizes(page: PageObject) -> list[float]:
    """The size on the page, in points, of each piece of text drawn on ``page``."""
    return [size for _text, size in text_pieces(page)]


def paper_name(width: float, height: float) -> str:
    """``A4 portrait`` for a page of A4, else its sides in points."""
    for p in PAPERS.values():
        for landscape in (False, True):
            w, h = p.points(landscape=landscape)
            if abs(w - width) <= PAPER_SLACK and abs(h - height) <= PAPER_SLACK:
                return f"{p.name} {'landscape' if landscape else 'portrait'}"
    return f"{width:.0f} x {height:.0f} pt"


def measure(path: Path) -> Measure:
    """Pages, smallest text, size and papers of the PDF at ``path``."""
    reader = PdfReader(path)
    smallest: float | None = None
    papers: Counter[str] = Counter()
    for page in reader.pages:
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        if (page.get("/Rotate") or 0) % 180:
            width, height = height, width
        papers[paper_name(width, height)] += 1
        sizes = text_sizes(page)
        if sizes:
            smallest = min(sizes) if smallest is None else min(smallest, *sizes)
    return Measure(len(reader.pages), smallest, path.stat().st_size, dict(papers))


# -- making the outputs ------------------------------------------------------------------


class Skipped(Exception):
    """An output that cannot be made here (a tool is missing)."""


def run(argv: Sequence[str], cwd: Path | None = None) -> str:
    """Run ``argv``; its stderr (the warnings), or RuntimeError with its last lines."""
    done = subprocess.run(
        list(argv), cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    if done.returncode != 0:
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-3:]
        msg = f"{Path(argv[0]).name} exited {done.returncode}: {' / '.join(tail)}"
        raise RuntimeError(msg)
    return done.stderr


def raci(*args: str | Path) -> str:
    """``raci ARGS`` in a fresh interpreter; its warnings."""
    return run([sys.executable, "-m", "raci", *map(str, args)])


def chromium() -> str:
    """The Chromium executable, or Skipped."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    msg = "no chromium"
    raise Skipped(msg)


def printed(html: Path) -> Path:
    """``html`` printed to PDF by headless Chromium, as a browser's print to PDF does (its
    default paper, the page's own ``@page`` rules, no browser header or footer)."""
    pdf = html.with_suffix(".print.pdf")
    run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--virtual-time-budget=10000",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
    )
    return pdf


def latex(tex: Path) -> Path:
    """``tex`` typeset by pdflatex, or Skipped."""
    if shutil.which("pdflatex") is None:
        msg = "no pdflatex"
        raise Skipped(msg)
    run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=tex.parent)
    return tex.with_suffix(".pdf")


@dataclass(frozen=True)
class Case:
    """One printed output: its name, the group ``--only`` picks it by, and how it is made
    (into a folder, giving the PDF and the command's warnings)."""

    name: str
    group: str
    make: Callable[[Path], tuple[Path, str]]


def _book(model: Callable[[Path], Path], lang: str = "") -> Callable[[Path], tuple[Path, str]]:
    def make(folder: Path) -> tuple[Path, str]:
        source = model(folder)
        out = folder / f"book-{source.stem}{'.' + lang if lang else ''}.pdf"
        extra = ["--lang", lang] if lang else []
        return out, raci("chart", source, "-o", out, "--paper", "A4", "--split-by", "auto", *extra)

    return make


def _made(command: str, suffix: str, *extra: str) -> Callable[[Path], tuple[Path, str]]:
    """``raci COMMAND EXAMPLE -o OUT`` (``raci diff`` takes the restructuring example)."""

    def make(folder: Path) -> tuple[Path, str]:
        tag = "-".join(e.strip("-") for e in extra)
        out = folder / f"{command}{'-' + tag if tag else ''}{suffix}"
        inputs = [BEFORE, AFTER] if command == "diff" else [EXAMPLE]
        warned = raci(command, *inputs, "-o", out, *extra)
        if suffix == ".tex":
            return latex(out), warned
        if suffix == ".html":
            return printed(out), warned
        return out, warned

    return make


def cases() -> list[Case]:
    """Every printed output, in the order of the table."""

    def example(_folder: Path) -> Path:
        return EXAMPLE

    def generated(size: int) -> Callable[[Path], Path]:
        return lambda folder: model_file(size, folder)

    return [
        Case("chart book, A4: UN-Habitat", "chart", _book(example)),
        Case("chart book, A4: UN-Habitat (zh)", "chart", _book(example, "zh")),
        Case("chart book, A4: 300 units", "chart", _book(generated(300))),
        Case("chart book, A4: 2,000 units", "chart", _book(generated(2000))),
        Case("change picture, A4", "change", _made("diff", ".pdf", "--paper", "A4")),
        Case(
            "change picture, A4 (zh)",
            "change",
            _made("diff", ".pdf", "--paper", "A4", "--lang", "zh"),
        ),
        Case("cascade PDF", "cascade", _made("cascade", ".pdf")),
        Case("cascade PDF (zh)", "cascade", _made("cascade", ".pdf", "--lang", "zh")),
        Case("matrix, LaTeX", "latex", _made("matrix", ".tex")),
        Case("matrix HTML, printed", "html", _made("matrix", ".html")),
        Case("matrix HTML, printed (zh)", "html", _made("matrix", ".html", "--lang", "zh")),
        Case("report, printed", "html", _made("report", ".html")),
        Case("report, printed (zh)", "html", _made("report", ".html", "--lang", "zh")),
    ]


# -- the table ----------------------------------------------------------------------------


def row(case: Case, folder: Path) -> tuple[list[str], bool]:
    """The table's cells for one output, and whether it was made (or skipped)."""
    try:
        pdf, warned = case.make(folder)
    except Skipped as why:
        return [case.name, "", "", "", "", f"skipped: {why}"], True
    except (RuntimeError, subprocess.TimeoutExpired) as why:
        return [case.name, "", "", "", "", f"failed: {why}"[:200]], False
    m = measure(pdf)
    papers = ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in m.papers.items())
    notes = [w[len("warning:") :].strip() for w in warned.splitlines() if w.startswith("warning:")]
    notes = notes[:2]
    if m.smallest is not None and m.smallest < READABLE_PT:
        notes.insert(0, f"text under {READABLE_PT:g} pt")
    smallest = "–" if m.smallest is None else f"{m.smallest:.1f}"
    cells = [case.name, f"{m.pages:,}", papers, smallest, f"{m.bytes_per_page:,.0f}"]
    return [*cells, "; ".join(notes)[:200].replace("|", "\\|")], True


def table(rows: Sequence[Sequence[str]]) -> str:
    """The Markdown table of the measures."""
    header = ["output", "pages", "paper", "smallest text (pt)", "bytes per page", "notes"]
    lines = ["| " + " | ".join(header) + " |", "|---|--:|---|--:|--:|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: make every output, measure it, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    groups = sorted({c.group for c in cases()})
    parser.add_argument("--only", help=f"these groups only, comma-separated: {', '.join(groups)}")
    parser.add_argument("--keep", type=Path, help="write the models and outputs into this folder")
    args = parser.parse_args(argv)
    only = {g.strip() for g in args.only.split(",")} if args.only else set(groups)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="raci-print-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows, ok = [], True
    for case in cases():
        if case.group in only:
            print(f"printing {case.name}", file=sys.stderr)
            cells, made = row(case, folder)
            rows.append(cells)
            ok &= made
    print(table(rows))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
