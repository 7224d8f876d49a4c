"""Start to a loaded assessment, against a bare PySide6 window, both in the same run.

* Reference: a Python process that imports PySide6's widgets, shows an empty QMainWindow
  and leaves the event loop at once (``BARE_WINDOW``): the floor any Qt desktop program pays.
* Merit Luring from source: ``python main.py`` on the demo office's data folder, its window
  state remembering the demo's assessment, so the window opens on the loaded assessment
  (navigator, item editor, score, history); ``MERIT_LURING_EXIT_AFTER_START=1`` leaves the
  event loop once it runs, i.e. after the window was shown and laid out.
* The frozen bundle the same way, when ``dist/MeritLuring`` exists (not built here: the
  bundle bench builds it).

*cold*: before each run the page cache of the files the program loads from its own tree is
dropped (``posix_fadvise(DONTNEED)``, best effort, as in ``bench_bundle``); *warm*: the same
run again at once. Runs alternate between the programs; best of ``RUNS`` each (the machine
is shared: the minimum is the least disturbed run). Target (issue 17): ≤ 1,5× the bare window.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.bench_bundle import BUNDLE_DIR, EXECUTABLE, _evict, _timed
from bench.run import ROOT, Row, Section
from models.formatting import decimal_id

RUNS = 7
RATIO_TARGET = 1.5

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

REMEMBER_ASSESSMENT = """
import sys
from PySide6.QtCore import QCoreApplication
from ui.app import set_identity
from ui.main_window import ui_settings
from models.demo import DEMO_YEAR
from models.store import Store
app = QCoreApplication([])
set_identity(app)
with Store(sys.argv[1]) as store:
    assessment = store.latest_assessment(store.office(), DEMO_YEAR)
    settings = ui_settings()
    settings.setValue("MainWindow/lastAssessment", assessment.id)
    settings.setValue("MainWindow/lastDataDir", str(store.data_dir))
    settings.sync()
"""


def prepare(workdir: Path) -> dict:
    """The demo data folder and the environment that opens its assessment at start."""
    data_dir = workdir / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MERIT_LURING_EXIT_AFTER_START": "1",
           "MERIT_LURING_HOME": str(data_dir), "XDG_CONFIG_HOME": str(workdir / "config"),
           "APPDATA": str(workdir / "appdata"), "HOME": str(workdir)}
    # A real installation runs from compiled .pyc files; a shell that forbids writing them
    # would make every start compile the whole source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "main.py", "demo", "--data-dir", str(data_dir)], cwd=ROOT, check=True,
                   capture_output=True, env=env)
    subprocess.run([sys.executable, "-c", REMEMBER_ASSESSMENT, str(data_dir)], cwd=ROOT, check=True,
                   capture_output=True, env=env)
    return env


def start_times(workdir: Path, runs: int = RUNS) -> dict[str, list[float]]:
    env = prepare(workdir)
    python_trees = [Path(sys.base_prefix), Path(sys.prefix)]
    programs = {
        "bare Qt window": ([sys.executable, "-c", BARE_WINDOW], python_trees),
        "source": ([sys.executable, "main.py"], python_trees + [ROOT / "models", ROOT / "ui", ROOT / "resources"]),
    }
    if EXECUTABLE.is_file():
        programs["frozen"] = ([str(EXECUTABLE)], [BUNDLE_DIR])
    for command, _ in programs.values():  # one untimed start each: .pyc files, fontconfig cache
        _timed(command, env)
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for label, (command, trees) in programs.items():
            _evict(trees)
            times.setdefault(f"{label} cold", []).append(_timed(command, env))
            times.setdefault(f"{label} warm", []).append(_timed(command, env))
    return times


def run(workdir: Path) -> Section:
    times = start_times(workdir)
    best = {label: min(values) for label, values in times.items()}
    section = Section("Start to a loaded assessment, against a bare Qt window")
    for program in ("source", "frozen"):
        for kind in ("cold", "warm"):
            if f"{program} {kind}" not in best:
                continue
            ratio = best[f"{program} {kind}"] / best[f"bare Qt window {kind}"]
            section.rows.append(Row(f"start, {kind}: {program} ÷ bare PySide6 window (best of {RUNS})",
                                    f"{decimal_id(ratio, 2)}×", f"≤ {decimal_id(RATIO_TARGET, 1)}×",
                                    ratio <= RATIO_TARGET))
    section.notes += [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} (rerun alone: `bench.run start`), on a 2-core machine "
        "shared with other builds: best of each, runs interleaved.",
        "Seconds, best: " + ", ".join(f"{label} {decimal_id(value, 3)}" for label, value in best.items()) + ".",
        "Merit Luring's start = process wall time of `main.py` on the demo data folder, opening the demo "
        "office's assessment remembered from the last session (navigator, item editor with the first item, "
        "score, history), offscreen, until the event loop runs after the window is shown. The bare window: "
        "a process importing PySide6.QtWidgets and showing an empty 1280×820 QMainWindow the same way.",
    ]
    if "frozen cold" not in best:
        section.notes.append("No bundle in `dist/MeritLuring`: frozen start not measured (`make dist`).")
    return section


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="merit-bench-start-") as directory:
        print(run(Path(directory)).markdown())
