"""The org chart as a graph file for graph tools: GraphML (yEd) and GEXF (Gephi), written
by networkx. A node per unit (and per post with ``positions``) carries its name in the
chart's language and its figures; every edge runs from the unit reported to, to the unit
(or post) below it, its ``kind`` saying how: ``reports_to``, ``also_reports_to``, ``post``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import networkx as nx

from raci._text import strip_controls
from raci._version import __version__
from raci.model import Organization
from raci.render.chart.options import ChartOptions
from raci.render.chart.pages import depths
from raci.render.chart.style import box_posts, families, level_ranks, unit_box
from raci.render.dot import shown
from raci.render.editable.label import attribute, xml_text

#: The formats, by their name (the file's suffix without its dot).
FORMATS = ("graphml", "gexf")
#: The figures of a unit's posts, as its node's attributes: those of the chart's box.
POST_FIGURES = {"posts": "posts", "filled_posts": "filled", "vacant_posts": "vacant"}


def graph_file(org: Organization, opts: ChartOptions, tops: Sequence[str], fmt: str) -> bytes:
    """The units under ``tops`` (to ``opts.depth``) as a GraphML or GEXF file."""
    if fmt not in FORMATS:
        msg = f"unknown graph format {fmt!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    graph = chart_graph(org, opts, tops)
    return _graphml(graph) if fmt == "graphml" else _gexf(graph)


def chart_graph(org: Organization, opts: ChartOptions, tops: Sequence[str]) -> nx.DiGraph:
    """The graph of the units the chart draws: each unit's (and with ``opts.positions``
    each post's) attributes, and the lines between them with their ``kind``. Every value
    is a string, a number or a boolean, with nothing XML cannot hold."""
    level: dict[str, int] = {}
    for top in tops:
        level.update(depths(org, top, opts.depth))
    names = _node_names(org, level, opts.positions)
    graph = nx.DiGraph(name=_text(opts.title or org.names.get(opts.lang)))
    total = box_posts(org, opts.headcount)
    family = families(org)
    ranks = level_ranks(org, family)
    for uid, depth in level.items():
        unit = org.units[uid]
        data: dict[str, Any] = {
            "kind": "unit",
            "name": _text(shown(unit.names.get(opts.lang), uid)),
            "depth": depth,
            "staff": unit.staff,
            "colour": unit_box(org, family[uid], ranks[uid], None).fill,
        }
        if unit.level:
            data["level"] = _text(unit.level)
        if unit.title:
            data["job_title"] = _text(unit.title)
        if uid in total:
            data.update({k: getattr(total[uid], f) for k, f in POST_FIGURES.items()})
        head = org.positions.get(unit.head or "") if opts.heads else None
        if head is not None:
            data.update({f"head_{k}" if k != "name" else "head": v for k, v in _post(head, opts)})
        if depth == opts.depth and org.children(uid):
            data["units_below"] = len(depths(org, uid)) - 1
        graph.add_node(names[uid], **data)
    for uid in level:
        for child in org.children(uid):
            if child in level:
                graph.add_edge(names[uid], names[child], kind="reports_to")
        for other in org.units[uid].also_reports_to:
            pair = (names.get(other), names[uid])
            if other in level and other != uid and not graph.has_edge(*pair):
                graph.add_edge(*pair, kind="also_reports_to")
    if opts.positions:
        for pid, post in org.positions.items():
            if post.unit in level:
                graph.add_node(names[pid], kind="position", **dict(_post(post, opts)))
                graph.add_edge(names[post.unit], names[pid], kind="post")
    _same_number_type(graph, POST_FIGURES)
    return graph


def _post(post: Any, opts: ChartOptions) -> Iterator[tuple[str, Any]]:
    """A post's attributes: its title as its name, grade, holder, whether it is vacant."""
    yield "name", _text(shown(post.names.get(opts.lang), post.id))
    if post.grade:
        yield "grade", _text(post.grade)
    if post.holder:
        yield "holder", _text(post.holder)
    yield "vacant", post.vacant


def _node_names(org: Organization, units: Iterable[str], positions: bool) -> dict[str, str]:
    """Each unit's (and post's) node: its id, control characters escaped visibly and what
    XML cannot hold left out; an id that would then meet another's gets a number."""
    ids = [*units, *(org.positions if positions else ())]
    names: dict[str, str] = {}
    taken: set[str] = set()
    for ident in dict.fromkeys(ids):
        name = attribute(ident)
        n = 1
        while name in taken:
            n += 1
            name = f"{attribute(ident)}~{n}"
        taken.add(name)
        names[ident] = name
    return names


def _text(text: str) -> str:
    """A name as an attribute's value: without control characters or what XML cannot hold."""
    return xml_text(strip_controls(text))


def _same_number_type(graph: nx.DiGraph, keys: Iterable[str]) -> None:
    """Each attribute of ``keys`` as whole numbers on every node, or as decimals on every
    node when one is a fraction: a graph file declares one type per attribute."""
    for key in keys:
        values = [d[key] for _, d in graph.nodes(data=True) if key in d]
        whole = all(float(v).is_integer() for v in values)
        for _, data in graph.nodes(data=True):
            if key in data:
                data[key] = int(data[key]) if whole else float(data[key])


def _graphml(graph: nx.DiGraph) -> bytes:
    """GraphML, its booleans written ``true`` and ``false`` as XML Schema spells them
    (networkx writes Python's ``True``)."""
    out = io.BytesIO()
    nx.write_graphml(graph, out)
    text = out.getvalue().decode("utf-8")
    flags = "|".join(re.findall(r'<key id="(\w+)"[^>]* attr.type="boolean"', text))
    if flags:
        text = re.sub(
            rf'(<data key="(?:{flags})">)(True|False)(</data>)',
            lambda m: m[1] + m[2].lower() + m[3],
            text,
        )
    return text.encode("utf-8")


def _gexf(graph: nx.DiGraph) -> bytes:
    """GEXF 1.2, each unit in its colour on the chart; the file names raci as its maker and
    carries no date, so that the same chart gives the same file."""
    from networkx.readwrite.gexf import GEXFWriter

    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]
        colour = data.pop("colour", None)
        if colour is not None:
            r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    writer = GEXFWriter(version="1.2draft")
    writer.add_graph(graph)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"raci {__version__}"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
