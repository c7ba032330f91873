"""The validation rules, registered by name and code, and the engine that runs them."""

from raci.rules import (
    catalog,
    establishment,
    hierarchy,
    level_norms,
    lineage,
    roles,
    tables,
    workload,
)
from raci.rules.registry import (
    RULES,
    Context,
    Option,
    Rule,
    check_settings,
    iter_rules,
    rule,
    unknown_selectors,
    validate,
)

__all__ = [
    "RULES",
    "Context",
    "Option",
    "Rule",
    "catalog",
    "check_settings",
    "establishment",
    "hierarchy",
    "iter_rules",
    "level_norms",
    "lineage",
    "roles",
    "rule",
    "tables",
    "unknown_selectors",
    "validate",
    "workload",
]
