"""Settings pages load from the store and save back; Cancel discards; bad input is named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from models.settings import EVIDENCE_LIMIT_MB, OPERATOR_NAME
from ui.i18n import save_language, saved_language
from ui.settings_dialog import (
    DisplayPage,
    EvidencePage,
    HistoryPage,
    OfficePage,
    OperatorPage,
    SettingsDialog,
)


@pytest.fixture(autouse=True)
def _indonesian_saved():
    # QSettings caches its location per process, so reset the shared key around each test.
    save_language("id")
    yield
    save_language("id")


@pytest.fixture
def prepared(store, office):
    store.set_setting(OPERATOR_NAME, "Siti")
    store.record_legacy_result(office, 2021, 160.5)
    store.record_legacy_result(office, 2022, 212.0)
    return store


def _dialog(qtbot, store) -> SettingsDialog:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_pages_load_current_values(qtbot, prepared):
    dialog = _dialog(qtbot, prepared)
    assert [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())] == [
        "Kantor", "Operator", "Riwayat", "Tampilan", "Bukti dukung", "Cadangan"]
    office_page = dialog.page(OfficePage)
    assert office_page.code_label.text() == "19.01"
    assert office_page.name_edit.text() == "Kabupaten Bangka"
    assert dialog.page(OperatorPage).name_edit.text() == "Siti"
    assert dialog.page(HistoryPage).editor.results() == [(2021, 160.5), (2022, 212.0)]
    assert dialog.page(DisplayPage).language_combo.currentData() == "id"
    assert dialog.page(EvidencePage).limit_spin.value() == prepared.setting(EVIDENCE_LIMIT_MB) == 50


def test_ok_saves_every_page(qtbot, prepared, office):
    dialog = _dialog(qtbot, prepared)
    name = dialog.page(OfficePage).name_edit
    name.selectAll()
    qtbot.keyClicks(name, "BKPSDM Kabupaten Bangka")
    operator = dialog.page(OperatorPage).name_edit
    operator.selectAll()
    qtbot.keyClicks(operator, "Budi Santoso")
    editor = dialog.page(HistoryPage).editor
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)  # drop 2021
    editor.table.item(0, 1).setText("250")  # 2022 edited
    editor.add_row(2023, 268.5)
    dialog.page(DisplayPage).language_combo.setCurrentIndex(1)
    dialog.page(EvidencePage).limit_spin.setValue(120)
    _ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert prepared.office().name == "BKPSDM Kabupaten Bangka"
    assert prepared.office().code == "19.01"
    assert prepared.setting(OPERATOR_NAME) == "Budi Santoso"
    assert [(r.year, r.nilai, r.category) for r in prepared.legacy_results(office)] == [
        (2022, 250.0, "III Baik"), (2023, 268.5, "III Baik")]
    assert saved_language() == "en"
    assert prepared.setting(EVIDENCE_LIMIT_MB) == 120
    assert prepared.evidence_store.limit_bytes == 120 * 1024 * 1024  # enforced at once

    reopened = _dialog(qtbot, prepared)
    assert reopened.page(DisplayPage).language_combo.currentData() == "en"
    assert reopened.page(EvidencePage).limit_spin.value() == 120


def test_cancel_discards(qtbot, prepared, office):
    dialog = _dialog(qtbot, prepared)
    dialog.page(OperatorPage).name_edit.setText("Orang Lain")
    dialog.page(HistoryPage).editor.add_row(2023, 300)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert prepared.setting(OPERATOR_NAME) == "Siti"
    assert len(prepared.legacy_results(office)) == 2


def test_invalid_page_blocks_ok_and_names_the_problem(qtbot, prepared, office):
    dialog = _dialog(qtbot, prepared)
    dialog.page(OperatorPage).name_edit.setText("Budi")
    dialog.page(HistoryPage).editor.add_row(2023, None)
    dialog.page(HistoryPage).editor.table.item(2, 1).setText("401")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.page(HistoryPage)
    assert "Riwayat" in dialog.error_label.text() and "Baris 3" in dialog.error_label.text()
    assert prepared.setting(OPERATOR_NAME) == "Siti"  # nothing saved

    dialog.page(OperatorPage).name_edit.clear()
    _ok(qtbot, dialog)
    assert dialog.stack.currentWidget() is dialog.page(OperatorPage)
    assert "nama operator" in dialog.error_label.text()


def test_cadangan_page_backs_up_now_and_restores_then_closes_the_app(qtbot, final_window, monkeypatch):
    """Pengaturan > Cadangan: 'Buat cadangan sekarang' adds one to the list; 'Pulihkan' asks
    (what happens, where the present data goes, that the app closes), then the window closes
    the assessment and the store, restores through models.store.restore_store, names the kept
    copy and quits; the data folder then holds the backup's data."""
    from PySide6.QtWidgets import QMessageBox

    from models.store import Store
    from ui import settings_dialog

    store = final_window.store
    data_dir = store.data_dir
    code = store.office().code
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    page = dialog.backup_page
    before = page.backup_list.count()
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert page.backup_list.count() == before + 1
    assert "Cadangan dibuat" in page.status_label.text()
    store.ensure_office(code, "Nama Sesudah Cadangan")

    asked, told, quits = [], [], []
    monkeypatch.setattr(settings_dialog, "confirm", lambda parent, title, text, yes: asked.append(text) or True)
    monkeypatch.setattr(settings_dialog, "quit_app", lambda: quits.append(True))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))

    def choose_restore(dialog):
        dialog.page_list.setCurrentRow(dialog.pages.index(dialog.backup_page))
        dialog.backup_page.backup_list.setCurrentRow(0)  # the one just made
        assert dialog.backup_page.restore_button.isEnabled()
        dialog.backup_page.restore_button.click()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", choose_restore)
    final_window._on_settings_triggered()
    assert "sebelum-pulih" in asked[0] and "ditutup" in asked[0]
    assert quits == [True] and final_window.session is None
    assert "sebelum-pulih" in told[0] and "Buka kembali" in told[0]
    kept = sorted(data_dir.glob("merit.sqlite.sebelum-pulih-*"))
    assert kept
    with Store(data_dir) as reopened:
        assert reopened.office().name != "Nama Sesudah Cadangan"
