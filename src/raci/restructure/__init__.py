"""Restructuring: what changes between two versions of a model, and who continues whom."""

from raci.analysis.successors import Lineage, Successors, successors
from raci.restructure.diff import CATEGORIES, Diff, diff
from raci.restructure.posts import PostChanges

__all__ = ["CATEGORIES", "Diff", "Lineage", "PostChanges", "Successors", "diff", "successors"]
