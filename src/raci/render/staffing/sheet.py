"""The staffing table laid out once for every format: label columns (unit, fund, which
posts), number columns (the grades of each category, then its subtotal; posts of no
grade; the total) and its lines, a unit's three lines (approved, proposed, change) when
two versions are compared, then the totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from raci.analysis.establishment import NO_GRADE
from raci.analysis.names import figure_name, level_name
from raci.analysis.staffing import NO_CATEGORY, Counts, Row, Staffing, total
from raci.grades import tidy
from raci.words import Words, words_for

#: The kinds of number column.
GRADE, SUBTOTAL, NO_GRADE_COLUMN, TOTAL = "grade", "subtotal", "no grade", "total"


@attrs.frozen
class Column:
    """A number column: its header, what it counts (a grade, a category or the total)."""

    label: str
    kind: str
    key: str = ""


@attrs.frozen
class Line:
    """One line of the table: the row's unit ids and labels, and a number per column.

    ``repeats`` counts the leading labels that the line before has too (the unit on its
    second fund, the unit and fund on its proposed and change lines), which the printed
    formats leave blank; ``change`` marks signed numbers; ``total`` the totals.
    """

    ids: str
    unit: str
    fund: str | None
    side: str | None
    values: tuple[float, ...]
    repeats: int = 0
    change: bool = False
    total: bool = False


@attrs.frozen
class Sheet:
    """The table as every format shows it."""

    title: str
    organization: str
    labels: tuple[str, ...]
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]
    note: str
    language: str

    @property
    def words(self) -> Words:
        """The fixed words of the table's language."""
        return words_for(self.language)

    @property
    def running(self) -> str:
        """What the document is, in its running header."""
        return self.words.gettext("Staffing table")

    def cells(self, line: Line) -> list[str]:
        """The label cells of a line, in the order of :attr:`labels`."""
        return [
            line.unit,
            *([line.fund or ""] if line.fund is not None else []),
            *([line.side or ""] if line.side is not None else []),
        ]

    def printed(self, line: Line) -> tuple[list[str], list[str]]:
        """The label and number cells of a line as a printed table shows them: labels
        the line before gave left blank; numbers blank for 0 (the total of posts shows
        0), changes signed."""
        labels = self.cells(line)
        labels[: line.repeats] = [""] * line.repeats
        words = self.words
        numbers = [
            number(
                v,
                words,
                signed=line.change,
                zero="0" if c.kind == TOTAL and not line.change else "",
            )
            for c, v in zip(self.columns, line.values, strict=True)
        ]
        return labels, numbers


def number(value: float, words: Words, *, signed: bool = False, zero: str = "") -> str:
    """A count as a table prints it in the language of ``words``: ``1,234``, ``0.5``;
    ``+2``/``-1`` when ``signed``; ``zero`` for 0."""
    value = tidy(value)
    if not value:
        return zero
    if not signed:
        return words.number(value)
    return ("+" if value > 0 else "-") + words.number(abs(value))


def _columns(table: Staffing, words: Words) -> list[Column]:
    out = []
    # Translators: the subtotal of a category of grades: "P total", "GS total".
    subtotal = words.gettext("{category} total")
    for category, grades in table.categories:
        out += [Column(g, GRADE, g) for g in grades]
        # Translators: the category of grades that fit no other.
        name = words.gettext("other") if category == NO_CATEGORY else category
        out.append(Column(subtotal.format(category=name), SUBTOTAL, category))
    if table.no_grade:
        out.append(Column(words.gettext("no grade"), NO_GRADE_COLUMN, NO_GRADE))
    # Translators: the column of all posts of a row.
    out.append(Column(words.gettext("total"), TOTAL))
    return out


def _values(
    categories: Mapping[str, Sequence[str]], columns: Sequence[Column], counts: Counts
) -> tuple[float, ...]:
    out = []
    for column in columns:
        if column.kind == SUBTOTAL:
            out.append(tidy(sum(counts.get(g, 0) for g in categories[column.key])))
        elif column.kind == TOTAL:
            out.append(total(counts))
        else:
            out.append(counts.get(column.key, 0))
    return tuple(out)


def build_sheet(table: Staffing, *, lang: str | None = None, ids: bool = False) -> Sheet:
    """The layout of ``table``: names in ``lang`` (default: the model's language), or the
    units' ids with ``ids``."""
    language = lang or table.org.language
    words = words_for(language)
    # Translators: the rows of all units.
    totals = words.gettext("Total")
    columns = _columns(table, words)
    categories = dict(table.categories)
    by_fund = table.funds is not None

    def fund_label(fund: str | None) -> str | None:
        if not by_fund:
            return None
        # Translators: in place of a post's funding source, when the file gives none.
        return fund if fund is not None else words.gettext("not given")

    def unit_label(row: Row) -> str:
        if ids:
            return " ".join(row.units)
        name = table.name(row, lang)
        return words.aside(name, words.gettext("abolished")) if row.abolished else name

    def lines(row: Row, unit: str, fund: str | None, same_unit: bool, is_total: bool) -> list[Line]:
        head = (" ".join(row.units), unit, fund)
        if not table.compared:
            values = _values(categories, columns, row.after)
            return [Line(*head, None, values, repeats=int(same_unit), total=is_total)]
        sides = [
            # Translators: the posts of the earlier version, of this one, and the change.
            (words.gettext("approved"), row.before or {}),
            (words.gettext("proposed"), row.after),
            (words.gettext("change"), row.change),
        ]
        labels = 1 + by_fund
        return [
            Line(
                *head,
                side,
                _values(categories, columns, counts),
                repeats=labels if i else int(same_unit),
                change=i == 2,
                total=is_total,
            )
            for i, (side, counts) in enumerate(sides)
        ]

    body: list[Line] = []
    for i, row in enumerate(table.rows):
        same = i > 0 and table.rows[i - 1].units == row.units
        body += lines(row, unit_label(row), fund_label(row.fund), same, False)
    for i, fund in enumerate(table.funds or ()):
        body += lines(table.fund_totals(fund), totals, fund_label(fund), i > 0, True)
    all_funds = words.gettext("all funds") if by_fund else None
    body += lines(table.totals(), totals, all_funds, by_fund, True)
    labels = [words.gettext("unit")]
    if by_fund:
        # Translators: a post's funding source (regular budget, extrabudgetary...).
        labels.append(words.gettext("fund"))
    if table.compared:
        labels.append(figure_name("posts", language))
    notes = [words.gettext("Each row: the posts of the unit itself, not of the units below it.")]
    if table.by is not None:
        # Translators: {level} is the level rows roll up to (division).
        by = words.gettext(
            "Each row: the posts of a {level} and of the units below it; a unit above that"
            " level, or with no {level} above it, counts only its own."
        )
        notes = [by.format(level=level_name(table.by, language))]
    if table.compared:
        notes.append(
            words.gettext(
                "Approved: the earlier version; proposed: this one. A unit's approved posts are"
                " those of the units it continues; a unit split in parts gives them to its"
                " first part."
            )
        )
    name = table.org.names.get(lang)
    if name:
        title = words.gettext("Staffing: {title}").format(title=name)
    else:
        title = words.gettext("Staffing")
    return Sheet(
        title,
        name,
        tuple(labels),
        tuple(columns),
        tuple(body),
        " ".join(notes),
        language,
    )
