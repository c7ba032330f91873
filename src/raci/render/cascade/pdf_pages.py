"""The pages of the cascade PDF: a sheet's blocks and tables packed down pages of a
given height, a table going on to the next page with its header repeated."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

__all__ = ["Block", "Page", "Piece", "Table", "paginate", "table_label"]


@attrs.frozen
class Block:
    """Something that stays whole on one page (an HTML-like label); ``keep`` holds it
    on the page of what follows it (a heading with its table)."""

    label: str
    keep: bool = False


@attrs.frozen
class Table:
    """A table that may break between rows: its header row and its rows, as ``<TR>``
    rows of tables that share their columns and their attributes."""

    header: str
    rows: tuple[str, ...]


Piece = Block | Table


@attrs.define
class Page:
    """The labels of one page, top down, and their height with the gaps around them."""

    gap: float
    blocks: list[str] = attrs.Factory(list)
    height: float = 0.0

    def __attrs_post_init__(self) -> None:
        self.height = self.gap

    def add(self, label: str, height: float) -> None:
        """Put ``label``, ``height`` points high, below what the page holds."""
        self.blocks.append(label)
        self.height += height + self.gap


def table_label(header: str, rows: Sequence[str]) -> str:
    """A table of ``rows`` under ``header``, as one HTML-like label."""
    return (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="#d1d5db">'
        + header
        + "".join(rows)
        + "</TABLE>"
    )


def paginate(
    sheets: Sequence[Sequence[Piece]],
    continued: Sequence[str],
    room: float,
    gap: float,
    heights: Callable[[Sequence[str]], list[float]],
) -> list[Page]:
    """Pages ``room`` points high holding each sheet from a new page on; ``continued[i]``
    opens each further page of sheet ``i``. ``heights`` measures labels, in points;
    blocks are ``gap`` apart. Always at least one page."""
    labels: list[str] = [*continued]
    for pieces in sheets:
        for piece in pieces:
            if isinstance(piece, Block):
                labels.append(piece.label)
            else:
                labels.append(table_label(piece.header, ()))
                labels.extend(table_label(piece.header, (row,)) for row in piece.rows)
    height = dict(zip(labels, heights(labels), strict=True))
    pages: list[Page] = []

    def fits(h: float) -> bool:
        return not pages[-1].blocks or pages[-1].height + h + gap <= room

    def next_page(opening: str) -> None:
        pages.append(Page(gap))
        pages[-1].add(opening, height[opening])

    for opening, pieces in zip(continued, sheets, strict=True):
        pages.append(Page(gap))
        for at, piece in enumerate(pieces):
            if isinstance(piece, Block):
                need = height[piece.label]
                after = pieces[at + 1] if piece.keep and at + 1 < len(pieces) else None
                if isinstance(after, Block):
                    need += gap + height[after.label]
                elif isinstance(after, Table):
                    need += gap + height[table_label(after.header, after.rows[:1])]
                if not fits(need):
                    next_page(opening)
                pages[-1].add(piece.label, height[piece.label])
                continue
            head = height[table_label(piece.header, ())]
            rows: list[str] = []
            grown = head
            for row in piece.rows:
                h = height[table_label(piece.header, (row,))] - head
                if not fits(grown + h if rows else head + h):
                    if rows:
                        pages[-1].add(table_label(piece.header, rows), grown)
                    next_page(opening)
                    rows, grown = [], head
                rows.append(row)
                grown += h
            pages[-1].add(table_label(piece.header, rows), grown)
    if not pages:
        pages.append(Page(gap))
    return pages
