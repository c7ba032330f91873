"""Org charts: the DOT they build, and that Graphviz really renders them."""

from __future__ import annotations

import re
import struct
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pygraphviz
import pytest
from pypdf import PdfReader

import raci
from helpers import EXAMPLES, ROOT, loads
from raci.exceptions import OutputError, QueryError
from raci.model import Names, Organization, Unit
from raci.render import engine
from raci.render.chart.orgchart import (
    ChartWarning,
    FontWarning,
    chart_key,
    chart_pages,
    chart_sources,
    render_chart,
)
from raci.render.chart.words import ChartWords
from raci.render.dot import wrap

SVG = "{http://www.w3.org/2000/svg}"

SMALL = """
version: 1
organization:
  name: Acme
  levels: [organization, division, branch, section]
units:
  - id: top
    name: {en: Acme Corporation, zh: 顶峰公司}
    level: organization
    head: boss
    units:
      - {id: fo, name: {en: Front Office, zh: 前台办公室}, level: division, staff: true}
      - id: ops
        name: {en: Operations Division, zh: 运营司}
        level: division
        headcount: 3
        units:
          - {id: plants, name: Plants Branch, level: branch, headcount: 10}
          - {id: depots, name: Depots Branch, level: branch, also_reports_to: [fo]}
      - id: fin
        name: {en: Finance Division}
        level: division
        units:
          - {id: tax, name: Tax Branch, level: branch}
positions:
  - {id: boss, title: {en: Chief Executive, zh: 首席执行官}, unit: top, holder: Ann Lee}
  - {id: acct, title: Accountant, unit: fin, holder: Bo Chan}
  - {id: clerk, title: Clerk, unit: fin, vacant: true}
external:
  - {id: board, name: Supervisory Board}
deliverables:
  - id: report
    name: Annual report
    raci: {A: boss, R: [fin], C: [ops, acct], I: [board]}
"""


def small() -> Organization:
    return loads(SMALL)


def small_without_dotted_lines() -> Organization:
    return loads(SMALL.replace(", also_reports_to: [fo]", ""))


def dot(org: Organization | None = None, **options: object) -> str:
    """The one page's DOT text; without the key unless ``key=True`` (it is a node too)."""
    options.setdefault("key", False)
    (page,) = chart_sources(org or small(), **options)
    return page


def node_line(source: str, name: str) -> str:
    """The DOT statement that declares node ``name``, without the widths and the position
    (they depend on the fonts installed) and the box's SVG id."""
    for line in source.splitlines():
        if line.strip().startswith(f"{name} [label="):
            return re.sub(r' WIDTH="\d+"| pos="[^"]*"| id="unit-[^"]*"', "", line)
    raise AssertionError(f"no node {name} in\n{source}")


def centre(source: str, name: str) -> tuple[float, float]:
    """Where node ``name`` sits (Graphviz coordinates: y grows upwards)."""
    graph = graph_of(source)
    x, y = graph.get_node(name).attr["pos"].split(",")
    return float(x), float(y)


def graph_of(source: str) -> pygraphviz.AGraph:
    return pygraphviz.AGraph(string=source)


def flat(units: int, parent_name: str = "Parent") -> Organization:
    """A root with ``units`` leaf children, built in memory."""
    made = {"p": Unit("p", Names.plain(parent_name))}
    for i in range(units):
        made[f"c{i}"] = Unit(f"c{i}", Names.plain(f"Country Office {i}"), parent="p")
    return Organization(units=made)


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def svg_size(path: Path) -> tuple[float, float]:
    root = ET.parse(path).getroot()
    return float(root.attrib["width"].removesuffix("pt")), float(
        root.attrib["height"].removesuffix("pt")
    )


class TestStructure:
    def test_boxes_top_down_with_plain_edges(self) -> None:
        source = dot()
        assert "arrowhead=none" in source
        assert "layout=nop2" in source
        edges = set(graph_of(source).edges())
        for parent, child in (("top", "ops"), ("top", "fin"), ("ops", "plants"), ("fin", "tax")):
            assert (parent, child) in edges
            assert centre(source, child)[1] < centre(source, parent)[1]

    def test_graph_parses_with_every_unit(self) -> None:
        g = graph_of(dot())
        assert set(g.nodes()) == {"top", "fo", "ops", "fin", "plants", "depots", "tax"}
        assert g.number_of_edges() == 7

    def test_staff_office_sits_beside_its_parent(self) -> None:
        source = dot()
        top, fo, ops = centre(source, "top"), centre(source, "fo"), centre(source, "ops")
        assert fo[0] > top[0]
        assert abs(fo[1] - top[1]) < 40
        assert ops[1] < top[1] - 30
        graph = graph_of(source)
        assert graph.get_edge("top", "fo").attr["penwidth"] == "1.6"

    def test_also_reports_to_is_a_dotted_line_that_does_not_move_boxes(self) -> None:
        source = dot()
        graph = graph_of(source)
        line = graph.get_edge("depots", "fo").attr
        assert (line["style"], line["arrowhead"], line["color"]) == ("dashed", "vee", "#7b3294")
        without = small_without_dotted_lines()
        assert centre(dot(without), "depots") == centre(source, "depots")

    def test_root_option_draws_the_subtree_only(self) -> None:
        g = graph_of(dot(root="ops"))
        assert set(g.nodes()) == {"ops", "plants", "depots"}

    def test_depth_hides_lower_units_and_says_how_many(self) -> None:
        source = dot(depth=1)
        assert set(graph_of(source).nodes()) == {"top", "fo", "ops", "fin"}
        assert "+2 units below" in node_line(source, "ops")
        assert "+1 unit below" in node_line(source, "fin")

    def test_depth_zero_is_the_root_alone(self) -> None:
        assert set(graph_of(dot(depth=0)).nodes()) == {"top"}

    def test_broken_models_still_chart(self) -> None:
        org = loads("""
            version: 1
            units:
              - {id: a}
              - {id: b, parent: c}
              - {id: c, parent: b}
              - {id: d, parent: a, also_reports_to: [ghost, d, b]}
              - {id: e, parent: ghost}
            """)
        with pytest.warns(UserWarning, match="`b`, `e` cannot be reached from a top unit"):
            assert set(graph_of(dot(org)).nodes()) == {"a", "b", "c", "d", "e"}
        assert set(graph_of(dot(org, root="b")).nodes()) == {"b", "c"}

    def test_chart_of_a_forest_draws_every_root(self) -> None:
        units = {u: Unit(u, Names.plain(u.upper())) for u in ("a", "b")}
        assert set(graph_of(dot(Organization(units=units))).nodes()) == {"a", "b"}


class TestLabels:
    def test_unit_label_exactly(self) -> None:
        assert node_line(dot(), "top") == (
            '\ttop [label=<<TABLE BORDER="3" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"'
            ' BGCOLOR="#dde5ee" COLOR="#1f2d3d">'
            '<TR><TD><FONT POINT-SIZE="14" COLOR="#1a1a1a"><B>Acme Corporation</B></FONT></TD></TR>'
            '<TR><TD><FONT POINT-SIZE="9" COLOR="#1a1a1a">Chief Executive</FONT></TD></TR>'
            '<TR><TD><FONT POINT-SIZE="9" COLOR="#1a1a1a"><I>Ann Lee</I></FONT></TD></TR>'
            '<TR><TD><FONT POINT-SIZE="8" COLOR="#404040">16 posts, 15 filled</FONT></TD></TR>'
            "</TABLE>>]"
        )

    def test_posts_of_the_unit_and_those_below(self) -> None:
        source = dot()
        assert ">13 posts<" in node_line(source, "ops")
        assert ">10 posts<" in node_line(source, "plants")
        assert ">2 posts, 1 filled<" in node_line(source, "fin")  # its head is vacant
        assert "post" not in node_line(source, "tax")  # nothing known: no count
        assert (ChartWords.for_lang("en").posts(1), ChartWords.for_lang("en").posts(1234)) == (
            "1 post",
            "1,234 posts",
        )

    def test_heads_and_headcount_can_be_left_out(self) -> None:
        line = node_line(dot(heads=False, headcount=False), "top")
        assert "Chief Executive" not in line
        assert "post" not in line

    def test_long_names_wrap_and_are_never_cut(self) -> None:
        name = "Office for the Coordination of Humanitarian Affairs and Emergency Relief"
        org = Organization(units={"x": Unit("x", Names.plain(name))})
        line = node_line(dot(org), "x")
        assert "<BR/>" in line
        assert re.sub(r"<[^>]+>", " ", line.split("<B>")[1].split("</B>")[0]).split() == (
            name.split()
        )

    def test_wrap_breaks_cjk_between_characters_and_keeps_every_character(self) -> None:
        text = "联合国人类住区规划署（人居署）执行主任办公室"
        lines = wrap(text, 16)
        assert len(lines) > 1
        assert "".join(lines) == text

    def test_lang_picks_the_names_and_falls_back_to_the_default(self) -> None:
        source = dot(lang="zh")
        assert "顶峰公司" in node_line(source, "top")
        assert "首席执行官" in node_line(source, "top")
        assert "Finance Division" in node_line(source, "fin")
        assert ">13 个职位<" in node_line(source, "ops")

    def test_the_languages_own_fonts_come_first(self) -> None:
        assert re.search(r'\tnode \[fontname="Noto Sans, ', dot())
        assert re.search(r'\tnode \[fontname="Noto Sans CJK SC, ', dot(lang="zh"))
        assert re.search(r'\tnode \[fontname="Noto Sans CJK JP, ', dot(lang="ja"))

    def test_title(self) -> None:
        assert "<B>Before &amp; after</B>" in dot(title="Before & after")

    def test_positions_are_listed_in_their_unit(self) -> None:
        line = node_line(dot(positions=True), "fin")
        assert "<HR/>" in line
        assert "Accountant" in line
        assert "<I>Bo Chan</I>" in line
        assert '<FONT POINT-SIZE="8" COLOR="#b2182b"><I>vacant</I></FONT>' in line
        assert "Accountant" not in node_line(dot(), "fin")


class TestEscaping:
    HOSTILE = '"]; evil -> x; // <b>bold</b> & \\ back\\slash \\N \\G\nnew line'

    def hostile(self) -> Organization:
        units = {
            "root": Unit("root", Names.plain(self.HOSTILE)),
            'a"b': Unit('a"b', Names.plain("Quote id"), parent="root"),
            "x\\": Unit("x\\", Names.plain("Backslash id"), parent="root"),
            "<i>": Unit("<i>", Names.plain("Markup id"), parent="root", also_reports_to=("a:b",)),
            "a:b": Unit("a:b", Names.plain("Colon id"), parent="root"),
        }
        return Organization(units=units)

    def test_hostile_names_are_escaped(self) -> None:
        source = dot(self.hostile(), title="</TABLE>>]; x", stack=10)
        assert "<B>&quot;]; evil -&gt; x; // &lt;b&gt;bold&lt;/b&gt;<BR/>" in source
        assert "<BR/>&amp; \\\\ back\\\\slash \\\\N \\\\G new line</B>" in source
        assert "&lt;/TABLE&gt;&gt;]; x" in source
        assert "<b>" not in source

    def test_hostile_ids_cannot_break_the_graph(self) -> None:
        g = graph_of(dot(self.hostile(), stack=10))
        assert g.number_of_nodes() == 5
        assert g.number_of_edges() == 5
        assert "evil" not in g.nodes()

    def test_hostile_names_render_as_text(self, tmp_path: Path) -> None:
        out = tmp_path / "h.svg"
        render_chart(self.hostile(), out, stack=10)
        texts = svg_texts(out)
        assert '"]; evil -> x; // <b>bold</b>' in texts
        # Graphviz would draw \N and \G as the node's and the graph's names.
        assert "& \\ back\\slash \\N \\G new line" in texts


class TestUnshowableNames:
    """Control characters are dropped from labels; a name, title or holder with nothing
    left to show never gives an empty label (Graphviz rejects ``<B></B>``): a unit or post
    shows its id, a holder U+FFFD."""

    ONLY = 'version: 1\nunits:\n  - {id: only, name: "\\x01\\x02"}\n'
    MANY = """\
version: 1
units:
  - {id: top, name: "Top \\x01 unit", head: boss}
  - {id: blank, name: "\\x01\\x02", parent: top}
  - {id: b, name: B, parent: top}
positions:
  - {id: boss, title: "\\x01", unit: top, holder: "\\x02"}
  - {id: post-b, title: "\\x01\\x02", unit: b, holder: "Ann \\x03Lee"}
"""

    def chart(self, tmp_path: Path, model: str, suffix: str) -> tuple[Path, str]:
        from click.testing import CliRunner

        from raci.cli import cli

        source, out = tmp_path / "org.yaml", tmp_path / f"chart.{suffix}"
        source.write_text(model, encoding="utf-8")
        result = CliRunner().invoke(cli, ["chart", str(source), "--positions", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"wrote {out}\n"
        return out, result.stderr

    @pytest.mark.parametrize("suffix", ["svg", "png"])
    def test_the_only_box(self, tmp_path: Path, suffix: str) -> None:
        out, err = self.chart(tmp_path, self.ONLY, suffix)
        assert err == ""
        if suffix == "svg":
            assert svg_texts(out) == ["Key", "Level 1", "only"]

    @pytest.mark.parametrize("suffix", ["svg", "png"])
    def test_many_boxes(self, tmp_path: Path, suffix: str) -> None:
        out, err = self.chart(tmp_path, self.MANY, suffix)
        assert err == ""
        if suffix == "svg":
            texts = [" ".join(t.split()) for t in svg_texts(out)]
            for shown in ("Top unit", "blank", "boss", "\\x02", "post-b", "Ann Lee", "B"):
                assert shown in texts

    def test_labels_hold_no_empty_text_and_graphviz_reports_nothing(self, tmp_path: Path) -> None:
        org = loads(self.MANY)
        source = dot(org, positions=True)
        assert not re.search(r"<(B|I|FONT[^>]*)></", source)
        assert "\x01" not in source
        for suffix in ("svg", "png"):
            with warnings.catch_warnings():
                warnings.simplefilter("error", engine.GraphvizWarning)
                render_chart(org, tmp_path / f"c.{suffix}", positions=True)


class TestStyles:
    def fill(self, source: str, node: str) -> str:
        found = re.search(r'BGCOLOR="(#[0-9a-f]{6})"', node_line(source, node))
        assert found
        return found.group(1)

    def line_colour(self, source: str, node: str) -> str:
        found = re.search(r' COLOR="(#[0-9a-f]{6})"', node_line(source, node))
        assert found
        return found.group(1)

    def test_one_colour_family_per_division(self) -> None:
        source = dot()
        assert len({self.fill(source, n) for n in ("fo", "ops", "fin")}) == 3
        assert self.line_colour(source, "plants") == self.line_colour(source, "ops")
        assert self.line_colour(source, "tax") == self.line_colour(source, "fin")
        assert self.fill(source, "plants") != self.fill(source, "ops")

    def test_families_stay_the_same_under_another_root(self) -> None:
        assert self.fill(dot(root="ops"), "plants") == self.fill(dot(), "plants")

    def test_level_shows_in_the_border(self) -> None:
        source = dot()
        assert 'BORDER="3"' in node_line(source, "top")
        assert 'BORDER="2"' in node_line(source, "ops")
        assert 'BORDER="1"' in node_line(source, "plants")

    def test_levels_the_model_does_not_use_leave_no_gap(self) -> None:
        org = loads("""
            version: 1
            units:
              - {id: a, level: organization, units: [{id: b, level: division}]}
            """)
        assert 'BORDER="2"' in node_line(dot(org), "b")

    def test_deep_levels_have_rounded_boxes(self) -> None:
        org = loads("""
            version: 1
            units:
              - id: a
                units: [{id: b, units: [{id: c, units: [{id: d}]}]}]
            """)
        source = dot(org)
        assert 'STYLE="rounded"' in node_line(source, "d")
        assert 'STYLE="rounded"' not in node_line(source, "c")


class TestStacking:
    def test_many_leaves_stack_in_columns_each_with_its_own_line(self) -> None:
        source = dot(flat(12))
        g = graph_of(source)
        assert g.number_of_nodes() == 13
        assert set(g.edges()) == {("p", f"c{i}") for i in range(12)}
        columns = {centre(source, f"c{i}")[0] for i in range(12)}
        assert 1 <= len(columns) < 12

    def test_columns_read_down(self) -> None:
        source = dot(flat(12))
        first, second = centre(source, "c0"), centre(source, "c1")
        assert first[0] == second[0]
        assert first[1] > second[1]

    def test_few_leaves_stay_in_a_row(self) -> None:
        source = dot(flat(3))
        rows = {centre(source, f"c{i}")[1] for i in range(3)}
        assert len(rows) == 1
        assert len({centre(source, f"c{i}")[0] for i in range(3)}) == 3

    def test_dotted_line_to_a_stacked_unit(self) -> None:
        org = flat(8)
        units = dict(org.units)
        units["c5"] = Unit("c5", Names.plain("Five"), parent="p", also_reports_to=("c0",))
        g = graph_of(dot(Organization(units=units)))
        assert g.get_edge("c5", "c0").attr["style"] == "dashed"

    def test_staff_children_never_stack(self) -> None:
        org = flat(8)
        units = dict(org.units)
        units["c0"] = Unit("c0", Names.plain("Staff"), parent="p", staff=True)
        source = dot(Organization(units=units))
        assert abs(centre(source, "c0")[1] - centre(source, "p")[1]) < 20
        assert centre(source, "c1")[1] < centre(source, "p")[1] - 30

    def test_1200_siblings_fit_a_page(self, tmp_path: Path) -> None:
        out = tmp_path / "wide.svg"
        render_chart(flat(1200), out)
        width, height = svg_size(out)
        assert width <= 4 * height
        assert "Country Office 1199" in svg_texts(out)

    def test_a_deep_wide_hierarchy_fits_a_page(self, tmp_path: Path) -> None:
        """421 units, 4 divisions of 4 branches of 5 sections of 4 units: the levels
        nest in grids instead of one row thousands of boxes wide."""
        made = {"top": Unit("top", Names.plain("Top"))}

        def add(parent: str, count: int, depth: int) -> None:
            for i in range(count):
                uid = f"{parent}-{i}"
                made[uid] = Unit(uid, Names.plain(f"Unit {uid}"), parent=parent)
                if depth:
                    add(uid, {3: 4, 2: 5, 1: 4}[depth], depth - 1)

        add("top", 4, 3)
        org = Organization(units=made)
        assert len(org.units) == 421
        out = tmp_path / "deep.svg"
        render_chart(org, out)
        width, height = svg_size(out)
        assert width <= 4 * height
        assert sum(t.startswith("Unit top-") for t in svg_texts(out)) == 420


class TestHighlight:
    def test_boxes_take_the_colour_of_their_role(self) -> None:
        source = dot(highlight="report")
        assert 'BGCOLOR="#5db0ec"' in node_line(source, "fin")
        assert 'BGCOLOR="#86dab4"' in node_line(source, "ops")
        assert 'BGCOLOR="#d9642c"' in node_line(source, "top")
        assert 'BGCOLOR="#ffffff"' in node_line(source, "tax")

    def test_posts_not_drawn_lend_their_roles_to_the_unit(self) -> None:
        line = node_line(dot(highlight="report"), "top")
        assert "<B>A</B>: Chief Executive" in line

    def test_drawn_posts_are_coloured_themselves(self) -> None:  # widths taken out
        source = dot(highlight="report", positions=True)
        assert 'BGCOLOR="#ffffff"' in node_line(source, "top")
        assert '<TD BGCOLOR="#d9642c"><FONT POINT-SIZE="9"' in node_line(source, "top")
        assert '<TD BGCOLOR="#86dab4" ALIGN="LEFT">' in node_line(source, "fin")

    def test_legend_names_the_deliverable_roles_and_outside_parties(self) -> None:
        source = dot(highlight="report")
        label = node_line(source, '"#legend"')
        assert "Roles on: Annual report" in label
        for role in ("Responsible", "Accountable", "Consulted", "Informed", "no role"):
            assert role in label
        assert "Outside the chart: Supervisory Board (I)" in label

    def test_unknown_deliverable_is_an_error(self) -> None:
        with pytest.raises(QueryError, match="no deliverable has the id or name 'nope'"):
            dot(highlight="nope")


class TestOptionErrors:
    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"lang": 5}, "lang must be a language code such as 'zh', or None \\(got int 5\\)"),
            ({"depth": "2"}, "depth must be an int or None \\(got str '2'\\)"),
            ({"positions": 1}, "positions must be True or False \\(got int 1\\)"),
            ({"depht": 2}, "unexpected keyword argument 'depht'"),
        ],
    )
    def test_wrong_types_and_misspelt_options(
        self, options: dict[str, object], message: str
    ) -> None:
        with pytest.raises(TypeError, match=message):
            chart_sources(small(), **options)  # type: ignore[arg-type]

    def test_org_must_be_an_organization(self, tmp_path: Path) -> None:
        with pytest.raises(TypeError, match="org must be an Organization \\(got str"):
            render_chart("org.yaml", tmp_path / "c.svg")  # type: ignore[arg-type]

    def test_unknown_root(self) -> None:
        with pytest.raises(QueryError, match="no unit with id 'boss' \\(it is a position\\)"):
            dot(root="boss")

    def test_negative_depth(self) -> None:
        with pytest.raises(ValueError, match="'depth' must be >= 0: -1"):
            dot(depth=-1)

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match=r"cannot write a chart as '\.jpg'"):
            render_chart(small(), tmp_path / "c.jpg")

    def test_no_units(self) -> None:
        with pytest.raises(QueryError, match="no units"):
            dot(Organization())

    def test_refuses_to_overwrite_the_input(self, tmp_path: Path) -> None:
        model = tmp_path / "org.svg"
        model.write_text("not really", encoding="utf-8")
        org = Organization(units={"a": Unit("a", Names.plain("A"))}, source=str(model))
        with pytest.raises(OutputError, match="input"):
            render_chart(org, model)
        assert model.read_text(encoding="utf-8") == "not really"


class TestSplit:
    def test_one_page_per_unit_at_the_level(self) -> None:
        pages = chart_sources(small(), split_by="division")
        units = [[n for n in graph_of(p).nodes() if not n.startswith("#")] for p in pages]
        assert [sorted(u) for u in units] == [
            ["fo"],
            ["depots", "ops", "plants"],
            ["fin", "tax"],
        ]

    def test_split_by_depth(self) -> None:
        assert len(chart_sources(small(), split_by="2")) == 3

    def test_unknown_level(self) -> None:
        with pytest.raises(QueryError, match="unknown level 'nope'"):
            chart_sources(small(), split_by="nope")

    def test_level_with_no_unit(self) -> None:
        with pytest.raises(QueryError, match="no unit at level 'section'"):
            chart_sources(small(), split_by="section")

    def test_pdf_has_one_page_per_subtree(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        assert render_chart(small(), out, split_by="division") == [out]
        assert len(PdfReader(out).pages) == 3

    def test_svg_pages_are_numbered_files(self, tmp_path: Path) -> None:
        written = render_chart(small(), tmp_path / "c.svg", split_by="division")
        assert [p.name for p in written] == ["c-1.svg", "c-2.svg", "c-3.svg"]
        assert "Tax Branch" in svg_texts(written[2])
        assert not (tmp_path / "c.svg").exists()


class TestRendering:
    def test_svg(self, tmp_path: Path) -> None:
        out = tmp_path / "c.svg"
        assert render_chart(small(), out) == [out]
        texts = svg_texts(out)
        for name in ("Acme Corporation", "Operations Division", "Tax Branch", "Ann Lee"):
            assert name in texts
        width, height = svg_size(out)
        assert width > height > 100

    def test_png(self, tmp_path: Path) -> None:
        out = tmp_path / "c.png"
        render_chart(small(), out)
        data = out.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert width > height > 200

    def test_pdf(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        render_chart(small(), out)
        assert out.read_bytes()[:5] == b"%PDF-"
        assert len(PdfReader(out).pages) == 1

    def test_dot_file_is_the_source(self, tmp_path: Path) -> None:
        out = tmp_path / "c.dot"
        render_chart(small(), out, lang="zh")
        assert out.read_text(encoding="utf-8") == dot(lang="zh", key=True)

    def test_chinese_svg_keeps_the_characters(self, tmp_path: Path) -> None:
        out = tmp_path / "c.svg"
        render_chart(small(), out, lang="zh")
        assert "顶峰公司" in svg_texts(out)

    @pytest.mark.skipif(not engine.font_available("cjk"), reason="no CJK font installed")
    def test_chinese_pdf_embeds_a_font_with_the_glyphs(self, tmp_path: Path) -> None:
        out = tmp_path / "c.pdf"
        render_chart(small(), out, lang="zh")
        fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
        names = [str(f.get_object()["/BaseFont"]) for f in fonts.values()]
        assert any(re.search(r"CJK|SourceHan|WenQuanYi|PingFang|YaHei", n) for n in names), names

    @pytest.mark.skipif(not engine.font_available("cjk"), reason="no CJK font installed")
    def test_chinese_boxes_are_sized_by_the_text_in_the_font(self) -> None:
        """Graphviz measures each label in the chart's font: with a CJK font installed an
        ideograph of a top unit's 14 pt name takes about 14 pt of its box (a box sized
        for the placeholder glyphs of a missing font would grow 22 pt an ideograph)."""

        def width(name: str) -> float:
            org = Organization(units={"top": Unit("top", Names({"zh": name}))})
            found = re.search(r'<TABLE WIDTH="(\d+)"', dot(org, lang="zh"))
            assert found
            return float(found.group(1))

        assert width("汉" * 12) - width("汉" * 8) == pytest.approx(4 * 14, abs=4)

    def test_warns_when_no_cjk_font_is_installed(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        with pytest.warns(FontWarning, match="fonts-noto-cjk"):
            render_chart(small(), tmp_path / "c.png", lang="zh")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render_chart(small(), tmp_path / "c.svg", lang="zh")
            render_chart(small(), tmp_path / "en.png")

    def test_fontconfig_noise_is_kept_from_stderr(self, capfd: pytest.CaptureFixture[str]) -> None:
        engine.render(dot(lang="zh"), "png", engine="dot")
        assert "Fontconfig" not in capfd.readouterr().err

    def test_without_pygraphviz_a_graphviz_program_renders(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        fake = tmp_path / "dot"
        fake.write_text(
            f"#!{sys.executable}\nimport sys\n"
            "sys.stdout.write(' '.join(sys.argv[1:]) + '|' + sys.stdin.read())\n",
            encoding="utf-8",
        )
        fake.chmod(0o755)
        monkeypatch.setitem(sys.modules, "pygraphviz", None)
        monkeypatch.setenv("PATH", str(tmp_path))
        pinned = engine.render("digraph {}", "png", dpi=150)
        assert pinned == b"-Kneato -Tpng -n2|digraph {\tdpi=150\n}\n"
        assert engine.render("digraph {}", "svg", engine="dot") == b"-Kdot -Tsvg|digraph {}"

    def test_without_any_graphviz_the_error_says_what_to_install(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pygraphviz", None)
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(OutputError, match="pip install pygraphviz"):
            render_chart(small(), tmp_path / "c.svg")

    def test_render_chart_is_exported(self) -> None:
        assert raci.render_chart is render_chart


class TestExample:
    MODEL = EXAMPLES / "un-habitat-2020" / "org.yaml"

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_example_renders(self, tmp_path: Path, lang: str) -> None:
        out = tmp_path / f"chart.{lang}.svg"
        render_chart(raci.load(self.MODEL), out, lang=lang)
        root = ET.parse(out).getroot()
        assert len(list(root.iter(f"{SVG}g"))) > 20

    def test_staff_office_is_beside_the_top(self) -> None:
        org = raci.load(self.MODEL)
        staff = [u for u in org.children(org.root) if org.units[u].staff]
        source = dot(org)
        assert staff
        for uid in staff:
            assert abs(centre(source, uid)[1] - centre(source, org.root)[1]) < 30


def test_benchmark_script_builds_its_cases() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_chart
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert len(bench_chart.hierarchy(400).units) == 400
    assert len(bench_chart.siblings(10).units) == 11


class TestForDocuments:
    """The pages and the key a document draws itself (the restructuring annex)."""

    def test_the_pages_are_those_render_chart_draws(self) -> None:
        options = raci.ChartOptions(paper="A5", landscape=True, split_by="auto", key=False)
        pages = chart_pages(small(), options)
        assert [p.source for p in pages] == chart_sources(small(), options)
        assert {(round(p.width), round(p.height)) for p in pages} == {(595, 420)}

    def test_text_too_small_for_the_paper_warns_as_render_chart_does(self) -> None:
        with pytest.warns(ChartWarning, match="under 6 pt"):
            chart_pages(flat(60), paper="A5")

    def test_the_key_of_the_whole_chart(self) -> None:
        source = chart_key(small())
        texts = svg_text_of(engine.render(source, "svg", engine="dot"))
        assert {"Reporting line", "organization", "division", "branch"} <= texts
        assert "Also reports to (arrow: to whom)" in texts
        assert "Also reports to (arrow: to whom)" not in svg_text_of(
            engine.render(chart_key(small_without_dotted_lines()), "svg", engine="dot")
        )


def svg_text_of(data: bytes) -> set[str]:
    """The lines of text of an SVG."""
    root = ET.fromstring(data)
    return {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
