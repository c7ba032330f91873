"""The matrix as a LaTeX document: booktabs rules in a longtable that breaks across pages,
a running header (fancyhdr) and numbered pages."""

from __future__ import annotations

from raci.render.latex import MARGIN_CM, row_start, tex_document, tex_escape
from raci.render.matrix.table import Matrix, cell_text
from raci.render.paper import PAPERS

#: Widths in centimetres: the deliverable column, the height of rotated party names and
#: the space between columns.
LABEL_CM = 5.0
HEADER_CM = 5.0
SEP_CM = 0.1
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
    texts = [m.heading, *(c.label for c in m.columns), *(r.label for r in m.rows)]
    texts += [name for _, name in m.legend()]
    texts += [s.label for spans in m.header_rows for s in spans] + [g for g, _ in m.sections()]
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
    deliverable = r"\small " + tex_escape(m.words.gettext("Deliverable"))
    head.append(" & ".join([deliverable, *leaf]) + r" \\")

    lines: list[str] = []
    for group, rows in m.sections():
        if group:
            if lines:
                lines.append(r"\addlinespace")
            label = tex_escape(group)
            lines.append(rf"\multicolumn{{{n + 1}}}{{@{{}}l}}{{\small\textbf{{{label}}}}} \\")
        for row in rows:
            cells = [tex_escape(cell_text(c)) for c in row.cells]
            indent = r"\hangindent=1em\hspace*{1em}" if group else ""
            label = indent + row_start(tex_escape(row.label))
            lines.append(" & ".join([label, *cells]) + r" \\")

    spec = (
        rf"@{{}}>{{\raggedright\arraybackslash\footnotesize}}p{{{LABEL_CM}cm}}"
        + rf"*{{{n}}}{{>{{\centering\arraybackslash\footnotesize}}p{{{col:.2f}cm}}}}@{{}}"
    )
    title = m.heading
    words = m.words
    legend = words.listed(
        (words.labelled(tex_escape(letter), tex_escape(name)) for letter, name in m.legend()),
        clauses=True,
    )
    body = [
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
        *lines,
        r"\end{longtable}",
    ]
    return tex_document(
        body,
        paper=paper,
        header=(m.title, m.running),
        language=m.language,
        texts=texts,
        preamble=[rf"\setlength{{\tabcolsep}}{{{SEP_CM}cm}}"],
    )
