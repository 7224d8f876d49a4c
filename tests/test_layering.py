"""models/ is the headless core: it must never import PySide6 or ui/."""

import ast
import subprocess
import sys

from tests.conftest import REPO

FORBIDDEN = ("PySide6", "ui", "shiboken6")


def test_models_source_imports_no_qt_or_ui():
    offenders = []
    for path in sorted((REPO / "models").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno} imports {name}")
    assert offenders == []


def test_importing_every_model_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, models\n"
        "for m in pkgutil.walk_packages(models.__path__, 'models.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'ui', 'shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
                if name.split(".")[0] in ("ui", "cli") or name.startswith(("models.cli", "PySide6.QtWidgets",
                                                                             "PySide6.QtPrintSupport")):
                    offenders.append(f"{path.relative_to(REPO)}:{lineno} imports {name}")
    assert offenders == []


def test_models_reach_documents_only_from_cli_verbs():
    offenders = []
    for path in sorted((REPO / "models").rglob("*.py")):
        if path.parent.name == "cli":
            continue
        for lineno, names in _imports(path):
            offenders += [f"{path.relative_to(REPO)}:{lineno}" for name in names if name.split(".")[0] == "documents"]
    assert offenders == []
