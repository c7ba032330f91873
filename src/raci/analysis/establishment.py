"""Each unit's own posts by grade and funding source: its establishment where the model
gives one (``posts:``), else its listed positions by their grades, with the rest of its
``headcount`` as posts of no grade.

This is the one count of posts: :func:`raci.analysis.figures.unit_posts` adds these up,
and the staffing table (:mod:`raci.analysis.staffing`) lays them out by grade.
"""

from __future__ import annotations

from collections import defaultdict

from raci.grades import tidy
from raci.model import Organization

#: The key of posts whose grade is not given.
NO_GRADE = ""
#: A post's place in an establishment: its grade (or :data:`NO_GRADE`) and its fund.
PostKey = tuple[str, str | None]


def unit_grades(org: Organization) -> dict[str, dict[PostKey, float]]:
    """The posts of each unit itself (not its children) by grade and fund, for the units
    where they are known.

    A unit's ``posts`` are its posts, listed positions included. Without ``posts``, its
    listed positions count by their grades (in the model's grade table's spelling), and a
    ``headcount`` above them adds posts of no grade.
    """
    listed: dict[str, dict[PostKey, float]] = defaultdict(dict)
    count: dict[str, int] = defaultdict(int)
    grades = org.grades
    for p in org.positions.values():
        key: PostKey = ((grades.known(p.grade) or p.grade) if p.grade else NO_GRADE, None)
        own = listed[p.unit]
        own[key] = own.get(key, 0) + 1
        count[p.unit] += 1
    out: dict[str, dict[PostKey, float]] = {}
    for uid, unit in org.units.items():
        if unit.posts is not None:
            posts: dict[PostKey, float] = {}
            for line in unit.posts:
                key = (line.grade, line.fund)
                posts[key] = tidy(posts.get(key, 0) + line.count)
            out[uid] = posts
            continue
        if unit.headcount is None and uid not in listed:
            continue
        posts = dict(listed.get(uid, {}))
        extra = (unit.headcount or 0) - count[uid]
        if extra > 0:
            posts[(NO_GRADE, None)] = posts.get((NO_GRADE, None), 0) + extra
        out[uid] = posts
    return out
