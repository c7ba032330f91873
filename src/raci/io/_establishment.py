"""Read a model's grade table (``grades:``) and a unit's establishment (``posts:``)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from raci.findings import SourceLocation
from raci.grades import UN, Grades, PostLine, grade_key
from raci.io._values import kind_of, written
from raci.io.fields import POST

if TYPE_CHECKING:
    from raci.io._build import _Builder

#: The most posts one line of an establishment may give (a larger count is a typo).
MOST_POSTS = 100_000


def read_grades(b: _Builder, value: object, where: SourceLocation) -> Grades:
    """A ``grades:`` mapping, category to its grades top first; the UN table when absent."""
    if value is None:
        return UN
    obj = b.mapping(value, "`grades`", where)
    if obj is None:
        return UN
    categories: list[tuple[str, tuple[str, ...]]] = []
    seen: dict[str, str] = {}
    for category, grades in obj.items():
        here = b.marks.value(obj, category, where)
        if not isinstance(category, str) or not category.strip():
            b.problem(here, f"a category in `grades` must be a name (got {category!r})")
            continue
        items = grades if isinstance(grades, list) else [grades]
        names: list[str] = []
        for i, grade in enumerate(items):
            loc = b.marks.item(grades, i, here) if isinstance(grades, list) else here
            if isinstance(grade, bool) or not isinstance(grade, (str, int)):
                b.problem(loc, f"a grade must be a name (got {kind_of(grade)})")
                continue
            name = written(grade).strip()
            key = grade_key(name)
            if not name:
                b.problem(loc, "a grade must not be empty")
            elif key in seen:
                b.problem(loc, f"grade `{name}` is listed twice (also under `{seen[key]}`)")
            else:
                seen[key] = category
                names.append(name)
        if names:
            categories.append((category.strip(), tuple(names)))
    if not categories:
        b.problem(where, "`grades` must list at least one category and its grades")
        return UN
    return Grades(tuple(categories))


def read_posts(
    b: _Builder, value: object, where: SourceLocation, grades: Grades
) -> tuple[PostLine, ...] | None:
    """A unit's ``posts``: ``{grade: count}``, or a list of ``{grade, count, fund}``."""
    if value is None:
        return None
    lines: list[PostLine] = []
    first: dict[tuple[str, str | None], SourceLocation] = {}
    if isinstance(value, dict):
        entries = [
            (grade, count, None, b.marks.value(value, grade, where))
            for grade, count in value.items()
        ]
    elif isinstance(value, list):
        entries = []
        for i, item in enumerate(value):
            here = b.marks.item(value, i, where)
            entry = _entry(b, item, here)
            if entry is not None:
                entries.append((*entry, here))
    else:
        b.problem(
            where,
            "`posts` must be a {grade: count} mapping or a list of {grade, count, fund}"
            f" (got {kind_of(value)})",
        )
        return None
    for grade, count, fund, here in entries:
        line = _line(b, grade, count, fund, here, grades)
        if line is None:
            continue
        key = (line.grade, line.fund)
        if key in first:
            also = f", fund `{line.fund}`" if line.fund else ""
            b.problem(
                here,
                f"posts of grade `{line.grade}`{also} are given twice (first at line"
                f" {first[key].line}); give each grade once, with its whole count",
            )
            continue
        first[key] = here
        lines.append(line)
    return tuple(lines)


def _entry(b: _Builder, item: object, here: SourceLocation) -> tuple[Any, Any, Any] | None:
    """The grade, count and fund of one item of a ``posts`` list."""
    obj = b.mapping(item, "an item of `posts`", here)
    if obj is None:
        return None
    here = b.marks.node(obj, here)
    b.check_keys(obj, POST, here)
    if "grade" not in obj:
        b.problem(here, "an item of `posts` needs a `grade`")
        return None
    fund = b.read(obj, POST, "fund", here)
    return obj["grade"], obj.get("count", 1), fund or None


def _line(
    b: _Builder, grade: object, count: object, fund: str | None, here: SourceLocation, table: Grades
) -> PostLine | None:
    """One line of an establishment, or None (noted) when its grade or count is wrong."""
    if isinstance(grade, bool) or not isinstance(grade, (str, int)) or not str(grade).strip():
        b.problem(here, f"a grade in `posts` must be a name such as `P-4` (got {grade!r})")
        return None
    name = written(grade).strip()
    if (
        isinstance(count, bool)
        or not isinstance(count, (int, float))
        or not math.isfinite(count)
        or count < 0
    ):
        b.problem(here, f"the count of `{name}` posts must be a number, 0 or more (got {count!r})")
        return None
    if count > MOST_POSTS:
        b.problem(
            here, f"the count of `{name}` posts is {count:,}; expected at most {MOST_POSTS:,}"
        )
        return None
    whole = float(count).is_integer()
    return PostLine(table.known(name) or name, int(count) if whole else float(count), fund, here)
