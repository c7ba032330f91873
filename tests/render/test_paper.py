"""The one table of paper sizes: lookup, units and orientation."""

from __future__ import annotations

import pytest

from raci.render.paper import (
    A4,
    PAPERS,
    Paper,
    UnknownPaperError,
    mm_to_points,
    paper,
)


class TestTable:
    def test_sizes(self) -> None:
        assert list(PAPERS) == [
            "A0",
            "A1",
            "A2",
            "A3",
            "A4",
            "A5",
            "B4",
            "B5",
            "Letter",
            "Legal",
            "Tabloid",
        ]

    @pytest.mark.parametrize(
        ("name", "points"),
        [
            ("A4", (595, 842)),
            ("A3", (842, 1191)),
            ("A2", (1191, 1684)),
            ("A5", (420, 595)),
            ("B5", (499, 709)),
            ("Letter", (612, 792)),
            ("Legal", (612, 1008)),
            ("Tabloid", (792, 1224)),
        ],
    )
    def test_points_are_the_usual_ones(self, name: str, points: tuple[int, int]) -> None:
        width, height = PAPERS[name].points()
        assert (round(width), round(height)) == points

    def test_every_size_is_portrait_in_the_table(self) -> None:
        assert all(p.width_mm < p.height_mm for p in PAPERS.values())

    def test_each_a_size_is_half_the_one_before(self) -> None:
        for bigger, smaller in zip("012345", "12345", strict=False):
            big, small = PAPERS[f"A{bigger}"], PAPERS[f"A{smaller}"]
            assert small.height_mm == big.width_mm
            assert abs(small.width_mm - big.height_mm / 2) <= 1


class TestUnits:
    def test_conversions(self) -> None:
        assert mm_to_points(25.4) == 72

    def test_a4(self) -> None:
        assert A4.mm() == (210, 297)
        assert A4.points() == pytest.approx((595.2756, 841.8898), abs=1e-4)


class TestOrientation:
    def test_landscape_puts_the_long_side_across(self) -> None:
        assert A4.mm(landscape=True) == (297, 210)
        assert PAPERS["Letter"].points(landscape=True) == pytest.approx((792, 612))

    def test_css_page_rule(self) -> None:
        assert A4.page_rule(margin="1cm") == "@page{size:210mm 297mm;margin:1cm}"
        assert PAPERS["Letter"].page_rule(landscape=True, margin="12mm") == (
            "@page{size:279.4mm 215.9mm;margin:12mm}"
        )


class TestLookup:
    @pytest.mark.parametrize("name", ["A4", "a4", " A4 "])
    def test_any_case(self, name: str) -> None:
        assert paper(name) is A4

    def test_a_paper_is_itself(self) -> None:
        legal = PAPERS["Legal"]
        assert paper(legal) is legal
        assert paper(Paper("Custom", 100, 200)).name == "Custom"

    @pytest.mark.parametrize(
        ("name", "suggestion"),
        [("leter", "Letter"), ("tabliod", "Tabloid"), ("lega", "Legal")],
    )
    def test_did_you_mean(self, name: str, suggestion: str) -> None:
        with pytest.raises(UnknownPaperError) as caught:
            paper(name)
        assert str(caught.value) == (
            f"unknown paper size {name!r}; use one of A0, A1, A2, A3, A4, A5, B4, B5,"
            f" Letter, Legal, Tabloid; did you mean `{suggestion}`?"
        )

    def test_an_unknown_size_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="unknown paper size 'foolscap'; use one of A0"):
            paper("foolscap")

    def test_not_a_name_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match=r"paper must be a name such as 'A4' \(got int 4\)"):
            paper(4)  # type: ignore[arg-type]
