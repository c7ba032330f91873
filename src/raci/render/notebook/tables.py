"""Findings and figures as a notebook shows them: small HTML tables, every text escaped."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from raci._text import escape_html
from raci.findings import Finding
from raci.render.figures_text import summary_tables
from raci.render.notebook.style import CAPTION, LEFT, NOTE, RIGHT
from raci.render.palette import SEVERITY
from raci.words import words_for

#: What each column of the findings shows.


def table(
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    style: Callable[[int, int], str] = lambda row, column: LEFT,
) -> str:
    """An HTML table of plain texts (escaped here) under ``caption``; ``style`` gives the
    style of the cell in a row and column (the header's row is -1)."""

    def cells(row: int, texts: Sequence[str]) -> str:
        tag = "th" if row < 0 else "td"
        return "".join(
            f'<{tag} style="{style(row, i)}">{escape_html(text)}</{tag}>'
            for i, text in enumerate(texts)
        )

    body = "".join(f"<tr>{cells(i, row)}</tr>" for i, row in enumerate(rows))
    return (
        f'<table><caption style="{CAPTION}">{escape_html(caption)}</caption>'
        f"<thead><tr>{cells(-1, header)}</tr></thead><tbody>{body}</tbody></table>"
    )


def numbers(row: int, column: int) -> str:
    """The style of a table of figures: a name, then numbers."""
    return RIGHT if column else LEFT


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings, one row each: severity (in its colour), code, rule, place, message
    and hint; a sentence when there are none."""
    if not findings:
        none = words_for(None).gettext("No findings: the model passes every rule.")
        return f"<p>{escape_html(none)}</p>"
    rows = [
        (f.severity.value, f.code, f.rule, str(f.location), f.message, f.hint) for f in findings
    ]

    def style(row: int, column: int) -> str:
        words = f"{LEFT};white-space:nowrap" if column < 3 else LEFT  # severity, code, rule
        if row < 0 or column > 0:
            return words
        return f"{words};font-weight:600;color:{SEVERITY[rows[row][0]]}"

    words = words_for(None)
    columns = [
        words.gettext("Severity"),
        words.gettext("Code"),
        words.gettext("Rule"),
        words.gettext("Place"),
        words.gettext("Message"),
        words.gettext("Hint"),
    ]
    return table(repr(findings).strip("<>"), columns, rows, style)


def figures_html(figures: Mapping[str, Any]) -> str:
    """The figures in brief: the structure and the units by level, a table each, and what
    a table's note says."""
    out = []
    for title, header, rows, note in summary_tables(figures):
        if rows:
            out.append(table(title, header, rows, numbers))
            out.append(f'<p style="{NOTE}">{escape_html(note)}</p>' if note else "")
    return "".join(out)
