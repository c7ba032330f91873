"""Outputs and inputs that are not regular files: devices, pipes, links, oversized files."""

from __future__ import annotations

import os
import signal
import stat
import struct
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from raci.cli import cli
from raci.exceptions import OutputError
from raci.io import MAX_INPUT_BYTES, TABLE_SUFFIXES
from raci.io.tables.xlsx_scan import MAX_UNPACKED_BYTES
from raci.output import write_atomic

MODEL = """\
version: 1
units:
  - {id: top, name: Top}
  - {id: gsd, parent: top, name: Solutions}
positions:
  - {id: ed, title: Director, unit: top}
deliverables:
  - {id: d1, name: Plan, raci: {A: ed, R: gsd}}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(MODEL, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def deadline() -> Iterator[None]:
    """Fail a test that waits on a pipe instead of hanging the suite."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("still waiting after 20 s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device like /dev/null: a node of its own where this user may make one
    (root), so that a failure cannot replace the system's; else /dev/null itself."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        return Path("/dev/null")
    return node


def is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


class TestOutputs:
    def test_a_device_is_written_in_place(self, null_device: Path) -> None:
        write_atomic(null_device, "data")
        assert is_char_device(null_device)
        assert [p.name for p in null_device.parent.iterdir() if p.name.endswith(".tmp")] == []

    def test_schema_into_dev_null_keeps_the_device(self, null_device: Path) -> None:
        code, out = run("schema", "-o", str(null_device))
        assert code == 0, out
        assert is_char_device(null_device)
        # Only now, with the same code proven on a node of its own, the system's.
        code, out = run("schema", "-o", "/dev/null")
        assert code == 0, out
        assert is_char_device(Path("/dev/null"))

    @pytest.mark.parametrize(
        ("command", "suffix"),
        [
            (["chart", "{model}"], ".svg"),
            (["matrix", "{model}"], ".csv"),
            (["report", "{model}"], ".html"),
            (["cascade", "{model}"], ".md"),
            (["diff", "{model}", "{model}"], ".svg"),
            (["import", "{sheet}"], ".yaml"),
            (["init", "--force"], ".yaml"),
        ],
    )
    def test_every_writer_keeps_a_device(
        self, model: Path, null_device: Path, tmp_path: Path, command: list[str], suffix: str
    ) -> None:
        sheet = tmp_path / "m.csv"
        sheet.write_text("deliverable,top,gsd\nd1,A,R\n", encoding="utf-8")
        link = tmp_path / f"out{suffix}"
        link.symlink_to(null_device)
        args = [a.format(model=model, sheet=sheet) for a in command]
        code, out = run(*args, *(["-o"] if command[0] != "init" else []), str(link))
        assert code == 0, out
        assert link.is_symlink()
        assert is_char_device(null_device)

    def test_a_pipe_without_a_reader_fails_at_once(self, tmp_path: Path) -> None:
        fifo = tmp_path / "out.json"
        os.mkfifo(fifo)
        started = time.monotonic()
        with pytest.raises(OutputError, match=r"out\.json: it is a named pipe that nothing reads"):
            write_atomic(fifo, "data")
        code, out = run("schema", "-o", str(fifo))
        assert code == 2
        assert out.count("\n") == 1
        assert "nothing reads" in out
        assert time.monotonic() - started < 5
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    def test_a_pipe_with_a_reader_gets_the_data(self, tmp_path: Path) -> None:
        fifo = tmp_path / "out.json"
        os.mkfifo(fifo)
        received: list[bytes] = []
        ready = threading.Event()

        def read() -> None:
            fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, before the writer
            os.set_blocking(fd, True)
            ready.set()
            chunks = []
            while True:
                chunk = os.read(fd, 1 << 16)
                if chunk:
                    chunks.append(chunk)
                elif chunks:  # the writer is done
                    break
                else:  # no writer yet
                    time.sleep(0.01)
            os.close(fd)
            received.append(b"".join(chunks))

        reader = threading.Thread(target=read)
        reader.start()
        ready.wait(5)
        data = b"x" * 1_000_000  # more than a pipe holds: the writer waits for the reader
        write_atomic(fifo, data)
        reader.join(10)
        assert received == [data]
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    def test_a_link_to_a_file_replaces_the_file_and_keeps_the_link(self, tmp_path: Path) -> None:
        real = tmp_path / "real" / "out.json"
        real.parent.mkdir()
        real.write_text("old")
        real.chmod(0o640)
        link = tmp_path / "out.json"
        link.symlink_to(real)
        write_atomic(link, "new")
        assert link.is_symlink()
        assert real.read_text() == "new"
        assert stat.S_IMODE(real.stat().st_mode) == 0o640
        assert sorted(p.name for p in tmp_path.rglob("*")) == ["out.json", "out.json", "real"]

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(OutputError, match="it is a folder"):
            write_atomic(tmp_path, "data")


def _commands(path: Path, other: Path) -> list[list[str]]:
    """Every command that reads ``path``, by how it reads it."""
    commands = [
        ["validate", str(path)],
        ["chart", str(path), "-o", str(other / "c.svg")],
        ["matrix", str(path)],
        ["diff", str(path), str(path)],
        ["stats", str(path)],
        ["staffing", str(path)],
    ]
    if path.suffix in TABLE_SUFFIXES:
        commands.append(["import", str(path), "-o", str(other / "o.yaml")])
    return commands


def _refused(args: list[str], path: Path, reason: str) -> None:
    """The command stops at once with exit 2 and a line that names the file and why."""
    started = time.monotonic()
    code, out = run(*args)
    assert code == 2, out
    assert time.monotonic() - started < 5
    assert any(str(path) in line and reason in line for line in out.splitlines()), out
    assert "Traceback" not in out


class TestInputs:
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".md", ".xlsx"])
    def test_a_link_to_dev_zero_is_refused_at_once(self, tmp_path: Path, suffix: str) -> None:
        path = tmp_path / f"org{suffix}"
        path.symlink_to("/dev/zero")
        for args in _commands(path, tmp_path):
            _refused(args, path, "not a regular file")

    @pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
    def test_a_pipe_is_refused_without_waiting(self, tmp_path: Path, suffix: str) -> None:
        path = tmp_path / f"org{suffix}"
        os.mkfifo(path)
        for args in _commands(path, tmp_path):
            _refused(args, path, "not a regular file")

    def test_a_link_to_a_regular_file_is_read(self, model: Path, tmp_path: Path) -> None:
        link = tmp_path / "link.yaml"
        link.symlink_to(model)
        code, out = run("validate", str(link))
        assert code == 0, out

    def test_a_file_over_the_limit_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "big.yaml"
        with path.open("wb") as fh:  # sparse: no disk is used
            fh.truncate(MAX_INPUT_BYTES + 1)
        for args in _commands(path, tmp_path):
            _refused(args, path, "the file is larger than 256 MB, the most raci reads")

    def test_a_workbook_declaring_a_huge_size_is_refused(self, tmp_path: Path) -> None:
        """A zip bomb: a small file whose parts declare gigabytes unpacked."""
        path = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("xl/worksheets/sheet1.xml", b"<a/>" * 1000)
        raw = bytearray(path.read_bytes())
        central = raw.find(b"PK\x01\x02")
        while central != -1:  # the size unpacked, as the zip's directory declares it
            struct.pack_into("<I", raw, central + 24, MAX_UNPACKED_BYTES // 2 + 1)
            central = raw.find(b"PK\x01\x02", central + 4)
        path.write_bytes(raw)
        assert path.stat().st_size < 10_000
        limit = MAX_UNPACKED_BYTES >> 20
        reason = f"the workbook unpacked is larger than {limit:,} MB, the most raci reads"
        for args in _commands(path, tmp_path):
            _refused(args, path, reason)

    def test_a_committed_file_is_read_within_the_limit(
        self, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`REV:PATH` reads what git holds: a committed link's text, never its target, and
        no blob over the limit."""
        import subprocess

        monkeypatch.chdir(tmp_path)
        (tmp_path / "zero.yaml").symlink_to("/dev/zero")
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
        for args in (["init", "-q"], ["add", "zero.yaml", "org.yaml"], ["commit", "-qm", "m"]):
            subprocess.run([*git, *args], check=True, capture_output=True)
        code, out = run("diff", "HEAD:zero.yaml", "HEAD:zero.yaml")
        assert code == 2, out
        assert "Traceback" not in out
        code, out = run("diff", "HEAD:org.yaml", "HEAD:org.yaml")
        assert code == 0, out
        monkeypatch.setattr("raci.restructure.revision.MAX_INPUT_BYTES", len(MODEL) - 1)
        _refused(["diff", "HEAD:org.yaml", "HEAD:org.yaml"], Path("HEAD:org.yaml"), "larger than")
