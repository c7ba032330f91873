"""The HTML a notebook shows for each of raci's objects that sit below the renderers.

The model, the findings, the figures and the diff cannot import a renderer (they sit below
them all), so their ``_repr_html_`` asks :mod:`raci._display`, which finds this module by
name when an object is first shown.
"""

from __future__ import annotations

from raci.analysis.figures import Figures
from raci.findings import Findings
from raci.model import Organization
from raci.render.notebook.change import diff_html
from raci.render.notebook.chart import chart_html
from raci.render.notebook.tables import figures_html, findings_html
from raci.restructure.diff import Diff


def html(shown: object) -> str | None:
    """The HTML of an organization (its chart), a diff, findings or figures; None for an
    object a notebook shows as text (an organization without units, anything else)."""
    if isinstance(shown, Organization):
        return chart_html(shown)
    if isinstance(shown, Diff):
        return diff_html(shown)
    if isinstance(shown, Findings):
        return findings_html(shown)
    if isinstance(shown, Figures):
        return figures_html(shown)
    return None
