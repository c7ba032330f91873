"""Establishments: posts by grade read from the model, counted once, checked by rules."""

from __future__ import annotations

import pytest

import raci
from raci.analysis.establishment import NO_GRADE, unit_grades
from raci.analysis.figures import Posts, subtree_posts, unit_posts
from raci.grades import UN, grade_key

MODEL = """
version: 1
units:
  - id: hq
    posts: {USG: 1, D-2: 1, GS: 2}
    units:
      - id: gsd
        posts: {D-1: 1, P5: 2, P-4: 3, GS (OL): 0.5}
      - id: upb
        posts:
          - {grade: P-4, count: 2, fund: RB}
          - {grade: P-4, count: 1, fund: XB}
      - id: old
        headcount: 4
positions:
  - {id: ed, unit: hq, grade: USG, holder: Ann}
  - {id: chief, unit: gsd, grade: D-1, vacant: true}
  - {id: clerk, unit: old, grade: GS-4}
"""


def findings(text: str, rule: str) -> list[raci.Finding]:
    return [f for f in raci.validate(raci.loads(text)) if f.rule == rule]


class TestGrades:
    @pytest.mark.parametrize(
        ("written", "key"),
        [("P4", "P-4"), ("p 4", "P-4"), ("GS (OL)", "GS-OL"), ("G-5", "GS-5"), ("USG", "USG")],
    )
    def test_spellings_of_one_grade(self, written: str, key: str) -> None:
        assert grade_key(written) == key
        assert UN.known(written) == key

    def test_categories(self) -> None:
        assert [UN.category_of(g) for g in ("ASG", "D-1", "P-2", "NO-B", "FS-5", "GS")] == [
            "UG",
            "D",
            "P",
            "NO",
            "FS",
            "GS",
        ]
        assert UN.sort(["GS", "P-4", "D-1", "Senior"]) == ["D-1", "P-4", "GS", "Senior"]


class TestCounting:
    def test_each_unit_by_grade_and_fund(self) -> None:
        grades = unit_grades(raci.loads(MODEL))
        assert grades["gsd"] == {
            ("D-1", None): 1,
            ("P-5", None): 2,
            ("P-4", None): 3,
            ("GS-OL", None): 0.5,
        }
        assert grades["upb"] == {("P-4", "RB"): 2, ("P-4", "XB"): 1}
        # Without posts: listed positions by grade, the headcount's rest as no grade.
        assert grades["old"] == {("GS-4", None): 1, (NO_GRADE, None): 3}

    def test_the_figures_add_the_same_posts(self) -> None:
        org = raci.loads(MODEL)
        assert unit_posts(org)["gsd"] == Posts(6.5, 5.5, 1)
        assert subtree_posts(org)["hq"] == Posts(4 + 6.5 + 3 + 4, 16.5, 1)

    def test_written_back_and_read_again(self) -> None:
        org = raci.loads(MODEL)
        again = raci.loads(raci.dumps(org))
        assert again.units == org.units
        assert unit_grades(again) == unit_grades(org)


class TestLoading:
    @pytest.mark.parametrize(
        ("posts", "message"),
        [
            ("{P-4: -1}", "the count of `P-4` posts must be a number, 0 or more (got -1)"),
            ("{P-4: 1000001}", "the count of `P-4` posts is 1,000,001; expected at most 100,000"),
            ("{P-4: .nan}", "the count of `P-4` posts must be a number, 0 or more (got nan)"),
            (
                "[{grade: P-4}, {grade: p4}]",
                "posts of grade `P-4` are given twice (first at line 4)",
            ),
            ("3", "`posts` must be a {grade: count} mapping or a list of {grade, count, fund}"),
        ],
    )
    def test_wrong_posts_at_their_place(self, posts: str, message: str) -> None:
        with pytest.raises(raci.LoadError) as info:
            raci.loads(f"version: 1\nunits:\n  - id: a\n    posts: {posts}\n")
        [problem] = info.value.findings
        assert problem.message.startswith(message)
        assert problem.location.line in (3, 4)

    def test_posts_and_headcount_together(self) -> None:
        with pytest.raises(raci.LoadError, match="gives both `headcount` and `posts`"):
            raci.loads("version: 1\nunits:\n  - {id: a, headcount: 3, posts: {P-4: 3}}\n")


class TestRules:
    def test_unknown_grade_in_posts_and_positions(self) -> None:
        text = MODEL.replace("P5: 2", "P-6: 2") + "  - {id: x, unit: gsd, grade: Senior}\n"
        found = findings(text, "unknown-grade")
        assert [f.message for f in found] == [
            "unit `gsd` has posts of grade `P-6`, which the grade table does not have;"
            " did you mean `P-5`?",
            "position `x` has grade `Senior`, which the grade table does not have",
        ]
        assert (found[0].location.line, found[0].location.column) == (8, 30)

    def test_a_model_without_establishments_keeps_its_own_grades(self) -> None:
        text = "version: 1\nunits: [{id: a}]\npositions: [{id: p, unit: a, grade: Senior}]\n"
        assert findings(text, "unknown-grade") == []

    def test_the_models_own_grade_table(self) -> None:
        text = "version: 1\ngrades: {S: [S-2, S-1]}\nunits: [{id: a, posts: {S-1: 2, P-4: 1}}]\n"
        [f] = findings(text, "unknown-grade")
        assert "`P-4`" in f.message

    def test_positions_beyond_the_posts(self) -> None:
        text = MODEL + "".join(f"  - {{id: p{i}, unit: upb, grade: P-4}}\n" for i in range(4))
        [f] = findings(text, "positions-exceed-posts")
        assert f.message == (
            "unit `upb` lists 4 positions of grade `P-4`; expected at most 3, the `P-4` posts in"
            " its `posts`"
        )
        assert f.location.line == 11

    def test_positions_within_the_posts(self) -> None:
        assert findings(MODEL, "positions-exceed-posts") == []


NORMS = """
version: 1
organization:
  levels: [office, division, section, unit]
units:
  - id: office
    level: office
    posts: {USG: 1, GS: 2}
    units:
      - id: gsd
        level: division
        head: director
        posts: {P-5: 1, P-4: 3, GS: 4}
        units:
          - {id: ops, level: section, posts: {P-4: 1, P-3: 4}}
          - {id: tiny, level: unit, posts: {GS: 2}}
positions:
  - {id: director, unit: gsd, grade: P-5}
"""


class TestLevelNorms:
    def test_off_by_default(self) -> None:
        assert findings(NORMS, "level-norms") == []

    def test_the_un_preset(self) -> None:
        org = raci.loads(NORMS)
        found = [f.message for f in raci.validate(org, select=["level-norms"])]
        assert found == [
            "office `office` has 10 professional posts; the norm for an office is at least 20",
            "division `gsd` is headed at P-5; the norm for a division is a head at D-2",
            "division `gsd` has 9 professional posts; the norm for a division is at least 15",
            "unit `tiny` has 2 posts; the norm for a unit is at least 4",
        ]

    def test_turned_on_and_tuned_in_the_file(self) -> None:
        text = NORMS + "rules:\n  level-norms:\n    division: {min_professional: 9, head: [P-5]}\n"
        found = findings(text, "level-norms")
        assert [f.subject for f in found] == ["office", "tiny"]

    def test_a_wrong_setting_is_refused_at_its_place(self) -> None:
        text = NORMS + "rules:\n  level-norms:\n    division: {min_profesional: 9}\n"
        with pytest.raises(raci.LoadError, match="must map to"):
            raci.validate(raci.loads(text))
