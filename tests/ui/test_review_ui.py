"""Issue 15 in the GUI: the province's review dialog driven through its widgets, and the
office's display of the verification result (item line, both indices, "diterima provinsi")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from models import demo, province, review, verification
from models.formatting import decimal_id
from models.store import Store
from tests.test_review import loop, write_result  # noqa: F401  (the fixture: office and province folders)
from ui.province.review_dialog import ReviewDialog


def open_review(qtbot, store: Store) -> ReviewDialog:
    assessment = province.received_packages(store)[0].assessment
    dialog = ReviewDialog(store, assessment.id)
    qtbot.addWidget(dialog)
    return dialog


def choose_level(dialog: ReviewDialog, level: int) -> None:
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(level))


def test_review_dialog_reviews_items_sets_k_and_signs_the_result(qtbot, loop, tmp_path, monkeypatch):  # noqa: F811
    from ui import evidence_panel

    opened = []
    monkeypatch.setattr(evidence_panel, "open_url", lambda url: opened.append(Path(url.toLocalFile())) or True)
    with Store(loop.province_dir) as store:
        dialog = open_review(qtbot, store)
        total = len(dialog.session.items)
        first = dialog.session.items[0]
        assert dialog.item_id == first and dialog.progress_label.text() == f"0/{total} butir ditinjau"
        assert not dialog.export_button.isEnabled()
        own = dialog.session.self_levels[first]

        # the office's evidence opens beside the item, a copy outside the province's store
        assert dialog.evidence_list.count() > 0
        dialog.evidence_list.setCurrentRow(0)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(dialog.last_job.done, timeout=10000):
            pass
        qtbot.waitUntil(lambda: bool(opened), timeout=10000)
        assert store.data_dir not in opened[0].parents

        # a different level without a note is refused, in words, and nothing is saved
        choose_level(dialog, own - 1)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "catatan" in dialog.message_label.text()
        assert dialog.progress_label.text() == f"0/{total} butir ditinjau"
        qtbot.keyClicks(dialog.note_edit, "SK belum ditandatangani")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.message_label.text() == ""
        assert dialog.progress_label.text() == f"1/{total} butir ditinjau"
        assert dialog.items_list.item(0).text().endswith("≠")
        assert dialog.item_id == dialog.session.items[1]  # on to the next item

        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.progress_label.text() == f"2/{total} butir ditinjau"

        dialog.k_spin.setValue(0.05)
        qtbot.mouseClick(dialog.k_button, Qt.MouseButton.LeftButton)
        assert "alasan" in dialog.message_label.text()
        qtbot.keyClicks(dialog.k_reason, "Pelanggaran netralitas")
        qtbot.mouseClick(dialog.k_button, Qt.MouseButton.LeftButton)
        assert dialog.session.k == 0.05
        assert "Hasil verifikasi:" in dialog.scores_label.text()

        qtbot.mouseClick(dialog.accept_rest_button, Qt.MouseButton.LeftButton)
        assert dialog.progress_label.text() == f"{total}/{total} butir ditinjau"
        assert dialog.export_button.isEnabled()
        result = dialog.export_result_to(tmp_path / "hasil.meritv", demo.DEMO_PROVINCE_PASSPHRASE)
        receipt = dialog.issue_receipt_to(tmp_path / "terima.meritr", demo.DEMO_PROVINCE_PASSPHRASE)
        assert result.is_file() and receipt.is_file()
        dialog.close()

        # the review was saved as it went: a new dialog resumes it
        again = open_review(qtbot, store)
        assert again.progress_label.text() == f"{total}/{total} butir ditinjau"
        assert again.session.item(first).note == "SK belum ditandatangani"
    with Store(loop.office_dir) as store:
        assert verification.import_answer_file(store, result).ok
        assert verification.import_answer_file(store, receipt).ok


def test_drilldown_opens_the_review(qtbot, loop, monkeypatch):  # noqa: F811
    from ui.province.drilldown import DrilldownDialog

    with Store(loop.province_dir) as store:
        assessment = province.received_packages(store)[0].assessment
        drilldown = DrilldownDialog(store, assessment.id)
        qtbot.addWidget(drilldown)
        assert drilldown.review_button.isEnabled()
        monkeypatch.setattr(ReviewDialog, "exec", lambda self: 0)
        qtbot.mouseClick(drilldown.review_button, Qt.MouseButton.LeftButton)
        assert drilldown.review_dialog.session.assessment.id == assessment.id


def test_office_shows_the_verified_level_both_indices_and_the_receipt(qtbot, loop, tmp_path):  # noqa: F811
    from ui.app import create_main_window

    result = write_result(loop, tmp_path)
    with Store(loop.province_dir) as store:
        receipt = review.issue_receipt(store, review.received_for_file(loop.package),
                                       province.unlock(store, demo.DEMO_PROVINCE_PASSPHRASE), tmp_path / "terima")
    with Store(loop.office_dir) as store:
        window = create_main_window(store)
        qtbot.addWidget(window)
        assessment = store.latest_assessment(store.office(), demo.DEMO_YEAR)
        window.open_assessment(assessment.id)
        assert not window.workspace.score_panel.verification_label.isVisibleTo(window)
        for path in (result, receipt):
            assert verification.import_answer_file(store, path).ok
        window.reload_after_answer_file()

        panel = window.workspace.score_panel
        at_hand = verification.result_at_hand(assessment)
        assert panel.verification_label.isVisibleTo(window)
        text = panel.verification_label.text()
        assert f"Indeks mandiri {decimal_id(store.score(assessment).index, 3)}" in text
        assert f"hasil verifikasi {decimal_id(at_hand.row.verified_index, 3)}" in text
        assert at_hand.row.verified_index < at_hand.row.self_index

        changed = at_hand.row.items[0]["item_id"]
        window.show_item(changed)
        line = window.workspace.item_editor.verification_line
        assert line.isVisibleTo(window)
        assert line.text() == at_hand.item(changed).line() and "mandiri" in line.text()

        window.show_list()
        model = window.list_model
        row = model.row_of(assessment.id)
        status = model.data(model.index(row, 2))
        assert status.startswith("Final · diterima provinsi ")


def test_consolidated_table_shows_verified_index_progress_and_highlights_the_gap(qtbot, loop):  # noqa: F811
    from models import consolidate
    from tests.test_review import review_fully
    from ui.province.consolidated_view import GAP_HIGHLIGHT, ConsolidatedTableModel

    with Store(loop.province_dir) as store:
        session, _ = review_fully(store)
        model = ConsolidatedTableModel(consolidate.consolidate(store, demo.DEMO_YEAR))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount()) if model.row_at(r).code == demo.DEMO_OFFICE_CODE)
    cell = {name: model.index(row, headers.index(name)) for name in
            ("Indeks", "Indeks verifikasi", "Selisih verifikasi", "Ditinjau")}
    total = len(session.items)
    assert model.data(cell["Indeks verifikasi"]) == decimal_id(session.verified_score().index, 3)
    assert model.data(cell["Ditinjau"]) == f"{total}/{total}"
    gap = session.verified_score().index - session.self_score().index
    assert model.data(cell["Selisih verifikasi"]) == decimal_id(round(gap, 6), 3)
    assert model.data(cell["Selisih verifikasi"], Qt.ItemDataRole.BackgroundRole).color().name() == GAP_HIGHLIGHT
    other = next(r for r in range(model.rowCount()) if model.row_at(r).code != demo.DEMO_OFFICE_CODE)
    assert model.data(model.index(other, headers.index("Selisih verifikasi")), Qt.ItemDataRole.BackgroundRole) is None


def test_office_menu_imports_a_result_and_says_why_a_file_is_refused(qtbot, loop, tmp_path, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.app import create_main_window

    result = write_result(loop, tmp_path)
    tampered = tmp_path / "diubah.meritv"
    data = bytearray(result.read_bytes())
    data[data.index(b'"reviewer": "') + 13] ^= 0x01
    tampered.write_bytes(bytes(data))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(("ok", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(("refused", text)))
    with Store(loop.office_dir) as store:
        window = create_main_window(store)
        qtbot.addWidget(window)
        window.open_assessment(store.latest_assessment(store.office(), demo.DEMO_YEAR).id)
        action = window.findChild(type(window.import_result_action), "importResult")
        assert action in window.assessment_menu.actions()
        for path in (tampered, result):
            monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, p=path: (str(p), ""))
            action.trigger()
        assert shown[0][0] == "refused" and "telah berubah setelah ditandatangani provinsi" in shown[0][1]
        assert shown[1][0] == "ok"
        assert window.workspace.score_panel.verification_label.isVisibleTo(window)
