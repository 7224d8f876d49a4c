"""The main window reaches the package dialogs, and province mode gets the province window."""

from __future__ import annotations

import pytest

from models.demo import seed_demo
from models.settings import MODE


@pytest.fixture
def demo_window(qtbot, store):
    from ui.app import create_main_window

    summary = seed_demo(store)
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    return window, summary


def test_export_action_opens_the_finalize_dialog_for_the_open_assessment(demo_window, monkeypatch):
    import ui.package_dialogs as dialogs

    window, summary = demo_window
    assert not window.export_action.isEnabled()  # nothing open yet
    shown = []
    monkeypatch.setattr(dialogs.FinalizeExportDialog, "exec", lambda self: shown.append(self.assessment.id) or 0)
    window.open_assessment(summary["assessment_id"])
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    assert shown == [summary["assessment_id"]]


def test_keys_action_opens_the_keys_dialog(demo_window, monkeypatch):
    import ui.package_dialogs as dialogs

    window, _ = demo_window
    shown = []
    monkeypatch.setattr(dialogs.KeysDialog, "exec", lambda self: shown.append(self.store) or 0)
    window.keys_action.trigger()
    assert shown == [window.store]


def test_province_mode_gets_the_province_window(qtbot, store):
    from ui.app import _window_for_mode
    from ui.main_window import MainWindow
    from ui.province.province_window import ProvinceWindow

    store.ensure_office("19")
    store.set_setting(MODE, "province")
    window = _window_for_mode(store)
    qtbot.addWidget(window)
    assert isinstance(window, ProvinceWindow)
    store.set_setting(MODE, "office")
    office_window = _window_for_mode(store)
    qtbot.addWidget(office_window)
    assert isinstance(office_window, MainWindow)


def test_tab_leaves_the_assessment_table(demo_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window, _ = demo_window
    table = window.list_view.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_survey_box_takes_a_typed_point_as_the_decimal_comma(qtbot):
    from ui.properties_dialog import _fraction_box

    box = _fraction_box(None)
    qtbot.addWidget(box)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0.85")
    box.interpretText()
    assert box.value() == pytest.approx(0.85)


def test_history_says_in_words_that_a_revision_was_reopened(qtbot):
    from types import SimpleNamespace

    from ui.history_panel import change_text

    entry = SimpleNamespace(field="reopened", old_value={"from_revision": 1}, new_value={"revision": 2})
    assert change_text(entry) == "Dibuka sebagai revisi baru dari revisi 1"


def test_every_item_heading_is_unique(instrument):
    from ui.navigator import item_heading

    headings = [item_heading(item).split(" ", 1)[0] for item in instrument.items]
    assert len(set(headings)) == len(headings) == 31
    assert item_heading(instrument.item("A7.1")).startswith("7.1 Pembinaan dan Penegakan")
