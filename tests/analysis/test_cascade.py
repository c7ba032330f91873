"""raci.cascade: what a post holds, directly and through its units, in a stable order."""

from __future__ import annotations

import random

import pytest
from orgs import SMALL

import raci
from helpers import loads
from raci import Assignment, Deliverable, Names, Organization, Position, Unit
from raci.analysis.cascade import Cascade, Held


@pytest.fixture(scope="module")
def small() -> raci.Organization:
    return loads(SMALL)


class TestHeld:
    """What one post holds, checked by hand against the model in orgs.py."""

    def test_direct_and_inherited_in_sheet_order(self, small: raci.Organization) -> None:
        """Ungrouped first, then groups where they first appear; nearest source first."""
        assert raci.cascade(small, "clerk") == [
            Held("d3", "R", "clerk"),
            Held("d3", "R", "sec"),
            Held("d3", "C", "div"),
            Held("d1", "R", "clerk"),
            Held("d1", "R", "div"),
            Held("d2", "R", "br"),
            Held("d2", "C", "div"),
            Held("d5", "R", "div"),
        ]

    def test_is_a_list_of_plain_triples(self, small: raci.Organization) -> None:
        deliverable, role, via = raci.cascade(small, "clerk")[0]
        assert (deliverable, role, via) == ("d3", "R", "clerk")

    def test_direct_only(self, small: raci.Organization) -> None:
        c = Cascade(small)
        assert c.direct("clerk") == [Held("d3", "R", "clerk"), Held("d1", "R", "clerk")]
        assert c.direct("spare") == []

    def test_nearest_source_first(self, small: raci.Organization) -> None:
        """The chief sits in br: br's R on d2 comes before div's C."""
        assert [h for h in raci.cascade(small, "chief") if h.deliverable == "d2"] == [
            Held("d2", "R", "br"),
            Held("d2", "C", "div"),
        ]

    def test_head_of_the_top_unit_holds_its_unit(self, small: raci.Organization) -> None:
        assert raci.cascade(small, "boss") == [
            Held("d3", "A", "boss"),
            Held("d1", "A", "boss"),
            Held("d4", "A", "boss"),
            Held("d5", "A", "boss"),
        ]

    def test_no_roles_above_is_an_empty_sheet(self) -> None:
        org = loads(
            """
            version: 1
            units:
              - id: root
                units:
                  - id: quiet
            positions:
              - {id: loner, unit: quiet}
            external:
              - id: board
            deliverables:
              - id: d1
                raci: {A: board, R: [board]}
            """
        )
        assert raci.cascade(org, "loner") == []

    def test_a_unit_holding_nothing_passes_on_what_is_above(self, small: raci.Organization) -> None:
        """quiet is Informed on d5 itself; the top unit holds nothing."""
        assert raci.cascade(small, "loner") == [Held("d5", "I", "quiet")]

    def test_vacant_post_inherits_like_any_other(self, small: raci.Organization) -> None:
        assert raci.cascade(small, "spare") == [
            h for h in raci.cascade(small, "clerk") if h.via != "clerk"
        ]

    def test_external_parties_are_never_cascaded(self, small: raci.Organization) -> None:
        c = Cascade(small)
        assert all(h.via != "board" for p in small.positions for h in c.of(p))
        with pytest.raises(raci.QueryError, match="external party, not a post"):
            raci.cascade(small, "board")

    def test_a_unit_is_not_a_post(self, small: raci.Organization) -> None:
        with pytest.raises(raci.QueryError, match="`div` is a unit, not a post"):
            raci.cascade(small, "div")

    def test_unknown_post_says_did_you_mean(self, small: raci.Organization) -> None:
        with pytest.raises(LookupError, match="no post `clrek`; did you mean `Clerk`"):
            raci.cascade(small, "clrek")

    def test_post_by_name_in_any_case(self, small: raci.Organization) -> None:
        assert raci.cascade(small, "SPARE POST") == raci.cascade(small, "spare")
        assert raci.cascade(small, "文员") == raci.cascade(small, "clerk")
        assert raci.cascade(small, "CLERK") == raci.cascade(small, "clerk")

    def test_wrong_types(self, small: raci.Organization) -> None:
        with pytest.raises(TypeError, match=r"post must be .* \(got int\)"):
            raci.cascade(small, 3)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"org must be a raci.Organization \(got str\)"):
            raci.cascade("org.yaml", "clerk")  # type: ignore[arg-type]


class TestShape:
    """Odd hierarchies: cycles, dangling units, very deep chains."""

    def test_posts_in_chart_order(self, small: raci.Organization) -> None:
        assert list(Cascade(small).posts()) == ["boss", "dir", "chief", "clerk", "spare", "loner"]

    def test_post_in_an_unknown_unit_holds_its_own_roles(self) -> None:
        org = Organization(
            positions={"p": Position("p", Names.plain("P"), "nowhere")},
            deliverables={
                "d": Deliverable("d", Names.plain("D"), assignments=(Assignment("d", "R", "p"),))
            },
        )
        assert raci.cascade(org, "p") == [Held("d", "R", "p")]
        assert list(Cascade(org).posts()) == ["p"]

    def test_units_in_a_cycle(self) -> None:
        units = {
            "a": Unit("a", Names.plain("A"), parent="b"),
            "b": Unit("b", Names.plain("B"), parent="a"),
        }
        org = Organization(
            units=units,
            positions={"p": Position("p", Names.plain("P"), "a")},
            deliverables={
                "d": Deliverable(
                    "d",
                    Names.plain("D"),
                    assignments=(
                        Assignment("d", "R", "b"),
                        Assignment("d", "C", "a"),
                    ),
                )
            },
        )
        assert raci.cascade(org, "p") == [Held("d", "C", "a"), Held("d", "R", "b")]

    def test_deep_chain_without_recursion(self) -> None:
        n = 5000
        units = {"u0": Unit("u0", Names.plain("U0"))}
        for i in range(1, n):
            units[f"u{i}"] = Unit(f"u{i}", Names.plain(f"U{i}"), parent=f"u{i - 1}")
        org = Organization(
            units=units,
            positions={"p": Position("p", Names.plain("P"), f"u{n - 1}")},
            deliverables={
                "d": Deliverable("d", Names.plain("D"), assignments=(Assignment("d", "R", "u0"),))
            },
        )
        assert raci.cascade(org, "p") == [Held("d", "R", "u0")]

    def test_each_unit_is_worked_out_once(self, small: raci.Organization, monkeypatch) -> None:
        """No walk up the tree per post: a unit's own roles are read once for all its posts
        (and a unit that holds none, such as root, is passed over)."""
        c = Cascade(small)
        calls: list[str] = []
        own = c._own
        monkeypatch.setattr(c, "_own", lambda party: calls.append(party) or own(party))
        for post in c.posts():
            c.of(post)
        units = [p for p in calls if p in small.units]
        assert sorted(units) == sorted(set(units))
        assert set(units) == {"div", "br", "sec", "quiet"}


def _tangled(seed: int, long: bool = False) -> Organization:
    """Units with random parents (cycles, dangling parents, chains), a post or two in
    each, and random roles of units and posts; ``long``: hundreds of units, most of
    them in long chains."""
    rng = random.Random(seed)
    ids = [f"u{i}" for i in range(rng.randrange(200, 400) if long else rng.randrange(1, 25))]

    def parent(i: int) -> str | None:
        if long and i and rng.random() < 0.99:
            return ids[i - 1]
        return rng.choice([None, "gone", *ids])

    units = {u: Unit(u, Names.plain(u), parent=parent(i)) for i, u in enumerate(ids)}
    posts = {f"p{i}": Position(f"p{i}", Names.plain(f"P{i}"), rng.choice(ids)) for i in range(30)}
    parties = [*ids, *posts]
    deliverables = {}
    for k in range(rng.randrange(1, 15) * (30 if long else 1)):
        held = [(rng.choice("RACI"), rng.choice(parties)) for _ in range(rng.randrange(1, 6))]
        deliverables[f"d{k}"] = Deliverable(
            f"d{k}",
            Names.plain(f"D{k}"),
            assignments=tuple(Assignment(f"d{k}", r, p) for r, p in held),
        )
    return Organization(units=units, positions=posts, deliverables=deliverables)


@pytest.mark.parametrize(
    ("seed", "long"), [*((s, False) for s in range(30)), *((s, True) for s in range(10))]
)
def test_every_post_holds_what_walking_its_units_gives(seed: int, long: bool) -> None:
    """Each post holds its own roles and those of its unit and every unit above it (up to
    where a cycle closes), nearest first on a deliverable; the counts say as many. Posts
    are asked in any order, so lists kept from earlier walks are used along the way."""
    org = _tangled(seed, long)
    cascade = Cascade(org)
    order = {d: i for i, d in enumerate(org.deliverables)}
    letters = {letter: i for i, letter in enumerate(org.scheme.letters)}

    def own(party: str) -> list[Held]:
        pairs = sorted(set(org.assignments_of(party)), key=lambda x: (order[x[0]], letters[x[1]]))
        return [Held(d, r, party) for d, r in pairs]

    for pid in random.Random(seed).sample(list(org.positions), len(org.positions)):
        unit = org.positions[pid].unit
        line = [unit, *org.ancestors(unit)]
        expected = sorted(
            [*own(pid), *(h for u in line for h in own(u))], key=lambda h: order[h.deliverable]
        )
        assert cascade.of(pid) == expected
        assert cascade.held_count(pid) == len(expected)
        assert cascade.inherited_count(unit) == len(cascade.inherited(unit))
