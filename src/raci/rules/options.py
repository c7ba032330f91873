"""Checks for rule options: public factories returning the checks (as attrs validators do),
each saying what was expected and what was got."""

from __future__ import annotations

from typing import Any

import attrs

from raci.model import Organization


@attrs.frozen
class _WholeNumber:
    def __call__(self, org: Organization, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"must be a whole number (got {value!r})"
        return None


def whole_number() -> _WholeNumber:
    """A check that the option is a whole number, 0 or more."""
    return _WholeNumber()


@attrs.frozen
class _RoleLimits:
    """Options named by a role letter of the file's scheme, each ``{min: N, max: N}``: the
    fewest and the most parties that may hold that role on one deliverable."""

    def __call__(self, org: Organization, key: Any, value: Any) -> str | None:
        scheme = org.scheme
        if not isinstance(key, str) or scheme.role(key) is None:
            return f"`{key}` is not a role of scheme {scheme.name} ({', '.join(scheme.letters)})"
        if (
            not isinstance(value, dict)
            or set(value) - {"min", "max"}
            or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in value.values())
        ):
            return f"`{key}` must map to {{min: N, max: N}} (got {value!r})"
        return None


def role_limits() -> _RoleLimits:
    """A check for options named by role letter: ``{min: N, max: N}`` for a role of the
    file's scheme."""
    return _RoleLimits()
