"""The layers: main.py -> ui/ | cli/ -> models/. models/ is the headless core: it never
imports PySide6, ui/ or cli/. The contracts live in pyproject.toml (import-linter, also run
by `make lint`); the tests below also catch what a static reading misses (an import made at
run time) and what import-linter cannot take as a root (main.py)."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_importing_every_model_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, models\n"
        "for m in pkgutil.walk_packages(models.__path__, 'models.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'ui', 'cli', 'shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_package_imports_main_py():
    """main.py picks a face; nothing below it may reach back up."""
    offenders = []
    for package in ("models", "cli", "ui", "documents"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module]
                if "main" in names:
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


def _imports(path):
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, [node.module]


def test_documents_paint_without_widgets_and_never_reach_a_face():
    """documents/ sits between the faces and models: QtGui/QtCore only, no ui or CLI."""
    offenders = []
    for path in sorted((REPO / "documents").rglob("*.py")):
        for lineno, names in _imports(path):
            for name in names:
                if name.split(".")[0] in ("ui", "cli") or name.startswith(("PySide6.QtWidgets",
                                                                             "PySide6.QtPrintSupport")):
                    offenders.append(f"{path.relative_to(REPO)}:{lineno} imports {name}")
    assert offenders == []
