"""Charts ready for a printed paper: running heads and page numbers on every page, one
orientation per book, the key, vacancy without colour, Chinese without English words;
read from the PDFs' own text."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from tests.render.test_orgchart import small, small_without_dotted_lines

from helpers import benchmark, english_words
from raci import render_chart
from raci.model import Names, Organization, Position, Unit
from raci.render import engine
from raci.render.chart.orgchart import chart_sources
from raci.render.chart.words import ChartWords
from raci.render.pages import RunningHead, page_number, stamp_pdf
from raci.render.paper import PAPERS


def texts(path: Path) -> list[str]:
    """Each page's text, with ligatures and wide forms folded (NFKC)."""
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(path).pages]


def layered(divisions: int = 4, branches: int = 4, sections: int = 7) -> Organization:
    """A named organization of divisions, branches and sections, built in memory."""
    units = {"org": Unit("org", Names.plain("Agency"), level="organization")}
    for d in range(divisions):
        units[f"d{d}"] = Unit(f"d{d}", Names.plain(f"Division {d}"), parent="org", level="division")
        for b in range(branches):
            bid = f"d{d}b{b}"
            units[bid] = Unit(bid, Names.plain(f"Branch {d}.{b}"), parent=f"d{d}", level="branch")
            for s in range(sections):
                sid = f"{bid}s{s}"
                units[sid] = Unit(
                    sid, Names.plain(f"Section {d}.{b}.{s}"), parent=bid, level="section"
                )
    return Organization(names=Names.plain("The Agency"), units=units)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("book") / "book.pdf"
    render_chart(layered(), out, paper="A5", split_by="auto")
    return out


class TestRunningHeads:
    def test_every_page_of_a_book_has_its_number_and_the_header(self, book: Path) -> None:
        pages = texts(book)
        assert len(pages) > 3
        for i, text in enumerate(pages, 1):
            assert f"Page {i} of {len(pages)}" in text
            assert "The Agency · Organization chart" in text

    def test_the_running_head_prints_at_8_pt_on_every_page(self, book: Path) -> None:
        """Whatever the scale of a page, its running head is 8 pt on paper (a label's
        POINT-SIZE is a whole number, which made it up to a point smaller)."""
        text_pieces = benchmark("bench_print").text_pieces
        scales = set()
        for page in PdfReader(book).pages:
            pieces = text_pieces(page)
            heads = [size for text, size in pieces if text.startswith("Page ")]
            assert heads
            assert heads == pytest.approx([8.0] * len(heads), rel=2e-4)
            scales.add(round(min(size for _text, size in pieces), 2))
        assert len(scales) > 1  # pages drawn at several scales

    def test_continuation_pages_say_where_they_sit(self, book: Path) -> None:
        first, *rest = texts(book)
        assert " › " not in first
        for text in rest:
            assert re.search(r"Agency › Division \d", text), text

    def test_one_orientation_and_exactly_the_paper(self, book: Path) -> None:
        width, height = PAPERS["A5"].points()
        sizes = {(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(book).pages}
        assert sizes == {(round(width), round(height))}

    def test_a_book_split_by_level_keeps_one_orientation(self, tmp_path: Path) -> None:
        out = tmp_path / "b.pdf"
        render_chart(layered(3, 6, 2), out, paper="A4", split_by="division")
        sizes = {(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(out).pages}
        assert len(sizes) == 1
        assert sizes <= {(842.0, 595.0), (595.0, 842.0)}

    @pytest.mark.parametrize("suffix", ["pdf", "svg"])
    def test_a_single_page_on_paper_is_page_1_of_1(self, tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"c.{suffix}"
        render_chart(small(), out, paper="A3", title="Structure in 2020")
        text = texts(out)[0] if suffix == "pdf" else out.read_text(encoding="utf-8")
        assert "Page 1 of 1" in text
        assert "Structure in 2020" in text
        if suffix == "pdf":
            page = PdfReader(out).pages[0]
            assert {round(float(page.mediabox.width)), round(float(page.mediabox.height))} == {
                round(side) for side in PAPERS["A3"].points()
            }

    def test_no_running_head_on_a_chart_without_paper(self) -> None:
        (source,) = chart_sources(small())
        assert "#page" not in source
        assert "Page 1" not in source

    def test_pages_without_paper_are_numbered_too(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        render_chart(small(), out, split_by="division")
        pages = texts(out)
        assert [f"Page {i} of 3" in t for i, t in enumerate(pages, 1)] == [True] * 3

    def test_the_page_number_in_each_language(self) -> None:
        assert page_number(3, 107) == "Page 3 of 107"
        assert page_number(3, 107, "zh") == "第 3 页 共 107 页"

    def test_any_pdf_can_be_stamped(self) -> None:
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_blank_page(width=842, height=595)
        data = io.BytesIO()
        writer.write(data)
        heads = [RunningHead("Org · Sheets", n, 2, "Division" if n > 1 else "") for n in (1, 2)]
        stamped = PdfReader(io.BytesIO(stamp_pdf(data.getvalue(), heads)))
        assert [(p.mediabox.width, p.mediabox.height) for p in stamped.pages] == [
            (595, 842),
            (842, 595),
        ]
        text = [p.extract_text() for p in stamped.pages]
        assert "Page 1 of 2" in text[0]
        assert "Org · Sheets" in text[0]
        assert "Page 2 of 2" in text[1]
        assert "Division" in text[1]
        with pytest.raises(ValueError, match="1 running heads for 2 pages"):
            stamp_pdf(data.getvalue(), heads[:1])


#: The key's entries and their English words.
KEY_ENTRIES = {
    "reporting": "Reporting line",
    "dotted": "Also reports to (arrow: to whom)",
    "staff": "Staff office, beside the unit it serves",
    "vacant_post": "Vacant post",
    "colours": "Colour: one per division, lighter further down",
}


class TestKey:
    def entries(self, org: Organization, **options: object) -> list[str]:
        (source,) = chart_sources(org, **options)  # type: ignore[arg-type]
        label = next(line for line in source.splitlines() if '"#legend"' in line)
        return [k for k, text in KEY_ENTRIES.items() if text in label]

    def test_the_key_holds_what_the_chart_uses(self) -> None:
        every = ["reporting", "dotted", "staff", "vacant_post", "colours"]
        assert self.entries(small(), positions=True) == every
        assert self.entries(small()) == every[:3] + every[4:]  # the vacant post is not drawn
        assert self.entries(small_without_dotted_lines()) == ["reporting", "staff", "colours"]
        assert self.entries(small(), positions=True, highlight="report") == every[:4]
        assert self.entries(small(), root="tax") == []

    def test_staff_offices_and_levels(self) -> None:
        units = {
            "top": Unit("top", Names.plain("Top"), level="organization"),
            "ed": Unit("ed", Names.plain("Office"), parent="top", staff=True, level="office"),
        }
        org = Organization(units=units)
        assert self.entries(org) == ["staff", "colours"]
        (source,) = chart_sources(org)
        assert ">organization<" in source
        assert ">office<" in source

    def test_the_key_is_on_the_page_and_no_key_leaves_it_out(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        render_chart(small(), out)
        assert "Key" in texts(out)[0]
        assert "Also reports to" in texts(out)[0]
        render_chart(small(), out, key=False)
        assert "Key" not in texts(out)[0]
        assert "Also reports to" not in texts(out)[0]


class TestVacancy:
    def test_a_vacant_post_has_a_dashed_border_and_the_word(self) -> None:
        (source,) = chart_sources(small(), positions=True)
        vacant = [line for line in source.splitlines() if ">vacant<" in line]
        assert vacant
        for line in vacant:
            cell = line.split(">vacant<")[0].rsplit("<TD", 1)[-1]
            assert 'STYLE="dashed"' in cell or 'STYLE="dashed"' in line.split(">vacant<")[0]

    def test_counts_say_posts_and_filled_posts(self) -> None:
        words = ChartWords.for_lang("en")
        assert words.posts(1, 0) == "1 post, 0 filled"
        assert words.posts(12, 12) == "12 posts"
        assert ChartWords.for_lang("zh").posts(12, 11) == "12 个职位，已填补 11 个"


class TestChinese:
    def test_chinese_fixed_words_use_full_width_punctuation(self) -> None:
        zh = ChartWords.for_lang("zh")
        assert (
            zh.outside([zh.party_roles("执行局", ["I"]), "审计"]) == "组织图以外：执行局（I）；审计"
        )

    @pytest.mark.skipif(not engine.cjk_font_available(), reason="no CJK font installed")
    def test_a_chinese_book_has_no_english_fixed_word(self, tmp_path: Path) -> None:
        units = {"top": Unit("top", Names({"zh": "总部"}), head="p0", level="organization")}
        for i in range(4):
            units[f"d{i}"] = Unit(
                f"d{i}",
                Names({"zh": f"第{i}司"}),
                parent="top",
                level="division",
                also_reports_to=("d0",) if i else (),
            )
            for j in range(3):
                units[f"d{i}b{j}"] = Unit(
                    f"d{i}b{j}", Names({"zh": f"处{i}{j}"}), parent=f"d{i}", level="branch"
                )
        positions = {"p0": Position("p0", Names({"zh": "主任"}), unit="top", vacant=True)}
        org = Organization(
            names=Names({"zh": "机构"}), language="zh", units=units, positions=positions
        )
        out = tmp_path / "c.pdf"
        render_chart(org, out, lang="zh", paper="A5", split_by="division")
        text = "\n".join(texts(out))
        assert "第 2 页 共" in text
        assert "图例" in text
        assert "空缺" in text
        english = english_words("zh")
        assert not {w for w in english if re.search(rf"\b{w}\b", text, re.IGNORECASE)}
