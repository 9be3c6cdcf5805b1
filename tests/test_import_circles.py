"""No module of leadtui imports itself back through others: each part can be read,
tested and moved on its own. Imports inside functions and under TYPE_CHECKING count."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

# The circle the command line still has, named so it cannot grow unseen; the test fails
# once it is gone, so the entry leaves this list with it.
KNOWN: set[frozenset[str]] = set()


def import_circles(package: str) -> list[frozenset[str]]:
    """Each set of modules of ``package`` that import one another round (Tarjan's
    strongly connected components with more than one module, or a module importing
    itself)."""
    graph = grimp.build_graph(package, cache_dir=None)
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[frozenset[str]] = []

    def imported(module: str) -> list[str]:
        return sorted(graph.find_modules_directly_imported_by(module) & graph.modules)

    def visit(module: str) -> None:
        # Iterative: the graph is deep enough to matter for Python's recursion limit.
        work = [(module, iter(imported(module)))]
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(imported(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.add(member)
                    if member == node:
                        break
                if len(members) > 1 or node in graph.find_modules_directly_imported_by(node):
                    circles.append(frozenset(members))

    for module in modules:
        if module not in index:
            visit(module)
    return circles


def test_the_finder_sees_a_circle(tmp_path: Path) -> None:
    """A package whose two modules import each other is one circle."""
    root = tmp_path / "circled"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text("from circled import b\n")
    (root / "b.py").write_text("def f() -> None:\n    from circled import a\n")
    (root / "c.py").write_text("from circled import a\n")
    sys.path.insert(0, str(root.parent))
    try:
        assert import_circles("circled") == [frozenset({"circled.a", "circled.b"})]
    finally:
        sys.path.remove(str(root.parent))


def test_the_app_has_no_import_circle() -> None:
    """Screens, dialogs, widgets, the palette and the app shell import strictly one way."""
    circles = [c for c in import_circles("leadtui") if any(m.startswith("leadtui.tui") for m in c)]
    assert circles == []


def test_leadtui_has_no_import_circle_but_the_known_ones() -> None:
    """No new circle anywhere; a known one that is gone leaves KNOWN."""
    circles = set(import_circles("leadtui"))
    assert circles - KNOWN == set(), "a new import circle"
    assert KNOWN - circles == set(), "a known circle is gone: remove it from KNOWN"
