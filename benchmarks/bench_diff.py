"""Time `raci diff` on two 10,000-unit models, the second restructured by a few hundred changes.

Run: python benchmarks/bench_diff.py [--units N] [--deliverables N] [--format json|yaml]
     [--out DIR]
Budget: the whole command (both loads, the diff, the text report) under 10 s.

The second model is the first with units renamed (``formerly``), merged, split, moved,
relevelled and abolished, posts moved, deliverables added and removed, and Accountables
changed; deliverables keep naming the old ids of renamed units, so their roles carry over.
"""

from __future__ import annotations

import argparse
import copy
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from generate import generate, write

import raci
from raci.cli import cli

BUDGET = 10.0


def _index(units: list[dict[str, Any]]) -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each unit id -> (the unit, the list it sits in)."""
    found: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    todo = [units]
    while todo:
        siblings = todo.pop()
        for u in siblings:
            found[u["id"]] = (u, siblings)
            if u.get("units"):
                todo.append(u["units"])
    return found


def restructure(model: dict[str, Any], seed: int = 1) -> tuple[dict[str, Any], int]:
    """A copy of ``model`` with a few hundred changes, and how many were made."""
    rng = random.Random(seed)
    new = copy.deepcopy(model)
    units = _index(new["units"])
    leaves = [uid for uid, (u, _) in units.items() if not u.get("units") and u["level"] == "unit"]
    rng.shuffle(leaves)
    posts_by_unit: dict[str, list[dict[str, Any]]] = {}
    for p in new["positions"]:
        posts_by_unit.setdefault(p["unit"], []).append(p)
    made = 0

    def rehome(old: str, to: str) -> None:
        for p in posts_by_unit.get(old, []):
            p["unit"] = to

    sections = [uid for uid, (u, _) in units.items() if u["level"] == "section"]
    for uid in [leaves.pop() for _ in range(100)]:  # renamed: new id, new name
        u, _ = units[uid]
        u["id"], u["formerly"], u["name"] = f"{uid}-r", [uid], f"Renamed {uid}"
        rehome(uid, u["id"])
        made += 1
    for uid in [leaves.pop() for _ in range(60)]:  # moved under another section
        u, siblings = units[uid]
        siblings.remove(u)
        units[rng.choice(sections)][0].setdefault("units", []).append(u)
        made += 1
    for uid in [leaves.pop() for _ in range(40)]:  # relevelled
        units[uid][0]["level"] = "section"
        made += 1
    for uid in [leaves.pop() for _ in range(50)]:  # abolished, with their posts
        u, siblings = units[uid]
        siblings.remove(u)
        for p in posts_by_unit.get(uid, []):
            new["positions"].remove(p)
        made += 1
    for _ in range(25):  # two units merged into a new one
        a, b = leaves.pop(), leaves.pop()
        ua, siblings = units[a]
        ub, other = units[b]
        other.remove(ub)
        ua.update(id=f"{a}-m", formerly=[a, b], name=f"Merged {a} and {b}")
        rehome(a, ua["id"])
        rehome(b, ua["id"])
        made += 1
    for _ in range(25):  # one unit split in two
        uid = leaves.pop()
        u, siblings = units[uid]
        u.update(id=f"{uid}-a", formerly=[uid], name=f"{uid} part A")
        siblings.append(
            {"id": f"{uid}-b", "name": f"{uid} part B", "level": "unit", "formerly": [uid]}
        )
        rehome(uid, u["id"])
        made += 1
    live = {u["id"] for u, _ in _index(new["units"]).values()}
    for p in rng.sample(new["positions"], 100):  # posts moved
        p["unit"] = rng.choice(sorted(live))
        made += 1
    items = new["deliverables"]
    for d in rng.sample(items, 50):  # removed
        items.remove(d)
        made += 1
    for i in range(50):  # added
        items.append({"id": f"new-{i}", "raci": {"A": "oed", "R": "oed"}})
        made += 1
    for d in rng.sample(items[:-50], 100):  # a new Accountable
        d["raci"]["A"] = "oed"
        made += 1
    return new, made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--deliverables", type=int, default=12_500)
    parser.add_argument("--format", choices=["json", "yaml"], default="json")
    parser.add_argument("--out", type=Path, help="keep the two model files in this folder")
    args = parser.parse_args()
    model = generate(units=args.units, deliverables=args.deliverables, seed=0)
    changed, made = restructure(model)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        old, new = folder / f"before.{args.format}", folder / f"after.{args.format}"
        write(model, old)
        write(changed, new)
        print(
            f"{args.units:,} units, {len(model['positions']):,} posts,"
            f" {args.deliverables:,} deliverables; {made} changes"
        )
        start = time.perf_counter()
        result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
        seconds = time.perf_counter() - start
        if result.exit_code != 0:
            print(result.output)
            raise SystemExit(1)
        a, b = raci.load(old), raci.load(new)
        start = time.perf_counter()
        change = raci.diff(a, b)
        alone = time.perf_counter() - start
    summary = ", ".join(f"{n} {k}" for k, n in change.counts().items() if n)
    ok = seconds < BUDGET
    print(f"raci diff (load both, compare, report): {seconds:.2f} s{' ok' if ok else ' TOO SLOW'}")
    print(f"raci.diff alone: {alone:.2f} s")
    print(summary)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
