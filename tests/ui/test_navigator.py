"""The navigator: item states, the search filter, gates switching items on and off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.session import ANSWERED, EMPTY, FLAGGED, NO_EVIDENCE, NOT_APPLICABLE
from ui.navigator import STATE_ROLE, NavigatorFilter, NavigatorModel, NavigatorView


@pytest.fixture
def navigator(qtbot, session):
    model = NavigatorModel(session)
    view = NavigatorView(model)
    qtbot.addWidget(view)
    view.show()
    return view


def test_models_pass_qtmodeltester(qtmodeltester, session):
    model = NavigatorModel(session)
    qtmodeltester.check(model)
    proxy = NavigatorFilter()
    proxy.setSourceModel(model)
    proxy.set_query("jabatan")
    qtmodeltester.check(proxy)


def test_item_states_follow_answers_evidence_flags_and_gates(qtbot, session, store, assessment, tmp_path):
    model = NavigatorModel(session)

    def state(item_id):
        return model.item_index(item_id).data(STATE_ROLE)

    assert state("A1.1") == EMPTY
    assert state("A4.1-KLP") == NOT_APPLICABLE  # a kabupaten/kota answers the Kab/Kota variant
    assert model.item_index("A4.1-KLP", 1).data() == "t/b"

    with qtbot.waitSignal(model.dataChanged):
        session.model.set_answer_fields("A1.1", level=3)
    assert state("A1.1") == NO_EVIDENCE
    assert model.item_index("A1.1", 1).data() == "3"

    document = tmp_path / "anjab.pdf"
    document.write_bytes(b"%PDF-1.4 anjab")
    blob = store.evidence_store.add(document)
    session.model.attach_blob("A1.1", blob, document.name)
    assert state("A1.1") == ANSWERED

    session.model.set_answer_fields("A1.2", level=0)
    assert state("A1.2") == ANSWERED  # the lowest level needs no evidence

    session.model.set_answer_fields("A1.1", needs_review=True)
    assert state("A1.1") == FLAGGED
    aspect_index = model.item_index("A1.1").parent()
    assert aspect_index.siblingAtColumn(1).data() == "2/3"

    session.model.set_gate("bayar_tpp", "tidak")
    assert state("A6.3") == NOT_APPLICABLE
    session.model.set_gate("bayar_tpp", "ya")
    assert state("A6.3") == EMPTY


def test_search_filters_by_code_or_words(qtbot, navigator):
    qtbot.keyClicks(navigator.search, "4.1")
    assert navigator.visible_item_ids() == ["A4.1-KLP", "A4.1-KK"]

    navigator.search.clear()
    qtbot.keyClicks(navigator.search, "A6.3")
    assert navigator.visible_item_ids() == ["A6.3"]

    navigator.search.clear()
    qtbot.keyClicks(navigator.search, "RETENSI talenta")  # any case, any order
    assert navigator.visible_item_ids() == ["A2.5"]

    navigator.search.clear()
    qtbot.keyClicks(navigator.search, "tidak ada kata seperti ini qwx")
    assert navigator.visible_item_ids() == []

    navigator.search.clear()
    assert len(navigator.visible_item_ids()) == len(navigator.model.session.model.instrument.items)


def test_enter_in_search_opens_first_match_and_selection_emits_item(qtbot, navigator):
    qtbot.keyClicks(navigator.search, "retensi")
    with qtbot.waitSignal(navigator.itemSelected) as blocker:
        qtbot.keyClick(navigator.search, Qt.Key.Key_Return)
    assert blocker.args == ["A2.5"]
    assert navigator.current_item_id() == "A2.5"

    navigator.search.clear()  # the whole tree again, A2.5 still chosen
    assert navigator.current_item_id() == "A2.5"
    with qtbot.waitSignal(navigator.itemSelected) as blocker:
        qtbot.keyClick(navigator.tree, Qt.Key.Key_Down)
    assert blocker.args == ["A2.6"]


def test_selecting_a_filtered_out_item_clears_the_filter(qtbot, navigator):
    qtbot.keyClicks(navigator.search, "retensi")
    navigator.select_item("A8.2")
    assert navigator.search.text() == ""
    assert navigator.current_item_id() == "A8.2"


def test_ctrl_f_in_the_window_goes_to_the_search_box(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    tree = window.workspace.navigator.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.workspace.navigator.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "evaluasi jabatan")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.workspace.item_editor.item_id == "A1.2"


def test_a_not_applicable_item_is_drawn_grey(session):
    """The delegate draws a not-applicable item's text grey (given as a colour, issue 17: a
    QBrush would load QGradient's types before the first frame); other items keep the palette's."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = NavigatorModel(session)
    delegate = QStyledItemDelegate()

    def text_colour(item_id):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.item_index(item_id))
        return option.palette.color(QPalette.ColorRole.Text)

    assert text_colour("A4.1-KLP") == QColor("#80868b")
    assert text_colour("A1.1") != QColor("#80868b")
