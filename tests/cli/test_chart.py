"""`raci chart` from the command line."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from helpers import EXAMPLES
from raci.cli import cli
from raci.render import engine

MODEL = """
version: 1
organization:
  name: Acme
  levels: [organization, division, branch]
units:
  - id: top
    name: {en: Acme, zh: 顶峰}
    level: organization
    units:
      - {id: ops, name: Operations, level: division, units: [{id: plants, level: branch}]}
      - {id: fin, name: Finance, level: division}
deliverables:
  - id: report
    raci: {A: top, R: [fin]}
"""

SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["chart", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def model(write: Callable[..., Path]) -> Path:
    return write(MODEL)


def texts(path: Path) -> list[str]:
    return [t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text")]


class TestSuccess:
    def test_writes_svg(self, model: Path) -> None:
        out = model.parent / "c.svg"
        code, stdout, _ = run(str(model), "-o", str(out))
        assert code == 0
        assert stdout == f"wrote {out}\n"
        assert "Operations" in texts(out)

    def test_a_key_unless_no_key(self, model: Path) -> None:
        out = model.parent / "c.svg"
        assert run(str(model), "-o", str(out))[0] == 0
        assert "Key" in texts(out)
        assert "Reporting line" in texts(out)
        assert run(str(model), "-o", str(out), "--no-key")[0] == 0
        assert "Key" not in texts(out)
        assert "Reporting line" not in texts(out)
        assert "Operations" in texts(out)

    def test_pages_on_paper_are_numbered(self, model: Path) -> None:
        out = model.parent / "c.pdf"
        assert run(str(model), "-o", str(out), "--paper", "A4", "--split-by", "1")[0] == 0
        pages = [page.extract_text() for page in PdfReader(out).pages]
        assert [f"Page {i} of {len(pages)}" in t for i, t in enumerate(pages, 1)] == [True] * len(
            pages
        )

    def test_options_reach_the_chart(self, model: Path) -> None:
        out = model.parent / "c.dot"
        code, _, _ = run(
            str(model),
            "-o",
            str(out),
            "--root",
            "top",
            "--depth",
            "1",
            "--lang",
            "zh",
            "--highlight",
            "report",
            "--title",
            "Plan <A>",
            "--positions",
        )
        assert code == 0
        source = out.read_text(encoding="utf-8")
        assert "顶峰" in source
        assert "plants" not in source
        assert "Plan &lt;A&gt;" in source
        assert "“report”的职责" in source

    def test_split_by_writes_numbered_files(self, model: Path) -> None:
        out = model.parent / "c.png"
        code, stdout, _ = run(str(model), "-o", str(out), "--split-by", "division")
        assert code == 0
        assert stdout.splitlines() == [
            f"wrote {model.parent / 'c-1.png'}",
            f"wrote {model.parent / 'c-2.png'}",
        ]
        assert (model.parent / "c-2.png").read_bytes()[:4] == b"\x89PNG"

    def test_split_by_makes_a_multi_page_pdf(self, model: Path) -> None:
        out = model.parent / "c.pdf"
        assert run(str(model), "-o", str(out), "--split-by", "division")[0] == 0
        assert len(PdfReader(out).pages) == 2

    @pytest.mark.parametrize("suffix", [".pptx", ".drawio"])
    def test_an_editable_book_is_one_file(self, model: Path, suffix: str) -> None:
        pytest.importorskip("pptx")
        out = model.parent / f"c{suffix}"
        args = ["--split-by", "division", "--paper", "A5"]
        code, stdout, stderr = run(str(model), "-o", str(out), *args)
        assert (code, stderr) == (0, "")
        assert stdout == f"wrote {out}\n"
        data = out.read_bytes()
        assert data.startswith(b"PK" if suffix == ".pptx" else b"<?xml")
        assert b"Operations" in data or suffix == ".pptx"

    def test_without_python_pptx_a_pptx_says_what_to_install(
        self, model: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pptx", None)
        out = model.parent / "c.pptx"
        code, _, stderr = run(str(model), "-o", str(out))
        assert code == 2
        assert stderr.strip().splitlines() == [
            "error: writing PPTX needs python-pptx: pip install 'raci[office]'"
        ]
        assert not out.exists()

    def test_org_csv_alone(self, write: Callable[..., Path]) -> None:
        csv = write(
            "id,name,parent\nhq,Headquarters,\nops,Operations,hq\nfin,Finance & <Tax>,hq\n",
            "org.csv",
        )
        out = csv.parent / "c.svg"
        code, _, stderr = run(str(csv), "-o", str(out))
        assert code == 0, stderr
        assert {"Headquarters", "Operations", "Finance & <Tax>"} <= set(texts(out))

    def test_stack_option(self, model: Path) -> None:
        out = model.parent / "c.dot"

        def x_of(name: str) -> float:
            line = next(ln for ln in out.read_text("utf-8").splitlines() if f"\t{name} [" in ln)
            found = re.search(r' pos="([\d.]+),', line)
            assert found
            return float(found.group(1))

        assert run(str(model), "-o", str(out), "--depth", "1")[0] == 0
        assert x_of("ops") != x_of("fin")
        assert run(str(model), "-o", str(out), "--stack", "1", "--depth", "1")[0] == 0
        assert x_of("ops") == x_of("fin")

    def test_paper_and_orientation(self, model: Path) -> None:
        out = model.parent / "c.pdf"
        code, _, stderr = run(str(model), "-o", str(out), "--paper", "a4", "--portrait")
        assert code == 0, stderr
        box = PdfReader(out).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    @pytest.mark.parametrize(
        ("args", "size"),
        [
            (["--paper", "Letter"], (792, 612)),
            (["--paper", "LETTER", "--portrait"], (612, 792)),
            (["--paper", "legal", "--portrait"], (612, 1008)),
            (["--paper", "a3", "--landscape"], (1191, 842)),
            (["--paper", "tabloid", "--portrait"], (792, 1224)),
        ],
    )
    def test_every_paper_size(self, model: Path, args: list[str], size: tuple[int, int]) -> None:
        out = model.parent / "c.pdf"
        code, _, stderr = run(str(model), "-o", str(out), *args)
        assert code == 0, stderr
        box = PdfReader(out).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size

    def test_split_pages_on_paper_are_written_together(self, model: Path) -> None:
        out = model.parent / "c.svg"
        code, stdout, _ = run(str(model), "-o", str(out), "--split-by", "division", "--paper", "A4")
        assert code == 0
        assert len(stdout.splitlines()) == 2
        overview = texts(model.parent / "c-1.svg")
        assert "continued on page 2" in overview
        assert "Finance" in overview
        assert "continued on page 3" not in overview
        assert not list(model.parent.glob(".*staged"))

    def test_png_over_the_pixel_limit_says_so(self, model: Path) -> None:
        out = model.parent / "c.png"
        code, _, stderr = run(str(model), "-o", str(out), "--max-pixels", "20000")
        assert code == 0
        assert stderr.startswith("warning: the PNG would be ")
        assert "--max-pixels raises the limit" in stderr

    def test_warns_without_a_cjk_font(self, model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        code, _, stderr = run(str(model), "-o", str(model.parent / "c.png"), "--lang", "zh")
        assert code == 0
        assert stderr.startswith("警告：未安装含中文、日文或韩文字符的字体")  # said in the --lang
        assert "apt-get install fonts-noto-cjk" in stderr

    def test_graphviz_warnings_are_warning_lines(
        self, model: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import raci.cli.chart

        def fake(*args: object, **kwargs: object) -> list[Path]:
            warnings.warn("Graphviz: something odd", engine.GraphvizWarning, stacklevel=1)
            return []

        monkeypatch.setattr(raci.cli.chart, "render_chart", fake)
        code, _, stderr = run(str(model), "-o", str(model.parent / "c.svg"))
        assert code == 0
        assert stderr == "warning: Graphviz: something odd\n"


class TestErrors:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--root", "nope"], "no unit has the id or name 'nope'"),
            (["--highlight", "nope"], "no deliverable has the id or name 'nope'"),
            (["--depth", "-1"], "Invalid value for '--depth': -1 is not in the range x>=0"),
            (["--depth", "two"], "'two' is not a valid integer"),
            (["--split-by", "nope"], "unknown level 'nope'"),
            (["--split-by", "branch", "--root", "fin"], "no unit at level 'branch'"),
            (["--paper", "A7"], "Invalid value for '--paper': unknown paper size 'A7'; use one"),
            (["--paper", "leter"], "did you mean `Letter`?"),
            (["--landscape"], "--landscape and --portrait need --paper"),
            (["--split-by", "auto"], "--split-by auto needs --paper"),
            (["--split-by", "auto", "--paper", "A4", "--depth", "1"], "leave out --depth"),
            (["--dpi", "0"], "'--dpi': 0.0 is not in the range 1<=x<=2400"),
            (["--dpi", "high"], "'--dpi': 'high' is not a valid float range"),
            (["--max-pixels", "-3"], "'--max-pixels': -3 is not in the range 10000<=x<=250000000"),
            (
                ["--max-pixels", "999999999"],
                "'--max-pixels': 999999999 is not in the range 10000<=x<=250000000",
            ),
            (["--dpi", "300"], "--dpi and --max-pixels are for PNG output"),
        ],
    )
    def test_bad_options_exit_2(self, model: Path, args: list[str], message: str) -> None:
        out = model.parent / "c.svg"
        code, _, stderr = run(str(model), "-o", str(out), *args)
        assert code == 2
        assert message in stderr
        assert "Traceback" not in stderr
        assert not out.exists()

    def test_unknown_extension(self, model: Path) -> None:
        code, _, stderr = run(str(model), "-o", str(model.parent / "c.jpg"))
        assert code == 2
        assert "cannot write a chart as '.jpg'; use one of .svg, .png, .pdf, .dot" in stderr

    def test_output_missing(self, model: Path) -> None:
        assert run(str(model))[0] == 2

    def test_unreadable_model(self, tmp_path: Path) -> None:
        code, _, stderr = run(str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "c.svg"))
        assert code == 2
        assert "no such file" in stderr

    def test_output_folder_missing(self, model: Path) -> None:
        code, _, stderr = run(str(model), "-o", str(model.parent / "no" / "c.svg"))
        assert code == 2
        assert "does not exist" in stderr


@pytest.mark.parametrize(
    ("lang", "suffix"),
    [
        ("en", "png"),
        pytest.param(
            "zh",
            "pdf",
            marks=pytest.mark.skipif(
                not engine.font_available("cjk"),
                reason="no CJK font installed: a Chinese PDF rightly warns about it",
            ),
        ),
        ("zh", "svg"),
    ],
)
def test_stderr_is_clean_in_a_real_process(tmp_path: Path, lang: str, suffix: str) -> None:
    """The bundled fontconfig's complaints about the system configuration never show."""
    out = tmp_path / f"c.{lang}.{suffix}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "raci",
            "chart",
            str(EXAMPLES / "un-habitat-2020" / "org.yaml"),
            "-o",
            str(out),
            "--lang",
            lang,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out.stat().st_size > 1000


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["chart", "--help"])
    assert result.exit_code == 0
    assert "raci chart org.yaml -o chart.svg" in result.output


def test_root_and_highlight_take_names_in_any_case(tmp_path: Path) -> None:
    org = EXAMPLES / "un-habitat-2020" / "org.yaml"
    out = tmp_path / "c.dot"
    code, _, err = run(
        str(org), "-o", str(out), "--root", "global solutions division", "--highlight", "FS-2019"
    )
    assert code == 0, err
    assert "Global Solutions Division" in out.read_text()
    code, _, err = run(str(org), "-o", str(out), "--root", "Global Solution Divison")
    assert code == 2
    assert "did you mean `Global Solutions Division`?" in err


def test_a_people_sheet_shows_titles_and_people_below(tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "employee_id,name,title,manager_id\n1,Sarah Chen,CEO,\n2,Alex Rodriguez,CTO,1\n"
        "3,Jordan Kim,Engineer,2\n4,Riley Thompson,Engineer,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "c.dot"
    code, _, err = run(str(sheet), "-o", str(out), "--depth", "1")
    assert code == 0, err
    text = out.read_text()
    assert ">CTO<" in text
    assert "+2 people below" in text
