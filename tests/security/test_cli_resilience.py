"""The command line under failure: one file's trouble never hides another's result, an
interrupt exits 130, an unwritable output is a message, and no temporary file is left."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
import raci.validation
from raci.cli import cli, main
from raci.exceptions import OutputError
from raci.output import write_atomic

GOOD = "units: [{id: a}]\ndeliverables: [{id: d, raci: {A: a, R: a}}]\n"


def test_a_file_that_breaks_raci_keeps_the_others_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "a.yaml", tmp_path / "bad.yaml"
    good.write_text(GOOD)
    bad.write_text(GOOD)
    real = raci.validation.load

    def load(path: object, **options: object) -> raci.Organization:
        if str(path).endswith("bad.yaml"):
            raise RuntimeError("boom")
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(raci.validation, "load", load)
    result = CliRunner().invoke(cli, ["validate", str(good), str(bad), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == [str(good), str(bad)]
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["silo"]
    [broken] = data["files"][1]["findings"]
    assert broken["message"].startswith("internal error: RuntimeError: boom")


def test_ctrl_c_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(GOOD)

    def interrupted(*args: object, **kwargs: object) -> list[raci.Finding]:
        raise KeyboardInterrupt

    monkeypatch.setattr("raci.cli.validate.validate_file", interrupted)
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    assert info.value.code == 130


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic(folder / "x.txt", "data")
    finally:
        folder.chmod(0o700)


def test_a_failing_temporary_file_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("raci.output.tempfile.mkstemp", refuse)
    with pytest.raises(OutputError, match=r"cannot write .*: Permission denied"):
        write_atomic(tmp_path / "x.txt", "data")
    for command in (["schema", "-o"], ["init"]):
        result = CliRunner().invoke(cli, [*command, str(tmp_path / "out.yaml")])
        assert result.exit_code == 2, result.output
        assert "Permission denied" in result.output


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_ending_while_writing_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    script = (
        "import time, raci.output as o\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30)\n"
        "o.os.fsync = slow\n"
        f"o.write_atomic({str(tmp_path / 'out.txt')!r}, b'x' * 1000)\n"
    )
    code = _signalled(script, tmp_path, "writing", signum)
    time.sleep(0.1)
    assert code != 0
    assert [p.name for p in tmp_path.iterdir()] == []


def test_ctrl_c_stops_a_graphviz_render_at_once(tmp_path: Path) -> None:
    """Graphviz holds the interpreter while it renders; the command line still stops on
    Ctrl-C right away (one long C call, that no signal interrupts, stands in for a render)."""
    pytest.importorskip("pygraphviz")
    example = Path(__file__).parents[2] / "examples" / "un-habitat-2020" / "org.yaml"
    script = (
        "import hashlib\n"
        "from pygraphviz import graphviz as gv\n"
        "def slow(*args):\n"
        "    print('rendering', flush=True)\n"
        "    hashlib.pbkdf2_hmac('sha256', b'x', b'y', 100_000_000)\n"
        "gv.gvRenderData = slow\n"
        "from raci.cli import main\n"
        f"main(['chart', {str(example)!r}, '-o', 'chart.svg'])\n"
    )
    assert _signalled(script, tmp_path, "rendering", signal.SIGINT) == -signal.SIGINT
    assert list(tmp_path.iterdir()) == []


def _signalled(script: str, folder: Path, ready: str, signum: int) -> int:
    """Run ``script`` in ``folder``, send it ``signum`` once it prints ``ready``, and give
    its exit code; it fails if the script has not stopped 10 s later. The script starts
    with the signal's default action, as from a terminal, even when these tests run in
    the background (where a shell starts its jobs with Ctrl-C ignored)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(Path(raci.__file__).parents[1])},  # this raci
        preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL),
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == ready
        proc.send_signal(signum)
        return proc.wait(timeout=10)
    finally:
        proc.kill()
