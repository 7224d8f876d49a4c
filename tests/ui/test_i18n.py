"""Indonesian is the default, Qt's own buttons included; English loads when asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard

from ui.i18n import current_language, install_translations
from ui.score_panel import ScorePanel

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def language(qapp):
    yield lambda code: install_translations(qapp, code)
    install_translations(qapp, "id")


def test_indonesian_standard_buttons(qtbot, language):
    language("id")
    assert current_language() == "id"
    box = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Yes | Button.No | Button.Close | Button.Save)
    qtbot.addWidget(box)
    assert box.button(Button.Cancel).text() == "Batal"
    assert box.button(Button.Yes).text().replace("&", "") == "Ya"
    assert box.button(Button.No).text().replace("&", "") == "Tidak"
    assert box.button(Button.Close).text() == "Tutup"
    assert box.button(Button.Save).text() == "Simpan"

    message = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Hapus bukti ini?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Cancel).text() == "Batal"

    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton).replace("&", "") == "Selesai"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Batal"
    assert QLocale().decimalPoint() == ","


def test_english_translation_loads(qtbot, language):
    language("en")
    assert current_language() == "en"
    panel = ScorePanel()
    qtbot.addWidget(panel)
    assert panel.sementara_label.text() == "PROVISIONAL"
    box = QDialogButtonBox(Button.Cancel)
    qtbot.addWidget(box)
    assert box.button(Button.Cancel).text() == "Cancel"

    language("id")
    again = ScorePanel()
    qtbot.addWidget(again)
    assert again.sementara_label.text() == "SEMENTARA"


def test_unknown_language_falls_back_to_indonesian(language):
    language("fr")
    assert current_language() == "id"
