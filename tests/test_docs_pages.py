"""The tutorial and the how-to guides, run as a reader runs them: their files written,
their commands run in order in a copy of the source folder's examples, and each command's
output compared with what the page shows."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from helpers import EXAMPLES, ROOT

DOCS = ROOT / "docs"
TUTORIAL = DOCS / "tutorial.md"
PAGES = [TUTORIAL, *sorted((ROOT / "docs" / "howto").glob("*.md"))]
#: A fenced block: ```console, or ```{code-block} LANG with a `:caption:` naming a file;
#: fenced with more backticks when what it shows holds fences of its own.
BLOCK = re.compile(r"^(`{3,})(console|\{code-block\} [\w-]+)\n(.*?)^\1$", re.M | re.S)


@attrs.frozen
class File:
    """A file the reader is told to save, with its text."""

    name: str
    text: str


@attrs.frozen
class Command:
    """A command typed at the `$` prompt, and the output the page shows for it."""

    line: str
    output: str


def steps(doc: str) -> list[File | Command]:
    """The files and commands of a page, in the order a reader meets them."""
    found: list[File | Command] = []
    for _, kind, body in BLOCK.findall(doc):
        if kind == "console":
            for chunk in re.split(r"^(?=\$ )", body, flags=re.M):
                if chunk.startswith("$ "):
                    line, _, output = chunk.partition("\n")
                    found.append(Command(line[2:], output))
            continue
        options, _, text = body.partition("\n\n")
        caption = re.search(r"^:caption: (\S+)$", options, re.M)
        if caption:
            found.append(File(caption.group(1), text))
    return found


#: How far a chart is scaled to fit its paper depends on the fonts the machine has (their
#: widths), so the page and a run may differ there by a point; everything else must match.
_SCALED = re.compile(r"scaled to \d+%, so its smallest text is [\d.]+ pt")


def _clean(text: str) -> str:
    text = _SCALED.sub("scaled to N%, so its smallest text is N pt", text)
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


class TestParsing:
    """The parser finds what the page shows, so that a passing run means something."""

    def test_reads_files_and_commands(self) -> None:
        doc = (
            "```{code-block} yaml\n:caption: a.yaml\n\nx: 1\n```\n\ntext\n\n"
            "```console\n$ cat a.yaml\nx: 1\n$ true\n```\n"
        )
        assert steps(doc) == [
            File("a.yaml", "x: 1\n"),
            Command("cat a.yaml", "x: 1\n"),
            Command("true", ""),
        ]

    def test_a_longer_fence_holds_fences(self) -> None:
        doc = "````console\n$ raci diff a b --mermaid\n```mermaid\nflowchart TB\n```\n````\n"
        assert steps(doc) == [
            Command("raci diff a b --mermaid", "```mermaid\nflowchart TB\n```\n"),
        ]

    def test_the_tutorial_has_the_promised_steps(self) -> None:
        lines = [
            s.line for s in steps(TUTORIAL.read_text(encoding="utf-8")) if isinstance(s, Command)
        ]
        for command in ("validate", "chart", "matrix", "report", "cascade", "diff"):
            assert any(line.startswith(f"raci {command} ") for line in lines), command


@pytest.mark.skipif(shutil.which("bash") is None, reason="the pages' commands need bash")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_command_prints_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    """In a folder holding a copy of the examples, like raci's source folder."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("raci", path=str(bin_dir)) is None:
        pytest.skip("the `raci` command is not installed beside this Python")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env |= {"COLUMNS": "80", "LINES": "24", "NO_COLOR": "1"}
    env.pop("RACI_DEBUG", None)
    cwd = tmp_path
    shown = steps(page.read_text(encoding="utf-8"))
    assert any(isinstance(step, Command) for step in shown), f"{page.name} shows no command"
    for step in shown:
        if isinstance(step, File):
            (cwd / step.name).write_text(step.text, encoding="utf-8")
            continue
        if step.line.startswith("cd "):
            cwd = (cwd / step.line[3:].strip()).resolve()
            assert cwd.is_dir(), step.line
            continue
        done = subprocess.run(
            ["bash", "-c", step.line],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            timeout=300,
        )
        assert _clean(done.stdout) == _clean(step.output), f"{page.name}: $ {step.line}"
    if page == TUTORIAL:
        _same_figures_as_the_site(cwd, tmp_path / "site")


#: Files the tutorial's commands write, and the names the docs build gives them.
SHOWN = {
    "chart.svg": "chart.svg",
    "matrix.md": "matrix.md",
    "report.html": "report.html",
    "gender-fp.md": "cascade.md",
    "diff.md": "diff.md",
    "change.svg": "change.svg",
    "lineage.svg": "lineage.svg",
}


def _same_figures_as_the_site(written: Path, site: Path) -> None:
    """The figures the site shows are the files the reader's commands write."""
    spec = importlib.util.spec_from_file_location("raci_docs", DOCS / "_ext" / "raci_docs.py")
    assert spec is not None
    assert spec.loader is not None
    ext = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ext)
    ext.make_figures(site)
    for mine, theirs in SHOWN.items():
        assert (written / mine).read_bytes() == (site / theirs).read_bytes(), mine
