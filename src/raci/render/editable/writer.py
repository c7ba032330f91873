"""Writing a chart's pages as an editable figure, by the file's suffix: ``.pptx`` (a slide
per page, with python-pptx: ``pip install 'raci[office]'``) or ``.drawio`` (a diagram
page per page, no dependency)."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from raci.exceptions import OutputError
from raci.findings import Said, nsay, number
from raci.output import write_atomic
from raci.render.editable.geometry import Source, lay_out

SUFFIXES = (".pptx", ".drawio")
NEEDS_PPTX = "writing PPTX needs python-pptx: pip install 'raci[office]'"


def write_editable(
    sources: Sequence[Source],
    path: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Said | None:
    """Lay out every page and write them to ``path`` (.pptx or .drawio), atomically.
    Returns what the reader should know: that the slides had to be scaled down to
    PowerPoint's largest slide, or None."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        msg = f"cannot write an editable figure as {suffix!r}; use one of {', '.join(SUFFIXES)}"
        raise ValueError(msg)
    if suffix == ".pptx" and importlib.util.find_spec("pptx") is None:
        raise OutputError(NEEDS_PPTX)
    pages = [lay_out(source) for source in sources]
    note = None
    if suffix == ".pptx":
        from raci.render.editable.as_pptx import LARGEST, pptx_bytes

        data, fit = pptx_bytes(pages)
        if fit < 1.0:
            inches = LARGEST / 72
            # Translators: {percent} is followed by the percent sign; {n} is how many inches
            # a side of PowerPoint's largest slide has; {option} is an option, kept.
            note = nsay(
                "the slides are scaled to {percent}% to stay within PowerPoint's largest slide"
                " ({n} inch a side); {option} makes pages of a paper size",
                "the slides are scaled to {percent}% to stay within PowerPoint's largest slide"
                " ({n} inches a side); {option} makes pages of a paper size",
                inches,
                percent=round(fit * 100),
                option="--paper",
            ).with_fields(n=number(inches))
    else:
        from raci.render.editable.as_drawio import drawio_bytes

        data = drawio_bytes(pages)
    write_atomic(target, data, list(inputs))
    return note
