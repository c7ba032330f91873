"""Rules about establishments: grades the grade table knows, posts that cover the listed
positions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from raci._text import counted
from raci.findings import Finding, Severity
from raci.grades import UN, by_grade, tidy
from raci.lookup import as_clause, did_you_mean
from raci.rules.registry import Context, rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING


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
                    f"unit `{unit.id}` has posts of grade `{line.grade}`, which the grade table"
                    " does not have" + as_clause(did_you_mean(line.grade, known)),
                    line.location,
                    "Use a grade of the table, or list the model's grades under `grades:`.",
                )
    if grades == UN and all(u.posts is None for u in org.units.values()):
        return
    for post in org.positions.values():
        if post.grade and grades.known(post.grade) is None:
            yield ctx.finding(
                post.id,
                f"position `{post.id}` has grade `{post.grade}`, which the grade table does"
                " not have" + as_clause(did_you_mean(post.grade, known)),
                post.location,
                "Use a grade of the table, or list the model's grades under `grades:`.",
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
                f"unit `{uid}` lists {counted(n, 'position')} of grade `{grade}`; expected at"
                f" most {tidy(posts.get(grade, 0))}, the `{grade}` posts in its `posts`",
                unit.where("posts"),
                f"Add `{grade}` posts to the unit's `posts`, or correct the positions' grades.",
            )
        total, have = sum(counts.values()), tidy(sum(posts.values()))
        if not over and total > have:
            yield ctx.finding(
                uid,
                f"unit `{uid}` lists {counted(total, 'position')}; expected at most {have}, the"
                " posts in its `posts`",
                unit.where("posts"),
                "Add the missing posts to the unit's `posts`.",
            )
