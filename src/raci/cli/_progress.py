"""Progress on a terminal: one line on stderr saying what long work is doing and how far it
has got, rewritten in place, for a command that has run more than a second; nothing at
all when stderr is not a terminal (piped, redirected, in CI)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

from raci._text import display_width, one_line
from raci.progress import reporting

#: Nothing is shown while a command has run less than this (seconds).
DELAY = 1.0
#: The line is rewritten at most this often (seconds).
INTERVAL = 0.2


def how_far(what: str, done: int, total: int, unit: str) -> str:
    """``drawing the chart: 12 of 40 pages``, or ``reading org.yaml: 45%`` without a unit."""
    if unit:
        return f"{what}: {done:,} of {total:,} {unit}"
    return f"{what}: {done * 100 // max(total, 1)}%"


class TerminalLine:
    """The progress line on ``stream``: written with a carriage return over itself, at most
    every :data:`INTERVAL` seconds once :data:`DELAY` has passed, no wider than the
    terminal, and cleared when a piece of work is done or :meth:`clear` is called."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.written = -INTERVAL
        #: The columns the line takes on the terminal now (0: no line).
        self.width = 0

    def __call__(self, what: str, done: int, total: int, unit: str) -> None:
        if done >= total:
            self.clear()
            return
        now = self.clock()
        if now - self.start < DELAY or now - self.written < INTERVAL:
            return
        self.written = now
        text = one_line(how_far(what, done, total, unit))
        room = shutil.get_terminal_size().columns - 1
        while display_width(text) > room:
            text = text[:-1]
        width = display_width(text)
        self.stream.write("\r" + text + " " * max(self.width - width, 0))
        self.stream.flush()
        self.width = width

    def clear(self) -> None:
        """Blank the line, so that what comes next starts on a clean one."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


#: The line shown while a command runs on a terminal.
_shown: list[TerminalLine] = []


@contextlib.contextmanager
def progress_shown() -> Iterator[None]:
    """Show the progress of the work within the block on stderr, when it is a terminal."""
    stream = sys.stderr
    if not stream.isatty():
        yield
        return
    line = TerminalLine(stream)
    _shown.append(line)
    try:
        with reporting(line):
            yield
    finally:
        _shown.remove(line)
        line.clear()


def clear_progress() -> None:
    """Blank the progress line, if one is shown, before printing on stderr."""
    for line in _shown:
        line.clear()
