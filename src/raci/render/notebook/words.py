"""The fixed words a notebook shows around raci's objects, by language; English fills any
word a table lacks. Names from the model file are never translated here."""

from __future__ import annotations

from raci.render.languages import word_in

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "chart_part": (
            "The top {shown} of {levels} levels: {units} of {total} units. Draw a part with"
            " raci.render_chart(org, root=ID, depth=N), or the whole chart on pages with"
            ' raci.render_chart(org, "chart.pdf", paper="A3", split_by="auto").'
        ),
        "no_chart": "No chart: {reason}",
        "rows_part": "{shown} of {total} deliverables shown.",
        "columns_part": (
            "{shown} of {total} parties shown; roll them up with raci.matrix(org,"
            ' level="division").'
        ),
        "whole_matrix": 'The whole matrix: raci.render_matrix(org, "matrix.xlsx").',
        "picture_part": (
            "The picture of this change has {units} units, more than a notebook shows; draw"
            ' it with raci.render_picture(change, "change.pdf", paper="A3").'
        ),
        "severity": "Severity",
        "code": "Code",
        "rule": "Rule",
        "place": "Place",
        "message": "Message",
        "hint": "Hint",
        "no_findings": "No findings: the model passes every rule.",
    },
}


def word(key: str, language: str | None = None) -> str:
    """A fixed word in ``language`` (English when its table lacks it)."""
    return word_in(WORDS, key, language)
