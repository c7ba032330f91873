"""raci.stats: each figure on small organizations checked by hand."""

from __future__ import annotations

import json

import pytest
from orgs import SMALL

import raci
from helpers import loads
from raci.render.figures_text import render_figures


@pytest.fixture(scope="module")
def small() -> raci.Organization:
    return loads(SMALL)


def wide(children: int) -> str:
    """A top unit with ``children`` child units, the first of which has one child."""
    units = "".join(f"      - id: c{i}\n" for i in range(children))
    return "version: 1\nunits:\n  - id: top\n    units:\n" + units.replace(
        "      - id: c0\n", "      - id: c0\n        units:\n          - id: g\n"
    )


class TestSpecFigures:
    """The figures of SPEC section 5."""

    def test_counts(self, small: raci.Organization) -> None:
        fig = raci.stats(small)
        assert (fig["units"], fig["positions"], fig["deliverables"]) == (6, 6, 5)
        assert (fig["external"], fig["assignments"]) == (1, 17)

    def test_depth(self, small: raci.Organization) -> None:
        assert raci.stats(small)["depth"] == 3
        assert raci.stats(loads("version: 1\nunits:\n  - id: alone\n"))["depth"] == 0

    def test_by_level_in_rank_order(self, small: raci.Organization) -> None:
        assert list(raci.stats(small)["by_level"].items()) == [
            ("organization", 1),
            ("division", 3),
            ("branch", 1),
            ("section", 1),
        ]

    def test_units_without_a_level(self) -> None:
        assert raci.stats(loads(wide(2)))["by_level"] == {"(no level)": 4}

    def test_span_of_control_over_units_with_child_units(self, small: raci.Organization) -> None:
        """root has 3 child units, div 1, br 1; sec, quiet and empty have none."""
        assert raci.stats(small)["span_of_control"] == {
            "min": 1,
            "median": 1,
            "max": 3,
            "mean": 1.67,
        }

    def test_span_without_child_units(self) -> None:
        span = raci.stats(loads("version: 1\nunits:\n  - id: alone\n"))["span_of_control"]
        assert span == {"min": None, "median": None, "max": None, "mean": None}

    def test_headcount_from_headcount_else_posts(self) -> None:
        org = loads(
            """
            version: 1
            units:
              - id: top
                units:
                  - id: a
                    headcount: 10
                    units:
                      - id: a1
                  - id: b
                  - id: c
            positions:
              - {id: p1, unit: a1}
              - {id: p2, unit: a1}
              - {id: p3, unit: b}
              - {id: p4, unit: a}
            """
        )
        # a's headcount (10) stands for its own staff, so its posts are not added again.
        assert raci.stats(org)["headcount"] == {"top": 13, "a": 12, "a1": 2, "b": 1}

    def test_workload_per_party_and_role(self, small: raci.Organization) -> None:
        workload = raci.stats(small)["workload"]
        assert workload["div"] == {"R": 2, "C": 2}
        assert workload["boss"] == {"A": 4}
        assert workload["board"] == {"I": 2}
        assert "loner" not in workload

    def test_json_is_the_spec_object(self, small: raci.Organization) -> None:
        data = json.loads(render_figures(raci.stats(small), "json"))
        for key in (
            "units",
            "positions",
            "deliverables",
            "depth",
            "by_level",
            "span_of_control",
            "headcount",
            "workload",
        ):
            assert key in data
        assert data == raci.stats(small).to_dict()


class TestMore:
    """Figures beyond the contract's."""

    def test_narrow_and_wide_spans(self) -> None:
        fig = raci.stats(loads(wide(15)))
        assert fig["narrow_spans"] == [{"unit": "c0", "children": 1}]
        assert fig["wide_spans"] == [{"unit": "top", "children": 15}]
        fig = raci.stats(loads(wide(14)))
        assert fig["wide_spans"] == []

    def test_most_accountable_and_responsible(self, small: raci.Organization) -> None:
        fig = raci.stats(small)
        assert fig["most_accountable"] == [
            {"party": "boss", "count": 4},
            {"party": "dir", "count": 1},
        ]
        # Ties in id order.
        assert fig["most_responsible"] == [
            {"party": "clerk", "count": 2},
            {"party": "div", "count": 2},
            {"party": "br", "count": 1},
            {"party": "empty", "count": 1},
            {"party": "sec", "count": 1},
        ]

    def test_deliverables_per_group(self, small: raci.Organization) -> None:
        assert raci.stats(small)["deliverables_per_group"] == [
            {"group": None, "name": "", "deliverables": 1},
            {"group": "g2", "name": "Second group", "deliverables": 1},
            {"group": "g1", "name": "First group", "deliverables": 3},
        ]

    def test_vacant_posts(self, small: raci.Organization) -> None:
        assert raci.stats(small)["vacant_posts"] == ["spare"]

    def test_post_load(self, small: raci.Organization) -> None:
        load = raci.stats(small)["post_load"]
        assert load["clerk"] == {"direct": {"R": 2}, "inherited": {"R": 4, "C": 2}}
        assert load["spare"] == {"direct": {}, "inherited": {"R": 4, "C": 2}}
        assert load["loner"] == {"direct": {}, "inherited": {"I": 1}}
        assert list(load) == ["boss", "dir", "chief", "clerk", "spare", "loner"]

    def test_dict_like_and_read_only(self, small: raci.Organization) -> None:
        fig = raci.stats(small)
        assert dict(fig)["units"] == 6
        copy = fig.to_dict()
        copy["workload"]["div"]["R"] = 99
        assert fig["workload"]["div"]["R"] == 2
        assert "Figures(units=6" in repr(fig)

    def test_wrong_type(self) -> None:
        with pytest.raises(TypeError, match=r"got dict"):
            raci.stats({})  # type: ignore[arg-type]


class TestRendered:
    def test_text(self, small: raci.Organization) -> None:
        text = render_figures(raci.stats(small), "text", title="Small")
        assert text.startswith("Figures: Small\n\nStructure\nfigure")
        assert "span of control, mean             1.67" in text
        assert "clerk  R2      R4 C2\n" in text

    def test_markdown(self, small: raci.Organization) -> None:
        md = render_figures(raci.stats(small), "markdown", title="Small | <x>")
        assert md.startswith("# Figures: Small \\| \\<x\\>\n")
        assert "| units | 6 |" in md
        assert "## Vacant posts\n\n| post |\n|---|\n| spare |" in md

    def test_many_posts_are_cut_in_text(self) -> None:
        posts = "".join(f"  - {{id: p{i}, unit: top}}\n" for i in range(30))
        org = loads("version: 1\nunits:\n  - id: top\npositions:\n" + posts)
        text = render_figures(raci.stats(org), "text")
        assert "The 5 less busy posts are in the JSON" in text
