"""Text pdflatex cannot set (Cyrillic, Greek, Vietnamese, combining marks, ∑): the file
says which engine to use, pdflatex stops with that message, and lualatex sets it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import raci
from helpers import loads, pdflatex
from raci.render.latex import beyond_pdflatex

NAMES = ["Штаб", "Ελλάδα", "Tiếng Việt", "e\u0301te\u0301", "∑ budget"]
MODEL = (
    "version: 1\nunits:\n  - {id: hq, name: Agency}\nexternal:\n"
    + "".join(f"  - {{id: p{i}, name: '{name}'}}\n" for i, name in enumerate(NAMES))
    + "deliverables:\n  - {id: d, name: Plan, raci: {A: hq, R: [p0, p1, p2, p3, p4]}}\n"
)


def test_what_pdflatex_cannot_set() -> None:
    assert beyond_pdflatex(["Agency", "Übersicht — café", "全球解决方案司"]) == ""
    assert [beyond_pdflatex([n]) for n in NAMES] == ["Ш", "Ε", "ế", "\u0301", "∑"]


def test_the_file_names_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "m.tex"
    raci.render_matrix(loads(MODEL), path)
    head = path.read_text(encoding="utf-8").splitlines()[:4]
    assert head[1].startswith("% This document has text pdflatex cannot set (Cyrillic")
    assert "compile it with lualatex or xelatex" in head[1]
    plain = tmp_path / "plain.tex"
    plain_model = "version: 1\nunits: [{id: hq}]\ndeliverables: [{id: d, raci: {A: hq, R: hq}}]\n"
    raci.render_matrix(loads(plain_model), plain)
    assert plain.read_text(encoding="utf-8").splitlines()[1] == (
        "% Compile with pdflatex, xelatex or lualatex (twice, for the page count)."
    )


def test_pdflatex_says_which_engine(tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    path = tmp_path / "m.tex"
    raci.render_matrix(loads(MODEL), path)
    done = pdflatex(path)
    assert done.returncode != 0
    assert "compile it with lualatex or xelatex" in done.stdout.replace("\n", "")


def test_lualatex_sets_every_script(tmp_path: Path) -> None:
    if shutil.which("lualatex") is None or shutil.which("kpsewhich") is None:
        pytest.skip("lualatex is not installed")
    found = subprocess.run(
        ["kpsewhich", "luaotfload-main.lua"], capture_output=True, text=True, check=False
    )
    if not found.stdout.strip():
        pytest.skip("luaotfload is not installed")
    from pypdf import PdfReader

    path = tmp_path / "m.tex"
    raci.render_matrix(loads(MODEL), path)
    done = pdflatex(path, engine="lualatex", timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    text = "".join(p.extract_text() for p in PdfReader(path.with_suffix(".pdf")).pages)
    for word in ("Штаб", "Ελλάδα", "Tiếng", "∑"):
        assert word in text
