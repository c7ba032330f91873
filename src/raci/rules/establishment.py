"""Rules about establishments: grades the grade table knows, posts that cover the listed
positions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from raci.findings import Finding, Said, Severity, nsay, say
from raci.grades import UN, by_grade, tidy
from raci.lookup import Suggestions
from raci.rules.registry import Context, rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING


#: The hint of `unknown-grade`.
_USE = say("Use a grade of the table, or list the model's grades under `{key}`.", key="grades:")


def _mean(grade: str, known: Iterable[str]) -> Said | str:
    """'; did you mean `x`?' for the grade closest to ``grade``, or ''."""
    closest = Suggestions(known).closest(grade)
    return say("; did you mean `{id}`?", id=closest) if closest else ""


@rule(
    "unknown-grade",
    "S101",
    ERROR,
    "A unit's `posts` (or, in a model with establishments, a position) names a grade that"
    " the grade table does not have.",
    example="""
        units:
          - id: agency
            posts: {D-2: 1, P-6: 2, GS: 3}
    """,
    fix=(
        "Use a grade of the table (the UN common system's: USG, ASG, D-2 ... P-1, NO-E ..."
        " NO-A, FS-7 ... FS-1, GS-PL, GS-OL, GS-7 ... GS-1, GS, LL), or list the model's"
        " own grades under `grades:`."
    ),
)
def unknown_grade(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    grades = org.grades
    known = grades.order
    for unit in org.units.values():
        for line in unit.posts or ():
            if grades.known(line.grade) is None:
                yield ctx.finding(
                    unit.id,
                    say(
                        "unit `{id}` has posts of grade `{grade}`, which the grade table does"
                        " not have{mean}",
                        id=unit.id,
                        grade=line.grade,
                        mean=_mean(line.grade, known),
                    ),
                    line.location,
                    _USE,
                )
    if grades == UN and all(u.posts is None for u in org.units.values()):
        return
    for post in org.positions.values():
        if post.grade and grades.known(post.grade) is None:
            yield ctx.finding(
                post.id,
                say(
                    "position `{id}` has grade `{grade}`, which the grade table does not"
                    " have{mean}",
                    id=post.id,
                    grade=post.grade,
                    mean=_mean(post.grade, known),
                ),
                post.location,
                _USE,
            )


@rule(
    "positions-exceed-posts",
    "S102",
    WARNING,
    "A unit lists more positions of a grade than its `posts` give it.",
    example="""
        units:
          - id: agency
            posts: {D-2: 1, P-4: 1}
        positions:
          - {id: chief, unit: agency, grade: D-2}
          - {id: officer-1, unit: agency, grade: P-4}
          - {id: officer-2, unit: agency, grade: P-4}
    """,
    fix="Add the posts to the unit's `posts`, or correct the positions' grades.",
)
def positions_exceed_posts(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    listed: dict[str, Counter[str]] = {}
    for post in org.positions.values():
        unit = org.units.get(post.unit)
        if unit is not None and unit.posts is not None:
            grade = (org.grades.known(post.grade) or post.grade) if post.grade else ""
            listed.setdefault(unit.id, Counter())[grade] += 1
    for uid, counts in listed.items():
        unit = org.units[uid]
        posts = by_grade(unit.posts or ())
        over = [(g, n) for g, n in counts.items() if g and n > posts.get(g, 0)]
        for grade, n in over:
            yield ctx.finding(
                uid,
                nsay(
                    "unit `{id}` lists {n} position of grade `{grade}`; expected at most"
                    " {most}, the `{grade}` posts in its `{key}`",
                    "unit `{id}` lists {n} positions of grade `{grade}`; expected at most"
                    " {most}, the `{grade}` posts in its `{key}`",
                    n,
                    id=uid,
                    grade=grade,
                    most=tidy(posts.get(grade, 0)),
                    key="posts",
                ),
                unit.where("posts"),
                say(
                    "Add `{grade}` posts to the unit's `{key}`, or correct the positions' grades.",
                    grade=grade,
                    key="posts",
                ),
            )
        total, have = sum(counts.values()), tidy(sum(posts.values()))
        if not over and total > have:
            yield ctx.finding(
                uid,
                nsay(
                    "unit `{id}` lists {n} position; expected at most {most}, the posts in"
                    " its `{key}`",
                    "unit `{id}` lists {n} positions; expected at most {most}, the posts in"
                    " its `{key}`",
                    total,
                    id=uid,
                    most=have,
                    key="posts",
                ),
                unit.where("posts"),
                say("Add the missing posts to the unit's `{key}`.", key="posts"),
            )
