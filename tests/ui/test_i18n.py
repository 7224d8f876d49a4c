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


def test_catalogue_generator_round_trip(tmp_path):
    """ui.translations writes the Indonesian Qt catalogue, fills English from the mapping,
    and lrelease compiles both into catalogues Qt loads."""
    from PySide6.QtCore import QTranslator

    from ui.translations import QT_INDONESIAN, fill_english, run_lrelease, write_qt_indonesian

    qt_ts = tmp_path / "qtbase_id.ts"
    write_qt_indonesian(qt_ts)
    en_ts = tmp_path / "merit_en.ts"
    en_ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en_GB">'
        "<context><name>ScorePanel</name>"
        '<message><source>SEMENTARA</source><translation type="unfinished"/></message>'
        '<message><source>Belum ada terjemahan</source><translation type="unfinished"/></message>'
        "</context></TS>", "utf-8")
    texts = tmp_path / "texts.json"
    texts.write_text('{"SEMENTARA": "PROVISIONAL"}', "utf-8")
    assert fill_english(en_ts, texts) == (1, 2)
    run_lrelease(qt_ts, en_ts)

    qt = QTranslator()
    assert qt.load(str(tmp_path / "qtbase_id.qm"))
    assert qt.translate("QPlatformTheme", "Cancel") == QT_INDONESIAN["QPlatformTheme"]["Cancel"] == "Batal"
    assert qt.translate("QWizard", "&Finish") == "&Selesai"
    english = QTranslator()
    assert english.load(str(tmp_path / "merit_en.qm"))
    assert english.translate("ScorePanel", "SEMENTARA") == "PROVISIONAL"
    assert english.translate("ScorePanel", "Belum ada terjemahan") == ""  # falls back to the source


def test_screenshots_render_every_screen_in_indonesian(qapp, tmp_path, language):
    from PySide6.QtGui import QImage

    from ui.screenshots import render

    written = render(tmp_path)
    names = {path.stem for path in written}
    assert {"wizard-1-selamat-datang", "utama-mengisi-item", "skor-langsung", "validasi", "pengaturan",
            "tentang"} <= names
    for path in written:
        image = QImage(str(path))
        assert image.width() > 200 and image.height() > 100, path.name
    assert current_language() == "id"


def test_about_version_spin_box_menu_and_file_dialog_follow_the_language(qtbot, language):
    from PySide6.QtCore import QCoreApplication

    from ui.about_dialog import AboutDialog
    from ui.messages import user_message

    language("en")
    from models.instrument import shipped_registry

    about = AboutDialog(shipped_registry().default())
    qtbot.addWidget(about)
    assert "Version " in about.text_label.text() and "Versi " not in about.text_label.text()
    assert user_message(OSError(30, "Read-only file system")).startswith("The destination folder is read-only")
    language("id")
    translate = QCoreApplication.translate
    assert translate("QAbstractSpinBox", "&Step up") == "&Naikkan"
    assert translate("QFileDialog", "&Delete") == "&Hapus"
    assert translate("QFileDialog", "&Look in:") == "&Lihat di:"  # the spelling Qt 6 uses
    assert translate("QFileDialog", "Files of &type:") == "&Jenis berkas:"
    assert translate("QFileSystemModel", "Date Modified") == "Tanggal Diubah"
