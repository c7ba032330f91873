"""The change picture: marks and key by kind, paper to the point, pages with numbers and
a running header, a warning when text comes out too small, every word in the language."""

from __future__ import annotations

import itertools
import json
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

import raci
from helpers import benchmark, english_words
from raci.render.change.marks import LOOKS
from raci.render.change.picture import ChartWarning, picture_source, render_picture
from raci.render.pages import HEAD_SIZE
from raci.restructure.words import ChangeWords

SVG = "{http://www.w3.org/2000/svg}"


def model(tmp_path: Path, name: str, units: list[dict[str, object]]) -> raci.Organization:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"version": 1, "units": units}), encoding="utf-8")
    return raci.load(path)


def big(tmp_path: Path, divisions: int = 8, branches: int = 6, sections: int = 4) -> raci.Diff:
    """An organization of a few hundred units, and the same with every division renamed."""
    units: list[dict[str, object]] = [{"id": "top", "name": "Top Organization"}]
    for d in range(divisions):
        units.append({"id": f"d{d}", "name": f"Division number {d}", "parent": "top"})
        for b in range(branches):
            units.append({"id": f"d{d}b{b}", "name": f"Branch {b} of {d}", "parent": f"d{d}"})
            units += [
                {"id": f"d{d}b{b}s{s}", "name": f"Section {s}", "parent": f"d{d}b{b}"}
                for s in range(sections)
            ]
    old = model(tmp_path, "old", units)
    renamed = [
        {**u, "id": f"new-{u['id']}", "formerly": u["id"], "name": f"Renamed {u['name']}"}
        if str(u["id"]).count("b") == 0 and u["id"] != "top"
        else {**u, "parent": f"new-{u['parent']}"}
        if str(u.get("parent", "")).count("b") == 0 and u.get("parent") not in (None, "top")
        else u
        for u in units
    ]
    return raci.diff(old, model(tmp_path, "new", renamed))


def svg_texts(path: Path) -> list[str]:
    return [" ".join("".join(t.itertext()).split()) for t in ET.parse(path).iter(f"{SVG}text")]


class TestMarks:
    def test_each_kind_has_its_own_mark_colour_and_border(self) -> None:
        changed = [k for k in LOOKS if k != "same"]
        assert len({LOOKS[k].mark for k in changed}) == len(changed)
        assert len({LOOKS[k].line for k in changed}) == len(changed)
        assert {LOOKS[k].style for k in changed} >= {"solid", "dashed", "dotted"}

    def test_the_key_lists_exactly_the_kinds_present(self, tmp_path: Path) -> None:
        old = model(tmp_path, "a", [{"id": "top"}, {"id": "x", "parent": "top", "name": "X"}])
        new = model(
            tmp_path,
            "b",
            [{"id": "top"}, {"id": "y", "parent": "top", "name": "Y", "formerly": "x"}],
        )
        out = tmp_path / "c.svg"
        render_picture(raci.diff(old, new), out)
        texts = svg_texts(out)
        key = ChangeWords.for_lang("en").key_entries
        assert key["renamed"] in texts
        assert key["same"] in texts  # the top unit
        for kind in ("new", "merged", "split", "moved", "relevelled", "abolished"):
            assert key[kind] not in texts, kind

    def test_the_example_marks_every_kind(self, example: raci.Diff, tmp_path: Path) -> None:
        out = tmp_path / "c.svg"
        render_picture(example, out)
        texts = svg_texts(out)
        for kind in LOOKS:
            assert ChangeWords.for_lang("en").key_entries[kind] in texts, kind
        dot = picture_source(example)
        # The line to a unit that moved is drawn in the colour of its mark.
        assert dot.count(f'color="{LOOKS["moved"].line}"') == len(example.units_moved)
        # Square lines: every reporting line runs along vertical and horizontal pieces.
        for pos in re.findall(r'-> "[^"]+" \[pos="([^"]+)"', dot):
            points = [tuple(map(float, p.split(","))) for p in pos.split()]
            for (ax, ay), (bx, by) in itertools.pairwise(points):
                assert ax == pytest.approx(bx) or ay == pytest.approx(by)


class TestPaper:
    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    @pytest.mark.parametrize(
        ("paper", "size"), [("A4", (595.28, 841.89)), ("A3", (841.89, 1190.55))]
    )
    def test_every_page_is_the_paper_to_the_point(
        self, example: raci.Diff, tmp_path: Path, style: str, paper: str, size: tuple[float, float]
    ) -> None:
        out = tmp_path / "c.pdf"
        render_picture(example, out, paper=paper, landscape=False, style=style)
        for page in PdfReader(out).pages:
            assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.01)
            assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.01)

    def test_a_large_structure_is_cut_into_numbered_pages(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        with warnings.catch_warnings():
            warnings.simplefilter("error", ChartWarning)
            written = render_picture(big(tmp_path), out, paper="A4")
        assert written == [out]
        pages = PdfReader(out).pages
        total = len(pages)
        assert total > 2
        for n, page in enumerate(pages, 1):
            text = " ".join(page.extract_text().split())
            assert f"Page {n} of {total}" in text
            assert "Top Organization: before and after" in text
        # A page that continues another says where it sits, and from which page.
        later = " ".join(" ".join(p.extract_text().split()) for p in pages[1:])
        assert "Top Organization › " in later
        assert "from page 1" in later
        assert "continued on page 2" in pages[0].extract_text()

    def test_text_prints_at_the_size_planned(self, tmp_path: Path) -> None:
        """Each page of the PDF shows its smallest font at the scale its page was planned
        at (or the running head's 8 pt), not a hair smaller: Graphviz takes a page's size
        in whole points, and the page is set on the paper without shrinking."""
        from raci.render.change.picture import _pages

        text_sizes = benchmark("bench_print").text_sizes
        change = big(tmp_path)
        out = tmp_path / "c.pdf"
        render_picture(change, out, paper="A4")
        planned = _pages(change, None, "marked", "A4", None)
        printed = PdfReader(out).pages
        assert len(printed) == len(planned) > 2
        for page, drawn in zip(planned, printed, strict=True):
            fonts = [int(f) for f in re.findall(r'POINT-SIZE="(\d+)"', page.source)]
            smallest = min(min(fonts) * page.scale, HEAD_SIZE)
            # To the precision Pango sets type at (1024ths of a point).
            assert smallest * (1 - 2e-4) <= min(text_sizes(drawn)) <= smallest * 1.0002

    def test_other_formats_write_a_file_per_page(self, tmp_path: Path) -> None:
        written = render_picture(big(tmp_path), tmp_path / "c.svg", paper="A4")
        assert len(written) > 2
        assert [p.name for p in written[:2]] == ["c-1.svg", "c-2.svg"]
        assert all(p.exists() for p in written)

    def test_text_under_6_pt_warns(self, tmp_path: Path) -> None:
        many = [
            {"id": f"o{i}", "parent": "top", "name": f"Old unit number {i}"} for i in range(300)
        ]
        old = model(tmp_path, "a", [{"id": "top"}, *many])
        merged = {"id": "one", "parent": "top", "name": "One", "formerly": [u["id"] for u in many]}
        new = model(tmp_path, "b", [{"id": "top"}, merged])
        with pytest.warns(
            ChartWarning, match=r"on A5 paper .* smallest text is \d\.\d pt \(under 6 pt\)"
        ):
            render_picture(raci.diff(old, new), tmp_path / "c.pdf", paper="A5")

    def test_no_warning_when_it_reads(self, example: raci.Diff, tmp_path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ChartWarning)
            render_picture(example, tmp_path / "c.pdf", paper="A3")


class TestChinese:
    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    def test_no_english_fixed_word(self, example: raci.Diff, tmp_path: Path, style: str) -> None:
        out = tmp_path / "c.svg"
        render_picture(example, out, lang="zh", style=style, paper="A3")
        text = " ".join(svg_texts(out))
        found = {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", text)}
        assert found & {w.casefold() for w in english_words("zh")} == set()
        assert "图例" in text
        assert "第 1 页 共 1 页" in text

    def test_english_is_found_when_there(self, example: raci.Diff, tmp_path: Path) -> None:
        out = tmp_path / "c.svg"
        render_picture(example, out, paper="A3")
        text = " ".join(svg_texts(out))
        assert {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", text)} & english_words()

    def test_pdf_pages_in_chinese(self, tmp_path: Path) -> None:
        from raci.render.engine import cjk_font_available

        if not cjk_font_available():
            pytest.skip("no CJK font installed")
        out = tmp_path / "c.pdf"
        render_picture(big(tmp_path), out, paper="A4", lang="zh")
        pages = PdfReader(out).pages
        for n, page in enumerate(pages, 1):
            text = "".join(page.extract_text().split())
            assert f"第{n}页共{len(pages)}页" in text
            assert "Top Organization：调整前后" in " ".join(page.extract_text().split())
