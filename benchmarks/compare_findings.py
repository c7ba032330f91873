"""Check that `raci validate` still gives the same findings as a saved run.

    python benchmarks/compare_findings.py save DIR FILE...    # before a change
    python benchmarks/compare_findings.py check DIR FILE...   # after it: exit 1 on any difference

Each FILE's `raci validate FILE --format json` output is saved as, or compared with,
``DIR/<name>.json`` (the path with `/` as `_`): the same findings in the same order, with
the same lines, columns, messages and hints.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def findings_of(path: str) -> dict[str, Any]:
    """The JSON `raci validate` prints for one file."""
    done = subprocess.run(
        [sys.executable, "-m", "raci", "validate", path, "--format", "json"],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _saved(folder: Path, path: str) -> Path:
    return folder / (path.replace("/", "_").lstrip("_") + ".json")


def _first_difference(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    for i, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return f"finding {i}: was {a}, now {b}"
    return f"{len(old)} findings before, {len(new)} now"


def main(argv: list[str]) -> int:
    """Save or check the findings of each file; 1 when any file differs."""
    if len(argv) < 3 or argv[0] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    action, folder, files = argv[0], Path(argv[1]), argv[2:]
    folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    for path in files:
        found = findings_of(path)
        saved = _saved(folder, path)
        if action == "save":
            saved.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
            print(f"{path}: saved {len(found['files'][0]['findings'])} findings")
            continue
        before = json.loads(saved.read_text())
        if before == found:
            print(f"{path}: same {len(found['files'][0]['findings'])} findings")
            continue
        differ += 1
        old, new = before["files"][0]["findings"], found["files"][0]["findings"]
        print(f"{path}: DIFFERENT; {_first_difference(old, new)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
