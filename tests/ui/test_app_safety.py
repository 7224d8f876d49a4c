"""Start-up safety in the GUI: one window per data folder, restore shows what it kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from models.db import StoreCorruptError
from models.store import Store
from tests.test_bad_files import _bad_instrument
from tests.test_lock import _hold


def test_a_second_gui_on_the_same_folder_says_so_and_does_not_open(qtbot, data_dir, monkeypatch):
    from ui import app

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    holder = _hold(data_dir, 30)
    try:
        assert app.claim_data_dir(data_dir) is None
    finally:
        holder.kill()
        holder.wait()
    assert len(shown) == 1 and "Merit Luring sudah terbuka untuk folder ini" in shown[0]
    lock = app.claim_data_dir(data_dir)  # the first one is gone: this one may start
    assert lock is not None and lock.held
    lock.release()


def test_corrupt_store_is_restored_and_the_damaged_file_kept_and_named(qtbot, data_dir, monkeypatch):
    from ui.corrupt_store_dialog import CorruptStoreDialog, offer_restore

    with Store(data_dir) as good:
        good.ensure_office("19.01")
        good.backup()
    database = data_dir / "merit.sqlite"
    for suffix in ("-wal", "-shm"):
        (data_dir / f"merit.sqlite{suffix}").unlink(missing_ok=True)
    database.write_bytes(b"bukan basis data" * 100)
    with pytest.raises(StoreCorruptError) as raised:
        Store(data_dir)
    told = []
    monkeypatch.setattr(CorruptStoreDialog, "exec", lambda self: None)
    monkeypatch.setattr(CorruptStoreDialog, "clickedButton", lambda self: self.restore_button)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert "cadangan" in CorruptStoreDialog(raised.value, data_dir).informativeText().lower()
    assert offer_restore(raised.value, data_dir)
    with Store(data_dir) as restored:
        assert restored.office().code == "19.01"
    kept = sorted(data_dir.glob("merit.sqlite.rusak-*"))
    assert kept and kept[0].read_bytes() == b"bukan basis data" * 100
    assert str(kept[0]) in told[0]


def test_gui_shows_a_non_modal_notice_naming_the_file(qtbot, data_dir):
    from ui.app import _skipped_instruments_notice

    _bad_instrument(data_dir)
    with Store(data_dir) as store:
        parent = QWidget()
        qtbot.addWidget(parent)
        notice = _skipped_instruments_notice(store, parent)
        assert notice is not None and not notice.isModal() and notice.isVisible()
        assert "rusak.json" in notice.informativeText()


def _store_disagreeing_with_history(data_dir):
    store = Store(data_dir)
    assessment = store.create_assessment(store.ensure_office("19.01"), 2026)
    store.set_answer(assessment, "A1.1", level=3, justification="asli")
    store.backup()
    store.set_answer(assessment, "A1.2", level=2, justification="sesudah cadangan")
    store.db.execute_sql("UPDATE answer SET justification = 'berubah diam-diam' WHERE item_id = 'A1.1'")
    return store


@pytest.mark.parametrize("choice", ["confirm", "restore"])
def test_start_up_names_the_item_and_settles_by_confirm_or_restore(qtbot, data_dir, monkeypatch, choice):
    from models.history import check_history
    from ui import app
    from ui.history_dialog import HistoryMismatchDialog

    store = _store_disagreeing_with_history(data_dir)
    seen = []

    def exec_(self):
        seen.append(self.informativeText())

    monkeypatch.setattr(HistoryMismatchDialog, "exec", exec_)
    monkeypatch.setattr(HistoryMismatchDialog, "choice", lambda self: choice)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    settled, agrees = app.settle_history(store, data_dir)
    try:
        assert "butir A1.1" in seen[0] and agrees
        assert check_history(settled) == []
        answer = settled.answer(settled.assessments()[0], "A1.1")
        if choice == "confirm":
            assert answer.justification == "berubah diam-diam"
        else:
            assert answer.justification == "asli"  # the backup's
            assert list(data_dir.glob("merit.sqlite.rusak-*"))  # the present file kept aside
    finally:
        settled.close()


CHECK_AFTER_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from ui import app
from ui.history_dialog import CONFIRM, HistoryMismatchDialog
from ui.main_window import MainWindow

events = []
qt = QApplication([])


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
            events.append("painted")
        return False


painted = Painted()
qt.installEventFilter(painted)
shown = MainWindow.show
MainWindow.show = lambda self: (events.append("window"), shown(self))
HistoryMismatchDialog.exec = lambda self: events.append("dialog")
HistoryMismatchDialog.choice = lambda self: CONFIRM
code = app._run_with_data_dir(qt, sys.argv[1])
print(json.dumps({"code": code, "events": events}))
"""


def test_the_history_is_checked_after_the_window_paints_and_settled_without_it(data_dir, tmp_path):
    """Issue 17: the window paints first; the check runs before anything can be edited, and
    a disagreement closes the window, is settled as before, and the window opens again.
    (In a child process: a finished event loop leaves this process's timers unreliable.)"""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from models.history import check_history
    from ui import app

    _store_disagreeing_with_history(data_dir).close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    environment[app.EXIT_AFTER_START_ENV] = "1"
    root = Path(__file__).resolve().parents[2]
    finished = subprocess.run([sys.executable, "-c", CHECK_AFTER_PAINT, str(data_dir)], cwd=root, env=environment,
                              capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    events = report["events"]
    assert report["code"] == 0
    first_dialog = events.index("dialog")
    assert events[:first_dialog].count("window") == 1 and "painted" in events[:first_dialog]
    assert events[first_dialog + 1:].count("window") == 1  # opened again once settled
    assert events.count("dialog") == 1  # the second window's check agrees: no second dialog
    with Store(data_dir) as store:
        assert check_history(store) == []
        assert list((data_dir / "backups").glob("auto-*.sqlite"))  # the backup that follows a check that agrees


def test_later_keeps_working_but_takes_no_backup_and_refuses_export(qtbot, data_dir, monkeypatch):
    from models.history import HistoryMismatchError, require_consistent_history
    from ui import app
    from ui.history_dialog import HistoryMismatchDialog

    store = _store_disagreeing_with_history(data_dir)
    monkeypatch.setattr(HistoryMismatchDialog, "exec", lambda self: None)
    settled, agrees = app.settle_history(store, data_dir)
    try:
        assert settled is store and not agrees
        with pytest.raises(HistoryMismatchError):
            require_consistent_history(settled)
    finally:
        settled.close()


def test_the_wal_is_checkpointed_after_a_pause(qtbot, store, assessment):
    from PySide6.QtWidgets import QApplication

    from ui.idle_checkpoint import IdleCheckpointer

    wal = store.data_dir / "merit.sqlite-wal"
    store.set_answer(assessment, "A1.1", level=2)
    assert wal.stat().st_size > 0
    checkpointer = IdleCheckpointer(store, QApplication.instance(), idle_seconds=0.2)
    try:
        qtbot.waitUntil(lambda: wal.stat().st_size == 0, timeout=3000)
    finally:
        QApplication.instance().removeEventFilter(checkpointer)
        checkpointer.deleteLater()


def test_corrupt_store_dialog_keeps_sqlite_words_in_the_log_not_on_screen(qtbot, data_dir, monkeypatch):
    from models import logs
    from ui.corrupt_store_dialog import CorruptStoreDialog, offer_restore

    log_file = logs.start_log_file(data_dir)
    error = StoreCorruptError(data_dir / "merit.sqlite", "*** in database main ***\nPage 7: btreeInitPage() "
                              "returns error code 11", [])
    dialog = CorruptStoreDialog(error, data_dir)
    shown = " ".join((dialog.text(), dialog.informativeText(), dialog.detailedText()))
    assert "btreeInitPage" not in shown and "SQLite" not in shown
    assert str(log_file) in dialog.detailedText()
    assert "btreeInitPage" in log_file.read_text(encoding="utf-8")

    # A restore that fails for a disk reason is told in plain words, not errno text.
    with Store(data_dir) as good:
        good.ensure_office("19.01")
        good.backup()
    told = []
    monkeypatch.setattr(CorruptStoreDialog, "exec", lambda self: None)
    monkeypatch.setattr(CorruptStoreDialog, "clickedButton", lambda self: self.restore_button)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(data_dir / "merit.sqlite"))
    monkeypatch.setattr(CorruptStoreDialog, "restore", refuse)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    assert not offer_restore(error, data_dir)
    assert told and "Errno" not in told[0] and "Permission denied" not in told[0]
    assert "izin" in told[0]


def test_about_box_opens_the_log_file(qtbot, data_dir, monkeypatch):
    from models import logs
    from ui import about_dialog

    log_file = logs.start_log_file(data_dir)
    opened = []
    monkeypatch.setattr(about_dialog, "open_url", lambda url: opened.append(url.toLocalFile()))
    with Store(data_dir) as store:
        dialog = about_dialog.AboutDialog(store.registry.default())
    qtbot.addWidget(dialog)
    assert dialog.log_button.isEnabled()
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert opened == [str(log_file)]
