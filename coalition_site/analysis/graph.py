"""Small directed-graph algorithms the Coalition Logic map needs: components and cycles.

A logic map has tens of conditions, so plain Python is fast enough and saves every build the
import of a graph library. Nodes are strings; a graph is a mapping from each node to its
successors, and every successor must be a node of the mapping.
"""

from __future__ import annotations

from typing import Iterator, Mapping, Sequence

Graph = Mapping[str, Sequence[str]]


def strongly_connected_components(graph: Graph) -> list[list[str]]:
    """Tarjan's algorithm, iterative (a long chain must not hit Python's recursion limit).

    Two nodes share a component when each can reach the other; an edge lies on some cycle
    exactly when both its ends share a component (or it is a self-loop). Components come out
    in reverse topological order, each listing its nodes in the order they were found.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(graph[root]))]
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph[succ])))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component[::-1])
    return components


def simple_cycles(graph: Graph) -> Iterator[list[str]]:
    """Every elementary cycle once (Johnson, 1975), as a list of nodes without repeating the first.

    Johnson's blocking keeps the work per cycle linear in the size of the graph, so taking the
    first N cycles of a dense map stays cheap even where the total number is astronomical.
    """
    order = {node: i for i, node in enumerate(graph)}
    succ = {node: [s for s in dict.fromkeys(graph[node])] for node in graph}
    for node in graph:
        if node in succ[node]:
            yield [node]
    pending = [sorted(c, key=order.__getitem__) for c in strongly_connected_components(succ) if len(c) > 1]
    while pending:
        component = pending.pop()
        members = set(component)
        start = component[0]
        sub = {n: [s for s in succ[n] if s in members and s != n] for n in component}
        yield from _cycles_through(start, sub)
        # The rest of the component, without ``start``: every cycle left avoids it.
        members.discard(start)
        rest = {n: [s for s in sub[n] if s in members] for n in component if n != start}
        pending.extend(sorted(c, key=order.__getitem__)
                       for c in strongly_connected_components(rest) if len(c) > 1)


def _cycles_through(start: str, sub: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    path = [start]
    blocked = {start}
    closed: set[str] = set()
    waiting: dict[str, set[str]] = {n: set() for n in sub}
    stack = [(start, list(reversed(sub[start])))]
    while stack:
        node, successors = stack[-1]
        if successors:
            nxt = successors.pop()
            if nxt == start:
                yield list(path)
                closed.update(path)
            elif nxt not in blocked:
                path.append(nxt)
                stack.append((nxt, list(reversed(sub[nxt]))))
                closed.discard(nxt)
                blocked.add(nxt)
                continue
        if not successors:
            if node in closed:
                _unblock(node, blocked, waiting)
            else:
                for s in sub[node]:
                    waiting[s].add(node)
            stack.pop()
            path.pop()


def _unblock(node: str, blocked: set[str], waiting: dict[str, set[str]]) -> None:
    todo = {node}
    while todo:
        current = todo.pop()
        if current in blocked:
            blocked.discard(current)
            todo.update(waiting[current])
            waiting[current].clear()
