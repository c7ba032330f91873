"""Org charts: the hierarchy laid out as a tidy tree, drawn by Graphviz, one colour family
per division, on pages of a paper size when asked."""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs
import graphviz

from raci import progress
from raci._text import one_line
from raci.analysis.figures import Posts
from raci.exceptions import OutputError, QueryError
from raci.findings import Field, Listed, Said, Word, nsay, number, say
from raci.lookup import Lookup
from raci.model import Deliverable, Organization
from raci.output import in_memory, refuse_inputs, write_atomic
from raci.render import engine
from raci.render.chart.key import Shown, key_table
from raci.render.chart.layout import VGAP, Placed, layout, mirrored
from raci.render.chart.options import AUTO, ChartOptions
from raci.render.chart.pages import PLACEHOLDER_PAGE, Planner, depths
from raci.render.chart.style import (
    DOTTED_LINE,
    FAMILIES,
    FONT_SIZES,
    NEUTRAL,
    REPORTING_LINE,
    ROOT,
    SIDE_PAD,
    STAFF_PEN,
    VACANT,
    Box,
    box_posts,
    chart_fonts,
    families,
    level_ranks,
    role_colour,
    unit_box,
)
from raci.render.chart.words import ChartWords
from raci.render.dot import esc, shown, wrapped
from raci.render.editable.geometry import Source
from raci.render.editable.writer import SUFFIXES as EDITABLE
from raci.render.editable.writer import write_editable
from raci.render.engine import FontWarning, GraphvizWarning
from raci.render.legend.as_dot import legend_dot
from raci.render.pages import BAND, EDGE, RunningHead, breadcrumb, head_nodes, header
from raci.render.palette import TEXT as DARK_TEXT
from raci.render.palette import RoleColour
from raci.render.paper import PAPERS
from raci.render.pdf import merge_pdfs

__all__ = [
    "SUFFIXES",
    "ChartOptions",
    "ChartPage",
    "ChartWarning",
    "FontWarning",
    "GraphvizWarning",
    "box_id",
    "chart_key",
    "chart_pages",
    "chart_sources",
    "render_chart",
]

#: Charts written as text for other tools: a Mermaid flowchart, GraphML and GEXF graphs.
DATA = (".mmd", ".graphml", ".gexf")
SUFFIXES = (".svg", ".png", ".pdf", ".dot", *EDITABLE, *DATA)
#: What a chart written as data leaves to the tool that draws it: pages, paper, pixels.
DRAWN_ONLY = ("split_by", "paper", "landscape", "dpi", "max_pixels", "highlight")
#: The white border of a paper page, and around a chart without paper (points).
MARGIN = 28.0
PAD = 18.0
#: The smallest text of a chart, and the size under which text is hard to read (points).
SMALLEST_FONT = 8.0
LEGIBLE = 6.0
#: The size of text in a box that sets none (role letters beside a post's title).
FONT_SIZE = 10
DEFAULT_DPI = 150.0
MAX_PIXELS = 50_000_000
#: Cairo draws no bitmap wider or higher than this many pixels.
CAIRO_SIDE = 32_000
#: Pages with at most this many boxes and dotted lines have their dotted lines routed round
#: the boxes by Graphviz; others get straight dotted lines (routing costs grow fast with
#: both: 120 boxes with 14,000 dotted lines took a minute).
ROUTED = 150
ROUTED_LINES = 60
#: Ids used as DOT node names as they are (others get a generated name): short, plain.
_SAFE_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,200}")
#: The room a running head takes above and below a chart drawn without paper (points).
HEAD_ROOM = EDGE + BAND
#: The room between the key (or title) and the chart (points).
LEGEND_GAP = 14.0
#: The length of a dotted line's arrowhead (points).
ARROW = 8.0


class ChartWarning(UserWarning):
    """The chart comes out smaller than it reads well: text under 6 pt on its paper, or a
    PNG drawn at a lower resolution to stay under the pixel limit."""


def _warn_once(notes: Sequence[Said | None]) -> None:
    """Warn with each of ``notes`` (None: nothing to say) once, as a :class:`ChartWarning`
    of the caller's caller."""
    for note in {str(n): n for n in notes if n is not None}.values():
        warnings.warn(ChartWarning(note), stacklevel=3)


def render_chart(
    org: Organization,
    path: str | os.PathLike[str] | None = None,
    options: ChartOptions | None = None,
    *,
    format: str | None = None,
    **changes: Any,
) -> list[Path] | str | bytes:
    """Draw the org chart to ``path``; the format follows its suffix (.svg, .png, .pdf, .dot,
    an editable figure: .pptx, .drawio, or the chart as data another tool draws: a Mermaid
    flowchart, .mmd, or a graph, .graphml or .gexf).

    The options are a :class:`ChartOptions`, keywords, or both (the keywords change the
    given options): ``root`` (unit id), ``depth`` (levels below the root), ``lang``,
    ``positions`` (list posts in their units), ``highlight`` (deliverable id: colour by
    role), ``split_by`` (level name or depth: one page per subtree), ``title``, ``heads``
    and ``headcount`` (show them), ``stack`` (the most leaf children drawn side by side;
    more stack in columns). ``paper`` (a size of :data:`raci.render.paper.PAPERS`: A4,
    A3, Letter...) makes each page that size, the chart scaled to fit, ``landscape``
    (True or False) or else whichever orientation fits it better; with ``split_by`` the
    pages then start with an overview, and ``split_by='auto'`` cuts the chart wherever
    the paper needs, so that no text is under 6 pt. A PNG is drawn at ``dpi`` (150) and
    at most ``max_pixels`` (50 million) pixels. With ``split_by`` a PDF gets one page per
    subtree and other formats one file per page, numbered ``chart-1.svg``,
    ``chart-2.svg``... A .pptx (a slide per page) or .drawio (a diagram page per page)
    holds every page, each unit a shape and each line a connector glued to its boxes.
    A .mmd, .graphml or .gexf chart takes no paper, pages, pixels or highlight (the tool
    that opens it draws it): a ValueError says so.
    Returns the paths written; without ``path``, the drawing itself in ``format``
    (``svg`` by default): text for SVG, DOT, draw.io, Mermaid, GraphML and GEXF, bytes for
    PNG, PDF and PPTX. Warns with a :class:`ChartWarning`
    when text comes out under 6 pt on the paper or a PNG is scaled down, or a Mermaid
    chart is larger than GitHub draws, a :class:`FontWarning` when no installed font has
    the letters of a script the labels hold (Chinese, Arabic...).
    """
    opts = ChartOptions.of(options, **changes)
    _expect("org", org, Organization, "an Organization")
    if path is None:
        return _drawing(org, opts, format or "svg")
    _expect("path", path, (str, os.PathLike), "a file path")
    target = Path(path)
    if format is not None and f".{format.lower().lstrip('.')}" != target.suffix.lower():
        msg = f"format {format!r} does not match the path's suffix {target.suffix!r}"
        raise ValueError(msg)
    return _render_to(org, opts, target)


def _render_to(org: Organization, opts: ChartOptions, target: Path) -> list[Path]:
    """Draw the chart to ``target`` (its pages numbered beside it); the paths written."""
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        what = suffix or "a file without suffix"
        msg = f"cannot write a chart as {what!r}; use one of {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    inputs = [org.source] if Path(org.source).exists() else []
    if suffix in DATA:
        write_atomic(target, _data(org, opts, suffix[1:]), inputs)
        return [target]
    pages = _pages(org, opts)
    fmt = suffix[1:]
    if suffix in EDITABLE:
        editable = write_editable([p.editable() for p in pages], target, inputs)
        _warn_once([_small_text(pages, opts), editable])
        return [target]
    for hint in engine.missing_fonts(p.source for p in pages) if fmt in ("png", "pdf") else []:
        warnings.warn(FontWarning(hint), stacklevel=2)
    notes: list[Said | None] = [_small_text(pages, opts)]
    rendered = []
    for page in progress.each("drawing the chart", pages, "pages"):
        data, note = _render_page(page, fmt, opts)
        rendered.append(data)
        notes.append(note)
    _warn_once(notes)
    if fmt == "pdf" and len(rendered) > 1:
        rendered = [merge_pdfs(rendered)]
    if len(rendered) == 1 and (fmt == "pdf" or opts.split_by is None):
        write_atomic(target, rendered[0], inputs)
        return [target]
    digits = len(str(len(rendered)))
    written = [
        target.with_name(f"{target.stem}-{i:0{digits}d}{target.suffix}")
        for i in range(1, len(rendered) + 1)
    ]
    _write_all(written, rendered, inputs)
    return written


def _data(org: Organization, opts: ChartOptions, fmt: str) -> bytes:
    """The chart as a Mermaid flowchart, or as a GraphML or GEXF graph: the units in scope
    (``root``, ``depth``), named in ``lang``; warns when GitHub would not draw the Mermaid
    chart."""
    given = [name for name in DRAWN_ONLY if getattr(opts, name) is not None]
    if given:
        msg = (
            f"{', '.join(given)} {'does' if len(given) == 1 else 'do'} not apply to a .{fmt}"
            " chart, which the tool that opens it draws; choose the units with root and depth"
        )
        raise ValueError(msg)
    opts = _check(org, opts)
    org = _as_forest(org, warn=opts.root is None)
    tops = [opts.root] if opts.root is not None else _tops(org)
    if fmt != "mmd":
        from raci.render.chart.as_graph import graph_file

        return graph_file(org, opts, tops, fmt)
    from raci.render.chart.as_mermaid import mermaid_chart

    text, note = mermaid_chart(org, opts, tops)
    if note is not None:
        warnings.warn(ChartWarning(note), stacklevel=4)
    return text.encode("utf-8")


def chart_sources(
    org: Organization, options: ChartOptions | None = None, **changes: Any
) -> list[str]:
    """The DOT text of each page of the chart (one page unless ``split_by`` is given),
    every node and line at its place (render with ``neato -n2``, or with Graphviz's
    ``nop2`` layout that the text names); the options are those of :func:`render_chart`."""
    opts = ChartOptions.of(options, **changes)
    _expect("org", org, Organization, "an Organization")
    return [page.source for page in _pages(org, opts)]


def _drawing(org: Organization, opts: ChartOptions, fmt: str) -> str | bytes:
    """The chart itself, for a caller that gave no path: SVG, DOT, draw.io, Mermaid, GraphML
    or GEXF text, or the bytes of a PNG, PDF or PPTX file; one page (or a PDF of every
    page)."""
    fmt = fmt.lower().lstrip(".")
    if f".{fmt}" not in SUFFIXES:
        msg = f"cannot draw a chart as {fmt!r}; use one of {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    text = fmt in ("svg", "dot", "drawio") or f".{fmt}" in DATA
    return in_memory(
        lambda target: _render_to(org, opts, target), f"chart.{fmt}", text=text, what="chart"
    )


def chart_pages(
    org: Organization, options: ChartOptions | None = None, **changes: Any
) -> list[ChartPage]:
    """The pages of the chart laid out, for a document that draws and holds them itself
    (the restructuring annex); the options are those of :func:`render_chart`, and so is
    the :class:`ChartWarning` when text comes out under 6 pt on the paper."""
    opts = ChartOptions.of(options, **changes)
    _expect("org", org, Organization, "an Organization")
    pages = _pages(org, opts)
    _warn_once([_small_text(pages, opts)])
    return pages


def chart_key(org: Organization, options: ChartOptions | None = None, **changes: Any) -> str:
    """The DOT text of the key of the whole chart, what the keys of its pages say
    together, for a document that shows it once and draws the pages with ``key=False``
    (render it with Graphviz's ``dot`` layout). The options are those of
    :func:`render_chart`."""
    _expect("org", org, Organization, "an Organization")
    opts = _check(org, ChartOptions.of(options, **changes))
    org = _as_forest(org, warn=False)
    shared = _Shared(org, opts)
    tops = [opts.root] if opts.root is not None else _tops(org)
    chart = _Chart(shared, tops)
    for top in tops:
        chart.level.update(depths(org, top, opts.depth))
    label = key_table(chart.shown(), shared.words)
    return f'digraph key {{ node [shape=plain fontname="{shared.fonts}"] key [label=<{label}>] }}'


def _expect(name: str, value: object, types: type | tuple[type, ...], what: str) -> None:
    """Raise TypeError unless ``value`` is an instance of ``types``."""
    if not isinstance(value, types):
        msg = f"{name} must be {what} (got {type(value).__name__} {value!r:.60})"
        raise TypeError(msg)


def _write_all(files: Sequence[Path], data: Sequence[bytes], inputs: Sequence[str]) -> None:
    """Write every page beside its target first, then put them all in place."""
    for file in files:
        refuse_inputs(file, inputs)
    staged: list[Path] = []
    try:
        for file, payload in zip(files, data, strict=True):
            stage = file.with_name(f".{file.name}.staged")
            write_atomic(stage, payload, inputs)
            staged.append(stage)
        for stage, file in zip(staged, files, strict=True):
            os.replace(stage, file)
    except OSError as exc:
        msg = f"cannot write {files[len(staged) - 1] if staged else files[0]}: {exc.strerror}"
        raise OutputError(msg) from None
    finally:
        for stage in staged:
            stage.unlink(missing_ok=True)


@attrs.frozen
class ChartPage:
    """One page of a chart laid out: its DOT text (drawn by :func:`raci.render.engine.render`),
    its size in points, the scale its chart is drawn at, and the units drawn (DOT node
    name, unit id, level)."""

    source: str
    width: float
    height: float
    scale: float
    paper: str | None = None
    units: tuple[tuple[str, str, str | None], ...] = ()
    rtl: bool = False

    def editable(self) -> Source:
        """The page as an editable figure takes it: on paper, exactly the paper's size."""
        units = {name: (uid, level) for name, uid, level in self.units}
        size = (self.width, self.height)
        if self.paper is not None:
            size = PAPERS[self.paper].points(landscape=self.width > self.height)
        return Source(self.source, units, size, self.scale, self.rtl)


def _pages(org: Organization, opts: ChartOptions) -> list[ChartPage]:
    """Every page of the chart; a book on paper has one orientation throughout: the one
    asked for, else portrait for ``split_by='auto'`` (whose pages are cut to read on it)
    and, for pages split by a level, the one whose smallest page is drawn largest."""
    opts = _check(org, opts)
    org = _as_forest(org, warn=opts.root is None)
    if opts.split_by is None or opts.paper is None or opts.landscape is not None:
        return _numbered(_Shared(org, opts), _charts)
    if opts.split_by == AUTO:
        return _numbered(_Shared(org, attrs.evolve(opts, landscape=False)), _charts)
    books = [
        _numbered(_Shared(org, attrs.evolve(opts, landscape=landscape)), _charts)
        for landscape in (True, False)
    ]
    return max(books, key=lambda pages: min(page.scale for page in pages))


def _numbered(shared: _Shared, plan: Callable[[_Shared], list[_Chart]]) -> list[ChartPage]:
    """The pages ``plan`` makes, each with its running head when it has one."""
    charts = plan(shared)
    return [
        chart.page(shared.running_head(i, len(charts), chart.tops))
        for i, chart in enumerate(progress.each("laying out the chart", charts, "pages"), 1)
    ]


def _charts(shared: _Shared) -> list[_Chart]:
    """The pages of the chart, in order, before they are numbered."""
    org, opts = shared.org, shared.opts
    tops = [opts.root] if opts.root is not None else _tops(org)
    if opts.split_by is None:
        return [_Chart(shared, tops)]
    if opts.split_by == AUTO:
        return _fitted_pages(shared, tops)
    heads = _split_roots(org, opts)
    pages = []
    if opts.paper is not None:
        # The overview shows the units above the split level; a unit at that level with
        # nothing below it is whole there and needs no page of its own.
        heads = [uid for uid in heads if org.children(uid)] or heads
        cut = {uid: i for i, uid in enumerate(heads, 2)}
        pages.append(_Chart(shared, tops, cut=cut))
    return pages + [_Chart(shared, [top]) for top in heads]


def _fitted_pages(shared: _Shared, tops: list[str]) -> list[_Chart]:
    """The pages of ``split_by='auto'``: each reads on the paper (see ``_chart_pages``)."""
    assert shared.opts.paper is not None
    # No page reads with more levels than its long side holds rows of the lowest boxes.
    long_side = shared.opts.paper.points()[1]
    most = math.ceil(long_side / (LEGIBLE / SMALLEST_FONT) / VGAP)

    def reads(
        tops: list[str],
        cut: Sequence[str],
        origin: Sequence[str],
        part: tuple[str, list[str]] | None,
    ) -> bool:
        page = PLACEHOLDER_PAGE
        chart = _Chart(
            shared,
            tops,
            cut=dict.fromkeys(cut, page),
            origin=dict.fromkeys(origin, page),
            family=(part[0], part[1], page) if part else None,
        )
        return SMALLEST_FONT * chart.scale() >= LEGIBLE

    planner = Planner(shared.org, reads, shared.hidden, most)
    return [
        _Chart(shared, p.tops, cut=p.cut, origin=p.origin, family=p.family)
        for p in planner.plan(tops)
    ]


def _small_text(pages: Sequence[ChartPage], opts: ChartOptions) -> Said | None:
    """What to say when fitting pages to their paper makes the smallest text too small."""
    small = [(i, p) for i, p in enumerate(pages, 1) if SMALLEST_FONT * p.scale < LEGIBLE]
    if not small:
        return None
    worst = min(p.scale for _, p in small)
    fields: dict[str, Field] = {
        "paper": opts.paper.name if opts.paper else "",
        "percent": round(worst * 100),
        "size": number(SMALLEST_FONT * worst, 1),
        "legible": number(LEGIBLE),
        "advice": _advice(opts),
    }
    if len(pages) == 1:
        # Translators: {paper} is a paper size (A4); {percent} is followed by the percent
        # sign, {size} and {legible} by "pt" (typographic points).
        return say(
            "on {paper} paper the chart is scaled to {percent}%, so its smallest text is"
            " {size} pt (under {legible} pt); {advice}",
            **fields,
        )
    # Translators: {pages} lists the numbers of the pages (the form goes with how many);
    # {paper}, {percent}, {size} and {legible} as in the message on one page.
    return nsay(
        "on {paper} paper page {pages} is scaled down to as little as {percent}%, so the"
        " smallest text is {size} pt (under {legible} pt); {advice}",
        "on {paper} paper pages {pages} are scaled down to as little as {percent}%, so the"
        " smallest text is {size} pt (under {legible} pt); {advice}",
        len(small),
        pages=Listed(tuple(i for i, _ in small)),
        **fields,
    )


def _advice(opts: ChartOptions) -> Said:
    """What makes the pages of a chart whose text is too small read: other pages or paper."""
    if opts.split_by == AUTO:
        # Translators: {option} is the option that chooses the paper, kept as written.
        return say(
            "a unit has more units right below it than a page holds; use a larger {option}",
            option="--paper",
        )
    if opts.split_by is not None:
        # Translators: {split_by}, {auto}, {depth} and {option} are options, kept as written.
        return say(
            "{split_by} a lower level, {auto} or {depth} makes pages that read, or choose a"
            " larger {option}",
            split_by="--split-by",
            auto="--split-by auto",
            depth="--depth N",
            option="--paper",
        )
    # Translators: {auto}, {level}, {depth} and {option} are options, kept as written.
    return say(
        "{auto}, {level} or {depth} makes pages that read, or choose a larger {option}",
        auto="--split-by auto",
        level="--split-by LEVEL",
        depth="--depth N",
        option="--paper",
    )


def _render_page(page: ChartPage, fmt: str, opts: ChartOptions) -> tuple[bytes, Said | None]:
    """The page in ``fmt``, and what to tell the user when a PNG had to be drawn smaller."""
    if fmt == "dot":
        return page.source.encode("utf-8"), None
    if fmt != "png":
        return engine.render(page.source, fmt), None
    dpi = opts.dpi if opts.dpi is not None else DEFAULT_DPI
    limit = opts.max_pixels if opts.max_pixels is not None else MAX_PIXELS
    wide, high = page.width / 72 * dpi, page.height / 72 * dpi
    fit = min(1.0, math.sqrt(limit / (wide * high)), CAIRO_SIDE / wide, CAIRO_SIDE / high)
    if fit == 1.0:
        return engine.render(page.source, "png", dpi=dpi), None
    lower = dpi * fit * 0.999
    fields: dict[str, Field] = {
        "wide": number(wide, 0),
        "high": number(high, 0),
        "megapixels": number(wide * high / 1e6, 0),
        "lower": round(lower),
        "dpi": Word(f"{dpi:g}", lambda words: words.number(dpi)),
        "drawn_wide": number(wide * fit, 0),
        "drawn_high": number(high * fit, 0),
    }
    if fit * math.sqrt(wide * high) < math.sqrt(limit) * 0.999:
        # Translators: Cairo is the library Graphviz draws PNG pictures with.
        note = say(
            "the PNG would be {wide} x {high} px ({megapixels} megapixels); it is drawn at"
            " {lower} dpi instead of {dpi} ({drawn_wide} x {drawn_high} px), the most"
            " Cairo draws; SVG and PDF stay sharp at any size",
            **fields,
        )
    else:
        # Translators: {option} is the option that raises the limit, kept as written.
        note = say(
            "the PNG would be {wide} x {high} px ({megapixels} megapixels); it is drawn at"
            " {lower} dpi instead of {dpi} ({drawn_wide} x {drawn_high} px) to stay under"
            " {limit} pixels ({option} raises the limit); SVG and PDF stay sharp at any"
            " size",
            **fields,
            limit=number(limit),
            option="--max-pixels",
        )
    return engine.render(page.source, "png", dpi=lower), note


def _tops(org: Organization) -> list[str]:
    """The units that head the chart (after :func:`_as_forest`, every unit is under one)."""
    if not org.units:
        raise QueryError("nothing to chart: the model has no units")
    return org.roots


def _as_forest(org: Organization, warn: bool) -> Organization:
    """``org`` as the chart draws it: each unit no top reaches (its parent does not exist,
    or it is the first unit of a cycle in file order) becomes a top of its own, after the
    real ones, so that every page is a tree. ``warn`` names those units in a warning: they
    are drawn apart, never left out in silence."""
    reached: set[str] = set()
    for top in org.roots:
        reached.update(org.subtree(top))
    apart: list[str] = []
    for uid in org.units:
        if uid not in reached:
            apart.append(uid)
            reached.update(org.subtree(uid))
    if not apart:
        return org
    if warn:
        warnings.warn(ChartWarning(_unreached(apart)), stacklevel=4)
    moved = set(apart)
    units = {uid: u for uid, u in org.units.items() if uid not in moved}
    units.update((uid, attrs.evolve(org.units[uid], parent=None)) for uid in apart)
    return attrs.evolve(org, units=units)


def _unreached(apart: Sequence[str]) -> Said:
    """The warning that ``apart`` (unit ids) cannot be reached from a top unit: the first
    five named, then how many more."""
    named: Field = Listed(tuple(f"`{one_line(uid)}`" for uid in apart[:5]))
    if len(apart) > 5:
        more = len(apart) - 5
        # Translators: {units} lists five units' ids; {n} is how many more there are.
        named = nsay("{units} and {n} more", "{units} and {n} more", more, units=named)
        named = named.with_fields(n=number(more))
    # Translators: {units} names the units; {command} is a command, kept as written.
    return nsay(
        "{units} cannot be reached from a top unit (a parent that does not exist, or a cycle"
        " of parents): drawn apart, each with the units below it; {command} says why",
        "{units} cannot be reached from a top unit (a parent that does not exist, or a cycle"
        " of parents): drawn apart, each with the units below it; {command} says why",
        len(apart),
        units=named,
        command="raci validate",
    )


def _check(org: Organization, opts: ChartOptions) -> ChartOptions:
    """The options checked against the model, with ``root`` and ``highlight`` resolved to
    ids (they may be given as an id in any case or as a name)."""
    if opts.root is not None:
        if opts.root in org.positions and opts.root not in org.units:
            msg = f"no unit with id {opts.root!r} (it is a position); --root must name a unit"
            raise QueryError(msg)
        units = Lookup({u.id: u.names for u in org.units.values()})
        opts = attrs.evolve(opts, root=units.resolve(opts.root, "unit"))
    if opts.highlight is not None:
        known = Lookup({d.id: d.names for d in org.deliverables.values()})
        deliverable = known.resolve(opts.highlight, "deliverable")
        opts = attrs.evolve(opts, highlight=deliverable)
    if opts.highlight is not None and opts.highlight not in org.deliverables:
        msg = f"no deliverable with id {opts.highlight!r} to highlight"
        raise QueryError(msg)
    return opts


def box_id(uid: str) -> str:
    """The id of a unit's box in an SVG chart, for pages that link to it: ``unit-`` and the
    unit id percent-encoded (so that no quote, backslash or markup reaches DOT or SVG); a
    very long id is hashed instead (Graphviz reads no string over 16,384 characters)."""
    encoded = quote(uid, safe="")
    if len(encoded) > 200:
        return "unit-h" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:24]
    return "unit-" + encoded


def _split_roots(org: Organization, opts: ChartOptions) -> list[str]:
    """The units that head a page: those at the split level (a name, or a depth) in scope."""
    below: dict[str, int] = {}
    for top in [opts.root] if opts.root is not None else _tops(org):
        below.update(depths(org, top))
    split = opts.split_by
    if isinstance(split, int) or (isinstance(split, str) and split.isascii() and split.isdigit()):
        found = [u for u, d in below.items() if d == int(split)]
    else:
        rank = org.levels.rank(split)
        if rank is None:
            msg = f"unknown level {split!r}; the levels are {', '.join(org.levels.names)}"
            raise QueryError(msg)
        found = [u for u in below if org.levels.rank(org.units[u].level) == rank]
    if not found:
        msg = f"no unit at level {split!r} to split the chart by"
        raise QueryError(msg)
    return found


#: The labels measured, by font list, kept for every chart the process draws: a document
#: that draws two versions of one organization measures each box once.
_MEASURED: dict[str, dict[str, tuple[float, float]]] = {}
#: The most labels kept; past it the next chart starts afresh.
_MOST_MEASURED = 200_000


def _measured(fonts: str) -> dict[str, tuple[float, float]]:
    """The sizes of the labels measured so far in ``fonts``."""
    if sum(map(len, _MEASURED.values())) > _MOST_MEASURED:
        _MEASURED.clear()
    return _MEASURED.setdefault(fonts, {})


class _Shared:
    """What every page of one chart needs: words, ranks, post counts, posts, fonts."""

    def __init__(self, org: Organization, opts: ChartOptions) -> None:
        self.org = org
        self.opts = opts
        # The chart's words speak the model's language unless told another.
        self.words = ChartWords.for_lang(opts.lang or org.language)
        self.total: dict[str, Posts] = box_posts(org, opts.headcount)
        self.family = families(org)
        self.ranks = level_ranks(org, self.family)
        self.posts: dict[str, list[str]] = {}
        for pid, post in org.positions.items():
            self.posts.setdefault(post.unit, []).append(pid)
        self.deliverable = org.deliverables[opts.highlight] if opts.highlight else None
        self.fonts = chart_fonts(opts.lang, org)
        #: The language of names and words, and whether it is read right to left: then
        #: the chart is mirrored and text keeps to the right.
        self.lang = opts.lang or org.language
        self.rtl = self.words.words.rtl
        self.start = "RIGHT" if self.rtl else "LEFT"
        self.subtree_sizes: dict[str, int] = {}
        #: The size of each box label already measured, in points.
        self.measured = _measured(self.fonts)

    @property
    def band(self) -> float:
        """The room a running head takes at the top and at the bottom of a paper page."""
        return BAND if self.opts.paper is not None else 0.0

    def running_head(self, number: int, total: int, tops: Sequence[str]) -> RunningHead | None:
        """The running head of page ``number`` of ``total`` (whose tops are ``tops``): on
        every page on paper and of a book; a page after the first says where it sits."""
        if self.opts.paper is None and self.opts.split_by is None:
            return None
        lang = self.opts.lang
        figure = shown(self.opts.title) or self.words.figure
        line = header([self.org.names.get(lang), figure], lang)
        crumb = ""
        if number > 1 and tops:
            # The units above the page's top, and the top itself when it is alone.
            chain = list(reversed(self.org.ancestors(tops[0])))
            if len(tops) == 1:
                chain.append(tops[0])
            crumb = breadcrumb([shown(self.org.units[u].names.get(lang), u) for u in chain], lang)
        return RunningHead(line, number, total, crumb, self.lang)

    def hidden(self, uid: str) -> int:
        """How many units are under ``uid``."""
        if uid not in self.subtree_sizes:
            self.subtree_sizes[uid] = len(depths(self.org, uid)) - 1
        return self.subtree_sizes[uid]


class _Chart:
    """One page: the units under ``tops``, boxes sized by their text, placed by
    :func:`layout`, as DOT with every position pinned."""

    def __init__(
        self,
        shared: _Shared,
        tops: Sequence[str],
        cut: Mapping[str, int] | None = None,
        origin: Mapping[str, int] | None = None,
        family: tuple[str, Sequence[str], int | None] | None = None,
    ) -> None:
        self.shared = shared
        self.org = shared.org
        self.opts = shared.opts
        self.words = shared.words
        self.ranks = shared.ranks
        self.posts = shared.posts
        self.deliverable = shared.deliverable
        self.total = shared.total
        self.tops = list(tops)
        self.cut = dict(cut or {})
        #: The page each top continues from.
        self.origin = dict(origin or {})
        #: A unit whose children are drawn only in part here, those children, and the
        #: page the rest continue on.
        self.family = family
        self.counter = itertools.count(1)
        #: The units drawn, with their distance from their page's top.
        self.level: dict[str, int] = {}
        self.names: dict[str, str] = {}

    def page(self, head: RunningHead | None = None) -> ChartPage:
        """Lay the page out and write it as DOT, with its running head when it has one."""
        return self._dot(*self._place(), head)

    def scale(self) -> float:
        """The scale the page is drawn at on its paper (1 without paper)."""
        _tables, _sizes, placed, _legend, legend_size = self._place()
        gap = LEGEND_GAP if legend_size[1] else 0.0
        width = max(placed.width, legend_size[0])
        return self._paper(width, placed.height + legend_size[1] + gap)[1]

    def _place(
        self,
    ) -> tuple[dict[str, str], dict[str, tuple[float, float]], Placed, str, tuple[float, float]]:
        """Each box's label and size, where they go, the legend and its size."""
        for top in self.tops:
            only = {self.family[0]: self.family[1]} if self.family else None
            self.level.update(depths(self.org, top, self.opts.depth, self.cut, only))
        tables = {uid: self._unit_table(uid) for uid in self.level}
        legend = self._graph_label()
        natural = self._measure([*tables.values(), *([legend] if legend else [])])
        widths: dict[int, float] = {}
        for (uid, _), (width, _h) in zip(tables.items(), natural, strict=False):
            rank = self.ranks[uid]
            widths[rank] = max(widths.get(rank, 0.0), math.ceil(width + 2 * SIDE_PAD))
        sizes = {
            uid: (widths[self.ranks[uid]], height)
            for (uid, _), (_w, height) in zip(tables.items(), natural, strict=False)
        }
        children = self._tree()
        staff = {uid for uid in self.level if self.org.units[uid].staff}
        legend_size = natural[-1] if legend else (0.0, 0.0)
        band = 2 * self.shared.band
        pages = [
            (w - 2 * MARGIN, h - 2 * MARGIN - band - legend_size[1])
            for w, h in self._orientations()
        ]
        placed = layout(self.tops, children, sizes, staff, stack=self.opts.stack, pages=pages)
        if self.shared.rtl:
            placed = mirrored(placed)
        return tables, sizes, placed, legend, legend_size

    def _tree(self) -> dict[str, list[str]]:
        """Each drawn unit's drawn children; a unit reached twice (a cycle, a unit under two
        tops) hangs only under the first."""
        children: dict[str, list[str]] = {uid: [] for uid in self.level}
        seen = set(self.tops)
        todo = list(reversed(self.tops))
        while todo:
            uid = todo.pop()
            if uid in self.cut:
                continue
            kids = [c for c in self.org.children(uid) if c in self.level and c not in seen]
            seen.update(kids)
            children[uid] = kids
            todo.extend(reversed(kids))
        return children

    def _measure(self, labels: Sequence[str]) -> list[tuple[float, float]]:
        """Each label's natural size, in points, as Graphviz draws it (each label is
        measured once for all the pages of a chart, and of the charts that follow)."""
        known = self.shared.measured
        new = list(dict.fromkeys(label for label in labels if label not in known))
        if new:
            lines = [
                f'digraph {{ node [shape=plain fontname="{self.shared.fonts}" fontsize={FONT_SIZE}]'
            ]
            lines.extend(f'm{i} [label=<{label}> pos="0,0"]' for i, label in enumerate(new))
            lines.append("}")
            sizes = engine.measure("\n".join(lines))
            known.update((label, sizes[f"m{i}"]) for i, label in enumerate(new))
        return [known[label] for label in labels]

    def _dot(
        self,
        tables: Mapping[str, str],
        sizes: Mapping[str, tuple[float, float]],
        placed: Placed,
        legend: str,
        legend_size: tuple[float, float],
        head: RunningHead | None = None,
    ) -> ChartPage:
        gap = LEGEND_GAP if legend else 0.0
        width = max(placed.width, legend_size[0])
        height = placed.height + legend_size[1] + gap
        frame, scale, paper = self._paper(width, height)
        room = HEAD_ROOM if head is not None and frame is None else 0.0
        height += 2 * room
        page_w, page_h = (frame[0] * scale, frame[1] * scale) if frame else (0.0, 0.0)
        full_w, full_h = frame if frame else (width, height)
        ox = (full_w - width) / 2 + (width - placed.width) / 2
        oy = (full_h - height) / 2 + room + legend_size[1] + gap

        def at(x: float, y: float) -> str:
            return f"{ox + x:.2f},{full_h - (oy + y):.2f}"

        graph_attr = {
            "layout": engine.PINNED,
            "bgcolor": "white",
            "outputorder": "edgesfirst",
            "fontname": self.shared.fonts,
        }
        if frame:
            graph_attr.update(
                pad="0", margin="0", size=f"{page_w / 72:.4f},{page_h / 72:.4f}", ratio="compress"
            )
        else:
            graph_attr["pad"] = f"{PAD / 72:.4f}"
        dot = graphviz.Digraph(
            "orgchart",
            graph_attr=graph_attr,
            node_attr={
                "shape": "plain",
                "fontname": self.shared.fonts,
                "fontsize": str(FONT_SIZE),
            },
            edge_attr=REPORTING_LINE,
        )
        if head is not None:
            for name, label, attributes in head_nodes(head, full_w, full_h, scale):
                dot.node(name, f"<{label}>", **attributes)
        if legend:
            lx = ox - (width - placed.width) / 2 + width / 2
            ly = full_h - (oy - gap - legend_size[1] / 2)
            dot.node("#legend", f"<{legend}>", pos=f"{lx:.2f},{ly:.2f}")
        for uid, (x, y, w, h) in placed.boxes.items():
            table = _widen(tables[uid], w)
            dot.node(self._name(uid), f"<{table}>", pos=at(x + w / 2, y + h / 2), id=box_id(uid))
        for link in placed.links:
            points = " ".join(at(px, py) for px, py in _spline(link.points))
            extra = {"penwidth": STAFF_PEN} if link.staff else {}
            dot.edge(self.names[link.parent], self.names[link.child], pos=points, **extra)
        dotted = self._dotted()
        routed = len(placed.boxes) <= ROUTED and len(dotted) <= ROUTED_LINES
        if routed and dotted:
            dot.graph_attr["splines"] = "true"
        for uid, other in dotted:
            route = {}
            if not routed:
                a, b = _between(placed.boxes[uid], placed.boxes[other])
                end = _towards(b, a, ARROW)
                route["pos"] = f"e,{at(*b)} {at(*a)} {at(*a)} {at(*end)} {at(*end)}"
            dot.edge(self.names[uid], self.names[other], **DOTTED_LINE, **route)
        units = tuple((self.names[u], u, self.org.units[u].level) for u in placed.boxes)
        rtl = self.shared.rtl
        if frame:
            for i, (x, y) in enumerate(engine.corners(full_w, full_h)):
                dot.node(
                    f"#frame-{i}",
                    "",
                    shape="point",
                    style="invis",
                    width=f"{engine.CORNER / 72:g}",
                    height=f"{engine.CORNER / 72:g}",
                    pos=f"{x:.4f},{y:.4f}",
                )
            return ChartPage(str(dot.source), page_w, page_h, scale, paper, units, rtl)
        size = (width + 2 * PAD, height + 2 * PAD)
        return ChartPage(str(dot.source), *size, 1.0, units=units, rtl=rtl)

    def _dotted(self) -> list[tuple[str, str]]:
        """The dotted lines drawn on the page: (unit, the unit it also reports to)."""
        return [
            (uid, other)
            for uid in self.level
            for other in self.org.units[uid].also_reports_to
            if other in self.level and other != uid
        ]

    def _paper(
        self, width: float, height: float
    ) -> tuple[tuple[float, float] | None, float, str | None]:
        """The frame (in chart points) that the paper maps to, the scale, the paper's name."""
        if self.opts.paper is None:
            return None, 1.0, None
        choices = self._orientations()

        band = 2 * self.shared.band

        def fit(paper: tuple[float, float]) -> float:
            room = (paper[0] - 2 * MARGIN) / width, (paper[1] - 2 * MARGIN - band) / height
            return min(*room, 1.0)

        paper = max(choices, key=fit)
        scale = fit(paper)
        frame = (paper[0] / scale, paper[1] / scale)
        return frame, scale, self.opts.paper.name

    def _orientations(self) -> list[tuple[float, float]]:
        """The paper's width and height in whole points (as Graphviz sizes a page), in the
        orientations allowed: landscape first (none without paper)."""
        if self.opts.paper is None:
            return []
        wanted = (True, False) if self.opts.landscape is None else (self.opts.landscape,)
        sizes = [self.opts.paper.points(landscape=landscape) for landscape in wanted]
        return [(round(width), round(height)) for width, height in sizes]

    def _name(self, uid: str) -> str:
        if uid not in self.names:
            self.names[uid] = uid if _SAFE_NAME.fullmatch(uid) else f"#{next(self.counter)}"
        return self.names[uid]

    # -- labels --------------------------------------------------------------

    def _unit_table(self, uid: str) -> str:
        """A unit's box: name, head, count of posts, roles and posts, each a row."""
        unit = self.org.units[uid]
        roles = self._roles(uid) if self.deliverable else None
        box = unit_box(self.org, self.shared.family[uid], self.ranks[uid], roles)
        width = 36 if box.rank == 0 else 26
        name = wrapped(shown(unit.names.get(self.opts.lang), uid), width)
        cells = [_cell(_font(f"<B>{name}</B>", FONT_SIZES[min(box.rank, 3)], box.text))]
        if unit.title:  # a person's job title, from a people sheet
            cells.append(_cell(_font(wrapped(shown(unit.title), width + 6), 9, box.text)))
        head = self.org.positions.get(unit.head or "")
        if self.opts.heads and head is not None:
            letters = self._letters(head.id) if self.opts.positions else []
            fill = role_colour(self.org.scheme, letters).fill if letters else None
            title, *holder = self._post_text(head.id, 9, _legible(box, letters))
            # A head post named as its unit (a people sheet's vacancy) is named once.
            named = head.names.get(self.opts.lang) != unit.names.get(self.opts.lang)
            first = self._in_order(_spaced([title if named else "", *_bold(letters)]))
            lines = [first, *holder] if first else holder
            if head.vacant:
                cells.append(_vacant_cell("<BR/>".join(lines), fill))
            else:
                cells.extend(_cell(line, fill) for line in lines)
        rows = []
        if uid in self.total:
            count = self.total[uid]
            rows.append(_font(esc(self.words.posts(count.posts, count.filled)), 8, box.muted))
        if uid in self.origin:
            rows.append(_font(esc(self.words.continued_from(self.origin[uid])), 8, box.muted))
        if self.family and self.family[0] == uid and self.family[2] is not None:
            rows.append(_font(f"<B>{esc(self.words.more_on(self.family[2]))}</B>", 9, box.muted))
        if uid in self.cut:
            rows.append(_font(f"<B>{esc(self.words.continued(self.cut[uid]))}</B>", 9, box.muted))
        elif self.level.get(uid) == self.opts.depth and self.org.children(uid):
            hidden = self.shared.hidden(uid)
            people = self.org.layout == "people-sheet"
            rows.append(_font(esc(self.words.below(hidden, people=people)), 8, box.muted))
        if self.deliverable is not None:
            rows.extend(self._role_lines(uid, box))
        cells.extend(_cell(r) for r in rows)
        if self.opts.positions:
            cells.extend(self._post_rows(uid, box))
        style = ' STYLE="rounded"' if box.rounded else ""
        return (
            f'<TABLE BORDER="{box.border}"{style} CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"'
            f' BGCOLOR="{box.fill}" COLOR="{box.line}">{"".join(cells)}</TABLE>'
        )

    def _post_text(self, pid: str, size: int, box: Box) -> list[str]:
        """A post's title and, as a line of its own, its holder or 'vacant'."""
        post = self.org.positions[pid]
        lines = [_font(wrapped(shown(post.names.get(self.opts.lang), pid), 32), size, box.text)]
        if post.vacant:
            lines.append(_font(f"<I>{esc(self.words.vacant)}</I>", size, VACANT))
        elif post.holder:
            lines.append(_font(f"<I>{esc(shown(post.holder))}</I>", size, box.text))
        return lines

    def _post_rows(self, uid: str, box: Box) -> list[str]:
        """One row per post of the unit (the head is already in the box's header)."""
        head = self.org.units[uid].head if self.opts.heads else None
        rows = []
        for pid in self.posts.get(uid, []):
            if pid == head:
                continue
            letters = self._letters(pid)
            fill = role_colour(self.org.scheme, letters).fill if letters else box.fill
            text = self._in_order(
                _spaced([*self._post_text(pid, 8, _legible(box, letters)), *_bold(letters)])
            )
            border = (
                f' BORDER="1" STYLE="dashed" COLOR="{VACANT}"'
                if self.org.positions[pid].vacant
                else ""
            )
            rows.append(
                f'<TR><TD BGCOLOR="{fill}" ALIGN="{self.shared.start}"{border}>{text}</TD></TR>'
            )
        return ["<HR/>", *rows] if rows else []

    def _in_order(self, spans: Sequence[str]) -> str:
        """The pieces of one line of a label (texts in different fonts), which Graphviz
        sets left to right: in reading order, reversed when the chart reads right to left."""
        return "".join(reversed(spans) if self.shared.rtl else spans)

    def _letters(self, party: str) -> list[str]:
        return self.deliverable.roles_of(party) if self.deliverable is not None else []

    def _roles(self, uid: str) -> list[str]:
        """The roles that colour the unit: its own, and its posts' when posts are not drawn."""
        letters = self._letters(uid)
        if not self.opts.positions:
            for pid in self.posts.get(uid, []):
                letters += self._letters(pid)
        return self.org.scheme.order(set(letters))

    def _role_lines(self, uid: str, box: Box) -> list[str]:
        """The unit's letters on the highlighted deliverable, then those of its undrawn posts."""
        lines = []
        own = self._letters(uid)
        if own:
            lines.append(_font(f"<B>{esc(' '.join(own))}</B>", 11, box.text))
        for pid in [] if self.opts.positions else self.posts.get(uid, []):
            letters = self._letters(pid)
            if letters:
                title = esc(shown(self.org.positions[pid].names.get(self.opts.lang), pid))
                line = self._in_order([*_bold(letters), esc(self.words.words.colon()) + title])
                lines.append(_font(line, 8, box.text))
        return lines

    def _graph_label(self) -> str:
        """The title, the key and, when a deliverable is highlighted, the role legend."""
        rows = []
        title = shown(self.opts.title)
        if title:
            rows.append(_font(f"<B>{wrapped(title, 80)}</B>", 16, "#000000"))
        key = key_table(self.shown(), self.words) if self.opts.key else ""
        if key:
            rows.append(key)
        if self.deliverable is not None:
            rows.extend(self._legend(self.deliverable))
        if not rows:
            return ""
        body = "".join(f"<TR><TD>{r}</TD></TR>" for r in rows)
        return f'<TABLE BORDER="0" CELLSPACING="2">{body}</TABLE>'

    def shown(self) -> Shown:
        """What the page shows that its key explains (the units drawn must be known)."""
        children = self._tree()
        units = self.org.units
        staff = any(units[u].staff for kids in children.values() for u in kids)
        heads = [units[u].head for u in self.level] if self.opts.heads else []
        posts = (
            [p for u in self.level for p in self.posts.get(u, [])] if self.opts.positions else []
        )
        vacant = any(
            pid in self.org.positions and self.org.positions[pid].vacant
            for pid in [*heads, *posts]
            if pid
        )
        levels: dict[int, Box] = {}
        names: dict[int, str] = {}
        for uid in self.level:
            rank = self.ranks[uid]
            if rank not in levels:
                shade = NEUTRAL if self.deliverable is not None else _grey(rank)
                box = unit_box(self.org, self.shared.family[uid], rank, None)
                levels[rank] = attrs.evolve(box, fill=shade[0], line=shade[1])
                names[rank] = self.words.level(units[uid].level, rank)
        return Shown(
            reporting=any(not units[u].staff for kids in children.values() for u in kids),
            dotted=bool(self._dotted()),
            staff=staff,
            vacant=vacant,
            colours=self.deliverable is None and len(self.level) > 1,
            levels=tuple((names[r], levels[r]) for r in sorted(levels)),
        )

    def _legend(self, d: Deliverable) -> list[str]:
        lang = self.opts.lang
        none = (RoleColour(*NEUTRAL[:2]), esc(self.words.no_role))
        rows = [
            _font(f"<B>{esc(self.words.roles_on(d.names.get(lang)))}</B>", 12, "#000000"),
            legend_dot(self.org.scheme, self.shared.lang, extra=[none]),
        ]
        outside = [
            self.words.party_roles(self.org.display_name(p, lang), d.roles_of(p))
            for p in dict.fromkeys(a.party for a in d.assignments)
            if p in self.org.external
        ]
        if outside:
            rows.append(_font(esc(self.words.outside(outside)), 10, "#000000"))
        return rows


def _legible(box: Box, letters: Sequence[str]) -> Box:
    """The box's colours for a post row: dark text on a role's fill, whatever the box."""
    return attrs.evolve(box, text=DARK_TEXT) if letters else box


def _bold(letters: Sequence[str]) -> list[str]:
    """A post's role letters on the highlighted deliverable, in bold (none: nothing)."""
    return [f"<B>{esc(' '.join(letters))}</B>"] if letters else []


def _spaced(pieces: Sequence[str]) -> list[str]:
    """``pieces`` with a space between each two, each space a piece of its own."""
    out = list(pieces[:1])
    for piece in pieces[1:]:
        out += [" ", piece]
    return out


def _cell(inner: str, fill: str | None = None) -> str:
    bg = f' BGCOLOR="{fill}"' if fill else ""
    return f"<TR><TD{bg}>{inner}</TD></TR>"


def _vacant_cell(inner: str, fill: str | None = None) -> str:
    """A vacant post's row: inside a dashed border, so that it shows without colour."""
    bg = f' BGCOLOR="{fill}"' if fill else ""
    return f'<TR><TD{bg} BORDER="1" STYLE="dashed" COLOR="{VACANT}">{inner}</TD></TR>'


def _grey(rank: int) -> tuple[str, str]:
    """The neutral fill and line of a level's sample box in the key: darker higher up."""
    if rank == 0:
        return ROOT
    shades, line = FAMILIES[-1]
    return shades[min(rank - 1, len(shades) - 1)], line


def _font(inner: str, size: int, colour: str) -> str:
    return f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{inner}</FONT>'


def _widen(table: str, width: float) -> str:
    """A unit's box given the width of its level: the table and each of its cells (Graphviz
    leaves a cell its natural width, and the text off-centre, in a wider table)."""
    border = int(table.split('BORDER="', 1)[1].split('"', 1)[0])
    table = table.replace("<TABLE ", f'<TABLE WIDTH="{width:.0f}" ', 1)
    return table.replace("<TD", f'<TD WIDTH="{width - 2 * border:.0f}"')


def _spline(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """A polyline as the control points of the Bezier pieces Graphviz draws: straight ones."""
    out = [points[0]]
    for a, b in itertools.pairwise(points):
        out.extend((a, b, b))
    return out


def _between(
    a: tuple[float, float, float, float], b: tuple[float, float, float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The straight line between the centres of two boxes, from border to border."""
    ca = (a[0] + a[2] / 2, a[1] + a[3] / 2)
    cb = (b[0] + b[2] / 2, b[1] + b[3] / 2)
    return _clip(ca, cb, a), _clip(cb, ca, b)


def _towards(
    start: tuple[float, float], goal: tuple[float, float], length: float
) -> tuple[float, float]:
    """The point ``length`` from ``start`` towards ``goal`` (``start`` when they meet)."""
    dx, dy = goal[0] - start[0], goal[1] - start[1]
    far = math.hypot(dx, dy)
    if far <= length:
        return start
    return start[0] + dx * length / far, start[1] + dy * length / far


def _clip(
    inside: tuple[float, float], toward: tuple[float, float], box: tuple[float, float, float, float]
) -> tuple[float, float]:
    dx, dy = toward[0] - inside[0], toward[1] - inside[1]
    t = min(
        box[2] / 2 / abs(dx) if dx else math.inf,
        box[3] / 2 / abs(dy) if dy else math.inf,
        1.0,
    )
    return inside[0] + dx * t, inside[1] + dy * t
