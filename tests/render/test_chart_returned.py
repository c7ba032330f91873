"""`raci.render_chart(org)` without a path gives the drawing itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "un-habitat-2020" / "org.yaml"


def test_svg_text_by_default(tmp_path: Path) -> None:
    org = raci.load(EXAMPLE)
    svg = raci.render_chart(org)
    assert isinstance(svg, str)
    assert svg.lstrip().startswith("<?xml")
    assert "Global Solutions Division" in svg
    raci.render_chart(org, tmp_path / "chart.svg")
    assert svg == (tmp_path / "chart.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_bytes_for_pictures(fmt: str, magic: bytes) -> None:
    data = raci.render_chart(raci.load(EXAMPLE), format=fmt)
    assert isinstance(data, bytes)
    assert data.startswith(magic)


def test_dot_text() -> None:
    assert str(raci.render_chart(raci.load(EXAMPLE), format="dot")).startswith("digraph")


def test_wrong_requests() -> None:
    org = raci.load(EXAMPLE)
    with pytest.raises(ValueError, match="cannot draw a chart as 'gif'"):
        raci.render_chart(org, format="gif")
    with pytest.raises(ValueError, match="does not match the path's suffix"):
        raci.render_chart(org, "chart.svg", format="png")
    with pytest.raises(ValueError, match="several pages"):
        raci.render_chart(org, format="svg", split_by="division")
