"""The main window: start, list of assessments, history, properties, restoring state, start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from models.store import Store
from tests.conftest import REPO
from tests.ui.conftest import on_disk
from ui.app import create_main_window
from ui.assessment_list import AssessmentListModel
from ui.history_panel import HistoryModel


def test_smoke_offscreen_list_then_open_by_keyboard(qtbot, store, assessment, operator):
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.current_assessment is None
    assert [menu.title() for menu in (action.menu() for action in main.menuBar().actions())] == [
        "&Berkas", "&Edit", "&Penilaian", "Ban&tuan"]
    view = main.list_view
    assert view.heading.text() == "Kabupaten Bangka"
    table = view.table
    assert table.model().rowCount() == 1
    row = [table.model().index(0, column).data() for column in range(table.model().columnCount())]
    assert row[0] == "2026" and row[2] == "Draf"
    assert row[3] == "0,00 (sementara)" and row[4] == "perkiraan: Dasar"
    assert row[5].startswith("0% (0 dari 30 butir)")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert main.current_assessment.id == assessment.id
    assert main.pages.currentWidget() is main.workspace
    assert "Penilaian 2026" in main.windowTitle()
    qtbot.mouseClick(main.workspace.back_button, Qt.MouseButton.LeftButton)
    assert main.pages.currentWidget() is main.list_view
    main.close()


def test_new_assessment_from_menu(qtbot, window, store, office, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *args, **kwargs: (2027, True)))
    window.new_action.trigger()
    assert window.current_assessment.year == 2027
    assert {a.year for a in store.assessments(office)} == {2026, 2027}
    assert window.list_model.rowCount() == 2


def test_restores_geometry_splitters_and_last_assessment_and_item(qtbot, store, assessment, operator):
    first = create_main_window(store)
    qtbot.addWidget(first)
    first.show()
    first.open_assessment(assessment.id)
    first.resize(777, 666)  # within the 800×800 offscreen screen
    first.show_item("A5.2")
    first.workspace.splitter.setSizes([200, 300, 250])
    sizes = first.workspace.splitter.sizes()
    first.close()

    second = create_main_window(store)
    qtbot.addWidget(second)
    second.show()
    assert second.current_assessment.id == assessment.id
    assert second.workspace.item_editor.item_id == "A5.2"
    assert (second.size().width(), second.size().height()) == (777, 666)
    assert second.workspace.splitter.sizes() == sizes
    second.close()


def test_a_start_on_the_last_assessment_builds_the_list_history_and_aspect_page_when_first_wanted(
        qtbot, store, assessment, operator):
    """Issue 17: reopening the last assessment paints the item without loading the list of
    assessments, the item's history or the aspect page; each is complete when opened."""
    first = create_main_window(store)
    qtbot.addWidget(first)
    first.show()
    first.open_assessment(assessment.id)
    first.show_item("A1.1")
    first.workspace.item_editor.choose_level(2)
    first.close()

    second = create_main_window(store)
    qtbot.addWidget(second)
    second.show()
    workspace = second.workspace
    assert second.current_assessment.id == assessment.id
    assert (second._list_view, workspace._history, workspace._aspect_page) == (None, None, None)
    workspace.side_tabs.setCurrentIndex(1)  # the item's history: read now, for the item shown
    assert workspace._history is not None and workspace._history.isVisible()
    assert workspace.history.item_id == "A1.1" and workspace.history.model.rowCount() == 1
    second.show_item("A1.2")
    assert workspace.history.item_id == "A1.2" and workspace.history.model.rowCount() == 0
    workspace.navigator.aspectSelected.emit("A1")
    assert workspace.editors.currentWidget() is workspace.aspect_page
    second.show_list()
    assert second.pages.currentWidget() is second.list_view and second.list_model.rowCount() == 1
    second.close()


def test_models_pass_qtmodeltester(qtmodeltester, store, assessment, operator):
    store.set_answer(assessment, "A1.1", level=2, justification="ada", who=operator)
    store.create_assessment(assessment.office, 2025)
    qtmodeltester.check(AssessmentListModel(store))
    history = HistoryModel()
    history.set_rows(store.audit_trail(assessment))
    assert history.rowCount() == 3
    qtmodeltester.check(history)


def test_history_panel_shows_who_changed_what(qtbot, window, store, assessment, operator):
    window.show_item("A1.1")
    window.workspace.item_editor.choose_level(2)
    window.workspace.item_editor.choose_level(3)
    on_disk(window)  # the history shows what is on the disk
    history = window.workspace.history
    rows = [[history.model.index(row, column).data() for column in range(3)]
            for row in range(history.model.rowCount())]
    assert [row[1:] for row in rows] == [[operator, "Tingkat: 2 → 3"], [operator, "Tingkat: – → 2"]]
    window.show_item("A1.2")
    assert history.model.rowCount() == 0


def test_properties_dialog_sets_survey_and_correction(qtbot, window, store, assessment, monkeypatch):
    from ui.properties_dialog import PropertiesDialog

    shown = []

    def run(dialog):
        shown.append(dialog)
        qtbot.mouseClick(dialog.survey_known, Qt.MouseButton.LeftButton)
        dialog.survey.lineEdit().selectAll()
        qtbot.keyClicks(dialog.survey.lineEdit(), "0,8")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(PropertiesDialog, "exec", run)
    window.properties_action.trigger()
    assert shown
    saved = store.assessment(assessment.id)
    assert saved.survey == pytest.approx(0.8)
    assert saved.correction is None
    result = store.score(saved)
    assert result.headline_kind == "nism"
    assert window.workspace.score_panel.headline_label.text() == "0,20"  # 0,75 × 0 + 0,25 × 0,8
    window.undo_action.trigger()
    assert store.assessment(assessment.id).survey is None


def test_main_py_starts_the_window_and_exits_when_asked(data_dir, tmp_path):
    """``python main.py`` in a child process (its event loop must not end this one's)."""
    with Store(data_dir) as seeded:
        office = seeded.ensure_office("19.01")
        seeded.create_assessment(office, 2026)
    environment = dict(os.environ, MERIT_LURING_EXIT_AFTER_START="1", QT_QPA_PLATFORM="offscreen",
                       XDG_CONFIG_HOME=str(tmp_path / "config"))
    finished = subprocess.run([sys.executable, str(REPO / "main.py"), "--data-dir", str(data_dir), "--lang", "id"],
                              env=environment, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert list((data_dir / "backups").glob("auto-*.sqlite"))  # the backup taken at start
    assert list((tmp_path / "config").rglob("*.ini"))  # the window state was saved on the way out


def test_a_start_that_changed_nothing_takes_no_new_backup(data_dir, tmp_path):
    """The start-up backup runs after the window shows, and only when data was written since
    the newest automatic backup (issue 17: not at every start, not on the critical path)."""
    with Store(data_dir) as seeded:
        office = seeded.ensure_office("19.01")
        assessment_id = seeded.create_assessment(office, 2026).id
    environment = dict(os.environ, MERIT_LURING_EXIT_AFTER_START="1", QT_QPA_PLATFORM="offscreen",
                       XDG_CONFIG_HOME=str(tmp_path / "config"))

    def start() -> list:
        finished = subprocess.run([sys.executable, str(REPO / "main.py"), "--data-dir", str(data_dir)],
                                  env=environment, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert finished.returncode == 0, finished.stderr
        return sorted((data_dir / "backups").glob("auto-*.sqlite"))

    first = start()
    assert len(first) == 1
    assert start() == first  # nothing written since: no second copy of the same data
    with Store(data_dir) as store:
        store.set_answer(store.assessment(assessment_id), "A1.1", level=2, who="penguji")
    assert len(start()) == 2


def test_reload_after_finalizing_elsewhere_makes_the_window_read_only(qtbot, window, store, assessment):
    from models.tables import Assessment

    window.show_item("A2.3")
    window.workspace.item_editor.choose_level(1)
    Assessment.update(status=Assessment.FINAL).where(Assessment.id == assessment.id).execute()
    window.reload_assessment()
    assert window.session.model.read_only
    assert window.workspace.item_editor.item_id == "A2.3"  # the same place, now read-only
    assert not window.workspace.item_editor.levels_box.isEnabled()
    assert "Final" in window.workspace.title.text()


def test_profiling_section_is_shown_saved_as_data_and_not_scored(qtbot, window, store, assessment, monkeypatch):
    from models.profiling import load_profiling
    from ui.profiling_dialog import ProfilingDialog

    before = store.score(assessment).index
    button = window.workspace.profiling_button
    assert button.isVisible() and "tidak dinilai" in button.text()
    opened = []

    def run(dialog):
        opened.append(dialog)
        assert "Tidak dinilai" in dialog.findChild(type(dialog.status), "notScored").text()
        dialog.yes.setChecked(True)
        dialog.table.item(0, 0).setText("Anugerah Meritokrasi")
        dialog.table.item(0, 2).setText("2025")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(ProfilingDialog, "exec", run)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened
    saved = load_profiling(store, assessment)["penghargaan_instansi"]
    assert saved["answer"] == "ya"
    assert saved["rows"][0]["Nama Penghargaan"] == "Anugerah Meritokrasi"
    assert saved["rows"][0]["Tahun Perolehan"] == "2025"
    assert store.score(assessment).index == before  # data, not a score
