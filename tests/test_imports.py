"""Imports among the modules of pipeline/ flow one way: no module imports, directly or through
others, a module that imports it. Every import counts, one inside a function too (such an
import only hides a circle), read from the source with ast, not by importing."""

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PIPELINE = REPO / "pipeline"


def module_names() -> dict[str, Path]:
    names = {}
    for path in sorted(PIPELINE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The pipeline modules `name` imports: `from a.b import c` is a.b.c where c is a module,
    else a.b (a name defined in a.b or its __init__)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import a.b.c` imports a.b.c
                target = target.rpartition(".")[0]
            if target:
                found.add(target)
    return found - {name}


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    return {name: imported(name, path, set(names)) for name, path in names.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A circle of imports (its first module again at its end), or None."""
    state: dict[str, str] = {}  # "open" while on the path, "done" after
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                return [*path[path.index(other):], other]
            if other not in state and (cycle := visit(other)):
                return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_circle_and_only_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_imports_inside_functions_and_from_packages():
    graph = import_graph()
    assert "pipeline.rulebook" in graph["pipeline.derive"]  # `from pipeline import rulebook`
    assert "pipeline.extract" in graph["pipeline.validate"]  # a name from a package's __init__
    assert "pipeline.formats" in graph["pipeline.package"]


def test_no_module_of_pipeline_imports_itself_through_others():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_the_table_writers_do_not_load_the_review_site():
    """The resolve stage and the CSV writer load neither the HTML page writers nor the publish
    stage that writes them."""
    code = ("import sys, pipeline.resolve, pipeline.package, pipeline.rows\n"
            "print(sorted(m for m in sys.modules if m in ('pipeline.review', 'pipeline.site',"
            " 'pipeline.publish', 'pipeline.validate')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_rule_family_imports_a_sibling_family():
    """A family reads its claims with the engine (engine.py, patterns.py) and the shared layers
    (clauses, gates, the normalisers), never with another family's helpers: what two families
    share belongs to the engine, where every family reads a key the same way."""
    from pipeline.extract import FAMILIES

    graph = import_graph()
    modules = {f"pipeline.extract.{name}" for name in FAMILIES}
    for module in sorted(modules):
        assert not graph[module] & modules, f"{module} imports {sorted(graph[module] & modules)}"
