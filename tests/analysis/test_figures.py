"""raci.stats: each figure on small organizations checked by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from orgs import SMALL

import raci
from helpers import EXAMPLES, loads
from raci.analysis.figures import Posts, structure, subtree_posts, unit_depths, unit_posts
from raci.cli import cli
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


#: Posts every way a unit can give them: listed positions (some vacant), a `headcount`
#: with listed positions inside it, a `headcount` alone, one smaller than the positions
#: listed, and nothing.
STAFFED = """
version: 1
units:
  - id: top
    level: organization
    units:
      - id: listed
        level: division
        units:
          - id: counted
            level: section
            headcount: 6
          - id: nothing
            level: section
      - id: mixed
        level: division
        headcount: 10
      - id: short
        level: division
        headcount: 1
positions:
  - {id: chief, unit: top, grade: D-2}
  - {id: p1, unit: listed, grade: P-4}
  - {id: p2, unit: listed, grade: P-3, vacant: true}
  - {id: p3, unit: listed, grade: P-3, holder: Ann Lee}
  - {id: m1, unit: mixed, grade: P-5}
  - {id: m2, unit: mixed, grade: P-2, vacant: true}
  - {id: s1, unit: short, grade: GS}
  - {id: s2, unit: short, grade: GS}
"""


@pytest.fixture(scope="module")
def org() -> raci.Organization:
    return loads(STAFFED)


class TestPosts:
    """Posts, filled posts and vacant posts, by unit, by subtree and in all."""

    def test_each_units_own_posts(self, org: raci.Organization) -> None:
        assert unit_posts(org) == {
            "top": Posts(1, 1, 0),
            "listed": Posts(3, 2, 1),  # listed positions, one of them vacant
            "counted": Posts(6, 6, 0),  # `headcount` alone
            "mixed": Posts(10, 9, 1),  # `headcount`, its two listed positions included
            "short": Posts(2, 2, 0),  # never fewer posts than positions listed
        }

    def test_subtree_totals(self, org: raci.Organization) -> None:
        totals = subtree_posts(org)
        assert totals["listed"] == Posts(9, 8, 1)
        assert totals["top"] == Posts(22, 20, 2)
        assert "nothing" not in totals

    def test_stats_names_each_count(self, org: raci.Organization) -> None:
        fig = raci.stats(org)
        assert (fig["posts"], fig["filled"], fig["vacant"]) == (22, 20, 2)
        assert fig["headcount"] == {
            "top": 22,
            "listed": 9,
            "counted": 6,
            "mixed": 10,
            "short": 2,
        }
        assert fig["headcount_counts"] == "posts"
        assert fig["vacant_posts"] == ["p2", "m2"]

    def test_no_posts_known(self) -> None:
        fig = raci.stats(loads("version: 1\nunits:\n  - id: alone\n"))
        assert (fig["posts"], fig["filled"], fig["vacant"], fig["headcount"]) == (0, 0, 0, {})

    def test_structure_is_what_stats_says(self, org: raci.Organization) -> None:
        shape, fig = structure(org), raci.stats(org)
        assert shape == {
            "units": 6,
            "by_level": {"organization": 1, "division": 3, "section": 2},
            "positions": 8,
            "posts": 22,
            "filled": 20,
            "vacant": 2,
            "depth": 2,
            "span_of_control": {"min": 2, "median": 2.5, "max": 3, "mean": 2.5},
            "deliverables": 0,
        }
        assert all(fig[k] == v for k, v in shape.items())

    def test_depth_of_each_unit(self, org: raci.Organization) -> None:
        assert unit_depths(org) == {
            "top": 0,
            "listed": 1,
            "counted": 2,
            "nothing": 2,
            "mixed": 1,
            "short": 1,
        }

    def test_text_names_each_count(self, org: raci.Organization) -> None:
        text = render_figures(raci.stats(org), "text")
        rows = dict(re.findall(r"^([a-z][a-z ()]+?) {2,}(\S+)$", text, re.MULTILINE))
        assert rows["positions listed"] == "8"
        assert rows["posts"] == "22"
        assert rows["filled posts"] == "20"
        assert rows["vacant posts"] == "2"
        assert rows["depth (levels below the top unit)"] == "2"


class TestOneCountEverywhere:
    """The UN-Habitat example gives one number of posts, called posts, in every output."""

    def test_chart_stats_diff_and_report_agree(self, tmp_path: Path) -> None:
        model = EXAMPLES / "un-habitat-2020" / "org.yaml"
        renamed = tmp_path / "renamed.yaml"
        text = model.read_text(encoding="utf-8")
        renamed.write_text(text.replace("Safer Cities Unit", "Safer Cities Team"), "utf-8")

        def run(*args: str | Path) -> str:
            result = CliRunner().invoke(cli, [str(a) for a in args])
            assert result.exit_code == 0, result.output
            return result.stdout

        stats_text = run("stats", model)
        found = {"stats": re.findall(r"^posts +([\d,]+)$", stats_text, re.MULTILINE)}
        data = json.loads(run("diff", model, model, "--format", "json"))["figures"]
        found["diff json"] = [str(data["before"]["posts"]), str(data["after"]["posts"])]
        diff_text = run("diff", model, renamed)
        found["diff"] = re.findall(r"^  Posts +([\d,]+) +([\d,]+) +0$", diff_text, re.MULTILINE)
        run("chart", model, "-o", tmp_path / "chart.svg")
        svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
        boxes = [int(n.replace(",", "")) for n in re.findall(r">([\d,]+) posts[<,]", svg)]
        found["chart"] = [str(max(boxes))]
        run("report", model, "-o", tmp_path / "report.html")
        html = (tmp_path / "report.html").read_text(encoding="utf-8")
        found["report"] = re.findall(r"<b>([\d,]+)</b><span>Posts</span>", html)
        assert found == {
            "stats": ["111"],
            "diff json": ["111", "111"],
            "diff": [("111", "111")],
            "chart": ["111"],
            "report": ["111"],
        }


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
        assert re.search(r"^span of control, mean +1\.67$", text, re.MULTILINE)
        assert "clerk  R2      R4 C2\n" in text

    def test_markdown(self, small: raci.Organization) -> None:
        md = render_figures(raci.stats(small), "markdown", title="Small | <x>")
        assert md.startswith("# Figures: Small \\| \\<x\\>\n")
        assert "| units | 6 |" in md
        assert "## Vacant posts\n\n| post |\n|---|\n| spare |" in md

    def test_names_from_the_model(self, small: raci.Organization) -> None:
        text = render_figures(raci.stats(small), "text", org=small)
        assert "\nClerk       R2      R4 C2\n" in text
        assert "\nVacant posts\npost\n----------\nSpare post\n" in text
        assert re.search(r"^First group +3$", text, re.MULTILINE)
        assert re.search(r"^\(no group\) +1$", text, re.MULTILINE)

    def test_ids_on_asking(self, small: raci.Organization) -> None:
        text = render_figures(raci.stats(small), "text", org=small, ids=True)
        assert "clerk  R2      R4 C2\n" in text
        assert re.search(r"^g1 +3$", text, re.MULTILINE)
        assert "Clerk" not in text

    def test_a_shared_name_shows_its_id(self) -> None:
        org = loads(
            "version: 1\nunits:\n  - id: top\npositions:\n"
            "  - {id: p1, title: Officer, unit: top, vacant: true}\n"
            "  - {id: p2, title: Officer, unit: top, vacant: true}\n"
        )
        md = render_figures(raci.stats(org), "markdown", org=org)
        assert "## Vacant posts\n\n| post |\n|---|\n| Officer (p1) |\n| Officer (p2) |" in md
        zh = render_figures(raci.stats(org), "text", org=org, lang="zh")
        assert zh.endswith("\n空缺职位\n职位\n-------------\nOfficer（p1）\nOfficer（p2）\n")

    def test_the_language_of_the_model_by_default(self, small: raci.Organization) -> None:
        zh = attrs.evolve(small, language="zh")
        text = render_figures(raci.stats(zh), "text", title="小组织", org=zh)
        assert text.startswith("统计数据：小组织\n\n结构\n项目")
        assert "\n文员        R2    R4 C2\n" in text
        assert re.search(r"^司 +3$", text, re.MULTILINE)

    def test_the_top_parties_by_the_letters_of_the_scheme(self) -> None:
        org = loads(
            "version: 1\nscheme: DACI\nunits:\n  - {id: top, name: Top}\n"
            "deliverables:\n  - {id: d, raci: {D: top, A: top}}\n"
        )
        text = render_figures(raci.stats(org), "text", org=org)
        assert "\nWho carries the most A and D\nrole  party  deliverables\n" in text
        assert re.search(r"^D +Top +1$", text, re.MULTILINE)

    def test_many_posts_are_cut_in_text(self) -> None:
        posts = "".join(f"  - {{id: p{i}, unit: top}}\n" for i in range(30))
        org = loads("version: 1\nunits:\n  - id: top\npositions:\n" + posts)
        text = render_figures(raci.stats(org), "text")
        assert "The 5 less busy posts are in the JSON" in text
