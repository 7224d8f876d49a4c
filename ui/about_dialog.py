"""About: application, version, the instrument in use (with its fingerprint) and licences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from models import APP_NAME, __version__
from models.instrument import Instrument
from models.logs import current_log_file
from models.provenance import OFFICIAL_CHANNEL, PROVENANCE_SUMMARY
from ui.icons import app_icon

SHA_PREFIX = 12

open_url = QDesktopServices.openUrl  # tests replace it


class AboutDialog(QDialog):
    def __init__(self, instrument: Instrument, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tentang {app}").format(app=APP_NAME))
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(QSize(96, 96)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        provisional = [str(a.number) for a in instrument.aspects if a.provisional]
        rows = [
            (self.tr("Instrumen"), escape(self.tr("{id} versi {version}").format(
                id=instrument.id, version=instrument.version))),
            (self.tr("Judul"), escape(instrument.title)),
            # The regulation is the legal basis of the evaluation, not of every figure here:
            # where each figure comes from is said below.
            (self.tr("Peraturan"), escape(instrument.legal_basis)),
            (self.tr("Sidik SHA-256"), f"<code>{instrument.sha256[:SHA_PREFIX]}…</code>"),
        ]
        table = "".join(f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for label, value in rows)
        notice = ""
        if provisional:
            notice = "<p style='color:#a04000'>" + escape(self.tr(
                "Bobot aspek {aspects} masih sementara (bagian sama dari sisa bobot) sampai lampiran resmi "
                "terbit. Setiap total yang memakainya ditandai SEMENTARA dan bukan nilai resmi.").format(
                aspects=", ".join(provisional))) + "</p>"
        licences = escape(self.tr(
            "Daftar provinsi dan kabupaten/kota: cahyadsn/wilayah (lisensi MIT), berdasarkan Kepmendagri. "
            "Dibangun dengan Qt for Python (PySide6, LGPLv3), peewee (MIT), cryptography (Apache-2.0/BSD), "
            "jsonschema (MIT), openpyxl (MIT) dan platformdirs (MIT)."))
        offline = escape(self.tr("Penilaian mandiri Sistem Merit yang bekerja sepenuhnya tanpa internet. "
                                 "Data dan bukti dukung tetap di komputer kantor."))
        # Shared constants (models.provenance): the same Indonesian words in the wizard, the
        # export dialog and the user guide (lupdate cannot extract a constant, so not tr()).
        provenance = escape(PROVENANCE_SUMMARY)
        official = escape(OFFICIAL_CHANNEL)
        version = self.tr("Versi {0}").format(__version__)  # a literal tr(): lupdate finds it
        self.text_label = QLabel(
            f"<h2>{escape(APP_NAME)}</h2><p>{escape(version)}</p>"
            f"<p>{offline}</p><p><b>{official}</b></p><table>{table}</table>"
            f"<p><b>{escape(self.tr('Asal angka dan teks'))}</b>: {provenance}</p>{notice}"
            f"<p><small>{licences}</small></p>", self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setMinimumWidth(440)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # The log holds the details the messages leave out (models/logs.py): one click to it
        # for the IT officer or the province helper.
        self.log_file = current_log_file()
        self.log_button = buttons.addButton(self.tr("Buka berkas &log"), QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button.setEnabled(self.log_file is not None)
        self.log_button.setToolTip(str(self.log_file) if self.log_file is not None
                                   else self.tr("Belum ada berkas log."))
        self.log_button.clicked.connect(self.open_log_file)
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addWidget(self.text_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)

    def open_log_file(self) -> None:
        if self.log_file is not None:
            open_url(QUrl.fromLocalFile(str(self.log_file)))
