"""Starting the GUI: the application object, translations, the store (with recovery from a
corrupt database), a rotating backup, the setup wizard on first run, then the main window."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

# The core first: PySide6, once imported, reads the source of every module imported after
# it (looking for its ``__feature__`` switches); the Qt-free core has none to find.
from models import APP_ID, APP_NAME, __version__  # isort: skip
from models.db import StoreCorruptError, StoreError, restore_backup  # isort: skip
from models.errors import classify  # isort: skip
from models.lock import DataDirBusy, DataDirLock  # isort: skip
from models.paths import package_to_open, resolve_data_dir  # isort: skip
from models.settings import MODE, MODE_PROVINCE, OPERATOR_NAME  # isort: skip
from models.store import Store  # isort: skip
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal  # isort: skip
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # isort: skip

from ui.messages import user_message
from ui.model_texts import said_text
from ui.single_instance import ActivationServer, activate_running_instance, bring_forward

EXIT_AFTER_START_ENV = "MERIT_LURING_EXIT_AFTER_START"
# With EXIT_AFTER_START_ENV: a file that receives the moment (``time.time()``) the window had
# painted its first frame and the CPU time used until then, so a benchmark times the start
# without the exit.
START_STAMP_ENV = "MERIT_LURING_START_STAMP"
EXIT_STORE = 3
EXIT_LEAVE_DEMO = 4  # the event loop's code when the user leaves the demo: back to the wizard
EXIT_SETTLE_HISTORY = 5  # the loop's code when the data disagrees with its history: settled without a window


class AfterFirstPaint(QObject):
    """Runs ``steps`` in order on the event loop's turn after ``window`` painted its first
    frame: what must not keep the window from showing (the history check, the start-up
    backup, a benchmark's stamp). A step that returns False ends the run. Runs them after
    ``LIMIT_MS`` anyway on a platform that never paints the window."""

    LIMIT_MS = 2000

    def __init__(self, window: QWidget, steps):
        super().__init__(window)
        self.steps = list(steps)
        window.installEventFilter(self)
        QTimer.singleShot(self.LIMIT_MS, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the children of this frame are painted too
        return False

    def _run(self) -> None:
        steps, self.steps = self.steps, []
        for step in steps:
            if step() is False:
                return


def write_start_stamp() -> None:
    """A start-up measurement: the moment the window was up, for the benchmark (START_STAMP_ENV)."""
    stamp = os.environ.get(START_STAMP_ENV)
    if stamp:
        Path(stamp).write_text(f"{time.time()!r} {time.process_time()!r}", encoding="ascii")


def set_identity(app: QCoreApplication) -> None:
    """Names QSettings and the window system use; INI files rather than the registry."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)


def create_main_window(store: Store):
    """The office main window over ``store`` (for run_gui, tests and the screenshot script)."""
    from ui.main_window import MainWindow

    app = QApplication.instance()
    if app is not None and not app.organizationName():
        set_identity(app)
    return MainWindow(store)


def _window_for_mode(store: Store) -> QWidget:
    """The province's collecting window, or the office's assessment window."""
    if store.setting(MODE) == MODE_PROVINCE:
        from ui.province.province_window import ProvinceWindow

        return ProvinceWindow(store)
    return create_main_window(store)


def open_package(window: QWidget, path: Path) -> None:
    """A ``.merit`` file opened from Explorer: the province checks and imports it in the
    import view; an office cannot import packages, so it is told where the file belongs."""
    if hasattr(window, "import_packages"):
        window.import_packages([path])
        return
    translate = QCoreApplication.translate
    QMessageBox.information(window, translate("app", "Paket penilaian"), translate(
        "app", "{0} adalah paket penilaian untuk provinsi. Paket diperiksa dan diimpor oleh aplikasi "
        "dalam mode provinsi; kirim berkas ini ke provinsi tanpa mengubahnya.").format(path.name))


def open_store(data_dir) -> Store | None:
    """Open the store; offer the newest good backup when it is corrupt. None: cannot continue."""
    try:
        return Store(data_dir)
    except StoreCorruptError as exc:
        from ui.corrupt_store_dialog import offer_restore

        if not offer_restore(exc, data_dir):
            return None
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Data tidak dapat dibuka"), user_message(exc))
        return None
    try:
        return Store(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Data tidak dapat dibuka"), user_message(exc))
        return None


def _warn_backup_failed(reason: str) -> None:
    QMessageBox.warning(None, QCoreApplication.translate("app", "Cadangan otomatis gagal"),
                        QCoreApplication.translate(
                            "app", "Cadangan otomatis saat mulai tidak dapat dibuat. {0}").format(reason))


class StartupBackup(QObject):
    """The automatic backup of a start, off the critical path: on its own thread once the
    window is shown (its SQLite connection is that thread's own), and only when something
    was written since the newest automatic backup. A failure is told on the GUI thread."""

    failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self.failed.connect(self._on_failed)  # queued to this object's (the GUI) thread
        self._thread = threading.Thread(target=self._run, name="startup-backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.store.backup_if_changed()
        except Exception as exc:  # noqa: BLE001 - a failed backup must not stop the day's work
            self.failed.emit(user_message(exc if isinstance(exc, StoreError) else classify(exc)))
        finally:
            self.store.db.close()  # this thread's connection only

    def _on_failed(self, reason: str) -> None:
        _warn_backup_failed(reason)

    def wait(self) -> None:
        self._thread.join()


def idle_checkpointer(store: Store, app: QApplication, window: QWidget) -> QObject:
    """The idle checkpoint of ``store``, living as long as ``window`` (made after its first frame)."""
    from ui.idle_checkpoint import IdleCheckpointer

    return IdleCheckpointer(store, app, parent=window)


def _skipped_instruments_notice(store: Store, parent: QWidget) -> QMessageBox | None:
    """A non-modal notice of what start-up left out or set aside (the work goes on)."""
    warnings = store.notices
    if not warnings:
        return None
    notice = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("app", "Perhatian"),
                         QCoreApplication.translate(
                             "app", "Beberapa berkas di folder data {0} tidak dipakai atau dipindahkan. "
                             "Tidak ada yang dihapus.").format(store.data_dir),
                         QMessageBox.StandardButton.Ok, parent)
    notice.setInformativeText("\n".join(said_text(warning) for warning in warnings))
    notice.setModal(False)
    notice.show()
    return notice


def claim_data_dir(data_dir) -> DataDirLock | None:
    """Take the data folder for this window for the whole session (restore included); None
    when another Merit Luring already has it: its window is asked to come forward, or, when
    none answers (a CLI verb, an older version), the person is told."""
    try:
        return DataDirLock(data_dir, claim_only=True).acquire()
    except DataDirBusy as exc:
        if activate_running_instance(data_dir):
            return None  # the window that has the folder comes forward; this start ends quietly
        QMessageBox.information(None, QCoreApplication.translate("app", "Merit Luring sudah terbuka"),
                                QCoreApplication.translate(
                                    "app", "Merit Luring sudah terbuka untuk folder ini. Gunakan jendela yang "
                                    "sudah terbuka, atau tutup dahulu lalu buka lagi.\n\nFolder: {0}\n{1}"
                                ).format(data_dir, exc.holder))
    except OSError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Data tidak dapat dibuka"),
                             user_message(classify(exc)))
    return None


def _parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=("id", "en"))
    return parser.parse_known_args(argv)


def run_gui(argv: list[str]) -> int:
    args, rest = _parse(argv)
    from ui.i18n import install_translations, saved_language
    from ui.icons import app_icon

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication([sys.argv[0], *rest])
    set_identity(app)
    app.setWindowIcon(app_icon())
    install_translations(app, args.lang or saved_language())

    data_dir = resolve_data_dir(args.data_dir)
    folder_lock = claim_data_dir(data_dir)
    if folder_lock is None:
        return EXIT_STORE
    try:
        return _run_with_data_dir(app, data_dir, package_to_open(argv))
    finally:
        folder_lock.release()


def settle_history(store: Store, data_dir) -> tuple[Store | None, bool]:
    """Check the data against its history; on a mismatch let the person restore a backup or
    confirm. Returns the store to work on (None: cannot continue) and whether it agrees."""
    from models.history import check_history, confirm_history
    from ui.history_dialog import CONFIRM, RESTORE, HistoryMismatchDialog

    mismatches = check_history(store)
    if not mismatches:
        return store, True
    dialog = HistoryMismatchDialog(mismatches, data_dir)
    dialog.exec()
    choice = dialog.choice()
    if choice == CONFIRM:
        confirm_history(store, store.setting(OPERATOR_NAME))
        return store, True
    if choice == RESTORE:
        store.close()
        try:
            restored = restore_backup(data_dir, dialog.backup)
        except StoreError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Pemulihan gagal"), user_message(exc))
            return open_store(data_dir), False
        QMessageBox.information(None, QCoreApplication.translate("app", "Data dipulihkan"),
                                QCoreApplication.translate("app", "Data dipulihkan dari cadangan. Salinan data "
                                                           "sebelumnya disimpan di:\n{0}").format(
                                    "\n".join(str(p) for p in restored.damaged_copies)))
        return open_store(data_dir), True
    return store, False


def _run_with_data_dir(app: QApplication, data_dir, package: Path | None = None) -> int:
    """The window on ``data_dir``; ``package``: a ``.merit`` file to open in it (file association).

    The data is checked against its history (``settle_history``) before anything can be
    edited, but after the window has painted its first frame: the check reads the whole
    history, and until it has run the GUI thread does nothing else, so no edit comes first.
    On a disagreement the window closes (nothing was edited) and the person settles it as
    before a window (restore a backup or confirm); then the window opens again. The start-up
    backup follows a check that agrees, on its own thread."""
    store = open_store(data_dir)
    if store is None:
        return EXIT_STORE
    checked = agrees = False
    backup = window = None

    def check_history_then_back_up() -> bool:
        nonlocal checked, agrees, backup
        from models.history import check_history

        checked = True
        if check_history(store):
            app.exit(EXIT_SETTLE_HISTORY)
            return False
        agrees = True
        if backup is None:  # a backup of data that disagrees with its history would push out good ones
            backup = StartupBackup(store, window)
        return True

    activation = ActivationServer(data_dir, app)  # a second start on this folder brings the window forward
    try:
        from ui.evidence_panel import cleanup_temp_copies

        app.aboutToQuit.connect(cleanup_temp_copies)
        while True:  # again when the user leaves the demo (back to the wizard) or a history is settled
            if not checked and store.office() is None:  # the wizard comes first: check before it
                store, agrees = settle_history(store, data_dir)
                checked = True
                if store is None:
                    return EXIT_STORE
            created_assessment_id = None
            if store.office() is None:
                from ui.setup_wizard import SetupWizard

                wizard = SetupWizard(store)
                if os.environ.get(EXIT_AFTER_START_ENV) == "1":
                    QTimer.singleShot(0, wizard.reject)  # a start-up measurement must not wait for a person
                accepted = wizard.exec() == SetupWizard.DialogCode.Accepted
                if wizard.demo_store is not None:  # the demo is a data folder of its own
                    store.close()
                    store = wizard.demo_store
                if not accepted or store.office() is None:
                    return 0
                created_assessment_id = getattr(wizard, "created_assessment_id", None)
            window = _window_for_mode(store)
            if hasattr(window, "leaveDemoRequested"):
                window.leaveDemoRequested.connect(lambda: app.exit(EXIT_LEAVE_DEMO))
            if created_assessment_id and hasattr(window, "open_assessment"):
                window.open_assessment(created_assessment_id)
            window.show()
            activation.activationRequested.connect(lambda window=window: bring_forward(window))
            measuring = os.environ.get(EXIT_AFTER_START_ENV) == "1"
            after_paint = [write_start_stamp] if measuring else []
            if not checked:
                after_paint.append(check_history_then_back_up)
            elif agrees and backup is None:
                backup = StartupBackup(store, window)
            if package is not None:  # the .merit file from the command line: once, in the first window
                after_paint.append(lambda window=window, package=package: open_package(window, package))
                package = None
            after_paint.append(lambda: activation.listen() and None)  # after the first frame; never ends the run
            checkpointers: list[QObject] = []
            # The idle checkpoint watches every event of the application; its filter goes in after
            # the first frame: the first event it sees makes PySide load its Python types for
            # every QObject class (some 10 ms), which the first frame does not need. It goes
            # with the window, before the store closes. (Right after the benchmark's stamp.)
            after_paint.insert(1 if measuring else 0, lambda window=window, store=store, made=checkpointers: made.append(
                idle_checkpointer(store, app, window)))
            if measuring:
                after_paint.append(app.quit)
            AfterFirstPaint(window, after_paint)
            _skipped_instruments_notice(store, window)  # parented: the window keeps it alive
            code = app.exec()
            if backup is not None:
                backup.wait()  # before a store it reads from can be closed
            for checkpointer in checkpointers:
                checkpointer.timer.stop()  # the store it checkpoints may be closed next (leaving the demo)
                app.removeEventFilter(checkpointer)
            activation.activationRequested.disconnect()  # this window goes away
            window.close()  # saves the window state when the loop was left by quit(), not by closing
            window.deleteLater()
            if code == EXIT_SETTLE_HISTORY:
                store, agrees = settle_history(store, data_dir)
                if store is None:
                    return EXIT_STORE
                continue
            if code != EXIT_LEAVE_DEMO:
                return code
            store.close()  # the demo's; the real data folder was never written
            store = open_store(data_dir)
            if store is None:
                return EXIT_STORE
    finally:
        activation.close()
        if store is not None:
            store.close()
