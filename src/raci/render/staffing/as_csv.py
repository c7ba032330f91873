"""The staffing table as CSV: one line per unit (and fund, and approved, proposed and
change), every label repeated so that each line reads alone, numbers as numbers."""

from __future__ import annotations

import csv
import io

from raci.cells import safe_cell
from raci.grades import tidy
from raci.render.staffing.sheet import Sheet


def sheet_header(sheet: Sheet) -> list[str]:
    """The header of CSV and XLSX: the units' ids, the labels, then the number columns."""
    return ["id", *sheet.labels, *(c.label for c in sheet.columns)]


def render_csv(sheet: Sheet) -> str:
    """CSV starting with a byte-order mark (how Excel tells UTF-8 apart); text cells that
    a spreadsheet would run as a formula are prefixed with ``'``."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(t) for t in sheet_header(sheet)])
    for line in sheet.lines:
        labels = [safe_cell(t) for t in (line.ids, *sheet.cells(line))]
        writer.writerow([*labels, *(tidy(v) for v in line.values)])
    return buffer.getvalue()
