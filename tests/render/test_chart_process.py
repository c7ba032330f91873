"""Rendering a chart leaves its host process alone: stderr, file descriptors, other threads."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import warnings

import pytest

from helpers import EXAMPLES
from raci.render import engine

SCRIPT = textwrap.dedent(
    """
    import json, os, sys, threading, time
    import raci

    org = raci.load(sys.argv[1])
    before_stderr = sys.stderr
    before = os.fstat(2)
    rendering = threading.Event()
    done = threading.Event()
    samples = []
    written = 0

    def chatter():
        global written
        while not done.is_set():
            st = os.fstat(2)
            samples.append([rendering.is_set(), st.st_ino, st.st_dev])
            sys.stderr.write(f"other thread {written}\\n")
            sys.stderr.flush()
            written += 1
            time.sleep(0.0005)

    thread = threading.Thread(target=chatter)
    thread.start()
    time.sleep(0.01)
    rendering.set()
    for suffix in ("png", "pdf", "png", "pdf"):
        raci.render_chart(org, os.path.join(sys.argv[2], "chart." + suffix))
    rendering.clear()
    time.sleep(0.01)
    done.set()
    thread.join()
    after = os.fstat(2)
    print(json.dumps({
        "same_stderr": sys.stderr is before_stderr,
        "fd2_before": [before.st_ino, before.st_dev],
        "fd2_after": [after.st_ino, after.st_dev],
        "samples": samples,
        "written": written,
    }))
    """
)


def test_rendering_leaves_stderr_and_fd2_alone(tmp_path: pytest.TempPathFactory) -> None:
    """Another thread's lines on stderr during rendering all arrive, and fd 2 never moves."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(EXAMPLES / "un-habitat-2020" / "org.yaml"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["same_stderr"]
    assert report["fd2_before"] == report["fd2_after"]
    during = [s for s in report["samples"] if s[0]]
    assert during, "the other thread never ran while the chart was rendered"
    assert all(s[1:] == report["fd2_before"] for s in report["samples"])
    lines = done.stderr.splitlines()
    assert [ln for ln in lines if ln.startswith("other thread")] == [
        f"other thread {i}" for i in range(report["written"])
    ]
    assert [ln for ln in lines if not ln.startswith("other thread")] == []


def test_graphviz_messages_become_warnings(capfd: pytest.CaptureFixture[str]) -> None:
    source = 'digraph { a [shape=nonesuch pos="0,0"] }'
    with pytest.warns(engine.GraphvizWarning, match="unknown shape nonesuch"):
        engine.render(source, "svg")
    assert capfd.readouterr().err == ""


def test_no_warning_when_graphviz_is_content() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        engine.render('digraph { a [shape=box pos="0,0"] }', "png")


def test_fontconfig_noise_never_reaches_a_real_process() -> None:
    """The bundled fontconfig reads the system configuration without complaining."""
    code = (
        "from raci.render import engine;"
        "engine.render('digraph { a [label=\"x\" pos=\"0,0\"] }', 'png')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr == ""
