"""Run one measured command in this process and write its peak memory: the child side of
benchmarks/bench.py, which times it from outside.

    python benchmarks/child.py PEAK_FILE yardstick MODEL.json
    python benchmarks/child.py PEAK_FILE raci validate MODEL.json --format json

Nothing is imported before the command runs, so the yardstick's figures are its own.
"""

from __future__ import annotations

import json
import math
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process.

    On Linux this is ``VmHWM``: ``ru_maxrss`` would also count the parent's peak,
    which a child inherits across fork and exec.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        try:
            import resource
        except ImportError:  # Windows
            return math.nan
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss / MB if sys.platform == "darwin" else rss / 1024
    kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kb) / 1024


def main(argv: list[str]) -> int:
    """Run ``yardstick FILE`` or ``raci ARGS...``; write the peak to ``argv[0]``."""
    peak_file, what, *args = argv
    try:
        if what == "yardstick":
            sys.argv = [str(HERE / "yardstick.py"), *args]
            runpy.run_path(sys.argv[0], run_name="__main__")
        else:
            from raci.cli import main as raci

            raci(args)
    except SystemExit:
        pass
    finally:
        Path(peak_file).write_text(json.dumps(peak_rss_mb()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
