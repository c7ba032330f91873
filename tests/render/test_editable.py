"""Editable figures: the chart and the change picture as PowerPoint slides and draw.io
pages, read back the way the tools that edit them read them."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pygraphviz
import pytest

import raci
from helpers import EXAMPLES, loads
from raci.exceptions import OutputError
from raci.model import Organization
from raci.render.change.picture import render_picture
from raci.render.chart.orgchart import box_id, chart_sources, render_chart
from raci.render.editable.label import read_label
from raci.render.editable.routes import elbow
from raci.render.engine import GraphvizWarning
from raci.render.paper import A4
from raci.restructure import diff

pptx = pytest.importorskip("pptx")
from pptx import Presentation  # noqa: E402
from pptx.shapes.connector import Connector  # noqa: E402

UN = EXAMPLES / "un-habitat-2020" / "org.yaml"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
EMU = 12700


@pytest.fixture(scope="module")
def un() -> Organization:
    return raci.load(UN)


@pytest.fixture(scope="module")
def book(un: Organization, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example as a book of A4 pages split by division, in both formats."""
    folder = tmp_path_factory.mktemp("editable")
    paths = folder / "chart.pptx", folder / "chart.drawio"
    for path in paths:
        render_chart(un, path, paper="A4", split_by="division")
    return paths


def dot_pages(org: Organization, **options: object) -> list[tuple[set[str], set[tuple[str, str]]]]:
    """Each page of the chart as its DOT text has it: the units drawn, and the lines
    between them (unit, unit)."""
    ids = {box_id(uid): uid for uid in org.units}
    pages = []
    for source in chart_sources(org, **options):
        graph = pygraphviz.AGraph(string=source)
        unit = {n.name: ids[n.attr["id"]] for n in graph.nodes() if n.attr.get("id") in ids}
        lines = {(unit[a], unit[b]) for a, b in graph.edges() if a in unit and b in unit}
        pages.append((set(unit.values()), lines))
    return pages


def connected(shape: Connector) -> tuple[str, str, str, str]:
    """The ids of the shapes a connector's start and end are glued to, and the glue points."""
    start = shape.element.find(".//a:stCxn", NS)
    end = shape.element.find(".//a:endCxn", NS)
    assert start is not None, "a connector's start is not glued"
    assert end is not None, "a connector's end is not glued"
    return start.get("id"), end.get("id"), start.get("idx"), end.get("idx")


def slide_units(slide: object, org: Organization) -> dict[str, object]:
    return {s.name: s for s in slide.shapes if s.name in org.units}  # type: ignore[attr-defined]


def slide_lines(slide: object) -> Iterator[tuple[str, str, Connector]]:
    """Each connector as the names (unit ids) of the shapes its ends are glued to."""
    by_id = {s.shape_id: s.name for s in slide.shapes}  # type: ignore[attr-defined]
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if isinstance(shape, Connector):
            start, end, _, _ = connected(shape)
            yield by_id[int(start)], by_id[int(end)], shape


def flat(text: str) -> str:
    return " ".join(text.split())


class TestPowerPoint:
    def test_a_slide_per_page_with_the_units_of_that_page(
        self, un: Organization, book: tuple[Path, Path]
    ) -> None:
        expected = dot_pages(un, paper="A4", split_by="division")
        deck = Presentation(str(book[0]))
        assert len(deck.slides) == len(expected) > 1
        for slide, (units, _lines) in zip(deck.slides, expected, strict=True):
            assert set(slide_units(slide, un)) == units

    def test_slides_are_the_paper(self, book: tuple[Path, Path]) -> None:
        deck = Presentation(str(book[0]))
        sizes = {A4.points(landscape=True), A4.points(landscape=False)}
        size = (deck.slide_width / EMU, deck.slide_height / EMU)
        assert any(abs(size[0] - w) < 0.5 and abs(size[1] - h) < 0.5 for w, h in sizes)

    def test_every_line_is_a_connector_glued_to_its_two_units(
        self, un: Organization, book: tuple[Path, Path]
    ) -> None:
        expected = dot_pages(un, paper="A4", split_by="division")
        deck = Presentation(str(book[0]))
        for slide, (_units, lines) in zip(deck.slides, expected, strict=True):
            glued = [(a, b) for a, b, _ in slide_lines(slide)]
            assert sorted(glued) == sorted(lines)
            for a, b in glued:
                unit = un.units[b]
                assert (
                    unit.parent == a
                    or a in unit.also_reports_to
                    or b in un.units[a].also_reports_to
                )

    def test_reporting_lines_are_elbows_and_dotted_lines_dashed_with_an_arrow(
        self, un: Organization, tmp_path: Path
    ) -> None:
        out = tmp_path / "chart.pptx"
        render_chart(un, out)
        (slide,) = Presentation(str(out)).slides
        kinds = {}
        for a, b, shape in slide_lines(slide):
            ln = shape.element.find(".//a:ln", NS)
            dash = ln.find("a:prstDash", NS)
            arrow = ln.find("a:tailEnd", NS)
            prst = shape.element.find(".//a:prstGeom", NS).get("prst")
            kinds[(a, b)] = (prst, dash.get("val") if dash is not None else None, arrow is not None)
        # The dotted line runs round the boxes between, as an elbow.
        prst, dash, arrow = kinds[("cdtu", "oed")]
        assert (prst.startswith("bentConnector"), dash, arrow) == (True, "dash", True)
        reporting = {k: v for k, v in kinds.items() if k != ("cdtu", "oed")}
        assert len(reporting) == len(un.units) - 1
        assert all(
            p.startswith("bentConnector") and d is None and not a for p, d, a in reporting.values()
        )

    def test_a_row_of_children_hangs_from_a_bus_between_the_boxes(self, tmp_path: Path) -> None:
        org = loads(
            """
            version: 1
            units:
              - {id: top, name: Top}
              - {id: a, name: Alpha, parent: top}
              - {id: b, name: Beta, parent: top}
            """
        )
        out = tmp_path / "row.pptx"
        render_chart(org, out, key=False)
        (slide,) = Presentation(str(out)).slides
        shapes = slide_units(slide, org)
        for a, b, shape in slide_lines(slide):
            _, _, start, end = connected(shape)
            assert (a, start, end) == ("top", "2", "0")  # from the bottom into the top
            xfrm = shape.element.find(".//a:xfrm", NS)
            assert xfrm.get("rot") == "5400000"  # its first piece runs down
            (adj,) = shape.element.findall(".//a:gd", NS)
            bus = int(adj.get("fmla").split()[1]) / 100000
            top, child = shapes["top"], shapes[b]
            gap = child.top - (top.top + top.height)
            # The turn halfway between the boxes, as the chart draws it.
            assert bus == pytest.approx(0.5, abs=2 * EMU / gap)

    def test_each_unit_shape_holds_the_charts_text(
        self, un: Organization, book: tuple[Path, Path]
    ) -> None:
        deck = Presentation(str(book[0]))
        shown: dict[str, list[str]] = {}
        for slide in deck.slides:
            for uid, shape in slide_units(slide, un).items():
                shown.setdefault(uid, []).append(flat(shape.text_frame.text))
        assert set(shown) == set(un.units)
        for uid, unit in un.units.items():
            assert all(flat(unit.names.get(None)) in text for text in shown[uid])
        assert "111 posts, 109 filled" in shown["unh"][0]
        # The overview's division boxes say where each division continues.
        assert re.search(r"continued on page \d+", shown["gsd"][0])

    def test_the_key_and_the_page_numbers_are_text(self, book: tuple[Path, Path]) -> None:
        deck = Presentation(str(book[0]))
        texts = [flat(" ".join(_texts(slide.shapes))) for slide in deck.slides]
        total = len(texts)
        for n, text in enumerate(texts, 1):
            assert f"Page {n} of {total}" in text
        assert "Key" in texts[0]
        assert "Reporting line" in texts[0]

    def test_colours_and_borders_come_from_the_chart(
        self, un: Organization, tmp_path: Path
    ) -> None:
        out = tmp_path / "chart.pptx"
        render_chart(un, out, key=False)
        (slide,) = Presentation(str(out)).slides
        shapes = slide_units(slide, un)
        (source,) = chart_sources(un, key=False)
        graph = pygraphviz.AGraph(string=source)
        for node in graph.nodes():
            if node.attr.get("id") != box_id("gsd"):
                continue
            label = read_label(node.attr["label"], 10)
            shape = shapes["gsd"]
            assert f"#{shape.fill.fore_color.rgb}".lower() == label.fill
            assert f"#{shape.line.color.rgb}".lower() == label.line
            assert shape.line.width == pytest.approx(label.border * EMU, abs=1)
        assert shapes["cdtu"].auto_shape_type.name == "ROUNDED_RECTANGLE"
        assert shapes["gsd"].auto_shape_type.name == "RECTANGLE"

    def test_a_highlighted_deliverable_colours_the_units(
        self, un: Organization, tmp_path: Path
    ) -> None:
        out = tmp_path / "highlight.pptx"
        render_chart(un, out, highlight="fs-2019", key=False)
        (slide,) = Presentation(str(out)).slides
        shapes = slide_units(slide, un)
        from raci.render.chart.style import role_colour

        deliverable = un.deliverables["fs-2019"]
        for uid in ("macs",):
            letters = deliverable.roles_of(uid)
            assert letters
            expected = role_colour(un.scheme, letters).fill
            assert f"#{shapes[uid].fill.fore_color.rgb}".lower() == expected
        text = " ".join(_texts(slide.shapes))
        assert deliverable.names.get(None) in text

    def test_the_text_of_every_box_fits_in_it(self, un: Organization, tmp_path: Path) -> None:
        """Lines spaced as office tools space them fit the box Graphviz sized for them
        (closer together where they would not)."""
        out = tmp_path / "posts.pptx"
        render_chart(un, out, highlight="fs-2019", positions=True, key=False)
        (slide,) = Presentation(str(out)).slides
        for uid, shape in slide_units(slide, un).items():
            height = 0.0
            for p in shape.element.iterfind(".//a:p", NS):
                lines = len(p.findall("a:br", NS)) + 1
                pitch = int(p.find("a:pPr/a:lnSpc/a:spcPts", NS).get("val")) / 100
                before = int(p.find("a:pPr/a:spcBef/a:spcPts", NS).get("val")) / 100
                height += lines * pitch + before
            assert height <= shape.height / EMU + 0.5, uid

    def test_chinese_names_stay_text_in_the_charts_fonts(
        self, un: Organization, tmp_path: Path
    ) -> None:
        out = tmp_path / "chart.zh.pptx"
        render_chart(un, out, lang="zh")
        (slide,) = Presentation(str(out)).slides
        gsd = slide_units(slide, un)["gsd"]
        assert un.units["gsd"].names.get("zh") in flat(gsd.text_frame.text)
        run = gsd.element.find(".//a:r/a:rPr", NS)
        assert run.find("a:ea", NS).get("typeface") == "Noto Sans CJK SC"
        assert run.find("a:latin", NS).get("typeface") == "Noto Sans CJK SC"

    def test_arabic_names_run_right_to_left(self, tmp_path: Path) -> None:
        org = loads(
            """
            version: 1
            units:
              - {id: top, name: {en: Top, ar: الأمانة العامة}}
              - {id: a, name: {en: Alpha, ar: إدارة الشؤون الإدارية}, parent: top}
            """
        )
        out = tmp_path / "chart.ar.pptx"
        render_chart(org, out, lang="ar", key=False)
        (slide,) = Presentation(str(out)).slides
        top = slide_units(slide, org)["top"]
        assert "الأمانة العامة" in top.text_frame.text
        first = top.element.find(".//a:p/a:pPr", NS)
        assert first.get("rtl") == "1"
        assert top.element.find(".//a:rPr/a:cs", NS).get("typeface") == "Arial"

    def test_without_python_pptx_the_error_names_the_extra(
        self, un: Organization, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pptx", None)
        with pytest.raises(OutputError, match=r"pip install 'raci\[office\]'"):
            render_chart(un, tmp_path / "chart.pptx")
        assert not (tmp_path / "chart.pptx").exists()


def _texts(shapes: object) -> Iterator[str]:
    """The text of every shape, inside groups too."""
    for shape in shapes:  # type: ignore[attr-defined]
        if shape.shape_type is not None and shape.shape_type.name == "GROUP":
            yield from _texts(shape.shapes)
        elif shape.has_text_frame:
            yield shape.text_frame.text


def drawio_pages(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == "mxfile"
    return [d.find("mxGraphModel/root") for d in root.findall("diagram")]  # type: ignore[misc]


def label_text(value: str) -> str:
    """A draw.io HTML label as the text it shows."""
    return html.unescape(re.sub(r"<br>", " ", re.sub(r"<(?!br>)[^>]*>", "", value)))


class TestDrawio:
    def test_a_diagram_page_per_page_with_every_unit_a_vertex(
        self, un: Organization, book: tuple[Path, Path]
    ) -> None:
        expected = dot_pages(un, paper="A4", split_by="division")
        pages = drawio_pages(book[1])
        assert len(pages) == len(expected)
        for cells, (units, _lines) in zip(pages, expected, strict=True):
            objects = cells.findall("object")
            assert {o.get("unit") for o in objects} == units
            for obj in objects:
                assert obj.get("level") == un.units[obj.get("unit") or ""].level
                (cell,) = obj.findall("mxCell")
                assert cell.get("vertex") == "1"
                assert flat(un.units[obj.get("unit") or ""].names.get(None)) in flat(
                    label_text(obj.get("label") or "")
                )

    def test_every_edge_joins_two_vertices_as_the_chart_does(
        self, un: Organization, book: tuple[Path, Path]
    ) -> None:
        expected = dot_pages(un, paper="A4", split_by="division")
        for cells, (_units, lines) in zip(drawio_pages(book[1]), expected, strict=True):
            unit = {o.get("id"): o.get("unit") for o in cells.findall("object")}
            ids = set(unit) | {c.get("id") for c in cells.iter("mxCell")}
            edges = [c for c in cells.iter("mxCell") if c.get("edge") == "1" and c.get("source")]
            for edge in edges:
                assert edge.get("source") in ids
                assert edge.get("target") in ids
            assert sorted((unit[e.get("source")], unit[e.get("target")]) for e in edges) == sorted(
                lines
            )

    def test_a_vacant_head_keeps_its_dashed_frame(self, book: tuple[Path, Path]) -> None:
        labels = {
            o.get("unit"): o.get("label") or ""
            for cells in drawio_pages(book[1])
            for o in cells.findall("object")
        }
        assert "border:1px dashed #b2182b" in labels["rpd"]  # its head's post is vacant
        assert "dashed" not in labels["gsd"]

    def test_pages_are_the_paper_and_ids_unique(self, book: tuple[Path, Path]) -> None:
        root = ET.parse(book[1]).getroot()
        sizes = {
            (round(w * 100 / 72), round(h * 100 / 72))
            for w, h in (A4.points(), A4.points(landscape=True))
        }
        seen: list[str] = []
        for model in root.iter("mxGraphModel"):
            size = (
                round(float(model.get("pageWidth", 0))),
                round(float(model.get("pageHeight", 0))),
            )
            assert size in sizes
            seen += [
                e.get("id") or ""
                for e in model.iter()
                if e.tag in ("mxCell", "object") and e.get("id")
            ]
        assert len(seen) == len(set(seen))

    def test_square_lines_leave_and_enter_by_the_charts_sides(
        self, book: tuple[Path, Path]
    ) -> None:
        cells = drawio_pages(book[1])[0]
        styles = [c.get("style") or "" for c in cells.iter("mxCell") if c.get("source")]
        orthogonal = [s for s in styles if "orthogonalEdgeStyle" in s]
        assert orthogonal
        assert all("exitX=" in s and "entryY=" in s for s in orthogonal)


@pytest.fixture(scope="module")
def change() -> object:
    folder = EXAMPLES / "restructuring"
    return diff(raci.load(folder / "before.yaml"), raci.load(folder / "after.yaml"))


class TestChangePicture:
    def test_pptx_shapes_are_the_units_and_lines_glued(
        self, change: object, tmp_path: Path
    ) -> None:
        out = tmp_path / "change.pptx"
        render_picture(change, out)  # type: ignore[arg-type]
        (slide,) = Presentation(str(out)).slides
        new, old = change.new, change.old  # type: ignore[attr-defined]
        names = {s.name for s in slide.shapes}
        assert set(new.units) <= names
        abolished = {e["unit"] for e in change.units_removed}  # type: ignore[attr-defined]
        assert abolished
        assert abolished <= names
        lines = list(slide_lines(slide))
        assert len(lines) == sum(1 for u in new.units.values() if u.parent in new.units)
        assert all(new.units[b].parent == a for a, b, _ in lines)
        assert {u for u in old.units if u in abolished} == abolished

    def test_drawio_on_paper(self, change: object, tmp_path: Path) -> None:
        out = tmp_path / "change.drawio"
        render_picture(change, out, paper="A4")  # type: ignore[arg-type]
        pages = drawio_pages(out)
        units = {o.get("unit") for cells in pages for o in cells.findall("object")}
        assert set(change.new.units) <= units  # type: ignore[attr-defined]
        for cells in pages:
            ids = {e.get("id") for e in cells.iter() if e.get("id")}
            for edge in (c for c in cells.iter("mxCell") if c.get("source")):
                assert {edge.get("source"), edge.get("target")} <= ids

    def test_side_by_side_lines_are_drawn(self, change: object, tmp_path: Path) -> None:
        out = tmp_path / "change.pptx"
        render_picture(change, out, style="side-by-side")  # type: ignore[arg-type]
        (slide,) = Presentation(str(out)).slides
        text = flat(" ".join(_texts(slide.shapes)))
        assert "Before" in text
        assert "After" in text


def test_the_route_of_a_lone_column_is_a_bracket_from_the_parents_left_side() -> None:
    parent = (100.0, 0.0, 200.0, 40.0)
    child = (128.0, 60.0, 150.0, 30.0)
    route = elbow(parent, child, [(114.0, 40.0), (114.0, 75.0), (128.0, 75.0)], turn=9.0)
    assert (route.start, route.end) == ("left", "left")
    assert route.points == ((100.0, 20.0), (91.0, 20.0), (91.0, 75.0), (128.0, 75.0))


def test_the_route_of_a_stacked_column_keeps_the_charts_bends() -> None:
    parent = (100.0, 0.0, 200.0, 40.0)
    child = (320.0, 80.0, 150.0, 30.0)
    chart = [(200.0, 40.0), (200.0, 55.0), (306.0, 55.0), (306.0, 95.0), (320.0, 95.0)]
    route = elbow(parent, child, chart)
    assert (route.start, route.end) == ("bottom", "left")
    assert route.points == tuple(chart)


def test_a_label_reads_back_as_paragraphs_of_styled_runs() -> None:
    label = read_label(
        '<TABLE BORDER="2" STYLE="rounded" BGCOLOR="#dde5ee" COLOR="#1f2d3d" CELLPADDING="3">'
        '<TR><TD><FONT POINT-SIZE="14" COLOR="#1a1a1a"><B>Back\\\\slash &amp;<BR/>Co</B>'
        "</FONT></TD></TR><HR/>"
        '<TR><TD BGCOLOR="#fdd0a2" ALIGN="LEFT">Chief <I>vacant</I> <B>A</B></TD></TR></TABLE>',
        10,
    )
    assert (label.fill, label.line, label.border, label.rounded) == (
        "#dde5ee",
        "#1f2d3d",
        2.0,
        True,
    )
    name, post = label.paragraphs
    assert name.text == "Back\\slash &\nCo"
    assert {(r.size, r.bold, r.colour) for line in name.lines for r in line} == {
        (14.0, True, "#1a1a1a")
    }
    assert (post.align, post.fill) == ("left", "#fdd0a2")
    assert [(r.text, r.italic, r.bold) for r in post.lines[0]] == [
        ("Chief ", False, False),
        ("vacant", True, False),
        (" ", False, False),
        ("A", False, True),
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_deck(
    un: Organization, book: tuple[Path, Path], tmp_path: Path
) -> None:
    """LibreOffice opens the deck and prints every slide, the names on them."""
    from pypdf import PdfReader

    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book[0]),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "chart.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) == len(Presentation(str(book[0])).slides)
    text = flat(" ".join(page.extract_text() or "" for page in reader.pages))
    for name in ("Global Solutions Division", "Regional Programmes", "Executive Director"):
        assert name in text
    assert f"Page 1 of {len(reader.pages)}" in text


@pytest.mark.parametrize("suffix", [".pptx", ".drawio"])
def test_characters_xml_cannot_hold_are_left_out(tmp_path: Path, suffix: str) -> None:
    """A name or id with U+FFFE (JSON reads it; XML cannot hold it) still writes a file
    its tools open, the rest of the name shown."""
    path = tmp_path / "org.json"
    path.write_text(
        '{"version": 1, "units": [{"id": "a\\ufffeb", "name": "Na\\ufffeme"},'
        ' {"id": "c", "name": "C", "parent": "a\\ufffeb"}]}',
        encoding="utf-8",
    )
    out = tmp_path / f"chart{suffix}"
    with pytest.warns(GraphvizWarning):
        render_chart(raci.load(path), out)
    if suffix == ".pptx":
        (slide,) = Presentation(str(out)).slides
        names = {s.name: s for s in slide.shapes}
        assert flat(names["ab"].text_frame.text) == "Name"
    else:
        objects = {o.get("unit"): o for o in ET.parse(out).getroot().iter("object")}
        assert set(objects) == {"ab", "c"}
        assert "Name" in label_text(objects["ab"].get("label") or "")
