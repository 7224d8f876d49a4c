"""Render the main screens with demo data into PNGs for the user guide:
``python -m ui.screenshots docs/screenshots`` (``make screenshots``).

Runs offscreen in Bahasa Indonesia against a temporary data directory seeded with
``models.demo.seed_demo``; the user's own data and settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# A 1366x768 laptop, the office's usual screen: a maximized window's area under the title bar,
# above the taskbar (768 - 40 - 23). At 125 % scaling the same pixels hold 1/1.25 as much.
WINDOW_SIZE = (1366, 705)
SHOWN_DOCUMENTS_DIR = "/home/operator/Dokumen"
# Items left open or flagged so the score, navigator and validation show real work in progress.
OPEN_ITEMS = ("A2.5", "A6.4d")
FLAGGED_ITEM = "A3.2"
SHOWN_ITEM = "A1.2"
GATED_ITEM = "A4.1-KLP"  # not applicable to a kabupaten/kota: shows the screening question


def _isolate(home: Path) -> None:
    """Data and QSettings of this run live in ``home`` (set before Qt starts)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MERIT_LURING_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["HOME"] = str(home)
    os.environ["APPDATA"] = str(home / "appdata")
    # File dialogs and default export paths show a plausible folder, not the scratch one.
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{SHOWN_DOCUMENTS_DIR}"\n', "utf-8")


class Shooter:
    def __init__(self, out_dir: Path):
        from PySide6.QtWidgets import QApplication

        self.out_dir = out_dir
        self.app = QApplication.instance()
        self.written: list[Path] = []

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def save(self, widget, name: str) -> Path:
        self.settle()
        path = self.out_dir / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"{path}: gambar tidak dapat ditulis")
        self.written.append(path)
        return path

    def shoot(self, widget, name: str, size: tuple[int, int] | None = None) -> Path:
        if size:
            widget.resize(*size)
        widget.show()
        return self.save(widget, name)


def _prepare_demo(store) -> int:
    from models.demo import seed_demo

    info = seed_demo(store)
    assessment = store.assessment(info["assessment_id"])
    if assessment.locked:  # the demo is finalized; the guide shows a revision being worked on
        from models.lifecycle import reopen

        assessment = reopen(store, assessment, "Operator Contoh")
    for item_id in OPEN_ITEMS:
        store.set_answer(assessment, item_id, level=None, who="Operator Contoh")
    store.set_answer(assessment, FLAGGED_ITEM, needs_review=True,
                     review_note="Periksa ulang tahun berlaku SK tim penilai kinerja", who="Operator Contoh")
    return assessment.id


def shoot_wizard(shooter: Shooter, store_factory: Callable) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.setup_wizard import SetupWizard

    store = store_factory()
    wizard = SetupWizard(store)
    wizard.resize(720, 560)
    wizard.show()
    shooter.save(wizard, "wizard-1-selamat-datang")
    wizard.next()
    wizard.region_page.search_edit.setText("bangka")
    wizard.region_page.region_list.setCurrentRow(0)
    shooter.save(wizard, "wizard-2-wilayah")
    wizard.next()
    editor = wizard.history_page.editor
    for year, nilai in ((2021, 160.5), (2022, 212.0), (2023, 268.5)):
        editor.add_row(year, nilai)
    editor.add_row(2024, 452.0)
    wizard.history_page.validatePage()  # shows the message for the out-of-range row
    shooter.save(wizard, "wizard-3-riwayat")
    editor.table.removeRow(3)
    wizard.history_page.validatePage()
    wizard.next()
    wizard.operator_page.operator_edit.setText("Siti Aminah")
    QApplication.processEvents()
    shooter.save(wizard, "wizard-4-operator")
    wizard.reject()
    wizard.deleteLater()
    shooter.settle()
    store.close()


def shoot_main(shooter: Shooter, store, assessment_id: int) -> None:
    from ui.about_dialog import AboutDialog
    from ui.app import create_main_window
    from ui.package_dialogs import FinalizeExportDialog, KeysDialog
    from ui.properties_dialog import PropertiesDialog
    from ui.score_panel import ScorePanel
    from ui.settings_dialog import HistoryPage, SettingsDialog
    from ui.validation_dialog import ValidationDialog

    window = create_main_window(store)
    window.resize(*window_size())
    window.show()
    shooter.save(window, "utama-daftar-penilaian")
    window.open_assessment(assessment_id)
    window.show_item(SHOWN_ITEM)
    shooter.save(window, "utama-mengisi-item")
    window.show_item(OPEN_ITEMS[0])
    shooter.save(window, "utama-item-belum-dijawab")
    window.show_item(GATED_ITEM)
    shooter.save(window, "utama-pertanyaan-pembuka")

    session = window.session
    properties = PropertiesDialog(session, window)
    shooter.shoot(properties, "properti-survei")
    properties.reject()
    panel = ScorePanel()
    panel.set_result(session.model.score(), session.model.instrument)
    shooter.shoot(panel, "skor-langsung", (400, 760))
    panel.close()
    panel.deleteLater()

    validation = ValidationDialog(session, window)
    shooter.shoot(validation, "validasi", (680, 480))
    validation.close()

    settings = SettingsDialog(store, window)
    shooter.shoot(settings, "pengaturan", (680, 440))
    settings.page_list.setCurrentRow(settings.pages.index(settings.page(HistoryPage)))
    shooter.save(settings, "pengaturan-riwayat")
    settings.reject()

    about = AboutDialog(session.model.instrument, window)
    shooter.shoot(about, "tentang")
    about.reject()

    final = store.assessments()[-1]  # revision 1, finalized by the demo
    for assessment, name in ((session.model.assessment, "paket-terhalang"), (final, "paket-ekspor")):
        dialog = FinalizeExportDialog(store, assessment, window)
        shooter.shoot(dialog, name)
        dialog.reject()
    keys_dialog = KeysDialog(store, window)
    shooter.shoot(keys_dialog, "kunci-kantor")
    keys_dialog.reject()
    window.close()
    window.deleteLater()  # also its session and dialogs: nothing stays open after a run
    shooter.settle()


def window_size(scale: float | None = None) -> tuple[int, int]:
    """The window in logical pixels: the laptop's maximized area divided by the scale."""
    scale = scale or float(os.environ.get("QT_SCALE_FACTOR") or 1)
    return round(WINDOW_SIZE[0] / scale), round(WINDOW_SIZE[1] / scale)


def render(out_dir: Path, language: str = "id") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from models.store import Store
    from ui.app import set_identity
    from ui.i18n import install_translations
    from ui.icons import app_icon

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    set_identity(app)
    app.setWindowIcon(app_icon())
    install_translations(app, language)
    shooter = Shooter(out_dir)
    with tempfile.TemporaryDirectory(prefix="merit-shots-") as scratch:
        scratch_path = Path(scratch)
        shoot_wizard(shooter, lambda: Store(scratch_path / "wizard"))
        store = Store(scratch_path / "demo")
        try:
            shoot_main(shooter, store, _prepare_demo(store))
        finally:
            store.close()
    return shooter.written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa tampilan (bawaan: id)")
    parser.add_argument("--scale", type=float, default=None,
                        help="skala tampilan Windows, mis. 1.25 (QT_SCALE_FACTOR); bawaan: 1 dan 1,25 sekaligus")
    args = parser.parse_args(argv)
    if args.scale is None:  # both laptop settings: 100 % here, 125 % in a child with its own Qt
        import subprocess

        child = subprocess.run([sys.executable, "-m", "ui.screenshots", str(args.out_dir / "125"),
                                "--lang", args.lang, "--scale", "1.25"], check=False)
        if child.returncode:
            return child.returncode
        args.scale = 1.0
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    home = Path(tempfile.mkdtemp(prefix="merit-shots-home-"))
    _isolate(home)
    for path in render(args.out_dir.resolve(), args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
