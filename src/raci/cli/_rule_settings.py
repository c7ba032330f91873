"""The ``rules:`` settings of a model, for commands that draw or tabulate it.

Those commands do not run the rules, so a setting the rules would refuse (a typo in a
rule or option name, a value of the wrong kind) is a warning there, not a failure;
``raci validate`` reports it as an error at its place.
"""

from __future__ import annotations

from raci.model import Organization


def setting_warnings(org: Organization) -> list[str]:
    """A ``warning:`` line for each rule setting of ``org`` that the rules would refuse."""
    if not org.rule_settings:
        return []
    from raci.rules import check_settings

    return [f"warning: {finding} (the setting is ignored)" for finding in check_settings(org)]
