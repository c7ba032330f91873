"""`raci annex` from the command line: what it writes, and each way it refuses, in one
line and exit status 2."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from raci.cli import cli

docx = pytest.importorskip("docx")

OLD = """\
version: 1
organization: {name: Co}
units:
  - {id: top, name: Co, posts: {D-1: 1}}
  - {id: ops, name: Operations, parent: top, posts: {P-4: 2, GS: 1}}
  - {id: hr, name: People, parent: top, posts: {P-3: 1}}
deliverables:
  - {id: plan, name: Plan, raci: {A: top, R: [ops], C: [hr]}}
"""

NEW = """\
version: 1
organization: {name: Co}
units:
  - {id: top, name: Co, posts: {D-1: 1}}
  - {id: operations, name: Operations Division, parent: top, formerly: [ops, nothing],
     posts: {P-4: 2, GS: 2}}
deliverables:
  - {id: plan, name: Plan, raci: {A: top, R: [ops]}}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def heading_texts(path: Path) -> list[str]:
    doc = docx.Document(str(path))
    return [p.text for p in doc.paragraphs if p.style.name in ("Title", "Heading 1")]


class TestWrites:
    def test_the_console_in_the_language(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        """Its finding and `wrote` line in the --lang; the finding's layout as validate's."""
        out = tmp_path / "annex.docx"
        code, err = run("annex", str(pair[0]), str(pair[1]), "--lang", "fr", "-o", str(out))
        assert code == 0, err
        finding, wrote = err.splitlines()[-2:]
        assert finding.startswith(f"{pair[1]}:5:72: warning formerly-unknown: l'unité `operations`")
        assert wrote == f"écrit\N{NO-BREAK SPACE}: {out}"

    def test_a_word_document(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        out = tmp_path / "annex.docx"
        code, err = run("annex", str(pair[0]), str(pair[1]), "-o", str(out))
        assert code == 0, err
        assert err.splitlines()[-1] == f"wrote {out}"
        assert "new.yaml:5:72: warning formerly-unknown: unit `operations`" in err
        assert heading_texts(out) == [
            "Restructuring annex",
            "Summary of the change",
            "Organigrams",
            "Staffing",
            "Post changes",
            "Responsibility matrix",
        ]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["annex.docx", "new.yaml", "old.yaml"]

    def test_in_chinese_on_letter_paper(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        out = tmp_path / "annex.docx"
        code, err = run(
            "annex", str(pair[0]), str(pair[1]), "-o", str(out), "--lang", "zh", "--paper", "letter"
        )
        assert code == 0, err
        assert heading_texts(out)[:2] == ["机构调整附件", "调整概要"]
        assert round(docx.Document(str(out)).sections[0].page_width.mm, 1) == 215.9

    @pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    def test_old_as_committed_at_a_revision(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def git(*args: str) -> None:
            command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
            subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)

        git("init", "-q")
        org = tmp_path / "org.yaml"
        org.write_text(OLD, encoding="utf-8")
        git("add", "org.yaml")
        git("commit", "-qm", "old")
        org.write_text(NEW, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, err = run("annex", "HEAD:org.yaml", "org.yaml", "-o", "annex.docx")
        assert code == 0, err
        title = [p.text for p in docx.Document("annex.docx").paragraphs[:5]]
        assert "Before: HEAD:org.yaml" in title
        assert "After: org.yaml" in title


class TestRefuses:
    def test_without_an_output(self, pair: tuple[Path, Path]) -> None:
        code, err = run("annex", str(pair[0]), str(pair[1]))
        assert code == 2
        assert "Missing option '-o' / '--output'" in err

    def test_another_suffix(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        code, err = run("annex", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "a.odt"))
        assert code == 2
        assert "cannot write an annex as '.odt'; use one of .docx, .pdf" in err

    def test_to_write_over_an_input(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        link = tmp_path / "annex.docx"
        link.symlink_to(pair[1])
        code, err = run("annex", str(pair[0]), str(pair[1]), "-o", str(link))
        assert code == 2
        assert (
            err.strip().splitlines()[-1] == f"error: refusing to write {link}: it is an input file"
        )
        assert pair[1].read_text(encoding="utf-8") == NEW

    def test_an_unreadable_input(self, pair: tuple[Path, Path], tmp_path: Path) -> None:
        broken = tmp_path / "broken.yaml"
        broken.write_text("units: [\n", encoding="utf-8")
        code, err = run("annex", str(broken), str(pair[1]), "-o", str(tmp_path / "a.docx"))
        assert code == 2
        assert "the file was not loaded" in err
        assert not (tmp_path / "a.docx").exists()

    def test_a_pdf_without_libreoffice(
        self, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("PATH", str(tmp_path))
        out = tmp_path / "annex.pdf"
        code, err = run("annex", str(pair[0]), str(pair[1]), "-o", str(out))
        assert code == 2
        (line,) = [x for x in err.splitlines() if x.startswith("error:")]
        assert "soffice" in line
        assert "apt-get install libreoffice-writer" in line
        assert not out.exists()
