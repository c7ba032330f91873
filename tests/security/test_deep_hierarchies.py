"""A hierarchy thousands of levels deep is read and checked in linear time, right."""

from __future__ import annotations

import json
from pathlib import Path

import raci

DEPTH = 10_000


def chain(tmp_path: Path) -> raci.Organization:
    units = [{"id": "u0"}] + [{"id": f"u{i}", "parent": f"u{i - 1}"} for i in range(1, DEPTH)]
    positions = [{"id": "p-deep", "unit": f"u{DEPTH - 1}"}, {"id": "p-mid", "unit": "u5000"}]
    deliverables = [
        {"id": "down", "raci": {"A": "u0", "R": [f"u{DEPTH - 1}", "p-deep"], "C": "u1"}},
        {"id": "up", "raci": {"A": f"u{DEPTH - 1}", "R": ["u3", "p-mid"], "C": "u1"}},
    ]
    path = tmp_path / "chain.json"
    path.write_text(
        json.dumps({"units": units, "positions": positions, "deliverables": deliverables})
    )
    return raci.load(path)


def test_chain_checks_across_ten_thousand_levels(tmp_path: Path) -> None:
    org = chain(tmp_path)
    found = {(f.rule, f.subject) for f in raci.validate(org) if f.rule != "idle-unit"}
    # `up`: the Accountable sits at the bottom, below both Responsible parties.
    assert ("accountable-outside-chain", "up") in found
    assert ("accountable-outside-chain", "down") not in found
    # `up`: u3 is Responsible and the post p-mid (deep inside u3) is too: cascaded.
    assert ("not-cascaded", "up") not in found
    # `down`: the deepest unit is Responsible and its own post too.
    assert ("not-cascaded", "down") not in found
