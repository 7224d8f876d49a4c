"""Moving the open draft to a newer instrument release: the plain diff, who signed it,
and an explicit accept. The diff and the move are Qt-free (``models.instrument_update``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from models.instrument import Instrument
from models.instrument_update import InstrumentDiff


class InstrumentUpdateDialog(QDialog):
    def __init__(self, diff: InstrumentDiff, signer_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Perbarui instrumen"))
        new: Instrument = diff.new
        heading = QLabel(self.tr(
            "Provinsi mengirim {id} versi {version}. Periksa perubahannya; jawaban dibawa menurut kode butir. "
            "Revisi yang sudah final tetap memakai instrumen lamanya.").format(id=new.id, version=new.version), self)
        heading.setWordWrap(True)
        self.signer = QLabel(signer_text, self)
        self.signer.setObjectName("instrumentSigner")
        self.signer.setWordWrap(True)
        self.diff_text = QPlainTextEdit("\n".join(diff.lines()), self)
        self.diff_text.setObjectName("instrumentDiff")
        self.diff_text.setReadOnly(True)
        self.diff_text.setAccessibleName(self.tr("Perbedaan instrumen"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = buttons.addButton(self.tr("&Terima dan pindahkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptInstrumentUpdate")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.signer)
        layout.addWidget(self.diff_text, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)
