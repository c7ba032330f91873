"""The walks over successor lists agree with networkx on random graphs, deep ones too."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from raci._walks import breadth_first, cycles, preorder


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
