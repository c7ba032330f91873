"""PDF pages: several PDFs' pages in one file, pages cut out of drawings that share their
fonts (each font embedded once), and pages placed on paper."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, cast

from raci.exceptions import OutputError

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, PdfObject

__all__ = ["PAGE_MARK", "cut_pages", "merge_pdfs", "on_paper"]


def merge_pdfs(pages: Sequence[bytes]) -> bytes:
    """One PDF with the pages of every PDF in ``pages``, in order."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pages:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: The fill colour of the marks :func:`cut_pages` cuts at; nothing else draws in it.
PAGE_MARK = "#fe01fe"
#: An operand in a PDF content stream: a string, an array (of strings and numbers), a
#: dictionary (not nested), a name or a number (never cut short).
_OPERAND = (
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[(?:\((?:\\.|[^\\)])*\)|[^\]()])*\]"
    rb"|<<(?:[^>]|>(?!>))*>>|/[^\s/\[\]()<>{}%]*|[-+]?(?:\d+\.?\d*|\.\d+)(?![\d.])"
)
#: An operator with the operands before it, or a comment.
_OPERATION = re.compile(rb"((?:(?:" + _OPERAND + rb")\s*)*)([A-Za-z'\"*]+)|%[^\r\n]*", re.DOTALL)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")
#: The operators that set graphics or text state, which a page cut out of a drawing
#: must repeat before what follows its mark.
_STATE_OPS = frozenset(
    b"w J j M d ri i gs CS cs SC SCN sc scn G g RG rg K k Tc Tw Tz TL Tf Tr Ts".split()
)
#: The operators that end a path by painting it (or not).
_PAINT_OPS = frozenset(b"f F f* B B* b b* S s n".split())


def _operations(content: bytes) -> Iterator[tuple[bytes, bytes, int, int]]:
    """Each operator of a content stream with its operands, where its operands start
    and where it ends."""
    for m in _OPERATION.finditer(content):
        if m.group(2):
            yield m.group(2), m.group(1), m.start(), m.end()


def cut_pages(drawings: Iterable[bytes], size: tuple[float, float]) -> bytes:
    """A PDF of pages of ``size`` (points) cut from the one-page PDFs ``drawings``, whose
    pages are laid out in them each with a mark (a small box filled with
    :data:`PAGE_MARK`) at its top left corner, in page order.

    Every page keeps what was drawn between its mark and the next. The pages of a drawing
    share its resources, and a font that several drawings embed alike (the same glyphs in
    the same order, as when each draws the same text first) is kept once, so each font
    is embedded once in the file. Drawings are read one at a time.
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    fonts: dict[bytes, PdfObject] = {}
    for drawing in drawings:
        source = PdfReader(io.BytesIO(drawing)).pages[0]
        given = cast("DictionaryObject", source["/Resources"].get_object())
        resources = _shared_resources(given, writer, fonts)
        contents = source.get_contents()
        content = contents.get_data() if contents is not None else b""
        for page in _cut(content):
            _add_page(writer, page, size, resources)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cut(content: bytes) -> list[tuple[float, float, bytes, bytes, int]]:
    """The pages of a drawing's content stream, each as the corner of its mark, the state
    it opens with, its drawing, and how many groups its drawing leaves open."""
    mark = [round(int(PAGE_MARK[i : i + 2], 16) / 255, 3) for i in (1, 3, 5)]
    # Per page: its mark's corner, the state it opens with, where its drawing starts;
    # and where the drawing of the page before it stops, with the groups left open.
    pages: list[tuple[tuple[float, float], bytes, int]] = []
    stops: list[tuple[int, int]] = []
    # The state set at each depth of q ... Q, so that a page can start inside a group.
    levels: list[dict[bytes, bytes]] = [{}]
    corner: list[float] | None = None
    flipped = False
    for op, operands, start, end in _operations(content):
        if op == b"cm" and not flipped:
            flipped = True  # the drawing's own flip; every page gets its own
        elif corner is not None:  # inside a mark: keep its state, skip its drawing
            if op == b"re":
                corner = [float(v) for v in _NUMBER.findall(operands)[:2]]
            elif op in _STATE_OPS:
                levels[-1][op] = content[start:end]
            elif op in _PAINT_OPS:
                if len(corner) != 2:
                    msg = "a page mark of the drawing has no box"
                    raise OutputError(msg)
                state = {k: v for level in levels for k, v in level.items()}
                opening = b"q\n" * (len(levels) - 1) + b"\n".join(state.values())
                pages.append(((corner[0], corner[1]), opening, end))
                corner = None
        elif op == b"rg" and [round(float(v), 3) for v in _NUMBER.findall(operands)] == mark:
            stops.append((start, len(levels) - 1))
            corner = []
        elif op == b"q":
            levels.append({})
        elif op == b"Q" and len(levels) > 1:
            levels.pop()
        elif op in _STATE_OPS:
            levels[-1][op] = content[start:end]
    stops = [*stops[1:], (len(content), 0)]
    return [
        (x, y, opening, content[begin:stop], open_groups)
        for ((x, y), opening, begin), (stop, open_groups) in zip(pages, stops, strict=True)
    ]


def _add_page(
    writer: PdfWriter,
    page: tuple[float, float, bytes, bytes, int],
    size: tuple[float, float],
    resources: DictionaryObject,
) -> None:
    """One page cut from a drawing (see :func:`_cut`), added to ``writer``."""
    from pypdf.generic import ContentStream, NameObject

    x, y, opening, drawing, open_groups = page
    width, height = size
    added = writer.add_blank_page(width=width, height=height)
    added[NameObject("/Resources")] = resources
    stream = ContentStream(None, None)
    stream.set_data(
        b"q\n1 0 0 -1 0 %.3f cm\n1 0 0 1 %.3f %.3f cm\n" % (height, -x, -y)
        + opening
        + b"\n"
        + drawing
        + b"\nQ" * open_groups
        + b"\nQ\n"
    )
    added.replace_contents(stream.flate_encode())


def _shared_resources(
    resources: DictionaryObject, writer: PdfWriter, fonts: dict[bytes, PdfObject]
) -> DictionaryObject:
    """A drawing's resources copied into ``writer``, each font taken from ``fonts`` (the
    fonts copied so far, by :func:`_digest`) when an alike one was copied before."""
    from pypdf.generic import DictionaryObject, NameObject

    copied = DictionaryObject()
    for key, value in resources.items():
        if key != "/Font":
            copied[NameObject(key)] = value.clone(writer)
            continue
        given = value.get_object()
        table = DictionaryObject()
        for name in given:
            font = given.raw_get(name)
            digest = _digest(font)
            if digest not in fonts:
                fonts[digest] = font.clone(writer)
            table[NameObject(name)] = fonts[digest]
        copied[NameObject(key)] = table
    return copied


def _digest(obj: PdfObject) -> bytes:
    """A digest of a PDF object and everything it refers to (streams by their data)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    digest = hashlib.sha256()
    todo: list[PdfObject] = [obj]
    seen: set[tuple[int, int]] = set()
    while todo:
        item: PdfObject | None = todo.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                digest.update(b"@")
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, StreamObject):
            digest.update(b"stream %d:" % len(item.get_data()) + item.get_data())
        if isinstance(item, DictionaryObject):
            digest.update(b"<<%d" % len(item))
            for key in sorted(item):
                digest.update(key.encode("utf-8", "replace"))
                todo.append(item.raw_get(key))
        elif isinstance(item, ArrayObject):
            digest.update(b"[%d" % len(item))
            todo.extend(reversed(item))
        else:
            digest.update(repr(item).encode("utf-8", "replace") + b";")
    return digest.digest()


def on_paper(
    pages: Sequence[bytes], size: tuple[float, float], margin: float, *, centred: bool = False
) -> bytes:
    """One PDF with the first page of each PDF in ``pages`` on a page of ``size`` (points),
    scaled down only when it does not fit inside ``margin``, at the top left or centred."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    page_w, page_h = size
    room_w, room_h = page_w - 2 * margin, page_h - 2 * margin
    writer = PdfWriter()
    for data in pages:
        src = PdfReader(io.BytesIO(data)).pages[0]
        box = src.mediabox
        width, height = float(box.width), float(box.height)
        scale = min(1.0, room_w / width, room_h / height) if width and height else 1.0
        left, top = margin, margin
        if centred:
            left, top = (page_w - width * scale) / 2, (page_h - height * scale) / 2
        page = PageObject.create_blank_page(width=page_w, height=page_h)
        x = left - float(box.left) * scale
        y = page_h - top - (float(box.bottom) + height) * scale
        page.merge_transformed_page(src, Transformation().scale(scale).translate(x, y))
        writer.add_page(page)
    if not pages:
        writer.add_blank_page(width=page_w, height=page_h)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
