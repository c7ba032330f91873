"""The staffing table laid out once for every format: label columns (unit, fund, which
posts), number columns (the grades of each category, then its subtotal; posts of no
grade; the total) and its lines, a unit's three lines (approved, proposed, change) when
two versions are compared, then the totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from raci.analysis.establishment import NO_GRADE
from raci.analysis.staffing import NO_CATEGORY, Counts, Row, Staffing, total
from raci.grades import tidy
from raci.render.languages import figure_name, level_name
from raci.render.staffing.words import word

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

    def word(self, key: str) -> str:
        """A fixed word in the table's language."""
        return word(key, self.language)

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
        numbers = [
            number(v, signed=line.change, zero="0" if c.kind == TOTAL and not line.change else "")
            for c, v in zip(self.columns, line.values, strict=True)
        ]
        return labels, numbers


def number(value: float, *, signed: bool = False, zero: str = "") -> str:
    """A count as a table prints it: ``1,234``, ``0.5``; ``+2``/``-1`` when ``signed``;
    ``zero`` for 0."""
    value = tidy(value)
    if not value:
        return zero
    return f"{value:+,}" if signed else f"{value:,}"


def _columns(table: Staffing, lang: str) -> list[Column]:
    out = []
    for category, grades in table.categories:
        out += [Column(g, GRADE, g) for g in grades]
        name = word("no_category", lang) if category == NO_CATEGORY else category
        out.append(Column(word("subtotal", lang).format(category=name), SUBTOTAL, category))
    if table.no_grade:
        out.append(Column(word("no_grade", lang), NO_GRADE_COLUMN, NO_GRADE))
    out.append(Column(word("total", lang), TOTAL))
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
    w = {k: word(k, language) for k in ("before", "after", "change", "totals", "all_funds")}
    columns = _columns(table, language)
    categories = dict(table.categories)
    by_fund = table.funds is not None

    def fund_label(fund: str | None) -> str | None:
        if not by_fund:
            return None
        return fund if fund is not None else word("no_fund", language)

    def unit_label(row: Row) -> str:
        if ids:
            return " ".join(row.units)
        name = table.name(row, lang)
        return word("abolished", language).format(name=name) if row.abolished else name

    def lines(row: Row, unit: str, fund: str | None, same_unit: bool, is_total: bool) -> list[Line]:
        head = (" ".join(row.units), unit, fund)
        if not table.compared:
            values = _values(categories, columns, row.after)
            return [Line(*head, None, values, repeats=int(same_unit), total=is_total)]
        sides = [
            (w["before"], row.before or {}),
            (w["after"], row.after),
            (w["change"], row.change),
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
        body += lines(table.fund_totals(fund), w["totals"], fund_label(fund), i > 0, True)
    all_funds = w["all_funds"] if by_fund else None
    body += lines(table.totals(), w["totals"], all_funds, by_fund, True)
    labels = [word("unit", language)]
    if by_fund:
        labels.append(word("fund", language))
    if table.compared:
        labels.append(figure_name("posts", language))
    notes = [word("note", language)]
    if table.by is not None:
        notes = [word("note_by", language).format(level=level_name(table.by, language))]
    if table.compared:
        notes.append(word("note_before", language))
    name = table.org.names.get(lang)
    return Sheet(
        word("title", language).format(title=name) if name else word("heading", language),
        name,
        tuple(labels),
        tuple(columns),
        tuple(body),
        " ".join(notes),
        language,
    )
