"""How far long work has got: the work says each step it takes (:func:`step`), and whoever
runs it decides whether and how to show that, by setting a callback for a block
(:func:`reporting`). Without one, a step costs a look-up and shows nothing.

The command line shows the steps on a terminal; a script can show them its own way::

    import raci.progress

    def shown(what, done, total, unit):
        print(f"{what}: {done} of {total} {unit or 'parts'}")

    with raci.progress.reporting(shown):
        raci.render_chart(org, "book.pdf", paper="A4", split_by="auto")

Long work reports as it goes: a chart's pages planned (units), laid out and drawn (pages);
the cascade sheets made and written (posts); a YAML model file parsed and read (its
characters) and built (deliverables).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: What a callback is told: what is being done ("drawing the chart"), how many parts of
#: it are done, how many there are, and what the parts are ("pages"; '' for parts that
#: mean nothing to a reader, such as a file's characters, best shown as a percentage).
Callback = Callable[[str, int, int, str], None]

_CALLBACK: contextvars.ContextVar[Callback | None] = contextvars.ContextVar(
    "raci_progress", default=None
)


@contextlib.contextmanager
def reporting(callback: Callback) -> Iterator[None]:
    """Tell ``callback`` each step of the work done within the block (in this thread or
    task: the callback is kept in a context variable)."""
    token = _CALLBACK.set(callback)
    try:
        yield
    finally:
        _CALLBACK.reset(token)


def step(what: str, done: int, total: int, unit: str = "") -> None:
    """Say that ``done`` of the ``total`` parts (``unit``) of ``what`` are done."""
    callback = _CALLBACK.get()
    if callback is not None:
        callback(what, done, total, unit)


def each(what: str, items: Sequence[T], unit: str) -> Iterator[T]:
    """The ``items``, one by one, saying before each how many of them are done (and after
    the last that all are): the work of ``what`` is done an item at a time."""
    callback = _CALLBACK.get()
    if callback is None:
        yield from items
        return
    total = len(items)
    for done, item in enumerate(items):
        callback(what, done, total, unit)
        yield item
    callback(what, total, total, unit)
