"""Fuzz every reader and command with mutated inputs: ``nox -s fuzz -- --minutes 10``.

Seeds are the bundled examples and test tables (each YAML model also as JSON, a TOML
model, and each CSV table also as an XLSX workbook), with hostile names planted in them:
markup, escape sequences, formulas, JSON and YAML ``\\u`` escapes (lone surrogates among
them) and names made only of control characters. Each run mutates one seed (lines or
tokens; a workbook's cells), writes it with a suffix, and runs one of the commands
(validate, chart, matrix, report, cascade, stats, staffing, diff, annex, import) on it in this
process. A run fails when the
command ends in anything but exit 0, 1 or 2, prints a traceback or an internal error,
takes longer than ``--hang`` seconds, or writes a file that carries a planted script
or escape sequence unescaped.
Failing inputs are kept in ``--keep`` (default ``fuzz/found``) to reproduce.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from raci.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    *sorted((ROOT / "examples").glob("*/*.yaml")),
    *sorted((ROOT / "examples").glob("*/*.md")),
    *sorted((ROOT / "tests" / "data" / "sheets").glob("*")),
]
HOSTILE = [
    "<script>alert(1)</script>",
    "\x1b]0;owned\x07",
    '=HYPERLINK("x")',
    "</style>",
    "]]>",
    "\x01\x02\x03",
    "\x7f\x9b",
    "\u202e\u2066",
]
#: Escapes a JSON, TOML or YAML double-quoted string reads as characters.
ESCAPES = ["\\u0000", "\\u0001", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u202e", "\\x1b"]
TOKENS = [
    "",
    "-",
    "A",
    "R/A",
    "~",
    "null",
    "0100",
    "1:30",
    "!!int x",
    "&a",
    "*a",
    "[",
    "{",
    "|",
    "\\N",
    "'",
    '"',
    "\t",
    "\n",
    "parent",
    "id",
    "units:",
    "raci:",
    "Level 1",
    "9" * 30,
    "9" * 5000,
    *HOSTILE,
    *ESCAPES,
    *(f'"{e}"' for e in ESCAPES),
]
#: A TOML model to mutate (tomllib reads it; no writer is needed).
TOML_SEED = """version = 1
scheme = "RACI"

[organization]
name = "Agency"

[[units]]
id = "top"
name = "Top"
head = "boss"

[[units]]
id = "ops"
parent = "top"
name = "Operations \\u00e9"
level = "division"

[[positions]]
id = "boss"
title = "Chief"
unit = "top"

[[deliverables]]
id = "plan"
name = "Plan"
raci = { A = "boss", R = ["ops"], I = ["top"] }
"""
COMMANDS = {
    ".yaml": [
        ["validate"],
        ["matrix"],
        ["matrix", "-o", "{out}.html"],
        ["chart", "-o", "{out}.dot"],
        ["chart", "-o", "{out}.svg"],
        ["chart", "-o", "{out}.drawio"],
        ["chart", "-o", "{out}.mmd"],
        ["report", "-o", "{out}.html"],
        ["cascade", "-o", "{out}.md"],
        ["stats"],
        ["diff", "{seed}"],
        ["diff", "{seed}", "--format", "markdown", "--mermaid"],
        ["staffing", "--before", "{seed}", "--fund", "-o", "{out}.md"],
        ["annex", "{seed}", "-o", "{out}.docx"],
    ],
    ".json": [
        ["validate"],
        ["matrix", "-o", "{out}.md"],
        ["chart", "-o", "{out}.graphml", "--positions"],
        ["stats", "--format", "json"],
        ["staffing", "--by", "division", "--format", "json"],
    ],
    ".toml": [
        ["validate"],
        ["matrix"],
        ["chart", "-o", "{out}.svg"],
        ["chart", "-o", "{out}.pptx"],
        ["chart", "-o", "{out}.gexf"],
        ["stats"],
    ],
    ".xlsx": [
        ["validate"],
        ["matrix", "-o", "{out}.md"],
        ["stats"],
        ["import", "-o", "{out}.yaml"],
    ],
    ".csv": [["validate"], ["matrix", "-o", "{out}.xlsx"], ["import", "-o", "{out}.yaml"]],
    ".md": [["validate"], ["matrix", "-o", "{out}.html"], ["import", "-o", "{out}.json"]],
}


def mutate(rng: random.Random, text: str) -> str:
    """One to five random edits: a token put in, a line repeated, cut or swapped, or a
    hostile name planted."""
    lines = text.splitlines() or [""]
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(lines))
        kind = rng.randrange(5)
        if kind == 0:
            at = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:at] + rng.choice(TOKENS) + lines[i][at:]
        elif kind == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif kind == 2 and len(lines) > 1:
            del lines[i]
        elif kind == 3:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i].replace(
                rng.choice(lines[i].split() or [""]) or "x", rng.choice(HOSTILE), 1
            )
    return "\n".join(lines) + "\n"


def unescaped(folder: Path) -> str:
    """The name of an output that carries a planted script or escape sequence as it is."""
    for path in folder.glob("out*"):
        if path.suffix in (".html", ".md", ".dot", ".svg", ".drawio", ".mmd", ".graphml", ".gexf"):
            data = path.read_text("utf-8", "replace")
            if "<script>alert" in data or "\x1b" in data:
                return path.name
    return ""


def seed_texts() -> list[tuple[str, str]]:
    """(suffix, text) of every seed; each YAML model also as JSON, each CSV table also as
    a workbook (its text is the CSV, written as XLSX cells), and a TOML model."""
    import raci

    texts = [(".toml", TOML_SEED)]
    for path in SEEDS:
        text = path.read_text("utf-8", "replace")
        texts.append((path.suffix, text))
        if path.suffix == ".yaml":
            with contextlib.suppress(raci.LoadError):
                texts.append((".json", raci.dumps(raci.load(path), "json")))
        if path.suffix == ".csv":
            texts.append((".xlsx", text))
    return texts


def write_input(path: Path, text: str) -> None:
    """Write a mutated seed: a workbook's CSV text as the cells of its first sheet."""
    if path.suffix != ".xlsx":
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return
    import csv
    import io

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(text)):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--hang", type=float, default=20.0, help="seconds a run may take")
    parser.add_argument("--keep", type=Path, default=ROOT / "fuzz" / "found")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    runner = CliRunner()
    counts: Counter[str] = Counter()
    failures = 0
    end = time.monotonic() + args.minutes * 60
    seeds = [(s, t) for s, t in seed_texts() if s in COMMANDS]
    print(f"fuzz: seed {seed}, {len(seeds)} seed texts, {args.minutes:g} minutes")
    while time.monotonic() < end:
        suffix, original = rng.choice(seeds)
        text = mutate(rng, original)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = folder / f"input{suffix}"
            write_input(path, text)
            seed_file = folder / f"seed{suffix}"
            write_input(seed_file, original)
            command = [
                a.format(out=folder / "out", seed=seed_file) for a in rng.choice(COMMANDS[suffix])
            ]
            start = time.monotonic()
            result = runner.invoke(cli, [command[0], str(path), *command[1:]])
            took = time.monotonic() - start
            output = result.output
            problem = ""
            if result.exit_code not in (0, 1, 2):
                problem = f"exit {result.exit_code}"
            elif result.exception is not None and not isinstance(result.exception, SystemExit):
                problem = f"{type(result.exception).__name__}: {result.exception}"
            elif "internal error" in output or "Traceback" in output:
                problem = "internal error"
            elif "\x1b" in output:
                problem = "escape sequence on the terminal"
            elif took > args.hang:
                problem = f"took {took:.0f} s"
            else:
                problem = unescaped(folder) and f"unescaped output in {unescaped(folder)}"
            counts[f"{command[0]} {suffix} exit {result.exit_code}"] += 1
            if problem:
                failures += 1
                args.keep.mkdir(parents=True, exist_ok=True)
                kept = args.keep / f"{failures:03d}{suffix}"
                shutil.copy(path, kept)
                print(f"FAIL {' '.join(command)} {kept}: {problem}")
    total = sum(counts.values())
    print(f"fuzz: {total} runs, {failures} failures")
    for name, n in sorted(counts.items()):
        print(f"  {n:6d}  {name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
