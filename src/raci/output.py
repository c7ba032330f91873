"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from raci.exceptions import OutputError


def refuse_inputs(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise OutputError when ``output`` names the same file as one of ``inputs``."""
    out = Path(output).resolve()
    for item in inputs:
        src = Path(item)
        same = out == src.resolve()
        if not same and out.exists() and src.exists():
            same = os.path.samefile(out, src)
        if same:
            msg = f"refusing to write {output}: it is an input file"
            raise OutputError(msg)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    An existing file is replaced only once the new one is complete.
    """
    refuse_inputs(path, inputs)
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise OutputError(msg)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror or exc}"
        raise OutputError(msg) from None
    with _removed_on_signal(tmp):
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            msg = f"cannot write {path}: {exc.strerror or exc}"
            raise OutputError(msg) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _removed_on_signal(tmp: str) -> Iterator[None]:
    """Remove the temporary file if SIGTERM arrives while it is written (the main thread
    only: a library does not take over signals it cannot restore)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: FrameType | None) -> None:
        if previous == signal.SIG_IGN:
            return
        Path(tmp).unlink(missing_ok=True)
        signal.signal(signal.SIGTERM, previous)
        if callable(previous):
            previous(signum, frame)
        else:
            raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
