"""Mermaid: the org chart as a flowchart (``.mmd``) and the change as a block of the
Markdown diff, read back line by line, and drawn by mermaid-cli where it is installed."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads, mermaid_blocks, mermaid_parts, mmdc, svg_labels
from raci.cli import cli
from raci.model import Names, Organization, Position, Unit
from raci.render.change.as_mermaid import change_diagram
from raci.render.change.marks import LOOKS, MOVED_LINE
from raci.render.chart.orgchart import ChartWarning, render_chart
from raci.render.chart.style import FAMILIES, ROOT, VACANT
from raci.render.mermaid import MAX_EDGES, MermaidWarning, front_matter, label, node_id, size
from raci.restructure.report import render_markdown

UN = EXAMPLES / "un-habitat-2020" / "org.yaml"
RESTRUCTURING = EXAMPLES / "restructuring"

SMALL = """
version: 1
organization:
  name: {en: Acme, zh: 顶峰}
  levels: [organization, division, branch, section]
units:
  - id: top
    name: {en: Acme Corporation, zh: 顶峰公司}
    level: organization
    head: boss
    units:
      - {id: front-office, name: Front Office, level: division, staff: true}
      - id: ops
        name: {en: Operations Division, zh: 运营司}
        level: division
        head: ops-chief
        posts: {P-5: 1, P-3: 2}
        units:
          - id: plants
            name: Plants Branch
            level: branch
            units:
              - {id: boilers, name: Boilers Section, level: section}
          - {id: depots, name: Depots Branch, level: branch, also_reports_to: [front-office]}
positions:
  - {id: boss, title: {en: Chief Executive, zh: 首席执行官}, unit: top, holder: Ann Lee}
  - {id: ops-chief, title: Chief of Operations, unit: ops, grade: P-5, vacant: true}
  - {id: clerk, title: Clerk, unit: ops, grade: P-3, holder: Bo Chan}
"""


#: Names that Mermaid would read as something else, and what a label must show of them.
HOSTILE = [
    ('say "hi" <b>bold</b> & more', 'say "hi" <b>bold</b> & more'),
    ("#quot; is not a quote; #35; nor &amp;", "#quot; is not a quote; #35; nor &amp;"),
    ("%%{init: {'theme': 'dark'}}%% 100%", "%%{init: {'theme': 'dark'}}%% 100%"),
    ("a --> b -.-> c ::: d ]) } click x", "a --> b -.-> c ::: d ]) } click x"),
    ("Lifestyle: #1; style a fill:#f00;", "Lifestyle: #1; style a fill:#f00;"),
    ("`**not markdown**`", "`**not markdown**`"),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("two\nlines\r\x1b[31m\u202e", "two\nlines[31m"),
    ("tab\there\ufffe", "tab here"),
]


def mmd(org: Organization, **options: object) -> str:
    text = render_chart(org, format="mmd", **options)
    assert isinstance(text, str)
    return text


def classes(text: str) -> dict[str, set[str]]:
    """Each class and the nodes in it."""
    found: dict[str, set[str]] = {}
    for nodes, name in re.findall(r"^ +class ([\w,]+) (\w+)$", text, re.M):
        found.setdefault(name, set()).update(nodes.split(","))
    return found


def class_styles(text: str) -> dict[str, dict[str, str]]:
    return {
        name: dict(part.split(":", 1) for part in css.split(","))
        for name, css in re.findall(r"^ +classDef (\w+) (.+)$", text, re.M)
    }


def link_styles(text: str) -> dict[str, str]:
    """Each line's number (or ``default``) and its style."""
    found = {}
    for numbers, css in re.findall(r"^ +linkStyle ([\w,]+) (.+)$", text, re.M):
        found.update(dict.fromkeys(numbers.split(","), css))
    return found


class TestText:
    """The pieces every Mermaid output is written with."""

    @pytest.mark.parametrize(
        "ids",
        [
            ["gsd", "gsd-ops", "gsd_ops", "gsd_2d_ops", "GSD", "end", "x", "o"],
            ["a b", "a_20_b", "a__b", "a_b", "人居署", "a%%b", "a:::b", "-->"],
        ],
    )
    def test_node_ids_are_safe_distinct_and_stable(self, ids: list[str]) -> None:
        made = [node_id(i) for i in ids]
        assert all(re.fullmatch(r"u_\w+", m) and m.isascii() for m in made), made
        assert len(set(made)) == len(ids)
        assert made == [node_id(i) for i in ids]
        assert node_id("gsd-ops") == "u_gsd_2d_ops"

    def test_a_very_long_id_is_named_by_its_hash(self) -> None:
        long_ids = ["x" * 81, "x" * 80 + "y", "人" * 30]
        made = {node_id(i) for i in long_ids}
        assert len(made) == 3
        assert all(re.fullmatch(r"uh_[0-9a-f]{24}", m) for m in made)
        assert node_id("x" * 80) == "u_" + "x" * 80

    @pytest.mark.parametrize(("name", "shown"), HOSTILE)
    def test_labels_show_names_as_written(self, name: str, shown: str) -> None:
        text = label([name])
        assert text[0] == text[-1] == '"'
        inner = text[1:-1]
        assert not set('"<>&%:`\t\r\x1b') & set(inner.replace("<br/>", ""))
        nodes, _ = mermaid_parts(f"flowchart TB\n    u_a[{text}]\n")
        assert nodes == {"u_a": shown}

    def test_a_label_holds_several_lines(self) -> None:
        assert label(["Name", "", "Head\nHolder"]) == '"Name<br/>Head<br/>Holder"'

    def test_the_title_is_one_line_of_yaml(self) -> None:
        lines = front_matter('Acme "A" <b> & \\ C\nD\x1b')
        assert lines == ["---", 'title: "Acme \\"A\\" ＜b＞ ＆ \\\\ C D"', "---"]
        assert front_matter(" \x1b ") == []


class TestChart:
    def test_a_node_per_unit_and_a_line_per_reporting_line(self) -> None:
        org = loads(SMALL)
        nodes, lines = mermaid_parts(mmd(org))
        assert set(nodes) == {node_id(u) for u in org.units}
        reporting = {(node_id(p), node_id(c)) for p in org.units for c in org.children(p)}
        assert {(a, b) for a, arrow, b in lines if arrow == "-->"} == reporting
        # A dotted line points from the unit reported to, as reporting lines do.
        assert [(a, b) for a, arrow, b in lines if arrow == "-.->"] == [
            ("u_front_2d_office", "u_depots")
        ]

    def test_a_node_says_what_the_chart_box_says(self) -> None:
        nodes, _ = mermaid_parts(mmd(loads(SMALL), positions=True))
        assert nodes["u_top"] == "Acme Corporation\nChief Executive\nAnn Lee\n4 posts, 3 filled"
        assert nodes["u_ops"] == (
            "Operations Division\nChief of Operations\nvacant\n3 posts, 2 filled\nClerk\nBo Chan"
        )
        assert nodes["u_boilers"] == "Boilers Section"

    def test_shapes_follow_the_chart(self) -> None:
        text = mmd(loads(SMALL))
        assert '    u_front_2d_office(["Front Office"])' in text  # a staff office
        assert '    u_boilers("Boilers Section")' in text  # rounded, as the chart's lowest level
        assert '    u_plants["Plants Branch"]' in text

    def test_classes_carry_the_chart_colours(self) -> None:
        text = mmd(loads(SMALL))
        styles, members = class_styles(text), classes(text)
        by_node = {n: name for name, nodes in members.items() for n in nodes if name[0] == "c"}
        assert styles[by_node["u_top"]]["fill"] == ROOT[0]
        first, second = FAMILIES[0], FAMILIES[1]
        assert styles[by_node["u_front_2d_office"]]["fill"] == first[0][0]
        assert styles[by_node["u_ops"]] == {
            "fill": second[0][0],
            "stroke": second[1],
            "stroke-width": "2px",
            "color": "#1a1a1a",
        }
        assert styles[by_node["u_plants"]]["fill"] == second[0][1]
        assert members["staff"] == {"u_front_2d_office"}
        assert members["vacant"] == {"u_ops"}
        assert styles["vacant"]["stroke"] == VACANT
        # The classes that make a unit's look come after its colours, so that they win.
        assert text.index("classDef vacant") > max(
            text.index(f"classDef {c} ") for c in styles if c[0] == "c"
        )

    def test_lines_carry_the_chart_colours(self) -> None:
        text = mmd(loads(SMALL))
        _, lines = mermaid_parts(text)
        styles = link_styles(text)
        assert styles["default"] == "stroke:#4d4d4d,stroke-width:1.2px"
        staff = lines.index(("u_top", "-->", "u_front_2d_office"))
        dotted = lines.index(("u_front_2d_office", "-.->", "u_depots"))
        assert styles[str(staff)] == "stroke:#4d4d4d,stroke-width:1.6px"
        assert styles[str(dotted)] == "stroke:#7b3294,stroke-width:1.6px"
        assert len(styles) == 3

    def test_the_title_is_the_organization_or_the_title_asked_for(self) -> None:
        org = loads(SMALL)
        assert mmd(org).startswith('---\ntitle: "Acme"\n---\nflowchart TB\n')
        assert mmd(org, lang="zh").startswith('---\ntitle: "顶峰"\n')
        assert mmd(org, title="Plan B").startswith('---\ntitle: "Plan B"\n')

    def test_root_depth_and_language(self) -> None:
        org = loads(SMALL)
        nodes, lines = mermaid_parts(mmd(org, root="Operations Division", depth=1, lang="zh"))
        assert set(nodes) == {"u_ops", "u_plants", "u_depots"}
        assert nodes["u_ops"].startswith("运营司\nChief of Operations\n空缺\n3 个职位")
        assert nodes["u_plants"] == "Plants Branch\n下设 1 个单位"
        assert {(a, b) for a, _, b in lines} == {("u_ops", "u_plants"), ("u_ops", "u_depots")}

    def test_the_example(self, tmp_path: Path) -> None:
        org = raci.load(UN)
        out = tmp_path / "chart.mmd"
        assert render_chart(org, out) == [out]
        nodes, lines = mermaid_parts(out.read_text(encoding="utf-8"))
        assert len(nodes) == len(org.units)
        assert nodes["u_rpd"] == (
            "Regional Programmes Division\nDirector, Regional Programmes Division\nvacant"
            "\n1 post, 0 filled"
        )
        assert ("u_oed", "-.->", "u_cdtu") in lines
        assert len(lines) == len(org.units)  # every reporting line, and one dotted line

    def test_the_committed_example_is_up_to_date(self) -> None:
        """`nox -s examples` writes chart.mmd; the committed copy matches the model."""
        committed = (EXAMPLES / "un-habitat-2020" / "chart.mmd").read_text(encoding="utf-8")
        assert mmd(raci.load(UN)) == committed

    def test_a_chart_github_would_not_draw_warns_with_the_depth_that_fits(
        self, tmp_path: Path
    ) -> None:
        org = _wide(30, 25)
        out = tmp_path / "big.mmd"
        with pytest.warns(ChartWarning) as caught:
            render_chart(org, out)
        message = str(caught[0].message)
        assert f"781 lines (GitHub draws at most {MAX_EDGES})" in message
        assert "--depth 1 or --root UNIT makes one it draws" in message
        _, lines = mermaid_parts(out.read_text(encoding="utf-8"))
        assert len(lines) == 780 + 1  # written all the same
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render_chart(org, tmp_path / "small.mmd", depth=1)

    def test_too_much_text_warns_too(self, tmp_path: Path) -> None:
        org = _wide(3, 40, name="a long name of a unit, " * 20)
        with pytest.warns(ChartWarning, match=r"characters \(GitHub draws at most 50,000\)"):
            text = mmd(org)
        assert size(text) > 50_000

    @pytest.mark.parametrize(
        ("options", "refused"),
        [
            ({"paper": "A4"}, "paper does"),
            ({"split_by": "division"}, "split_by does"),
            ({"highlight": "x", "dpi": 300}, "dpi, highlight do"),
        ],
    )
    def test_drawing_options_are_refused(self, options: dict[str, object], refused: str) -> None:
        with pytest.raises(ValueError, match=f"{refused} not apply to a .mmd chart"):
            mmd(loads(SMALL), **options)


def _wide(divisions: int, each: int, name: str = "") -> Organization:
    """A top unit, ``divisions`` units under it and ``each`` under every one of those."""
    units = [Unit("top", Names.plain("Top"))]
    for d in range(divisions):
        units.append(Unit(f"d{d}", Names.plain(f"Division {d}"), parent="top"))
        units += [
            Unit(f"d{d}-{i}", Names.plain(f"{name}{d}.{i}"), parent=f"d{d}") for i in range(each)
        ]
    units[-1] = attrs.evolve(units[-1], also_reports_to=("top",))
    return Organization(Names.plain("Wide"), units={u.id: u for u in units})


class TestChartCommand:
    def test_writes_a_mermaid_file(self, tmp_path: Path) -> None:
        out = tmp_path / "chart.mmd"
        result = CliRunner().invoke(cli, ["chart", str(UN), "-o", str(out), "--depth", "1"])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"wrote {out}\n"
        nodes, _ = mermaid_parts(out.read_text(encoding="utf-8"))
        assert len(nodes) == 5

    def test_warns_in_one_line(self, tmp_path: Path) -> None:
        model = tmp_path / "wide.yaml"
        raci.dump(_wide(30, 25), model)
        out = tmp_path / "chart.mmd"
        result = CliRunner().invoke(cli, ["chart", str(model), "-o", str(out)])
        assert result.exit_code == 0
        assert result.stderr.splitlines() == [
            "warning: the Mermaid chart has 781 lines (GitHub draws at most 500): GitHub draws"
            " none; --depth 1 or --root UNIT makes one it draws"
        ]

    @pytest.mark.parametrize("flags", [["--paper", "A4"], ["--split-by", "1", "--highlight", "x"]])
    def test_drawing_options_are_a_usage_error(self, tmp_path: Path, flags: list[str]) -> None:
        out = tmp_path / "chart.mmd"
        result = CliRunner().invoke(cli, ["chart", str(UN), "-o", str(out), *flags])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1
        assert "for drawn charts; a .mmd chart is drawn by the tool that opens it" in result.stderr
        assert not out.exists()


@pytest.fixture(scope="module")
def change() -> raci.Diff:
    return raci.diff(
        raci.load(RESTRUCTURING / "before.yaml"), raci.load(RESTRUCTURING / "after.yaml")
    )


class TestChange:
    def test_the_new_structure_marked(self, change: raci.Diff) -> None:
        (block,) = mermaid_blocks(change_diagram(change))
        nodes, lines = mermaid_parts(block)
        new = change.new
        assert {n for n in nodes if n.startswith("u_")} == {node_id(u) for u in new.units}
        reporting = {(node_id(p), node_id(c)) for p in new.units for c in new.children(p)}
        assert {(a, b) for a, arrow, b in lines if arrow == "-->"} == reporting
        assert nodes["u_rpd"] == "★ Regional Programmes Division\nnew"
        assert nodes["u_erb"].startswith("▼ External Relations Branch\nformerly Advocacy")
        assert nodes["u_macs"].split("\n")[0] == "◆ → ↕ Management, Advisory and Compliance Service"
        assert nodes["o_ueb"] == "× Urban Economy and Finance Branch\nwas under Programme Division"

    def test_classes_and_lines_are_the_pictures(self, change: raci.Diff) -> None:
        (block,) = mermaid_blocks(change_diagram(change))
        members, styles = classes(block), class_styles(block)
        assert members["new"] == {"u_rpd", "u_gp_2d_task_2d_force", "key_new"}
        assert members["merged"] == {"u_erb", "u_upb", "key_merged"}
        assert members["abolished"] == {"o_ueb", "o_hsub", "o_rrrb", "key_abolished"}
        for kind, css in styles.items():
            look = LOOKS[kind]
            assert (css["fill"], css["stroke"]) == (look.fill, look.line)
            assert css["stroke-width"] == f"{look.border}px"
        assert styles["split"]["stroke-dasharray"] == "2 2"
        _, lines = mermaid_parts(block)
        moved = {c for _, arrow, c in lines if arrow == "-->"} & {
            node_id(e["unit"]) for e in change.units_moved
        }
        shown = link_styles(block)
        assert {lines[int(i)][2] for i in shown} == moved
        assert set(shown.values()) == {f"stroke:{MOVED_LINE['color']},stroke-width:2.4px"}

    def test_the_key_and_the_abolished_units_sit_under_the_tree(self, change: raci.Diff) -> None:
        (block,) = mermaid_blocks(change_diagram(change))
        key = block[
            block.index("subgraph key") : block.index("    end", block.index("subgraph key"))
        ]
        assert re.findall(r"key_(\w+)\[", key) == [
            "new",
            "merged",
            "split",
            "renamed",
            "moved",
            "relevelled",
            "same",
            "abolished",
        ]
        assert 'subgraph abolished ["Abolished units (3)"]' in block
        _, lines = mermaid_parts(block)
        unseen = [(a, b) for a, arrow, b in lines if arrow == "~~~"]
        # From the first of the lowest units: the Capacity Development and Training Unit.
        assert unseen == [("u_cdtu", "o_ueb"), ("u_cdtu", "key_new")]

    def test_in_chinese(self, change: raci.Diff) -> None:
        (block,) = mermaid_blocks(change_diagram(change, "zh"))
        nodes, _ = mermaid_parts(block)
        assert block.startswith('---\ntitle: "人居署：调整前后"\n')
        assert 'subgraph key ["图例"]' in block
        assert "撤销的单位（3）" in block
        assert nodes["key_new"] == "★ 新设单位"

    def test_after_the_summary_of_the_markdown(self, change: raci.Diff) -> None:
        report = render_markdown(change, diagram=change_diagram(change))
        plain = render_markdown(change)
        block = report[report.index("```mermaid") : report.index("```\n", 10) + 4]
        assert report.replace(block + "\n", "") == plain
        assert report.index("- **Orphaned") < report.index("```mermaid") < report.index("### ")

    def test_a_large_change_draws_what_changed(self) -> None:
        old = _wide(30, 25)
        units = dict(old.units)
        units["new-unit"] = Unit("new-unit", Names.plain("New unit"), parent="d3-4")
        del units["d7-1"]
        with pytest.warns(MermaidWarning, match="only the units that changed are drawn"):
            shown = change_diagram(raci.diff(old, attrs.evolve(old, units=units)))
        sentence, block = shown.split("\n\n", 1)
        assert sentence.startswith("Only the units that changed are drawn")
        nodes, _ = mermaid_parts(mermaid_blocks(block)[0])
        assert {n for n in nodes if n.startswith("u_")} == {
            "u_top",
            "u_d3",
            "u_d3_2d_4",
            "u_new_2d_unit",
        }
        assert "o_d7_2d_1" in nodes

    def test_a_change_too_large_to_draw_says_so(self) -> None:
        old = _wide(30, 25)
        new = attrs.evolve(
            old,
            units={
                uid: attrs.evolve(u, names=Names.plain(f"{u.name} (renamed)"))
                for uid, u in old.units.items()
            },
        )
        with pytest.warns(MermaidWarning, match="the report says so instead of drawing it"):
            shown = change_diagram(raci.diff(old, new))
        assert shown == (
            "The change is larger than GitHub draws as a diagram; `raci diff -o change.svg`"
            " draws it as a picture.\n"
        )

    def test_nothing_changed_draws_nothing(self) -> None:
        org = loads(SMALL)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert change_diagram(raci.diff(org, org)) == ""
        assert "```mermaid" not in render_markdown(raci.diff(org, org), diagram="")

    def test_a_large_structure_that_did_not_change_is_not_drawn(self) -> None:
        """Only a post was added: the picture would be the whole structure."""
        old = _wide(30, 25)
        posts = {"p": Position("p", Names.plain("Clerk"), unit="d0")}
        with pytest.warns(MermaidWarning, match=r"781 lines \(GitHub draws at most 500\): the"):
            shown = change_diagram(raci.diff(old, attrs.evolve(old, positions=posts)))
        assert shown.startswith("The change is larger than GitHub draws as a diagram;")


class TestDiffCommand:
    def test_prints_markdown_with_the_diagram(self) -> None:
        args = ["diff", str(RESTRUCTURING / "before.yaml"), str(RESTRUCTURING / "after.yaml")]
        result = CliRunner().invoke(cli, [*args, "--format", "markdown", "--mermaid"])
        assert result.exit_code == 0, result.output
        (block,) = mermaid_blocks(result.stdout)
        assert mermaid_parts(block)[0]["u_rpd"] == "★ Regional Programmes Division\nnew"

    def test_writes_it_to_a_markdown_file(self, tmp_path: Path) -> None:
        out = tmp_path / "change.md"
        args = ["diff", str(RESTRUCTURING / "before.yaml"), str(RESTRUCTURING / "after.yaml")]
        result = CliRunner().invoke(cli, [*args, "-o", str(out), "--mermaid", "--lang", "zh"])
        assert result.exit_code == 0, result.output
        assert "图例" in mermaid_blocks(out.read_text(encoding="utf-8"))[0]

    @pytest.mark.parametrize("more", [[], ["--format", "json"], ["-o", "change.svg"]])
    def test_is_for_markdown_only(self, tmp_path: Path, more: list[str]) -> None:
        args = ["diff", str(RESTRUCTURING / "before.yaml"), str(RESTRUCTURING / "after.yaml")]
        more = [str(tmp_path / m) if m.endswith(".svg") else m for m in more]
        result = CliRunner().invoke(cli, [*args, "--mermaid", *more])
        assert result.exit_code == 2
        assert result.stderr == (
            "error: --mermaid draws the change in the Markdown report: add --format markdown\n"
        )


class TestMermaidCli:
    """mermaid-cli, as GitHub's Mermaid, parses what raci writes and shows its names."""

    def test_draws_the_example_chart_a_diff_and_hostile_names(
        self, tmp_path: Path, change: raci.Diff
    ) -> None:
        chart = (EXAMPLES / "un-habitat-2020" / "chart.mmd").read_text(encoding="utf-8")
        (block,) = mermaid_blocks(change_diagram(change, "zh"))
        units = [Unit("top", Names.plain("%%{init: {'theme': 'dark'}}%%"))]
        units += [
            Unit(f"n{i}", Names.plain(name), parent="top") for i, (name, _) in enumerate(HOSTILE)
        ]
        hostile = mmd(Organization(Names.plain('Title "<&>"'), units={u.id: u for u in units}))
        drawn = mmdc(tmp_path, [chart, block, hostile])
        drawn_chart, drawn_change, drawn_hostile = map(svg_labels, drawn)
        for _, shown in HOSTILE:
            assert shown.replace("\n", "") in drawn_hostile
        assert "%%{init: {'theme': 'dark'}}%%" in drawn_hostile
        assert 'Title "＜＆＞"' in drawn_hostile
        assert "#333" in drawn[2]  # the default theme's text colour: no directive took effect
        assert "Regional Programmes Division" in drawn_chart
        assert "111 posts, 109 filled" in drawn_chart
        assert "UN-Habitat" in drawn_chart
        assert "★ 新设单位" in drawn_change
        assert "撤销的单位（3）" in drawn_change
