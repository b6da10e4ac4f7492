"""The layer contract, checked over the import graph of every module in src/.

From the top: the process entry point; the command line; the applications
built on the library (dataset export, drafting, the curation lint); rendering;
views (what a command shows, as records); search; the store; text handling;
the records; and the error family with the version, which every layer may use.
A module may import its own package and any layer below its own, never one
above or beside it, and no chain of imports may come back to where it started,
whether the imports are at the top of a module or inside a function (imports
for annotations only, under ``if TYPE_CHECKING:``, never run and may close one).
See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "chipfacts"

LAYERS: list[set[str]] = [
    {"__main__"},
    {"entry"},
    {"cli"},
    {"dataset", "draft", "lint"},
    {"render"},
    {"views"},
    {"search"},
    {"store"},
    {"text"},
    {"model"},
    {"errors", "version"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


@functools.cache
def _parsed(path: Path) -> tuple[str, ast.Module]:
    """A module's text and syntax tree, read once for every check here."""
    text = path.read_text(encoding="utf-8")
    return text, ast.parse(text)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _nodes(tree: ast.AST, *, typing_only: bool) -> Iterator[ast.AST]:
    """The nodes of ``tree``; without ``typing_only``, none under ``if TYPE_CHECKING:``
    (imports for annotations only, which never run)."""
    for node in ast.iter_child_nodes(tree):
        if (
            not typing_only
            and isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            continue
        yield node
        yield from _nodes(node, typing_only=typing_only)


def _imports(path: Path, *, typing_only: bool = True) -> Iterator[tuple[str, int]]:
    """Every chipfacts module ``path`` imports, at any depth, with its line."""
    _, tree = _parsed(path)
    for node in _nodes(tree, typing_only=typing_only):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "chipfacts" or node.module.startswith("chipfacts."):
                yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("chipfacts"):
                    yield alias.name, node.lineno


def _graph(*, typing_only: bool = True) -> dict[str, list[tuple[str, int]]]:
    return {
        _module_name(p): list(_imports(p, typing_only=typing_only))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


GRAPH = _graph()  # every import: the layers hold for annotations too
RUNTIME = _graph(typing_only=False)  # the imports that run: no cycles among them


def test_every_package_has_a_layer() -> None:
    packages = {_package(m) for m in GRAPH} - {""}
    assert packages <= set(LEVEL), f"put {sorted(packages - set(LEVEL))} in LAYERS"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m != "chipfacts"))
def test_imports_go_down_the_layers(module: str) -> None:
    """The package's own __init__ is the public façade (lazy re-exports) and is
    outside the layers; nothing inside imports it."""
    own = _package(module)
    wrong = [
        f"{module}:{line} imports {target}"
        for target, line in GRAPH[module]
        if _package(target) != own
        and (target == "chipfacts" or LEVEL[_package(target)] <= LEVEL[own])
    ]
    assert not wrong, "\n".join(wrong)


def _cycle_from(start: str) -> list[str] | None:
    """A chain of imports from ``start`` back to it, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for target, _ in RUNTIME.get(module, []):
            target = target if target in RUNTIME else target.rpartition(".")[0]
            if target == start:
                return [*path, start]
            if target not in seen and target in RUNTIME:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m != "chipfacts"))
def test_no_import_cycles(module: str) -> None:
    cycle = _cycle_from(module)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_contract_sees_a_violation(tmp_path: Path) -> None:
    """The checks above can fail: an upward import is found in a planted module."""
    planted = tmp_path / "chipfacts" / "store" / "bad.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("def f():\n    from chipfacts.cli.app import app\n", encoding="utf-8")
    assert list(_imports(planted)) == [("chipfacts.cli.app", 2)]
    assert LEVEL[_package("chipfacts.cli.app")] < LEVEL["store"]


def test_the_cycle_check_sees_a_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = {"a": [("b", 1)], "b": [("c", 1)], "c": [("a", 1)], "d": [("a", 1)]}
    monkeypatch.setattr(sys.modules[__name__], "RUNTIME", graph)
    assert _cycle_from("a") == ["a", "b", "c", "a"]
    assert _cycle_from("d") is None


# The modules the compiler runs that leave a database's rows as they are: the
# reader's queries (the compiler reads what it wrote), the cache's checks,
# where stores are, the workers, the checks across records, quotes, messages.
READS_ONLY = {
    "chipfacts.errors",
    "chipfacts.store",
    "chipfacts.store.checks",
    "chipfacts.store.locate",
    "chipfacts.store.quotes",
    "chipfacts.store.reader",
    "chipfacts.store.verify",
    "chipfacts.store.workers",
    "chipfacts.text.visible",
}


def test_the_cache_version_follows_the_code_that_shapes_a_database() -> None:
    """Each module the compiler runs either shapes what a compiled store holds, and
    is in its version (``database.SHAPES_CONTENT``), or is known to read only."""
    from chipfacts.store.database import SHAPES_CONTENT

    shaping = {"chipfacts." + m.removesuffix(".py").replace("/", ".") for m in SHAPES_CONTENT}
    closure, stack = set(), ["chipfacts.store.compile"]
    while stack:
        for target, _ in RUNTIME[stack.pop()]:
            target = target if target in RUNTIME else target.rpartition(".")[0]
            if target not in closure:
                closure.add(target)
                stack.append(target)
    closure.add("chipfacts.store.compile")
    assert closure - READS_ONLY == shaping, (
        "decide for each: does it change what a database holds (SHAPES_CONTENT) or not "
        f"(READS_ONLY)? {sorted(closure ^ (shaping | READS_ONLY))}"
    )
    assert "chipfacts.text.question" not in closure  # function words: queries only


def _reaches_through(path: Path) -> Iterator[int]:
    """The lines of ``path`` that read another object's ``_store`` (a ``SearchIndex``'s)."""
    for node in ast.walk(_parsed(path)[1]):
        if isinstance(node, ast.Attribute) and node.attr == "_store":
            if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                yield node.lineno


def test_search_index_is_the_one_door_into_search_data() -> None:
    """What search and the views that find by name read of the store, they read through
    ``SearchIndex``'s methods: none hands the ``Store`` out, nothing reaches past it."""
    from chipfacts.search.index import SearchIndex

    handed = []
    for name, member in vars(SearchIndex).items():
        function = getattr(member, "fget", None) or getattr(member, "func", None) or member
        returns = str(getattr(function, "__annotations__", {}).get("return", ""))
        if not name.startswith("_") and "Store" in returns.replace("FactFilter", ""):
            handed.append(name)
    assert not handed, f"SearchIndex hands the Store out: {handed}"
    reached = [f"{p}:{line}" for p in sorted(PACKAGE.rglob("*.py")) for line in _reaches_through(p)]
    assert not reached, "read through a SearchIndex's methods: " + ", ".join(reached)


def test_the_door_check_sees_a_reach_through(tmp_path: Path) -> None:
    planted = tmp_path / "view.py"
    planted.write_text("def f(index):\n    return index._store.facts\n", encoding="utf-8")
    assert list(_reaches_through(planted)) == [2]


def _unexplained_imports(path: Path) -> Iterator[int]:
    """The lines of ``path`` with an import inside a function and no reason for it:
    a ``# lazy: …`` comment on its line, or on the line above it (or above the run
    of imports it begins or belongs to). Imports for annotations only, under
    ``if TYPE_CHECKING:``, never run and need none."""
    text, tree = _parsed(path)
    lines = text.splitlines()

    def explained(first: int, node: ast.stmt) -> bool:
        own = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        above = lines[first - 2].strip() if first >= 2 else ""
        return any("# lazy: " in line for line in own) or above.startswith("# lazy: ")

    found: set[int] = set()  # (a nested function's body is walked twice)
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for body in _bodies(function):
            first = 0
            for number, statement in enumerate(body):
                if not isinstance(statement, ast.Import | ast.ImportFrom):
                    continue
                previous = body[number - 1] if number else None
                if not isinstance(previous, ast.Import | ast.ImportFrom):
                    first = statement.lineno
                if not explained(first, statement):
                    found.add(statement.lineno)
    yield from sorted(found)


def _bodies(function: ast.AST) -> Iterator[list[ast.stmt]]:
    """Every statement list inside ``function`` (its own nested functions' too),
    except those under ``if TYPE_CHECKING:``."""
    for node in _nodes(function, typing_only=False):
        for field in ("body", "orelse", "finalbody", "handlers"):
            statements = getattr(node, field, None)
            if isinstance(statements, list) and all(isinstance(s, ast.stmt) for s in statements):
                yield statements
    body = getattr(function, "body", [])
    yield body


def test_every_function_level_import_says_why() -> None:
    """An import belongs at the top of its module; one inside a function is there for
    start-up time (or a platform), and says so: ``# lazy: rich costs 50 ms, only
    tables need it``."""
    unexplained = [
        f"{p.relative_to(REPO)}:{line}"
        for p in sorted(PACKAGE.rglob("*.py"))
        for line in _unexplained_imports(p)
    ]
    assert not unexplained, "move to the top, or give a '# lazy: …' reason: " + ", ".join(
        unexplained
    )


def test_the_reason_check_sees_an_unexplained_import(tmp_path: Path) -> None:
    planted = tmp_path / "module.py"
    planted.write_text(
        "def f():\n"
        "    # lazy: rich costs 50 ms, only tables need it\n"
        "    import rich\n"
        "    import rich.table\n"
        "    x = 1\n"
        "    import json\n"
        "    import csv  # lazy: only CSV needs it\n"
        "    if x:\n"
        "        # a comment that gives no reason\n"
        "        import re\n",
        encoding="utf-8",
    )
    assert list(_unexplained_imports(planted)) == [6, 10]
