"""The shape of the code, as docs/architecture.md describes it: stages that depend on
the stages before them only, a clean pipeline that knows nothing of the incremental
layer, and modules and functions small enough to read."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "converters"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def imports_of(name: str) -> frozenset[str]:
    """The modules of this package that ``name`` imports (at run time or for types)."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            candidates = [target] + [f"{target}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(c for c in candidates if c in modules())
    return frozenset(found)


def reachable_from(name: str) -> set[str]:
    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        for imported in imports_of(current) - seen:
            seen.add(imported)
            pending.append(imported)
    return seen


def in_stage(name: str, stage: str) -> bool:
    return name == f"converters.{stage}" or name.startswith(f"converters.{stage}.")


def test_the_clean_pipeline_imports_nothing_of_the_incremental_layer() -> None:
    """Even indirectly: the layer plugs into the pipeline's hooks, not the reverse."""
    assert not [m for m in reachable_from("converters.pipeline") if in_stage(m, "incremental")]


def test_only_the_composition_roots_import_the_incremental_layer() -> None:
    importers = {
        name
        for name in modules()
        if not in_stage(name, "incremental")
        and any(in_stage(m, "incremental") for m in imports_of(name))
    }
    assert importers == {"converters.build"}


@pytest.mark.parametrize(
    ("stage", "earlier_stage"),
    [
        ("parse", "convert"),  # records flow one way: parse → convert → validate → publish
        ("convert", "parse"),
        ("convert", "validate"),
        ("convert", "publish"),
        ("convert", "site"),
        ("validate", "publish"),
        ("validate", "site"),
        ("publish", "convert"),
        ("publish", "site"),
        ("site", "parse"),
    ],
)
def test_a_stage_does_not_import_another_it_should_not_know(stage: str, earlier_stage: str) -> None:
    offending = {
        f"{name} → {imported}"
        for name in modules()
        if in_stage(name, stage)
        for imported in imports_of(name)
        if in_stage(imported, earlier_stage)
    }
    assert not offending


def test_parsers_and_converters_do_no_io() -> None:
    """Pure functions: no file, process or network module in parse/ and convert/."""
    io_modules = {"os", "pathlib", "shutil", "subprocess", "socket", "urllib", "tempfile"}
    offending: set[str] = set()
    for name, path in modules().items():
        if in_stage(name, "parse") or in_stage(name, "convert"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    used = {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    used = {(node.module or "").split(".")[0]}
                else:
                    continue
                offending.update(f"{name}: {m}" for m in used & io_modules)
    assert not offending


def test_no_module_is_longer_than_a_reader_can_hold() -> None:
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long


def test_no_function_is_longer_than_a_screen_or_two() -> None:
    long = {}
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long[f"{name}.{node.name}"] = length
    assert not long


def test_the_clean_build_reads_on_one_screen() -> None:
    tree = ast.parse(modules()["converters.pipeline"].read_text(encoding="utf-8"))
    build = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "build")
    assert (build.end_lineno or 0) - build.lineno + 1 <= 60
