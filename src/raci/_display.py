"""The rich display of objects that sit below the renderers (an organization, a diff,
findings, figures): their ``_repr_html_`` comes here, and this finds the renderers'
notebook module by its name when an object is first shown, as a plotting library finds
its back end, so that no layer imports one above it and ``import raci`` loads no
renderer."""

from __future__ import annotations

import importlib

#: The module that draws raci's objects for a notebook.
SHOWN = "raci.render.notebook.shown"


def html(shown: object) -> str | None:
    """What a notebook shows of ``shown`` as HTML (None: its text form)."""
    found: str | None = importlib.import_module(SHOWN).html(shown)
    return found
