"""The least work a validator of a JSON model file can do: read it, count Accountables.

    python benchmarks/yardstick.py big.json

Plain Python with nothing but the standard library: ``json.load`` the file, then count
each deliverable's Accountables (``A``: one id or a list of them). `raci validate` is
measured against this (benchmarks/bench.py): its time and peak memory divided by these.
"""

from __future__ import annotations

import json
import sys


def accountables(path: str) -> dict[str, int]:
    """How many Accountables each deliverable of the model file names."""
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    counts = {}
    for d in model.get("deliverables") or ():
        held = (d.get("raci") or {}).get("A")
        counts[d["id"]] = len(held) if isinstance(held, list) else int(held is not None)
    return counts


def main(argv: list[str]) -> int:
    """Print how many deliverables do not have exactly one Accountable."""
    counts = accountables(argv[0])
    wrong = sum(n != 1 for n in counts.values())
    print(f"{len(counts)} deliverables, {wrong} without exactly one Accountable")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
