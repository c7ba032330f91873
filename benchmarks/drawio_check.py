"""Open .drawio files with draw.io's own code, in headless Chromium: every page decoded,
its units and glued edges counted against the file, each edge as draw.io routes it
checked square and clear of the boxes, and pages drawn to PNG to look at.

    python benchmarks/drawio_check.py --webapp DIR                   # the examples
    python benchmarks/drawio_check.py --webapp DIR --png out/ a.drawio b.drawio

DIR is draw.io's web app, ``src/main/webapp`` of github.com/jgraph/drawio (a copy of its
files; ``git archive HEAD src/main/webapp | tar -x`` from a clone). The check loads
``js/viewer-static.min.js`` from it, the build of draw.io's embedded viewer, which holds
mxGraph, draw.io's ``Graph`` and ``Editor`` and the codec the app reads files with (the
app's own bundle, ``js/app.min.js``, is not needed). Each page of a file is decoded the
way the app opens a page: ``Editor.parseDiagramNode``, then ``mxCodec`` into a ``Graph``
shown in the page, which lays the edges out with its own router.

Without files it makes, with the ``raci`` command line, the UN-Habitat example's chart in
English and in Chinese, the example as a book of A4 pages (split by division), and the
book of a generated organization of 300 units on A4 (``--units``). ``--png`` writes the
first pages of each file (``--pages``) as draw.io draws them. Needs playwright and a
Chromium (``--chromium``, default: the one on the PATH). Exits 1 when draw.io's code
raises an error, a page decodes to other counts than the file holds, or an edge is not
square or runs through a box.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "un-habitat-2020" / "org.yaml"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script>var urlParams = {}; var mxLoadResources = false; var mxLoadStylesheets = false;</script>
<script src="js/viewer-static.min.js"></script></head><body></body></html>"""
#: Decodes each page of a file into a Graph shown in the page; returns, per page, what
#: draw.io made of it: its units (vertices whose object has a unit), edges, edges with
#: both ends attached, and each edge whose routed points run slanted or through a unit.
DECODE = """(xml) => {
  const doc = mxUtils.parseXml(xml);
  const diagrams = doc.documentElement.getElementsByTagName('diagram');
  const pages = [];
  for (let i = 0; i < diagrams.length; i++) {
    const node = Editor.parseDiagramNode(diagrams[i]);
    const container = document.createElement('div');
    container.id = 'page-' + i;
    container.style.cssText = 'position:relative;overflow:hidden;background:#fff;'
      + 'width:100px;height:100px';
    document.body.appendChild(container);
    const graph = new Graph(container);
    new mxCodec(node.ownerDocument).decode(node, graph.getModel());
    const model = graph.getModel();
    const cells = Object.values(model.cells);
    const units = cells.filter((c) => model.isVertex(c) && mxUtils.isNode(c.value)
      && c.value.getAttribute('unit') != null);
    const boxes = units.map((c) => graph.view.getState(c)).filter((s) => s != null);
    const edges = cells.filter((c) => model.isEdge(c));
    const glued = edges.filter((c) => model.getTerminal(c, true) != null
      && model.getTerminal(c, false) != null);
    const slanted = [], through = [];
    for (const edge of glued) {
      const state = graph.view.getState(edge);
      const pts = state.absolutePoints;
      const ends = [model.getTerminal(edge, true), model.getTerminal(edge, false)];
      const name = ends.map((c) => c.value.getAttribute('unit')).join(' > ');
      if (state.style.edgeStyle == 'orthogonalEdgeStyle') {
        for (let k = 1; k < pts.length; k++) {
          if (Math.abs(pts[k].x - pts[k - 1].x) > 0.5 && Math.abs(pts[k].y - pts[k - 1].y) > 0.5) {
            const at = pts.map((p) => p.x.toFixed(1) + ',' + p.y.toFixed(1));
            slanted.push(name + ' at ' + at.join(' '));
            break;
          }
        }
      }
      for (const box of boxes) {
        const d = 1 + (parseFloat(box.style.strokeWidth) || 1) / 2;
        const inner = new mxRectangle(box.x + d, box.y + d, box.width - 2 * d, box.height - 2 * d);
        for (let k = 1; k < pts.length; k++) {
          if (mxUtils.rectangleIntersectsSegment(inner, pts[k - 1], pts[k])) {
            through.push(name + ' through ' + box.cell.value.getAttribute('unit'));
            break;
          }
        }
      }
    }
    const labels = units.filter((c) => graph.convertValueToString(c).trim() != '').length;
    const bounds = graph.getGraphBounds();
    container.style.width = Math.ceil(bounds.x + bounds.width + 20) + 'px';
    container.style.height = Math.ceil(bounds.y + bounds.height + 20) + 'px';
    pages.push({name: diagrams[i].getAttribute('name'), units: units.length,
      labels: labels, edges: edges.length, glued: glued.length, slanted: slanted,
      through: through});
  }
  return pages;
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help=".drawio files (default: examples)")
    parser.add_argument("--webapp", type=Path, required=True, help="draw.io's src/main/webapp")
    parser.add_argument("--png", type=Path, help="folder for PNGs of the first pages")
    parser.add_argument("--pages", type=int, default=2, help="pages of each file as PNG")
    parser.add_argument("--units", type=int, default=300, help="units of the generated book")
    parser.add_argument("--chromium", help="the Chromium to run (default: on the PATH)")
    args = parser.parse_args(argv)
    for missing in (f for f in args.files if not f.is_file()):
        parser.error(f"{missing}: no such file")
    if not (args.webapp / "js" / "viewer-static.min.js").exists():
        parser.error(f"{args.webapp}: no js/viewer-static.min.js (draw.io's src/main/webapp?)")
    chromium = args.chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not Path(chromium).exists():
        parser.error(f"no Chromium {'at ' + chromium if chromium else 'on the PATH'}: --chromium")
    if importlib.util.find_spec("playwright") is None:
        parser.error("the check needs playwright: pip install playwright")
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or list(_examples(Path(tmp), args.units))
        if args.png:
            args.png.mkdir(parents=True, exist_ok=True)
        with _Served(args.webapp) as url:
            failed = _check(files, url, chromium, args.png, args.pages)
    return 1 if failed else 0


def _examples(folder: Path, units: int) -> Iterator[Path]:
    """The example's chart in English and Chinese and as an A4 book, and a generated
    organization's A4 book, written by the command line."""
    sys.path.insert(0, str(HERE))
    from bench_chart import model_file

    big = model_file(units, folder)
    cases = [
        (EXAMPLE, "un-habitat.drawio", []),
        (EXAMPLE, "un-habitat.zh.drawio", ["--lang", "zh"]),
        (EXAMPLE, "un-habitat-a4.drawio", ["--paper", "A4", "--split-by", "division"]),
        (big, f"org-{units}-a4.drawio", ["--paper", "A4", "--split-by", "auto"]),
    ]
    for model, name, options in cases:
        out = folder / name
        command = [sys.executable, "-m", "raci", "chart", str(model), "-o", str(out), *options]
        subprocess.run(command, check=True, capture_output=True)
        yield out


class _Handler(http.server.SimpleHTTPRequestHandler):
    """draw.io's files, and the page that loads them at /raci-check.html."""

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/raci-check.html":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args: Any) -> None:
        pass


class _Served:
    """The web app served on a free local port, for the time of a ``with``."""

    def __init__(self, webapp: Path) -> None:
        handler = functools.partial(_Handler, directory=str(webapp))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/raci-check.html"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _check(files: list[Path], url: str, chromium: str, png: Path | None, pages: int) -> bool:
    """Print what draw.io makes of each file; whether any of them failed."""
    from playwright.sync_api import sync_playwright

    failed = False
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for path in files:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(url)
            decoded = page.evaluate(DECODE, path.read_text(encoding="utf-8"))
            expected = list(_expected(path))
            problems = list(_compare(decoded, expected)) + [f"error: {e}" for e in errors]
            units = sum(d["units"] for d in decoded)
            glued = sum(d["glued"] for d in decoded)
            print(
                f"{path.name}: {len(decoded)} pages, {units} units, {glued} glued edges:"
                f" {'; '.join(problems) if problems else 'ok'}"
            )
            failed = failed or bool(problems)
            if png is not None:
                for i in range(min(pages, len(decoded))):
                    shot = png / f"{path.stem}-{i + 1}.png"
                    page.locator(f"#page-{i}").screenshot(path=str(shot))
            page.close()
        browser.close()
    return failed


def _expected(path: Path) -> Iterator[tuple[int, int]]:
    """What each page of the file holds: its units and its edges attached at both ends."""
    root = ET.parse(path).getroot()
    for diagram in root.findall("diagram"):
        objects = [o for o in diagram.iter("object") if o.get("unit") is not None]
        edges = [c for c in diagram.iter("mxCell") if c.get("source") and c.get("target")]
        yield len(objects), len(edges)


def _compare(decoded: list[dict[str, Any]], expected: list[tuple[int, int]]) -> Iterator[str]:
    if len(decoded) != len(expected):
        yield f"{len(decoded)} pages decoded, the file has {len(expected)}"
    for n, (page, (units, edges)) in enumerate(zip(decoded, expected, strict=False), 1):
        if (page["units"], page["glued"]) != (units, edges):
            yield (
                f"page {n}: {page['units']} units and {page['glued']} glued edges decoded,"
                f" the file has {units} and {edges}"
            )
        if page["labels"] != page["units"]:
            yield f"page {n}: {page['units'] - page['labels']} units without text"
        for name in page["slanted"]:
            yield f"page {n}: {name} not square"
        for name in page["through"]:
            yield f"page {n}: {name}"


if __name__ == "__main__":
    sys.exit(main())
