"""The report: one self-contained HTML page with a summary, the findings, the org chart,
the responsibility matrix (searchable, rendered lazily) and the workload.

Everything is inline (CSS, script, SVG); a Content-Security-Policy forbids any fetch.
Names reach the page only escaped: as HTML text or attributes, inside the chart's SVG
(escaped by Graphviz), or inside the page's JSON data (with ``<``, ``>``, ``&`` and the
line separators written as ``\\u`` escapes so that no name can close the script tag).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import unescape
from pathlib import Path
from typing import Any

import attrs

from raci._text import display_width, escape_html
from raci._version import __version__
from raci.analysis.figures import stats
from raci.analysis.names import level_name
from raci.exceptions import LoadError, OutputError, QueryError
from raci.findings import Finding, Severity
from raci.model import External, Organization, Position, Unit, require_organization
from raci.output import write_atomic
from raci.render import engine
from raci.render.chart.orgchart import box_id, chart_sources
from raci.render.legend.as_html import LEGEND_CSS, LEGEND_RTL_CSS, cell_classes, role_css
from raci.render.matrix.as_html import MATRIX_CSS, MATRIX_RTL_CSS, matrix_legend, print_parts
from raci.render.matrix.as_html import table_html as matrix_table_html
from raci.render.matrix.table import Matrix, build_matrix
from raci.render.palette import LegendRow, legend
from raci.render.paper import A4, Paper
from raci.render.paper import paper as paper_named
from raci.render.printing import html_language, page_css
from raci.render.report.assets import REPORT_CSS, REPORT_RTL_CSS, report_js
from raci.rules import validate
from raci.words import Words, words_for

__all__ = ["SUFFIXES", "render_report", "report_html"]

SUFFIXES = (".html", ".htm")
#: Parties drawn in the workload chart.
WORKLOAD_TOP = 15
#: The printed page's margins (top and bottom, left and right), in millimetres; the
#: running header and the page number sit in the top and bottom ones.
PRINT_MARGIN = (14.0, 12.0)
#: Room kept above a printed chart page for its heading, in millimetres.
CHART_HEADING = 11.0
#: What the page may load: nothing from anywhere; its own inline style and script only.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
    " img-src data:; base-uri 'none'; form-action 'none'"
)


def render_report(
    org: Organization,
    path: str | os.PathLike[str] | None = None,
    *,
    lang: str | None = None,
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Path | str:
    """Write the report of ``org`` to ``path`` (.html): one file that works offline.

    ``lang`` is the language of names and of the page's own words (default: the
    model's). Printed, its pages are ``paper`` (A4 by default), landscape unless
    ``landscape`` is False. ``inputs`` are files the report must not overwrite (the
    model's own file never is). ``select`` and ``ignore`` choose the rules whose
    findings it lists, as :func:`raci.validate` takes them. The file is replaced only
    once the new one is complete. Returns the path; without ``path``, the page's HTML
    text.
    """
    require_organization(org, "render_report")
    if path is not None and not isinstance(path, (str, os.PathLike)):
        msg = f"path must be a file path (got {type(path).__name__})"
        raise TypeError(msg)
    if lang is not None and not isinstance(lang, str):
        msg = f"lang must be a language code such as 'zh', or None (got {type(lang).__name__})"
        raise TypeError(msg)
    target = Path(path) if path is not None else None
    suffix = target.suffix.lower() if target is not None else ".html"
    if suffix not in SUFFIXES:
        msg = (
            f"cannot write a report as {suffix or 'a file without suffix'!r};"
            f" use one of {', '.join(SUFFIXES)}"
        )
        raise ValueError(msg)
    page = report_html(
        org, lang=lang, paper=paper, landscape=landscape, select=select, ignore=ignore
    )
    if target is None:
        return page
    own = [org.source] if Path(org.source).exists() else []
    write_atomic(target, page, inputs=[*inputs, *own])
    return target


def report_html(
    org: Organization,
    *,
    lang: str | None = None,
    paper: str | Paper | None = None,
    landscape: bool | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> str:
    """The report of ``org`` as the text of one HTML page, printing on ``paper`` (A4 by
    default), landscape unless ``landscape`` is False, its findings those of the rules
    ``select`` and ``ignore`` leave."""
    require_organization(org, "report_html")
    report = _Report(org, lang, paper_named(paper or A4), landscape is not False)
    return report.page(select, ignore)


# -- figures -------------------------------------------------------------------


def _figures(org: Organization) -> dict[str, Any]:
    """The figures the summary and the workload chart show, from ``raci stats``."""
    figures = stats(org)
    span = figures["span_of_control"]
    # Posts are shown when some unit says how many it has.
    posts = {k: figures[k] for k in ("posts", "filled", "vacant")} if figures["headcount"] else {}
    return {
        "units": figures["units"],
        "positions": figures["positions"],
        "external": figures["external"],
        "deliverables": figures["deliverables"],
        "assignments": figures["assignments"],
        "depth": figures["depth"],
        "span_of_control": (
            {"median": span["median"], "max": span["max"]} if span["max"] is not None else None
        ),
        "posts": posts,
        "workload": figures["workload"],
    }


# -- the page --------------------------------------------------------------------


def _json_for_script(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (and holds no raw
    control character, which an HTML parser would refuse)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029\x7f-\x9f]", lambda m: f"\\u{ord(m[0]):04x}", text)


#: The counts of the page's script whose plural form it picks: the form of each count up to
#: 199, and of a larger one by its last two digits (as every catalog language's rule goes).
_PLURAL_COUNTS = 200


def _plural(form: Callable[[int], str]) -> dict[str, list[Any]]:
    """A message's forms for the page's script, ``form`` giving the one of a count: each
    form once, and which form each count from 0 to 199 takes."""
    texts = [form(n) for n in range(_PLURAL_COUNTS)]
    forms = list(dict.fromkeys(texts))
    return {"forms": forms, "index": [forms.index(text) for text in texts]}


@attrs.define
class _Report:
    org: Organization
    lang: str | None
    paper: Paper
    landscape: bool
    words: Words = attrs.field(init=False)
    matrix: Matrix = attrs.field(init=False)
    boxes: set[str] = attrs.field(init=False, factory=set)

    def __attrs_post_init__(self) -> None:
        self.words = words_for(self.lang or self.org.language)
        self.matrix = build_matrix(self.org, lang=self.lang)

    def gettext(self, message: str, **values: object) -> str:
        """A fixed word in the page's language, its fields filled, escaped for HTML."""
        text = self.words.gettext(message)
        return escape_html(text.format(**values) if values else text)

    def ngettext(self, singular: str, plural: str, count: float, **values: object) -> str:
        """The form of a fixed word that goes with ``count``, filled and escaped."""
        return escape_html(self.words.ngettext(singular, plural, count).format(**values))

    def number(self, value: float) -> str:
        """A count as the page's language writes it."""
        return self.words.number(value)

    def name(self, party: str) -> str:
        return self.org.display_name(party, self.lang)

    def page(self, select: Sequence[str] | None, ignore: Sequence[str] | None) -> str:
        org = self.org
        try:
            findings: list[Finding] = validate(org, select, ignore)
        except LoadError as exc:  # rule settings made in memory that no rule takes
            findings = list(exc.findings)
        figures = _figures(org)
        chart = self.chart()
        title = org.names.get(self.lang) or Path(org.source).stem or "raci"
        heading = self.gettext("Organization report: {name}", name=title)
        source = self.gettext("Model file: {file}", file=Path(org.source).name)
        contents, summary = self.gettext("Contents"), self.gettext("Summary")
        findings_title, chart_title = self.gettext("Findings"), self.gettext("Organization chart")
        matrix_title, workload = self.gettext("Responsibility matrix"), self.gettext("Workload")
        close, holds = self.gettext("Close"), self.gettext("What it holds")
        generated = self.gettext("Generated by raci {version}.", version=__version__)
        return f"""<!DOCTYPE html>
<html {html_language(self.lang or org.language)}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="raci {escape_html(__version__)}">
<link rel="icon" href="data:,">
<title>{heading}</title>
<style>
{self.page_css(title)}
{REPORT_CSS}{LEGEND_CSS}{MATRIX_CSS}{self.mirrored_css()}{role_css(self.matrix.scheme)}</style>
</head>
<body>
<header class="top">
<h1>{heading}</h1>
<p class="source">{source}</p>
<nav class="toc" aria-label="{contents}">
<a href="#summary">{summary}</a>
<a href="#findings">{findings_title}</a>
<a href="#chart">{chart_title}</a>
<a href="#matrix">{matrix_title}</a>
<a href="#workload">{workload}</a>
</nav>
</header>
<main>
{self.summary(figures, findings)}
{self.findings(findings)}
{chart}
{self.matrix_section()}
{self.workload(figures["workload"])}
{self.chart_pages()}
</main>
<aside id="panel" hidden aria-live="polite">
<button type="button" class="close" aria-label="{close}">×</button>
<h2 id="panel-title"></h2>
<p id="panel-meta"></p>
<h3>{holds}</h3>
<div id="panel-body"></div>
</aside>
<footer><p>{generated}</p></footer>
<script type="application/json" id="raci-data">{_json_for_script(self.data())}</script>
<script>
{report_js(rtl=self.words.rtl)}</script>
</body>
</html>
"""

    # -- summary -----------------------------------------------------------------

    def summary(self, figures: Mapping[str, Any], findings: Sequence[Finding]) -> str:
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        if counts[Severity.ERROR]:
            verdict, cls = self.gettext("The model has errors to fix."), "bad"
        elif counts[Severity.WARNING]:
            verdict, cls = self.gettext("The model passes validation, with warnings."), "warn"
        else:
            verdict, cls = self.gettext("The model passes validation."), "ok"
        n = figures
        posts = figures["posts"]
        # Translators: the summary's cards: a count, and under it what it counts.
        cards = [
            (n["units"], self.ngettext("Unit", "Units", n["units"])),
            (n["positions"], self.ngettext("Position listed", "Positions listed", n["positions"])),
        ]
        if posts:
            cards += [
                (posts["posts"], self.ngettext("Post", "Posts", posts["posts"])),
                (posts["filled"], self.ngettext("Filled post", "Filled posts", posts["filled"])),
                (posts["vacant"], self.ngettext("Vacant post", "Vacant posts", posts["vacant"])),
            ]
        cards += [
            (n["deliverables"], self.ngettext("Deliverable", "Deliverables", n["deliverables"])),
            (n["assignments"], self.ngettext("Assignment", "Assignments", n["assignments"])),
            (n["external"], self.ngettext("External party", "External parties", n["external"])),
        ]
        if figures["units"]:
            cards.append((n["depth"], self.gettext("Depth (levels below the top unit)")))
        items = [
            f'<div class="card"><b>{self.number(v)}</b><span>{label}</span></div>'
            for v, label in cards
        ]
        span = figures["span_of_control"]
        if span:
            median, most = self.number(span["median"]), self.number(span["max"])
            label = self.gettext("Span of control (median / max)")
            items.append(f'<div class="card"><b>{median} / {most}</b><span>{label}</span></div>')
        for sev in Severity:
            items.append(
                f'<a class="card sev-{sev.value}" href="#findings-{sev.value}">'
                f"<b>{self.number(counts[sev])}</b>"
                f"<span>{escape_html(self.severity(sev, counts[sev]))}</span></a>"
            )
        summary = self.gettext("Summary")
        return (
            f'<section id="summary"><h2>{summary}</h2>'
            f'<p class="verdict {cls}">{verdict}</p>'
            f'<div class="cards">{"".join(items)}</div></section>'
        )

    def severity(self, severity: Severity, n: int) -> str:
        """What ``n`` findings of ``severity`` are called: errors, warnings, notes."""
        words = self.words
        if severity is Severity.ERROR:
            return words.ngettext("Error", "Errors", n)
        if severity is Severity.WARNING:
            return words.ngettext("Warning", "Warnings", n)
        return words.ngettext("Note", "Notes", n)

    def findings_of(self, severity: Severity) -> str:
        """The heading of the findings of ``severity``."""
        words = self.words
        if severity is Severity.ERROR:
            return words.gettext("Errors")
        if severity is Severity.WARNING:
            return words.gettext("Warnings")
        return words.gettext("Notes")

    # -- findings ----------------------------------------------------------------

    def findings(self, findings: Sequence[Finding]) -> str:
        title = self.gettext("Findings")
        out = [f'<section id="findings"><h2>{title}</h2>']
        if not findings:
            none = self.gettext("No findings: the model passes every rule.")
            out.append(f'<p class="none">{none}</p>')
        rows = {r.id: i for i, r in enumerate(self.matrix.rows)}
        hint = escape_html(self.words.gettext("Hint") + self.words.colon().rstrip())
        for sev in Severity:
            found = [f for f in findings if f.severity is sev]
            if not found:
                continue
            label = self.words.aside(self.findings_of(sev), self.words.number(len(found)))
            out.append(
                f'<h3 id="findings-{sev.value}" class="sev-{sev.value}">'
                f'{escape_html(label)}</h3><ul class="findings sev-{sev.value}">'
            )
            for f in found:
                message, said = f.said(self.words)
                advice = f'<div class="hint">{hint} {_code(said)}</div>' if said else ""
                out.append(
                    f'<li><code class="rule">{escape_html(f.rule)}</code> {self.subject(f, rows)}'
                    f' <span class="msg">{_code(message)}</span>'
                    f' <span class="loc">{escape_html(str(f.location))}</span>{advice}</li>'
                )
            out.append("</ul>")
        out.append("</section>")
        return "\n".join(out)

    def subject(self, f: Finding, rows: Mapping[str, int]) -> str:
        """The finding's subject, linked to its matrix row or its box in the chart."""
        sid = f.subject
        if sid in rows:
            label = self.matrix.rows[rows[sid]].label
            return (
                f'<a class="subject" href="#row-{rows[sid]}" data-row="{rows[sid]}">'
                f"{escape_html(label)}</a>"
            )
        party = self.org.parties.get(sid)
        unit = self.org.unit_of(sid) if party is not None else None
        if unit is not None and box_id(unit) in self.boxes:
            bid = escape_html(box_id(unit))
            name = escape_html(self.name(sid))
            return f'<a class="subject" href="#{bid}" data-unit="{bid}">{name}</a>'
        label = self.name(sid) if party is not None else sid
        return f'<span class="subject">{escape_html(label)}</span>' if label else ""

    # -- chart -------------------------------------------------------------------

    def chart(self) -> str:
        title = self.gettext("Organization chart")
        head = f'<section id="chart"><h2>{title}</h2>'
        if not self.org.units:
            none = self.gettext("The model lists no units, so there is no chart.")
            return f'{head}<p class="none">{none}</p></section>'
        try:
            source = chart_sources(self.org, lang=self.lang)[0]
            svg = engine.render(source, "svg").decode("utf-8")
        except (QueryError, OutputError) as exc:
            none = self.gettext("No chart: {reason}", reason=str(exc))
            return f'{head}<p class="none">{none}</p></section>'
        svg = engine.inline_svg(svg)
        found = (unescape(i) for i in re.findall(r'<g id="([^"]*)" class="node"', svg))
        self.boxes = {i for i in found if i.startswith("unit-")}
        fit, actual = self.gettext("Fit to width"), self.gettext("Actual size")
        click = self.gettext(
            "Click a unit in the chart or a column heading in the matrix to see what it holds."
        )
        tools = (
            f'<div class="tools"><button type="button" id="chart-fit">{fit}</button>'
            f'<button type="button" id="chart-actual">{actual}</button>'
            f'<span class="hint">{click}</span></div>'
        )
        return f'{head}{tools}<div class="chart-wrap" id="chart-wrap">{svg}</div></section>'

    def mirrored_css(self) -> str:
        """What changes in the page's style when it reads right to left ('' otherwise)."""
        return REPORT_RTL_CSS + LEGEND_RTL_CSS + MATRIX_RTL_CSS if self.words.rtl else ""

    def page_css(self, title: str) -> str:
        """The printed page: the paper, the running header and the page numbers."""
        return page_css(
            self.paper,
            landscape=self.landscape,
            margin=f"{PRINT_MARGIN[0]:g}mm {PRINT_MARGIN[1]:g}mm",
            language=self.lang or self.org.language,
            header=title,
            title=self.words.gettext("Organization report"),
        )

    def chart_pages(self) -> str:
        """The chart for print only: pages of their own, cut by the chart book's planner
        so that they fill the printed page with text no smaller than the chart's
        legible size."""
        if not self.org.units:
            return ""
        width, height = self.paper.mm(landscape=self.landscape)
        width -= 2 * PRINT_MARGIN[1]
        height -= 2 * PRINT_MARGIN[0] + CHART_HEADING
        area = Paper("print", min(width, height), max(width, height))
        try:
            sources = chart_sources(
                self.org, lang=self.lang, split_by="auto", paper=area, landscape=width > height
            )
            svgs = [engine.render(source, "svg").decode("utf-8") for source in sources]
        except (QueryError, OutputError):
            return ""
        pages = []
        for number, svg in enumerate(svgs, 1):
            heading = self.gettext("Organization chart")
            if len(svgs) > 1:
                # Translators: the heading of a printed page of the chart.
                heading = self.gettext(
                    "Organization chart, page {n} of {total}",
                    n=self.number(number),
                    total=self.number(len(svgs)),
                )
            # Ids belong to the chart on screen; these copies are only printed.
            drawing = re.sub(r'\sid="[^"]*"', "", engine.inline_svg(svg))
            pages.append(f'<div class="chart-page"><h2>{heading}</h2>{drawing}</div>')
        return f'<section id="chart-pages" class="print-only">{"".join(pages)}</section>'

    # -- matrix ------------------------------------------------------------------

    def matrix_section(self) -> str:
        m = self.matrix
        head = matrix_table_html(attrs.evolve(m, rows=())).replace(
            '<table class="raci">', '<table class="raci" id="raci-matrix">', 1
        )
        total = len(m.rows)
        # Printed, a matrix wider than the page comes in parts that the script fills in.
        width = self.paper.mm(landscape=self.landscape)[0] - 2 * PRINT_MARGIN[1]
        parts = print_parts(m, width, rows=False)
        wide = " raci-wide" if parts else ""
        title, search = self.gettext("Responsibility matrix"), self.gettext("Filter deliverables")
        placeholder = self.gettext("Type to filter deliverables…")
        count = self.number(total)
        shown = escape_html(self._shown(total).format(shown=count, total=count))
        return (
            f'<section id="matrix"><h2>{title}</h2>'
            f'<div class="tools"><label for="raci-search" class="sr">{search}</label>'
            f'<input type="search" id="raci-search" placeholder="{placeholder}"'
            f' autocomplete="off" aria-controls="raci-matrix">'
            f' <span id="raci-count" data-total="{total}">'
            f"{shown}</span></div>"
            f"{matrix_legend(m)}"
            f'<div class="raci-wrap{wide}" id="raci-wrap">{head}</div>'
            f'<p id="raci-more" class="hint" hidden></p>{parts}</section>'
        )

    def _shown(self, total: int) -> str:
        """How many of the ``total`` deliverables the filter shows, ``{shown}`` to fill."""
        # Translators: the matrix's filter: {shown} of the {total} deliverables match it.
        return self.words.ngettext(
            "{shown} of {total} deliverable shown", "{shown} of {total} deliverables shown", total
        )

    def data(self) -> dict[str, Any]:
        """What the script needs: the matrix rows (sparse), the columns, the units."""
        m = self.matrix
        org = self.org
        styles: dict[tuple[str, ...], int] = {}
        rows = []
        for r in m.rows:
            cells = []
            for ci, letters in enumerate(r.cells):
                if letters:
                    cells.append([ci, styles.setdefault(letters, len(styles))])
            rows.append([r.id, r.label, r.group_label, r.due, cells])
        columns = []
        for c in m.columns:
            party = org.parties.get(c.id)
            unit = org.unit_of(c.id) if party is not None else None
            kind = (
                "unit"
                if isinstance(party, Unit)
                else "post"
                if isinstance(party, Position)
                else "external"
                if isinstance(party, External)
                else ""
            )
            box = box_id(unit) if unit is not None and box_id(unit) in self.boxes else ""
            columns.append([c.id, c.label, kind, box])
        column_of = {c.id: i for i, c in enumerate(m.columns)}
        units: dict[str, Any] = {}
        for uid, u in org.units.items():
            bid = box_id(uid)
            if bid not in self.boxes:
                continue
            cols = [column_of[uid]] if uid in column_of else []
            cols += [column_of[p] for p in org.positions_in(uid) if p in column_of]
            head = self.name(u.head) if u.head and u.head in org.positions else ""
            level = level_name(u.level, self.lang) if u.level else ""
            units[bid] = [uid, u.names.get(self.lang), level, head, cols]
        return {
            "rows": rows,
            "styles": [["/".join(k), cell_classes(m.scheme, k)] for k in styles],
            "columns": columns,
            "units": units,
            "top": next((box_id(u) for u in org.roots if box_id(u) in self.boxes), ""),
            "words": self.script_words(),
            "group": self.words.digit_group,
        }

    def script_words(self) -> dict[str, Any]:
        """The words the page's script writes, ``{fields}`` to fill; the plural forms of
        the rows still to come."""
        w = self.words
        return {
            "shown": self._shown(len(self.matrix.rows)),
            "holds_none": w.gettext("No role on any deliverable."),
            # Translators: a role held through a unit: "through Finance Division".
            "via": w.gettext("through {name}"),
            "level": w.gettext("Level"),
            # Translators: the head of a unit (its post).
            "head": w.gettext("Head"),
            "colon": w.colon(),
            "more_rows": _plural(
                lambda n: w.ngettext(
                    "{n} more row appears as you scroll.", "{n} more rows appear as you scroll.", n
                )
            ),
        }

    # -- workload ----------------------------------------------------------------

    def workload(self, workload: Mapping[str, Mapping[str, int]]) -> str:
        title = self.gettext("Workload")
        head = f'<section id="workload"><h2>{title}</h2>'
        if not workload:
            none = self.gettext("No party holds a role yet.")
            return f'{head}<p class="none">{none}</p></section>'
        ranked = sorted(workload.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        top = ranked[:WORKLOAD_TOP]
        caption = self.ngettext(
            "Roles held per party, for the {n} party with the most assignments.",
            "Roles held per party, for the {n} parties with the most assignments.",
            len(top),
            n=self.number(len(top)),
        )
        rows = legend(self.matrix.scheme, self.matrix.language)
        svg = _workload_svg(top, rows, self.name, self.words)
        return f"{head}<figure>{svg}<figcaption>{caption}</figcaption></figure></section>"


def _code(text: str) -> str:
    """A finding's text escaped, with its `quoted` ids and keys set as code and the
    places it names (``file:line:column``) marked as places."""
    coded = re.sub(r"`([^`<>]+)`", r"<code>\1</code>", escape_html(text))
    return _PLACE.sub(r'<span class="loc">\g<0></span>', coded)


#: A place in a file, as a finding's text names it: ``org.yaml:12:5``, ``t.xlsx!S!B4``.
_PLACE = re.compile(r"(?<![\w/.])[^\s<>();,，；（）]+?(?::\d+:\d+|![^\s<>!]+![A-Z]+\d+)")


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns, with an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


#: The height of a line of the workload's key, and how wide a display column of its 12
#: pixel text is taken to be.
_KEY_LINE, _KEY_COLUMN = 18, 7


def _legend_places(
    rows: Sequence[LegendRow], start: int, width: int
) -> tuple[list[tuple[int, int]], int]:
    """Where each role of the workload's key goes (its x and line), from ``start`` on, a
    new line when the next would pass ``width``; and the width that holds them all (more
    than ``width`` only for a role wider than the line)."""
    places, x, line, widest = [], start, 0, width
    for row in rows:
        wide = 16 + _KEY_COLUMN * display_width(f"{row.letter} {row.name}")
        if x > start and x + wide > width - 8:
            x, line = start, line + 1
        places.append((x, line))
        widest = max(widest, x + wide + 8)
        x += wide + 14
    return places, widest


def _workload_svg(
    top: Sequence[tuple[str, Mapping[str, int]]],
    rows: Sequence[LegendRow],
    name: Any,
    words: Words,
) -> str:
    """A horizontal stacked bar per party: how many deliverables it holds each role on,
    under a legend of the roles' colours; a bar's title says it in the language of
    ``words``. In a language read right to left it is mirrored: names on the right,
    bars growing leftwards."""
    label_w, bar_w, row_h = 300, 420, 22
    biggest = max(sum(h.values()) for _, h in top)
    keys, width = _legend_places(rows, label_w, label_w + bar_w + 50)
    top_pad = 16 + _KEY_LINE * (keys[-1][1] + 1)
    height = top_pad + row_h * len(top) + 8

    def at(x: float, wide: float = 0) -> float:
        """Where a thing ``wide`` that starts at ``x`` starts, mirrored when need be."""
        return width - x - wide if words.rtl else x

    def anchor(side: str) -> str:
        """A text's anchor, its side swapped when mirrored."""
        return {"start": "end", "end": "start"}.get(side, side) if words.rtl else side

    parts = [
        f'<svg class="workload" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' font-family="system-ui, sans-serif" font-size="12">'
    ]
    for (x, line), row in zip(keys, rows, strict=True):
        start = f' text-anchor="{anchor("start")}"' if words.rtl else ""
        y = 6 + _KEY_LINE * line
        parts.append(
            f'<rect x="{at(x, 12)}" y="{y}" width="12" height="12" fill="{row.colour.fill}"'
            f' stroke="{row.colour.strong}" stroke-width=".5"/>'
            f'<text x="{at(x + 16)}" y="{y + 10}"{start}>'
            f"{escape_html(row.letter)} {escape_html(row.name)}</text>"
        )
    for n, (party, held) in enumerate(top):
        y = top_pad + n * row_h
        label = name(party)
        held_text = words.listed(f"{k} {words.number(v)}" for k, v in held.items())
        title = words.labelled(words.aside(label, party), held_text)
        parts.append(
            f'<g class="bar"><title>{escape_html(title)}</title>'
            f'<text x="{at(label_w - 8)}" y="{y + 15}" text-anchor="{anchor("end")}">'
            f"{escape_html(_clip(label, 40))}</text>"
        )
        x0 = float(label_w)
        for row in rows:
            count = held.get(row.letter, 0)
            if not count:
                continue
            w = bar_w * count / biggest
            parts.append(
                f'<rect x="{at(x0, w):.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}"'
                f' fill="{row.colour.fill}" stroke="#fff" stroke-width="1"/>'
            )
            if w >= 18:
                parts.append(
                    f'<text x="{at(x0 + w / 2):.1f}" y="{y + 15}" text-anchor="middle"'
                    f' font-size="10">{words.number(count)}</text>'
                )
            x0 += w
        end = f' text-anchor="{anchor("start")}"' if words.rtl else ""
        parts.append(
            f'<text x="{at(x0 + 6):.1f}" y="{y + 15}" font-weight="600"{end}>'
            f"{words.number(sum(held.values()))}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
