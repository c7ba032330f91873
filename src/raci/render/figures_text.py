"""The figures of :func:`raci.stats` as a terminal table, Markdown or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from raci._text import display_width, one_line
from raci.model import Organization
from raci.render.figures_words import word
from raci.render.languages import figure_name, level_name
from raci.render.matrix.as_text import md_escape

__all__ = ["FORMATS", "POST_ROWS", "render_figures", "summary_tables"]

FORMATS = ("text", "json", "markdown")
#: Posts shown in the per-post load of the text and Markdown tables (the busiest first);
#: the JSON lists every post.
POST_ROWS = 25

Table = tuple[str, list[str], list[list[str]], str]


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _roles(counts: Mapping[str, int]) -> str:
    return " ".join(f"{letter}{n}" for letter, n in counts.items()) or "–"


class _Shown:
    """How the tables show parties, groups and levels: by name in the language (a name
    that two parties share followed by the id), or by id (``ids``, or without a model)."""

    def __init__(self, org: Organization | None, lang: str | None, ids: bool) -> None:
        self.lang = lang
        self.org = None if ids else org
        self.names = (
            {p: self.org.display_name(p, lang) for p in self.org.parties} if self.org else {}
        )
        self.shared = {n for n, k in Counter(self.names.values()).items() if k > 1}

    def w(self, key: str) -> str:
        """A fixed word in the tables' language."""
        return word(key, self.lang)

    def party(self, pid: str) -> str:
        """A unit, post or external party."""
        name = self.names.get(pid, pid)
        return self.w("same_name").format(name=name, id=pid) if name in self.shared else name

    def group(self, gid: str | None) -> str:
        """A group of deliverables; ``None`` for the deliverables without one."""
        if gid is None:
            return self.w("no_group")
        group = self.org.groups.get(gid) if self.org else None
        return group.names.get(self.lang) if group else gid

    def letter(self, duty: str, default: str) -> str:
        """The scheme's letter for a duty (``accountable``...)."""
        return (self.org.scheme.letter_of(duty) if self.org else None) or default


def _structure(fig: Mapping[str, Any], show: _Shown) -> Table:
    span = fig["span_of_control"]
    lang = show.lang
    counts = ("units", "positions", "posts", "filled", "vacant")
    rows = [[figure_name(key, lang), _number(fig[key])] for key in counts]
    rows += [[show.w(key), _number(fig[key])] for key in ("external", "assignments")]
    rows += [[figure_name(key, lang), _number(fig[key])] for key in ("depth",)]
    rows += [
        [
            show.w("span_stat").format(figure=figure_name("span_of_control", lang), stat=show.w(k)),
            _number(span[k]),
        ]
        for k in ("min", "median", "max", "mean")
    ]
    return (show.w("structure"), [show.w("figure"), show.w("value")], rows, show.w("span_note"))


def _post_load(fig: Mapping[str, Any], show: _Shown) -> Table:
    load = fig["post_load"]
    busiest = sorted(
        load.items(),
        key=lambda item: -(sum(item[1]["direct"].values()) + sum(item[1]["inherited"].values())),
    )
    rows = [
        [show.party(p), _roles(v["direct"]), _roles(v["inherited"])] for p, v in busiest[:POST_ROWS]
    ]
    more = len(busiest) - POST_ROWS
    note = show.w("load_note")
    if more > 0:
        note += show.w("more_posts").format(n=f"{more:,}")
    header = [show.w("post"), show.w("direct"), show.w("inherited")]
    return (show.w("post_load"), header, rows, note)


def _tables(fig: Mapping[str, Any], show: _Shown) -> list[Table]:
    """(title, header, rows, note) of each table, in the order they are printed."""
    w = show.w
    by_level = [[level_name(k, show.lang), _number(v)] for k, v in fig["by_level"].items()]
    spans = [
        [show.party(s["unit"]), w("narrow"), _number(s["children"])] for s in fig["narrow_spans"]
    ]
    spans += [[show.party(s["unit"]), w("wide"), _number(s["children"])] for s in fig["wide_spans"]]
    a, r = show.letter("accountable", "A"), show.letter("responsible", "R")
    top = [[a, show.party(t["party"]), _number(t["count"])] for t in fig["most_accountable"]]
    top += [[r, show.party(t["party"]), _number(t["count"])] for t in fig["most_responsible"]]
    return [
        _structure(fig, show),
        (w("by_level"), [w("level"), w("units")], by_level, ""),
        (w("spans"), [w("unit"), w("span"), w("children")], spans, ""),
        (
            w("headcount"),
            [w("unit"), figure_name("posts", show.lang)],
            [[show.party(u), _number(n)] for u, n in fig["headcount"].items()],
            w("posts_note"),
        ),
        (w("most").format(a=a, r=r), [w("role"), w("party"), w("deliverables")], top, ""),
        (
            w("per_group"),
            [w("group"), w("deliverables")],
            [
                [show.group(g["group"]), _number(g["deliverables"])]
                for g in fig["deliverables_per_group"]
            ],
            "",
        ),
        (
            w("workload"),
            [w("party"), w("roles")],
            [[show.party(p), _roles(c)] for p, c in fig["workload"].items()],
            "",
        ),
        _post_load(fig, show),
        (w("vacant_posts"), [w("post")], [[show.party(p)] for p in fig["vacant_posts"]], ""),
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
            numeric = i > 0 and text.replace(",", "").replace(".", "").isdigit()
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
    heading = show.w("title").format(title=title) if title else show.w("heading")
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
