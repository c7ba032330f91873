"""What an org chart shows and how it is paged: the one set of options of the chart API."""

from __future__ import annotations

import warnings
from typing import Any

import attrs
from attrs import validators as v

from raci.lookup import as_clause, did_you_mean
from raci.render.paper import Paper, paper

__all__ = ["AUTO", "ChartOptions"]

#: ``split_by`` for pages cut wherever the paper needs, so that every page reads.
AUTO = "auto"
_ORIENTATIONS = ("landscape", "portrait")


def _kind(types: type | tuple[type, ...], what: str) -> Any:
    """A validator: the value is one of ``types``, and True or False only where ``bool``
    is one of them (to Python they are ints, but as a count or a size a mistake). The
    TypeError says ``what`` was expected and what was got."""
    allowed = types if isinstance(types, tuple) else (types,)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            msg = f"{attribute.name} must be {what} (got {type(value).__name__} {value!r:.60})"
            raise TypeError(msg)

    return check


def _number(kind: type | tuple[type, ...], what: str, least: int, most: int | None = None) -> Any:
    """A validator of a number of ``kind``, from ``least`` to ``most``, or None."""
    checks: list[Any] = [_kind(kind, what), v.ge(least)]
    if most is not None:
        checks.append(v.le(most))
    return v.optional(checks)


def _paper_or_none(value: str | Paper | None) -> Paper | None:
    return None if value is None else paper(value)


#: The range of ``max_pixels``: the most is about a gigabyte of picture in memory and half
#: a minute of drawing; past it, SVG or PDF draw the chart at any size.
LEAST_PIXELS, MOST_PIXELS = 10_000, 250_000_000

_TEXT = v.optional(_kind(str, "a string or None"))
_FLAG = _kind(bool, "True or False")


@attrs.frozen(kw_only=True)
class ChartOptions:
    """What to draw and on what pages (see :func:`raci.render_chart`); every value is
    checked when the options are made, a wrong type with TypeError, a value out of range
    with ValueError. ``paper`` is a name from :data:`raci.render.paper.PAPERS` (any case)
    and is kept as its :class:`~raci.render.paper.Paper`."""

    root: str | None = attrs.field(default=None, validator=_TEXT)
    depth: int | None = attrs.field(default=None, validator=_number(int, "an int or None", 0))
    lang: str | None = attrs.field(
        default=None, validator=v.optional(_kind(str, "a language code such as 'zh', or None"))
    )
    positions: bool = attrs.field(default=False, validator=_FLAG)
    highlight: str | None = attrs.field(default=None, validator=_TEXT)
    split_by: str | int | None = attrs.field(
        default=None, validator=v.optional(_kind((str, int), "a level name, a depth or None"))
    )
    title: str | None = attrs.field(default=None, validator=_TEXT)
    heads: bool = attrs.field(default=True, validator=_FLAG)
    headcount: bool = attrs.field(default=True, validator=_FLAG)
    key: bool = attrs.field(default=True, validator=_FLAG)
    stack: int = attrs.field(default=3, validator=[_kind(int, "an int"), v.ge(1)])
    paper: Paper | None = attrs.field(default=None, converter=_paper_or_none)
    landscape: bool | None = attrs.field(
        default=None, validator=v.optional(_kind(bool, "True, False or None"))
    )
    dpi: float | None = attrs.field(
        default=None, validator=_number((int, float), "a number or None", 1, 2400)
    )
    max_pixels: int | None = attrs.field(
        default=None, validator=_number(int, "an int or None", LEAST_PIXELS, MOST_PIXELS)
    )

    def __attrs_post_init__(self) -> None:
        if self.split_by == AUTO and self.paper is None:
            msg = "split_by='auto' cuts the chart into pages that read on a paper size; give one"
            raise ValueError(msg)
        if self.split_by == AUTO and self.depth is not None:
            msg = "split_by='auto' chooses how deep each page goes; it takes no depth"
            raise ValueError(msg)

    @classmethod
    def of(cls, options: ChartOptions | None = None, /, **changes: Any) -> ChartOptions:
        """``options`` (default: the defaults) with ``changes`` made, checked. A misspelt
        option is a TypeError saying which was meant; ``orientation='landscape'`` or
        ``'portrait'``, the earlier spelling of ``landscape``, still works and warns."""
        if options is not None and not isinstance(options, ChartOptions):
            msg = f"options must be ChartOptions or None (got {type(options).__name__})"
            raise TypeError(msg)
        if "orientation" in changes:
            changes["landscape"] = _landscape(changes.pop("orientation"))
        known = attrs.fields_dict(cls)
        for name in changes:
            if name not in known:
                hint = as_clause(did_you_mean(name, known))
                msg = f"unexpected keyword argument {name!r} for a chart{hint}"
                raise TypeError(msg)
        return attrs.evolve(options, **changes) if options is not None else cls(**changes)


def _landscape(orientation: object) -> bool | None:
    """``landscape`` for an ``orientation`` keyword, with a DeprecationWarning."""
    warnings.warn(
        "orientation= is deprecated; use landscape=True or landscape=False",
        DeprecationWarning,
        stacklevel=4,
    )
    if orientation is not None and orientation not in _ORIENTATIONS:
        msg = f"orientation must be 'landscape' or 'portrait' (got {orientation!r})"
        raise ValueError(msg)
    return None if orientation is None else orientation == "landscape"
