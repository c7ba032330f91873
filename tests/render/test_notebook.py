"""What a notebook shows of raci's objects: the HTML (and Markdown) their ``_repr_*_``
methods give, parsed as a browser would read it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import raci
from helpers import EXAMPLES, loads
from raci.render.notebook.chart import MOST_UNITS
from raci.render.notebook.matrix import MOST_COLUMNS, MOST_ROWS
from raci.render.palette import SEVERITY, role_colours

SVG = "{http://www.w3.org/2000/svg}"


class Page(HTMLParser):
    """An HTML fragment read as a browser reads it: its text outside styles, the cells of
    each table, the inline SVGs, the captions and the style sheets."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html = html
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.captions: list[str] = []
        self.styles: list[str] = []
        self.cell_styles: list[str] = []
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.tables[-1][-1].append("")
            self.cell_styles.append(dict(attrs).get("style") or "")
        elif tag in ("caption", "figcaption"):
            self.captions.append("")

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "style" in self._in:
            self.styles.append(data)
            return
        self.text.append(data)
        if any(t in self._in for t in ("caption", "figcaption")):
            self.captions[-1] += data
        elif any(t in self._in for t in ("td", "th")) and self.tables:
            self.tables[-1][-1][-1] += data

    def svgs(self) -> list[ET.Element]:
        """Each inline SVG, parsed as XML."""
        return [ET.fromstring(s) for s in re.findall(r"<svg\b.*?</svg>", self.html, re.S)]


def drawn_text(svg: ET.Element) -> str:
    """The text an SVG draws, its pieces (a name's lines among them) joined by spaces."""
    return " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))


@pytest.fixture(scope="module")
def un_habitat() -> raci.Organization:
    return raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")


def _tree(fan_out: int, depth: int) -> raci.Organization:
    """A generated organization: a top unit, ``fan_out`` units under each unit, ``depth``
    levels below the top; each unit named by its level and number."""
    names = ["Top", "Division", "Branch", "Section", "Unit", "Team"]
    lines = ["units:", "  - {id: u, name: Top}"]
    level = ["u"]
    for d in range(1, depth + 1):
        below = []
        for parent in level:
            for i in range(fan_out):
                uid = f"{parent}-{i}"
                lines.append(f"  - {{id: {uid}, parent: {parent}, name: {names[d]} {uid}}}")
                below.append(uid)
        level = below
    return loads("\n".join(lines) + "\n")


class TestOrganization:
    def test_the_whole_chart_fitted_to_the_cell(self, un_habitat: raci.Organization) -> None:
        page = Page(un_habitat._repr_html_() or "")
        (svg,) = page.svgs()
        assert "max-width:100%" in (svg.get("style") or "")
        assert svg.get("viewBox")  # so that the height follows the width
        drawn = drawn_text(svg)
        for uid in ("unh", "gsd", "rpd"):
            assert un_habitat.units[uid].name in drawn
        assert page.captions == []  # nothing left out
        assert "id=" not in ET.tostring(svg, encoding="unicode")  # a second chart repeats none

    def test_a_large_organization_shows_its_top_levels(self) -> None:
        org = _tree(4, 3)  # 1 + 4 + 16 + 64 units
        assert len(org.units) > MOST_UNITS
        page = Page(org._repr_html_() or "")
        drawn = drawn_text(page.svgs()[0])
        assert "Division u-0" in drawn
        assert "Branch u-3-3" in drawn
        assert "Section" not in drawn
        (caption,) = page.captions
        assert caption.startswith("The top 3 of 4 levels: 21 of 85 units.")
        assert "raci.render_chart(org, root=ID, depth=N)" in caption
        assert 'split_by="auto"' in caption

    def test_a_deep_organization_shows_three_levels_below_the_top(self) -> None:
        org = _tree(1, 5)
        page = Page(org._repr_html_() or "")
        drawn = drawn_text(page.svgs()[0])
        assert "Section u-0-0-0" in drawn
        assert "Unit u-0-0-0-0" not in drawn
        assert page.captions[0].startswith("The top 4 of 6 levels: 4 of 6 units.")

    def test_without_units_the_text_form(self) -> None:
        org = loads("deliverables:\n  - {id: d, raci: {A: x, R: x}}\n")
        assert org._repr_html_() is None


class TestMatrix:
    def test_the_table_in_the_role_colours(self, un_habitat: raci.Organization) -> None:
        shown = raci.matrix(un_habitat, level="division")
        assert repr(shown) == "<Matrix 'UN-Habitat': 29 deliverables × 15 parties (RACI)>"
        html = shown._repr_html_()
        page = Page(html)
        (table,) = page.tables
        rows = {row[0]: row[1:] for row in table if row}
        parties = next(row for row in table if "Global Solutions Division" in row)
        cells = rows["2019 financial statements"]
        assert cells[parties.index("Executive Director")] == "A"
        assert cells[parties.index("Office of the Executive Director")] == "R"
        # Each role's colour from the palette, kept to this matrix's own element.
        scope = re.match(r'<div id="([^"]+)">', html)
        assert scope is not None
        style = "".join(page.styles)
        for i, colour in enumerate(role_colours(un_habitat.scheme).values()):
            assert f"#{scope[1]} .x{i}{{background:{colour.fill}}}" in style
        assert re.search(r'<td class="x\d+">A</td>', html)
        assert page.captions == []

    def test_markdown(self, un_habitat: raci.Organization) -> None:
        text = raci.matrix(un_habitat, lang="zh", level="division")._repr_markdown_()
        assert text.startswith("# 责任矩阵：")
        assert "| 全球解决方案司 |" in text or " 全球解决方案司 |" in text

    def test_a_large_matrix_is_cut_with_a_caption(self) -> None:
        parties = [f"p{i}" for i in range(MOST_COLUMNS + 5)]
        lines = ["units:", "  - {id: top, name: Top}"]
        lines += [f"  - {{id: {p}, parent: top, name: Party {p}}}" for p in parties]
        lines.append("deliverables:")
        lines += [
            f"  - {{id: d{i}, name: Work {i}, raci: {{A: top, R: {parties[i % len(parties)]}}}}}"
            for i in range(MOST_ROWS + 10)
        ]
        shown = raci.matrix(loads("\n".join(lines) + "\n"))
        page = Page(shown._repr_html_())
        body = [row for row in page.tables[0] if row and row[0].startswith("Work ")]
        assert len(body) == MOST_ROWS
        text = " ".join(page.text)
        assert f"Party p{MOST_COLUMNS - 2}" in text  # after the top unit's column
        assert f"Party p{MOST_COLUMNS - 1}" not in text
        (caption,) = [t for t in page.text if "deliverables shown" in t]
        assert caption.startswith(f"{MOST_ROWS} of {MOST_ROWS + 10} deliverables shown.")
        assert f"{MOST_COLUMNS} of {MOST_COLUMNS + 6} parties shown" in caption
        assert 'raci.render_matrix(org, "matrix.xlsx")' in caption
        markdown = shown._repr_markdown_()
        assert markdown.rstrip().endswith('raci.render_matrix(org, "matrix.xlsx").')
        assert "| Work 209 |" not in markdown

    def test_wrong_choices(self, un_habitat: raci.Organization) -> None:
        with pytest.raises(TypeError, match=r"matrix\(\) takes a raci.Organization"):
            raci.matrix("org.yaml")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="parties must be a list"):
            raci.matrix(un_habitat, parties="gsd")


class TestFindings:
    def test_a_table_of_every_finding(self) -> None:
        findings = raci.validate(raci.load(EXAMPLES / "mistakes" / "org.yaml"))
        page = Page(findings._repr_html_() or "")
        (table,) = page.tables
        assert table[0] == ["Severity", "Code", "Rule", "Place", "Message", "Hint"]
        assert len(table) == 1 + len(findings)
        for row, f in zip(table[1:], findings, strict=True):
            assert row == [f.severity.value, f.code, f.rule, str(f.location), f.message, f.hint]
        assert {row[2] for row in table[1:]} >= {"single-accountable", "unknown-reference"}
        assert page.captions == [repr(findings)[1:-1]]
        firsts = zip(page.cell_styles[6::6], table[1:], strict=True)
        colours = {row[0]: re.findall(r"color:(#\w+)", style) for style, row in firsts}
        assert colours == {s: [SEVERITY[s]] for s in ("error", "warning", "info")}

    def test_none(self, un_habitat: raci.Organization) -> None:
        page = Page(raci.validate(un_habitat)._repr_html_() or "")
        assert page.tables == []
        assert "".join(page.text) == "No findings: the model passes every rule."


def test_the_figures_in_brief(un_habitat: raci.Organization) -> None:
    page = Page(raci.stats(un_habitat)._repr_html_() or "")
    structure, by_level = page.tables
    assert ["units", "16"] in structure
    assert ["depth (levels below the top unit)", "3"] in structure
    assert by_level[0] == ["level", "units"]
    assert ["division", "3"] in by_level
    assert page.captions == ["Structure", "Units by level"]


class TestDiff:
    @pytest.fixture(scope="class")
    @classmethod
    def change(cls) -> raci.Diff:
        folder = EXAMPLES / "restructuring"
        return raci.diff(raci.load(folder / "before.yaml"), raci.load(folder / "after.yaml"))

    def test_summary_details_figures_and_picture(self, change: raci.Diff) -> None:
        html = change._repr_html_() or ""
        page = Page(html)
        summaries = re.findall(r"<summary>(.*?)</summary>", html)
        assert summaries[0] == (
            "Units: 2 created, 3 abolished, 2 merged, 1 split, 8 renamed, 4 moved, 3 relevelled"
        )
        text = " ".join(page.text)
        assert "Programme Division is now Global Solutions Division" in text
        posts, figures = page.tables
        assert page.captions[:2] == ["Posts by unit", "Figures"]
        assert posts[0][:4] == ["Unit", "Before", "After", "Change"]
        assert posts[-1][0] == "Total (all units)"
        assert figures[0] == ["", "Before", "After", "Change"]
        assert ["Units", "18", "16", "−2"] in figures
        (svg,) = page.svgs()
        drawn = drawn_text(svg)
        assert "Regional Programmes Division" in drawn
        assert "Urban Economy and Finance Branch" in drawn  # abolished, drawn apart

    def test_no_change(self) -> None:
        same = raci.diff(_tree(2, 2), _tree(2, 2))
        page = Page(same._repr_html_() or "")
        assert page.svgs() == []
        assert "No changes" in " ".join(page.text)

    def test_no_picture_without_units(self) -> None:
        old = loads("deliverables:\n  - {id: d, raci: {A: x, R: x}}\n")
        new = loads("deliverables:\n  - {id: d, raci: {A: y, R: x}}\n")
        page = Page(raci.diff(old, new)._repr_html_() or "")
        assert page.svgs() == []
        assert "Deliverables: 1 with a new Accountable" in " ".join(page.text)

    def test_a_large_picture_is_left_to_a_file(self) -> None:
        old, new = _tree(4, 3), _tree(4, 2)
        page = Page(raci.diff(old, new)._repr_html_() or "")
        assert page.svgs() == []
        assert 'raci.render_picture(change, "change.pdf", paper="A3")' in " ".join(page.text)
