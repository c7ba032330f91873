"""The package's layers hold: no import cycles, no reaching into another package's privates.

Imports are read from the source, function-level ones included (they hide cycles from
Python but not from a reader); imports only made for type checking are left out.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import raci

SRC = Path(__file__).resolve().parent.parent / "src"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """The raci modules a module's code imports (a name imported from a package counts as
    its submodule when there is one)."""
    found: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "raci")
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").split(".")[0] == "raci"
        ):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if sub in modules else str(node.module))
        todo.extend(ast.iter_child_nodes(node))
    return found


def _graph() -> nx.DiGraph:
    files = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in files.items():
        graph.add_node(name)
        for target in _imports(ast.parse(path.read_text(encoding="utf-8")), set(files)):
            if target != name:
                graph.add_edge(name, target)
    return graph


def _package_of(module: str, graph: nx.DiGraph) -> str:
    """The package a module belongs to: itself for a package's ``__init__``."""
    is_package = (SRC / module.replace(".", "/") / "__init__.py").exists()
    return module if is_package else module.rpartition(".")[0]


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert cycles == []


def test_no_imports_of_another_packages_private_modules() -> None:
    graph = _graph()
    wrong = []
    for importer, target in graph.edges:
        private = [p for p in target.split(".") if p.startswith("_")]
        if not private:
            continue
        home = target.rpartition(".")[0]
        if not (_package_of(importer, graph) + ".").startswith(home + "."):
            wrong.append(f"{importer} imports {target}")
    assert wrong == []


def test_the_model_imports_no_reader_rule_or_renderer() -> None:
    graph = _graph()
    below = nx.descendants(graph, "raci.model")
    assert not {m for m in below if m.startswith(("raci.io", "raci.rules", "raci.render"))}
    assert not {m for m in nx.descendants(graph, "raci.rules") if m.startswith("raci.render")}


def test_the_readers_import_no_rule() -> None:
    """io sits below rules: a file's rule settings are kept as data and checked by the rules."""
    graph = _graph()
    readers = [m for m in graph if m == "raci.io" or m.startswith("raci.io.")]
    wrong = {
        f"{reader} reaches {m}"
        for reader in readers
        for m in nx.descendants(graph, reader)
        if m == "raci.rules" or m.startswith("raci.rules.")
    }
    assert sorted(wrong) == []


def test_every_public_name_is_where_raci_says() -> None:
    assert set(raci._WHERE) == set(raci.__all__) - {"__version__"}
    for name, module in raci._WHERE.items():
        assert getattr(raci, name) is getattr(importlib.import_module(module), name)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        raci.nope  # noqa: B018


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        ("import raci", ["networkx", "raci.model", "raci.render.chart.orgchart"]),
        ("from raci.cli import main", ["networkx", "raci.render.matrix.writer"]),
        (
            "import raci.cli.validate",
            ["raci.render.chart.orgchart", "openpyxl", "graphviz", "raci.analysis"],
        ),
    ],
)
def test_imports_load_only_what_they_use(code: str, absent: list[str]) -> None:
    """`raci --version` and `raci validate` start fast: the renderers load when used."""
    check = f"{code}; import sys; print([m for m in {absent!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_analysis_and_restructure_draw_nothing() -> None:
    """Questions over models and the diff sit below the renderers, which read them."""
    graph = _graph()
    for package in ("raci.analysis", "raci.restructure"):
        members = [m for m in graph if m == package or m.startswith(package + ".")]
        below = set().union(*(nx.descendants(graph, m) for m in members))
        assert not {m for m in below if m.startswith("raci.render")}, package


def test_analysis_sits_below_restructure() -> None:
    """The diff reads the analysis (figures, lineage, staffing); the analysis never reads
    the diff, so the two packages do not lean on each other."""
    graph = _graph()
    members = [m for m in graph if m == "raci.analysis" or m.startswith("raci.analysis.")]
    below = set().union(*(nx.descendants(graph, m) for m in members))
    assert not {m for m in below if m.startswith("raci.restructure")}


def test_only_the_command_line_reaches_the_command_line() -> None:
    """The library says how far long work is through ``raci.progress``; the command line,
    on top, decides how to show it, and nothing below imports it."""
    graph = _graph()
    cli = {m for m in graph if m == "raci.cli" or m.startswith("raci.cli.")}
    wrong = sorted(
        f"{importer} imports {target}"
        for importer, target in graph.edges
        if target in cli and importer not in cli and importer != "raci.__main__"
    )
    assert wrong == []
    assert "raci.progress" in nx.descendants(graph, "raci.render.chart.orgchart")


def test_no_merge_conflict_left_in_the_sources() -> None:
    """A line git writes round a conflict never reaches the code, tests or docs."""
    root = Path(__file__).resolve().parents[1]
    marks = ("<" * 7 + " ", ">" * 7 + " ")
    left = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("src", "tests", "docs", "examples", "benchmarks")
        for path in sorted((root / folder).rglob("*"))
        if path.suffix in {".py", ".md", ".toml", ".yaml", ".yml", ".cfg", ".txt", ".po"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith(marks)
    ]
    assert left == []
