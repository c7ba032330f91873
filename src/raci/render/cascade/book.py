"""Per-post responsibility sheets ready to render: what each post holds directly and
through its units, in one language.

:func:`build_book` turns the cascade (:mod:`raci.analysis.cascade`) into a :class:`Book`
of :class:`Sheet` objects. A unit's inherited lines are built once and shared by every
post in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from raci.analysis.cascade import Cascade, Held
from raci.model import Organization
from raci.render.cascade.words import word
from raci.render.palette import legend
from raci.schemes import Scheme

__all__ = ["Book", "Line", "Sheet", "build_book"]


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
    #: Names of the units from the top down to the post's own.
    unit_path: tuple[str, ...]
    #: Titles of the posts above, nearest first.
    reports: tuple[str, ...]
    #: The unit's division (the child of the top unit it sits under), for XLSX sheets.
    division: str
    division_name: str
    direct: tuple[Line, ...]
    inherited: tuple[Line, ...]

    def holder_text(self, language: str | None) -> str:
        """The holder's name, "vacant" (with the name, if given), or "not named"."""
        if self.vacant:
            vacant = word("vacant", language)
            return f"{vacant} ({self.holder})" if self.holder else vacant
        return self.holder or word("unnamed", language)


@attrs.frozen
class Book:
    """Every sheet of one organization in one language."""

    title: str
    language: str
    #: The scheme whose roles the sheets colour and name.
    scheme: Scheme
    sheets: tuple[Sheet, ...]

    def word(self, key: str) -> str:
        """A fixed word in the book's language."""
        return word(key, self.language)

    @property
    def legend(self) -> tuple[tuple[str, str], ...]:
        """(letter, role name) for every role of the scheme, in the book's language."""
        return tuple((row.letter, row.name) for row in legend(self.scheme, self.language))

    @property
    def heading(self) -> str:
        """The title of the whole book."""
        key = "one-title" if len(self.sheets) == 1 else "title"
        return self.word(key).format(title=self.title)


def _lines(
    org: Organization, cascade: Cascade, held: Iterable[Held], post: str, lang: str | None
) -> list[Line]:
    """Held roles as lines: one per deliverable and source, roles joined in order."""
    out: list[Line] = []
    for h in held:
        via = "" if h.via == post else h.via
        last = out[-1] if out else None
        if last is not None and last.deliverable == h.deliverable and last.via == via:
            if h.role not in last.roles:
                out[-1] = attrs.evolve(last, roles=(*last.roles, h.role))
            continue
        d = org.deliverables[h.deliverable]
        group = org.groups.get(d.group) if d.group is not None else None
        out.append(
            Line(
                order=cascade.rank(d.id),
                group=d.group or "",
                group_label=group.names.get(lang) if group is not None else (d.group or ""),
                deliverable=d.id,
                name=d.names.get(lang),
                roles=(h.role,),
                via=via,
                via_name=org.display_name(via, lang) if via else "",
                due=d.due.isoformat() if d.due else "",
            )
        )
    return out


class _ReportingLines:
    """Each post's line of posts above it, nearest first; a post's line is its superior
    followed by the superior's own line, so each line is worked out once."""

    def __init__(self, org: Organization, lang: str | None) -> None:
        self.org = org
        self.lang = lang
        self._memo: dict[str, tuple[str, ...]] = {}

    def __call__(self, post: str) -> tuple[str, ...]:
        org = self.org
        found = self._memo.get(post)
        if found is not None:
            return found
        chain = [post]
        seen = {post}
        above = org.reports_to(post)
        while (
            above is not None
            and above in org.positions
            and above not in seen
            and above not in self._memo
        ):
            chain.append(above)
            seen.add(above)
            above = org.reports_to(above)
        if above is not None and above in seen:
            # A cycle of reports_to: the line stops where it would repeat, which depends
            # on where it starts, so nothing on it is remembered.
            return tuple(org.display_name(p, self.lang) for p in chain[1:])
        tail: tuple[str, ...] = ()
        if above is not None and above in self._memo:
            tail = (org.display_name(above, self.lang), *self._memo[above])
        for i in range(len(chain) - 1, -1, -1):
            self._memo[chain[i]] = tail
            tail = (org.display_name(chain[i], self.lang), *tail)
        return self._memo[post]


def build_book(
    org: Organization,
    posts: Sequence[str] | None = None,
    *,
    lang: str | None = None,
) -> Book:
    """The sheets of ``posts`` (ids or names; default every post, in chart order).

    Raises QueryError for an unknown post, with "did you mean".
    """
    cascade = Cascade(org)
    chosen = [cascade.post(p).id for p in posts] if posts is not None else list(cascade.posts())
    language = lang or org.language
    paths: dict[str, tuple[tuple[str, ...], str, str]] = {}
    inherited: dict[str, tuple[Line, ...]] = {}
    reporting = _ReportingLines(org, lang)
    sheets = []
    for pid in chosen:
        p = org.positions[pid]
        if p.unit not in paths:
            ids = [*reversed(org.ancestors(p.unit)), p.unit] if p.unit in org.units else []
            division = ids[1] if len(ids) > 1 else (ids[0] if ids else "")
            paths[p.unit] = (
                tuple(org.display_name(u, lang) for u in ids),
                division,
                org.display_name(division, lang) if division else "",
            )
            inherited[p.unit] = tuple(_lines(org, cascade, cascade.inherited(p.unit), pid, lang))
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
                reports=reporting(pid),
                division=division,
                division_name=division_name,
                direct=tuple(_lines(org, cascade, cascade.direct(pid), pid, lang)),
                inherited=inherited[p.unit],
            )
        )
    return Book(org.names.get(lang), language, org.scheme, tuple(sheets))
