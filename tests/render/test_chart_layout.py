"""Chart geometry read back from the drawn output: boxes sized by their text, every
reporting line drawn from box to box, paper-sized pages, PNGs under the pixel limit."""

from __future__ import annotations

import re
import struct
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pygraphviz
import pytest
from pypdf import PdfReader

import raci
from helpers import EXAMPLES, benchmark, loads
from raci.model import Names, Organization, Unit
from raci.render import engine
from raci.render.chart.orgchart import (
    SMALLEST_FONT,
    ChartOptions,
    ChartWarning,
    _pages,
    chart_sources,
    render_chart,
)
from raci.render.chart.style import SIDE_PAD, families, level_ranks
from raci.render.pages import HEAD_SIZE

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLE = EXAMPLES / "un-habitat-2020" / "org.yaml"
Box = tuple[float, float, float, float]


def flat(units: int) -> Organization:
    made = {"p": Unit("p", Names.plain("Parent"))}
    for i in range(units):
        made[f"c{i}"] = Unit(f"c{i}", Names.plain(f"Country Office {i}"), parent="p")
    return Organization(units=made)


def layered(shape: tuple[int, ...]) -> Organization:
    """A hierarchy with ``shape[0]`` children under the top, ``shape[1]`` under each..."""
    made = {"t": Unit("t", Names.plain("Top of the hierarchy"))}

    def add(parent: str, depth: int) -> None:
        for i in range(shape[depth]):
            uid = f"{parent}-{i}"
            made[uid] = Unit(uid, Names.plain(f"Unit {uid}"), parent=parent)
            if depth + 1 < len(shape):
                add(uid, depth + 1)

    add("t", 0)
    return Organization(units=made)


def with_lone_tops(count: int) -> Organization:
    """A small hierarchy and ``count`` units with no parent and nothing below them."""
    made = dict(layered((3, 2)).units)
    for i in range(count):
        made[f"x{i}"] = Unit(f"x{i}", Names.plain(f"Former Employee {i}"))
    return Organization(units=made)


def geometry(path: Path) -> tuple[dict[str, Box], list[tuple[str, str, list[float], bool]]]:
    """The boxes (x0, y0, x1, y1) by node name, and each line: (from, to, its points, dotted)."""
    root = ET.parse(path).getroot()
    boxes: dict[str, Box] = {}
    lines = []
    for group in root.iter(f"{SVG}g"):
        title = group.findtext(f"{SVG}title") or ""
        shapes = [*group.iter(f"{SVG}polygon"), *group.iter(f"{SVG}path")]
        numbers = [
            float(n)
            for shape in shapes
            for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d") or "")
        ]
        if group.get("class") == "node" and numbers and not title.startswith("#"):
            xs, ys = numbers[0::2], numbers[1::2]
            boxes[title] = (min(xs), min(ys), max(xs), max(ys))
        elif group.get("class") == "edge":
            parent, _, child = title.partition("->")
            dotted = any(s.get("stroke-dasharray") for s in shapes)
            lines.append((parent, child, numbers, dotted))
    return boxes, lines


def touches(point: tuple[float, float], box: Box, slack: float = 2.0) -> bool:
    """Whether ``point`` lies on the border of ``box``."""
    x, y = point
    x0, y0, x1, y1 = box
    inside = x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack
    near = min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) <= slack
    return inside and near


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def drawn(tmp_path: Path, org: Organization, **options: object) -> Path:
    out = tmp_path / "c.svg"
    render_chart(org, out, **options)  # type: ignore[arg-type]
    return out


ORGS = {
    "example": lambda: raci.load(EXAMPLE),
    "flat-40": lambda: flat(40),
    "layered-4x5x4": lambda: layered((4, 5, 4)),
    "layered-8x3x12": lambda: layered((8, 3, 12)),
    "example-highlighted-with-posts": lambda: raci.load(EXAMPLE),
    "tree-and-30-lone-tops": lambda: with_lone_tops(30),
}
#: Options per case (the highlighted example once put a box in a grid at its
#: neighbour's height).
OPTIONS: dict[str, dict[str, object]] = {
    "example-highlighted-with-posts": {"highlight": "fs-2019", "positions": True},
}


@pytest.mark.parametrize("name", list(ORGS))
class TestDrawnChart:
    def test_every_reporting_line_is_a_line_from_box_to_box(
        self, tmp_path: Path, name: str
    ) -> None:
        org = ORGS[name]()
        boxes, lines = geometry(drawn(tmp_path, org, **OPTIONS.get(name, {})))
        solid = {(p, c): pts for p, c, pts, dotted in lines if not dotted}
        for uid in org.units:
            for child in org.children(uid):
                points = solid.get((uid, child))
                assert points is not None, f"no line from {uid} to {child}"
                assert touches((points[0], points[1]), boxes[uid]), (uid, child, points)
                assert touches((points[-2], points[-1]), boxes[child]), (uid, child, points)

    def test_boxes_do_not_overlap(self, tmp_path: Path, name: str) -> None:
        boxes, _ = geometry(drawn(tmp_path, ORGS[name](), **OPTIONS.get(name, {})))
        ordered = sorted(boxes.items(), key=lambda kv: kv[1][0])
        for i, (a, box) in enumerate(ordered):
            for b, other in ordered[i + 1 :]:
                if other[0] >= box[2]:
                    break
                assert not overlap(box, other), (a, b)

    def test_boxes_are_sized_by_their_text(self, tmp_path: Path, name: str) -> None:
        """Each box is as high as its own text needs, and as wide as the widest text of
        its level: never stretched to a neighbour or a cell."""
        org = ORGS[name]()
        out = drawn(tmp_path, org, **OPTIONS.get(name, {}))
        boxes, _ = geometry(out)
        (source,) = chart_sources(org, **OPTIONS.get(name, {}))  # type: ignore[arg-type]
        graph = pygraphviz.AGraph(string=source)
        labels = {
            str(n): re.sub(r' WIDTH="\d+"', "", n.attr["label"])
            for n in graph.nodes()
            if not str(n).startswith("#")
        }
        names = list(labels)
        measuring = "\n".join(f'm{i} [label=<{labels[n]}> pos="0,0"]' for i, n in enumerate(names))
        fonts, size = graph.node_attr["fontname"], graph.node_attr["fontsize"]
        natural = engine.measure(
            f'digraph {{ node [shape=plain fontname="{fonts}" fontsize={size}]\n{measuring}\n}}'
        )
        ranks = level_ranks(org, families(org))
        widest: dict[int, float] = {}
        for i, n in enumerate(names):
            widest[ranks[n]] = max(widest.get(ranks[n], 0.0), natural[f"m{i}"][0])
        for i, n in enumerate(names):
            x0, y0, x1, y1 = boxes[n]
            assert abs((y1 - y0) - natural[f"m{i}"][1]) <= 1.5, n
            assert abs((x1 - x0) - widest[ranks[n]] - 2 * SIDE_PAD) <= 1.5, n


class TestShape:
    def test_a_parent_with_1000_children_makes_a_page_shaped_chart(self, tmp_path: Path) -> None:
        boxes, lines = geometry(drawn(tmp_path, flat(1000)))
        x0 = min(b[0] for b in boxes.values())
        x1 = max(b[2] for b in boxes.values())
        y0 = min(b[1] for b in boxes.values())
        y1 = max(b[3] for b in boxes.values())
        assert 0.5 <= (x1 - x0) / (y1 - y0) <= 3
        assert len([ln for ln in lines if ln[0] == "p"]) == 1000

    def test_upper_levels_stay_a_row(self, tmp_path: Path) -> None:
        boxes, _ = geometry(drawn(tmp_path, layered((6, 4, 10))))
        tops = {round(boxes[f"t-{i}"][1]) for i in range(6)}
        assert len(tops) == 1


def test_lone_tops_stand_in_columns_beside_the_trees(tmp_path: Path) -> None:
    boxes, _ = geometry(drawn(tmp_path, with_lone_tops(30)))
    lone = [boxes[f"x{i}"] for i in range(30)]
    columns = {round(box[0]) for box in lone}
    assert 3 <= len(columns) < 30
    tree_right = max(box[2] for uid, box in boxes.items() if not uid.startswith("x"))
    assert min(box[0] for box in lone) > tree_right


class TestPaper:
    @pytest.mark.parametrize(
        ("options", "size"),
        [
            ({"paper": "A4"}, (842, 595)),
            ({"paper": "a4", "landscape": False}, (595, 842)),
            ({"paper": "A3", "landscape": True}, (1191, 842)),
            ({"paper": "letter", "landscape": False}, (612, 792)),
            ({"paper": "Tabloid", "landscape": True}, (1224, 792)),
        ],
    )
    def test_a_pdf_page_is_the_paper(
        self, tmp_path: Path, options: dict[str, object], size: tuple[int, int]
    ) -> None:
        out = tmp_path / "c.pdf"
        render_chart(raci.load(EXAMPLE), out, **options)  # type: ignore[arg-type]
        box = PdfReader(out).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size

    @pytest.mark.parametrize(
        ("orientation", "landscape"), [("portrait", False), ("landscape", True), (None, None)]
    )
    def test_orientation_still_works_and_is_deprecated(
        self, orientation: str | None, landscape: bool | None
    ) -> None:
        with pytest.warns(DeprecationWarning, match="use landscape=True or landscape=False"):
            old = chart_sources(flat(3), paper="Letter", orientation=orientation)
        assert old == chart_sources(flat(3), paper="Letter", landscape=landscape)

    def test_a_wrong_orientation_is_a_value_error(self) -> None:
        with (
            pytest.warns(DeprecationWarning, match="orientation= is deprecated"),
            pytest.raises(ValueError, match="'sideways'"),
        ):
            chart_sources(flat(3), paper="A4", orientation="sideways")

    def test_an_svg_page_is_the_paper(self, tmp_path: Path) -> None:
        root = ET.parse(drawn(tmp_path, raci.load(EXAMPLE), paper="A4")).getroot()
        assert (root.attrib["width"], root.attrib["height"]) == ("842pt", "595pt")

    def test_a_png_page_is_the_paper_at_150_dpi(self, tmp_path: Path) -> None:
        out = tmp_path / "c.png"
        render_chart(raci.load(EXAMPLE), out, paper="A4", landscape=False)
        width, height = struct.unpack(">II", out.read_bytes()[16:24])
        assert abs(width - 1240) <= 2
        assert abs(height - 1754) <= 2

    def test_text_under_6_pt_is_reported_with_advice(self, tmp_path: Path) -> None:
        with pytest.warns(ChartWarning, match=r"smallest text is .* pt.*--split-by"):
            render_chart(flat(300), tmp_path / "c.pdf", paper="A4")

    def test_split_by_on_paper_starts_with_an_overview(self, tmp_path: Path) -> None:
        org = loads(SPLIT)
        out = tmp_path / "c.pdf"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render_chart(org, out, paper="A4", split_by="division")
        pages = PdfReader(out).pages
        assert len(pages) == 3
        assert all(
            sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height)))) == [595, 842]
            for p in pages
        )
        overview, *_ = chart_sources(org, paper="A4", split_by="division")
        assert "continued on page 2" in overview
        assert "continued on page 3" in overview
        assert "Plants" not in overview

    def test_overview_in_chinese(self) -> None:
        overview, *_ = chart_sources(loads(SPLIT), paper="A4", split_by="division", lang="zh")
        assert "见第 2 页" in overview


class TestSplitAuto:
    """``split_by='auto'``: pages cut wherever the paper needs, each legible."""

    @staticmethod
    def pages(org: Organization, **options: str) -> list[str]:
        """Each page's DOT source; every page reads (no text under 6 pt)."""
        made = _pages(org, ChartOptions(split_by="auto", **options))  # type: ignore[arg-type]
        assert min(page.scale for page in made) * SMALLEST_FONT >= 6.0
        return [page.source for page in made]

    def test_a_chart_that_fits_is_one_page(self) -> None:
        [page] = self.pages(raci.load(EXAMPLE), paper="A4")
        assert "continued on page" not in page

    def test_a_large_chart_is_cut_into_pages_that_read(self, tmp_path: Path) -> None:
        org = layered((6, 5, 8))
        sources = self.pages(org, paper="A4")
        assert len(sources) > 2
        drawn_on: dict[str, list[int]] = {}
        for number, source in enumerate(sources, 1):
            for uid in re.findall(r'id="unit-([^"]+)"', source):
                drawn_on.setdefault(uid, []).append(number)
        # Every unit is drawn; a unit drawn twice ends one page and heads a later one.
        assert set(drawn_on) == set(org.units)
        for uid, numbers in drawn_on.items():
            assert len(numbers) <= 2, uid
            if len(numbers) == 2:
                first, then = numbers
                assert then > first
                assert re.search(rf"continued on page {then}\b", sources[first - 1])
                assert f"from page {first}" in sources[then - 1]
        out = tmp_path / "c.pdf"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render_chart(org, out, paper="A4", split_by="auto")
        sizes = {tuple(sorted(map(round, p.mediabox[2:]))) for p in PdfReader(out).pages}
        assert sizes == {(595, 842)}

    def test_each_page_is_drawn_at_the_scale_it_was_planned_at(self) -> None:
        """Graphviz takes a page's size in whole points and scales what its nodes cover:
        each drawn page's smallest text is its smallest font at the page's scale exactly
        (or the running head's 8 pt), so a page planned at 6 pt prints at 6 pt, not a hair
        under."""
        import io

        text_sizes = benchmark("bench_print").text_sizes
        made = _pages(layered((6, 5, 8)), ChartOptions(split_by="auto", paper="A4"))
        for page in made:
            drawn = PdfReader(io.BytesIO(engine.render(page.source, "pdf"))).pages[0]
            # The chart's fonts are whole points; the running head's are not.
            fonts = [int(f) for f in re.findall(r'POINT-SIZE="(\d+)"', page.source)]
            planned = min(min(fonts) * page.scale, HEAD_SIZE)
            # To the precision Pango sets type at (1024ths of a point).
            assert planned * (1 - 2e-4) <= min(text_sizes(drawn)) <= planned * 1.0002

    def test_without_auto_the_same_chart_is_under_6_pt(self, tmp_path: Path) -> None:
        with pytest.warns(ChartWarning, match="under 6 pt"):
            render_chart(layered((6, 5, 8)), tmp_path / "c.dot", paper="A4")

    def test_small_subtrees_share_a_page(self) -> None:
        sources = self.pages(layered((2, 30, 2)), paper="A4")
        assert any(len(re.findall(r"from page \d+", s)) > 1 for s in sources)

    def test_a_family_too_large_for_a_page_is_spread_over_pages(self) -> None:
        sources = self.pages(flat(300), paper="A4")
        assert len(sources) > 1
        drawn = [re.findall(r'id="unit-(c\d+)"', source) for source in sources]
        assert sorted(c for page in drawn for c in page) == sorted(f"c{i}" for i in range(300))
        assert [c for page in drawn for c in page] == [f"c{i}" for i in range(300)]
        for number, source in enumerate(sources, 1):
            assert 'id="unit-p"' in source
            assert ("from page" in source) == (number > 1)
            if number > 1:
                assert f"from page {number - 1}" in source
            more = f"more below on page {number + 1}"
            assert (more in source) == (number < len(sources))

    def test_too_many_tops_for_one_page_start_pages_of_their_own(self) -> None:
        made = {f"r{i}": Unit(f"r{i}", Names.plain(f"Former Employee {i}")) for i in range(300)}
        made["boss"] = Unit("boss", Names.plain("Boss"))
        made.update(
            {f"c{i}": Unit(f"c{i}", Names.plain(f"Report {i}"), parent="boss") for i in range(8)}
        )
        org = Organization(units=made)
        sources = self.pages(org, paper="A4")
        assert 1 < len(sources) < 20  # the lone tops share pages, in columns
        drawn = [uid for s in sources for uid in re.findall(r'id="unit-([^"]+)"', s)]
        assert sorted(drawn) == sorted(org.units)

    def test_page_references_in_chinese(self) -> None:
        sources = self.pages(layered((6, 5, 8)), paper="A4", lang="zh")
        assert "见第 2 页" in sources[0]
        assert "接第 1 页" in sources[1]

    def test_auto_needs_paper_and_takes_no_depth(self) -> None:
        with pytest.raises(ValueError, match="pages that read on a paper size"):
            chart_sources(flat(3), split_by="auto")
        with pytest.raises(ValueError, match="takes no depth"):
            chart_sources(flat(3), split_by="auto", paper="A4", depth=1)


SPLIT = """
version: 1
organization: {name: Acme, levels: [organization, division, branch]}
units:
  - id: top
    name: Acme
    level: organization
    units:
      - id: ops
        name: Operations
        level: division
        units: [{id: plants, name: Plants, level: branch}]
      - {id: fin, name: Finance, level: division, units: [{id: tax, name: Tax, level: branch}]}
"""


class TestPixels:
    def test_png_stays_under_the_pixel_limit_and_says_so(self, tmp_path: Path) -> None:
        out = tmp_path / "c.png"
        with pytest.warns(ChartWarning, match=r"drawn at \d+ dpi instead of 150.*--max-pixels"):
            render_chart(flat(60), out, max_pixels=200_000)
        width, height = struct.unpack(">II", out.read_bytes()[16:24])
        assert width * height <= 200_000

    def test_no_warning_under_the_limit(self, tmp_path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render_chart(flat(5), tmp_path / "c.png", dpi=72)

    def test_dpi(self, tmp_path: Path) -> None:
        sizes = []
        for dpi in (72, 144):
            out = tmp_path / f"c{dpi}.png"
            render_chart(flat(2), out, dpi=dpi)
            sizes.append(struct.unpack(">II", out.read_bytes()[16:24]))
        assert abs(sizes[1][0] - 2 * sizes[0][0]) <= 2


class TestWords:
    def test_legend_role_names_and_fixed_words_in_chinese(self) -> None:
        (source,) = chart_sources(raci.load(EXAMPLE), lang="zh", highlight="fs-2019")
        for word in ("负责", "批准", "咨询", "知会", "无职责", "空缺", "的职责", "111 个职位"):
            assert word in source
        for english in ("Responsible", "Accountable", "no role", "vacant", " posts"):
            assert english not in source

    def test_chart_and_matrix_name_the_roles_alike(self) -> None:
        org = raci.load(EXAMPLE)
        (source,) = chart_sources(org, lang="zh", highlight="fs-2019")
        matrix = str(raci.render_matrix(org, format="md", lang="zh"))
        legend = matrix.split("| 字母 | 角色 |")[1]
        pairs = re.findall(r"\| ([A-Z]) \| (\S+) \|", legend)
        assert len(pairs) == 4
        for letter, name in pairs:
            assert f"<B>{letter}</B> {name}" in source

    def test_depth_limit_in_chinese(self) -> None:
        (source,) = chart_sources(raci.load(EXAMPLE), lang="zh", depth=1)
        assert re.search(r"下设 \d+ 个单位", source)
