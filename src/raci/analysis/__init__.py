"""Readings of a model: what each post holds (the cascade) and the structure's figures."""

from __future__ import annotations

from raci.analysis.cascade import Cascade, Held, cascade
from raci.analysis.figures import Figures, stats

__all__ = ["Cascade", "Figures", "Held", "cascade", "stats"]
