"""The package is laid out as the data flows: imports point down the flow, shared modules import no stage, no cycles.

Read from the source with `ast` (no import runs), so a wrong import fails here with the file and line that
made it, before it becomes an ImportError that depends on which module a user happened to import first.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "litreview"

# Layers, lowest first: a module may import its own layer and lower ones, never a higher one.
# The shared modules import no stage; each stage imports only the stages before it; the draft (document, plan,
# pipeline) assembles the stages; rendering and check read a draft or a corpus; only the CLI talks to a terminal.
LAYERS = [
    {"errors", "files", "config", "text", "grounding", "warning", "prompts", "llm", "resources"},
    {"corpus"}, {"select"}, {"summarize"}, {"group"}, {"write"},
    {"document", "plan", "pipeline"},
    {"rendering", "check"},
    {"cli"},
]
LAYER = {room: n for n, rooms in enumerate(LAYERS) for room in rooms}


def test_every_module_belongs_to_a_known_room():
    rooms = {_room(module) for module in _modules()} - {None}
    assert rooms <= set(LAYER), rooms - set(LAYER)


def test_imports_point_down_the_flow():
    wrong = []
    for module, imports in _modules().items():
        source = _room(module)
        for line, target in imports:
            allowed = _allowed(source, _room(target))
            if not allowed:
                wrong.append(f"{module} (line {line}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_at_module_level():
    graph = {module: {package for _, target in imports for package in _run_by_import(module, target)}
             for module, imports in _modules(module_level_only=True).items()}
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_stage_packages_hold_both_engines_and_their_schema():
    for stage in ["summarize", "group", "write"]:
        names = {path.name for path in (PACKAGE / stage).glob("*.py")}
        assert {"__init__.py", "offline.py", "schema.py"} <= names, (stage, names)
    assert {"__init__.py", "index.py", "lexical.py", "embed.py", "judge.py", "cut.py"} <= {
        path.name for path in (PACKAGE / "select").glob("*.py")}


# --- reading the source ------------------------------------------------------------------------------

def _allowed(source: str | None, target: str | None) -> bool:
    if source is None or target is None or source == target:
        return True  # the package's own __init__ (the lazy public API) and in-room imports
    return LAYER[target] <= LAYER[source]  # within a layer, the cycle test keeps order


def _run_by_import(importer: str, target: str) -> list[str]:
    """What importing `target` from `importer` runs: the target and each enclosing package the importer is not in."""
    parts = target.split(".")
    enclosing = [".".join(parts[:n]) for n in range(2, len(parts))]
    return [target] + [package for package in enclosing if importer != package and not importer.startswith(package + ".")]


def _room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


_CACHE: dict[bool, dict[str, list[tuple[int, str]]]] = {}


def _modules(module_level_only: bool = False) -> dict[str, list[tuple[int, str]]]:
    """Every litreview module and the litreview modules it imports (with the line)."""
    if module_level_only not in _CACHE:
        modules = {}
        for path in sorted(PACKAGE.rglob("*.py")):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = _imports(path, name, module_level_only)
        _CACHE[module_level_only] = modules
    return _CACHE[module_level_only]


def _imports(path: Path, module: str, module_level_only: bool) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _module_level(tree) if module_level_only else ast.walk(tree)
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("litreview"):
            submodules = [f"{node.module}.{alias.name}" for alias in node.names if _is_module(f"{node.module}.{alias.name}")]
            found += [(node.lineno, target) for target in submodules or [node.module] if target != module]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("litreview")]
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _module_level(tree: ast.Module) -> list[ast.stmt]:
    """Statements run at import: the module body, minus `if TYPE_CHECKING:` blocks and function bodies."""
    statements = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        statements.append(node)
    return statements


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None
