"""When the data does not match its history at start: say where, offer a backup or confirming."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from models.db import newest_good_backup
from models.history import Mismatch
from ui.i18n import date_text
from ui.model_texts import said_text

RESTORE, CONFIRM, LATER = "restore", "confirm", "later"


class HistoryMismatchDialog(QMessageBox):
    """*Pulihkan dari cadangan* (when a sound one exists), *Konfirmasi data saat ini*, or later
    (work goes on; export stays refused until one of the two is done)."""

    def __init__(self, mismatches: list[Mismatch], data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.backup = newest_good_backup(Path(data_dir))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Data tidak sesuai riwayat"))
        self.setText(self.tr("<b>Data tidak sesuai riwayat perubahannya.</b>"))
        listed = "\n".join(f"• {said_text(mismatch.label)}" for mismatch in mismatches[:10])
        if len(mismatches) > 10:
            listed += "\n" + self.tr("… dan {0} lagi").format(len(mismatches) - 10)
        advice = self.tr(
            "Isinya mungkin berubah tanpa disengaja (misalnya setelah listrik padam atau disk bermasalah). "
            "Periksa butir di atas. Ekspor paket ditahan sampai data dipulihkan atau dikonfirmasi.")
        self.restore_button = None
        if self.backup is not None:
            taken = datetime.fromtimestamp(self.backup.stat().st_mtime)
            advice += " " + self.tr("Cadangan utuh terbaru dibuat {0}; memulihkannya membatalkan perubahan "
                                    "sesudah itu, dan berkas sekarang disimpan sebagai salinan.").format(date_text(taken))
            self.restore_button = self.addButton(self.tr("&Pulihkan dari cadangan"), QMessageBox.ButtonRole.AcceptRole)
        self.setInformativeText(f"{listed}\n\n{advice}")
        self.confirm_button = self.addButton(self.tr("&Konfirmasi data saat ini"), QMessageBox.ButtonRole.YesRole)
        self.later_button = self.addButton(self.tr("&Nanti"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.later_button)  # neither choice should be one keypress away

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return RESTORE
        if clicked is self.confirm_button:
            return CONFIRM
        return LATER
