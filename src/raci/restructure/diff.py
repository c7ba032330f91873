"""What a restructuring changes between two versions of a model (docs/restructuring.md).

:func:`diff` compares OLD and NEW: units created, abolished, merged, split, renamed,
moved and relevelled; listed positions created, abolished and moved; posts established,
abolished, redeployed, reclassified and converted (:mod:`raci.restructure.posts`);
deliverables added and removed; changes of Accountable; and the responsibilities of OLD
that nobody in NEW carries (orphaned). A unit (or post) of NEW that lists old ids in
``formerly`` continues them; see docs/restructuring.md for the exact rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from raci._gc import no_cyclic_gc
from raci.analysis.figures import structure
from raci.analysis.names import role_name
from raci.analysis.successors import Successors, successors
from raci.findings import Finding, Listed, Said, Severity, Word, say
from raci.lineage import carry_over
from raci.lookup import Suggestions
from raci.model import Organization
from raci.restructure.posts import PostChanges, post_changes, post_totals
from raci.schemes import Role, Scheme

#: The lists of ``to_dict()``, in the order the readable forms tell them.
CATEGORIES = (
    "units_added",
    "units_removed",
    "units_merged",
    "units_split",
    "units_renamed",
    "units_moved",
    "units_relevelled",
    "positions_added",
    "positions_removed",
    "positions_moved",
    "deliverables_added",
    "deliverables_removed",
    "accountable_changed",
    "orphaned",
)

#: The rule name of a diff finding: a ``formerly`` id that names nothing in OLD.
FORMERLY_UNKNOWN = "formerly-unknown"

Entry = dict[str, Any]


def _category(key: str) -> Any:
    """A read-only attribute for one category of the diff."""

    def read(self: Diff) -> tuple[Entry, ...]:
        return self.changes[key]

    return property(read, doc=f"The `{key}` entries.")


@attrs.frozen
class Diff:
    """The changes from OLD to NEW, with the figures of each and what was not compared.

    Each category of :data:`CATEGORIES` is a tuple of JSON-ready entries (ids, and
    names in each model's default language); ``posts`` are the post changes;
    ``findings`` are problems with the lineage (a ``formerly`` id that names nothing in
    OLD), placed in NEW's file; ``notes`` say what could not be compared.
    """

    old: Organization = attrs.field(repr=False)
    new: Organization = attrs.field(repr=False)
    changes: Mapping[str, tuple[Entry, ...]]
    figures: Mapping[str, Mapping[str, Any]]
    lineage: Successors = attrs.field(repr=False, eq=False)
    findings: tuple[Finding, ...] = ()
    #: What was not compared, and why: English as ``str()``, any language by ``said``.
    notes: tuple[Said, ...] = ()
    posts: PostChanges = attrs.field(factory=PostChanges)

    units_added = _category("units_added")
    units_removed = _category("units_removed")
    units_merged = _category("units_merged")
    units_split = _category("units_split")
    units_renamed = _category("units_renamed")
    units_moved = _category("units_moved")
    units_relevelled = _category("units_relevelled")
    positions_added = _category("positions_added")
    positions_removed = _category("positions_removed")
    positions_moved = _category("positions_moved")
    deliverables_added = _category("deliverables_added")
    deliverables_removed = _category("deliverables_removed")
    accountable_changed = _category("accountable_changed")
    orphaned = _category("orphaned")

    @property
    def empty(self) -> bool:
        """True when nothing changed and the lineage has no problem."""
        return not any(self.changes.values()) and not self.posts and not self.findings

    def __bool__(self) -> bool:
        return not self.empty

    def __repr__(self) -> str:
        """One line: the two files and how many changes of each kind (those with any),
        grouped as units, positions and deliverables."""
        counts = self.counts()
        groups: dict[str, list[str]] = {}
        for key, n in counts.items():
            what, _, how = key.partition("_")
            if key == "accountable_changed":
                what, how = "deliverables", "with a new Accountable"
            if n and how:
                groups.setdefault(what, []).append(f"{n} {how}")
        parts = [f"{what}: {', '.join(hows)}" for what, hows in groups.items()]
        if counts.get("orphaned"):
            parts.append(f"{counts['orphaned']} orphaned")
        shown = "; ".join(parts) if parts else "no change"
        return f"<Diff {self.old.source} → {self.new.source}: {shown}>"

    def _repr_html_(self) -> str | None:
        """The changes as a notebook shows them: each kind counted (its details folded
        below), the figures before and after, and the picture."""
        from raci._display import html

        return html(self)

    def counts(self) -> dict[str, int]:
        """How many entries each category has."""
        return {k: len(v) for k, v in self.changes.items()}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``raci diff --format json`` (docs/restructuring.md)."""
        out: dict[str, Any] = {
            "old": self.old.source,
            "new": self.new.source,
        }
        for key in CATEGORIES:
            out[key] = [dict(e) for e in self.changes[key]]
        out["posts"] = self.posts.to_dict()
        out["figures"] = {k: dict(v) for k, v in self.figures.items()}
        out["findings"] = [{**f.to_dict(), "file": f.location.file} for f in self.findings]
        out["notes"] = [str(n) for n in self.notes]
        out["summary"] = self.counts()
        return out

    def to_text(self, lang: str | None = None) -> str:
        """The changes as plain text, grouped and counted, with names in ``lang``."""
        from raci.restructure.report import render_text

        return render_text(self, lang)

    def to_markdown(self, lang: str | None = None) -> str:
        """The changes as Markdown, ready to paste into a paper."""
        from raci.restructure.report import render_markdown

        return render_markdown(self, lang)


def diff(old: Organization, new: Organization) -> Diff:
    """What changes from ``old`` to ``new``: see :class:`Diff` and docs/restructuring.md."""
    for what, org in (("old", old), ("new", new)):
        if not isinstance(org, Organization):
            msg = f"diff() takes two raci.Organization objects ({what} is {type(org).__name__})"
            raise TypeError(msg)
    with no_cyclic_gc():
        return _Comparison(carry_over(old), carry_over(new)).run()


class _Comparison:
    def __init__(self, old: Organization, new: Organization) -> None:
        self.old = old
        self.new = new
        self.lineage = successors(old, new)
        self.notes: list[Said] = []
        self.findings: list[Finding] = []

    def run(self) -> Diff:
        old, new = self.old, self.new
        changes: dict[str, list[Entry]] = {key: [] for key in CATEGORIES}
        compare_units = self._comparable("units", bool(old.units), bool(new.units))
        compare_posts = self._comparable("posts", bool(old.positions), bool(new.positions))
        compare_work = self._comparable(
            "deliverables", bool(old.deliverables), bool(new.deliverables)
        )
        self._check_formerly()
        if old.levels != new.levels and compare_units:
            self.notes.append(
                say(
                    "the two versions name their levels differently ({before} before,"
                    " {after} after): levels are compared by name",
                    before=_levels(old),
                    after=_levels(new),
                )
            )
        figures = {"before": structure(old), "after": structure(new)}
        totals = post_totals(figures["before"]["posts"], figures["after"]["posts"])
        posts = PostChanges(totals=totals)
        if compare_units:
            self._units(changes)
            posts = post_changes(old, new, self.lineage.units, self.lineage.positions, totals)
        if compare_posts:
            self._positions(changes)
        if compare_work:
            self._deliverables(changes)
            self._accountable(changes)
            self._orphaned(changes)
        return Diff(
            old,
            new,
            {k: tuple(v) for k, v in changes.items()},
            figures,
            self.lineage,
            tuple(self.findings),
            tuple(self.notes),
            posts,
        )

    def _comparable(self, what: str, before: bool, after: bool) -> bool:
        if before == after:
            return before
        self.notes.append(_NOT_COMPARED[what, before])
        return False

    def _check_formerly(self) -> None:
        lin = self.lineage
        pool: Suggestions | None = None
        for table, unknown in (
            (self.new.units, lin.units.unknown),
            (self.new.positions, lin.positions.unknown),
        ):
            for ident, old_id in unknown:
                party = table[ident]
                if pool is None:
                    pool = Suggestions(self.old.parties)
                closest = pool.closest(old_id)
                source = self.old.source
                said = (
                    say(
                        "unit `{ident}` says it continues `{old_id}`, but the old version"
                        " ({source}) has no unit or post `{old_id}`",
                        ident=ident,
                        old_id=old_id,
                        source=source,
                    )
                    if party.kind == "unit"
                    else say(
                        "position `{ident}` says it continues `{old_id}`, but the old version"
                        " ({source}) has no unit or post `{old_id}`",
                        ident=ident,
                        old_id=old_id,
                        source=source,
                    )
                )
                hint = (
                    say(
                        "Did you mean `{closest}`? List only ids of the old version in `formerly`.",
                        closest=closest,
                    )
                    if closest
                    else say("List only ids of the old version in `formerly`.")
                )
                self.findings.append(
                    Finding(
                        FORMERLY_UNKNOWN,
                        Severity.WARNING,
                        ident,
                        str(said),
                        party.where("formerly"),
                        str(hint),
                        saying=(said, hint),
                    )
                )

    # -- units -------------------------------------------------------------

    def _units(self, changes: dict[str, list[Entry]]) -> None:
        old, new, units = self.old, self.new, self.lineage.units
        for uid, u in new.units.items():
            before = [o for o in units.predecessors(uid) if o in old.units]
            if not before:
                changes["units_added"].append(
                    {"unit": uid, "name": u.name, "level": u.level, "parent": u.parent}
                )
            elif len(before) > 1:
                changes["units_merged"].append({"unit": uid, "name": u.name, "formerly": before})
        for oid, o in old.units.items():
            after = [n for n in units.successors(oid) if n in new.units]
            if not after:
                changes["units_removed"].append(
                    {"unit": oid, "name": o.name, "level": o.level, "parent": o.parent}
                )
            elif len(after) > 1:
                changes["units_split"].append({"unit": oid, "name": o.name, "into": after})
        for oid, nid in self._pairs():
            o, u = old.units[oid], new.units[nid]
            if o.names.texts != u.names.texts or oid != nid:
                changes["units_renamed"].append(
                    {"unit": nid, "formerly": oid, "old_name": o.name, "new_name": u.name}
                )
            if o.level is not None and u.level is not None and o.level != u.level:
                changes["units_relevelled"].append(
                    {"unit": nid, "formerly": oid, "old_level": o.level, "new_level": u.level}
                )
            if self._moved(o.parent, u.parent, nid):
                changes["units_moved"].append(
                    {
                        "unit": nid,
                        "formerly": oid,
                        "old_parent": o.parent,
                        "new_parent": u.parent,
                    }
                )

    def _pairs(self) -> Iterator[tuple[str, str]]:
        """(old unit, new unit) for each old unit and each successor, in NEW's order."""
        for nid in self.new.units:
            for oid in self.lineage.units.predecessors(nid):
                if oid in self.old.units:
                    yield oid, nid

    def _moved(self, old_parent: str | None, new_parent: str | None, new_id: str) -> bool:
        """Moved unless the new parent is the old one or continues it (or the unit itself
        continues its old parent: it was folded into it)."""
        if old_parent == new_parent:
            return False
        if old_parent is None or new_parent is None:
            return True
        heirs = self.lineage.units.successors(old_parent)
        return new_parent not in heirs and new_id not in heirs

    # -- posts -------------------------------------------------------------

    def _positions(self, changes: dict[str, list[Entry]]) -> None:
        old, new, posts = self.old, self.new, self.lineage.positions
        for pid, p in new.positions.items():
            before = [o for o in posts.predecessors(pid) if o in old.positions]
            if not before:
                changes["positions_added"].append(
                    {"position": pid, "title": p.name, "unit": p.unit}
                )
            for oid in before:
                o = old.positions[oid]
                if o.unit != p.unit and p.unit not in self.lineage.units.successors(o.unit):
                    changes["positions_moved"].append(
                        {"position": pid, "formerly": oid, "old_unit": o.unit, "new_unit": p.unit}
                    )
        for oid, o in old.positions.items():
            if not any(n in new.positions for n in posts.successors(oid)):
                changes["positions_removed"].append(
                    {"position": oid, "title": o.name, "unit": o.unit}
                )

    # -- deliverables ------------------------------------------------------

    def _deliverables(self, changes: dict[str, list[Entry]]) -> None:
        old, new = self.old, self.new
        for did, d in new.deliverables.items():
            if did not in old.deliverables:
                changes["deliverables_added"].append({"deliverable": did, "name": d.name})
        for did, d in old.deliverables.items():
            if did not in new.deliverables:
                changes["deliverables_removed"].append({"deliverable": did, "name": d.name})

    def _accountable(self, changes: dict[str, list[Entry]]) -> None:
        old, new = self.old, self.new
        a_old = old.scheme.letter_of("accountable")
        a_new = new.scheme.letter_of("accountable")
        if old.scheme.name != new.scheme.name:
            self.notes.append(
                say(
                    "the old version uses the {old} scheme and the new one {new}: roles are"
                    " compared by what they mean",
                    old=old.scheme.name,
                    new=new.scheme.name,
                )
            )
            missing = [r for r in old.scheme.roles if new.scheme.role(r.letter) is None]
            if missing:
                self.notes.append(
                    say(
                        "roles of the old scheme that the new one lacks: {listed}; their"
                        " assignments are compared by party only",
                        listed=Listed(tuple(_lettered(old.scheme, r) for r in missing)),
                    )
                )
        if a_old is None or a_new is None:
            which = old.scheme.name if a_old is None else new.scheme.name
            self.notes.append(
                say(
                    "the {scheme} scheme has no Accountable role: changes of Accountable are"
                    " not compared",
                    scheme=which,
                )
            )
            return
        for did, d in old.deliverables.items():
            nd = new.deliverables.get(did)
            if nd is None:
                continue
            before, after = d.parties(a_old), nd.parties(a_new)
            if self._same_owner(before, after):
                continue
            changes["accountable_changed"].append(
                {
                    "deliverable": did,
                    "name": nd.name,
                    "old_party": before[0] if before else None,
                    "new_party": after[0] if after else None,
                    "old_parties": before,
                    "new_parties": after,
                }
            )

    def _same_owner(self, before: list[str], after: list[str]) -> bool:
        """Whether the Accountables of NEW are those of OLD, or continue them."""
        if set(before) == set(after):
            return True
        heirs = {o: {o, *self.lineage.of_party(o)} for o in before}
        covered = set().union(*heirs.values()) if heirs else set()
        return bool(after) and set(after) <= covered and all(h & set(after) for h in heirs.values())

    def _orphaned(self, changes: dict[str, list[Entry]]) -> None:
        old, new = self.old, self.new
        for did, d in old.deliverables.items():
            if did not in new.deliverables:
                continue
            seen: set[tuple[str, str]] = set()
            for a in d.assignments:
                key = (a.role, a.party)
                if key in seen or a.party in new.parties or self.lineage.of_party(a.party):
                    continue
                seen.add(key)
                changes["orphaned"].append(
                    {
                        "deliverable": did,
                        "role": a.role,
                        "party": a.party,
                        "name": old.display_name(a.party),
                    }
                )


#: Why a kind of thing was not compared: (what, whether the old version lists it).
_NOT_COMPARED = {
    ("units", False): say(
        "the old version lists no units while the new does: units are not compared"
    ),
    ("units", True): say(
        "the new version lists no units while the old does: units are not compared"
    ),
    ("posts", False): say(
        "the old version lists no posts while the new does: posts are not compared"
    ),
    ("posts", True): say(
        "the new version lists no posts while the old does: posts are not compared"
    ),
    ("deliverables", False): say(
        "the old version lists no deliverables while the new does: deliverables are not compared"
    ),
    ("deliverables", True): say(
        "the new version lists no deliverables while the old does: deliverables are not compared"
    ),
}


def _lettered(scheme: Scheme, role: Role) -> Word:
    """A role as its letter and title: ``R (Responsible)``; the title in the language."""
    return Word(
        f"{role.letter} ({role.name})",
        lambda words: words.aside(role.letter, role_name(scheme, role, words.language)),
    )


def _levels(org: Organization) -> str:
    return " > ".join("/".join(names) for names in org.levels.ranks)
