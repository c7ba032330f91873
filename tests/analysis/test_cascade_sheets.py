"""Cascade sheets: Markdown, HTML, CSV, XLSX and PDF, escaped and in the sheet order."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import attrs
import openpyxl
import pytest
from orgs import SMALL

import raci
from helpers import EXAMPLES, loads
from raci.render import engine
from raci.render.cascade.book import build_book
from raci.render.cascade.sheets import render_cascade

UN_HABITAT = EXAMPLES / "un-habitat-2020"


@pytest.fixture(scope="module")
def small() -> raci.Organization:
    return loads(SMALL)


HOSTILE = """
version: 1
organization:
  name: "<b>Org</b>"
units:
  - id: root
    name: "=HYPERLINK(\\"http://x\\")"
    units:
      - id: sub
        name: "Sub | <script>alert(1)</script> & co"
positions:
  - {id: p1, title: "@SUM(A1) <i>", unit: sub, holder: "-Eve \\"quoted\\""}
deliverables:
  - id: d1
    name: "+cmd|' /C calc'!A0 *bold* [link](x)"
    raci: {A: root, R: [sub, p1]}
"""


class TestBook:
    """The sheets' facts: holder, unit path, reporting line, the two tables."""

    def test_clerk(self, small: raci.Organization) -> None:
        [sheet] = build_book(small, ["clerk"]).sheets
        assert (sheet.title, sheet.holder, sheet.vacant) == ("Clerk", "Ann Lee", False)
        assert sheet.unit_path == ("root", "div", "br", "sec")
        assert sheet.reports == ("Chief", "Director", "Boss")
        assert sheet.division == "div"
        assert [(x.deliverable, x.letters) for x in sheet.direct] == [("d3", "R"), ("d1", "R")]
        assert [(x.deliverable, x.letters, x.via) for x in sheet.inherited] == [
            ("d3", "R", "sec"),
            ("d3", "C", "div"),
            ("d1", "R", "div"),
            ("d2", "R", "br"),
            ("d2", "C", "div"),
            ("d5", "R", "div"),
        ]

    def test_vacant_and_unnamed(self, small: raci.Organization) -> None:
        spare, boss = build_book(small, ["spare", "boss"]).sheets
        assert spare.holder_text("en") == "vacant"
        assert spare.holder_text("zh") == "空缺"
        assert boss.holder_text("en") == "not named"
        assert boss.reports == ()

    def test_a_vacant_posts_last_holder_in_the_languages_brackets(
        self, small: raci.Organization
    ) -> None:
        spare = build_book(small, ["spare"]).sheets[0]
        left = attrs.evolve(spare, holder="Ann Lee")
        assert left.holder_text("en") == "vacant (Ann Lee)"
        assert left.holder_text("zh") == "空缺（Ann Lee）"

    def test_reporting_line_stops_at_a_cycle(self) -> None:
        org = loads(
            """
            version: 1
            units:
              - id: top
            positions:
              - {id: a, title: A, unit: top, reports_to: b}
              - {id: b, title: B, unit: top, reports_to: c}
              - {id: c, title: C, unit: top, reports_to: a}
              - {id: d, title: D, unit: top, reports_to: a}
            """
        )
        assert [s.reports for s in build_book(org).sheets] == [
            ("B", "C"),
            ("C", "A"),
            ("A", "B"),
            ("A", "B", "C"),
        ]

    @staticmethod
    def line_of_posts(above_f: str) -> raci.Organization:
        """Posts a to f, each reporting to the next; f reports to ``above_f``."""
        chain = ["a", "b", "c", "d", "e", "f"]
        posts = "".join(
            f"  - {{id: {p}, title: {p.upper()}, unit: top{q}}}\n"
            for p, q in zip(
                chain, [f", reports_to: {x}" for x in chain[1:]] + [above_f], strict=True
            )
        )
        return loads(f"version: 1\nunits: [{{id: top}}]\npositions:\n{posts}")

    def test_a_long_reporting_line_keeps_the_nearest_and_the_top(self) -> None:
        org = self.line_of_posts("")
        assert [s.reports for s in build_book(org, ["a", "b", "c"]).sheets] == [
            ("B", "C", "D", "…", "F"),
            ("C", "D", "E", "F"),
            ("D", "E", "F"),
        ]

    def test_a_long_cycle_of_posts(self) -> None:
        """The line stops before it would repeat: its top is the post before the one
        whose sheet it is."""
        org = self.line_of_posts(", reports_to: a")
        assert [s.reports for s in build_book(org, ["a", "d"]).sheets] == [
            ("B", "C", "D", "…", "F"),
            ("E", "F", "A", "…", "C"),
        ]

    def test_a_deep_unit_path_keeps_the_top_and_the_nearest(self) -> None:
        units = "".join(f"  - {{id: u{i}, parent: u{i - 1}}}\n" for i in range(1, 6))
        org = loads(
            f"version: 1\nunits:\n  - {{id: u0}}\n{units}positions:\n"
            "  - {id: p5, unit: u5}\n  - {id: p3, unit: u3}\n  - {id: p2, unit: u2}\n"
        )
        p5, p3, p2 = build_book(org, ["p5", "p3", "p2"]).sheets
        assert (p5.unit_path, p5.division) == (("u0", "…", "u3", "u4", "u5"), "u1")
        assert (p3.unit_path, p3.division) == (("u0", "u1", "u2", "u3"), "u1")
        assert (p2.unit_path, p2.division) == (("u0", "u1", "u2"), "u1")

    def test_reporting_lines_share_their_tails(self, small: raci.Organization) -> None:
        book = build_book(small, ["boss", "clerk", "chief", "spare"])
        assert [s.reports for s in book.sheets] == [
            (),
            ("Chief", "Director", "Boss"),
            ("Director", "Boss"),
            ("Chief", "Director", "Boss"),
        ]

    def test_roles_from_one_source_share_a_line(self) -> None:
        org = loads(SMALL.replace("raci: {A: dir, R: [br]", "raci: {A: br, R: [br]"))
        [sheet] = build_book(org, ["chief"]).sheets
        assert [(x.deliverable, x.letters) for x in sheet.inherited if x.via == "br"] == [
            ("d2", "R/A")
        ]

    def test_language(self, small: raci.Organization) -> None:
        book = build_book(small, ["clerk"], lang="zh")
        assert book.title == "小组织"
        assert book.sheets[0].title == "文员"
        assert book.heading == "职责清单：小组织"
        assert ("R", "负责") in book.legend

    def test_every_post_in_chart_order(self, small: raci.Organization) -> None:
        assert [s.post for s in build_book(small).sheets] == [
            "boss",
            "dir",
            "chief",
            "clerk",
            "spare",
            "loner",
        ]

    def test_unknown_post(self, small: raci.Organization) -> None:
        with pytest.raises(raci.QueryError, match="did you mean `Clerk`"):
            build_book(small, ["clerc"])


class TestMarkdown:
    def test_sheet(self, small: raci.Organization) -> None:
        md = render_cascade(small, format="md", posts=["clerk", "loner"])
        assert isinstance(md, str)
        assert md.startswith("# Responsibility sheets: Small\n")
        assert "## Clerk (clerk)\n\n- **Holder:** Ann Lee\n" in md
        assert "- **Unit:** root › div › br › sec\n" in md
        assert "- **Reports to:** Chief → Director → Boss\n" in md
        assert "| Second group | d1 | R | div |  |" in md
        assert "## Loner (loner)" in md
        assert "### Held directly\n\nNothing.\n" in md

    def test_empty_sheet(self) -> None:
        org = loads(SMALL.replace("I: [quiet]", "I: [board]"))
        md = render_cascade(org, format="md", posts=["loner"])
        assert "Nothing comes through its units." in md

    def test_escaped(self) -> None:
        md = render_cascade(loads(HOSTILE), format="md")
        assert "Sub \\| \\<script\\>alert(1)\\</script\\> & co" in md
        assert "\\*bold\\* \\[link\\](x)" in md
        assert "<script>" not in md


class TestHTML:
    def test_structure(self, small: raci.Organization) -> None:
        html = render_cascade(small, format="html")
        assert isinstance(html, str)
        assert html.count('<section class="sheet"') == 6
        assert '<a href="#post-clerk">Clerk</a>' in html
        assert '<section class="sheet" id="post-clerk">' in html
        assert "@page{size:210mm 297mm;" in html
        assert re.search(r"section\.sheet\{break-before:page", html)
        assert '<span class="vacant">vacant</span>' in html
        assert "<link" not in html
        assert "<script" not in html
        assert "http" not in html

    def test_direct_set_apart(self, small: raci.Organization) -> None:
        html = render_cascade(small, format="html", posts=["clerk"])
        direct, inherited = html.split('<table class="held direct">')[1].split(
            '<table class="held inherited">'
        )
        assert direct.count("<tr><td") == 2
        assert inherited.count("<tr><td") == 6
        assert '<td title="div">div</td>' in inherited

    def test_escaped(self) -> None:
        html = render_cascade(loads(HOSTILE), format="html")
        assert isinstance(html, str)
        assert "<script>" not in html
        assert "<b>Org</b>" not in html
        assert "<i>" not in html
        assert "Sub | &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
        assert "-Eve &quot;quoted&quot;" in html

    def test_example_is_up_to_date(self) -> None:
        """The committed sheets of the example match its model."""
        org = raci.load(UN_HABITAT / "org.yaml")
        for name, lang in (("cascade.html", None), ("cascade.zh.html", "zh")):
            committed = (UN_HABITAT / name).read_text(encoding="utf-8")
            assert render_cascade(org, format="html", lang=lang) == committed, name


def test_chinese_asides_and_lists_in_full_width() -> None:
    """What raci composes in Chinese takes full-width punctuation: the unit a role comes
    through in brackets, one after another with semicolons (XLSX)."""
    data = render_cascade(
        raci.load(UN_HABITAT / "org.yaml"), format="xlsx", lang="zh", posts=["dd-gsd"]
    )
    assert isinstance(data, bytes)
    cells = {
        str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(data)) for row in ws for c in row
    }
    assert "R（全球解决方案司）" in cells
    assert not any(re.search(r"[();]", c) and re.search(r"[\u4e00-\u9fff]", c) for c in cells)


class TestCSV:
    def test_rows(self, small: raci.Organization) -> None:
        text = render_cascade(small, format="csv", posts=["clerk"])
        assert isinstance(text, str)
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows[0][:4] == ["post", "title", "holder", "vacant"]
        assert [(r[6], r[8], r[9], r[10]) for r in rows[1:]] == [
            ("d3", "R", "direct", "clerk"),
            ("d1", "R", "direct", "clerk"),
            ("d3", "R", "inherited", "sec"),
            ("d3", "C", "inherited", "div"),
            ("d1", "R", "inherited", "div"),
            ("d2", "R", "inherited", "br"),
            ("d2", "C", "inherited", "div"),
            ("d5", "R", "inherited", "div"),
        ]

    def test_formulas_guarded(self) -> None:
        text = render_cascade(loads(HOSTILE), format="csv")
        assert isinstance(text, str)
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows[1][1] == "'@SUM(A1) <i>"
        assert rows[1][2] == '\'-Eve "quoted"'
        assert rows[1][7].startswith("'+cmd")


class TestXLSX:
    def test_a_sheet_per_division(self, small: raci.Organization, tmp_path: Path) -> None:
        out = tmp_path / "sheets.xlsx"
        render_cascade(small, out)
        book = openpyxl.load_workbook(out)
        assert book.sheetnames == ["root", "div", "quiet", "Roles"]
        rows = list(book["div"].iter_rows(values_only=True))
        assert rows[0][:3] == ("id", "Post", "Holder")
        clerk = [r for r in rows if r[0] == "clerk"]
        assert [(r[5], r[7], r[8]) for r in clerk] == [
            ("d3", "R", "R (sec); C (div)"),
            ("d1", "R", "R (div)"),
            ("d2", None, "R (br); C (div)"),
            ("d5", None, "R (div)"),
        ]

    def test_escaped_and_named_safely(self, tmp_path: Path) -> None:
        out = tmp_path / "x.xlsx"
        org = loads(HOSTILE.replace('name: "Sub |', 'name: "Sub/[1]: a very long name indeed |'))
        render_cascade(org, out)
        book = openpyxl.load_workbook(out)
        [name, _legend] = book.sheetnames
        assert len(name) <= 31
        assert not set("[]:*?/\\") & set(name)
        row = next(book[name].iter_rows(min_row=2, values_only=True))
        assert row[1] == "'@SUM(A1) <i>"
        assert str(row[6]).startswith("'+cmd")


class TestPDF:
    def test_a_page_per_post_on_a4(self, small: raci.Organization, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "sheets.pdf"
        render_cascade(small, out)
        pages = PdfReader(out).pages
        assert len(pages) == 6
        for page in pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
                595,
                842,
            )
        assert "Ann Lee" in pages[3].extract_text()

    def test_escaped(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "x.pdf"
        render_cascade(loads(HOSTILE), out)
        text = PdfReader(out).pages[0].extract_text()
        assert "<script>alert(1)</script>" in text

    @pytest.mark.skipif(not engine.cjk_font_available(), reason="no CJK font installed")
    def test_chinese(self, small: raci.Organization, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "zh.pdf"
        render_cascade(small, out, posts=["clerk"], lang="zh")
        assert "文员" in PdfReader(out).pages[0].extract_text()


def _long_sheet(rows: int) -> raci.Organization:
    """One post that holds ``rows`` deliverables, enough for several pages."""
    deliverables = "".join(
        f"  - {{id: d{i}, name: Deliverable number {i}, raci: {{A: boss, R: [boss]}}}}\n"
        for i in range(rows)
    )
    return loads(
        "version: 1\n"
        "organization: {name: Acme Agency}\n"
        "units:\n  - {id: top, name: Top, head: boss}\n"
        "positions:\n  - {id: boss, title: Chief Warden, unit: top}\n"
        f"deliverables:\n{deliverables}"
    )


def _words_at(page: object) -> dict[str, float]:
    """Where (x, in points) each piece of text starts on a PDF page."""
    found: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], *_: object) -> None:
        if text.strip():
            found.setdefault(text.strip(), tm[4])

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def _font_files(reader: object) -> set[int]:
    """The embedded font programs the pages of a PDF use (their object numbers)."""
    found: set[int] = set()
    for page in reader.pages:  # type: ignore[attr-defined]
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if descriptor is not None and key in descriptor.get_object():
                        found.add(descriptor.get_object().raw_get(key).idnum)
    return found


class TestPDFPages:
    """Every page of the PDF: its running header, its number, full-width tables with the
    same columns, and each font once in the file."""

    def test_every_page_has_the_header_and_its_number(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "sheets.pdf"
        render_cascade(raci.load(UN_HABITAT / "org.yaml"), out)
        pages = PdfReader(out).pages
        assert len(pages) > 20  # long sheets go on to further pages
        for number, page in enumerate(pages, 1):
            lines = page.extract_text().splitlines()
            assert lines[0] == "UN-Habitat Responsibility sheets"
            assert lines[-1] == f"Page {number} of {len(pages)}"

    def test_a_long_sheet_goes_on_with_its_table_header(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "sheets.pdf"
        render_cascade(_long_sheet(90), out)
        texts = [page.extract_text().splitlines() for page in PdfReader(out).pages]
        assert len(texts) >= 3
        assert texts[0][1] == "Chief Warden"
        for later in texts[1:]:
            assert later[1] == "Chief Warden (continued)"
            assert later[2] == "Deliverable Role Due"
        body = [line for text in texts for line in text if line.startswith("Deliverable number")]
        assert [line.split()[2] for line in body] == [str(i) for i in range(90)]

    def test_the_columns_are_the_same_on_every_page(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "sheets.pdf"
        render_cascade(_long_sheet(90), out)
        pages = PdfReader(out).pages
        columns = {(_words_at(p)["Role"], _words_at(p)["Due"]) for p in pages}
        assert len(columns) == 1
        [(_role, due)] = columns
        width = float(pages[0].mediabox.width)
        assert due > width * 0.8  # the table spans the text width

    def test_a_long_book_is_numbered_across_its_drawings(self, tmp_path: Path) -> None:
        """Pages are drawn some at a time; the numbers run on through the whole book."""
        from pypdf import PdfReader

        from raci.render.cascade import as_pdf

        out = tmp_path / "sheets.pdf"
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(as_pdf, "CHUNK", 2)
            render_cascade(_long_sheet(90), out)
        pages = PdfReader(out).pages
        assert len(pages) >= 3
        for number, page in enumerate(pages, 1):
            assert page.extract_text().splitlines()[-1] == f"Page {number} of {len(pages)}"

    @pytest.mark.parametrize(
        "lang",
        [
            None,
            pytest.param(
                "zh",
                marks=pytest.mark.skipif(
                    not engine.cjk_font_available(), reason="no CJK font installed"
                ),
            ),
        ],
    )
    def test_a_book_drawn_in_many_drawings_embeds_each_font_once(
        self, tmp_path: Path, lang: str | None
    ) -> None:
        """Drawn three pages at a time, the book embeds the fonts the whole book drawn at
        once embeds, and its pages read the same."""
        from pypdf import PdfReader

        from raci.render.cascade import as_pdf

        org = raci.load(UN_HABITAT / "org.yaml")
        books = {}
        for chunk in (1000, 3):
            out = tmp_path / f"sheets-{chunk}.pdf"
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(as_pdf, "CHUNK", chunk)
                render_cascade(org, out, lang=lang)
            books[chunk] = PdfReader(out)
        assert len(books[3].pages) > 9  # a dozen drawings or more
        assert len(_font_files(books[3])) == len(_font_files(books[1000]))
        texts = [[page.extract_text() for page in book.pages] for book in books.values()]
        assert texts[0] == texts[1]

    def test_no_id_under_a_title_that_has_a_name(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "sheets.pdf"
        render_cascade(raci.load(UN_HABITAT / "org.yaml"), out, posts=["ed"])
        lines = PdfReader(out).pages[0].extract_text().splitlines()
        assert lines[1:3] == ["Executive Director", "Holder not named"]

    def test_role_letters_are_centred(self) -> None:
        from raci.render.cascade.as_pdf import book_dot, book_pages

        book = build_book(_long_sheet(2))
        dot = book_dot(book, (595.0, 842.0), book_pages(book, (595.0, 842.0)))
        assert len(re.findall(r'ALIGN="CENTER" VALIGN="MIDDLE">[AR]/[AR]</TD>', dot)) == 2

    @pytest.mark.skipif(not engine.cjk_font_available(), reason="no CJK font installed")
    def test_chinese_has_each_font_once_and_no_english_words(self, tmp_path: Path) -> None:
        from pypdf import PdfReader

        out = tmp_path / "zh.pdf"
        render_cascade(raci.load(UN_HABITAT / "org.yaml"), out, lang="zh")
        assert out.stat().st_size < 1_000_000
        reader = PdfReader(out)
        fonts = {
            font.idnum for page in reader.pages for font in page["/Resources"]["/Font"].values()
        }
        assert len(fonts) == len(reader.pages[0]["/Resources"]["/Font"])
        text = "\n".join(page.extract_text() for page in reader.pages)
        for english in ("Page", "Responsibility", "Holder", "Deliverable", "Role", "Due"):
            assert english not in text
        assert text.splitlines()[0] == "人居署 职责清单"
        assert f"第 1 页 共 {len(reader.pages)} 页" in text


class TestWriting:
    def test_refuses_to_overwrite_the_input(self, tmp_path: Path) -> None:
        src = tmp_path / "org.md"
        src.write_text("x", encoding="utf-8")
        with pytest.raises(raci.OutputError, match="it is an input file"):
            render_cascade(loads(SMALL), src, inputs=[src])
        assert src.read_text(encoding="utf-8") == "x"

    def test_unknown_suffix(self, small: raci.Organization) -> None:
        with pytest.raises(ValueError, match=r"cannot write cascade sheets as '\.svg'"):
            render_cascade(small, "x.svg")


def test_a_unit_named_only_by_control_characters_shows_its_id_in_the_path() -> None:
    org = raci.loads(
        "version: 1\n"
        "units:\n"
        "  - id: top\n"
        "    name: Top\n"
        "    units:\n"
        '      - {id: ctl, name: "\\x01\\x02"}\n'
        "positions:\n"
        "  - {id: p, title: Clerk, unit: ctl}\n",
        "yaml",
    )
    [sheet] = build_book(org, ["p"]).sheets
    assert sheet.unit_path == ("Top", "ctl")
