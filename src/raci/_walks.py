"""Walks over a directed graph kept as a mapping of each node to its successors (a unit to
its child units, a post to those reporting to it), in the order the successors are listed.

Iterative, so that a hierarchy thousands of levels deep walks as well as a flat one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence

Successors = Mapping[str, Sequence[str]]


def preorder(successors: Successors, top: str) -> Iterator[str]:
    """``top`` and every node it reaches, depth first, each node before its successors."""
    seen = {top}
    yield top
    stack = [iter(successors.get(top, ()))]
    while stack:
        for node in stack[-1]:
            if node not in seen:
                seen.add(node)
                yield node
                stack.append(iter(successors.get(node, ())))
                break
        else:
            stack.pop()


def breadth_first(successors: Successors, top: str) -> Iterator[str]:
    """``top`` and every node it reaches, nearest first."""
    seen = {top}
    yield top
    todo = deque([top])
    while todo:
        for node in successors.get(todo.popleft(), ()):
            if node not in seen:
                seen.add(node)
                yield node
                todo.append(node)


def cycles(successors: Successors) -> Iterator[list[str]]:
    """The nodes of each cycle: each group of nodes that all reach one another (a node
    that is its own successor is a cycle of one). Tarjan's algorithm, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in successors:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, ())))]
        while work:
            node, rest = work[-1]
            for nxt in rest:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(successors.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in successors.get(node, ()):
                        yield group
