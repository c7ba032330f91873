"""Walks over a directed graph kept as a mapping of each node to its successors (a unit to
its child units, a post to those reporting to it), in the order the successors are listed;
and a value folded along each node's line upward, where each node has one node above it.

Iterative, so that a hierarchy thousands of levels deep walks as well as a flat one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar

Successors = Mapping[str, Sequence[str]]
T = TypeVar("T")


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


class Upward(Generic[T]):
    """A value for each node's line upward (the node, the one above it, and so on until
    nothing is above or a node would repeat), where ``above`` gives the one node above a
    node (a post's superior, a unit's parent) or None. Each node's value is worked out
    once from the value of the node above it, so the lines of a chain thousands long cost
    no more than the chain.

    ``alone(node)`` is the value of a line of one node; ``onto(node, value)`` that of a
    node below a node of that value; ``cycle(nodes)`` the values of the nodes of a cycle
    (listed each above the one before), whose lines go round it to the node before each.
    """

    def __init__(
        self,
        above: Callable[[str], str | None],
        alone: Callable[[str], T],
        onto: Callable[[str, T], T],
        cycle: Callable[[list[str]], list[T]],
    ) -> None:
        self.above = above
        self.alone = alone
        self.onto = onto
        self.cycle = cycle
        self._values: dict[str, T] = {}

    def __call__(self, node: str) -> T:
        values = self._values
        if node in values:
            return values[node]
        path: list[str] = []
        where: dict[str, int] = {}
        at: str | None = node
        while at is not None and at not in values and at not in where:
            where[at] = len(path)
            path.append(at)
            at = self.above(at)
        if at is None:
            top = path.pop()
            values[top] = self.alone(top)
        elif at in where:
            ring = path[where[at] :]
            values.update(zip(ring, self.cycle(ring), strict=True))
            del path[where[at] :]
        for below in reversed(path):
            up = self.above(below)
            assert up is not None
            values[below] = self.onto(below, values[up])
        return values[node]


def nearest(
    above: Callable[[str], str | None], pick: Callable[[str], T | None]
) -> Upward[T | None]:
    """The first ``pick(node)`` that is not None along each node's line upward, the node
    itself first (None when there is none): a unit's nearest head, say."""

    def cycle(ring: list[str]) -> list[T | None]:
        found: list[T | None] = [None] * len(ring)
        last: T | None = None
        for i in range(2 * len(ring) - 1, -1, -1):
            value = pick(ring[i % len(ring)])
            if value is not None:
                last = value
            if i < len(ring):
                found[i] = last
        return found

    def onto(node: str, value: T | None) -> T | None:
        own = pick(node)
        return own if own is not None else value

    return Upward(above, pick, onto, cycle)
