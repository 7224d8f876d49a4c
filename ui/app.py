"""Starting the GUI: the application object, translations, the store (with recovery from a
corrupt database), a rotating backup, the setup wizard on first run, then the main window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models import APP_ID, APP_NAME, __version__
from models.db import StoreCorruptError, StoreError
from models.paths import resolve_data_dir
from models.settings import MODE
from models.store import Store

EXIT_AFTER_START_ENV = "MERIT_LURING_EXIT_AFTER_START"
EXIT_STORE = 3
EXIT_LEAVE_DEMO = 4  # the event loop's code when the user leaves the demo: back to the wizard


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
    if store.setting(MODE) == "province":
        from ui.province.province_window import ProvinceWindow

        return ProvinceWindow(store)
    return create_main_window(store)


def open_store(data_dir) -> Store | None:
    """Open the store; offer the newest good backup when it is corrupt. None: cannot continue."""
    from ui.corrupt_store_dialog import offer_restore

    try:
        return Store(data_dir)
    except StoreCorruptError as exc:
        if not offer_restore(exc, data_dir):
            return None
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Data tidak dapat dibuka"), str(exc))
        return None
    try:
        return Store(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Data tidak dapat dibuka"), str(exc))
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
    from ui.messages import user_message

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication([sys.argv[0], *rest])
    set_identity(app)
    app.setWindowIcon(app_icon())
    install_translations(app, args.lang or saved_language())

    data_dir = resolve_data_dir(args.data_dir)
    store = open_store(data_dir)
    if store is None:
        return EXIT_STORE
    try:
        try:
            store.backup()
        except Exception as exc:  # a failed backup must not stop the day's work
            QMessageBox.warning(None, QCoreApplication.translate("app", "Cadangan otomatis gagal"),
                                QCoreApplication.translate(
                                    "app", "Cadangan otomatis saat mulai tidak dapat dibuat: {0} "
                                    "Periksa ruang disk.").format(user_message(exc)))
        from ui.evidence_panel import cleanup_temp_copies

        app.aboutToQuit.connect(cleanup_temp_copies)
        while True:  # more than once only when the user leaves the demo (back to the wizard)
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
            if os.environ.get(EXIT_AFTER_START_ENV) == "1":
                QTimer.singleShot(0, app.quit)
            code = app.exec()
            window.close()  # saves the window state when the loop was left by quit(), not by closing
            window.deleteLater()
            if code != EXIT_LEAVE_DEMO:
                return code
            store.close()  # the demo's; the real data folder was never written
            store = open_store(data_dir)
            if store is None:
                return EXIT_STORE
    finally:
        if store is not None:
            store.close()
