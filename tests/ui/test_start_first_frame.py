"""Issue 17: what a start loads before the window's first frame (the demo's assessment open).

Each check names a cost that once sat before the first frame and now comes after it or not
at all: modules that opening an assessment does not use, and PySide's loading of a Python
type for every widget (or every QObject) class, which a C++-made widget or object reaching
Python for the first time sets off (about 10 ms each). Run in a child process: the start's
event loop ends there, and the modules it imported are its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIRST_FRAME = """
import json, sys
from PySide6.QtWidgets import QApplication
from ui import app
from ui.main_window import ui_settings

qt = QApplication([])
app.set_identity(qt)
settings = ui_settings()
settings.setValue("MainWindow/lastAssessment", int(sys.argv[2]))
settings.setValue("MainWindow/lastDataDir", sys.argv[1])
settings.sync()
report = {}


def at_first_frame():
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets

    report["modules"] = sorted(sys.modules)
    report["pyside types"] = sorted(name for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
                                    for name in vars(module) if name.startswith("Q"))
    window = next(widget for widget in qt.topLevelWidgets() if hasattr(widget, "workspace"))  # after the above
    report["item"] = window.workspace.item_editor.item_id


app.write_start_stamp = at_first_frame  # the first step after the first frame when measuring
code = app._run_with_data_dir(qt, sys.argv[1])
report["code"] = code
report["loaded after the first frame"] = sorted(set(sys.modules) - set(report["modules"]))
print(json.dumps(report))
"""

# Opening an assessment uses none of these: they load when their feature is first used.
NOT_BEFORE_THE_FIRST_FRAME = (
    "PySide6.QtNetwork",  # the single-instance server listens after the first frame
    "PySide6.QtSvg",  # the icon is read from PNGs
    "cli", "jsonschema", "cryptography",
    "models.history",  # the history check runs after the first frame
    "ui.idle_checkpoint",  # its application-wide event filter goes in after the first frame
    "ui.profiling_dialog", "ui.assessment_list", "ui.history_panel", "ui.history_dialog",
    "models.evidence_viewer", "models.export_record",
)
# Classes that nothing on the first frame uses: loaded only by PySide's walk over every
# widget class (QWizard, QMdiArea), every QObject class (QProcess, QSystemTrayIcon) or by
# QBrush's overloads (QGradient).
WALK_WITNESSES = ("QWizard", "QMdiArea", "QProcess", "QSystemTrayIcon", "QGradient")


@pytest.fixture
def first_frame(data_dir, tmp_path):
    from models.demo import DEMO_YEAR, seed_demo
    from models.store import Store
    from ui import app

    with Store(data_dir) as store:
        seed_demo(store)
        assessment_id = store.latest_assessment(store.office(), DEMO_YEAR).id
        folder = str(store.data_dir)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                       APPDATA=str(tmp_path / "appdata"), HOME=str(tmp_path))
    environment[app.EXIT_AFTER_START_ENV] = "1"
    root = Path(__file__).resolve().parents[2]
    finished = subprocess.run([sys.executable, "-c", FIRST_FRAME, folder, str(assessment_id)], cwd=root,
                              env=environment, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert report["item"]  # the first frame had the assessment open, an item in the editor
    return report


def test_the_first_frame_loads_no_module_that_opening_an_assessment_does_not_use(first_frame):
    loaded = set(first_frame["modules"])
    early = sorted(name for name in NOT_BEFORE_THE_FIRST_FRAME
                   if name in loaded or any(module.startswith(name + ".") for module in loaded))
    assert early == []
    assert "ui.idle_checkpoint" in first_frame["loaded after the first frame"]  # the idle checkpoint still starts


def test_no_pyside_type_walk_comes_before_the_first_frame(first_frame):
    loaded = set(first_frame["pyside types"])
    assert "QScrollArea" in loaded and "QLabel" in loaded  # the report sees the types the window uses
    assert sorted(loaded.intersection(WALK_WITNESSES)) == []
