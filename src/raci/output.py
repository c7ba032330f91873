"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def numbered(target: str | os.PathLike[str], count: int) -> list[Path]:
    """The names of ``count`` files written for ``target``, one per page:
    ``chart-1.svg``, ``chart-2.svg``... (numbers padded to the same width)."""
    path = Path(target)
    digits = len(str(count))
    return [path.with_name(f"{path.stem}-{i:0{digits}d}{path.suffix}") for i in range(1, count + 1)]


def in_memory(
    write: Callable[[Path], Sequence[Path]], name: str, *, text: bool, what: str
) -> str | bytes:
    """What ``write`` writes to a file called ``name``, for a caller that gave no path: the
    one file's text (``text``) or bytes, nothing kept on disk. A ValueError when it writes
    several files (one per page of ``what``, "chart" or "picture")."""
    with tempfile.TemporaryDirectory(prefix="raci-") as folder:
        written = write(Path(folder) / name)
        if len(written) > 1:
            msg = f"this {what} has several pages: give a path, or format='pdf' for one file"
            raise ValueError(msg)
        data = written[0].read_bytes()
    return data.decode("utf-8") if text else data


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    An existing file is replaced only once the new one is complete; through a symbolic
    link, the file it points to is replaced and the link kept. A character device or a
    named pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is written in place, never
    replaced; other special files are refused.
    """
    refuse_inputs(path, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot(path, exc) from None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, payload, mode)
        return
    target = Path(os.path.realpath(path) if os.path.islink(path) else path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise OutputError(msg)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot(path, exc) from None
    with _removed_on_signal(tmp):
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise _cannot(path, exc) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _cannot(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}")


def _write_in_place(path: str | os.PathLike[str], payload: bytes, mode: int) -> None:
    """Write into a character device or a named pipe as it is; refuse other special files.

    A pipe is opened without waiting, so one that nobody reads fails at once.
    """
    if stat.S_ISDIR(mode):
        msg = f"cannot write {path}: it is a folder"
        raise OutputError(msg)
    fifo = stat.S_ISFIFO(mode)
    if not (fifo or stat.S_ISCHR(mode)):
        msg = f"cannot write {path}: it is neither a file nor a device such as /dev/null or a pipe"
        raise OutputError(msg)
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | (os.O_NONBLOCK if fifo else 0))
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            msg = f"cannot write {path}: it is a named pipe that nothing reads"
            raise OutputError(msg) from None
        raise _cannot(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if fifo:
                os.set_blocking(fd, True)  # a large output waits for the reader
            fh.write(payload)
    except OSError as exc:
        raise _cannot(path, exc) from None


#: The signals that end a process and can be caught, where this system has them.
_ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _removed_on_signal(tmp: str) -> Iterator[None]:
    """Remove the temporary file if SIGTERM or SIGHUP (a closed terminal) arrives while it
    is written (the main thread only: a library does not take over signals it cannot
    restore)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in _ENDING_SIGNALS}

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        before = previous[signum]
        if before == signal.SIG_IGN:
            return
        Path(tmp).unlink(missing_ok=True)
        restore()
        if callable(before):
            before(signum, frame)
        else:
            raise SystemExit(128 + signum)

    for signum in previous:
        signal.signal(signum, on_signal)
    try:
        yield
    finally:
        restore()
