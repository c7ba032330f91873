"""``--config PATH`` and ``--isolated``, which every command that reads models or tables
takes, and the configuration they lead to for each input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from raci.config import Configuration, configuration_for

F = TypeVar("F", bound=Callable[..., Any])
_CONFIG, _ISOLATED = "raci.config", "raci.isolated"


def _keep(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Keep the option's value for :func:`chosen_config`; refuse both options together."""
    ctx.meta[_CONFIG if param.name == "config" else _ISOLATED] = value
    if ctx.meta.get(_CONFIG) is not None and ctx.meta.get(_ISOLATED):
        raise click.UsageError("--config and --isolated exclude each other", ctx)


def config_options(func: F) -> F:
    """``--config PATH`` and ``--isolated``."""
    isolated = click.option(
        "--isolated",
        is_flag=True,
        expose_value=False,
        callback=_keep,
        help="Read no configuration file.",
    )
    config = click.option(
        "--config",
        type=click.Path(dir_okay=False),
        metavar="PATH",
        expose_value=False,
        callback=_keep,
        help="Take the settings from this file (raci.toml, or pyproject.toml's [tool.raci])"
        " instead of the one found above each input.",
    )
    return config(isolated(func))


def chosen_config() -> tuple[str | None, bool]:
    """The ``--config`` file and ``--isolated`` of the command running (none outside one)."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    return meta.get(_CONFIG), bool(meta.get(_ISOLATED))


def configured(path: str) -> Configuration:
    """The configuration of the input ``path``; raises :class:`raci.LoadError` for a
    configuration that cannot be used."""
    config, isolated = chosen_config()
    return configuration_for(path, config, isolated=isolated)
