"""Hypothesis strategies for organizations."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from raci.model import Assignment, Deliverable, External, Group, Names, Organization, Position, Unit
from raci.schemes import BUILTIN_SCHEMES

ids = st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True)
texts = (
    st.text(
        alphabet=st.characters(
            codec="utf-8",
            categories=("L", "N", "P", "S", "Zs"),
            exclude_characters="\u2028\u2029\x85",
        ),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1)


@st.composite
def names(draw: st.DrawFn, language: str = "en") -> Names:
    """A name in the default language, sometimes with a Chinese one too."""
    texts_by_lang = {language: draw(texts)}
    if draw(st.booleans()):
        texts_by_lang["zh"] = draw(cjk)
    return Names(texts_by_lang, language)


@st.composite
def organizations(draw: st.DrawFn) -> Organization:
    """A well-formed organization: one tree of units, posts, parties and deliverables."""
    unique = draw(st.lists(ids, min_size=3, max_size=25, unique=True))
    n_units = draw(st.integers(1, max(1, len(unique) - 2)))
    unit_ids, rest = unique[:n_units], unique[n_units:]
    n_pos = draw(st.integers(0, len(rest)))
    pos_ids, ext_ids = rest[:n_pos], rest[n_pos:]
    units: dict[str, Unit] = {}
    for i, uid in enumerate(unit_ids):
        parent = None if i == 0 else unit_ids[draw(st.integers(0, i - 1))]
        units[uid] = Unit(
            uid,
            draw(names()),
            level=draw(st.sampled_from([None, "division", "section"])),
            parent=parent,
            staff=draw(st.booleans()),
            headcount=draw(st.none() | st.integers(0, 500)),
        )
    positions = {
        pid: Position(
            pid,
            draw(names()),
            draw(st.sampled_from(unit_ids)),
            grade=draw(st.none() | st.sampled_from(["P-4", "D-1"])),
            vacant=draw(st.booleans()),
        )
        for pid in pos_ids
    }
    external = {eid: External(eid, draw(names())) for eid in ext_ids}
    scheme = draw(st.sampled_from(list(BUILTIN_SCHEMES.values())))
    groups = {g: Group(g, draw(names())) for g in draw(st.lists(ids, max_size=3, unique=True))}
    parties = unit_ids + pos_ids + ext_ids
    deliverables: dict[str, Deliverable] = {}
    for did in draw(st.lists(ids, max_size=6, unique=True)):
        assignments = []
        for letter in scheme.letters:
            for party in draw(st.lists(st.sampled_from(parties), max_size=3, unique=True)):
                assignments.append(Assignment(did, letter, party))
        deliverables[did] = Deliverable(
            did,
            draw(names()),
            group=draw(st.none() | st.sampled_from(list(groups) or [None])),
            due=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))),
            assignments=tuple(assignments),
        )
    return Organization(
        names=draw(names()),
        scheme=scheme,
        units=units,
        positions=positions,
        external=external,
        groups=groups,
        deliverables=deliverables,
    )
