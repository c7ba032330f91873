"""The walks over successor lists agree with networkx on random graphs, deep ones too."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from raci._walks import Upward, breadth_first, cycles, nearest, preorder


def _random_graph(seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randrange(1, 60))]
    return {n: rng.sample(nodes, min(len(nodes), rng.randrange(0, 4))) for n in nodes}


def _nx(successors: dict[str, list[str]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(successors)
    for node, targets in successors.items():
        graph.add_edges_from((node, t) for t in targets)
    return graph


@pytest.mark.parametrize("seed", range(40))
def test_agree_with_networkx(seed: int) -> None:
    successors = _random_graph(seed)
    graph = _nx(successors)
    expected = {
        frozenset(c)
        for c in nx.strongly_connected_components(graph)
        if len(c) > 1 or graph.has_edge(next(iter(c)), next(iter(c)))
    }
    assert {frozenset(c) for c in cycles(successors)} == expected
    for top in list(successors)[:5]:
        assert list(preorder(successors, top)) == list(nx.dfs_preorder_nodes(graph, top))
        bfs = [top, *(v for _, v in nx.bfs_edges(graph, top))]
        assert list(breadth_first(successors, top)) == bfs


def test_a_chain_deeper_than_the_recursion_limit() -> None:
    n = 50_000
    chain = {f"u{i}": [f"u{i + 1}"] for i in range(n)}
    chain[f"u{n}"] = ["u0"]
    [loop] = cycles(chain)
    assert len(loop) == n + 1
    assert len(list(preorder(chain, "u0"))) == n + 1
    assert list(breadth_first(chain, f"u{n - 1}")) == [
        f"u{n - 1}",
        f"u{n}",
        *(f"u{i}" for i in range(n - 1)),
    ]


def _line(above: dict[str, str | None], node: str) -> list[str]:
    """A node's line upward, walked by hand: it stops before a node would repeat."""
    line = [node]
    at = above[node]
    while at is not None and at not in line:
        line.append(at)
        at = above[at]
    return line


@pytest.mark.parametrize("seed", range(40))
def test_upward_folds_agree_with_walking_each_line(seed: int) -> None:
    """Chains, cycles and lines that run into a cycle: each node's value is the one its
    own line gives, whichever node is asked first."""
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randrange(1, 40))]
    above = {n: rng.choice([None, *nodes]) for n in nodes}
    picked = {n: n.upper() for n in nodes if rng.random() < 0.3}
    ends = Upward(
        above.get,
        lambda node: (node, None),
        lambda node, end: (end[0], end[1] if end[1] is not None else node),
        lambda ring: [
            (ring[i - 1], ring[i - 2] if len(ring) > 1 else None) for i in range(len(ring))
        ],
    )
    first = nearest(above.get, picked.get)
    for node in rng.sample(nodes, len(nodes)):
        line = _line(above, node)
        assert ends(node) == (line[-1], line[-2] if len(line) > 1 else None)
        assert first(node) == next((picked[n] for n in line if n in picked), None)


def test_upward_on_a_chain_of_a_hundred_thousand() -> None:
    above = {f"n{i}": f"n{i - 1}" if i else None for i in range(100_000)}
    count = Upward(
        above.get, lambda node: 1, lambda node, n: n + 1, lambda ring: [len(ring)] * len(ring)
    )
    assert count("n99999") == 100_000
