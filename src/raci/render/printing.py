"""Printed pages: the page number's words, and the CSS ``@page`` rule of an HTML page
printed on paper, with a running header and the page number in its margins."""

from __future__ import annotations

import re

from raci.render.paper import Paper
from raci.words import words_for

__all__ = ["css_string", "page_css", "page_number", "page_number_pieces"]

#: What may not stand as itself in a CSS string inside a ``<style>`` element.
_CSS_UNSAFE = re.compile(r"[\\\"'<>&\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MARGIN_TEXT = "font-family:sans-serif;font-size:8pt;color:#555"


def page_number(language: str | None) -> str:
    """The page number's words in ``language``, with ``{n}`` and ``{total}`` to fill."""
    # Translators: printed at the foot of each page: {n} is its number, {total} the pages.
    return words_for(language).gettext("Page {n} of {total}")


def page_number_pieces(language: str | None) -> list[str]:
    """The page number's words in ``language`` as pieces of text and the markers
    ``{n}`` and ``{total}``, for outputs that count pages themselves (CSS, LaTeX)."""
    return [piece for piece in re.split(r"(\{n\}|\{total\})", page_number(language)) if piece]


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end early nor close its ``<style>``."""
    return '"' + _CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group()):x} ", text) + '"'


def page_css(
    paper: Paper,
    *,
    landscape: bool,
    margin: str,
    language: str | None,
    header: str = "",
    title: str = "",
) -> str:
    """The ``@page`` rule printing on ``paper`` with ``margin``: ``header`` (the
    organization) at the top left, ``title`` (what the document is) at the top right,
    and the page number ("Page 3 of 20", in ``language``) at the bottom."""
    counters = {"{n}": "counter(page)", "{total}": "counter(pages)"}
    number = " ".join(
        counters.get(piece) or css_string(piece) for piece in page_number_pieces(language)
    )
    boxes = f"@bottom-center{{content:{number};{_MARGIN_TEXT}}}"
    if header:
        boxes += f"@top-left{{content:{css_string(header)};{_MARGIN_TEXT}}}"
    if title:
        boxes += f"@top-right{{content:{css_string(title)};{_MARGIN_TEXT}}}"
    return paper.page_rule(landscape=landscape, margin=margin)[:-1] + ";" + boxes + "}"
