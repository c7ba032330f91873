"""Post changes in `raci diff`: a hand-counted pair of models with every kind of change
(docs/restructuring.md, "Post changes")."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import english_words
from raci.cli import cli
from raci.restructure.report import render_markdown, render_text

#: Agency before: a division with three branches, a risk branch, a finance branch funded
#: from two sources with a half post. 21.5 posts.
OLD = """
version: 1
organization: {name: Agency, levels: [organization, division, branch]}
units:
  - {id: top, name: {en: Agency, zh: 机构}, level: organization, posts: {USG: 1, GS-5: 1}}
  - id: pd
    name: {en: Programme Division, zh: 方案司}
    level: division
    parent: top
    posts: {D-2: 1, P-3: 2}
  - id: upd
    name: {en: Urban Planning Branch, zh: 城市规划处}
    level: branch
    parent: pd
    posts: {P-4: 2}
  - id: ubs
    name: {en: Basic Services Branch, zh: 基本服务处}
    level: branch
    parent: pd
    posts: {P-4: 1, GS-4: 2}
  - id: leg
    name: {en: Legislation Branch, zh: 立法处}
    level: branch
    parent: pd
    posts: {P-5: 1, P-4: 2, GS-4: 2}
  - id: risk
    name: {en: Risk Branch, zh: 风险处}
    level: branch
    parent: top
    posts: {P-4: 1, GS-5: 3}
  - id: fin
    name: {en: Finance Branch, zh: 财务处}
    level: branch
    parent: top
    posts:
      - {grade: P-4, count: 2, fund: RB}
      - {grade: GS-6, count: 0.5, fund: XB}
positions:
  - {id: chief-risk, title: {en: Chief of Risk, zh: 风险处处长}, unit: risk, grade: P-4}
"""

#: Agency after: the division renamed (a P-3 reclassified P-4), two branches merged (a
#: GS-4 abolished), one split in two (a P-3 established), the risk branch abolished and
#: its posts redeployed to a new emergency branch (its chief by id), a P-4 of finance
#: converted from RB to XB and a GS-6 established beside the half post. 22.5 posts.
NEW = """
version: 1
organization: {name: Agency, levels: [organization, division, branch]}
units:
  - {id: top, name: {en: Agency, zh: 机构}, level: organization, posts: {USG: 1, GS-5: 1}}
  - id: gsd
    name: {en: Global Solutions Division, zh: 全球解决方案司}
    level: division
    parent: top
    formerly: pd
    posts: {D-2: 1, P-3: 1, P-4: 1}
  - id: upb
    name: {en: Urban Practices Branch, zh: 城市实践处}
    level: branch
    parent: gsd
    formerly: [upd, ubs]
    posts: {P-4: 3, GS-4: 1}
  - id: safer
    name: {en: Safer Cities, zh: 更安全城市}
    level: branch
    parent: gsd
    formerly: leg
    posts: {P-5: 1, P-4: 1}
  - id: plgs
    name: {en: Land and Governance, zh: 土地与治理}
    level: branch
    parent: gsd
    formerly: leg
    posts: {P-4: 1, P-3: 1, GS-4: 2}
  - id: emergency
    name: {en: Emergency Branch, zh: 应急处}
    level: branch
    parent: top
    posts: {P-4: 1, GS-5: 3}
  - id: fin
    name: {en: Finance Branch, zh: 财务处}
    level: branch
    parent: top
    posts:
      - {grade: P-4, count: 1, fund: RB}
      - {grade: P-4, count: 1, fund: XB}
      - {grade: GS-6, count: 1.5, fund: XB}
positions:
  - id: chief-em
    title: {en: Chief of Emergencies, zh: 应急处处长}
    unit: emergency
    grade: P-4
    formerly: chief-risk
"""


def load(text: str, name: str) -> raci.Organization:
    return raci.loads(textwrap.dedent(text).lstrip("\n"), "yaml", file=name)


def compare(old: str, new: str) -> raci.Diff:
    return raci.diff(load(old, "old.yaml"), load(new, "new.yaml"))


def row(unit: str, name: str, before: float, after: float, **kinds: float) -> dict[str, object]:
    counts = dict.fromkeys(
        (
            "established",
            "abolished",
            "redeployed_in",
            "redeployed_out",
            "reclassified",
            "converted",
        ),
        0,
    )
    return {
        "unit": unit,
        "name": name,
        "before": before,
        "after": after,
        "change": after - before,
        **counts,
        **kinds,
    }


EXPECTED = {
    "established": [
        {"unit": "plgs", "grade": "P-3", "fund": None, "count": 1},
        {"unit": "fin", "grade": "GS-6", "fund": "XB", "count": 1},
    ],
    "abolished": [{"unit": "upb", "grade": "GS-4", "fund": None, "count": 1}],
    "redeployed": [
        {
            "from": "risk",
            "to": "emergency",
            "grade": "P-4",
            "fund": None,
            "count": 1,
            "position": "chief-em",
        },
        {"from": "risk", "to": "emergency", "grade": "GS-5", "fund": None, "count": 3},
    ],
    "reclassified": [{"unit": "gsd", "from": "P-3", "to": "P-4", "count": 1}],
    "converted": [{"unit": "fin", "grade": "P-4", "from": "RB", "to": "XB", "count": 1}],
    "summary": [
        row("top", "Agency", 2, 2),
        row("gsd", "Global Solutions Division", 3, 3, reclassified=1),
        row("upb", "Urban Practices Branch", 5, 4, abolished=1),
        # the split's old posts share out by where they went: P-5 and a P-4 to Safer
        # Cities, a P-4 and two GS-4 to Land and Governance
        row("safer", "Safer Cities", 2, 2),
        row("plgs", "Land and Governance", 3, 4, established=1),
        row("emergency", "Emergency Branch", 0, 4, redeployed_in=4),
        row("fin", "Finance Branch", 2.5, 3.5, established=1, converted=1),
        row("risk", "Risk Branch", 4, 0, redeployed_out=4),
    ],
    "totals": {"before": 21.5, "after": 22.5, "change": 1},
}


@pytest.fixture
def change() -> raci.Diff:
    return compare(OLD, NEW)


class TestJson:
    def test_every_kind_hand_counted(self, change: raci.Diff) -> None:
        assert change.to_dict()["posts"] == EXPECTED

    def test_the_cli_prints_it_beside_every_other_list(self, tmp_path: Path) -> None:
        old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
        old.write_text(textwrap.dedent(OLD), encoding="utf-8")
        new.write_text(textwrap.dedent(NEW), encoding="utf-8")
        result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["posts"] == EXPECTED
        assert data["units_merged"] == [
            {"unit": "upb", "name": "Urban Practices Branch", "formerly": ["upd", "ubs"]}
        ]
        assert data["summary"]["units_split"] == 1

    def test_totals_are_the_figures_posts(self, change: raci.Diff) -> None:
        totals = change.posts.totals
        assert totals["before"] == change.figures["before"]["posts"] == 21.5
        assert totals["after"] == change.figures["after"]["posts"] == 22.5
        assert totals["before"] == raci.stats(change.old)["posts"]
        assert totals["after"] == raci.stats(change.new)["posts"]

    def test_the_rows_add_up(self, change: raci.Diff) -> None:
        rows = change.posts.summary
        assert sum(r["before"] for r in rows) == change.posts.totals["before"]
        assert sum(r["after"] for r in rows) == change.posts.totals["after"]
        for r in rows:
            moved = r["established"] - r["abolished"] + r["redeployed_in"] - r["redeployed_out"]
            assert r["change"] == moved, r["unit"]

    def test_the_example_totals_are_its_figures(self) -> None:
        from helpers import EXAMPLES

        here = EXAMPLES / "restructuring"
        change = raci.diff(raci.load(here / "before.yaml"), raci.load(here / "after.yaml"))
        totals = change.posts.totals
        assert (totals["before"], totals["after"]) == (
            raci.stats(change.old)["posts"],
            raci.stats(change.new)["posts"],
        )
        assert sum(r["before"] for r in change.posts.summary) == totals["before"]
        assert sum(r["after"] for r in change.posts.summary) == totals["after"]


def _unit(uid: str, posts: str, extra: str = "") -> str:
    return f"  - {{id: {uid}, parent: top, posts: {posts}{extra}}}\n"


def _pair(old_units: str, new_units: str, positions: tuple[str, str] = ("", "")) -> raci.Diff:
    head = "version: 1\nunits:\n  - {id: top}\n"
    old, new = head + old_units, head + new_units
    if positions[0]:
        old += "positions:\n" + positions[0]
    if positions[1]:
        new += "positions:\n" + positions[1]
    return compare(old, new)


def kinds(change: raci.Diff) -> dict[str, list[dict[str, object]]]:
    data = change.posts.to_dict()
    return {
        k: data[k]
        for k in ("established", "abolished", "redeployed", "reclassified", "converted")
        if data[k]
    }


class TestRules:
    def test_nearest_grades_are_paired_first(self) -> None:
        change = _pair(_unit("a", "{D-1: 1, P-3: 1, GS-5: 1}"), _unit("a", "{P-2: 1, GS-6: 1}"))
        assert kinds(change) == {
            "abolished": [{"unit": "a", "grade": "D-1", "fund": None, "count": 1}],
            "reclassified": [
                {"unit": "a", "from": "P-3", "to": "P-2", "count": 1},
                {"unit": "a", "from": "GS-5", "to": "GS-6", "count": 1},
            ],
        }

    def test_among_equally_near_grades_the_higher_first(self) -> None:
        change = _pair(_unit("a", "{P-3: 1}"), _unit("a", "{P-4: 1, P-2: 1}"))
        assert kinds(change) == {
            "established": [{"unit": "a", "grade": "P-2", "fund": None, "count": 1}],
            "reclassified": [{"unit": "a", "from": "P-3", "to": "P-4", "count": 1}],
        }

    def test_only_as_many_as_are_lost_and_gained_are_reclassified(self) -> None:
        change = _pair(_unit("a", "{P-3: 3}"), _unit("a", "{P-4: 1}"))
        assert kinds(change) == {
            "abolished": [{"unit": "a", "grade": "P-3", "fund": None, "count": 2}],
            "reclassified": [{"unit": "a", "from": "P-3", "to": "P-4", "count": 1}],
        }

    def test_a_fraction_of_a_post(self) -> None:
        change = _pair(_unit("a", "{P-2: 0.5, GS-3: 1}"), _unit("a", "{P-3: 0.5, GS-3: 1.25}"))
        assert kinds(change) == {
            "established": [{"unit": "a", "grade": "GS-3", "fund": None, "count": 0.25}],
            "reclassified": [{"unit": "a", "from": "P-2", "to": "P-3", "count": 0.5}],
        }

    def test_redeployed_in_file_order(self) -> None:
        change = _pair(
            _unit("a", "{GS-4: 2}") + _unit("b", "{GS-4: 1}"),
            _unit("c", "{GS-4: 1}") + _unit("d", "{GS-4: 2}"),
        )
        assert kinds(change)["redeployed"] == [
            {"from": "a", "to": "c", "grade": "GS-4", "fund": None, "count": 1},
            {"from": "a", "to": "d", "grade": "GS-4", "fund": None, "count": 1},
            {"from": "b", "to": "d", "grade": "GS-4", "fund": None, "count": 1},
        ]

    def test_another_grade_elsewhere_is_not_redeployed(self) -> None:
        change = _pair(_unit("a", "{GS-4: 1}"), _unit("b", "{GS-5: 1}"))
        assert kinds(change) == {
            "established": [{"unit": "b", "grade": "GS-5", "fund": None, "count": 1}],
            "abolished": [{"unit": "a", "grade": "GS-4", "fund": None, "count": 1}],
        }

    def test_redeployed_to_another_fund_is_converted_too(self) -> None:
        old = "  - id: a\n    parent: top\n    posts: [{grade: P-4, fund: RB}]\n"
        new = "  - id: b\n    parent: top\n    posts: [{grade: P-4, fund: XB}]\n"
        assert kinds(_pair(old, new)) == {
            "redeployed": [{"from": "a", "to": "b", "grade": "P-4", "fund": "RB", "count": 1}],
            "converted": [{"unit": "b", "grade": "P-4", "from": "RB", "to": "XB", "count": 1}],
        }

    def test_posts_without_a_fund_are_not_converted(self) -> None:
        new = "  - id: a\n    parent: top\n    posts: [{grade: P-4, fund: RB}]\n"
        assert kinds(_pair(_unit("a", "{P-4: 1}"), new)) == {}

    def test_a_headcount_given_by_grade_is_no_change(self) -> None:
        change = _pair("  - {id: a, parent: top, headcount: 5}\n", _unit("a", "{P-4: 2, GS-5: 3}"))
        assert kinds(change) == {}
        assert change.posts.summary[0]["before"] == change.posts.summary[0]["after"] == 5

    def test_a_listed_position_is_one_of_its_units_posts(self) -> None:
        position = "  - {id: chief, unit: a, grade: P-4}\n"
        old = _unit("a", "{P-4: 2}")
        change = _pair(old, old, (position, position.replace("}", ", holder: Ann}")))
        assert change.posts.totals == {"before": 2, "after": 2, "change": 0}
        assert kinds(change) == {}
        assert not change.posts

    def test_a_listed_position_reclassified_is_named(self) -> None:
        change = _pair(
            _unit("a", "{P-4: 1, P-3: 1}"),
            _unit("a", "{P-4: 1, P-2: 1}"),
            (
                "  - {id: x, unit: a, grade: P-3}\n",
                "  - {id: y, unit: a, grade: P-2, formerly: x}\n",
            ),
        )
        assert kinds(change) == {
            "reclassified": [{"unit": "a", "from": "P-3", "to": "P-2", "count": 1, "position": "y"}]
        }

    def test_a_listed_position_moved_is_redeployed(self) -> None:
        change = _pair(
            _unit("a", "{P-4: 2}") + _unit("b", "{GS-4: 1}"),
            _unit("a", "{P-4: 1}") + _unit("b", "{P-4: 1, GS-4: 1}"),
            ("  - {id: x, unit: a, grade: P-4}\n", "  - {id: x, unit: b, grade: P-4}\n"),
        )
        assert kinds(change) == {
            "redeployed": [
                {"from": "a", "to": "b", "grade": "P-4", "fund": None, "count": 1, "position": "x"}
            ]
        }

    def test_a_position_whose_units_posts_did_not_change_tells_nothing(self) -> None:
        """The person moved, the posts stayed: no post change."""
        units = _unit("a", "{P-4: 1}") + _unit("b", "{P-4: 1}")
        change = _pair(
            units,
            units,
            ("  - {id: x, unit: a, grade: P-4}\n", "  - {id: x, unit: b, grade: P-4}\n"),
        )
        assert kinds(change) == {}
        assert [e["position"] for e in change.positions_moved] == ["x"]

    def test_only_post_changes_is_a_change(self) -> None:
        change = _pair(_unit("a", "{P-4: 1}"), _unit("a", "{P-5: 1}"))
        assert not change.empty
        assert "No changes" not in change.to_text()

    def test_a_side_without_units_compares_no_posts(self) -> None:
        change = compare("version: 1\nexternal: [{id: board}]\n", OLD)
        assert kinds(change) == {}
        assert change.posts.totals == {"before": 0, "after": 21.5, "change": 21.5}


class TestText:
    def test_lines(self, change: raci.Diff) -> None:
        text = change.to_text()
        assert (
            "Post changes: 2 established, 1 abolished, 4 redeployed, 1 reclassified, 1 converted"
        ) in text
        for line in (
            "  Established (2)",
            "    Land and Governance: 1 P-3",
            "    Finance Branch: 1 GS-6 (XB)",
            "    Urban Practices Branch: 1 GS-4",
            "  Redeployed (4)",
            "    1 P-4: from Risk Branch to Emergency Branch (Chief of Emergencies)",
            "    3 GS-5: from Risk Branch to Emergency Branch",
            "    Global Solutions Division: 1 P-3 → P-4",
            "    Finance Branch: 1 P-4, RB → XB",
        ):
            assert f"\n{line}\n" in text, line
        table = text[text.index("Posts by unit") : text.index("\nFigures")].splitlines()
        assert table[1].split() == [
            "Before", "After", "Change", "Established", "Abolished", "Redeployed", "in",
            "Redeployed", "out", "Reclassified", "Converted",
        ]  # fmt: skip
        cells = [re.split(r"\s{2,}", line.strip()) for line in table[2:] if line]
        assert cells == [
            ["Global Solutions Division", "3", "3", "0", "–", "–", "–", "–", "1", "–"],
            ["Urban Practices Branch", "5", "4", "−1", "–", "1", "–", "–", "–", "–"],
            ["Land and Governance", "3", "4", "+1", "1", "–", "–", "–", "–", "–"],
            ["Emergency Branch", "0", "4", "+4", "–", "–", "4", "–", "–", "–"],
            ["Finance Branch", "2.5", "3.5", "+1", "1", "–", "–", "–", "–", "1"],
            ["Risk Branch", "4", "0", "−4", "–", "–", "–", "4", "–", "–"],
            ["Total (all units)", "21.5", "22.5", "+1", "2", "1", "4", "4", "1", "1"],
        ]

    def test_ids(self, change: raci.Diff) -> None:
        text = render_text(change, ids=True)
        assert (
            "    1 P-4: from Risk Branch (risk) to Emergency Branch (emergency)"
            " (Chief of Emergencies (chief-em))\n"
        ) in text
        assert "  Safer Cities (safer)" not in text  # unchanged rows are left out

    def test_markdown(self, change: raci.Diff) -> None:
        md = change.to_markdown()
        assert (
            "- **Post changes:** 2 established, 1 abolished, 4 redeployed, 1 reclassified,"
            " 1 converted\n"
        ) in md
        assert "### Post changes: redeployed (4)\n\n" in md
        assert "- 1 P-4: from Risk Branch to Emergency Branch (Chief of Emergencies)\n" in md
        assert "- Finance Branch: 1 P-4, RB → XB\n" in md
        assert (
            "| Unit | Before | After | Change | Established | Abolished | Redeployed in"
            " | Redeployed out | Reclassified | Converted |\n|---|---:|---:|---:|---:|---:|---:"
            "|---:|---:|---:|\n| Global Solutions Division | 3 | 3 | 0 | – | – | – | – | 1 | – |\n"
        ) in md
        assert "| Total (all units) | 21.5 | 22.5 | +1 | 2 | 1 | 4 | 4 | 1 | 1 |\n" in md
        assert (
            "- 1 P-4: from Risk Branch (`risk`) to Emergency Branch (`emergency`)"
            " (Chief of Emergencies (`chief-em`))\n"
        ) in render_markdown(change, ids=True)

    def test_models_without_posts_have_no_post_section(self) -> None:
        old = "version: 1\nunits:\n  - {id: top}\n  - {id: a, parent: top, headcount: 3}\n"
        change = compare(old, old.replace("3}", "4}"))
        assert change.posts.established == ({"unit": "a", "grade": None, "fund": None, "count": 1},)
        for text in (change.to_text(), change.to_markdown()):
            assert "Post changes" not in text
            assert "Posts by unit" not in text

    def test_no_post_change_shows_no_table(self) -> None:
        change = _pair(_unit("a", "{P-4: 1}"), _unit("a", "{P-4: 1}", ", name: A"))
        assert "Posts by unit" not in change.to_text()
        assert "Post changes" not in change.to_text()


class TestChinese:
    @pytest.mark.parametrize("render", [render_text, render_markdown])
    def test_no_english_word_of_the_section(self, change: raci.Diff, render) -> None:
        text = render(change, "zh")
        english = {w.casefold() for w in english_words("zh")}
        body = text.split("\n", 1)[1]  # after the title, which names the files
        said = {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", body)}
        assert said & english == set()
        assert "职位变动" in text
        assert "设立 2 个、裁撤 1 个、调动 4 个、改叙 1 个、改划 1 个" in text
        assert "P-4 职位 1 个：由风险处调至应急处（应急处处长）" in text
        assert "全球解决方案司：P-3 职位 1 个改叙为 P-4" in text
        assert "财务处：P-4 职位 1 个，由 RB 改划为 XB" in text
        assert "各单位职位" in text
        assert "合计（所有单位）" in text
