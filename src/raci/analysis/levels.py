"""The level a command rolls units up to (``raci matrix --level``, ``raci staffing
--by``): its rank, checked against the levels the units are at."""

from __future__ import annotations

from raci.exceptions import QueryError
from raci.lookup import did_you_mean
from raci.model import Organization


def level_rank(org: Organization, level: str) -> int:
    """The rank of ``level``; QueryError unless some unit is at a level of that rank."""
    in_use = list(dict.fromkeys(u.level for u in org.units.values() if u.level is not None))
    in_use.sort(key=lambda n: (org.levels.rank(n) is None, org.levels.rank(n) or 0))
    present = (
        f"the levels in use are {', '.join(in_use)}"
        if in_use
        else "no unit has a level (give units a `level` to roll them up)"
    )
    rank = org.levels.rank(level)
    if rank is None:
        hint = did_you_mean(level, [*in_use, *org.levels.names])
        msg = f"unknown level {level!r}; {present}" + (f"; {hint}" if hint else "")
        raise QueryError(msg)
    if not any(org.levels.rank(n) == rank for n in in_use):
        msg = f"no unit is at level {level!r}; {present}"
        raise QueryError(msg)
    return rank
