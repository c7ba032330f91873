"""Time the matrix renderers on a large organization (2,000 deliverables x 300 parties).

Run: python benchmarks/bench_matrix.py [--deliverables N] [--parties N] [--chain N] [--out DIR]
Budgets: HTML well under 20 s, XLSX under 30 s; a 10,000-deep chain of units under 5 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import raci
from raci import Assignment, Deliverable, External, Group, Names, Organization, Position, Unit
from raci.render.matrix.writer import render_matrix

BUDGETS = {"html": 20.0, "xlsx": 30.0}
CHAIN_BUDGET = 5.0


def big_organization(deliverables: int, parties: int, seed: int = 1) -> Organization:
    """A root, divisions, branches and sections with posts, external parties, and
    deliverables in 40 groups with about eight roles each."""
    rng = random.Random(seed)
    units: dict[str, Unit] = {"root": Unit("root", Names.plain("Organization"), "organization")}
    levels = ["division", "branch", "section"]
    n_units = parties // 2
    for i in range(1, n_units):
        parent = rng.choice(list(units)[: max(1, i // 3)])
        depth = 0 if parent == "root" else levels.index(units[parent].level or "division") + 1
        level = levels[min(depth, 2)]
        units[f"u{i}"] = Unit(f"u{i}", Names.plain(f"{level.title()} {i} 单位"), level, parent)
    positions = {
        f"p{i}": Position(f"p{i}", Names.plain(f"Officer {i}"), rng.choice(list(units)))
        for i in range(parties * 2 // 5)
    }
    n_external = parties - len(units) - len(positions)
    external = {f"x{i}": External(f"x{i}", Names.plain(f"Partner {i}")) for i in range(n_external)}
    everyone = [*units, *positions, *external]
    groups = {f"g{i}": Group(f"g{i}", Names.plain(f"Group {i}")) for i in range(40)}
    items: dict[str, Deliverable] = {}
    for i in range(deliverables):
        did = f"d{i}"
        picked = rng.sample(everyone, 8)
        roles = ["A", "R", "R", "C", "C", "I", "I", "I"]
        assignments = tuple(Assignment(did, r, p) for r, p in zip(roles, picked, strict=True))
        items[did] = Deliverable(
            did, Names.plain(f"Deliverable {i}"), f"g{i % 40}", assignments=assignments
        )
    return Organization(
        names=Names.plain("Benchmark"),
        units=units,
        positions=positions,
        external=external,
        groups=groups,
        deliverables=items,
    )


def deep_chain(depth: int) -> Organization:
    """Units one under the other, ``depth`` deep, every hundredth a division, with roles
    at the top, the middle and the bottom."""
    units = {"u0": Unit("u0", Names.plain("Top"), "organization")}
    for i in range(1, depth):
        level = "division" if i % 100 == 0 else None
        units[f"u{i}"] = Unit(f"u{i}", Names.plain(f"Unit {i}"), level, f"u{i - 1}")
    roles = (("A", "u0"), ("C", f"u{depth // 2}"), ("R", f"u{depth - 1}"))
    work = Deliverable(
        "d", Names.plain("Deep work"), assignments=tuple(Assignment("d", r, p) for r, p in roles)
    )
    return Organization(names=Names.plain("Chain"), units=units, deliverables={"d": work})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliverables", type=int, default=2000)
    parser.add_argument("--parties", type=int, default=300)
    parser.add_argument("--chain", type=int, default=10_000, help="depth of the deep chain")
    parser.add_argument("--out", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args()
    chain = deep_chain(args.chain)
    start = time.perf_counter()
    for level in (None, "division"):
        render_matrix(chain, format="txt", level=level, width=0)
    seconds = time.perf_counter() - start
    chain_ok = seconds < CHAIN_BUDGET
    print(f"{args.chain}-deep chain, twice: {seconds:6.2f} s{' ok' if chain_ok else ' TOO SLOW'}")
    org = big_organization(args.deliverables, args.parties)
    print(f"{len(org.deliverables)} deliverables x {len(org.parties)} parties")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        failed = not chain_ok
        for fmt in ("txt", "md", "csv", "html", "xlsx", "tex"):
            path = folder / f"matrix.{fmt}"
            start = time.perf_counter()
            render_matrix(org, path)
            seconds = time.perf_counter() - start
            budget = BUDGETS.get(fmt)
            verdict = "" if budget is None else (" ok" if seconds < budget else " TOO SLOW")
            failed |= verdict == " TOO SLOW"
            size = path.stat().st_size / 1e6
            print(f"{fmt:>5}: {seconds:6.2f} s  {size:6.1f} MB{verdict}")
        for fmt in ("csv", "xlsx", "md"):
            start = time.perf_counter()
            back = raci.load(folder / f"matrix.{fmt}", org=org)
            seconds = time.perf_counter() - start
            same = sorted(map(_key, back.assignments())) == sorted(map(_key, org.assignments()))
            failed |= not same
            print(f"read {fmt:>4}: {seconds:6.2f} s  {'same assignments' if same else 'DIFFERENT'}")
    raise SystemExit(1 if failed else 0)


def _key(a: Assignment) -> tuple[str, str, str]:
    return (a.deliverable, a.role, a.party)


if __name__ == "__main__":
    main()
