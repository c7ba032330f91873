"""The matrix as a LaTeX document: booktabs rules in a longtable that breaks across pages,
a running header (fancyhdr) and numbered pages."""

from __future__ import annotations

import re

from raci._text import has_cjk, strip_controls
from raci.render.languages import labelled, listed
from raci.render.matrix.table import Matrix, cell_text
from raci.render.paper import PAPERS
from raci.render.printing import page_number_pieces

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


def tex_escape(text: str) -> str:
    """Text safe in LaTeX: every special character written as a command, on one line,
    without control characters or characters no TeX font can set (emoji)."""
    text = " ".join(_NO_GLYPH.sub("", strip_controls(text)).split())
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


#: The label on the last page, whose page number is the number of pages.
_LAST_PAGE = "raci-last-page"


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


def _row_start(text: str) -> str:
    """An escaped first cell of a row, which must not start with ``*`` either (after
    ``\\`` it would be the starred form)."""
    return "{}" + text if text.startswith("*") else text


#: Widths in centimetres: the deliverable column, the height of rotated party names,
#: the space between columns, and the margins.
LABEL_CM = 5.0
HEADER_CM = 5.0
SEP_CM = 0.1
MARGIN_CM = 1.5
#: The ISO papers a table is set on, smallest first; a table wider than them all takes
#: the largest, landscape.
SIZES = ("A4", "A3", "A2", "A1")
LARGEST = "A0"


def _paper(width_cm: float) -> str:
    """The geometry option of the smallest ISO paper, portrait or landscape, that holds a
    table this wide."""
    for name in SIZES:
        short, long = (side / 10 for side in PAPERS[name].mm())
        option = f"{name.lower()}paper"
        if width_cm <= short - 2 * MARGIN_CM:
            return option
        if width_cm <= long - 2 * MARGIN_CM:
            return f"{option},landscape"
    return f"{LARGEST.lower()}paper,landscape"


def _column_cm(m: Matrix) -> float:
    """Width of a party column: its widest cell, and at least two lines of rotated name."""
    widest = max((len(cell_text(c)) for r in m.rows for c in r.cells), default=1)
    return max(0.55, 0.18 * widest + 0.1)


def render_tex(m: Matrix) -> str:
    """A standalone document (pdflatex, xelatex or lualatex; CJK text through the CJK
    package, xeCJK or luatexja) on the smallest paper the table fits, breaking across
    pages with the header repeated; every page names the organization at the top and
    has its number ("Page 3 of 20") at the bottom (run LaTeX twice for the total)."""
    n = len(m.columns)
    texts = [m.word("title"), m.title, *(c.label for c in m.columns), *(r.label for r in m.rows)]
    texts += [name for _, name in m.legend()]
    texts += [s.label for spans in m.header_rows for s in spans] + [g for g, _ in m.sections()]
    texts += [m.word("running"), "".join(page_number_pieces(m.language))]
    cjk = any(has_cjk(t) for t in texts)
    col = _column_cm(m)
    paper = _paper(LABEL_CM + n * (col + 2 * SEP_CM))

    head: list[str] = []
    for spans in m.header_rows:
        cells, rules, at = [""], [], 2
        for span in spans:
            label = tex_escape(span.label)
            if label:
                width = span.size * (col + 2 * SEP_CM) - 2 * SEP_CM
                box = rf"\parbox[b]{{{width:.2f}cm}}{{\centering\scriptsize {label}}}"
                cells.append(rf"\multicolumn{{{span.size}}}{{c}}{{{box}}}")
                rules.append(rf"\cmidrule(lr){{{at}-{at + span.size - 1}}}")
            else:
                cells.append(rf"\multicolumn{{{span.size}}}{{c}}{{}}" if span.size > 1 else "")
            at += span.size
        head.append(" & ".join(cells) + r" \\" + (" " + " ".join(rules) if rules else ""))
    leaf = [
        rf"\rotatebox{{90}}{{\parbox{{{HEADER_CM}cm}}{{\raggedright\scriptsize "
        + tex_escape(c.label)
        + "}}"
        for c in m.columns
    ]
    deliverable = r"\small " + tex_escape(m.word("deliverable"))
    head.append(" & ".join([deliverable, *leaf]) + r" \\")

    body: list[str] = []
    for group, rows in m.sections():
        if group:
            if body:
                body.append(r"\addlinespace")
            label = tex_escape(group)
            body.append(rf"\multicolumn{{{n + 1}}}{{@{{}}l}}{{\small\textbf{{{label}}}}} \\")
        for row in rows:
            cells = [tex_escape(cell_text(c)) for c in row.cells]
            indent = r"\hangindent=1em\hspace*{1em}" if group else ""
            label = indent + _row_start(tex_escape(row.label))
            body.append(" & ".join([label, *cells]) + r" \\")

    spec = (
        rf"@{{}}>{{\raggedright\arraybackslash\footnotesize}}p{{{LABEL_CM}cm}}"
        + rf"*{{{n}}}{{>{{\centering\arraybackslash\footnotesize}}p{{{col:.2f}cm}}}}@{{}}"
    )
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
        rf"\setlength{{\tabcolsep}}{{{SEP_CM}cm}}",
        r"\pagestyle{fancy}",
        r"\fancyhf{}",
        r"\lhead{\small " + tex_escape(m.title) + "}",
        r"\rhead{\small " + tex_escape(m.word("running")) + "}",
        r"\cfoot{\small " + _page_number(m.language) + "}",
        r"\begin{document}",
    ]
    if cjk:
        out.append(r"\ifPDFTeX\begin{CJK}{UTF8}{gbsn}\fi")
    title = m.word("title").format(title=m.title)
    legend = listed(
        (labelled(tex_escape(letter), tex_escape(name), m.language) for letter, name in m.legend()),
        m.language,
        clauses=True,
    )
    out += [
        r"\noindent{\large\bfseries " + tex_escape(title) + r"}\par",
        r"\noindent{\small " + legend + r"}\par",
        rf"\begin{{longtable}}{{{spec}}}",
        r"\toprule",
        *head,
        r"\midrule",
        r"\endfirsthead",
        r"\toprule",
        *head,
        r"\midrule",
        r"\endhead",
        r"\bottomrule",
        r"\endlastfoot",
        *body,
        r"\end{longtable}",
    ]
    out.append(rf"\label{{{_LAST_PAGE}}}")
    if cjk:
        out.append(r"\ifPDFTeX\end{CJK}\fi")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
