"""The rule ``level-norms`` (off by default): each level's smallest size and its head's
grade, as an organization's nomenclature sets them.

It starts from the norms that summaries of the UN Secretariat's organizational
nomenclature give (docs/rules.md says where they come from and how far they are checked).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from raci.findings import Alternatives, Field, Finding, Severity, nsay, number, say
from raci.model import Organization
from raci.rules._util import a_level_word, level_word
from raci.rules.registry import Context, rule

#: A level's norm: ``min_professional`` (professional posts in the unit and below it),
#: ``min_posts`` (all posts there) and ``head`` (the grades its head may have).
Norm = Mapping[str, Any]
#: The UN Secretariat's norms by level name.
UN_NORMS: dict[str, Norm] = {
    "office": {"min_professional": 20, "head": ["USG", "ASG", "D-2"]},
    "division": {"min_professional": 15, "head": ["D-2"]},
    "service": {"min_professional": 8, "head": ["D-1"]},
    "branch": {"min_professional": 8, "head": ["D-1"]},
    "section": {"min_professional": 4, "head": ["P-5", "P-4"]},
    "unit": {"min_posts": 4},
}
_KEYS = ("min_professional", "min_posts", "head")


def _level_norm(org: Organization, key: Any, value: Any) -> str | None:
    """A level's norm given by the file: ``{min_professional: N, min_posts: N, head: [...]}``."""
    names = org.levels.names
    if not isinstance(key, str) or (org.levels.ranks and key not in names and key not in UN_NORMS):
        return f"`{key}` is not a level of the model ({', '.join(names)})"
    if not isinstance(value, dict) or set(value) - set(_KEYS):
        return f"`{key}` must map to {{{', '.join(_KEYS)}}} (got {value!r})"
    for name in ("min_professional", "min_posts"):
        n = value.get(name)
        if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
            return f"`{name}` of `{key}` must be a whole number (got {n!r})"
    head = value.get("head")
    if head is not None and not (
        isinstance(head, str) or (isinstance(head, list) and all(isinstance(g, str) for g in head))
    ):
        return f"`head` of `{key}` must be a grade or a list of grades (got {head!r})"
    return None


@rule(
    "level-norms",
    "S103",
    Severity.WARNING,
    "A unit is smaller than its level's norm, or its head's grade is not the norm's (off by"
    " default; it starts from the UN Secretariat's norms, which a file may change per"
    " level).",
    extra=_level_norm,
    example="""
        organization:
          levels: [office, division, section]
        units:
          - id: office
            level: office
            units:
              - id: gsd
                level: division
                head: director
                posts: {P-5: 1, P-4: 3, GS: 4}
        positions:
          - {id: director, unit: gsd, grade: P-5}
        rules:
          level-norms: on
    """,
    fix=(
        "Give the unit the posts its level needs, or a level that fits its size; or set the"
        " level's norm under `rules: level-norms:`."
    ),
    on_by_default=False,
)
def level_norms(ctx: Context) -> Iterator[Finding]:
    org = ctx.org
    norms = {k.casefold(): v for k, v in UN_NORMS.items()}
    norms.update({str(k).casefold(): v for k, v in ctx.options.items()})
    professional, total = _subtree_posts(org)
    for uid, unit in org.units.items():
        norm = norms.get((unit.level or "").casefold())
        if norm is None or uid not in total:
            continue
        level = unit.level or ""
        fields: dict[str, Field] = {
            "level": level_word(level),
            "id": uid,
            "a_level": a_level_word(level, _a(level)),
        }
        least = norm.get("min_professional")
        if least is not None and professional[uid] < least:
            yield ctx.finding(
                uid,
                nsay(
                    "{level} `{id}` has {n} professional post; the norm for {a_level} is at"
                    " least {least}",
                    "{level} `{id}` has {n} professional posts; the norm for {a_level} is at"
                    " least {least}",
                    professional[uid],
                    **fields,
                    least=least,
                ).with_fields(n=number(professional[uid])),
                unit.where("posts"),
                say(
                    "Give `{id}` the professional posts of {a_level}, or a level that fits"
                    " its size.",
                    **fields,
                ),
            )
        least = norm.get("min_posts")
        if least is not None and total[uid] < least:
            yield ctx.finding(
                uid,
                nsay(
                    "{level} `{id}` has {n} post; the norm for {a_level} is at least {least}",
                    "{level} `{id}` has {n} posts; the norm for {a_level} is at least {least}",
                    total[uid],
                    **fields,
                    least=least,
                ).with_fields(n=number(total[uid])),
                unit.where("posts"),
                say("Give `{id}` the posts of {a_level}, or a level that fits its size.", **fields),
            )
        heads = norm.get("head")
        grade = _head_grade(org, uid)
        if heads and grade is not None:
            allowed = [
                org.grades.known(g) or g for g in ([heads] if isinstance(heads, str) else heads)
            ]
            if grade not in allowed:
                yield ctx.finding(
                    uid,
                    say(
                        "{level} `{id}` is headed at {grade}; the norm for {a_level} is a head"
                        " at {allowed}",
                        **fields,
                        grade=grade,
                        allowed=Alternatives(tuple(allowed)),
                    ),
                    unit.where("head"),
                    say(
                        "Grade the head of `{id}` as the norm says, or give the unit the level"
                        " its head's grade fits.",
                        **fields,
                    ),
                )


def _subtree_posts(org: Organization) -> tuple[dict[str, float], dict[str, float]]:
    """The professional posts and all posts of each unit and the units below it, for the
    units where posts are known."""
    # The analysis package is imported only by this rule, which is off by default: the
    # start of every `raci validate` need not wait for it.
    from raci.analysis.establishment import unit_grades

    grades = org.grades
    own = unit_grades(org)
    professional: dict[str, float] = {}
    total: dict[str, float] = {}
    order = [u for top in org.roots for u in org.subtree(top)]
    for uid in reversed(order):
        posts = own.get(uid, {})
        pro = sum(n for (g, _), n in posts.items() if g and grades.is_professional(g))
        all_posts = sum(posts.values())
        known = uid in own
        for child in org.children(uid):
            if child in total:
                known = True
                pro += professional[child]
                all_posts += total[child]
        if known:
            professional[uid], total[uid] = pro, all_posts
    return professional, total


def _head_grade(org: Organization, uid: str) -> str | None:
    """The grade of a unit's head: its ``head`` position's, else the top grade of its own
    posts; None when neither is known."""
    unit = org.units[uid]
    head = org.positions.get(unit.head) if unit.head else None
    if head is not None and head.grade:
        return org.grades.known(head.grade) or head.grade
    graded = org.grades.sort(line.grade for line in unit.posts or () if line.count)
    return graded[0] if graded else None


def _a(word: str) -> str:
    """``a division``, ``an office``."""
    return f"{'an' if word[:1].casefold() in 'aeio' else 'a'} {word}"
