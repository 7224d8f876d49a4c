"""Autosave: every change written at once, a failed write shown plainly and recovered; undo/redo."""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt

from models.store import Store
from tests.ui.conftest import on_disk, score_text


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _fail_once(monkeypatch, method: str, message: str = "database or disk is full"):
    """Make ``Store.<method>`` raise like a full disk on its next call only."""
    original = getattr(Store, method)
    calls = {"failed": 0}

    def flaky(self, *args, **kwargs):
        if not calls["failed"]:
            calls["failed"] += 1
            raise peewee.OperationalError(message)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, method, flaky)
    return calls


def test_failed_level_write_is_shown_and_recovered_by_retry(qtbot, active, store, assessment, monkeypatch):
    window = active
    editor = window.workspace.item_editor
    window.show_item("A1.1")
    qtbot.keyClick(window.workspace.navigator.tree, Qt.Key.Key_2)
    assert window.save_label.text() == "Menyimpan…"  # on its way to the disk, off the GUI thread
    on_disk(window)
    assert "Tersimpan" in window.save_label.text()
    assert not window.retry_button.isVisible()

    calls = _fail_once(monkeypatch, "set_answer")
    window.show_item("A1.2")
    qtbot.keyClick(window.workspace.navigator.tree, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Gagal menyimpan"))  # the writer's report
    assert calls["failed"] == 1
    answer = store.answer(assessment, "A1.2")
    assert answer is None or answer.level is None  # nothing reached the disk
    assert window.save_label.text().startswith("Gagal menyimpan")
    assert "disk penuh" in window.save_label.text()
    assert window.save_label.toolTip().startswith("Disk penuh")  # what to do, not SQLite's English
    assert "database or disk is full" not in window.save_label.toolTip()
    assert window.retry_button.isVisible()
    assert window.retry_action.isEnabled()
    # The screen keeps the answer: chosen level, unsaved mark, and the live score counts it.
    assert editor.level_rows[3].button.isChecked()
    assert window.workspace.session.model.is_unsaved("A1.2")
    assert "belum tersimpan" in editor.state_label.text()
    tree_model = window.workspace.navigator_model
    assert "belum tersimpan" in tree_model.item_index("A1.2").data(Qt.ItemDataRole.ToolTipRole)
    unsaved_score = window.workspace.score_panel.headline_label.text()

    qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
    assert store.answer(assessment, "A1.2").level == 3
    assert window.save_label.text().startswith("Tersimpan ")
    assert not window.retry_button.isVisible()
    assert not window.workspace.session.model.is_unsaved("A1.2")
    assert unsaved_score == score_text(store, assessment)


def test_typed_text_survives_a_failed_write_and_is_saved_with_the_next_change(
        qtbot, active, store, assessment, monkeypatch):
    window = active
    editor = window.workspace.item_editor
    window.show_item("A2.1")
    _fail_once(monkeypatch, "set_answer")
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "Talenta dipetakan lewat nine-box.")
    editor.commit_pending_text()
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Gagal menyimpan"))
    assert editor.justification.toPlainText() == "Talenta dipetakan lewat nine-box."
    assert store.answer(assessment, "A2.1") is None or store.answer(assessment, "A2.1").justification == ""

    # The next change retries what is pending first, then writes itself.
    window.show_item("A2.2")
    qtbot.keyClick(window.workspace.navigator.tree, Qt.Key.Key_1)
    on_disk(window)
    assert store.answer(assessment, "A2.1").justification == "Talenta dipetakan lewat nine-box."
    assert store.answer(assessment, "A2.2").level == 1
    assert window.save_label.text().startswith("Tersimpan ")


def test_failed_gate_write_keeps_the_screen_state(qtbot, active, store, assessment, monkeypatch):
    window = active
    _fail_once(monkeypatch, "set_gate", "attempt to write a readonly database")
    session = window.workspace.session
    window.show_item("A6.3")
    question = window.workspace.item_editor.gates.questions["bayar_tpp"]
    qtbot.mouseClick(question.change_button, Qt.MouseButton.LeftButton)  # the confirmed answer is folded
    qtbot.mouseClick(question.rows["tidak"].button, Qt.MouseButton.LeftButton)
    assert store.assessment(assessment.id).gates.get("bayar_tpp", "ya") == "ya"
    assert session.model.gates["bayar_tpp"] == "tidak"
    assert window.workspace.item_editor.not_applicable.isVisible()
    assert window.retry_button.isVisible()
    window.retry_action.trigger()
    assert store.assessment(assessment.id).gates["bayar_tpp"] == "tidak"
    assert window.save_label.text().startswith("Tersimpan ")


def test_undo_redo_of_answers_through_the_edit_menu(qtbot, active, store, assessment):
    window = active
    editor = window.workspace.item_editor
    tree = window.workspace.navigator.tree
    window.show_item("A3.1")
    qtbot.keyClick(tree, Qt.Key.Key_2)
    qtbot.keyClick(tree, Qt.Key.Key_4)
    window.show_item("A3.2")
    qtbot.keyClick(tree, Qt.Key.Key_1)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Urungkan Ubah tingkat 3.2"

    window.undo_action.trigger()
    assert store.answer(assessment, "A3.2").level is None
    window.undo_action.trigger()  # jumps back to A3.1 and shows the restored level
    assert store.answer(assessment, "A3.1").level == 2
    assert editor.item_id == "A3.1"
    assert editor.level_rows[2].button.isChecked()
    assert window.workspace.score_panel.headline_label.text() == score_text(store, assessment)

    window.redo_action.trigger()
    assert store.answer(assessment, "A3.1").level == 4
    window.redo_action.trigger()
    assert store.answer(assessment, "A3.2").level == 1
    assert not window.redo_action.isEnabled()
    # Every step, undo included, is in the audit trail.
    levels = [entry.new_value for entry in reversed(store.audit_trail(assessment, "A3.1")) if entry.field == "level"]
    assert levels == [2, 4, 2, 4]


def test_undo_restores_typed_justification(qtbot, active, store, assessment):
    window = active
    editor = window.workspace.item_editor
    window.show_item("A1.1")
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "Versi pertama")
    editor.commit_pending_text()
    qtbot.keyClicks(editor.justification, " ditambah")
    editor.commit_pending_text()  # merges with the previous text step
    on_disk(window)
    assert store.answer(assessment, "A1.1").justification == "Versi pertama ditambah"
    window.undo_action.trigger()
    assert store.answer(assessment, "A1.1").justification == ""
    assert editor.justification.toPlainText() == ""
    window.redo_action.trigger()
    assert editor.justification.toPlainText() == "Versi pertama ditambah"


def test_final_assessment_is_read_only(qtbot, store, office, operator):
    from models.tables import Assessment
    from ui.app import create_main_window

    final = store.create_assessment(office, 2025)
    Assessment.update(status=Assessment.FINAL).where(Assessment.id == final.id).execute()
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    main.open_assessment(final.id)
    editor = main.workspace.item_editor
    editor.choose_level(3)
    assert store.answer(final, editor.item_id) is None
    assert not editor.levels_box.isEnabled()
    assert editor.justification.isReadOnly()
    assert "hanya baca" in main.save_label.text()
    main.close()


def test_a_locked_database_is_not_called_a_full_disk(qtbot, active, monkeypatch):
    window = active
    _fail_once(monkeypatch, "set_answer", "database is locked")
    window.show_item("A1.2")
    qtbot.keyClick(window.workspace.navigator.tree, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Gagal menyimpan"))
    assert "dipakai proses lain" in window.save_label.text()
    assert "penuh" not in window.save_label.text() and "penuh" not in window.save_label.toolTip()
    assert "locked" not in window.save_label.toolTip()
