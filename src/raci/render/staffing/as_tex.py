"""The staffing table as a LaTeX document: a longtable that breaks across pages with its
header repeated, numbers right-aligned, on the paper asked for."""

from __future__ import annotations

from raci.render.latex import row_start, tex_document, tex_escape
from raci.render.paper import Paper
from raci.render.staffing.sheet import Sheet

#: The width of the unit column, in centimetres.
UNIT_CM = 4.5


def render_tex(sheet: Sheet, paper: Paper, *, landscape: bool = True) -> str:
    """A standalone document on ``paper``; every page names the organization at the top
    and has its number at the bottom (run LaTeX twice for the total)."""
    width, height = paper.mm(landscape=landscape)
    n = len(sheet.labels)
    spec = (
        rf"@{{}}>{{\raggedright\arraybackslash\footnotesize}}p{{{UNIT_CM}cm}}"
        + r">{\footnotesize}l" * (n - 1)
        + rf"*{{{len(sheet.columns)}}}{{>{{\footnotesize}}r}}@{{}}"
    )
    head = [rf"\scriptsize {tex_escape(t)}" for t in sheet.labels]
    head += [rf"\multicolumn{{1}}{{r}}{{\scriptsize {tex_escape(c.label)}}}" for c in sheet.columns]
    header = " & ".join(head) + r" \\"
    rows: list[str] = []
    for i, line in enumerate(sheet.lines):
        if line.total and not sheet.lines[i - 1].total:
            rows.append(r"\midrule")
        elif i and not line.repeats and not line.total:
            rows.append(r"\addlinespace")
        shown, numbers = sheet.printed(line)
        labels = [tex_escape(t) for t in shown]
        if line.total and labels[0]:
            labels[0] = rf"\textbf{{{labels[0]}}}"
        labels[0] = row_start(labels[0])
        rows.append(" & ".join([*labels, *numbers]) + r" \\")
    body = [
        r"\noindent{\large\bfseries " + tex_escape(sheet.title) + r"}\par",
        rf"\begin{{longtable}}{{{spec}}}",
        r"\toprule",
        header,
        r"\midrule",
        r"\endfirsthead",
        r"\toprule",
        header,
        r"\midrule",
        r"\endhead",
        r"\bottomrule",
        r"\endlastfoot",
        *rows,
        r"\end{longtable}",
        r"\noindent{\footnotesize " + tex_escape(sheet.note) + r"}\par",
    ]
    texts = [sheet.title, sheet.note, *sheet.labels, *(x.unit for x in sheet.lines)]
    texts += [x.fund or "" for x in sheet.lines] + [x.side or "" for x in sheet.lines]
    return tex_document(
        body,
        paper=f"paperwidth={width:g}mm,paperheight={height:g}mm",
        header=(sheet.organization, sheet.running),
        language=sheet.language,
        texts=texts,
    )
