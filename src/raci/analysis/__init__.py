"""Readings of a model: what each post holds (the cascade), the structure's figures and
the staffing table."""

from __future__ import annotations

from raci.analysis.cascade import Cascade, Held, cascade
from raci.analysis.figures import Figures, stats
from raci.analysis.staffing import Staffing, staffing

__all__ = ["Cascade", "Figures", "Held", "Staffing", "cascade", "staffing", "stats"]
