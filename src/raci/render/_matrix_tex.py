"""The matrix as a LaTeX document: booktabs rules, a longtable when it runs over a page."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from raci.render.matrix import cell_text

if TYPE_CHECKING:
    from raci.render.matrix import Matrix

#: Rows beyond which the table becomes a longtable that breaks across pages.
LONG_TABLE_ROWS = 30
#: Party columns beyond which the page turns to landscape.
LANDSCAPE_COLUMNS = 10

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
}
_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _SPECIAL))


def tex_escape(text: str) -> str:
    """Text safe in LaTeX: every special character written as a command, on one line."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], " ".join(text.split()))


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def render_tex(m: Matrix) -> str:
    """A standalone document (pdflatex, xelatex or lualatex; CJK text through the CJK
    package, xeCJK or luatexja)."""
    n = len(m.columns)
    texts = [m.title, *(c.label for c in m.columns), *(r.label for r in m.rows)]
    texts += [s.label for spans in m.header_rows for s in spans] + [g for g, _ in m.sections()]
    cjk = any(_has_cjk(t) for t in texts)
    long = len(m.rows) > LONG_TABLE_ROWS
    landscape = ",landscape" if n > LANDSCAPE_COLUMNS else ""

    head: list[str] = []
    for spans in m.header_rows:
        cells, rules, col = [""], [], 2
        for span in spans:
            label = tex_escape(span.label)
            if span.size > 1:
                cells.append(rf"\multicolumn{{{span.size}}}{{c}}{{\footnotesize {label}}}")
            else:
                cells.append(rf"\rotatebox{{90}}{{\footnotesize {label}}}" if label else "")
            if label:
                rules.append(rf"\cmidrule(lr){{{col}-{col + span.size - 1}}}")
            col += span.size
        head.append(" & ".join(cells) + r" \\" + (" " + " ".join(rules) if rules else ""))
    leaf = [r"\rotatebox{90}{" + tex_escape(c.label) + "}" for c in m.columns]
    head.append(" & ".join(["Deliverable", *leaf]) + r" \\")

    body: list[str] = []
    for group, rows in m.sections():
        if group:
            if body:
                body.append(r"\addlinespace")
            body.append(rf"\multicolumn{{{n + 1}}}{{@{{}}l}}{{\textbf{{{tex_escape(group)}}}}} \\")
        for row in rows:
            cells = [tex_escape(cell_text(c)) for c in row.cells]
            indent = r"\quad " if group else ""
            body.append(" & ".join([indent + tex_escape(row.label), *cells]) + r" \\")

    spec = "@{}p{6cm}" + "c" * n + "@{}"
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
        rf"\usepackage[a4paper,margin=1.5cm{landscape}]{{geometry}}",
        r"\usepackage{booktabs,longtable,graphicx,array}",
        r"\begin{document}",
    ]
    if cjk:
        out.append(r"\ifPDFTeX\begin{CJK}{UTF8}{gbsn}\fi")
    out.append(rf"\section*{{Responsibility matrix: {tex_escape(m.title)}}}")
    if long:
        out += [
            rf"\begin{{longtable}}{{{spec}}}",
            r"\toprule",
            *head,
            r"\midrule",
            r"\endfirsthead",
        ]
        out += [r"\toprule", *head, r"\midrule", r"\endhead", r"\bottomrule", r"\endlastfoot"]
        out += [*body, r"\end{longtable}"]
    else:
        out += [r"\begin{center}", rf"\begin{{tabular}}{{{spec}}}", r"\toprule", *head]
        out += [r"\midrule", *body, r"\bottomrule", r"\end{tabular}", r"\end{center}"]
    legend = "; ".join(f"{tex_escape(letter)}: {tex_escape(name)}" for letter, name in m.legend())
    out += [r"\medskip", rf"\noindent{{\small {legend}}}"]
    if cjk:
        out.append(r"\ifPDFTeX\end{CJK}\fi")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
