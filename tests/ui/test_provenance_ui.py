"""The official-channel statement and the provenance of texts, on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from models.provenance import OFFICIAL_CHANNEL, PROVENANCE_SUMMARY


def test_about_says_where_figures_come_from_and_the_official_channel(qtbot, instrument):
    from ui.about_dialog import AboutDialog

    dialog = AboutDialog(instrument)
    qtbot.addWidget(dialog)
    text = dialog.text_label.text()
    assert OFFICIAL_CHANNEL in text and "transkripsi publik pihak ketiga" in text
    assert "Dasar hukum" not in text  # the regulation is not the basis of every figure
    assert PROVENANCE_SUMMARY.split(" (")[0] in text


def test_wizard_and_export_dialog_show_the_official_channel(qtbot, store, assessment):
    from ui.package_dialogs import FinalizeExportDialog
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    assert wizard.findChild(QLabel, "officialChannel").text() == OFFICIAL_CHANNEL
    dialog = FinalizeExportDialog(store, assessment)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "officialChannel").text() == OFFICIAL_CHANNEL


def test_item_editor_shows_project_notes_apart_in_italics(window):
    window.show_item("A6.4d")
    editor = window.workspace.item_editor
    html = editor.provenance.text()
    assert "Teks butir: transkripsi." in html
    # On a short screen the notes fold behind "+ catatan proyek" and stay whole in the tooltip.
    shown = editor.provenance.toolTip() if editor.levels_compact else html
    assert "<i>Catatan proyek — Tingkat 2:" in shown
    assert not editor.levels_compact or "+ catatan proyek" in html
    # the descriptor keeps the (truncated) source text; the completion is only in the note
    assert editor.level_rows[2].label.text().startswith("Pegawai ASN yang memenuhi persyaratan")
    window.show_item("A1.1")
    assert "Catatan proyek" not in editor.provenance.text() + editor.provenance.toolTip()


def test_new_audit_entries_read_as_words(store, assessment, instrument):
    from models.lifecycle import finalize
    from ui.history_panel import change_text

    for item in instrument.applicable_items(assessment.gates):
        store.set_answer(assessment, item.id, level=instrument.scale_min)
    final = finalize(store, assessment, "kepala", without_survey=True)
    texts = {entry.field: change_text(entry) for entry in store.audit_trail(final)}
    assert texts["final_scores"] == "Skor saat finalisasi disimpan"
    assert texts["finalized_without_survey"] == "Difinalisasi tanpa nilai survei S (dikonfirmasi)"
    assert store.final_scores(final)["index"] == store.score(final).index
