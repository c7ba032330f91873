"""The figures of :func:`raci.stats` as a terminal table, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from raci._text import display_width, one_line
from raci.analysis.figures import NAMES
from raci.render.matrix.as_text import md_escape

__all__ = ["FORMATS", "POST_ROWS", "render_figures"]

FORMATS = ("text", "json", "markdown")
#: Posts shown in the per-post load of the text and Markdown tables (the busiest first);
#: the JSON lists every post.
POST_ROWS = 25
#: What the posts figures count, under the structure table.
POSTS_NOTE = (
    "A unit's posts: its `headcount` (listed positions included), else its listed positions;"
    " vacant: those marked `vacant`."
)


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _roles(counts: Mapping[str, int]) -> str:
    return " ".join(f"{letter}{n}" for letter, n in counts.items()) or "–"


def _tables(fig: Mapping[str, Any]) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(title, header, rows, note) of each table, in the order they are printed."""
    span = fig["span_of_control"]
    tables = [
        (
            "Structure",
            ["figure", "value"],
            [
                *(
                    [NAMES[key], _number(fig[key])]
                    for key in ("units", "positions", "posts", "filled", "vacant")
                ),
                ["external parties", _number(fig["external"])],
                ["deliverables", _number(fig["deliverables"])],
                ["assignments", _number(fig["assignments"])],
                [NAMES["depth"], _number(fig["depth"])],
                *(
                    [f"{NAMES['span_of_control']}, {k}", _number(span[k])]
                    for k in ("min", "median", "max", "mean")
                ),
            ],
            "Span of control: child units of each unit that has any.",
        ),
        (
            "Units by level",
            ["level", "units"],
            [[k, _number(v)] for k, v in fig["by_level"].items()],
            "",
        ),
    ]
    spans = [[s["unit"], "narrow", _number(s["children"])] for s in fig["narrow_spans"]]
    spans += [[s["unit"], "wide", _number(s["children"])] for s in fig["wide_spans"]]
    tables.append(
        ("Unusual spans (1-2 or 15+ child units)", ["unit", "span", "child units"], spans, "")
    )
    tables.append(
        (
            "Posts by unit (the unit and everything below it)",
            ["unit", NAMES["posts"]],
            [[u, _number(n)] for u, n in fig["headcount"].items()],
            POSTS_NOTE,
        )
    )
    top = [["A", t["party"], _number(t["count"])] for t in fig["most_accountable"]]
    top += [["R", t["party"], _number(t["count"])] for t in fig["most_responsible"]]
    tables.append(("Who carries the most A and R", ["role", "party", "deliverables"], top, ""))
    tables.append(
        (
            "Deliverables per group",
            ["group", "deliverables"],
            [
                [g["group"] or "(no group)", _number(g["deliverables"])]
                for g in fig["deliverables_per_group"]
            ],
            "",
        )
    )
    tables.append(
        (
            "Workload per party",
            ["party", "roles"],
            [[p, _roles(c)] for p, c in fig["workload"].items()],
            "",
        )
    )
    load = fig["post_load"]
    busiest = sorted(
        load.items(),
        key=lambda item: -(sum(item[1]["direct"].values()) + sum(item[1]["inherited"].values())),
    )
    rows = [[p, _roles(v["direct"]), _roles(v["inherited"])] for p, v in busiest[:POST_ROWS]]
    more = len(busiest) - POST_ROWS
    note = "Inherited: through the post's unit and the units above it."
    if more > 0:
        note += f" The {more:,} less busy posts are in the JSON (--format json)."
    tables.append(("Load per post (busiest first)", ["post", "direct", "inherited"], rows, note))
    tables.append(("Vacant posts", ["post"], [[p] for p in fig["vacant_posts"]], ""))
    return tables


def _text_table(header: Sequence[str], rows: list[list[str]]) -> list[str]:
    cells = [[one_line(c) for c in header], *([one_line(c) for c in r] for r in rows)]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, text in enumerate(row):
            pad = " " * (widths[i] - display_width(text))
            numeric = i > 0 and text.replace(",", "").replace(".", "").isdigit()
            parts.append(pad + text if numeric else text + pad)
        return "  ".join(parts).rstrip()

    return [line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])]


def render_figures(fig: Mapping[str, Any], format: str = "text", title: str = "") -> str:
    """The figures as ``text`` (aligned tables), ``markdown`` or ``json``."""
    if format == "json":
        data = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format not in FORMATS:
        msg = f"unknown figures format {format!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    out: list[str] = []
    if format == "markdown":
        out += [f"# Figures: {md_escape(title)}" if title else "# Figures", ""]
    elif title:
        out += [one_line(f"Figures: {title}"), ""]
    for name, header, rows, note in _tables(fig):
        if not rows:
            continue
        if format == "markdown":
            out += [f"## {md_escape(name)}", ""]
            out.append("| " + " | ".join(md_escape(h) for h in header) + " |")
            out.append("|" + "".join("---|" if i == 0 else "--:|" for i in range(len(header))))
            out += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows]
            if note:
                out += ["", md_escape(note).replace("\\`", "`")]
        else:
            out += [name, *_text_table(header, rows)]
            if note:
                out.append(note)
        out.append("")
    return "\n".join(out)
