"""The settings a configuration file gives, and how the command line's options go over them."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from raci.model import Organization, RuleSetting
from raci.render.paper import Paper
from raci.rules.registry import RULES, selected

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _read_only(rules: Mapping[str, RuleSetting]) -> Mapping[str, RuleSetting]:
    return MappingProxyType(dict(rules))


@attrs.frozen
class Configuration:
    """What one configuration file sets; None (or empty) where it sets nothing, and the
    command's own default applies. ``file`` is the file as messages name it (None: no file).

    ``select`` and ``ignore`` take rule names or codes, as ``--select`` and ``--ignore``;
    ``scheme`` is the scheme a table read on its own is read with; ``lang``, ``paper`` and
    ``landscape`` are the defaults of ``--lang``, ``--paper`` and ``--landscape/--portrait``
    for outputs printed on pages; ``rules`` are rule settings as a model's ``rules:`` gives
    them, each with its place in the file.
    """

    file: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    scheme: str | None = None
    lang: str | None = None
    paper: Paper | None = None
    landscape: bool | None = None
    rules: Mapping[str, RuleSetting] = attrs.field(factory=dict, converter=_read_only)

    def selection(
        self, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
    ) -> tuple[list[str] | None, list[str]]:
        """The rules to select and ignore when the command line gives ``select`` and
        ``ignore``, as ruff layers them: a ``select`` starts afresh, leaving the
        configuration's ``select`` and ``ignore`` out; an ``ignore`` adds to the
        configuration's, and leaves out a rule its ``select`` names too."""
        if select:
            return list(select), list(ignore or ())
        dropped = list(ignore or ())
        if self.select is not None and dropped:
            # Each rule by name, so that no selection of the configuration's is more specific.
            dropped = [r.name for r in RULES.values() if selected(r, dropped, None)]
        chosen = list(self.select) if self.select is not None else None
        return chosen, [*self.ignore, *dropped]

    def applied_to(self, org: Organization) -> Organization:
        """``org`` with the configuration's rule settings under its own (the file's setting
        of a rule replaces the configuration's)."""
        if not self.rules:
            return org
        return attrs.evolve(org, rule_settings={**self.rules, **org.rule_settings})

    def page(self, paper: Paper | None, landscape: bool | None) -> tuple[Paper | None, bool | None]:
        """The paper and orientation of a printed output: those given, else the
        configuration's."""
        return (
            paper if paper is not None else self.paper,
            landscape if landscape is not None else self.landscape,
        )

    def lines(self) -> list[str]:
        """The settings made, one TOML line each, as a configuration file would give them."""
        values: dict[str, Any] = {
            "select": None if self.select is None else list(self.select),
            "ignore": list(self.ignore) or None,
            "scheme": self.scheme,
            "lang": self.lang,
            "paper": None if self.paper is None else self.paper.name,
            "landscape": self.landscape,
        }
        shown = [f"{key} = {_toml(value)}" for key, value in values.items() if value is not None]
        shown += [f"rules.{_key(name)} = {_toml(s.value)}" for name, s in self.rules.items()]
        return shown


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _toml(value: Any) -> str:
    """A value as TOML writes it inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(str(k))} = {_toml(v)}" for k, v in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)
