"""The checklist before finalizing lists what blocks it, and each entry jumps to its item."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _open_dialog(window):
    window.validate_action.trigger()
    dialog = window.validation_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_lists_unanswered_unexplained_and_flagged_items(qtbot, window, store, assessment, tmp_path):
    instrument = store.instrument_of(assessment)
    applicable = [item.id for item in instrument.applicable_items(assessment.gates)]
    session = window.workspace.session
    session.model.set_answer_fields("A1.1", level=3)  # above the lowest level, no evidence, no text
    session.model.set_answer_fields("A1.2", level=2, justification="Dokumen masih di bagian hukum.")
    session.model.set_answer_fields("A1.3", level=0, needs_review=True, review_note="cek ulang")
    document = tmp_path / "bukti.pdf"
    document.write_bytes(b"%PDF-1.4 bukti")
    session.model.set_answer_fields("A2.1", level=4)
    session.model.attach_blob("A2.1", store.evidence_store.add(document), document.name)

    dialog = _open_dialog(window)
    entries = {dialog.list.item(row).text(): dialog.list.item(row).data(Qt.ItemDataRole.UserRole + 1)
               for row in range(dialog.list.count())}
    texts = list(entries)
    titles = {item.id: item.heading for item in store.instrument_of(assessment).items}  # code and title
    assert f"{titles['A1.1']}: tingkat 3 tanpa bukti dukung dan tanpa penjelasan." in texts
    assert f"{titles['A1.2']}: tingkat 2 tanpa bukti dukung (ada penjelasan). Tidak menghalangi finalisasi." in texts
    assert f"{titles['A1.3']}: ditandai perlu ditinjau: cek ulang." in texts
    assert not any(text.startswith("2.1 ") for text in texts)  # answered with evidence
    unanswered = [text for text in texts if text.endswith("belum dijawab.")]
    assert len(unanswered) == len(applicable) - 4
    assert f"{titles['A4.1-KLP']}: belum dijawab." not in texts  # gated out, not unanswered
    blocking = len(applicable) - 4 + 2  # unanswered + A1.1 + A1.3 (A1.2 is explained)
    assert dialog.summary.text() == f"{blocking} hal harus diselesaikan sebelum finalisasi."


def test_entry_jumps_to_its_item_and_list_follows_changes(qtbot, window, store, assessment):
    window.show_item("A8.2")
    dialog = _open_dialog(window)
    row = dialog.item_ids().index("A3.4")
    dialog.list.setCurrentRow(row)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.workspace.item_editor.item_id == "A3.4"
    assert window.workspace.navigator.current_item_id() == "A3.4"

    count = dialog.list.count()
    window.workspace.item_editor.choose_level(0)  # answered at the lowest level: nothing to add
    assert dialog.list.count() == count - 1
    assert "A3.4" not in dialog.item_ids()

    item_rect = dialog.list.visualItemRect(dialog.list.item(0))
    first = dialog.item_ids()[0]
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    assert window.workspace.item_editor.item_id == first


def test_all_answered_with_evidence_is_ready(qtbot, window, store, assessment):
    session = window.workspace.session
    for item in session.model.instrument.applicable_items(session.model.gates):
        session.model.set_answer_fields(item.id, level=0)
    dialog = _open_dialog(window)
    assert dialog.list.count() == 0
    assert "siap difinalisasi" in dialog.summary.text()
    assert not dialog.open_button.isEnabled()
