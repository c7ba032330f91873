"""Generate a synthetic organization and its RACI matrix, of any size, as a model file.

As a module: ``generate(units=..., positions=..., deliverables=...) -> dict`` in the
structure of a model file. As a script::

    python benchmarks/generate.py --units 2000 --deliverables 125000 -o big.json

The shape is that of a large organization: a root with 5-10 divisions (and a staff
office), branches, sections and units below them; posts in every unit, each unit
headed by one; external parties; groups of deliverables. Each deliverable has about
``assignments_per_deliverable`` roles: one Accountable (the head of a unit, or the
unit), one to three Responsible inside that unit, some Consulted and Informed
elsewhere. The result is valid; ``mistakes`` plants errors and warnings in that
fraction of the deliverables. The same arguments always give the same organization.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

LEVELS = ["organization", ["office", "division"], ["branch", "service"], "section", "unit"]

_TOPICS = (
    "Urban Planning",
    "Housing",
    "Land",
    "Water and Sanitation",
    "Mobility",
    "Climate Resilience",
    "Finance",
    "Human Resources",
    "Data and Analytics",
    "Partnerships",
    "Legal Affairs",
    "Procurement",
    "Communications",
    "Risk Reduction",
    "Basic Services",
    "Governance",
    "Evaluation",
    "Information Technology",
    "Knowledge Management",
    "Youth and Gender",
)
_FRENCH = {"Division": "Division", "Branch": "Service", "Section": "Section", "Unit": "Groupe"}
_TITLES = ("Programme Officer", "Associate Expert", "Analyst", "Assistant", "Specialist")
_GRADES = ("P-2", "P-3", "P-4", "G-5", "G-6", "NO-B")
_HEAD_GRADES = {0: "USG", 1: "D-2", 2: "D-1", 3: "P-5", 4: "P-4"}
_FIRST = ("Amina", "Bo", "Carlos", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas")
_LAST = ("Okafor", "Li", "Garcia", "Novak", "Yilmaz", "Haddad", "Mensah", "Sato", "Costa", "Berg")
_WORK = (
    "Annual report on",
    "Strategy for",
    "Budget proposal for",
    "Evaluation of",
    "Guidelines on",
    "Country programme on",
    "Audit response on",
    "Training course on",
    "Data portal on",
    "Policy brief on",
)
_FIRST_DUE = dt.date(2024, 1, 1)
_EXTERNAL = ("Executive Board", "Member States", "Board of Auditors", "Donor", "Partner city")


def _solve_fanout(divisions: int, rest: int) -> float:
    """The fan-out f with divisions * (f + f^2 + f^3) == rest (branches, sections, units)."""
    low, high = 0.0, max(1.0, float(rest))
    for _ in range(60):
        f = (low + high) / 2
        if divisions * (f + f * f + f * f * f) < rest:
            low = f
        else:
            high = f
    return low


class _Org:
    """The tree and the posts, kept flat while generating."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.units: list[dict[str, Any]] = []
        self.depth: dict[str, int] = {}
        self.parent: dict[str, str | None] = {}
        self.children: dict[str, list[dict[str, Any]]] = {}
        self.posts_in: dict[str, list[str]] = {}
        self.head: dict[str, str] = {}
        self.vacant: set[str] = set()

    def add_unit(self, ident: str, name: str, level: str, parent: str | None) -> dict[str, Any]:
        unit: dict[str, Any] = {"id": ident, "name": name, "level": level}
        self.units.append(unit)
        self.parent[ident] = parent
        self.depth[ident] = 0 if parent is None else self.depth[parent] + 1
        self.children[ident] = []
        self.posts_in[ident] = []
        if parent is not None:
            self.children[parent].append(unit)
        return unit

    def chain(self, unit: str) -> list[str]:
        """The unit and its ancestors, nearest first."""
        out: list[str] = []
        current: str | None = unit
        while current is not None:
            out.append(current)
            current = self.parent[current]
        return out


def _build_tree(org: _Org, count: int) -> None:
    rng = org.rng
    org.add_unit("org", "Organization", "organization", None)
    if count == 1:
        return
    org.add_unit("oed", "Office of the Director-General", "office", "org")["staff"] = True
    left = count - 2
    divisions = min(left, rng.randint(5, 10))
    fanout = _solve_fanout(divisions, left - divisions) if divisions else 0.0
    layers = [("division", "Division", "d", divisions)]
    below = left - divisions
    for level, word, prefix in (("branch", "Branch", "b"), ("section", "Section", "s")):
        n = min(below, round(layers[-1][3] * fanout))
        layers.append((level, word, prefix, n))
        below -= n
    layers.append(("unit", "Unit", "u", below))
    parents = ["org"]
    for level, word, prefix, n in layers:
        if n == 0:
            continue
        # Uneven fan-out: some parents get many children, some few.
        weights = [rng.uniform(0.3, 1.7) for _ in parents]
        per_parent = Counter(rng.choices(range(len(parents)), weights, k=n))
        layer: list[str] = []
        for i, parent in enumerate(parents):
            for k in range(1, per_parent[i] + 1):
                ident = f"{prefix}{k}" if parent == "org" else f"{parent}-{prefix}{k}"
                topic = rng.choice(_TOPICS)
                unit = org.add_unit(ident, f"{topic} {word}", level, parent)
                if rng.random() < 0.1:
                    unit["name"] = {"en": unit["name"], "fr": f"{_FRENCH[word]} {topic.lower()}"}
                layer.append(ident)
        parents = layer


def _build_posts(org: _Org, count: int) -> list[dict[str, Any]]:
    rng = org.rng
    posts: list[dict[str, Any]] = []

    def post(unit: str, title: str, grade: str, vacant: bool) -> str:
        ident = f"p{len(posts) + 1:06d}"
        entry: dict[str, Any] = {"id": ident, "title": title, "unit": unit, "grade": grade}
        if vacant:
            entry["vacant"] = True
            org.vacant.add(ident)
        else:
            entry["holder"] = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        posts.append(entry)
        org.posts_in[unit].append(ident)
        return ident

    for unit in org.units[:count]:
        title = "Director-General" if unit["id"] == "org" else "Chief"
        head = post(unit["id"], title, _HEAD_GRADES[min(org.depth[unit["id"]], 4)], False)
        unit["head"] = org.head[unit["id"]] = head
    # Staff the lower levels more: a unit's weight grows with its depth.
    weights = [1 + org.depth[u["id"]] for u in org.units]
    for unit in rng.choices(org.units, weights, k=max(0, count - len(org.units))):
        post(unit["id"], rng.choice(_TITLES), rng.choice(_GRADES), rng.random() < 0.05)
    return posts


def _nest(org: _Org, unit: dict[str, Any]) -> dict[str, Any]:
    kids = org.children[unit["id"]]
    if kids:
        unit["units"] = [_nest(org, k) for k in kids]
    return unit


class _Matrix:
    """Draws the roles of one deliverable so that every rule passes."""

    def __init__(self, org: _Org, external: list[str]) -> None:
        self.org = org
        self.rng = org.rng
        self.unit_ids = [u["id"] for u in org.units]
        self.heads = list(org.head.values())
        self.external = external
        self.unit_of = {p: u for u, posts in org.posts_in.items() for p in posts}
        self.known = {*self.unit_ids, *self.unit_of, *external}
        self.vacant = sorted(org.vacant)
        # Posts anywhere below (or in) each unit, for Responsible posts inside the owner.
        self.below: dict[str, list[str]] = {u: [] for u in self.unit_ids}
        for unit, posts in org.posts_in.items():
            for up in org.chain(unit):
                self.below[up].extend(posts)
        # Owners: mostly sections and units, sometimes higher up.
        self.owners = [u for u in self.unit_ids if org.depth[u] >= 1] or self.unit_ids
        self.owner_weights = list(accumulate(max(1, org.depth[u]) for u in self.owners))
        self.advisers = self.heads + self.unit_ids
        self.audience = self.unit_ids + external

    def roles(self, size: int) -> dict[str, list[str]]:
        rng, org = self.rng, self.org
        owner = rng.choices(self.owners, cum_weights=self.owner_weights)[0]
        head = org.head.get(owner)
        accountable = head if head is not None and rng.random() < 0.7 else owner
        inside = self.below[owner]
        picks = (rng.choice(inside) for _ in range(4 if inside else 0))
        doer = next((p for p in picks if p not in org.vacant), head)
        if doer is None:
            responsible = [owner]
        else:
            # Units on the line from the doer's unit up to the owner may be Responsible
            # too: the work has then reached a named post inside them.
            line = org.chain(self.unit_of[doer])
            line = line[: line.index(owner) + 1]
            responsible = [doer, *rng.sample(line, rng.randint(0, min(2, len(line))))]
        used = {accountable, *responsible}
        others = max(0, size - 1 - len(responsible))
        consulted = self._draw(min(others, rng.randint(0, 4)), used, self.advisers)
        informed = self._draw(others - len(consulted), used, self.audience)
        table: dict[str, list[str]] = {"A": [accountable], "R": responsible}
        if consulted:
            table["C"] = consulted
        if informed:
            table["I"] = informed
        return table

    def _draw(self, n: int, used: set[str], pool: list[str]) -> list[str]:
        picked: list[str] = []
        for _ in range(n * 4):
            if len(picked) == n:
                break
            party = self.rng.choice(pool)
            if party not in used:
                used.add(party)
                picked.append(party)
        return picked

    def typo(self, ident: str) -> str:
        """A misspelling of ``ident`` (a dropped or doubled character) that names no party."""
        for _ in range(10):
            i = self.rng.randrange(len(ident))
            wrong = (
                ident[:i] + ident[i + 1 :]
                if self.rng.random() < 0.5
                else ident[: i + 1] + ident[i:]
            )
            if wrong and wrong not in self.known:
                return wrong
        return ident + "x"


def _plant(table: dict[str, list[str]], matrix: _Matrix) -> None:
    """Break one thing that a rule (docs/rules.md) reports."""
    rng, org = matrix.rng, matrix.org
    kind = rng.choice(
        ["no-A", "two-A", "typo", "role", "redundant", "vacant", "chain", "consulted", "no-R"]
    )
    if kind == "no-A":
        del table["A"]
    elif kind == "two-A":
        table["A"].append(rng.choice(matrix.heads))
    elif kind == "typo":
        table["R"][0] = matrix.typo(table["R"][0])
    elif kind == "role":
        table["r"] = table.pop("R")
    elif kind == "redundant":
        table.setdefault("I", []).append(table["R"][0])
    elif kind == "vacant" and matrix.vacant:
        table["A"] = [rng.choice(matrix.vacant)]
    elif kind == "chain":
        table["A"] = [org.head.get("oed", "oed")]
    elif kind == "consulted":
        extra = rng.sample(matrix.unit_ids, min(6, len(matrix.unit_ids)))
        table["C"] = list(dict.fromkeys(table.get("C", []) + extra))
    else:
        del table["R"]


def generate(
    units: int = 200,
    positions: int | None = None,
    deliverables: int = 1250,
    assignments_per_deliverable: int = 8,
    seed: int = 0,
    mistakes: float = 0.0,
    external: int | None = None,
    groups: int | None = None,
) -> dict[str, Any]:
    """A model file's data: ``units`` units, ``positions`` posts (default 5 per unit),
    ``deliverables`` deliverables with about ``assignments_per_deliverable`` roles each.

    ``mistakes`` is the fraction of deliverables given one planted error or warning;
    ``external`` parties default to one per 20 units (at least 3), ``groups`` to one
    per 500 deliverables (1 to 200).
    """
    if units < 1:
        msg = "an organization needs at least one unit"
        raise ValueError(msg)
    rng = random.Random(seed)
    org = _Org(rng)
    _build_tree(org, units)
    posts = _build_posts(org, 5 * units if positions is None else positions)
    n_external = max(3, units // 20) if external is None else external
    kinds = len(_EXTERNAL)
    parties = [
        {"id": f"x{i + 1:04d}", "name": f"{_EXTERNAL[i % kinds]} {i // kinds + 1}"}
        for i in range(n_external)
    ]
    n_groups = max(1, min(200, deliverables // 500)) if groups is None else groups
    group_list = [
        {"id": f"g{i + 1:03d}", "name": f"{_TOPICS[i % len(_TOPICS)]} matters {i + 1}"}
        for i in range(n_groups)
    ]
    matrix = _Matrix(org, [p["id"] for p in parties])
    items = []
    for i in range(deliverables):
        size = max(3, assignments_per_deliverable + rng.randint(-2, 2))
        table = matrix.roles(size)
        if rng.random() < mistakes:
            _plant(table, matrix)
        item: dict[str, Any] = {
            "id": f"dl{i + 1:07d}",
            "name": f"{rng.choice(_WORK)} {rng.choice(_TOPICS).lower()} {i + 1}",
        }
        if group_list and rng.random() < 0.8:
            item["group"] = rng.choice(group_list)["id"]
        if rng.random() < 0.6:
            item["due"] = (_FIRST_DUE + dt.timedelta(days=rng.randrange(4 * 365))).isoformat()
        item["raci"] = {k: v[0] if len(v) == 1 else v for k, v in table.items()}
        items.append(item)
    model: dict[str, Any] = {
        "version": 1,
        "organization": {"name": f"Synthetic organization {seed}", "levels": LEVELS},
        "scheme": "RACI",
        "units": [_nest(org, org.units[0])],
        "positions": posts,
        "external": parties,
        "groups": group_list,
        "deliverables": items,
    }
    limits = _workload_limits(items)
    if limits:
        model["rules"] = {"overloaded": limits}
    return model


def _workload_limits(items: list[dict[str, Any]]) -> dict[str, int]:
    """Limits of the ``overloaded`` rule that the valid part of the matrix respects.

    A large matrix spread over few parties gives each many roles; an organization
    of that size would set its limits accordingly.
    """
    limits = {}
    for letter, option, default in (("A", "max_accountable", 10), ("R", "max_responsible", 20)):
        counts: Counter[str] = Counter()
        for item in items:
            value = item["raci"].get(letter, [])
            counts.update(value if isinstance(value, list) else [value])
        top = max(counts.values(), default=0)
        if top > default:
            limits[option] = -(-top // 10) * 10
    return limits


_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block style, with short lists of ids written inline as people do: ``R: [a, b]``."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, (str, int)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def write(model: dict[str, Any], path: str | Path) -> None:
    """Write the model as YAML or JSON, by the suffix of ``path``."""
    path = Path(path)
    writers: dict[str, Callable[[Any], str]] = {
        ".json": lambda m: json.dumps(m, indent=2, ensure_ascii=False) + "\n",
        ".yaml": lambda m: yaml.dump(m, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
    }
    writer = writers.get(".yaml" if path.suffix.lower() == ".yml" else path.suffix.lower())
    if writer is None:
        msg = f"cannot write {path.suffix or 'a file without suffix'}; use .json, .yaml or .yml"
        raise ValueError(msg)
    path.write_text(writer(model), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: write a synthetic model file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--positions", type=int, help="default: 5 per unit")
    parser.add_argument("--deliverables", type=int, default=1250)
    parser.add_argument("--assignments-per-deliverable", type=int, default=8)
    parser.add_argument("--mistakes", type=float, default=0.0, help="fraction, e.g. 0.01")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True, help="a .json, .yaml or .yml file")
    args = parser.parse_args(argv)
    if Path(args.output).suffix.lower() not in (".json", ".yaml", ".yml"):
        parser.error("the output file must end in .json, .yaml or .yml")
    if args.units < 1:
        parser.error("--units must be 1 or more")
    model = generate(
        units=args.units,
        positions=args.positions,
        deliverables=args.deliverables,
        assignments_per_deliverable=args.assignments_per_deliverable,
        seed=args.seed,
        mistakes=args.mistakes,
    )
    try:
        write(model, args.output)
    except OSError as exc:
        print(f"generate.py: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
