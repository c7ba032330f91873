"""Ctrl-C while C code runs: Python only sees the interrupt once the call returns, so a
long Graphviz render would ignore it. The command line asks for the default action
instead (the process ends at once); a library leaves its host's interrupts alone."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

#: Set while the command line wants Ctrl-C to end the process during C calls.
_STOP_ON_INTERRUPT = threading.Event()


@contextlib.contextmanager
def stop_on_interrupt() -> Iterator[None]:
    """While in this block, Ctrl-C during a call wrapped in :func:`interruptible` ends the
    process at once (killed by SIGINT: exit status 130 in a shell). For a command line,
    whose outputs are only written after such calls."""
    _STOP_ON_INTERRUPT.set()
    try:
        yield
    finally:
        _STOP_ON_INTERRUPT.clear()


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """The default action for SIGINT around a call into C code, when the command line asked
    for it and this is the main thread with Python's own SIGINT handler."""
    if (
        not _STOP_ON_INTERRUPT.is_set()
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
