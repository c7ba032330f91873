"""The change picture and the report without a path give the picture and the page itself,
as `raci.render_chart(org)` gives the chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import raci
from helpers import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def change() -> raci.Diff:
    folder = EXAMPLES / "restructuring"
    return raci.diff(raci.load(folder / "before.yaml"), raci.load(folder / "after.yaml"))


def _svg_text(svg: str) -> str:
    """The text an SVG draws, its pieces (a name's lines among them) joined by spaces."""
    root = ET.fromstring(svg)
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


class _Text(HTMLParser):
    """The text of a page outside its scripts and styles, and its section ids."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.ids: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")
        if tag == "section":
            self.ids.append(dict(attrs).get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


class TestPicture:
    def test_svg_text_by_default(self, change: raci.Diff, tmp_path: Path) -> None:
        svg = raci.render_picture(change)
        assert isinstance(svg, str)
        drawn = _svg_text(svg)
        assert "Regional Programmes Division" in drawn  # a unit created
        assert "Urban Economy and Finance Branch" in drawn  # a unit abolished
        raci.render_picture(change, tmp_path / "change.svg")
        assert svg == (tmp_path / "change.svg").read_text(encoding="utf-8")

    def test_side_by_side_in_chinese(self, change: raci.Diff) -> None:
        drawn = _svg_text(str(raci.render_picture(change, style="side-by-side", lang="zh")))
        assert "全球解决方案司" in drawn

    @pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
    def test_bytes_for_pictures(self, change: raci.Diff, fmt: str, magic: bytes) -> None:
        data = raci.render_picture(change, format=fmt)
        assert isinstance(data, bytes)
        assert data.startswith(magic)

    def test_dot_text(self, change: raci.Diff) -> None:
        dot = raci.render_picture(change, format="dot")
        assert isinstance(dot, str)
        assert dot.startswith("digraph")
        assert "<B>Global Solutions<BR/>Division</B>" in dot

    def test_wrong_requests(self, change: raci.Diff) -> None:
        with pytest.raises(ValueError, match="cannot draw a picture as 'gif'"):
            raci.render_picture(change, format="gif")
        with pytest.raises(ValueError, match="does not match the path's suffix"):
            raci.render_picture(change, "change.svg", format="png")
        with pytest.raises(TypeError, match="path must be a file path"):
            raci.render_picture(change, 3)  # type: ignore[arg-type]


class TestReport:
    def test_the_page_as_text(self, tmp_path: Path) -> None:
        org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
        page = raci.render_report(org)
        assert isinstance(page, str)
        parsed = _Text()
        parsed.feed(page)
        assert {"summary", "findings", "chart", "matrix"} <= set(parsed.ids)
        text = " ".join(parsed.text)
        assert "UN-Habitat" in text
        assert "Global Solutions Division" in text  # in the chart's SVG, inline
        assert raci.render_report(org, tmp_path / "report.html") == tmp_path / "report.html"
        assert page == (tmp_path / "report.html").read_text(encoding="utf-8")

    def test_a_path_that_is_no_path(self) -> None:
        org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
        with pytest.raises(TypeError, match="path must be a file path"):
            raci.render_report(org, 3)  # type: ignore[arg-type]
