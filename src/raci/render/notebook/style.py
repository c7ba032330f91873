"""How a notebook's outputs look, written inline (a notebook keeps no style sheet of
ours): notes under a drawing or a table, table captions, cells."""

from __future__ import annotations

#: A sentence under a drawing or a table: what was left out, what a figure means.
NOTE = "font-size:smaller;color:#5b6470;margin-top:.3em"
#: A table's caption, above it.
CAPTION = "caption-side:top;text-align:left;font-weight:600"
#: Cells of text, and of numbers.
LEFT = "text-align:left;vertical-align:top"
RIGHT = "text-align:right;vertical-align:top"
