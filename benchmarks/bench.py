"""Every command at scale in one table: wall time, peak memory, and the ratio of both to the
yardstick (benchmarks/yardstick.py: json.load the model and count its Accountables).

    python benchmarks/bench.py                          # validate at 10k and 100k, the rest
    python benchmarks/bench.py --sizes 10k,100k,1M      # and the million-assignment model
    python benchmarks/bench.py --only validate --sizes 1M --repeat 3
    python benchmarks/bench.py --only validate --sizes 1M --formats json --case findings-heavy

Each command runs as `raci ...` in a fresh interpreter (start-up and imports included, as
a user sees it), alternating with the yardstick on the same model file so that both meet
the same load on a shared machine; the fastest of ``--repeat`` runs of each counts.
Peak memory is the child's own peak resident set (``VmHWM`` on Linux). Models come from
benchmarks/generate.py and the inputs of the other bench_*.py scripts, written once into
``--out`` (default benchmarks/data, ignored by git).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import importlib.util
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_annex import annex_pair
from bench_diff import restructure
from bench_matrix import big_organization
from generate import generate, write
from run import parse_size

import raci

HERE = Path(__file__).resolve().parent
#: Validation: at most this many times the yardstick's wall time and peak memory.
VALIDATE_TIME, VALIDATE_MEMORY = 3.0, 2.5
#: From this size on (the million-assignment model), validation is held to those targets.
TARGET_SIZE = 1_000_000


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of one run of ``argv`` (benchmarks/child.py) in a fresh
    process."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as peak:
        pass
    command = [sys.executable, str(HERE / "child.py"), peak.name, *argv]
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - started
    mb = float(json.loads(Path(peak.name).read_text()))
    Path(peak.name).unlink()
    return seconds, mb


class Case:
    """One row: a command on an input, against the yardstick on a model file."""

    def __init__(
        self, command: str, size: str, argv: list[str], model: Path, budget: str = ""
    ) -> None:
        self.command, self.size, self.argv, self.model, self.budget = (
            command,
            size,
            argv,
            model,
            budget,
        )

    def run(self, repeat: int) -> dict[str, Any]:
        """The fastest of ``repeat`` alternating runs of the yardstick and the command."""
        yard, mine = [], []
        for _ in range(repeat):
            yard.append(timed(["yardstick", str(self.model)]))
            mine.append(timed(["raci", *self.argv]))
        (ys, ymb), (s, _) = min(yard), min(mine)
        return {
            "command": self.command,
            "size": self.size,
            "seconds": s,
            "mb": max(m for _, m in mine),
            "time_ratio": s / ys,
            "memory_ratio": max(m for _, m in mine) / max(m for _, m in yard),
            "yardstick": f"{ys:.2f} s, {ymb:.0f} MB",
            "budget": self.budget,
        }


def _once(path: Path, make: Callable[[Path], None]) -> Path:
    """``path``, made by ``make`` unless it is already there."""
    if not path.exists():
        print(f"writing {path.name}", file=sys.stderr)
        make(path)
    return path


def _model(path: Path, **shape: Any) -> Path:
    return _once(path, lambda p: write(generate(seed=0, **shape), p))


def _long_sheet(path: Path, model: Path) -> Path:
    """A long-format sheet (deliverable, party, role) of every assignment of ``model``."""

    def make(p: Path) -> None:
        org = raci.load(model)
        with p.open("w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(["deliverable", "party", "role"])
            out.writerows((a.deliverable, a.party, a.role) for a in org.assignments())

    return _once(path, make)


def _restructured(folder: Path, model: Path) -> Path:
    def make(p: Path) -> None:
        after, _ = restructure(json.loads(model.read_text(encoding="utf-8")))
        write(after, p)

    return _once(folder / "diff-after.json", make)


def civil_service(size: int) -> tuple[int, int]:
    """Units and deliverables of the model of that size (see :func:`validate_cases`)."""
    return max(20, round(size / 100)), max(1, round(size * 0.15))


def validate_model(folder: Path, size: int) -> Path:
    """The JSON model of that size (see :func:`validate_cases`), written once."""
    units, deliverables = civil_service(size)
    shape = {"units": units, "positions": 5 * units, "deliverables": deliverables}
    path = folder / f"validate-{size}.json"
    return _model(path, **shape, assignments_per_deliverable=7, mistakes=0.001)


def findings_heavy(folder: Path, model: Path) -> Path:
    """``model`` with most Responsible posts replaced by their units, so that about one
    deliverable in six gives a finding (mostly `not-cascaded`): findings are part of the
    work, and this case keeps them in the measure."""

    def make(p: Path) -> None:
        data = json.loads(model.read_text(encoding="utf-8"))
        unit_of = {post["id"]: post["unit"] for post in data.get("positions", [])}
        rng = random.Random(0)
        for d in data.get("deliverables", []):
            roles = d.get("raci", {})
            held = roles.get("R")
            if held and rng.random() < 0.95:
                held = held if isinstance(held, list) else [held]
                roles["R"] = list(dict.fromkeys(unit_of.get(x, x) for x in held))
        write(data, p)

    return _once(folder / f"{model.stem}-findings.json", make)


def validate_cases(folder: Path, sizes: list[int], formats: list[str]) -> list[Case]:
    """`raci validate --format json` with every rule on, on models shaped as a national civil
    service's work plan: size 1M is 10,000 units, 50,000 posts and 150,000 deliverables of
    about 7 roles each (1.05 million assignments), with 0.1% planted mistakes; other sizes
    scale it. The targets apply from 1M on (below, start-up time dominates)."""
    cases = []
    for n in sizes:
        json_model = validate_model(folder, n)
        stem = json_model.stem
        units, deliverables = civil_service(n)
        label = f"{units:,} units, {deliverables:,} deliverables"
        for fmt in formats:
            model = json_model
            if fmt == "yaml":
                model = _once(
                    folder / f"{stem}.yaml",
                    lambda p, m=json_model: write(json.loads(m.read_text("utf-8")), p),
                )
            budget = f"≤ {VALIDATE_TIME:g}x time, ≤ {VALIDATE_MEMORY:g}x memory"
            if n < TARGET_SIZE:
                budget = ""
            cases.append(
                Case(
                    f"validate ({fmt})",
                    label,
                    ["validate", str(model), "--format", "json"],
                    json_model,
                    budget if fmt == "json" else "reported",
                )
            )
        if n >= TARGET_SIZE and "json" in formats:
            heavy = findings_heavy(folder, json_model)
            cases.append(
                Case(
                    "validate (json, findings-heavy)",
                    label,
                    ["validate", str(heavy), "--format", "json"],
                    heavy,
                    f"≤ {VALIDATE_TIME:g}x time, ≤ {VALIDATE_MEMORY:g}x memory",
                )
            )
    return cases


def other_cases(folder: Path) -> list[Case]:
    """The other commands, each at the size its own benchmark and budget speak of."""
    big = _model(folder / "units-10000.json", units=10_000, positions=50_000, deliverables=12_500)
    chart = _model(folder / "units-2000.json", units=2000, deliverables=20)
    report = _model(folder / "report-2000.json", units=2000, deliverables=2000)
    matrix = _once(folder / "matrix-2000.json", lambda p: raci.dump(big_organization(2000, 300), p))
    long = _model(folder / "long-org.json", units=1500, deliverables=12_500)
    sheet = _long_sheet(folder / "long-100k.csv", long)
    rows = sum(1 for _ in sheet.open(encoding="utf-8")) - 1
    after = _restructured(folder, big)
    annex_old, annex_new = annex_pair(folder)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    return [
        Case("chart (SVG)", "2,000 units", ["chart", str(chart), "-o", str(out / "c.svg")], chart),
        Case(
            "matrix (HTML)",
            "2,000 deliverables",
            ["matrix", str(matrix), "-o", str(out / "m.html")],
            matrix,
            "< 20 s",
        ),
        Case(
            "matrix (XLSX)",
            "2,000 deliverables",
            ["matrix", str(matrix), "-o", str(out / "m.xlsx")],
            matrix,
            "< 30 s",
        ),
        Case(
            "import (long CSV)",
            f"{rows:,} rows",
            ["import", str(sheet), "--org", str(long), "-o", str(out / "imported.json")],
            long,
        ),
        Case("diff", "10,000 units", ["diff", str(big), str(after)], big, "< 10 s"),
        Case("stats", "10,000 units", ["stats", str(big), "--format", "json"], big),
        Case(
            "staffing (compared)",
            "10,000 units",
            ["staffing", str(after), "--before", str(big), "-o", str(out / "staffing.xlsx")],
            big,
            "< 10 s",
        ),
        Case(
            "annex (DOCX)",
            "2,000 units",
            ["annex", str(annex_old), str(annex_new), "-o", str(out / "annex.docx")],
            annex_old,
            "< 30 s",
        ),
        Case(
            "report",
            "2,000 units, 2,000 deliverables",
            ["report", str(report), "-o", str(out / "r.html")],
            report,
        ),
        Case(
            "cascade (CSV)",
            "50,000 posts",
            ["cascade", str(big), "-o", str(out / "sheets.csv")],
            big,
            "< 30 s",
        ),
    ]


def table(rows: list[dict[str, Any]]) -> str:
    """The Markdown table of the results."""
    header = ["command", "size", "wall s", "peak MB", "× yardstick time", "× yardstick memory"]
    header += ["yardstick", "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        cells = [
            r["command"],
            r["size"],
            f"{r['seconds']:.2f}",
            f"{r['mb']:.0f}",
            f"{r['time_ratio']:.1f}",
            f"{r['memory_ratio']:.1f}",
            r["yardstick"],
            r["budget"],
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def compile_raci() -> None:
    """Compile raci's modules to bytecode, as ``pip install`` does, so that no run pays for
    compiling them (a source checkout with PYTHONDONTWRITEBYTECODE set never would)."""
    spec = importlib.util.find_spec("raci")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Command line: make the inputs, run every case, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k", help="validate sizes, e.g. 10k,100k,1M")
    parser.add_argument("--formats", default="json,yaml", help="validate: json, yaml or both")
    parser.add_argument("--only", choices=["validate", "others"], help="run only these rows")
    parser.add_argument(
        "--case", default="", help="run only the rows whose command holds this, e.g. findings-heavy"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the fastest counts")
    parser.add_argument("--out", type=Path, default=HERE / "data", help="folder for the inputs")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    cases: list[Case] = []
    if args.only != "others":
        cases += validate_cases(args.out, sizes, formats)
    if args.only != "validate":
        cases += other_cases(args.out)
    cases = [case for case in cases if args.case in case.command]
    compile_raci()
    rows = []
    for case in cases:
        print(f"timing {case.command}, {case.size}", file=sys.stderr)
        rows.append(case.run(args.repeat))
    print(table(rows))
    missed = [
        r
        for r in rows
        if r["budget"].startswith("≤")
        and (r["time_ratio"] > VALIDATE_TIME or r["memory_ratio"] > VALIDATE_MEMORY)
    ]
    return 1 if missed or any(math.isnan(r["mb"]) for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
