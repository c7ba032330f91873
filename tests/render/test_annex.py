"""The restructuring annex read back with python-docx (and, when LibreOffice is installed,
as the PDF it makes): its parts in order, its tables equal to the commands that make
them, its fields, its pictures, its words in one language."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import struct
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads
from raci.cli import cli
from raci.render.annex.matrix import fitting_matrix
from raci.render.annex.organigrams import MARGIN_MM, PREVIEW_DPI, PRINT_DPI
from raci.render.annex.writer import render_annex
from raci.render.chart.orgchart import box_id
from raci.render.engine import FontWarning, font_available
from raci.render.matrix.table import build_matrix
from raci.render.palette import lead_colour, role_colours, second
from raci.render.paper import PAPERS

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.table import Table  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

RESTRUCTURING = EXAMPLES / "restructuring"
OLD, NEW = RESTRUCTURING / "before.yaml", RESTRUCTURING / "after.yaml"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
INLINE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"
EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
EMU_PER_MM = 36000
EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
#: The parts of the annex, in order, as the headings of level 1 name them.
PARTS = [
    "Summary of the change",
    "Organigrams",
    "Staffing",
    "Post changes",
    "Responsibility matrix",
]


def change() -> raci.Diff:
    return raci.diff(raci.load(OLD), raci.load(NEW))


@pytest.fixture(scope="module")
def annex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("annex") / "annex.docx"
    render_annex(change(), path)
    return path


@pytest.fixture(scope="module")
def document(annex: Path) -> Any:
    return docx.Document(str(annex))


def body(doc: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of the document, in order."""
    yield from doc.iter_inner_content()


def headings(doc: Any) -> list[tuple[str, str]]:
    """(style, text) of the title and of every heading."""
    return [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]


def tables_after(doc: Any, heading: str) -> list[Table]:
    """The tables after the heading ``heading``, up to the next heading of its level."""
    found: list[Table] = []
    level = None
    for block in body(doc):
        style = block.style.name if isinstance(block, Paragraph) else ""
        if style.startswith("Heading"):
            if level is not None and style <= level:
                break
            if block.text == heading:
                level = style
        elif level is not None and isinstance(block, Table):
            found.append(block)
    assert found, f"no table after {heading!r}"
    return found


def table_after(doc: Any, heading: str) -> Table:
    """The first table after the heading ``heading``."""
    return tables_after(doc, heading)[0]


def header_rows(table: Table) -> list[Any]:
    """The rows of ``table`` marked to repeat at the top of each page."""
    return [
        r
        for r in table.rows
        if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
    ]


def all_text(doc: Any) -> str:
    """Every paragraph, table cell, page header and footer of the document."""
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    for section in doc.sections:
        for part in (section.header, section.footer):
            texts += [p.text for p in part.paragraphs]
    return "\n".join(texts)


def instructions(element: Any) -> list[str]:
    """The instructions of the fields in ``element``."""
    return [" ".join((t.text or "").split()) for t in element.iter(qn("w:instrText"))]


class TestParts:
    def test_the_title_and_the_headings_in_order(self, document: Any) -> None:
        found = headings(document)
        assert found[0] == ("Title", "Restructuring annex")
        assert [t for s, t in found if s == "Heading 1"] == PARTS
        organigrams = [t for s, t in found[found.index(("Heading 1", "Organigrams")) :]]
        assert organigrams[1:3] == ["Before", "After"]

    def test_the_title_page_names_the_organization_and_both_files(self, document: Any) -> None:
        texts = [p.text for p in document.paragraphs[:6]]
        assert "UN-Habitat" in texts
        assert any(t.startswith("Before: ") and t.endswith("before.yaml") for t in texts)
        assert any(t.startswith("After: ") and t.endswith("after.yaml") for t in texts)

    def test_the_summary_tells_the_diff(self, document: Any) -> None:
        counts = table_after(document, "Summary of the change")
        rows = {r.cells[0].text: r.cells[1].text for r in counts.rows}
        assert rows["Units"].startswith("2 created, 3 abolished, 2 merged, 1 split")
        assert rows["Post changes"] == "4 established, 5 abolished, 20 redeployed, 2 reclassified"
        text = all_text(document)
        assert "Executive Office is now Office of the Executive Director" in text
        figures = table_after(document, "Figures")
        assert [c.text for c in figures.rows[0].cells] == ["", "Before", "After", "Change"]
        assert [c.text for c in figures.rows[1].cells] == ["Units", "18", "16", "−2"]

    def test_the_post_changes_name_units_and_positions(self, document: Any) -> None:
        redeployed = table_after(document, "Redeployed (20)")
        head = [c.text for c in redeployed.rows[0].cells]
        assert head == ["From", "To", "Grade", "Posts", "Listed position"]
        first = [c.text for c in redeployed.rows[1].cells]
        assert first == [
            "Office of the Executive Director",
            "Capacity Development and Training Unit",
            "P-4",
            "1",
            "Capacity-building focal point",
        ]
        assert len(redeployed.rows) == 1 + len(change().posts.redeployed)
        by_unit = table_after(document, "Posts by unit")
        assert [c.text for c in by_unit.rows[-1].cells][:4] == [
            "Total (all units)",
            "112",
            "111",
            "−1",
        ]


def staffing_json() -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["staffing", str(NEW), "--before", str(OLD), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def number(text: str) -> float:
    """A printed count: blank is 0; ``1,234`` and ``+2`` are numbers."""
    text = text.replace(",", "").strip()
    return float(text) if text else 0


def test_the_committed_example_is_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`nox -s examples` writes examples/restructuring/annex.docx; it says what a new one
    says, word for word."""
    monkeypatch.chdir(RESTRUCTURING)
    path = tmp_path / "annex.docx"
    render_annex(raci.diff(raci.load(OLD.name), raci.load(NEW.name)), path)
    committed = docx.Document(str(RESTRUCTURING / "annex.docx"))
    assert all_text(committed) == all_text(docx.Document(str(path)))


class TestStaffing:
    def test_every_cell_equals_raci_staffing_json(self, document: Any) -> None:
        data = staffing_json()
        columns: list[tuple[str, str]] = []
        for category, grades in data["categories"].items():
            columns += [("grades", g) for g in grades] + [("categories", category)]
        columns.append(("total", ""))
        sides = ("before", "after", "change")
        rows = [*data["rows"], data["totals"]]
        expected = [
            [c["total"] if kind == "total" else c[kind].get(key, 0) for kind, key in columns]
            for row in rows
            for c in (row[s] for s in sides)
        ]
        table = table_after(document, "Staffing")
        cells = [[c.text for c in r.cells] for r in table.rows]
        assert cells[0][:3] == ["unit", "posts", "USG"]
        assert [[number(c) for c in r[2:]] for r in cells[1:]] == expected
        names = [r[0] for r in cells[1::3]]
        shown = [f"{r['name']} (abolished)" if r["abolished"] else r["name"] for r in data["rows"]]
        assert names == [*shown, "Total"]
        assert [r[1] for r in cells[1:4]] == ["approved", "proposed", "change"]

    def test_the_table_adds_up(self, document: Any) -> None:
        table = table_after(document, "Staffing")
        cells = [[number(c.text) for c in r.cells[2:]] for r in table.rows[1:]]
        body, totals = cells[:-3], cells[-3:]
        for side in range(3):
            column_sums = [sum(r[i] for r in body[side::3]) for i in range(len(totals[side]))]
            assert column_sums == totals[side]
        for before, after, delta in zip(cells[0::3], cells[1::3], cells[2::3], strict=True):
            assert [b + d for b, d in zip(before, delta, strict=True)] == after

    def test_its_header_row_repeats(self, document: Any) -> None:
        table = table_after(document, "Staffing")
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table.style.name == "Table Grid"


class TestMatrix:
    def test_the_key_and_the_role_cells_take_the_palette(self, document: Any) -> None:
        key, matrix = tables_after(document, "Responsibility matrix")
        scheme = raci.load(NEW).scheme
        assert [r.cells[0].text for r in key.rows][:4] == ["R", "A", "C", "I"]
        assert [r.cells[1].text for r in key.rows][:4] == [
            "Responsible",
            "Accountable",
            "Consulted",
            "Informed",
        ]
        heads = header_rows(matrix)
        assert len(heads) >= 2
        assert heads[-1].cells[0].text == "Deliverable"
        coloured = striped = 0
        for r in [*key.rows, *matrix.rows[len(heads) :]]:
            for cell in r.cells:
                letters = [x for x in cell.text.split("/") if x in scheme.letters]
                props = cell._tc.tcPr
                shade = props.find(qn("w:shd")) if props is not None else None
                if not letters:
                    assert shade is None, cell.text
                    continue
                coloured += 1
                assert shade.get(qn("w:fill")) == lead_colour(scheme, letters).fill.lstrip("#")
                other = second(scheme, letters)
                stripe = props.find(qn("w:tcBorders"))
                if other is None:
                    assert stripe is None
                else:
                    striped += 1
                    line = stripe.find(qn("w:bottom")).get(qn("w:color"))
                    assert line == role_colours(scheme)[other].strong.lstrip("#")
        assert coloured > 50
        assert striped > 0

    def test_the_level_the_columns_are_rolled_up_to_is_said(self, document: Any) -> None:
        texts = [p.text for p in document.paragraphs]
        assert (
            "Each column is a branch with its posts and the units below it, whose roles count"
            " as its own." in texts
        )

    def test_party_names_are_written_upwards(self, document: Any) -> None:
        matrix = tables_after(document, "Responsibility matrix")[-1]
        names = header_rows(matrix)[-1].cells[1:]
        assert all(c._tc.tcPr.find(qn("w:textDirection")).get(qn("w:val")) == "btLr" for c in names)

    def test_a_wide_matrix_rolls_up_to_the_lowest_level_that_fits(self) -> None:
        org = raci.load(NEW)
        whole, level = fitting_matrix(org, "en", 1000)
        assert level is None
        assert whole.columns == build_matrix(org, lang="en").columns
        rolled, level = fitting_matrix(org, "en", 267)
        assert level == "branch"
        assert rolled.columns == build_matrix(org, lang="en", level="branch").columns
        assert len(rolled.columns) < len(whole.columns)

    def test_columns_no_level_holds_come_in_parts(self, tmp_path: Path) -> None:
        units = "\n".join(
            f"  - {{id: d{i}, name: Division {i}, parent: top, level: division}}" for i in range(70)
        )
        roles = ", ".join(f"d{i}" for i in range(70))
        model = f"""\
version: 1
organization: {{name: Wide}}
units:
  - {{id: top, name: Wide, level: organization}}
{units}
deliverables:
  - {{id: plan, name: Plan, raci: {{A: top, R: [d0], C: [{roles}]}}}}
"""
        org = loads(model)
        path = tmp_path / "wide.docx"
        render_annex(raci.diff(org, org), path)
        doc = docx.Document(str(path))
        parts = [p.text for p in doc.paragraphs if p.text.startswith("Parties ")]
        assert len(parts) >= 2
        assert parts[0].startswith("Parties 1–")
        assert parts[-1].endswith(" of 71")
        tables = tables_after(doc, "Responsibility matrix")[1:]
        assert len(tables) == len(parts)
        assert sum(len(t.columns) - 1 for t in tables) == 71
        assert all(t.rows[-1].cells[0].text == "Plan" for t in tables)


class TestFields:
    def test_every_page_but_the_title_has_its_number_of_the_total(self, document: Any) -> None:
        first, *others = document.sections
        assert first.different_first_page_header_footer
        for section in [first, *others]:
            footer = section.footer.paragraphs[0]
            assert instructions(footer._p) == ["PAGE", "NUMPAGES"]
            assert footer.text == "Page 1 of 1"  # until Word or LibreOffice count the pages
        assert not any(s.different_first_page_header_footer for s in others)
        running = "UN-Habitat · Restructuring annex"
        assert [s.header.paragraphs[0].text for s in document.sections] == [
            running,
            f"{running} · Before",
            f"{running} · After",
            running,
        ]

    def test_the_contents_is_a_toc_field_that_word_updates(self, document: Any) -> None:
        fields = instructions(document.element.body)
        assert fields[0] == 'TOC \\o "1-2" \\h \\z \\u'
        lines = [p for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
        found = [(p.style.name, p.text.split("\t")[0]) for p in lines]
        expected = [(f"TOC {s[-1]}", t) for s, t in headings(document) if s.startswith("Heading")]
        assert found == expected
        refs = [f for f in fields if f.startswith("PAGEREF")]
        assert len(refs) == len(lines)
        bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
        assert {f.split()[1] for f in refs} == bookmarks
        update = document.settings.element.find(qn("w:updateFields"))
        assert update.get(qn("w:val")) == "true"


def pictures(doc: Any) -> list[tuple[str, str | None]]:
    """The content type of each picture's own image, and of its SVG extension."""
    part = doc.part
    found = []
    for blip in doc.element.body.iter(BLIP):
        main = part.related_parts[blip.get(EMBED)].content_type
        svg = blip.find(f".//{SVG_BLIP}")
        found.append(
            (main, part.related_parts[svg.get(EMBED)].content_type if svg is not None else None)
        )
    return found


class TestPictures:
    def test_each_organigram_page_is_a_png_with_its_svg(self, document: Any) -> None:
        old, new = raci.load(OLD), raci.load(NEW)
        found = pictures(document)
        assert found == [("image/png", "image/svg+xml")] * len(found)
        assert len(found) >= 2
        drawn: set[str] = set()
        for blip in document.element.body.iter(BLIP):
            svg = document.part.related_parts[blip.find(f".//{SVG_BLIP}").get(EMBED)].blob
            assert b"<svg" in svg
            ids = re.findall(r'id="(unit[^"]+)"', svg.decode("utf-8"))
            drawn.update(html.unescape(i) for i in ids)
        assert drawn == {box_id(u) for u in [*old.units, *new.units]}

    def test_each_page_of_a_chart_fills_a_page_of_its_own(self, document: Any) -> None:
        frame = [(297 - 2 * MARGIN_MM) * EMU_PER_MM, (210 - 2 * MARGIN_MM) * EMU_PER_MM]
        pages = [p for p in document.paragraphs if p._p.find(f".//{INLINE}") is not None]
        for paragraph in pages:
            extent = paragraph._p.find(f".//{INLINE}/{EXTENT}")
            size = [int(extent.get("cx")), int(extent.get("cy"))]
            key = not paragraph.paragraph_format.page_break_before
            # A key shares the page of its heading; a chart's page is just smaller than
            # the page's text, so that no rounding sends it onto a page of its own.
            assert size[0] <= frame[0]
            assert size[1] <= (frame[1] - 30 * EMU_PER_MM if key else frame[1])
        assert sum(not p.paragraph_format.page_break_before for p in pages) == 2

    def test_the_png_is_drawn_for_print_and_for_a_preview_in_a_large_book(
        self, document: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        def resolutions(doc: Any) -> set[int]:
            found = set()
            for blip in doc.element.body.iter(BLIP):
                extent = blip.getparent().getparent().getparent().getparent().getparent()
                width_in = int(extent.find(EXTENT).get("cx")) / 914400
                png = doc.part.related_parts[blip.get(EMBED)].blob
                found.add(round(struct.unpack(">I", png[16:20])[0] / width_in))
            return found

        assert resolutions(document) == {PRINT_DPI}
        monkeypatch.setattr("raci.render.annex.organigrams.BOOK_PAGES", 1)
        path = tmp_path / "annex.docx"
        render_annex(change(), path)
        found = resolutions(docx.Document(str(path)))
        assert PREVIEW_DPI in found
        assert found <= {PREVIEW_DPI, PRINT_DPI}  # the keys are drawn for print

    def test_for_print_each_picture_is_its_svg_alone(self, tmp_path: Path) -> None:
        from raci.render.annex.document import build_annex

        data = build_annex(change(), lang="en", paper=PAPERS["A4"], vector=True)
        doc = docx.Document(io.BytesIO(data))
        found = pictures(doc)
        assert found == [("image/svg+xml", None)] * len(found)
        assert doc.settings.element.find(qn("w:updateFields")) is None
        assert not [f for f in instructions(doc.element.body) if f.startswith("TOC")]


def chinese_fonts_warned() -> Any:
    """Expect the warning that Chinese labels cannot be drawn, when no font has them."""
    return nullcontext() if font_available("cjk") else pytest.warns(FontWarning)


class TestLanguage:
    def test_chinese_has_no_english_fixed_word(self, tmp_path: Path) -> None:
        path = tmp_path / "annex.docx"
        with chinese_fonts_warned():
            render_annex(change(), path, lang="zh")
        doc = docx.Document(str(path))
        text = all_text(doc)
        assert headings(doc)[0] == ("Title", "机构调整附件")
        assert "第 1 页 共 1 页" in text
        # What stays: the files' paths, the grades, the role letters, "N" standing for a
        # page's number, and words of the names themselves (RACI, COVID-19).
        latin = set(re.findall(r"[A-Za-z]+", re.sub(r"\S*\.yaml", "", text)))
        assert latin <= {"P", "D", "GS", "USG", "ASG", "UG", *"RACIN", "RACI", "COVID"}, latin

    def test_the_models_language_by_default(self, tmp_path: Path) -> None:
        old, new = raci.load(OLD), raci.load(NEW)
        chinese = raci.diff(attrs.evolve(old, language="zh"), attrs.evolve(new, language="zh"))
        path = tmp_path / "annex.docx"
        with chinese_fonts_warned():
            render_annex(chinese, path)
        assert headings(docx.Document(str(path)))[0] == ("Title", "机构调整附件")


class TestPaperAndFiles:
    def test_the_paper_asked_for(self, tmp_path: Path) -> None:
        path = tmp_path / "annex.docx"
        render_annex(change(), path, paper="Letter")
        first, *landscape = docx.Document(str(path)).sections
        assert (round(first.page_width.mm, 1), round(first.page_height.mm, 1)) == (215.9, 279.4)
        sizes = {(round(s.page_width.mm, 1), round(s.page_height.mm, 1)) for s in landscape}
        assert sizes == {(279.4, 215.9)}

    def test_another_suffix_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(
            ValueError, match=r"cannot write an annex as '\.odt'; use one of \.docx, \.pdf"
        ):
            render_annex(change(), tmp_path / "annex.odt")

    def test_never_over_an_input_even_through_a_link(self, tmp_path: Path) -> None:
        old = tmp_path / "old.yaml"
        old.write_bytes(OLD.read_bytes())
        link = tmp_path / "annex.docx"
        link.symlink_to(old)
        with pytest.raises(raci.OutputError, match="it is an input file"):
            render_annex(raci.diff(raci.load(old), raci.load(NEW)), link)
        assert old.read_bytes() == OLD.read_bytes()

    def test_without_python_docx(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        import sys

        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(raci.OutputError, match=r"pip install 'raci\[office\]'"):
            render_annex(change(), tmp_path / "annex.docx")
        assert not (tmp_path / "annex.docx").exists()

    def test_a_pdf_without_libreoffice_names_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(raci.OutputError, match="apt-get install libreoffice-writer"):
            render_annex(change(), tmp_path / "annex.pdf")
        assert list(tmp_path.iterdir()) == []


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
class TestPdf:
    def test_libreoffice_prints_the_same_document(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        path = tmp_path / "annex.pdf"
        render_annex(change(), path)
        reader = PdfReader(str(path))
        pages = [" ".join(p.extract_text().split()) for p in reader.pages]
        total = len(pages)
        assert total > 10
        assert pages[0].startswith("Restructuring annex")
        assert "Page" not in pages[0]  # the title page has no number
        for n, text in enumerate(pages[1:], 2):
            assert f"Page {n} of {total}" in text
        # Each part starts a page, in order; the contents give the page it starts on.
        head = re.compile(r"UN-Habitat · Restructuring annex(?: · \w+)? ")
        starts = [
            next(n for n, t in enumerate(pages[2:], 3) if head.sub("", t, 1).startswith(part))
            for part in PARTS
        ]
        assert starts == sorted(starts)
        contents = pages[1]
        for part, start in zip(PARTS, starts, strict=True):
            assert re.search(rf"{part}\.*\s?{start}\b", contents), (part, start)
        # The organigrams are vector: the words of their key are text.
        organigrams = " ".join(pages[starts[1] - 1 : starts[2] - 1])
        assert "Reporting line" in organigrams
        assert "Capacity Development and Training Unit" in organigrams
        widths = [round(float(p.mediabox.width)) for p in reader.pages]
        # Portrait up to the organigrams, landscape from them on.
        assert widths[: starts[1] - 1] == [595] * (starts[1] - 1)
        assert set(widths[starts[1] - 1 :]) == {842}

    def test_the_word_document_itself_opens_in_libreoffice(self, annex: Path) -> None:
        from pypdf import PdfReader

        from raci.render.annex.pdf import to_pdf

        reader = PdfReader(io.BytesIO(to_pdf(annex.read_bytes())))
        text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
        assert len(reader.pages) > 10
        assert text.startswith("Restructuring annex UN-Habitat")
        assert all(part in text for part in PARTS)
