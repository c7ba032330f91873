"""Outputs in Arabic, read right to left, tested on what they hold: charts and change
pictures mirrored, HTML with dir="rtl", worksheets right to left, Word documents with bidi
paragraphs, LaTeX set by LuaLaTeX, text in the order it is read. The same model drawn in
English (``lang="en"``) is the left-to-right counterpart."""

from __future__ import annotations

import re
import shutil
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import openpyxl
import pytest

import raci
from helpers import ARABIC, EXAMPLES, pdflatex, placed_text, printed_lines
from raci._text import display_width
from raci.analysis.names import level_name
from raci.render import engine
from raci.render.annex.matrix import fitting_matrix
from raci.render.cascade.as_pdf import sheet_dot
from raci.render.cascade.book import build_book
from raci.render.cascade.sheets import render_cascade
from raci.render.change.picture import picture_source
from raci.render.chart.layout import layout, mirrored
from raci.render.chart.orgchart import FontWarning, chart_sources
from raci.render.editable.label import read_label
from raci.render.pages import RunningHead, head_nodes
from raci.render.palette import legend
from raci.render.paper import A4
from raci.render.printing import page_css
from raci.render.report.assets import REPORT_JS, report_js
from raci.render.staffing.sheet import build_sheet
from raci.words import words_for

SVG = "{http://www.w3.org/2000/svg}"
#: The words raci adds in Arabic, and the dotted line's entry in the chart's key.
ARABIC_WORDS = words_for("ar")
DOTTED = "Also reports to (arrow: to whom)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def escwa() -> raci.Organization:
    """The commission, in Arabic (the model's language)."""
    return raci.load(ARABIC / "org.yaml")


@cache
def change() -> raci.Diff:
    return raci.diff(escwa(), raci.load(ARABIC / "after.yaml"))


def boxes(svg: str) -> dict[str, tuple[float, float]]:
    """The left and right edges of what each node draws (its shapes, else its text), by
    its SVG title."""
    out = {}
    for node in ET.fromstring(svg).iter(f"{SVG}g"):
        title = node.find(f"{SVG}title")
        if node.get("class") != "node" or title is None:
            continue
        xs = [
            float(x)
            for shape in (*node.iter(f"{SVG}polygon"), *node.iter(f"{SVG}path"))
            for x in re.findall(r"(-?[\d.]+),-?[\d.]+", shape.get("points") or shape.get("d", ""))
        ]
        xs = xs or [float(t.get("x", "nan")) for t in node.iter(f"{SVG}text")]
        out[title.text or ""] = (min(xs), max(xs))
    return out


def text_x(svg: str, text: str) -> float:
    """Where the SVG text ``text`` starts."""
    for element in ET.fromstring(svg).iter(f"{SVG}text"):
        if (element.text or "").strip() == text:
            return float(element.get("x", "nan"))
    raise AssertionError(f"no text {text!r}")


def drawn(source: str) -> str:
    return engine.render(source, "svg").decode("utf-8")


class TestLayout:
    def test_mirrored_is_the_layout_seen_in_a_mirror(self) -> None:
        children = {"top": ["a", "b", "staff"], "a": [], "b": [], "staff": []}
        sizes = dict.fromkeys(children, (60.0, 20.0))
        placed = layout(["top"], children, sizes, {"staff"})
        seen = mirrored(placed)
        assert (seen.width, seen.height) == (placed.width, placed.height)
        for uid, (x, y, w, h) in placed.boxes.items():
            assert seen.boxes[uid] == (placed.width - x - w, y, w, h)
        assert placed.boxes["a"][0] < placed.boxes["b"][0]
        assert seen.boxes["a"][0] > seen.boxes["b"][0]
        # The staff office, right of its unit, is now on its left.
        assert placed.boxes["staff"][0] > placed.boxes["top"][0]
        assert seen.boxes["staff"][0] < seen.boxes["top"][0]
        for before, after in zip(placed.links, seen.links, strict=True):
            assert [(placed.width - x, y) for x, y in before.points] == list(after.points)


class TestChart:
    def test_the_first_child_is_on_the_right_and_the_staff_office_on_the_left(self) -> None:
        arabic = boxes(drawn(chart_sources(escwa())[0]))
        english = boxes(drawn(chart_sources(escwa(), lang="en")[0]))
        # asd, sist, ccnrs: the commission's divisions in file order; oes its staff office.
        assert arabic["asd"][0] > arabic["sist"][0] > arabic["ccnrs"][0]
        assert english["asd"][0] < english["sist"][0] < english["ccnrs"][0]
        assert arabic["oes"][1] < arabic["escwa"][0]
        assert english["oes"][0] > english["escwa"][1]

    def test_text_in_a_box_keeps_to_the_right(self) -> None:
        (arabic,) = chart_sources(escwa(), positions=True, key=False)
        (english,) = chart_sources(escwa(), positions=True, key=False, lang="en")
        assert 'ALIGN="RIGHT"' in arabic
        assert 'ALIGN="LEFT"' not in arabic
        assert 'ALIGN="LEFT"' in english

    def test_a_line_of_pieces_is_set_from_the_right(self) -> None:
        """A post and its roles: the title first where a line starts, on the right."""
        (source,) = chart_sources(escwa(), positions=True, highlight="survey", key=False)
        head = re.search(r"(<B>R</B>)\s*(<FONT[^>]*>رئيس قسم الإحصاءات الاقتصادية)", source)
        assert head, "the letters are set left of the title"

    def test_the_key_reads_from_the_right(self) -> None:
        svg = drawn(chart_sources(escwa())[0])
        key, dotted = ARABIC_WORDS.gettext("Key"), ARABIC_WORDS.gettext(DOTTED)
        top, low = level_name("organization", "ar"), level_name("section", "ar")
        assert text_x(svg, key) > text_x(svg, top) > text_x(svg, low)
        # Each sample stands right of its words, and the dotted line's arrow points left.
        assert text_x(svg, "◀") > text_x(svg, dotted)
        english = drawn(chart_sources(escwa(), lang="en")[0])
        assert text_x(english, "Key") < text_x(english, "organization")
        assert text_x(english, "organization") < text_x(english, "section")
        assert text_x(english, "▶") < text_x(english, DOTTED)

    def test_the_role_legend_reads_from_the_right(self) -> None:
        svg = drawn(chart_sources(escwa(), highlight="budget")[0])
        responsible, *_, informed = legend(escwa().scheme, "ar")
        assert text_x(svg, responsible.name) > text_x(svg, informed.name)

    def test_on_paper_the_running_head_starts_on_the_right(self) -> None:
        pages = chart_sources(escwa(), paper="A4", split_by="division")
        second = drawn(pages[1])
        width = float(ET.fromstring(second).get("width", "0pt").removesuffix("pt"))
        header = next(t for t in ET.fromstring(second).iter(f"{SVG}text") if "·" in (t.text or ""))
        crumb = next(t for t in ET.fromstring(second).iter(f"{SVG}text") if "›" in (t.text or ""))
        assert float(header.get("x", "0")) > width / 2 > float(crumb.get("x", "0"))

    def test_the_head_nodes_swap_sides(self) -> None:
        def sides(lang: str) -> list[str]:
            head = RunningHead("Org · Chart", 2, 3, "Top › Division", lang)
            found = [
                re.search(r'ALIGN="(\w+)"', label) for _, label, _ in head_nodes(head, 600, 800)
            ]
            return [m[1] if m else "" for m in found]

        assert sides("en") == ["LEFT", "RIGHT", "CENTER"]
        assert sides("ar") == ["RIGHT", "LEFT", "CENTER"]

    def test_a_model_in_hebrew_is_mirrored_too(self) -> None:
        org = raci.loads(
            "version: 1\norganization: {language: he}\nunits:\n"
            "  - id: top\n    name: מטה\n    units:\n      - {id: a, name: אגף א}\n"
            "      - {id: b, name: אגף ב}\n",
            "yaml",
        )
        placed = boxes(drawn(chart_sources(org, key=False)[0]))
        assert placed["a"][0] > placed["b"][0]


class TestChangePicture:
    def test_the_marked_tree_is_mirrored(self) -> None:
        arabic = boxes(drawn(picture_source(change())))
        english = boxes(drawn(picture_source(change(), lang="en")))
        assert arabic["u:asd"][0] > arabic["u:sist"][0]
        assert english["u:asd"][0] < english["u:sist"][0]
        assert arabic["u:oes"][1] < arabic["u:escwa"][0]

    def test_side_by_side_the_old_structure_is_on_the_right(self) -> None:
        arabic = boxes(drawn(picture_source(change(), style="side-by-side")))
        english = boxes(drawn(picture_source(change(), style="side-by-side", lang="en")))
        assert arabic["before"][0] > arabic["after"][1]
        assert english["before"][1] < english["after"][0]


class TestEditable:
    def test_a_label_read_right_to_left_is_in_reading_order(self) -> None:
        label = '<TABLE><TR><TD ALIGN="RIGHT"><B>R</B> <FONT>رئيس</FONT></TD></TR></TABLE>'
        (paragraph,) = read_label(label, 10, rtl=True).paragraphs
        assert paragraph.text == "رئيس R"
        assert paragraph.rtl
        assert paragraph.align == "right"
        (plain,) = read_label(label, 10).paragraphs
        assert plain.text == "R رئيس"

    def test_a_slide_holds_arabic_paragraphs_right_to_left(self, tmp_path: Path) -> None:
        pytest.importorskip("pptx")
        out = tmp_path / "chart.pptx"
        raci.render_chart(escwa(), out, positions=True)
        with zipfile.ZipFile(out) as pptx:
            slide = pptx.read("ppt/slides/slide1.xml").decode("utf-8")
        paragraphs = re.findall(r"<a:p>(.*?)</a:p>", slide)
        post = next(p for p in paragraphs if "إحصائي" in p)
        assert 'rtl="1"' in post
        texts = re.findall(r"<a:t>([^<]*)</a:t>", post)
        assert texts.index("إحصائي") < texts.index(ARABIC_WORDS.gettext("vacant"))

    def test_drawio_marks_arabic_paragraphs(self, tmp_path: Path) -> None:
        out = tmp_path / "chart.drawio"
        raci.render_chart(escwa(), out)
        assert "direction:rtl;" in out.read_text(encoding="utf-8")


class TestHtml:
    def test_the_report_is_right_to_left(self, tmp_path: Path) -> None:
        arabic = raci.render_report(escwa())
        english = raci.render_report(escwa(), lang="en")
        assert isinstance(arabic, str)
        assert isinstance(english, str)
        assert '<html lang="ar" dir="rtl">' in arabic
        assert '<html lang="en">' in english
        assert "#panel{right:auto;left:1em}" in arabic
        assert "#panel{right:auto" not in english
        assert "@top-right{content:" in arabic.split("</style>")[0]

    def test_places_in_the_reports_findings_read_left_to_right(self) -> None:
        mistakes = raci.load(EXAMPLES / "mistakes" / "org.yaml")
        page = raci.render_report(mistakes, lang="ar")
        assert isinstance(page, str)
        assert "ul.findings code,ul.findings .loc{direction:ltr;unicode-bidi:isolate}" in page
        places = re.findall(r'<span class="loc">([^<]*)</span>', page)
        # Each finding's own place, and the place a duplicate-id message names inside it
        # (the id's first use, line 138; the finding itself is at line 142).
        assert len(places) == len(raci.validate(mistakes)) + 1
        assert [p for p in places if p.endswith("org.yaml:138:5")]

    def test_the_reports_workload_is_mirrored(self) -> None:
        page = raci.render_report(escwa())
        assert isinstance(page, str)
        svg = re.search(r'<svg class="workload".*?</svg>', page, re.S)
        assert svg
        root = ET.fromstring(svg.group())
        bars = [
            float(r.get("x", "0")) for r in root.iter(f"{SVG}rect") if float(r.get("y", "0")) > 20
        ]
        names = [
            float(t.get("x", "0"))
            for t in root.iter(f"{SVG}text")
            if t.get("text-anchor") == "start" and "font-size" not in t.attrib
        ]
        assert names
        assert bars
        assert min(names) > max(bars)

    def test_the_report_script_measures_columns_on_the_screen(self) -> None:
        assert report_js(rtl=False) == REPORT_JS
        mirrored_js = report_js(rtl=True)
        assert "th.offsetLeft" not in mirrored_js
        assert mirrored_js.count("getBoundingClientRect().left") == 4

    def test_the_printed_page_starts_its_header_on_the_right(self) -> None:
        arabic = page_css(A4, landscape=False, margin="1cm", language="ar", header="H", title="T")
        english = page_css(A4, landscape=False, margin="1cm", language="en", header="H", title="T")
        assert '@top-right{content:"H"' in arabic
        assert '@top-left{content:"T"' in arabic
        assert "direction:rtl" in arabic
        assert '@top-left{content:"H"' in english

    @pytest.mark.parametrize(
        "render", [raci.render_matrix, render_cascade], ids=["matrix", "cascade"]
    )
    def test_the_matrix_and_the_sheets_are_right_to_left(
        self, render: Callable[..., object], tmp_path: Path
    ) -> None:
        render(escwa(), tmp_path / "ar.html")
        render(escwa(), tmp_path / "en.html", lang="en")
        page = (tmp_path / "ar.html").read_text(encoding="utf-8")
        assert '<html lang="ar" dir="rtl">' in page
        assert '[dir="rtl"] .raci-legend b{margin-right:0;margin-left:.3em}' in page
        english = (tmp_path / "en.html").read_text(encoding="utf-8")
        assert '<html lang="en">' in english
        assert 'dir="rtl"' not in english

    def test_a_notebooks_matrix_is_right_to_left(self) -> None:
        html = raci.matrix(escwa())._repr_html_()
        assert re.match(r'<div id="raci-matrix-\w+" dir="rtl">', html)
        assert 'dir="rtl"' not in raci.matrix(escwa(), lang="en")._repr_html_()


class TestWorkbooks:
    def _directions(self, path: Path) -> dict[str, bool]:
        book = openpyxl.load_workbook(path)
        return {ws.title: bool(ws.sheet_view.rightToLeft) for ws in book.worksheets}

    def test_every_sheet_is_right_to_left(self, tmp_path: Path) -> None:
        raci.render_matrix(escwa(), tmp_path / "matrix.xlsx")
        render_cascade(escwa(), tmp_path / "cascade.xlsx")
        table = raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa())
        raci.render_staffing(table, tmp_path / "staffing.xlsx")
        for name in ("matrix", "cascade", "staffing"):
            directions = self._directions(tmp_path / f"{name}.xlsx")
            assert len(directions) >= 1
            assert all(directions.values()), (name, directions)

    def test_numbers_keep_to_the_side_of_their_headings(self, tmp_path: Path) -> None:
        """Set on each number: LibreOffice keeps numbers on the right whatever the
        worksheet's direction, where Excel mirrors them."""
        table = raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa())
        raci.render_staffing(table, tmp_path / "ar.xlsx")
        raci.render_staffing(table, tmp_path / "en.xlsx", lang="en")
        for lang, side in (("ar", "left"), ("en", None)):
            ws = openpyxl.load_workbook(tmp_path / f"{lang}.xlsx").active
            assert ws is not None
            usg = next(c.column for c in ws[1] if c.value == "USG")
            heading, *numbers = [row[usg - 1] for row in ws.iter_rows()]
            assert heading.alignment.horizontal == (side or "right")
            assert {c.alignment.horizontal for c in numbers} == {side}

    def test_in_english_they_are_not(self, tmp_path: Path) -> None:
        raci.render_matrix(escwa(), tmp_path / "matrix.xlsx", lang="en")
        assert not any(self._directions(tmp_path / "matrix.xlsx").values())


@pytest.fixture(scope="module")
def staffing_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The staffing table of the restructuring, in Arabic, as a Word document."""
    pytest.importorskip("docx")
    out = tmp_path_factory.mktemp("docx") / "staffing.docx"
    table = raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa())
    raci.render_staffing(table, out)
    return out


class TestWordDocuments:
    def test_paragraphs_and_sections_are_bidi(self, staffing_docx: Path) -> None:
        import docx

        document = docx.Document(str(staffing_docx))
        body = document.element.body
        paragraphs = list(body.iter(f"{W}p"))
        assert paragraphs
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
        assert body.find(f"{W}sectPr/{W}bidi") is not None
        header = document.sections[0].header.paragraphs[0]._p
        assert header.find(f"{W}pPr/{W}bidi") is not None

    def test_runs_of_arabic_are_rtl_and_bold_for_complex_scripts(self, staffing_docx: Path) -> None:
        import docx

        body = docx.Document(str(staffing_docx)).element.body
        runs = list(body.iter(f"{W}r"))
        for run in runs:
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            arabic = any("\u0600" <= c <= "\u06ff" for c in text)
            assert (run.find(f"{W}rPr/{W}rtl") is not None) is arabic, text
            if run.find(f"{W}rPr/{W}b") is not None:
                assert run.find(f"{W}rPr/{W}bCs") is not None
        assert any(run.find(f"{W}rPr/{W}rtl") is not None for run in runs)

    def test_tables_are_bidi_visual_in_their_logical_order(self, staffing_docx: Path) -> None:
        import docx

        table = docx.Document(str(staffing_docx)).tables[0]
        assert table._tbl.tblPr.find(f"{W}bidiVisual") is not None
        sheet = build_sheet(raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa()))
        heading = [cell.text for cell in table.rows[0].cells]
        # The unit's column comes first in the markup; Word draws it on the right.
        assert heading == [*sheet.labels, *(c.label for c in sheet.columns)]
        first_line = [cell.text for cell in table.rows[1].cells]
        assert first_line[0] == "اللجنة الاقتصادية والاجتماعية لغربي آسيا"

    def test_text_keeps_to_the_right_and_numbers_to_the_left(self, staffing_docx: Path) -> None:
        """Cells are bidi paragraphs: no ``w:jc`` starts them on the right; ``right``, the
        end of a line read right to left, sets the numbers on the left."""
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        table = docx.Document(str(staffing_docx)).tables[0]
        sheet = build_sheet(raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa()))
        n = len(sheet.labels)
        for cells in (table.rows[0].cells, table.rows[1].cells):
            sides = [c.paragraphs[0].alignment for c in cells]
            assert set(sides[:n]) == {None}
            assert set(sides[n:]) == {WD_ALIGN_PARAGRAPH.RIGHT}

    def test_the_annex_reads_back(self, tmp_path: Path) -> None:
        import docx

        out = tmp_path / "annex.docx"
        raci.render_annex(change(), out)
        document = docx.Document(str(out))
        body = document.element.body
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in body.iter(f"{W}p"))
        assert body.find(f"{W}sectPr/{W}bidi") is not None
        assert len(document.tables) > 3
        assert all(t._tbl.tblPr.find(f"{W}bidiVisual") is not None for t in document.tables)
        english = tmp_path / "annex.en.docx"
        raci.render_annex(change(), english, lang="en")
        assert docx.Document(str(english)).element.body.find(f".//{W}bidi") is None
        assert docx.Document(str(english)).element.body.find(f".//{W}bidiVisual") is None

    def test_the_annexs_party_names_are_written_across(self, tmp_path: Path) -> None:
        """LibreOffice draws upright cells outside a table read right to left: the names
        of the matrix's parties are written across, in the order of the columns, and no
        word of theirs is wider than its column."""
        import docx

        out = tmp_path / "annex.docx"
        raci.render_annex(change(), out)
        matrix = docx.Document(str(out)).tables[-1]
        head = next(
            r for r in matrix.rows if r.cells[0].text == ARABIC_WORDS.gettext("Deliverable")
        )
        names = [c.text for c in head.cells[1:]]
        after = raci.load(ARABIC / "after.yaml")
        assert names == [c.label for c in fitting_matrix(after, "ar", 267)[0].columns]
        assert matrix._tbl.find(f".//{W}textDirection") is None
        widths = [column.width.mm for column in list(matrix.columns)[1:]]
        longest = max(len(w) for name in names for w in name.split())
        assert min(widths) > longest * 1.23


class TestLatex:
    def test_the_document_is_set_by_lualatex_and_babel(self, tmp_path: Path) -> None:
        out = tmp_path / "matrix.tex"
        raci.render_matrix(escwa(), out)
        tex = out.read_text(encoding="utf-8")
        lines = tex.splitlines()
        assert lines[1].startswith(
            "% This document is read right to left: compile it with lualatex"
        )
        assert r"\usepackage[bidi=basic]{babel}" in tex
        assert r"\babelprovide[import=ar,main]{arabic}" in tex
        assert r"\babelsublr{\rotatebox{90}" in tex
        assert "fonts-noto-core" in tex

    def test_pdflatex_says_to_use_lualatex(self, tmp_path: Path) -> None:
        if shutil.which("pdflatex") is None:
            pytest.skip("pdflatex is not installed")
        out = tmp_path / "matrix.tex"
        raci.render_matrix(escwa(), out)
        done = pdflatex(out, timeout=300)
        assert done.returncode != 0
        assert "read right to left: compile it with lualatex" in done.stdout.replace("\n", "")

    @pytest.mark.parametrize("what", ["matrix", "staffing"])
    def test_lualatex_compiles_it(self, what: str, tmp_path: Path) -> None:
        if shutil.which("lualatex") is None:
            pytest.skip("lualatex is not installed (apt-get install texlive-luatex)")
        from pypdf import PdfReader

        out = tmp_path / f"{what}.tex"
        if what == "matrix":
            raci.render_matrix(escwa(), out)
        else:
            table = raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa())
            raci.render_staffing(table, out)
        done = pdflatex(out, engine="lualatex", timeout=600)
        assert done.returncode == 0, done.stdout[-3000:]
        log = out.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        assert "Missing character" not in log
        reader = PdfReader(out.with_suffix(".pdf"))
        fonts = {
            str(font["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert any("Arabic" in name or "DejaVuSans" in name for name in fonts), fonts


class TestText:
    def test_the_terminal_matrix_keeps_names_in_reading_order_and_aligned(self) -> None:
        from raci.render.matrix.as_text import render_text
        from raci.render.matrix.table import build_matrix

        text = render_text(build_matrix(escwa(), level="division"))
        assert "الميزانية البرنامجية لعام 2025" in text
        rows = [line for line in text.splitlines() if "│" in line]
        bars = {display_width(line[: line.index("│")]) for line in rows}
        assert len(rows) > 3
        assert len(bars) == 1

    def test_markdown_keeps_names_as_written(self, tmp_path: Path) -> None:
        out = tmp_path / "matrix.md"
        raci.render_matrix(escwa(), out)
        assert "| الميزانية البرنامجية لعام 2025 |" in out.read_text(encoding="utf-8")


class TestCascadePdf:
    def test_the_sheets_are_mirrored(self) -> None:
        book = build_book(escwa(), posts=["es"])
        source = sheet_dot(book, book.sheets[0])
        assert 'ALIGN="LEFT" BALIGN="LEFT"' not in source
        assert 'ALIGN="RIGHT" BALIGN="RIGHT"' in source
        svg = drawn(source.replace("digraph book {", f"digraph book {{ layout={engine.PINNED}"))
        deliverable, role, due = book.table_head(inherited=False)
        assert text_x(svg, due) < text_x(svg, role) < text_x(svg, deliverable)

    def test_no_cell_is_too_small_for_arabic(self, tmp_path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", FontWarning)
            render_cascade(escwa(), tmp_path / "sheets.pdf")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: LibreOffice prints, pdftotext reads the page back.
PRINTS = SOFFICE is not None and shutil.which("pdftotext") is not None


def first_on_the_right(lines: list[str], first: str, last: str) -> bool:
    """Whether, on the first printed line holding both, ``first`` stands right of
    ``last``."""
    line = next(line for line in lines if first in line and last in line)
    return line.index(first) > line.index(last)


@pytest.mark.skipif(not PRINTS, reason="LibreOffice or pdftotext is not installed")
def test_libreoffice_prints_the_worksheet_from_the_right(tmp_path: Path) -> None:
    """Column A (the unit's id) is printed on the right, the grades from the right."""
    out = tmp_path / "staffing.xlsx"
    raci.render_staffing(raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa()), out)
    lines = printed_lines(out)
    assert first_on_the_right(lines, "id", "USG")
    assert first_on_the_right(lines, "USG", "P-3")


@pytest.mark.skipif(not PRINTS, reason="LibreOffice or pdftotext is not installed")
def test_libreoffice_prints_the_word_table_from_the_right(staffing_docx: Path) -> None:
    """The staffing table's unit column, first in the markup, is printed on the right."""
    sheet = build_sheet(raci.staffing(raci.load(ARABIC / "after.yaml"), before=escwa()))
    lines = printed_lines(staffing_docx)
    assert first_on_the_right(lines, sheet.labels[0], sheet.columns[-1].label)
    assert first_on_the_right(lines, "USG", "P-3")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_annex_right_to_left(tmp_path: Path) -> None:
    """The staffing table's page: its grades' columns from the right, the highest first."""
    from pypdf import PdfReader

    out = tmp_path / "annex.pdf"
    raci.render_annex(change(), out)
    for sheet in PdfReader(out).pages:
        placed: dict[str, list[float]] = {}
        for text, x, _y in placed_text(sheet):
            placed.setdefault(text, []).append(x)
        if {"USG", "D-1", "P-4", "GS"} <= set(placed):
            break
    else:
        raise AssertionError("no page holds the staffing table")
    assert min(placed["USG"]) > max(placed["D-1"]) > max(placed["P-4"]) > max(placed["GS"])
