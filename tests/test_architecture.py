"""The shape ARCHITECTURE.md describes, held: layers that import only downward, a docstring on
every module, and one meaning per name across the package."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "perfscore"
MODULES = sorted(PACKAGE.rglob("*.py"))
LAYERS = ("input", "models", "rubrics", "scoring", "checks", "rendering", "review", "cli", "web")

#: What each layer may import at module level (besides itself, ``errors`` and the libraries).
#: Imports inside a function (a renderer loaded on demand) are not layering: they are looked up
#: when called, and ``test_pipeline`` holds which modules a command really loads.
ALLOWED = {
    "models": {"models", "rubrics", "scoring"},
    "rubrics": {"models", "rubrics", "scoring", "checks", "input"},
    "input": {"input", "models"},
    "scoring": {"models", "rubrics", "scoring", "checks"},
    "checks": {"models", "rubrics", "scoring", "checks"},
    # Review outputs are renderings of the review's rows and summary (its result types).
    "rendering": {"models", "rubrics", "rendering", "input", "checks", "review"},
    "pipeline": {"input", "models", "rubrics", "scoring", "checks"},
    "review": {"review", "pipeline", "input", "models", "rubrics", "rendering", "checks"},
    # The web pages and API are another front end, beside the command line (which starts them).
    "web": set(LAYERS) - {"cli"} | {"pipeline"},
    "cli": set(LAYERS) | {"pipeline"},
}


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(part for part in parts if part != "__init__")


def _layer(module: str) -> str:
    return module.split(".", maxsplit=1)[0] if module else ""


def _top_level_imports(tree: ast.Module) -> set[str]:
    """The perfscore modules imported at module level (not inside functions)."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.If):  # TYPE_CHECKING blocks are for the type checker only
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("perfscore."):
            found.add(str(node.module).removeprefix("perfscore."))
    return found


def test_the_package_is_there() -> None:
    assert len(MODULES) > 80
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} >= set(
        LAYERS
    )


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_every_module_says_what_it_is_for(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{_name(path) or 'perfscore'} has no docstring"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_layers_import_only_what_they_may(path: Path) -> None:
    module = _name(path)
    layer = _layer(module)
    if layer not in ALLOWED:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = {
        imported
        for imported in _top_level_imports(tree)
        if _layer(imported) not in ALLOWED[layer] | {layer, "errors"}
    }
    assert wrong == set(), f"{module} imports {sorted(wrong)}"


def _public_definitions() -> dict[str, list[str]]:
    """Each public class, function and type alias at module level, with where it is defined."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names: list[str] = []
            if isinstance(node, ast.ClassDef | ast.FunctionDef):
                names = [node.name]
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                if isinstance(target, ast.Name) and target.id[:1].isupper():
                    names = [target.id] if not target.id.isupper() else []
            for name in names:
                if not name.startswith("_"):
                    found[name].append(_name(path) or "perfscore")
    return found


def test_no_name_has_two_meanings() -> None:
    twice = {name: where for name, where in _public_definitions().items() if len(where) > 1}
    assert twice == {}
