"""Province mode: check a signed Berita Acara against the imported packages.

The person types the SHA-256 printed on the paper (or its first digits), or pastes the
text a scanner read from its QR code; ``models.berita_acara.lookup_received_package``
says which imported package it names, or that none does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from models.berita_acara import FOUND, MIN_PREFIX, lookup_received_package
from ui.model_texts import said_text

COLOURS = {FOUND: "#1e8449"}


class BeritaAcaraCheckDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.result = None
        self.setWindowTitle(self.tr("Periksa Berita Acara"))
        intro = QLabel(self.tr("Ketik SHA-256 yang tercetak pada Berita Acara (paling sedikit {0} digit pertama; "
                               "spasi boleh), atau tempel teks hasil pindai kode QR-nya.").format(MIN_PREFIX), self)
        intro.setWordWrap(True)
        self.input = QPlainTextEdit(self)
        self.input.setObjectName("beritaAcaraInput")
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(70)
        self.input.setAccessibleName(self.tr("SHA-256 atau teks kode QR"))
        self.check_button = QPushButton(self.tr("&Periksa"), self)
        self.check_button.setDefault(True)
        self.answer = QLabel(self)
        self.answer.setObjectName("beritaAcaraAnswer")
        self.answer.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addWidget(self.answer)
        layout.addWidget(buttons)
        self.resize(560, 260)
        self.check_button.clicked.connect(self.check)

    def check(self) -> None:
        self.result = lookup_received_package(self.store, self.input.toPlainText())
        colour = COLOURS.get(self.result.status, "#a04000")
        self.answer.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.answer.setText(said_text(self.result.message))

