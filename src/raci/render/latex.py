"""What every LaTeX output shares: escaping, and the standalone document around a table
(fonts for pdflatex, xelatex and lualatex, CJK when needed, paper, a running header and
numbered pages)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from raci._text import has_cjk, strip_controls
from raci.render.printing import page_number_pieces

__all__ = ["MARGIN_CM", "row_start", "tex_document", "tex_escape"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    # In braces, so that a cell starting with "[" is no optional argument of the "\\"
    # that ends the row before it ("\\[80cm]").
    "[": "{[}",
    "]": "{]}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _SPECIAL))
#: Characters no standard TeX font has: emoji and pictographs, dingbats, variation
#: selectors, joiners, private use.
_NO_GLYPH = re.compile(
    "[\u200b-\u200d\u2060\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff\ufe00-\ufe0f"
    "\U0001f000-\U0001ffff\U000e0000-\U000e007f]"
)
#: The page margins, in centimetres.
MARGIN_CM = 1.5
#: The label on the last page, whose page number is the number of pages.
_LAST_PAGE = "raci-last-page"


def tex_escape(text: str) -> str:
    """Text safe in LaTeX: every special character written as a command, on one line,
    without control characters or characters no TeX font can set (emoji)."""
    text = " ".join(_NO_GLYPH.sub("", strip_controls(text)).split())
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


def row_start(text: str) -> str:
    """An escaped first cell of a row, which must not start with ``*`` either (after
    ``\\`` it would be the starred form)."""
    return "{}" + text if text.startswith("*") else text


def _page_number(language: str | None) -> str:
    """The page number ("Page 3 of 20", in ``language``) as LaTeX, counting the pages."""
    counters = {"{n}": r"\thepage{}", "{total}": rf"\pageref{{{_LAST_PAGE}}}"}
    out = []
    for piece in page_number_pieces(language):
        if piece in counters:
            out.append(counters[piece])
        else:
            # Spaces around the words stay: they part the words from the numbers.
            lead = " " if piece[:1].isspace() else ""
            tail = " " if piece[-1:].isspace() else ""
            out.append(lead + tex_escape(piece) + tail)
    return "".join(out)


def tex_document(
    body: Sequence[str],
    *,
    paper: str,
    header: tuple[str, str],
    language: str | None,
    texts: Iterable[str],
    preamble: Sequence[str] = (),
) -> str:
    """A standalone document (pdflatex, xelatex or lualatex; CJK text through the CJK
    package, xeCJK or luatexja) holding ``body``, on ``paper`` (geometry's options, such
    as ``a4paper,landscape``), each page headed by ``header`` (left and right, plain
    text) and numbered "Page 3 of 20" (run LaTeX twice for the total). ``texts`` are the
    plain texts the body shows, to tell whether it needs CJK fonts; ``preamble`` lines
    come after the packages."""
    left, right = header
    cjk = any(has_cjk(t) for t in [*texts, left, right, "".join(page_number_pieces(language))])
    out = [
        r"\documentclass[10pt]{article}",
        r"\usepackage{iftex}",
        r"\ifPDFTeX",
        r"  \usepackage[T1]{fontenc}",
        r"  \usepackage[utf8]{inputenc}",
    ]
    if cjk:
        out += [r"  \usepackage{CJKutf8}", r"\else\ifXeTeX", r"  \usepackage{xeCJK}"]
        out += [r"\else", r"  \usepackage{luatexja}", r"\fi\fi"]
    else:
        out.append(r"\fi")
    out += [
        rf"\usepackage[{paper},margin={MARGIN_CM}cm,includehead,includefoot,headheight=14pt]"
        r"{geometry}",
        r"\usepackage{booktabs,longtable,graphicx,array,fancyhdr}",
        *preamble,
        r"\pagestyle{fancy}",
        r"\fancyhf{}",
        r"\lhead{\small " + tex_escape(left) + "}",
        r"\rhead{\small " + tex_escape(right) + "}",
        r"\cfoot{\small " + _page_number(language) + "}",
        r"\begin{document}",
    ]
    if cjk:
        out.append(r"\ifPDFTeX\begin{CJK}{UTF8}{gbsn}\fi")
    out += [*body, rf"\label{{{_LAST_PAGE}}}"]
    if cjk:
        out.append(r"\ifPDFTeX\end{CJK}\fi")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
