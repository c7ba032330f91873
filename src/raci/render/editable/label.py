"""A box's HTML-like label, as the chart and the change picture write it, read back: the
box's fill, border and corners, and each cell as a paragraph of styled runs in reading
order."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import attrs

from raci._text import one_line

#: The colour of text that sets none, as Graphviz draws it.
BLACK = "#000000"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_NAMED = {"black": BLACK, "white": "#ffffff"}
#: The tags that style the text inside them.
_STYLES = frozenset({"FONT", "B", "I", "U", "S", "O", "SUB", "SUP"})
#: Characters an XML file cannot hold (a name may carry U+FFFE; Graphviz passes it on).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XML file cannot hold."""
    return _NOT_XML.sub("", text)


def attribute(text: str) -> str:
    """An id or a name as a shape's name or an object's attribute: control characters
    escaped visibly (:func:`raci._text.one_line`), what XML cannot hold left out."""
    return xml_text(one_line(text))


@attrs.frozen
class Run:
    """A piece of text in one style: size in points, colour as ``#rrggbb``."""

    text: str
    size: float
    colour: str = BLACK
    bold: bool = False
    italic: bool = False


@attrs.frozen
class Paragraph:
    """A cell's text: its lines (each a tuple of runs), how they align (left, center,
    right), the cell's own fill, and the colour of the dashed frame round it (a vacant
    post), when it has them."""

    lines: tuple[tuple[Run, ...], ...]
    align: str = "center"
    fill: str | None = None
    frame: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's text, a line break between its lines."""
        return "\n".join("".join(r.text for r in line) for line in self.lines)

    @property
    def rtl(self) -> bool:
        """Whether the paragraph reads right to left: its first letter with a direction
        does (Arabic, Hebrew)."""
        for c in self.text:
            kind = unicodedata.bidirectional(c)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
        return False


@attrs.frozen
class Label:
    """A box: its paragraphs, fill, border colour and width (points), rounded corners,
    border style (solid, dashed, dotted) and the padding of its cells (points)."""

    paragraphs: tuple[Paragraph, ...]
    fill: str | None = None
    line: str | None = None
    border: float = 0.0
    rounded: bool = False
    dash: str = "solid"
    padding: float = 2.0


def colour(value: str | None) -> str | None:
    """A Graphviz colour as ``#rrggbb`` (None for none, transparent or unknown)."""
    if not value:
        return None
    value = value.strip()
    if _HEX.match(value):
        return value[:7].lower()
    return _NAMED.get(value.lower())


def read_label(label: str, size: float, *, rtl: bool = False) -> Label:
    """The label of a node whose text is ``size`` points unless it says otherwise: HTML-like
    (a table, or styled text), else plain text. Backslashes doubled for Graphviz are
    single again. In a drawing read right to left (``rtl``) the pieces of a line, which
    Graphviz sets left to right, are put back in reading order."""
    label = xml_text(label)
    try:
        root = ET.fromstring(f"<L>{label}</L>")
    except ET.ParseError:
        return Label((Paragraph(((Run(label, size),),)),))
    table = root.find("TABLE")
    if table is None or (root.text or "").strip():
        lines = _lines(root, Run("", size), rtl)
        return Label((Paragraph(lines),) if lines else ())
    border = float(table.get("BORDER", "1"))
    styles = {s.strip().lower() for s in table.get("STYLE", "").split(",")}
    dash = "dashed" if "dashed" in styles else "dotted" if "dotted" in styles else "solid"
    return Label(
        tuple(_paragraphs(table, Run("", size), rtl)),
        fill=colour(table.get("BGCOLOR")),
        line=colour(table.get("COLOR")) or (BLACK if border else None),
        border=border,
        rounded="rounded" in styles,
        dash=dash,
        padding=float(table.get("CELLPADDING", "2")),
    )


def _paragraphs(table: ET.Element, style: Run, rtl: bool) -> Iterator[Paragraph]:
    """A paragraph per cell that holds text, row by row; a table inside a cell gives its
    own cells' paragraphs."""
    for row in table.findall("TR"):
        for cell in row.findall("TD"):
            inner = cell.find("TABLE")
            if inner is not None:
                yield from _paragraphs(inner, style, rtl)
                continue
            lines = _lines(cell, style, rtl)
            if not lines:
                continue
            framed = cell.get("BORDER", "0") != "0" and "dashed" in cell.get("STYLE", "")
            yield Paragraph(
                lines,
                align=(cell.get("BALIGN") or cell.get("ALIGN") or "center").lower(),
                fill=colour(cell.get("BGCOLOR")),
                frame=(colour(cell.get("COLOR")) or BLACK) if framed else None,
            )


def _lines(element: ET.Element, style: Run, rtl: bool) -> tuple[tuple[Run, ...], ...]:
    """The text inside ``element``: its lines (broken at ``<BR/>``), each a tuple of runs
    (set right to left when ``rtl``: reversed); empty when it has no text."""
    lines: list[list[Run]] = [[]]

    def add(text: str | None, style: Run) -> None:
        if text:
            lines[-1].append(attrs.evolve(style, text=text.replace("\\\\", "\\")))

    def walk(node: ET.Element, style: Run) -> None:
        add(node.text, style)
        for child in node:
            if child.tag == "BR":
                lines.append([])
            elif child.tag in _STYLES:
                walk(child, _restyled(style, child))
            add(child.tail, style)

    walk(element, style)
    if not any(lines):
        return ()
    return tuple(tuple(_merged(line[::-1] if rtl else line)) for line in lines)


def _restyled(style: Run, tag: ET.Element) -> Run:
    if tag.tag == "B":
        return attrs.evolve(style, bold=True)
    if tag.tag == "I":
        return attrs.evolve(style, italic=True)
    if tag.tag == "FONT":
        size = tag.get("POINT-SIZE")
        return attrs.evolve(
            style,
            size=float(size) if size else style.size,
            colour=colour(tag.get("COLOR")) or style.colour,
        )
    return style


def _merged(line: list[Run]) -> Iterator[Run]:
    """The runs of a line, neighbours in the same style joined."""
    current: Run | None = None
    for run in line:
        if current is not None and attrs.evolve(current, text=run.text) == run:
            current = attrs.evolve(current, text=current.text + run.text)
            continue
        if current is not None:
            yield current
        current = run
    if current is not None:
        yield current
