"""The validation rules, registered by name and code, and the engine that runs them."""

from raci.rules import hierarchy, matrix, workload
from raci.rules.registry import RULES, Context, Rule, iter_rules, unknown_selectors, validate

__all__ = [
    "RULES",
    "Context",
    "Rule",
    "hierarchy",
    "iter_rules",
    "matrix",
    "unknown_selectors",
    "validate",
    "workload",
]
