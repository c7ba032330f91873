"""ChartOptions: the one set of options of the chart API, checked when it is made."""

from __future__ import annotations

import pytest

import raci
from raci.model import Names, Organization, Unit
from raci.render.chart.options import ChartOptions
from raci.render.chart.orgchart import chart_sources
from raci.render.paper import PAPERS, UnknownPaperError


def org() -> Organization:
    return Organization(
        units={
            "top": Unit("top", Names.plain("Top")),
            "a": Unit("a", Names.plain("Branch A"), parent="top"),
        }
    )


class TestValues:
    def test_defaults(self) -> None:
        options = ChartOptions()
        assert (options.paper, options.landscape, options.stack, options.heads) == (
            None,
            None,
            3,
            True,
        )

    def test_paper_is_kept_as_its_size_whatever_the_case(self) -> None:
        assert ChartOptions(paper=" letter ").paper is PAPERS["Letter"]

    def test_exported_from_the_package(self) -> None:
        assert raci.ChartOptions is ChartOptions
        assert "ChartOptions" in raci.__all__

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"lang": 5}, r"lang must be a language code such as 'zh', or None \(got int 5\)"),
            ({"depth": "2"}, r"depth must be an int or None \(got str '2'\)"),
            ({"depth": True}, r"depth must be an int or None \(got bool True\)"),
            ({"positions": 1}, r"positions must be True or False \(got int 1\)"),
            ({"landscape": "yes"}, r"landscape must be True, False or None \(got str 'yes'\)"),
            ({"dpi": "300"}, r"dpi must be a number or None \(got str '300'\)"),
            ({"split_by": 1.5}, r"split_by must be a level name, a depth or None \(got float"),
            ({"paper": 4}, r"paper must be a name such as 'A4' \(got int 4\)"),
        ],
    )
    def test_a_wrong_type_is_a_type_error_saying_what_was_expected(
        self, changes: dict[str, object], message: str
    ) -> None:
        with pytest.raises(TypeError, match=message):
            ChartOptions.of(**changes)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"depth": -1}, "'depth' must be >= 0: -1"),
            ({"stack": 0}, "'stack' must be >= 1: 0"),
            ({"dpi": 0.5}, "'dpi' must be >= 1: 0.5"),
            ({"dpi": 2401}, "'dpi' must be <= 2400: 2401"),
            ({"max_pixels": 9_999}, "'max_pixels' must be >= 10000: 9999"),
            ({"max_pixels": 250_000_001}, "'max_pixels' must be <= 250000000: 250000001"),
            ({"paper": "A9"}, "unknown paper size 'A9'; use one of A0, A1"),
            ({"split_by": "auto"}, "split_by='auto' cuts the chart into pages"),
            ({"split_by": "auto", "paper": "A4", "depth": 2}, "it takes no depth"),
        ],
    )
    def test_a_value_out_of_range_is_a_value_error(
        self, changes: dict[str, object], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message):
            ChartOptions.of(**changes)

    def test_an_unknown_paper_is_the_paper_error(self) -> None:
        with pytest.raises(UnknownPaperError, match="did you mean `Legal`"):
            ChartOptions(paper="legl")


class TestOf:
    def test_a_misspelt_option_says_which_was_meant(self) -> None:
        with pytest.raises(TypeError, match="'hilight' for a chart; did you mean `highlight`"):
            ChartOptions.of(hilight="x")

    def test_changes_apply_to_the_given_options(self) -> None:
        base = ChartOptions(paper="A3", depth=1)
        changed = ChartOptions.of(base, landscape=True)
        assert (changed.paper, changed.depth, changed.landscape) == (PAPERS["A3"], 1, True)
        assert base.landscape is None

    def test_options_must_be_chart_options(self) -> None:
        with pytest.raises(TypeError, match="options must be ChartOptions or None"):
            ChartOptions.of({"depth": 1})  # type: ignore[arg-type]

    def test_the_chart_takes_options_keywords_or_both_alike(self) -> None:
        options = ChartOptions(depth=0, title="Top only")
        by_keywords = chart_sources(org(), depth=0, title="Top only")
        assert chart_sources(org(), options) == by_keywords
        assert chart_sources(org(), ChartOptions(depth=0), title="Top only") == by_keywords
        assert by_keywords != chart_sources(org(), title="Top only")
