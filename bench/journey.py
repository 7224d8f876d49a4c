"""The office and province journeys, offscreen, with a slow-operation detector on the GUI thread.

Run as a child process (``python -m bench.journey office|province DATA_DIR``) so that its
QApplication is a :class:`TimingApplication`: every event Qt delivers from the event loop
(``notify`` at depth 0: paints, clicks, keys, timers, queued signals and the slots they run)
is timed, and each journey step (an action and the ``processEvents()`` after it) is timed as
a whole, which also covers what a step calls directly. Prints JSON: every step's time and
every event over ``SLOW_MS`` with its receiver, event type and step. A step whose work runs
in a worker thread (the province refresh) counts the longest the GUI thread was busy at
once, and keeps the time until the work showed as ``wall_ms``. Used by ``bench_gui``
(office, on the demo data) and ``bench_import`` (province, on the 514-package store).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SLOW_MS = 100.0


def _warm_wrappers() -> None:
    """Make PySide's Python types of Qt's event classes before the first step. ``notify``
    hands every event and receiver to Python, which the application itself never does for
    most of them; the first one of each kind made PySide build its classes' enums at once
    (~30 ms inside the first step, ~4 Python enums when the app opens the same window
    without the detector). Not timed: it is the detector's cost, not the application's."""
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            kind = getattr(module, name)
            if isinstance(kind, type) and issubclass(kind, QtCore.QEvent):
                vars(kind)  # builds the class's lazily made members


def _application():
    from PySide6.QtWidgets import QApplication

    class TimingApplication(QApplication):
        def __init__(self, argv):
            super().__init__(argv)
            self.depth = 0
            self.step = "start"
            self.slow: list[dict] = []
            _warm_wrappers()


        def notify(self, receiver, event):  # noqa: N802 (Qt naming)
            if self.depth:
                return super().notify(receiver, event)
            self.depth += 1
            # event.type() only for a slow event: PySide makes a new Python enum class for each
            # event type Qt does not declare (~0.1 ms each), which timed the detector itself.
            started = time.perf_counter()
            try:
                return super().notify(receiver, event)
            finally:
                self.depth -= 1
                ms = (time.perf_counter() - started) * 1000
                if ms > SLOW_MS:
                    kind = event.type()
                    name = receiver.objectName() if hasattr(receiver, "objectName") else ""
                    self.slow.append({"ms": round(ms, 1), "step": self.step, "event": kind.name,
                                      "receiver": f"{type(receiver).__name__}{'#' + name if name else ''}"})

    return TimingApplication([sys.argv[0]])


def longest_stretch(app, action, done) -> tuple[float, float]:
    """Run ``action``, then the event loop until ``done()``: (the longest the GUI thread was
    busy at once, ms: the action, then each batch of events, among them the swap of the
    result and its repaint; ms until done)."""
    started = time.perf_counter()
    action()
    app.processEvents()
    longest = time.perf_counter() - started
    while not done():
        time.sleep(0.002)  # an idle event loop: the worker thread gets the interpreter
        batch = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - batch)
    batch = time.perf_counter()
    app.processEvents()  # what the last batch posted (layout, repaint)
    longest = max(longest, time.perf_counter() - batch)
    return longest * 1000, (time.perf_counter() - started) * 1000


class Journey:
    def __init__(self, app):
        self.app = app
        self.steps: list[dict] = []

    def step(self, name: str, action) -> None:
        self.app.step = name
        started, cpu = time.perf_counter(), time.thread_time()
        action()
        self.app.processEvents()
        # the GUI thread's CPU time beside the wall time: on a shared machine the wall time
        # also holds what other processes took
        self.steps.append({"step": name, "ms": round((time.perf_counter() - started) * 1000, 1),
                           "cpu_ms": round((time.thread_time() - cpu) * 1000, 1)})

    def step_until(self, name: str, action, done) -> None:
        """A step whose work finishes later (a refresh consolidating in a worker thread):
        see :func:`longest_stretch`; ``ms`` is the GUI thread's longest busy stretch,
        ``wall_ms`` the time until done, which the user spends with a live window."""
        self.app.step = name
        longest, wall = longest_stretch(self.app, action, done)
        self.steps.append({"step": name, "ms": round(longest, 1), "wall_ms": round(wall, 1)})

    def report(self) -> dict:
        return {"steps": self.steps, "slow_events": self.app.slow}


def office(app, data_dir: Path) -> Journey:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from models.demo import DEMO_YEAR
    from models.lifecycle import reopen
    from models.settings import OPERATOR_NAME
    from models.store import Store
    from ui.app import create_main_window

    journey = Journey(app)
    store = Store(data_dir)
    store.set_setting(OPERATOR_NAME, "Bench")
    final = store.latest_assessment(store.office(), DEMO_YEAR)
    assessment = reopen(store, final, "Bench") if final.locked else final
    window = create_main_window(store)
    window.resize(1366, 768)
    journey.step("show window", window.show)
    journey.step("open assessment", lambda: window.open_assessment(assessment.id))
    workspace = window.workspace
    editor = workspace.item_editor
    for number, item in enumerate(store.instrument_of(assessment).items):
        journey.step(f"choose item {item.code}", lambda item=item: window.show_item(item.id))
        if workspace.session.model.applies(item.id):
            journey.step(f"level on {item.code}", lambda number=number: QTest.keyClick(
                workspace.navigator.tree, Qt.Key.Key_0 + number % 5))
    journey.step("type a justification", lambda: QTest.keyClicks(editor, "Dokumen tersedia"))
    journey.step("undo", window.undo_action.trigger)
    journey.step("redo", window.redo_action.trigger)
    journey.step("search the navigator", lambda: workspace.navigator.search.setText("jabatan"))
    journey.step("clear the search", workspace.navigator.search.clear)
    journey.step("assessment list", window.show_list)
    journey.step("back to the assessment", lambda: window.open_assessment(assessment.id))
    journey.step("close", window.close)
    store.close()
    return journey


def province(app, data_dir: Path) -> Journey:
    from PySide6.QtCore import Qt

    from models.consolidate import ALL_PROVINCES
    from models.store import Store
    from ui.province.drilldown import DrilldownDialog
    from ui.province.province_window import ProvinceWindow

    journey = Journey(app)
    store = Store(data_dir)
    window: ProvinceWindow | None = None

    def build() -> None:
        nonlocal window
        window = ProvinceWindow(store)
        window.province_code = ALL_PROVINCES  # the national collector's view: all 514 rows
        window.resize(1366, 768)
        window.show()

    journey.step("open the province window", build)
    journey.step_until("refresh (national)", window.refresh, lambda: not window.refreshing())
    view = window.view
    for column in (0, 1, 3, 5, 14):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            journey.step(f"sort column {column} {order.name}",
                         lambda column=column, order=order: view.table.sortByColumn(column, order))
    journey.step("filter by name", lambda: view.search.setText("kota"))
    journey.step("clear the name filter", view.search.clear)
    journey.step("filter by status", lambda: view.status_filter.setCurrentIndex(1))
    journey.step("all statuses", lambda: view.status_filter.setCurrentIndex(0))
    journey.step_until("refresh again (national)", window.refresh, lambda: not window.refreshing())
    journey.step("ranking tab", lambda: window.tabs.setCurrentIndex(1))
    journey.step("heat map tab", lambda: window.tabs.setCurrentIndex(2))
    bar = window.tabs.currentWidget().verticalScrollBar()
    for _ in range(10):
        journey.step("scroll the heat map", lambda: bar.setValue(bar.value() + bar.pageStep()))
    ranking_bar = window.tabs.widget(1).verticalScrollBar()
    journey.step("ranking tab again", lambda: window.tabs.setCurrentIndex(1))
    for _ in range(3):
        journey.step("scroll the ranking", lambda: ranking_bar.setValue(ranking_bar.value() + ranking_bar.pageStep()))
    journey.step("table tab", lambda: window.tabs.setCurrentIndex(0))
    received = next(row for row in window.consolidation.rows if row.assessment_id is not None)
    dialog: DrilldownDialog | None = None

    def drill_down() -> None:
        nonlocal dialog
        dialog = DrilldownDialog(store, received.assessment_id, window)
        dialog.show()

    journey.step("drill down into one office", drill_down)
    journey.step("close the drill-down", dialog.close)
    journey.step("close", window.close)
    store.close()
    return journey


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    which, data_dir = argv[0], Path(argv[1])
    app = _application()
    journey = {"office": office, "province": province}[which](app, data_dir)
    print(json.dumps(journey.report()))
    return 0


def run_child(which: str, data_dir: Path) -> dict:
    """The journey in a child process (its own TimingApplication); its JSON report."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(data_dir.parent / "journey-config")}
    result = subprocess.run([sys.executable, "-m", "bench.journey", which, str(data_dir)], cwd=root, env=env,
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"{which} journey exited {result.returncode}: {result.stderr.strip()[-600:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def best_of(reports: list[dict]) -> dict:
    """Several runs of one journey as one: each step's least disturbed time (wall and CPU
    separately), and the slow events of the least disturbed run as a whole."""
    steps = [{"step": runs[0]["step"], "ms": min(step["ms"] for step in runs),
              "cpu_ms": min(step["cpu_ms"] for step in runs)}
             for runs in zip(*(report["steps"] for report in reports), strict=True)]
    calmest = min(reports, key=lambda report: sum(step["ms"] for step in report["steps"]))
    return {"steps": steps, "slow_events": calmest["slow_events"], "runs": len(reports)}


def rows_and_notes(label: str, report: dict):
    """Bench rows: the slowest step and the slowest event, and a note listing every slow one."""
    from bench.run import Row

    slowest_step = max(report["steps"], key=lambda step: step["ms"])
    slow_events = sorted(report["slow_events"], key=lambda event: -event["ms"])
    slowest_event = slow_events[0]["ms"] if slow_events else 0.0
    worst = max(slowest_step["ms"], slowest_event)
    runs = f", best of {report['runs']} runs" if report.get("runs", 1) > 1 else ""
    rows = [Row(f"{label}: slowest GUI-thread step ({len(report['steps'])} steps{runs})",
                f"{slowest_step['ms']:.0f} ms ({slowest_step['step']})", f"≤ {SLOW_MS:.0f} ms",
                worst <= SLOW_MS)]
    over = [step for step in report["steps"] if step["ms"] > SLOW_MS]
    listed = "; ".join(f"{step['step']} {step['ms']:.0f} ms" for step in over) or "none"
    waited = [step for step in report["steps"] if "wall_ms" in step]
    background = "".join(
        f" '{step['step']}' runs in a worker: {step['wall_ms']:.0f} ms until the new table shows, "
        f"the GUI thread busy at most {step['ms']:.0f} ms at once." for step in waited)
    events = "; ".join(f"{event['receiver']} {event['event']} {event['ms']:.0f} ms (in '{event['step']}')"
                       for event in slow_events[:8]) or "none"
    note = (f"{label}: steps over {SLOW_MS:.0f} ms: {listed}. Single events over {SLOW_MS:.0f} ms: {events}. "
            f"GUI-thread CPU time of the slowest step: {slowest_step.get('cpu_ms', 0.0):.0f} ms; most CPU in one step: "
            + "{:.0f} ms ({}).".format(*max((step.get("cpu_ms", 0.0), step["step"]) for step in report["steps"]))
            + background)
    return rows, note


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
