"""Which configuration applies to an input: the one named, none, or the nearest one above
the input, found as ruff finds its own."""

from __future__ import annotations

import os
from pathlib import Path

from raci.config.reading import PYPROJECT, RACI_TOML, read_configuration, shown
from raci.config.settings import Configuration
from raci.exceptions import LoadError


def find_configuration(path: str | os.PathLike[str]) -> Configuration | None:
    """The configuration of the input ``path``: in its folder, then in each folder above
    it, the first ``raci.toml``, or ``pyproject.toml`` with a ``[tool.raci]`` table
    (``raci.toml`` first within a folder). None when no folder has one."""
    folder = Path(os.path.abspath(path)).parent
    for place in (folder, *folder.parents):
        for name in (RACI_TOML, PYPROJECT):
            candidate = place / name
            if candidate.is_file():
                found = read_configuration(candidate)
                if found is not None:
                    return found
    return None


def configuration_for(
    path: str | os.PathLike[str],
    config: str | os.PathLike[str] | None = None,
    *,
    isolated: bool = False,
) -> Configuration:
    """The configuration that applies to the input ``path``: the file ``config`` when
    given, none when ``isolated``, else the one :func:`find_configuration` finds (the
    defaults when there is none). Raises :class:`raci.LoadError` for a configuration
    that cannot be read, or that sets what raci does not take, each problem at its place."""
    if isolated and config is not None:
        msg = "a configuration file and isolated exclude each other"
        raise ValueError(msg)
    if isolated:
        return Configuration()
    if config is not None:
        found = read_configuration(config)
        if found is None:
            name = shown(Path(os.path.abspath(config)))
            raise LoadError.at(name, 0, 0, "has no [tool.raci] table")
        return found
    return find_configuration(path) or Configuration()
