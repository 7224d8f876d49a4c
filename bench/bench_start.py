"""Start to a loaded assessment, against a bare PySide6 window, both in the same run.

* Reference: a Python process that imports PySide6's widgets and shows an empty
  QMainWindow (``BARE_WINDOW``): the floor any Qt desktop program pays.
* Merit Luring from source: ``python main.py`` on the demo office's data folder, its window
  state remembering the demo's assessment, so the window opens on the loaded assessment
  (navigator, item editor with the first item, score); ``MERIT_LURING_EXIT_AFTER_START=1``.
* The frozen bundle the same way, when ``dist/MeritLuring`` exists (not built here: the
  bundle bench builds it).

Each program notes the moment its window has painted its first frame (the event loop's turn
after the window's first Paint event; ``ui.app.AfterFirstPaint``, the same logic in
``BARE_WINDOW``) in the file named by ``MERIT_LURING_START_STAMP``, then quits. Start = that
moment minus the moment the process was spawned; the process's whole wall time (its exit
included) is kept as a note. Floors, same run: the interpreter alone, and the interpreter
importing PySide6's widgets without a window.

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

RUNS = 11
RATIO_TARGET = 1.5

BARE_WINDOW = """
import os, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()


class LeaveAfterFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, leave)
        return False


def leave():
    Path(os.environ["MERIT_LURING_START_STAMP"]).write_text(f"{time.time()!r} {time.process_time()!r}",
                                                            encoding="ascii")
    app.quit()


first_paint = LeaveAfterFirstPaint(window)
window.installEventFilter(first_paint)
app.exec()
"""
# Floors: what no Qt program started by this interpreter can go below.
STAMP = "pathlib.Path(os.environ['MERIT_LURING_START_STAMP']).write_text(f'{time.time()!r} {time.process_time()!r}')"
FLOORS = {
    "python alone": "import os, time, pathlib; " + STAMP,
    "python importing PySide6.QtWidgets": "import os, time, pathlib, PySide6.QtWidgets; " + STAMP,
    # ... and what Merit Luring needs before it builds anything: its database layer, and Qt's
    # namespace (PySide 6.11 makes all 93 of its Python enums on first use).
    "python importing PySide6.QtWidgets and peewee, using Qt's namespace": (
        "import os, time, pathlib, PySide6.QtWidgets, peewee; from PySide6.QtCore import Qt; Qt.AlignmentFlag; "
        + STAMP),
}

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


def _timed_start(command: list[str], env: dict, stamp: Path) -> tuple[float, float, float]:
    """Seconds from spawn to the painted window, CPU seconds the process used until then,
    and seconds of the whole process."""
    stamp.unlink(missing_ok=True)
    spawned = time.time()
    whole = _timed(command, {**env, "MERIT_LURING_START_STAMP": str(stamp)})
    painted, cpu = (float(word) for word in stamp.read_text("ascii").split())
    return painted - spawned, cpu, whole


def start_times(workdir: Path, runs: int = RUNS) -> dict[str, list[tuple[float, float, float]]]:
    env = prepare(workdir)
    stamp = workdir / "started"
    python_trees = [Path(sys.base_prefix), Path(sys.prefix)]
    programs = {
        "bare Qt window": ([sys.executable, "-c", BARE_WINDOW], python_trees),
        "source": ([sys.executable, "main.py"], python_trees + [ROOT / "models", ROOT / "ui", ROOT / "resources"]),
    }
    programs.update({label: ([sys.executable, "-c", code], python_trees) for label, code in FLOORS.items()})
    if EXECUTABLE.is_file():
        programs["frozen"] = ([str(EXECUTABLE)], [BUNDLE_DIR])
    for command, _ in programs.values():  # one untimed start each: .pyc files, fontconfig cache
        _timed_start(command, env, stamp)
    times: dict[str, list[tuple[float, float, float]]] = {}
    for _ in range(runs):
        for label, (command, trees) in programs.items():
            _evict(trees)
            times.setdefault(f"{label} cold", []).append(_timed_start(command, env, stamp))
            times.setdefault(f"{label} warm", []).append(_timed_start(command, env, stamp))
    return times


def run(workdir: Path) -> Section:
    times = start_times(workdir)
    best = {label: min(start for start, _, _ in values) for label, values in times.items()}
    cpu = {label: min(used for _, used, _ in values) for label, values in times.items()}
    whole = {label: min(process for _, _, process in values) for label, values in times.items()}
    section = Section("Start to a loaded assessment, against a bare Qt window")
    for program in ("source", "frozen"):
        for kind in ("cold", "warm"):
            if f"{program} {kind}" not in best:
                continue
            ratio = best[f"{program} {kind}"] / best[f"bare Qt window {kind}"]
            section.rows.append(Row(f"start, {kind}: {program} ÷ bare PySide6 window (best of {RUNS})",
                                    f"{decimal_id(ratio, 2)}×", f"≤ {decimal_id(RATIO_TARGET, 1)}×",
                                    ratio <= RATIO_TARGET))
    for label in FLOORS:
        if label == "python alone":
            continue
        for kind in ("cold", "warm"):
            floor = best[f"{label} {kind}"] / best[f"bare Qt window {kind}"]
            section.rows.append(Row(f"floor, {kind}: {label}, no window ÷ bare window", f"{decimal_id(floor, 2)}×"))
    section.notes += [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} (rerun alone: `bench.run start`), on a 2-core machine "
        "shared with other builds: best of each, runs interleaved.",
        "Seconds to the painted window, best: " + ", ".join(
            f"{label} {decimal_id(value, 3)}" for label, value in best.items()) + ".",
        "CPU seconds used until the painted window (less disturbed by the other builds), best: " + ", ".join(
            f"{label} {decimal_id(value, 3)}" for label, value in cpu.items()) + "; warm source ÷ bare window "
        f"{decimal_id(cpu['source warm'] / cpu['bare Qt window warm'], 2)}×.",
        "Seconds of the whole process (its exit included), best: " + ", ".join(
            f"{label} {decimal_id(value, 3)}" for label, value in whole.items()) + ".",
        "Start = from spawning the process to the event loop's turn after the window's first Paint event "
        "(the window drawn once), noted by the program itself (`MERIT_LURING_START_STAMP`). Merit Luring: "
        "`main.py` on the demo data folder, opening the demo office's assessment remembered from the last "
        "session (navigator, item editor with the first item, score; the list of assessments, the aspect page "
        "and the item history are built when first opened), offscreen. The bare window: a process importing "
        "PySide6.QtWidgets and showing an empty 1280×820 QMainWindow the same way. After that frame, and before "
        "anything can be edited, the app checks its data against the history and takes the start-up backup "
        "when something changed (not timed here; the whole-process figures include them).",
        "Floors: no start goes below Python's start and `import PySide6.QtWidgets`; Merit Luring also "
        "loads peewee and uses Qt's `Qt` namespace before it builds anything (the last floor row, still without "
        "a window). The rest is Merit Luring's own: 57 modules (39 dataclasses and 14 peewee models made at "
        "import, some 20 ms of it for the dataclasses' generated methods), the Qt classes the window uses, the "
        "store opened, and the window's widgets built, laid out and painted once (its first text loads the "
        "fonts, about 7 ms). From source, PySide also reads the source of each module imported after it "
        "(its `__feature__` check: 15-20 ms in all, about a third for Merit Luring's own modules).",
        "Not before the first frame (tests/ui/test_start_first_frame.py): the idle checkpoint's application-wide "
        "event filter (the first event through it makes PySide load a Python type for every QObject class), the "
        "single-instance server (QtNetwork), the history check and its module, the assessment list, the profiling "
        "dialog; and nothing asks PySide for a C++-made widget (a scroll area's viewport) or a QBrush, which "
        "would load the Python types of every widget class or of QGradient.",
    ]
    if "frozen cold" not in best:
        section.notes.append("No bundle in `dist/MeritLuring`: frozen start not measured (`make dist`).")
    return section


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="merit-bench-start-") as directory:
        print(run(Path(directory)).markdown())
