"""The figures of :func:`raci.stats` as a terminal table, Markdown or JSON."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from raci._text import display_width, one_line
from raci.analysis.names import figure_name, level_name
from raci.model import Organization
from raci.render.matrix.as_text import md_escape
from raci.words import words_for

__all__ = ["FORMATS", "POST_ROWS", "render_figures", "summary_tables"]

FORMATS = ("text", "json", "markdown")
#: Posts shown in the per-post load of the text and Markdown tables (the busiest first);
#: the JSON lists every post.
POST_ROWS = 25

Table = tuple[str, list[str], list[list[str]], str]
#: A number as some language writes it (digits, its separators): aligned right.
_NUMERIC = re.compile(r"[\d.,'\s\u066b\u066c]*\d[\d.,'\s\u066b\u066c]*")


def _roles(counts: Mapping[str, int]) -> str:
    return " ".join(f"{letter}{n}" for letter, n in counts.items()) or "–"


class _Shown:
    """How the tables show parties, groups and levels: by name in the language (a name
    that two parties share followed by the id), or by id (``ids``, or without a model)."""

    def __init__(self, org: Organization | None, lang: str | None, ids: bool) -> None:
        self.lang = lang
        self.words = words_for(lang)
        self.org = None if ids else org
        self.names = (
            {p: self.org.display_name(p, lang) for p in self.org.parties} if self.org else {}
        )
        self.shared = {n for n, k in Counter(self.names.values()).items() if k > 1}

    def number(self, value: Any) -> str:
        """A figure as the language writes it: at most two decimals, '–' for none."""
        if value is None:
            return "–"
        if isinstance(value, float):
            return self.words.number(value, 2)
        return self.words.number(value) if isinstance(value, int) else str(value)

    def party(self, pid: str) -> str:
        """A unit, post or external party."""
        name = self.names.get(pid, pid)
        return self.words.aside(name, pid) if name in self.shared else name

    def group(self, gid: str | None) -> str:
        """A group of deliverables; ``None`` for the deliverables without one."""
        if gid is None:
            return self.words.gettext("(no group)")
        group = self.org.groups.get(gid) if self.org else None
        return group.names.get(self.lang) if group else gid

    def letter(self, duty: str, default: str) -> str:
        """The scheme's letter for a duty (``accountable``...)."""
        return (self.org.scheme.letter_of(duty) if self.org else None) or default


def _structure(fig: Mapping[str, Any], show: _Shown) -> Table:
    span = fig["span_of_control"]
    lang, w, number = show.lang, show.words, show.number
    counts = ("units", "positions", "posts", "filled", "vacant")
    rows = [[figure_name(key, lang), number(fig[key])] for key in counts]
    rows.append([w.gettext("external parties"), number(fig["external"])])
    rows.append([w.gettext("assignments"), number(fig["assignments"])])
    rows.append([figure_name("depth", lang), number(fig["depth"])])
    stats = {
        "min": w.gettext("min"),
        "median": w.gettext("median"),
        "max": w.gettext("max"),
        "mean": w.gettext("mean"),
    }
    # Translators: a figure and one of its statistics: "span of control, median".
    named = w.gettext("{figure}, {stat}")
    rows += [
        [named.format(figure=figure_name("span_of_control", lang), stat=stat), number(span[k])]
        for k, stat in stats.items()
    ]
    return (
        w.gettext("Structure"),
        # Translators: the headings of the table of figures: a figure's name and its value.
        [w.gettext("figure"), w.gettext("value")],
        rows,
        w.gettext("Span of control: child units of each unit that has any."),
    )


def _post_load(fig: Mapping[str, Any], show: _Shown) -> Table:
    load = fig["post_load"]
    w = show.words
    busiest = sorted(
        load.items(),
        key=lambda item: -(sum(item[1]["direct"].values()) + sum(item[1]["inherited"].values())),
    )
    rows = [
        [show.party(p), _roles(v["direct"]), _roles(v["inherited"])] for p, v in busiest[:POST_ROWS]
    ]
    more = len(busiest) - POST_ROWS
    note = w.gettext("Inherited: through the post's unit and the units above it.")
    if more > 0:
        # Translators: follows the sentence before it (hence its leading space in English).
        less_busy = w.ngettext(
            " The {n} less busy post is in the JSON (--format json).",
            " The {n} less busy posts are in the JSON (--format json).",
            more,
        )
        note += less_busy.format(n=w.number(more))
    header = [w.gettext("post"), w.gettext("direct"), w.gettext("inherited")]
    return (w.gettext("Load per post (busiest first)"), header, rows, note)


def _tables(fig: Mapping[str, Any], show: _Shown) -> list[Table]:
    """(title, header, rows, note) of each table, in the order they are printed."""
    w, number = show.words, show.number
    by_level = [[level_name(k, show.lang), number(v)] for k, v in fig["by_level"].items()]
    # Translators: a span of control of few child units, and one of many.
    narrow, wide = w.gettext("narrow"), w.gettext("wide")
    spans = [[show.party(s["unit"]), narrow, number(s["children"])] for s in fig["narrow_spans"]]
    spans += [[show.party(s["unit"]), wide, number(s["children"])] for s in fig["wide_spans"]]
    a, r = show.letter("accountable", "A"), show.letter("responsible", "R")
    top = [[a, show.party(t["party"]), number(t["count"])] for t in fig["most_accountable"]]
    top += [[r, show.party(t["party"]), number(t["count"])] for t in fig["most_responsible"]]
    # Translators: {a} and {r} are the letters of the Accountable and Responsible roles.
    most = w.gettext("Who carries the most {a} and {r}").format(a=a, r=r)
    deliverables = w.gettext("deliverables")
    return [
        _structure(fig, show),
        (w.gettext("Units by level"), [w.gettext("level"), w.gettext("units")], by_level, ""),
        (
            w.gettext("Unusual spans (1-2 or 15+ child units)"),
            [w.gettext("unit"), w.gettext("span"), w.gettext("child units")],
            spans,
            "",
        ),
        (
            w.gettext("Posts by unit (the unit and everything below it)"),
            [w.gettext("unit"), figure_name("posts", show.lang)],
            [[show.party(u), number(n)] for u, n in fig["headcount"].items()],
            w.gettext(
                "A unit's posts: its `headcount` (listed positions included), else its listed"
                " positions; vacant: those marked `vacant`."
            ),
        ),
        (most, [w.gettext("role"), w.gettext("party"), deliverables], top, ""),
        (
            w.gettext("Deliverables per group"),
            [w.gettext("group"), deliverables],
            [
                [show.group(g["group"]), number(g["deliverables"])]
                for g in fig["deliverables_per_group"]
            ],
            "",
        ),
        (
            w.gettext("Workload per party"),
            [w.gettext("party"), w.gettext("roles")],
            [[show.party(p), _roles(c)] for p, c in fig["workload"].items()],
            "",
        ),
        _post_load(fig, show),
        (
            w.gettext("Vacant posts"),
            [w.gettext("post")],
            [[show.party(p)] for p in fig["vacant_posts"]],
            "",
        ),
    ]


def summary_tables(fig: Mapping[str, Any], lang: str | None = None) -> list[Table]:
    """(title, header, rows, note) of the figures in brief: the structure and the units by
    level, in ``lang`` (a notebook shows them)."""
    return _tables(fig, _Shown(None, lang, ids=True))[:2]


def _text_table(header: Sequence[str], rows: list[list[str]]) -> list[str]:
    cells = [[one_line(c) for c in header], *([one_line(c) for c in r] for r in rows)]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, text in enumerate(row):
            pad = " " * (widths[i] - display_width(text))
            numeric = i > 0 and _NUMERIC.fullmatch(text) is not None
            parts.append(pad + text if numeric else text + pad)
        return "  ".join(parts).rstrip()

    return [line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])]


def render_figures(
    fig: Mapping[str, Any],
    format: str = "text",
    title: str = "",
    *,
    org: Organization | None = None,
    lang: str | None = None,
    ids: bool = False,
) -> str:
    """The figures as ``text`` (aligned tables), ``markdown`` or ``json``.

    Text and Markdown speak ``lang`` (default: the language of ``org``, else English) and
    show parties and groups by their names in ``org``; by id with ``ids`` or without
    ``org``. The JSON always keys by id.
    """
    if format == "json":
        data = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format not in FORMATS:
        msg = f"unknown figures format {format!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    show = _Shown(org, lang or (org.language if org else None), ids)
    if title:
        heading = show.words.gettext("Figures: {title}").format(title=title)
    else:
        heading = show.words.gettext("Figures")
    out: list[str] = []
    if format == "markdown":
        out += [f"# {md_escape(heading)}", ""]
    elif title:
        out += [one_line(heading), ""]
    for name, header, rows, note in _tables(fig, show):
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
