"""Reading a configuration file: ``raci.toml`` as a whole, or ``[tool.raci]`` of a
``pyproject.toml``; each key and value checked, each problem at its place."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from raci.config.places import Places, key_places, place_of
from raci.config.settings import Configuration
from raci.exceptions import LoadError
from raci.findings import Finding, SourceLocation
from raci.io import parse_toml, read_text
from raci.lookup import as_clause, did_you_mean
from raci.model import RuleSetting
from raci.render.paper import paper
from raci.rules.registry import check_selectors
from raci.schemes import scheme_named
from raci.words import UnknownLanguageError, language_named

#: The files raci looks for, in this order in each folder: its own, which holds the
#: settings as a whole, and a project's, which holds them under ``[tool.raci]``.
RACI_TOML = "raci.toml"
PYPROJECT = "pyproject.toml"
_TABLE = ("tool", "raci")


def _names(what: str) -> Callable[[Any], tuple[str, ...]]:
    return lambda value: tuple(check_selectors(value, f"`{what}`"))


def _scheme(value: Any) -> str:
    if not isinstance(value, str):
        msg = f'`scheme` must be a scheme\'s name such as "RASCI" (got {value!r})'
        raise TypeError(msg)
    return scheme_named(value).name


def _lang(value: Any) -> str:
    if not isinstance(value, str):
        msg = f'`lang` must be a language code such as "zh" (got {value!r})'
        raise TypeError(msg)
    try:
        return language_named(value)
    except UnknownLanguageError as exc:
        raise ValueError(f"`lang`: {exc}") from None


def _landscape(value: Any) -> bool:
    if not isinstance(value, bool):
        msg = f"`landscape` must be true or false (got {value!r})"
        raise TypeError(msg)
    return value


#: Each key a configuration takes (but ``rules``), and what makes its value.
CHECKS: dict[str, Callable[[Any], Any]] = {
    "select": _names("select"),
    "ignore": _names("ignore"),
    "scheme": _scheme,
    "lang": _lang,
    "paper": paper,
    "landscape": _landscape,
}
KEYS = (*CHECKS, "rules")


class _Reader:
    """Checks the settings of one file, noting each problem at its place."""

    def __init__(self, shown: str, text: str, prefix: tuple[str, ...]) -> None:
        self.shown = shown
        self.places: Places = key_places(text)
        self.prefix = prefix
        self.problems: list[Finding] = []

    def at(self, *path: str) -> SourceLocation:
        line, column = place_of(self.places, self.prefix + path)
        return SourceLocation(self.shown, line, column)

    def problem(self, reason: str, *path: str) -> None:
        self.problems.append(Finding.parse_error(self.at(*path), reason))

    def read(self, table: dict[str, Any]) -> Configuration:
        given: dict[str, Any] = {}
        for key, value in table.items():
            if key == "rules":
                given["rules"] = self.rules(value)
            elif key in CHECKS:
                try:
                    given[key] = CHECKS[key](value)
                except (TypeError, ValueError) as exc:
                    self.problem(str(exc), key)
            else:
                where = f" in [{'.'.join(self.prefix)}]" if self.prefix else ""
                hint = as_clause(did_you_mean(key, KEYS))
                self.problem(f"unknown key `{key}`{where}{hint}", key)
        if self.problems:
            raise LoadError(sorted(self.problems, key=lambda f: f.sort_key))
        return Configuration(self.shown, **given)

    def rules(self, value: Any) -> dict[str, RuleSetting]:
        """The rule settings, each at its place; the rules check them when they run."""
        if not isinstance(value, dict):
            self.problem(f"`rules` must be a table of rule settings (got {value!r})", "rules")
            return {}
        return {
            name: RuleSetting(name, setting, self.at("rules", name))
            for name, setting in value.items()
        }


def shown(path: Path) -> str:
    """A file as messages name it: relative to the current folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive
        return str(path)
    return str(path) if relative.startswith(os.pardir) else relative


def read_configuration(path: str | os.PathLike[str]) -> Configuration | None:
    """The configuration in a file: a ``pyproject.toml``'s ``[tool.raci]`` table (None
    when it has none), any other file as a whole. Raises :class:`raci.LoadError` for a
    file that cannot be read, and for each key and value that raci does not take."""
    absolute = Path(os.path.abspath(path))
    name = shown(absolute)
    try:
        info = absolute.stat()
    except OSError:
        read_text(Path(name))  # raises the reason
        raise
    return _read(absolute, name, (info.st_mtime_ns, info.st_size))


@functools.lru_cache(maxsize=64)
def _read(path: Path, name: str, stamp: tuple[int, int]) -> Configuration | None:
    """A file's configuration, read once while it stays the same (``stamp``)."""
    text = read_text(Path(name))
    data = parse_toml(text, name)[0] or {}
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        prefix = _TABLE
        data = data.get("tool", {}).get("raci") if isinstance(data.get("tool"), dict) else None
        if data is None:
            return None
        if not isinstance(data, dict):
            reason = f"`tool.raci` must be a table of settings (got {data!r})"
            raise LoadError.at(name, *place_of(key_places(text), _TABLE), reason)
    elif "units" in data or "deliverables" in data:
        reason = "this is a model, not a configuration"
        if path.name == RACI_TOML:
            reason += f"; raci reads {RACI_TOML} as its configuration: name the model org.toml"
        raise LoadError.at(name, 1, 1, reason)
    return _Reader(name, text, prefix).read(data)
