"""Answering items by keyboard and mouse in the real window; gates; the live score."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from models.formatting import decimal_id
from tests.ui.conftest import on_disk, score_text


@pytest.fixture
def editor(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    return window.workspace.item_editor


def answer_on_disk(window, store, assessment, item_id):
    """The stored answer, once the window's writer thread has written it (issue 17)."""
    on_disk(window)
    return store.answer(assessment, item_id)


def test_keys_0_to_4_answer_the_chosen_item(qtbot, window, editor, store, assessment):
    tree = window.workspace.navigator.tree
    window.show_item("A1.2")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_3)
    assert answer_on_disk(window, store, assessment, "A1.2").level == 3
    assert editor.level_rows[3].button.isChecked()
    # The score panel shows the engine's figure at once, without waiting for an event loop turn.
    assert window.workspace.score_panel.headline_label.text() == score_text(store, assessment)

    qtbot.keyClick(tree, Qt.Key.Key_Down)  # next item
    assert editor.item_id == "A1.3"
    qtbot.keyClick(tree, Qt.Key.Key_0)
    assert answer_on_disk(window, store, assessment, "A1.3").level == 0
    assert answer_on_disk(window, store, assessment, "A1.2").level == 3  # the previous item kept its answer

    # Digits typed into the justification are text, not answers.
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "4 dokumen")
    assert answer_on_disk(window, store, assessment, "A1.3").level == 0
    assert editor.justification.toPlainText() == "4 dokumen"


def test_mouse_clicks_on_levels_and_descriptors(qtbot, window, editor, store, assessment):
    window.show_item("A2.1")
    row = editor.level_rows[2]
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert answer_on_disk(window, store, assessment, "A2.1").level == 2
    # Clicking the descriptor text chooses its level too.
    qtbot.mouseClick(editor.level_rows[4].label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert answer_on_disk(window, store, assessment, "A2.1").level == 4
    assert "4" in window.workspace.navigator.tree.currentIndex().siblingAtColumn(1).data()
    qtbot.mouseClick(editor.clear_level, Qt.MouseButton.LeftButton)
    assert answer_on_disk(window, store, assessment, "A2.1").level is None
    assert window.workspace.score_panel.headline_label.text() == score_text(store, assessment)


def test_every_level_descriptor_is_shown_in_full(window, editor, store, assessment):
    window.show_item("A3.1")
    item = store.instrument_of(assessment).item("A3.1")
    assert editor.question.text() == item.question
    for level, row in editor.level_rows.items():
        assert row.label.text() == item.descriptor(level)
        assert row.label.wordWrap()
    expected = editor.evidence.expected.text()
    for document in item.evidence:
        assert document in expected


def test_justification_and_review_flag_are_saved(qtbot, window, editor, store, assessment, operator):
    window.show_item("A1.1")
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "SK Bupati tentang Anjab sudah terbit.")
    qtbot.keyClick(editor.justification, Qt.Key.Key_Tab)  # leaving the field commits the text
    answer = answer_on_disk(window, store, assessment, "A1.1")
    assert answer.justification == "SK Bupati tentang Anjab sudah terbit."
    assert answer.updated_by == operator

    qtbot.mouseClick(editor.needs_review, Qt.MouseButton.LeftButton)
    assert answer_on_disk(window, store, assessment, "A1.1").needs_review is True
    assert editor.review_note.hasFocus()  # ready for the note
    qtbot.keyClicks(editor.review_note, "Tanyakan ke bidang mutasi")
    qtbot.keyClick(editor.review_note, Qt.Key.Key_Return)
    assert answer_on_disk(window, store, assessment, "A1.1").review_note == "Tanyakan ke bidang mutasi"
    on_disk(window)
    trail = store.audit_trail(assessment, "A1.1")
    assert {entry.field for entry in trail} == {"justification", "needs_review", "review_note"}
    assert all(entry.who == operator for entry in trail)


def test_text_is_committed_after_a_pause_in_typing(qtbot, window, editor, store, assessment):
    window.show_item("A1.1")
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "Perlu dicek")
    qtbot.waitUntil(lambda: store.answer(assessment, "A1.1") is not None
                    and store.answer(assessment, "A1.1").justification == "Perlu dicek", timeout=3000)


def test_gate_switches_items_and_explains_why(qtbot, window, editor, store, assessment):
    window.show_item("A6.3")
    assert not editor.not_applicable.isVisible()
    assert editor.gates_box.isVisible()
    question = editor.gates.questions["bayar_tpp"]
    # a confirmed answer is folded into one line; "Ubah jawaban…" shows the choices
    assert question.summary.isVisible() and question.summary.text().startswith("Jawaban: Ya, instansi kami")
    assert not question.rows["tidak"].button.isVisible()
    qtbot.mouseClick(question.change_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(question.rows["tidak"].button, Qt.MouseButton.LeftButton)
    store_assessment = store.assessment(assessment.id)
    assert store_assessment.gates["bayar_tpp"] == "tidak"
    assert editor.not_applicable.isVisible()
    assert "Tidak, instansi kami" in editor.not_applicable.text()
    assert not editor.levels_box.isEnabled()
    on_disk(window)
    result = store.score(store_assessment)
    assert "A6.3" in {entry.item_id for entry in result.not_applicable}
    assert window.workspace.score_panel.headline_label.text() == score_text(store, store_assessment)
    # Undo puts the gate back and the item applies again.
    window.undo_action.trigger()
    assert store.assessment(assessment.id).gates["bayar_tpp"] == "ya"
    assert editor.levels_box.isEnabled()


def test_aspect_page_asks_its_gates(qtbot, window, editor, store, assessment):
    tree = window.workspace.navigator.tree
    window.show_item("A5.3")
    model = tree.model()
    aspect_six = model.index(5, 0)
    tree.setCurrentIndex(aspect_six)
    page = window.workspace.aspect_page
    assert window.workspace.editors.currentWidget() is page
    visible = [gate_id for gate_id, question in page.gates.questions.items() if not question.isHidden()]
    assert visible == ["bayar_tpp", "kecelakaan_kerja", "kematian_pegawai"]
    assert "sementara" in page.weight.text()
    qtbot.keyClick(tree, Qt.Key.Key_3)  # no item is shown, so no item is answered
    assert store.answers(assessment) == {}


def test_score_panel_matches_engine_after_each_change(qtbot, window, editor, store, assessment):
    instrument = store.instrument_of(assessment)
    panel = window.workspace.score_panel
    for position, item in enumerate(instrument.applicable_items(assessment.gates)[:8]):
        window.show_item(item.id)
        editor.choose_level((position % 4) + 1)
        on_disk(window)
        expected = store.score(store.assessment(assessment.id))
        assert panel.headline_label.text() == decimal_id(expected.index, instrument.precision)
        assert expected.shown_band.label in panel.band_label.text()


def test_digits_choose_a_level_only_on_the_levels_and_in_the_item_list(qtbot, window, editor, store, assessment,
                                                                       tmp_path):
    """A stray digit in the evidence list or the search box changes nothing; in the item
    list it answers the shown item without jumping to another aspect (no type-ahead)."""
    tree = window.workspace.navigator.tree
    window.show_item("A1.1")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_4)
    assert answer_on_disk(window, store, assessment, "A1.1").level == 4
    assert editor.item_id == "A1.1" and window.workspace.navigator.current_item_id() == "A1.1"
    qtbot.keyClick(tree, Qt.Key.Key_3)  # "3" used to jump to aspect 3 by type-ahead
    assert editor.item_id == "A1.1" and answer_on_disk(window, store, assessment, "A1.1").level == 3

    evidence_list = editor.evidence.list
    evidence_list.setFocus()
    qtbot.keyClick(evidence_list, Qt.Key.Key_1)
    assert answer_on_disk(window, store, assessment, "A1.1").level == 3
    search = window.workspace.navigator.search
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_2)
    assert answer_on_disk(window, store, assessment, "A1.1").level == 3 and search.text() == "2"
    search.clear()
    window.show_item("A1.1")

    button = editor.level_rows[3].button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_1)
    assert answer_on_disk(window, store, assessment, "A1.1").level == 1


def test_each_level_change_shows_a_notice_that_undoes_it(qtbot, window, editor, store, assessment):
    notice = window.workspace.level_notice
    tree = window.workspace.navigator.tree
    window.show_item("A1.1")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_4)
    qtbot.keyClick(tree, Qt.Key.Key_1)
    assert notice.isVisible()
    assert notice.label.text() == "Tingkat 4 → 1 · butir 1.1"
    qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    assert answer_on_disk(window, store, assessment, "A1.1").level == 4
    assert not notice.isVisible()
    qtbot.mouseClick(editor.level_rows[2].button, Qt.MouseButton.LeftButton)  # a click is announced too
    assert notice.isVisible() and notice.label.text() == "Tingkat 4 → 2 · butir 1.1"


def test_tab_goes_from_the_item_list_to_the_level_then_justification_then_evidence(qtbot, window, editor):
    tree = window.workspace.navigator.tree
    window.show_item("A1.1")
    tree.setFocus()
    order = []
    for _ in range(6):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    assert order[0] in [row.button for row in editor.level_rows.values()]
    assert editor.justification in order
    assert order.index(editor.justification) < order.index(editor.evidence.list)


def test_gates_start_unconfirmed_block_finalizing_and_confirming_the_default_counts(qtbot, store, operator):
    """A GUI-created assessment asks its opening questions: none is pre-answered, F7 lists
    them as blocking, and choosing the default answer confirms it."""
    from models.validation import UNCONFIRMED_GATE, validation_issues
    from ui.app import create_main_window

    office = store.ensure_office("19.01")
    assessment = store.create_assessment(office, 2026, who="Ani", confirm_default_gates=False)
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(assessment.id)
    instrument = store.instrument_of(assessment)
    gate = instrument.gates[0]
    issues = [i for i in validation_issues(store, assessment) if i.kind == UNCONFIRMED_GATE]
    assert len(issues) == len(instrument.gates) and all(i.blocking for i in issues)
    window.show_item(issues[0].item_id)
    editor = window.workspace.item_editor
    question = editor.gates.questions[gate.id]
    assert question.isVisible() and question.unconfirmed.isVisible()
    assert question.unconfirmed.text().startswith("Belum dikonfirmasi")
    assert not any(row.button.isChecked() for row in question.rows.values())
    qtbot.mouseClick(question.rows[gate.default].button, Qt.MouseButton.LeftButton)
    assert store.assessment(assessment.id).gates[gate.id] == gate.default
    assert not question.unconfirmed.isVisible()
    remaining = [i for i in validation_issues(store, store.assessment(assessment.id)) if i.kind == UNCONFIRMED_GATE]
    assert len(remaining) == len(instrument.gates) - 1
    window.close()


def test_a_final_assessment_offers_no_level_change(final_window):
    final_window.show_item("A1.1")
    editor = final_window.workspace.item_editor
    assert not editor.levels_box.isEnabled() and not editor.clear_level.isEnabled()


def test_gate_questions_are_built_when_an_item_first_shows_them(qtbot, window, editor):
    """Issue 17: an assessment opens without the gates of items not shown; a question built
    later takes the screen's compact state, the session's answer and its place in order."""
    gates = editor.gates
    window.show_item("A1.1")  # no gate
    assert gates.questions == {}
    gates.set_compact(True)
    window.show_item("A6.3")  # gated by bayar_tpp
    assert list(gates.questions) == ["bayar_tpp"]
    question = gates.questions["bayar_tpp"]
    assert question.compact and question.isVisible()
    assert question.rows[window.workspace.session.model.gates["bayar_tpp"]].button.isChecked()
    order = [gate.id for gate in window.workspace.session.model.instrument.gates]
    gates.set_gate_ids(order[:1])  # an earlier gate goes before it in the layout
    layout = gates.layout()
    assert [layout.itemAt(i).widget().gate.id for i in range(layout.count())] == [
        gate_id for gate_id in order if gate_id in gates.questions]


def test_the_editor_measures_its_viewport_with_and_without_a_horizontal_scroll_bar(qtbot, window, editor):
    """``viewport_height`` (issue 17: not the viewport widget, which PySide would load every
    widget class for) is the viewport's height, a horizontal scroll bar taken off."""
    assert editor.viewport_height() == editor.viewport().height()
    editor.widget().setMinimumWidth(editor.width() + 300)
    qtbot.waitUntil(lambda: editor.horizontalScrollBar().isVisible())
    assert editor.horizontalScrollBar().height() > 0
    assert editor.viewport_height() == editor.viewport().height()
