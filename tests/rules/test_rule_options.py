"""Every rule option at its boundary: at the limit the rule is quiet, one over it fires.

The cases are read from the registry, so an option added without a boundary case here
fails :func:`test_every_option_has_a_boundary_case`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import raci
from raci.rules import RULES, iter_rules


def _model(deliverables: list[dict[str, Any]]) -> dict[str, Any]:
    """A root unit with every party the deliverables name as a unit below it."""
    named = sorted(
        {
            p
            for d in deliverables
            for v in d["raci"].values()
            for p in ([v] if isinstance(v, str) else v)
        }
    )
    return {
        "version": 1,
        "units": [{"id": "hq", "units": [{"id": p} for p in named if p != "hq"]}],
        "deliverables": deliverables,
    }


def _accountable(n: int) -> dict[str, Any]:
    """`lead` is Accountable for n deliverables, each with its own Responsible."""
    return _model([{"id": f"d{k}", "raci": {"A": "lead", "R": f"r{k}"}} for k in range(n)])


def _responsible(n: int) -> dict[str, Any]:
    """`lead` is Responsible for n deliverables, each with its own Accountable."""
    return _model([{"id": f"d{k}", "raci": {"A": f"a{k}", "R": "lead"}} for k in range(n)])


def _consulted(n: int) -> dict[str, Any]:
    """One deliverable with n Consulted parties."""
    return _model([{"id": "d", "raci": {"A": "hq", "R": "hq", "C": [f"c{k}" for k in range(n)]}}])


#: For each (rule, option): its documented default, a model whose measured count is n,
#: and the words of the finding that a count past the limit gives.
BOUNDARIES: dict[tuple[str, str], tuple[int, Callable[[int], dict[str, Any]], str]] = {
    ("overloaded", "max_accountable"): (
        10,
        _accountable,
        "`lead` is Accountable for {n} deliverables; the limit is {limit}",
    ),
    ("overloaded", "max_responsible"): (
        20,
        _responsible,
        "`lead` is Responsible for {n} deliverables; the limit is {limit}",
    ),
    ("too-many-consulted", "max"): (5, _consulted, "has {n} Consulted parties; at most {limit} "),
}

OPTIONS = [(r.name, key) for r in iter_rules() for key in r.options]


def test_every_option_has_a_boundary_case() -> None:
    assert sorted(BOUNDARIES) == sorted(OPTIONS)


@pytest.mark.parametrize(("rule", "option"), OPTIONS, ids=lambda v: str(v))
def test_the_default_is_the_documented_one(rule: str, option: str) -> None:
    assert RULES[rule].options[option].default == BOUNDARIES[rule, option][0]


def _messages(rule: str, data: dict[str, Any]) -> list[str]:
    org = raci.loads(json.dumps(data), "json", file="org.json")
    return [f.message for f in raci.validate(org, select=[rule])]


@pytest.mark.parametrize(("rule", "option"), OPTIONS, ids=lambda v: str(v))
@pytest.mark.parametrize("limit", [None, 0, 3], ids=["default", "0", "3"])
def test_quiet_at_the_limit_and_fires_one_over(rule: str, option: str, limit: int | None) -> None:
    default, build, words = BOUNDARIES[rule, option]
    settings = {} if limit is None else {"rules": {rule: {option: limit}}}
    at = default if limit is None else limit
    assert _messages(rule, {**build(at), **settings}) == []
    [message] = _messages(rule, {**build(at + 1), **settings})
    assert words.format(n=at + 1, limit=at) in message
