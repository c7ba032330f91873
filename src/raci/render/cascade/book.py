"""Per-post responsibility sheets ready to render: what each post holds directly and
through its units, in one language.

:func:`build_book` turns the cascade (:mod:`raci.analysis.cascade`) into a :class:`Book`
of :class:`Sheet` objects (:func:`choose_posts` then :func:`make_book`, for a caller that
checks the size first). A unit's inherited lines are built once and shared by every post
in it; a reporting line or unit path thousands long shows its nearest few and its top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from raci import progress
from raci._walks import Upward, nearest
from raci.analysis.cascade import Cascade, Held
from raci.lookup import Lookup
from raci.model import Organization
from raci.render.palette import legend
from raci.schemes import Scheme
from raci.words import Words, words_for

__all__ = ["WRITING", "Book", "Line", "Sheet", "build_book", "choose_posts", "make_book"]

#: What the formats say as they write the sheets, reporting how far they are.
WRITING = "writing the cascade sheets"


@attrs.frozen
class Line:
    """One deliverable on a sheet, with the roles held on it through one source."""

    #: The deliverable's place in sheet order (group, then file order).
    order: int
    group: str
    group_label: str
    deliverable: str
    name: str
    roles: tuple[str, ...]
    #: The unit the roles come through; '' for roles the post holds itself.
    via: str
    via_name: str
    due: str

    @property
    def letters(self) -> str:
        """The roles as people write them: ``A/R``."""
        return "/".join(self.roles)


@attrs.frozen
class Sheet:
    """One post's sheet."""

    post: str
    title: str
    holder: str | None
    vacant: bool
    grade: str
    unit: str
    #: Names of the units from the top down to the post's own; a long path keeps the top,
    #: :data:`ELLIPSIS` and the nearest few.
    unit_path: tuple[str, ...]
    #: Titles of the posts above, nearest first; a long line keeps the nearest few, then
    #: :data:`ELLIPSIS` and the top post.
    reports: tuple[str, ...]
    #: The unit's division (the child of the top unit it sits under), for XLSX sheets.
    division: str
    division_name: str
    direct: tuple[Line, ...]
    inherited: tuple[Line, ...]

    def holder_text(self, language: str | None) -> str:
        """The holder's name, "vacant" (with the name, if given), or "not named"."""
        words = words_for(language)
        if self.vacant:
            # Translators: in place of a post's holder.
            vacant = words.gettext("vacant")
            return words.aside(vacant, self.holder) if self.holder else vacant
        return self.holder or words.gettext("not named")


@attrs.frozen
class Book:
    """Every sheet of one organization in one language."""

    title: str
    language: str
    #: The scheme whose roles the sheets colour and name.
    scheme: Scheme
    sheets: tuple[Sheet, ...]

    @property
    def words(self) -> Words:
        """The fixed words of the book's language."""
        return words_for(self.language)

    @property
    def legend(self) -> tuple[tuple[str, str], ...]:
        """(letter, role name) for every role of the scheme, in the book's language."""
        return tuple((row.letter, row.name) for row in legend(self.scheme, self.language))

    @property
    def heading(self) -> str:
        """The title of the whole book."""
        heading = self.words.ngettext(
            "Responsibility sheet: {title}", "Responsibility sheets: {title}", len(self.sheets)
        )
        return heading.format(title=self.title)

    @property
    def running(self) -> str:
        """What the document is, in its running header."""
        return self.words.gettext("Responsibility sheets")

    @property
    def roles_caption(self) -> str:
        """What precedes the legend of the roles: 'Roles:'."""
        return self.words.gettext("Roles") + self.words.colon().rstrip()

    def table_head(self, inherited: bool) -> list[str]:
        """The headings of a table of lines (without its group's): deliverable, role, the
        unit the roles come ``through`` when ``inherited``, due date."""
        words = self.words
        head = [words.gettext("Deliverable"), words.gettext("Role")]
        if inherited:
            # Translators: the unit through which a post holds a role.
            head.append(words.gettext("Through"))
        return [*head, words.gettext("Due")]

    @property
    def nothing(self) -> str:
        """What a sheet says for a post that holds nothing directly."""
        return self.words.gettext("Nothing.")

    @property
    def nothing_inherited(self) -> str:
        """What a sheet says for a post whose units hold nothing."""
        return self.words.gettext("Nothing comes through its units.")

    def part_titles(self) -> tuple[str, str]:
        """The headings of the two parts of a sheet: held directly, and through its units."""
        words = self.words
        return words.gettext("Held directly"), words.gettext("Through its unit and the units above")

    def characters(self) -> int:
        """About how many characters the sheets take written out, markup aside: every
        name and id they show, as HTML escapes it (the most any writer makes of it), and
        a post's own (id, title, holder, unit) again on each of its lines, as CSV and XLSX
        repeat them on every row. Each unit's lines are counted once."""
        counted: dict[int, int] = {}

        def lines_size(lines: tuple[Line, ...]) -> int:
            found = counted.get(id(lines))
            if found is None:
                found = counted[id(lines)] = sum(
                    _size(x.name, x.deliverable, x.group_label, x.via_name, x.via, x.due)
                    + len(x.roles)
                    for x in lines
                )
            return found

        total = 0
        for sheet in self.sheets:
            own = _size(sheet.post, sheet.title, sheet.holder or "", *sheet.unit_path[-1:])
            rows = len(sheet.direct) + len(sheet.inherited)
            total += own * (rows + 1) + _size(sheet.grade, *sheet.unit_path, *sheet.reports)
            total += lines_size(sheet.direct) + lines_size(sheet.inherited)
        return total


def _size(*texts: str) -> int:
    """The characters of ``texts`` once HTML escapes them (``&`` becomes ``&amp;``...)."""
    return sum(
        len(t)
        + 5 * (t.count("&") + t.count('"') + t.count("'"))
        + 3 * (t.count("<") + t.count(">"))
        for t in texts
    )


class _LineMaker:
    """Held roles as lines, one per deliverable and source with its roles joined in order;
    a line that several sheets list (a unit's roles on every sheet below it) is made once
    and shared, so that writers can render it once."""

    def __init__(self, org: Organization, cascade: Cascade, lang: str | None) -> None:
        self.org = org
        self.cascade = cascade
        self.lang = lang
        self._made: dict[tuple[str, tuple[str, ...], str], Line] = {}

    def __call__(self, held: Iterable[Held], post: str) -> tuple[Line, ...]:
        runs: list[tuple[str, list[str], str]] = []
        for h in held:
            via = "" if h.via == post else h.via
            if runs and runs[-1][0] == h.deliverable and runs[-1][2] == via:
                if h.role not in runs[-1][1]:
                    runs[-1][1].append(h.role)
                continue
            runs.append((h.deliverable, [h.role], via))
        return tuple(self._line(d, tuple(roles), via) for d, roles, via in runs)

    def _line(self, deliverable: str, roles: tuple[str, ...], via: str) -> Line:
        key = (deliverable, roles, via)
        found = self._made.get(key)
        if found is not None:
            return found
        org, lang = self.org, self.lang
        d = org.deliverables[deliverable]
        group = org.groups.get(d.group) if d.group is not None else None
        line = self._made[key] = Line(
            order=self.cascade.rank(d.id),
            group=d.group or "",
            group_label=group.names.get(lang) if group is not None else (d.group or ""),
            deliverable=d.id,
            name=d.names.get(lang),
            roles=roles,
            via=via,
            via_name=org.display_name(via, lang) if via else "",
            due=d.due.isoformat() if d.due else "",
        )
        return line


#: How many posts above a post its sheet names before the top one, and how many units
#: (its own first) before the top unit; between them, :data:`ELLIPSIS`. A line of one
#: more shows whole: ``Chief → Director → Deputy → Head``.
NEAREST = 3
#: What stands for the posts or units left out of a long line.
ELLIPSIS = "…"

_End = tuple[str, str | None]


def _ends(above: Callable[[str], str | None]) -> Upward[_End]:
    """The last node of each node's line upward, and the node just below it (None for a
    line of one node)."""
    return Upward(
        above,
        lambda node: (node, None),
        lambda node, end: (end[0], end[1] if end[1] is not None else node),
        lambda ring: [
            (ring[i - 1], ring[i - 2] if len(ring) > 1 else None) for i in range(len(ring))
        ],
    )


def _nearest(above: Callable[[str], str | None], node: str, most: int) -> list[str]:
    """Up to ``most`` nodes above ``node``, nearest first, stopping before one repeats."""
    found: list[str] = []
    seen = {node}
    at = above(node)
    while at is not None and at not in seen and len(found) < most:
        found.append(at)
        seen.add(at)
        at = above(at)
    return found


class _Lines:
    """Each post's reporting line and each unit's path from the top, cut to the nearest
    and the top (:data:`NEAREST`): a line thousands long costs a few names per sheet.
    The ends of the lines are worked out once for all posts and units."""

    def __init__(self, org: Organization, lang: str | None) -> None:
        self.org = org
        self.lang = lang
        units = org.units
        self._head = nearest(
            org.parent_of, lambda u: h if (h := units[u].head) in org.positions else None
        )
        self._top_post = _ends(self._superior)
        self._top_unit = _ends(org.parent_of)

    def _superior(self, post: str) -> str | None:
        """The post ``post`` reports to (as :meth:`Organization.reports_to` says), or None."""
        org = self.org
        p = org.positions[post]
        if p.reports_to is None and p.unit in org.units:
            head = self._head(p.unit)
            above = head if head != post else org.reports_to(post)
        else:
            above = org.reports_to(post)
        return above if above is not None and above in org.positions else None

    def _names(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.org.display_name(i, self.lang) for i in ids)

    def reports(self, post: str) -> tuple[str, ...]:
        """The posts above ``post``, nearest first: the nearest few, then the top one."""
        above = _nearest(self._superior, post, NEAREST + 2)
        if len(above) <= NEAREST + 1:
            return self._names(above)
        return (*self._names(above[:NEAREST]), ELLIPSIS, *self._names(self._top_post(post)[:1]))

    def unit_path(self, unit: str) -> tuple[tuple[str, ...], str]:
        """The names of the units from the top down to ``unit`` (the top, then the
        nearest few), and ``unit``'s division: the unit right below the top."""
        line = [unit, *_nearest(self.org.parent_of, unit, NEAREST)]
        top, below_top = self._top_unit(unit)
        division = below_top or unit
        if len(line) <= NEAREST or line[-1] == top:
            return self._names(reversed(line)), division
        return (*self._names([top]), ELLIPSIS, *self._names(reversed(line[:NEAREST]))), division


def choose_posts(
    cascade: Cascade, posts: Sequence[str] | None = None, units: Sequence[str] | None = None
) -> list[str]:
    """The ids of the posts named in ``posts`` (ids or names), then of the posts in the
    ``units`` named (ids or names) and the units below them, in chart order; every post
    when neither is given.

    Raises QueryError for an unknown post or unit, with "did you mean".
    """
    if posts is None and units is None:
        return list(cascade.posts())
    chosen = [cascade.post(p).id for p in posts or ()]
    if units:
        org = cascade.org
        known = Lookup({u.id: u.names for u in org.units.values()})
        inside = {u for text in units for u in org.subtree(known.resolve(text, "unit"))}
        chosen += [pid for pid in cascade.posts() if org.positions[pid].unit in inside]
    return list(dict.fromkeys(chosen))


def make_book(cascade: Cascade, posts: Sequence[str], lang: str | None = None) -> Book:
    """The sheets of ``posts`` (ids, as :func:`choose_posts` gives them)."""
    org = cascade.org
    language = lang or org.language
    paths: dict[str, tuple[tuple[str, ...], str, str]] = {}
    inherited: dict[str, tuple[Line, ...]] = {}
    lines = _Lines(org, lang)
    make = _LineMaker(org, cascade, lang)
    sheets = []
    for pid in progress.each("gathering the cascade sheets", posts, "posts"):
        p = org.positions[pid]
        if p.unit not in paths:
            path, division = lines.unit_path(p.unit) if p.unit in org.units else ((), "")
            paths[p.unit] = (path, division, org.display_name(division, lang) if division else "")
            inherited[p.unit] = make(cascade.inherited(p.unit), pid)
        path, division, division_name = paths[p.unit]
        sheets.append(
            Sheet(
                post=pid,
                title=p.names.get(lang),
                holder=p.holder,
                vacant=p.vacant,
                grade=p.grade or "",
                unit=p.unit,
                unit_path=path,
                reports=lines.reports(pid),
                division=division,
                division_name=division_name,
                direct=make(cascade.direct(pid), pid),
                inherited=inherited[p.unit],
            )
        )
    return Book(org.names.get(lang), language, org.scheme, tuple(sheets))


def build_book(
    org: Organization,
    posts: Sequence[str] | None = None,
    *,
    lang: str | None = None,
    units: Sequence[str] | None = None,
) -> Book:
    """The sheets of ``posts`` (ids or names) and of the posts in ``units`` (ids or
    names, with the units below them); default every post, in chart order.

    Raises QueryError for an unknown post or unit, with "did you mean".
    """
    cascade = Cascade(org)
    return make_book(cascade, choose_posts(cascade, posts, units), lang)
