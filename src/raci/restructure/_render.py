"""Rendering DOT in-process with the Graphviz bundled in pygraphviz, quietly."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator

from raci.exceptions import OutputError

FORMATS = ("svg", "png", "pdf")
_NOISE = re.compile(r"^Fontconfig (warning|error):")
_LOCK = threading.Lock()


def render_dot(dot: str, fmt: str) -> bytes:
    """``dot`` laid out and rendered as ``fmt`` (svg, png at 150 dpi, or pdf)."""
    try:
        import pygraphviz
    except ImportError:  # pragma: no cover - a dependency
        msg = "Graphviz is not available: install pygraphviz (`pip install pygraphviz`)"
        raise OutputError(msg) from None
    with _LOCK, _quiet_fontconfig():
        try:
            graph = pygraphviz.AGraph(string=dot)
            data = graph.draw(format=fmt, prog="dot", args="-Gdpi=150" if fmt == "png" else "")
        except (ValueError, pygraphviz.DotError) as exc:
            msg = f"Graphviz could not render the picture: {exc}"
            raise OutputError(msg) from None
    if not isinstance(data, bytes):  # pragma: no cover
        msg = "Graphviz returned no output"
        raise OutputError(msg)
    return data


@contextlib.contextmanager
def _quiet_fontconfig() -> Iterator[None]:
    """Hold back what Graphviz writes to file descriptor 2, but for fontconfig's noise."""
    sys.stderr.flush()
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            said = sink.read().decode("utf-8", "replace").splitlines()
            kept = [line for line in said if line.strip() and not _NOISE.match(line)]
            for line in kept:
                warnings.warn(f"Graphviz: {line.strip()}", stacklevel=3)
