"""Write an Organization back to the model file format."""

from __future__ import annotations

import json
from typing import Any

import yaml

from raci.grades import UN
from raci.io._yaml import WrittenFloat, WrittenInt
from raci.model import DEFAULT_LEVELS, Names, Organization, Unit, require_organization
from raci.schemes import BUILTIN_SCHEMES, DEFAULT_KINDS


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: `{en: ..., zh: ...}`."""


class _FlowList(list):  # type: ignore[type-arg]
    """A list written on one line: `[a, b]`."""


def _name(names: Names, language: str) -> str | dict[str, str]:
    if list(names.texts) == [language]:
        return names.texts[language]
    return _Flow(names.texts)


def _unit(org: Organization, unit: Unit, nested: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": unit.id, "name": _name(unit.names, org.language)}
    if unit.level is not None:
        out["level"] = unit.level
    if unit.parent is not None and not nested:
        out["parent"] = unit.parent
    if unit.head is not None:
        out["head"] = unit.head
    if unit.staff:
        out["staff"] = True
    if unit.headcount is not None:
        out["headcount"] = unit.headcount
    if unit.posts is not None:
        out["posts"] = _posts(unit)
    if unit.also_reports_to:
        out["also_reports_to"] = _FlowList(unit.also_reports_to)
    if unit.formerly:
        out["formerly"] = _FlowList(unit.formerly)
    if unit.attributes:
        out["attributes"] = dict(unit.attributes)
    return out


def _posts(unit: Unit) -> dict[str, float] | list[dict[str, Any]]:
    """A unit's establishment as written: ``{grade: count}``, or a list when funds are given."""
    lines = unit.posts or ()
    if all(line.fund is None for line in lines):
        return _Flow({line.grade: line.count for line in lines})
    return [
        _Flow(
            {"grade": line.grade, "count": line.count, **({"fund": line.fund} if line.fund else {})}
        )
        for line in lines
    ]


def to_data(org: Organization) -> dict[str, Any]:
    """The organization as plain data in the model file's structure."""
    lang = org.language
    data: dict[str, Any] = {"version": 1}
    organization: dict[str, Any] = {}
    if org.names.texts and any(org.names.texts.values()):
        organization["name"] = _name(org.names, lang)
    organization["language"] = lang
    if org.levels.ranks != DEFAULT_LEVELS:
        organization["levels"] = _FlowList(
            r[0] if len(r) == 1 else _FlowList(r) for r in org.levels.ranks
        )
    data["organization"] = organization
    scheme = org.scheme
    if BUILTIN_SCHEMES.get(scheme.name) != scheme:
        roles = []
        for r in scheme.roles:
            role: dict[str, Any] = {"letter": r.letter, "name": r.name, "min": r.min}
            if r.max is not None:
                role["max"] = r.max
            if r.kind != DEFAULT_KINDS.get(r.letter, "other"):
                role["kind"] = r.kind
            roles.append(role)
        data["scheme"] = {"name": scheme.name, "roles": roles}
    elif scheme.name != "RACI":
        data["scheme"] = scheme.name
    if org.grades != UN:
        data["grades"] = {cat: _FlowList(grades) for cat, grades in org.grades.categories}

    # Nest units under their parents where the hierarchy allows; the rest go flat.
    placed: set[str] = set()

    def nest(uid: str, trail: set[str]) -> dict[str, Any]:
        placed.add(uid)
        node = _unit(org, org.units[uid], nested=True)
        kids = [c for c in org.graph.successors(uid) if c not in trail and c not in placed]
        if kids:
            node["units"] = [nest(c, trail | {c}) for c in kids]
        return node

    units = [nest(r, {r}) for r in org.roots]
    units += [_unit(org, u, nested=False) for uid, u in org.units.items() if uid not in placed]
    data["units"] = units

    if org.positions:
        positions = []
        for p in org.positions.values():
            item: dict[str, Any] = {"id": p.id, "title": _name(p.names, lang), "unit": p.unit}
            for key in ("grade", "holder", "reports_to"):
                if getattr(p, key) is not None:
                    item[key] = getattr(p, key)
            if p.vacant:
                item["vacant"] = True
            if p.formerly:
                item["formerly"] = _FlowList(p.formerly)
            if p.attributes:
                item["attributes"] = dict(p.attributes)
            positions.append(item)
        data["positions"] = positions
    if org.external:
        data["external"] = [
            {"id": e.id, "name": _name(e.names, lang)} for e in org.external.values()
        ]
    if org.groups:
        data["groups"] = [{"id": g.id, "name": _name(g.names, lang)} for g in org.groups.values()]
    if org.deliverables:
        deliverables = []
        for d in org.deliverables.values():
            item = {"id": d.id, "name": _name(d.names, lang)}
            if d.group is not None:
                item["group"] = d.group
            if d.due is not None:
                item["due"] = d.due.isoformat()
            raci: dict[str, Any] = {}
            for a in d.assignments:
                raci.setdefault(a.role, []).append(a.party)
            item["raci"] = {k: v[0] if len(v) == 1 else _FlowList(v) for k, v in raci.items()}
            deliverables.append(item)
        data["deliverables"] = deliverables
    if org.rule_settings:
        data["rules"] = {name: s.value for name, s in org.rule_settings.items()}
    return data


class _Dumper(yaml.SafeDumper):
    """Block-style YAML with keys in insertion order and lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow(dumper: yaml.SafeDumper, data: dict[str, str]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_Flow, _represent_flow)
# Numbers read from YAML (that remember how they were written) are written as numbers.
_Dumper.add_representer(WrittenInt, lambda d, v: d.represent_int(int(v)))
_Dumper.add_representer(WrittenFloat, lambda d, v: d.represent_float(float(v)))
_Dumper.add_representer(_FlowList, _represent_flow_list)


def dumps(org: Organization, format: str = "yaml") -> str:
    """The organization as YAML or JSON text."""
    require_organization(org, "dumps")
    if format not in ("yaml", "json"):
        msg = f"cannot write a model as {format!r}; expected 'yaml' or 'json'"
        raise ValueError(msg)
    data = to_data(org)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    return text
