"""Time `raci report` on a large organization, and the page's load in Chromium.

Run: python benchmarks/bench_report.py [--units N] [--deliverables N] [--out DIR]

The model comes from ``generate.py`` (2,000 units with 5 posts each and 2,000
deliverables by default). Figures: the time to write the report, the file's size, and,
when the playwright package and a system Chromium are there, the time from navigation
to the page's ``load`` event and to its first matrix rows, the best of three loads.
Budgets: the file under 10 MB, the page open in under 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import raci

HERE = Path(__file__).resolve().parent
SIZE_BUDGET_MB = 10.0
LOAD_BUDGET_S = 3.0
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium() -> str | None:
    """The system's Chromium ($RACI_CHROMIUM, else on the PATH)."""
    named = os.environ.get("RACI_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def load_times(page_path: Path, binary: str, runs: int = 3) -> tuple[float, float, int]:
    """The best time to ``load`` and to the first drawn rows (seconds), and the number of
    requests the page made besides itself."""
    from playwright.sync_api import sync_playwright

    best_load = best_rows = float("inf")
    extra = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary, headless=True, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            urls: list[str] = []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            start = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load", timeout=120_000)
            loaded = time.perf_counter() - start
            page.wait_for_selector("#raci-matrix tbody tr", state="attached")
            rows = time.perf_counter() - start
            best_load, best_rows = min(best_load, loaded), min(best_rows, rows)
            extra = max(extra, len([u for u in urls if u != page_path.as_uri()]))
            page.close()
        browser.close()
    return best_load, best_rows, extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--deliverables", type=int, default=2000)
    parser.add_argument("--out", type=Path, help="keep the model and the report in this folder")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        model = folder / "big.json"
        data = generate(units=args.units, deliverables=args.deliverables, seed=1)
        model.write_text(json.dumps(data), encoding="utf-8")
        org = raci.load(model)
        print(
            f"{len(org.units)} units, {len(org.positions)} posts,"
            f" {len(org.deliverables)} deliverables"
        )
        out = folder / "report.html"
        start = time.perf_counter()
        raci.render_report(org, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size / 1e6
        failed = size >= SIZE_BUDGET_MB
        print(f"write: {seconds:6.2f} s")
        print(f"size:  {size:6.2f} MB{' ok' if size < SIZE_BUDGET_MB else ' TOO BIG'}")
        binary = chromium()
        try:
            import playwright  # noqa: F401
        except ImportError:
            binary = None
        if binary is None:
            print("load:  not measured (no playwright package or no Chromium)")
        else:
            loaded, rows, extra = load_times(out, binary)
            ok = rows < LOAD_BUDGET_S
            failed |= not ok or extra > 0
            print(
                f"load:  {loaded:6.2f} s to the load event, {rows:.2f} s to the first rows"
                f"{' ok' if ok else ' TOO SLOW'}; {extra} other requests"
            )
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
