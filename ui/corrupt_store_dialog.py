"""When the store fails its integrity check: explain plainly and offer the newest good backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from models.db import Restored, StoreCorruptError, newest_good_backup, restore_backup
from models.logs import app_logger, current_log_file
from ui.i18n import date_text
from ui.messages import user_message


class CorruptStoreDialog(QMessageBox):
    """Offers *Pulihkan dari cadangan* when a good backup exists; otherwise only explains."""

    def __init__(self, error: StoreCorruptError, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.backup = newest_good_backup(self.data_dir)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Basis data rusak"))
        self.setText(self.tr("<b>Data penilaian tidak dapat dibuka karena berkasnya rusak.</b>"))
        # SQLite's own words go to the log, never to the screen (issue 12, item 3).
        app_logger().error("Store failed its integrity check: %s: %s", error.path, error.detail)
        log_file = current_log_file()
        detail = self.tr("Berkas: {0}").format(error.path)
        if log_file is not None:
            detail += "\n" + self.tr("Rincian pemeriksaan dicatat di berkas log: {0}").format(log_file)
        self.setDetailedText(detail)
        self.restore_button = None
        if self.backup is not None:
            taken = datetime.fromtimestamp(self.backup.stat().st_mtime)
            self.setInformativeText(self.tr(
                "Ini biasanya terjadi setelah listrik padam atau flashdisk dicabut saat menyimpan. "
                "Cadangan otomatis terbaru yang utuh dibuat {0}. Memulihkannya mengembalikan data ke "
                "keadaan saat itu; perubahan sesudahnya hilang. Berkas yang rusak tidak dihapus: "
                "salinannya disimpan di folder {1} dengan nama berakhiran \".rusak-…\" untuk "
                "diperiksa.").format(date_text(taken), self.data_dir))
            self.restore_button = self.addButton(self.tr("&Pulihkan dari cadangan"),
                                                 QMessageBox.ButtonRole.AcceptRole)
            self.setDefaultButton(self.restore_button)
        else:
            self.setInformativeText(self.tr(
                "Tidak ada cadangan yang utuh di folder {0}. Hubungi petugas TI atau admin provinsi; "
                "jangan menghapus folder data.").format(self.data_dir / "backups"))
        self.addButton(self.tr("&Tutup aplikasi"), QMessageBox.ButtonRole.RejectRole)

    def restore(self) -> Restored:
        return restore_backup(self.data_dir, self.backup)


def offer_restore(error: StoreCorruptError, data_dir: Path, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when a backup was put in place (the caller reopens the store)."""
    dialog = CorruptStoreDialog(error, data_dir, parent)
    dialog.exec()
    if dialog.restore_button is None or dialog.clickedButton() is not dialog.restore_button:
        return False
    try:
        restored = dialog.restore()
    except Exception as exc:  # noqa: BLE001 - any failure is told in plain words, details to the log
        QMessageBox.critical(parent, dialog.tr("Pemulihan gagal"),
                             dialog.tr("{0}\nTidak ada berkas yang diubah atau dipindahkan.").format(user_message(exc)))
        return False
    kept = "\n".join(str(path) for path in restored.damaged_copies) or dialog.tr("(tidak ada)")
    QMessageBox.information(parent, dialog.tr("Data dipulihkan"), dialog.tr(
        "Data dipulihkan dari cadangan. Salinan berkas yang rusak disimpan di:\n{0}").format(kept))
    return True
