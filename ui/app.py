"""Starting the GUI: the application object, translations, the store (with recovery from a
corrupt database), a rotating backup, the setup wizard on first run, then the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models import APP_ID, APP_NAME, __version__
from models.db import StoreCorruptError, StoreError
from models.paths import package_to_open, resolve_data_dir
from models.settings import MODE, MODE_PROVINCE
from models.store import Store

EXIT_AFTER_START_ENV = "MERIT_LURING_EXIT_AFTER_START"
EXIT_STORE = 3


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
                                    "app", "Cadangan otomatis saat mulai tidak dapat dibuat: {0}. "
                                    "Periksa ruang disk.").format(exc))
        created_assessment_id = None
        if store.office() is None:
            from ui.setup_wizard import SetupWizard

            wizard = SetupWizard(store)
            if os.environ.get(EXIT_AFTER_START_ENV) == "1":
                QTimer.singleShot(0, wizard.reject)  # a start-up measurement must not wait for a person
            if wizard.exec() != SetupWizard.DialogCode.Accepted or store.office() is None:
                return 0
            created_assessment_id = getattr(wizard, "created_assessment_id", None)
        window = _window_for_mode(store)
        if created_assessment_id and hasattr(window, "open_assessment"):
            window.open_assessment(created_assessment_id)
        window.show()
        package = package_to_open(argv)
        if package is not None:
            QTimer.singleShot(0, lambda: open_package(window, package))
        if os.environ.get(EXIT_AFTER_START_ENV) == "1":
            QTimer.singleShot(0, app.quit)
        from ui.evidence_panel import cleanup_temp_copies

        app.aboutToQuit.connect(cleanup_temp_copies)
        code = app.exec()
        window.close()  # saves the window state when the loop was left by quit(), not by closing
        window.deleteLater()
        return code
    finally:
        store.close()
