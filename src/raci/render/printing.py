"""Printed pages: the page number in each language, and the CSS ``@page`` rule of an
HTML page printed on paper, with a running header and the page number in its margins."""

from __future__ import annotations

import re

from raci.render.languages import base_language
from raci.render.paper import Paper

__all__ = ["PAGE_NUMBER", "css_string", "page_css", "page_number"]

#: "Page 3 of 20" in each language; English for any other.
PAGE_NUMBER = {"en": "Page {n} of {total}", "zh": "第 {n} 页 共 {total} 页"}
#: What may not stand as itself in a CSS string inside a ``<style>`` element.
_CSS_UNSAFE = re.compile(r"[\\\"'<>&\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MARGIN_TEXT = "font-family:sans-serif;font-size:8pt;color:#555"


def page_number(language: str | None) -> str:
    """The page number's words in ``language``, with ``{n}`` and ``{total}`` to fill."""
    return PAGE_NUMBER.get(base_language(language), PAGE_NUMBER["en"])


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
    number = " ".join(
        css_string(piece) if i % 2 == 0 else f"counter({'page' if piece == 'n' else 'pages'})"
        for i, piece in enumerate(re.split(r"\{(n|total)\}", page_number(language)))
        if piece
    )
    boxes = f"@bottom-center{{content:{number};{_MARGIN_TEXT}}}"
    if header:
        boxes += f"@top-left{{content:{css_string(header)};{_MARGIN_TEXT}}}"
    if title:
        boxes += f"@top-right{{content:{css_string(title)};{_MARGIN_TEXT}}}"
    return paper.page_rule(landscape=landscape, margin=margin)[:-1] + ";" + boxes + "}"
