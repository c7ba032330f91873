"""The responsibility matrix as an object to look at: a notebook shows it as a table in the
role colours (or as Markdown where HTML is not shown), cut to what a notebook holds, with
a caption saying how to get the whole of it."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import attrs

from raci._text import counted, escape_html
from raci.model import Organization
from raci.render.legend.as_html import LEGEND_CSS, LEGEND_RTL_CSS, role_css
from raci.render.matrix.as_html import MATRIX_RTL_CSS, SCREEN_CSS, matrix_legend, table_html
from raci.render.matrix.as_text import render_markdown, render_text
from raci.render.matrix.table import Matrix, build_matrix
from raci.render.matrix.writer import check_choices
from raci.render.notebook.style import NOTE
from raci.words import words_for

#: The most deliverable rows and party columns a notebook shows.
MOST_ROWS = 200
MOST_COLUMNS = 60


@attrs.frozen
class MatrixView:
    """The responsibility matrix of a model (:func:`raci.matrix`). A notebook shows it as
    a table in the role colours, its first 200 deliverables and 60 parties; ``str()``
    gives the terminal table; ``table`` is the whole matrix, as every format renders it."""

    table: Matrix

    def __repr__(self) -> str:
        m = self.table
        rows = counted(len(m.rows), "deliverable")
        columns = counted(len(m.columns), "party", "parties")
        return f"<Matrix {m.title!r}: {rows} × {columns} ({m.scheme.name})>"

    def __str__(self) -> str:
        return render_text(self.table)

    def _repr_html_(self) -> str:
        """The legend and the table, coloured by role within an element of its own (so
        that matrices of different schemes can share a notebook), then what was cut;
        right to left in a language read so."""
        shown, caption = self._shown()
        body = f'{matrix_legend(shown)}<div class="raci-wrap">{table_html(shown)}</div>'
        scope = f"raci-matrix-{zlib.crc32(body.encode()):08x}"
        style = f"{LEGEND_CSS}{SCREEN_CSS}{role_css(shown.scheme, f'#{scope}')}"
        direction = ""
        if shown.words.rtl:
            style += LEGEND_RTL_CSS + MATRIX_RTL_CSS
            direction = ' dir="rtl"'
        below = f'<p style="{NOTE}">{escape_html(caption)}</p>' if caption else ""
        return f'<div id="{scope}"{direction}><style>{style}</style>{body}{below}</div>'

    def _repr_markdown_(self) -> str:
        """The table as Markdown (names escaped), then what was cut."""
        shown, caption = self._shown()
        text = render_markdown(shown)
        return f"{text}\n{caption}\n" if caption else text

    def _shown(self) -> tuple[Matrix, str]:
        """The part of the matrix a notebook shows, and the sentence that says what was
        cut ('' when nothing was)."""
        m = self.table
        words = words_for(m.language)
        notes = []
        if len(m.rows) > MOST_ROWS:
            m = attrs.evolve(m, rows=m.rows[:MOST_ROWS])
            notes.append(
                words.gettext("{shown} of {total} deliverables shown.").format(
                    shown=words.number(MOST_ROWS), total=words.number(len(self.table.rows))
                )
            )
        if len(m.columns) > MOST_COLUMNS:
            m = m.parties(0, MOST_COLUMNS)
            total = len(self.table.columns)
            # Translators: {shown} of the matrix's {total} parties are shown; the form goes
            # with {total}.
            cut = words.ngettext(
                "{shown} of {total} party shown; roll them up with {call}.",
                "{shown} of {total} parties shown; roll them up with {call}.",
                total,
            )
            notes.append(
                cut.format(
                    call='raci.matrix(org, level="division")',
                    shown=words.number(MOST_COLUMNS),
                    total=words.number(total),
                )
            )
        if notes:
            notes.append(
                words.gettext("The whole matrix: {call}.").format(
                    call='raci.render_matrix(org, "matrix.xlsx")'
                )
            )
        return m, " ".join(notes)


def matrix(
    org: Organization,
    *,
    level: str | None = None,
    lang: str | None = None,
    parties: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> MatrixView:
    """The responsibility matrix of ``org``, to look at: a notebook shows it as a table in
    the role colours. The choices are those of :func:`raci.render_matrix`: ``level`` rolls
    the columns up to a level, ``lang`` names them in a language, ``parties`` and
    ``groups`` keep those columns and rows."""
    check_choices(org, "matrix", level, lang, parties, groups)
    return MatrixView(build_matrix(org, level=level, lang=lang, parties=parties, groups=groups))
