"""The province window's views over a store of imported packages: what sorting, filtering,
refreshing and scrolling the heat map cost the GUI thread (used by ``bench_import``).

Each figure is the best of ``REPEATS`` and includes ``processEvents()``, i.e. the layout and
the repaint of the shown window (1366×768, offscreen). A refresh consolidates in a worker
thread: its figure is the longest the GUI thread was busy at once (starting it, each batch
of events while it runs, the swap of the new table and its repaint); ``refresh_wall_ms`` is
the time until the new table shows, with the window live all along.

Run alone on the cached national store: ``python -m bench.province_views``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

REPEATS = 3
SORTED_COLUMNS = (0, 1, 3, 5)  # code, name, index, the first aspect


@dataclass
class ViewTimings:
    label: str
    rows: int
    sort_ms: float  # the slowest column, ascending or descending
    filter_ms: float  # typing a name filter or clearing it, the slower
    refresh_ms: float  # the GUI thread's longest busy stretch during a refresh (see above)
    refresh_wall_ms: float  # until the new consolidation shows (the worker's time included)
    heatmap_scroll_ms: float  # one scroll step of the heat map


def largest_province() -> str:
    """The province with the most kabupaten/kota (a province's view is at most this big)."""
    from models import regions

    counts: dict[str, int] = {}
    for place in regions.all_regions():
        if not place.is_province:
            counts[place.province_code] = counts.get(place.province_code, 0) + 1
    return max(counts, key=counts.__getitem__)


def _ms(action, app, setup=None) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        if setup is not None:  # untimed: so that each repeat has work to do
            setup()
            app.processEvents()
        started = time.perf_counter()
        action()
        app.processEvents()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def refresh_ms(window, app) -> tuple[float, float]:
    """(longest GUI-thread stretch, time until shown) of the best of ``REPEATS`` refreshes."""
    from bench.journey import longest_stretch

    return min(longest_stretch(app, window.refresh, lambda: not window.refreshing()) for _ in range(REPEATS))


def view_timings(store, year: int, province_code: str, label: str) -> ViewTimings:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.province.consolidated_view import COL_STATUS
    from ui.province.province_window import ProvinceWindow

    app = QApplication.instance() or QApplication([])
    window = ProvinceWindow(store)
    try:
        window.province_code = province_code
        window.year_spin.setValue(year)
        window.resize(1366, 768)
        window.show()
        refresh_ms(window, app)  # the first one: every package scored once in this process
        view = window.view
        refresh, refresh_wall = refresh_ms(window, app)
        unsorted = lambda: view.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)  # noqa: E731
        sort = max(_ms(lambda column=column, order=order: view.table.sortByColumn(column, order), app, unsorted)
                   for column in SORTED_COLUMNS
                   for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder))
        typed = _ms(lambda: view.search.setText("kota"), app, view.search.clear)
        cleared = _ms(view.search.clear, app, lambda: view.search.setText("kota"))
        window.tabs.setCurrentIndex(2)
        app.processEvents()
        bar = window.tabs.currentWidget().verticalScrollBar()
        scroll = _ms(lambda: bar.setValue(bar.value() + bar.singleStep() * 3), app)
        return ViewTimings(label, window.model.rowCount(), sort, max(typed, cleared), refresh, refresh_wall, scroll)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":  # the views on the cached 514-package store, without the import rounds
    import os
    import sys
    import tempfile
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench import national_store
    from models.consolidate import ALL_PROVINCES
    from models.store import Store

    with tempfile.TemporaryDirectory(prefix="merit-views-") as scratch:
        with Store(national_store.province_store(Path(scratch))) as opened:
            for code, label in ((largest_province(), "one province"), (ALL_PROVINCES, "national")):
                print(view_timings(opened, national_store.YEAR, code, label), file=sys.stdout)
