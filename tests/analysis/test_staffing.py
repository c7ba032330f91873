"""The staffing table as data: rows by unit, rolled up by level, split by fund, and
compared with an earlier version through the units' lineage; numbers checked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import raci
from helpers import EXAMPLES, loads
from raci.analysis.establishment import NO_GRADE
from raci.analysis.figures import subtree_posts, unit_posts
from raci.analysis.staffing import NO_CATEGORY, NO_GRADE_KEY, Staffing, staffing
from raci.grades import tidy, total
from staffing_orgs import GRADES, NEW, OLD
from strategies import organizations


@pytest.fixture(scope="module")
def old() -> raci.Organization:
    return loads(OLD)


@pytest.fixture(scope="module")
def new() -> raci.Organization:
    return loads(NEW)


def rows(table: Staffing) -> list[tuple[tuple[str, ...], dict[str, float]]]:
    return [(r.units, dict(r.after)) for r in table.rows]


def compared(table: Staffing) -> dict[tuple[str, ...], tuple[dict[str, float], ...]]:
    return {r.units: (dict(r.before or {}), dict(r.after), r.change) for r in table.rows}


class TestOneVersion:
    def test_each_unit_its_own_posts_in_chart_order(self, new: raci.Organization) -> None:
        table = staffing(new)
        assert rows(table) == [
            (("hq",), {"USG": 1, "GS-5": 2}),
            (("apex",), {"D-1": 1, "P-4": 3}),
            (("a1",), {"P-3": 1, "GS-4": 1}),
            (("bc",), {"P-5": 1, "P-4": 1, "P-3": 1}),
            (("d1",), {"D-1": 1, "P-4": 1, "GS-4": 0.5}),
            (("d2",), {"P-4": 1, "P-3": 1}),
            (("f",), {"P-3": 2, "GS-5": 1}),
            (("s",), {"P-3": 1, "P-2": 0.5}),
        ]
        assert [r.level for r in table.rows][:3] == ["organization", "division", "section"]
        assert not table.compared

    def test_columns_in_the_grade_tables_order_by_category(self, new: raci.Organization) -> None:
        table = staffing(new)
        assert list(table.grades) == GRADES
        assert table.categories == (
            ("UG", ("USG",)),
            ("D", ("D-1",)),
            ("P", ("P-5", "P-4", "P-3", "P-2")),
            ("GS", ("GS-5", "GS-4")),
        )
        assert not table.no_grade
        totals = table.totals()
        assert table.by_category(totals.after) == {"UG": 1, "D": 2, "P": 13.5, "GS": 4.5}

    def test_by_level(self, new: raci.Organization) -> None:
        """Sections roll into their division; the top unit (above) and a section with no
        division above it keep their own rows."""
        table = staffing(new, by="division")
        assert rows(table) == [
            (("hq",), {"USG": 1, "GS-5": 2}),
            (("apex",), {"D-1": 1, "P-4": 3, "P-3": 1, "GS-4": 1}),
            (("bc",), {"P-5": 1, "P-4": 1, "P-3": 1}),
            (("d1",), {"D-1": 1, "P-4": 1, "GS-4": 0.5}),
            (("d2",), {"P-4": 1, "P-3": 1}),
            (("f",), {"P-3": 2, "GS-5": 1}),
            (("s",), {"P-3": 1, "P-2": 0.5}),
        ]
        assert table.by == "division"

    def test_by_an_unknown_level_names_the_levels(self, new: raci.Organization) -> None:
        with pytest.raises(raci.QueryError, match=r"unknown level 'divison'.*did you mean"):
            staffing(new, by="divison")
        with pytest.raises(raci.QueryError, match="no unit is at level 'branch'"):
            staffing(new, by="branch")

    def test_by_fund(self, new: raci.Organization) -> None:
        table = staffing(new, fund=True)
        assert table.funds == ("RB", "XB", None)
        split = [(r.units, r.fund, dict(r.after)) for r in table.rows if r.units == ("d2",)]
        assert split == [(("d2",), "RB", {"P-3": 1}), (("d2",), "XB", {"P-4": 1})]
        assert [r.fund for r in table.rows if r.units == ("hq",)] == [None]
        assert table.fund_totals("RB").after == {"P-3": 1}
        assert table.fund_totals("XB").after == {"P-4": 1}
        assert total(table.fund_totals(None).after) == 19
        assert table.totals().after == staffing(new).totals().after

    def test_fractions_add_up_exactly(self) -> None:
        org = loads(
            """
            version: 1
            units:
              - id: top
                level: division
                posts: {P-4: 0.1}
                units:
                  - {id: x, level: section, posts: {P-4: 0.2}}
                  - {id: y, level: section, posts: {P-4: 0.7, GS: 0.33}}
            """
        )
        (row,) = staffing(org, by="division").rows
        assert row.after == {"P-4": 1, "GS": 0.33}
        assert staffing(org).to_dict()["totals"]["posts"]["total"] == 1.33

    def test_positions_and_headcounts_without_establishments(self) -> None:
        """A unit without ``posts`` counts its listed positions by grade, and the rest of
        its headcount as posts of no grade; a grade the table lacks has no category."""
        org = loads(
            """
            version: 1
            units:
              - {id: top, headcount: 5}
              - {id: empty, parent: top}
            positions:
              - {id: boss, unit: top, grade: D-2}
              - {id: adviser, unit: top, grade: Consultant}
              - {id: clerk, unit: top, grade: g5}
            """
        )
        table = staffing(org)
        assert rows(table) == [
            (("top",), {"D-2": 1, "Consultant": 1, "GS-5": 1, NO_GRADE: 2}),
            (("empty",), {}),
        ]
        assert table.categories == (
            ("D", ("D-2",)),
            ("GS", ("GS-5",)),
            (NO_CATEGORY, ("Consultant",)),
        )
        assert table.no_grade
        data = table.to_dict()
        assert data["grades"] == ["D-2", "GS-5", "Consultant", NO_GRADE_KEY]
        assert data["rows"][0]["posts"]["grades"][NO_GRADE_KEY] == 2
        assert data["rows"][1]["posts"] == {"grades": {}, "categories": {}, "total": 0}


class TestComparison:
    def test_rows_follow_the_lineage(self, old: raci.Organization, new: raci.Organization) -> None:
        table = staffing(new, before=old)
        assert [(r.units, r.formerly, r.abolished) for r in table.rows] == [
            (("hq",), ("hq",), False),
            (("apex",), ("a",), False),  # renamed with a new id
            (("a1",), ("a1",), False),  # renamed, same id
            (("bc",), ("b", "c"), False),  # merged
            (("d1",), ("d",), False),  # split: the first part has the posts before
            (("d2",), ("d",), False),
            (("f",), (), False),  # new
            (("s",), ("s",), False),
            (("e",), ("e",), True),  # abolished, last
        ]
        assert compared(table) == {
            ("hq",): ({"USG": 1, "GS-5": 2}, {"USG": 1, "GS-5": 2}, {}),
            ("apex",): ({"D-1": 1, "P-4": 2}, {"D-1": 1, "P-4": 3}, {"P-4": 1}),
            ("a1",): ({"P-3": 1, "GS-4": 1}, {"P-3": 1, "GS-4": 1}, {}),
            ("bc",): (
                {"P-5": 1, "P-3": 1, "P-4": 1, "GS-5": 1},
                {"P-5": 1, "P-4": 1, "P-3": 1},
                {"GS-5": -1},
            ),
            ("d1",): (
                {"D-1": 1, "P-4": 2, "GS-4": 1.5},
                {"D-1": 1, "P-4": 1, "GS-4": 0.5},
                {"P-4": -1, "GS-4": -1},
            ),
            ("d2",): ({}, {"P-4": 1, "P-3": 1}, {"P-4": 1, "P-3": 1}),
            ("f",): ({}, {"P-3": 2, "GS-5": 1}, {"P-3": 2, "GS-5": 1}),
            ("s",): ({"P-3": 1}, {"P-3": 1, "P-2": 0.5}, {"P-2": 0.5}),
            ("e",): ({"P-2": 1}, {}, {"P-2": -1}),
        }

    def test_names_new_and_abolished(self, old: raci.Organization, new: raci.Organization) -> None:
        table = staffing(new, before=old)
        names = [table.name(r) for r in table.rows]
        assert names[1:6] == [
            "Apex Division",
            "Apex Section",
            "Beta-Gamma Division",
            "Delta One",
            "Delta Two",
        ]
        assert names[-1] == "Epsilon Division"

    def test_totals(self, old: raci.Organization, new: raci.Organization) -> None:
        totals = staffing(new, before=old).totals()
        assert totals.before == {
            "USG": 1,
            "D-1": 2,
            "P-5": 1,
            "P-4": 5,
            "P-3": 3,
            "P-2": 1,
            "GS-5": 3,
            "GS-4": 2.5,
        }
        assert totals.change == {"P-4": 1, "P-3": 3, "P-2": -0.5, "GS-4": -1}
        data = staffing(new, before=old).to_dict()["totals"]
        assert (data["before"]["total"], data["after"]["total"], data["change"]["total"]) == (
            18.5,
            21,
            2.5,
        )

    def test_by_level_on_each_side(self, old: raci.Organization, new: raci.Organization) -> None:
        table = staffing(new, before=old, by="division")
        apex = next(r for r in table.rows if r.units == ("apex",))
        assert apex.formerly == ("a",)
        assert apex.before == {"D-1": 1, "P-4": 2, "P-3": 1, "GS-4": 1}
        assert apex.after == {"D-1": 1, "P-4": 3, "P-3": 1, "GS-4": 1}
        assert ("a1",) not in [r.units for r in table.rows]

    def test_a_unit_moved_between_divisions_takes_its_posts_along(self) -> None:
        """Rolled up, a section that keeps its id under another division counts, before as
        after, in the row of the division it is in now: each division keeps its row, and
        no post is counted in two rows."""
        before = loads(
            """
            version: 1
            units:
              - {id: x, level: division, posts: {P-5: 1}}
              - {id: y, level: division, posts: {P-5: 1}}
              - {id: sec, parent: x, level: section, posts: {P-3: 2}}
            """
        )
        after = loads(
            """
            version: 1
            units:
              - {id: x, level: division, posts: {P-5: 1}}
              - {id: y, level: division, posts: {P-5: 1}}
              - {id: sec, parent: y, level: section, posts: {P-3: 2}}
            """
        )
        rows = staffing(after, before=before, by="division").rows
        assert [(r.units, r.before, r.change) for r in rows] == [
            (("x",), {"P-5": 1}, {}),
            (("y",), {"P-5": 1, "P-3": 2}, {}),
        ]
        assert [r.change for r in staffing(after, before=before).rows] == [{}, {}, {}]

    def test_a_level_only_the_earlier_version_has(self) -> None:
        before = loads("version: 1\nunits:\n  - {id: x, level: branch, posts: {P-4: 1}}\n")
        after = loads("version: 1\nunits:\n  - {id: x, level: section, posts: {P-4: 1}}\n")
        assert len(staffing(after, before=before, by="branch").rows) == 1
        with pytest.raises(raci.QueryError, match="no unit is at level 'division'"):
            staffing(after, before=before, by="division")

    def test_split_by_fund(self, old: raci.Organization, new: raci.Organization) -> None:
        table = staffing(new, before=old, fund=True)
        split = [
            (r.fund, dict(r.before or {}), dict(r.after))
            for r in table.rows
            if r.formerly == ("d",)
        ]
        assert split == [
            (None, {"D-1": 1, "P-4": 2, "GS-4": 1.5}, {"D-1": 1, "P-4": 1, "GS-4": 0.5}),
            ("RB", {}, {"P-3": 1}),
            ("XB", {}, {"P-4": 1}),
        ]
        funds = table.to_dict()["funds"]
        assert [(f["fund"], f["change"]["total"]) for f in funds] == [
            ("RB", 1),
            ("XB", 1),
            (None, 0.5),
        ]


def _figures(org: raci.Organization) -> float:
    """The organization's posts as the figures count them, two ways that must agree."""
    own = sum(p.posts for p in unit_posts(org).values())
    below = subtree_posts(org)
    assert own == pytest.approx(sum(below[r].posts for r in org.roots if r in below))
    return tidy(own)


@pytest.mark.parametrize(
    "pair",
    [
        ("pair", None),
        ("un-habitat-2020/org.yaml", None),
        ("restructuring/after.yaml", "restructuring/before.yaml"),
    ],
)
@pytest.mark.parametrize("options", [{}, {"by": "division"}, {"fund": True}])
def test_totals_are_the_figures_posts(
    pair: tuple[str, str | None], options: dict[str, object]
) -> None:
    """However the rows are cut, the totals are the posts of ``raci stats``."""
    if pair[0] == "pair":
        new, old = loads(NEW), loads(OLD)
    else:
        new = raci.load(EXAMPLES / pair[0])
        old = raci.load(EXAMPLES / pair[1]) if pair[1] else None
    table = staffing(new, before=old, **options)  # type: ignore[arg-type]
    data = table.to_dict()
    if old is None:
        assert data["totals"]["posts"]["total"] == _figures(new)
        return
    assert data["totals"]["after"]["total"] == _figures(new)
    assert data["totals"]["before"]["total"] == _figures(old)
    assert sum(r["after"]["total"] for r in data["rows"]) == pytest.approx(_figures(new))
    assert sum(r["before"]["total"] for r in data["rows"]) == pytest.approx(_figures(old))


@settings(max_examples=40, deadline=None)
@given(
    new=organizations(),
    old=st.none() | organizations(),
    by=st.sampled_from([None, "division", "section"]),
    fund=st.booleans(),
)
def test_every_post_is_in_one_row(
    new: raci.Organization, old: raci.Organization | None, by: str | None, fund: bool
) -> None:
    """Random models, compared or not, rolled up or not: no unit heads two rows (but for
    its funds), and the totals are the figures' posts of each version."""
    try:
        table = staffing(new, before=old, by=by, fund=fund)
    except raci.QueryError:  # no unit at that level
        return
    seen = [u for r in table.rows if not r.abolished for u in r.units]
    if not fund:
        assert len(seen) == len(set(seen))
    assert total(table.totals().after) == _figures(new)
    if old is not None:
        assert total(table.totals().before or {}) == _figures(old)
