"""One saved answer costs the views a constant amount of work (issue 17): the history panel
adds the new entries instead of reloading the item's history, the navigator updates the
changed row without re-filtering or measuring every row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from tests.ui.conftest import on_disk
from ui.history_panel import HistoryPanel
from ui.navigator import NavigatorModel, NavigatorView


def _history_rows(panel: HistoryPanel) -> list[int]:
    return [entry.id for entry in panel.model.rows]


def _store_rows(store, assessment, item_id=None) -> list[int]:
    entries = store.audit_trail(assessment, item_id)
    return [entry.id for entry in entries if item_id is not None or entry.item_id is None]


def test_audit_trail_after_id_gives_only_newer_entries(store, assessment, operator):
    store.set_answer(assessment, "A1.1", level=1, who=operator)
    newest = store.audit_trail(assessment, "A1.1")[0].id
    store.set_answer(assessment, "A1.1", level=2, justification="ada", who=operator)
    newer = store.audit_trail(assessment, "A1.1", after_id=newest)
    assert sorted(entry.field for entry in newer) == ["justification", "level"]
    assert all(entry.id > newest for entry in newer)
    assert store.audit_trail(assessment, "A1.1", after_id=max(e.id for e in newer)) == []


def test_history_panel_adds_new_rows_without_a_reset_and_stays_in_sync(qtbot, session, store, assessment):
    panel = HistoryPanel(session)
    qtbot.addWidget(panel)
    panel.show_item("A1.1")
    resets, inserted = [], []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    for level in (1, 2, 3, 2):
        session.model.set_answer_fields("A1.1", level=level)
        on_disk(session)  # the rows come once the write is on the disk
    session.model.set_answer_fields("A1.1", justification="Dokumen ada", needs_review=True)
    on_disk(session)
    session.model.set_answer_fields("A1.2", level=4)  # another item: not shown here
    on_disk(session)
    assert resets == []
    assert inserted[:4] == [(0, 0)] * 4 and inserted[4] == (0, 1)
    assert _history_rows(panel) == _store_rows(store, assessment, "A1.1")
    assert panel.model.index(0, 2).data() in ("Penjelasan: – → Dokumen ada", "Perlu ditinjau: Tidak → Ya")


def test_history_panel_in_sync_after_undo_and_switching_items(qtbot, window, store, assessment):
    editor = window.workspace.item_editor
    history = window.workspace.history
    window.show_item("A1.1")
    editor.choose_level(1)
    editor.choose_level(3)
    window.workspace.session.undo_stack.undo()  # waits for the disk, before and after
    assert _history_rows(history) == _store_rows(store, assessment, "A1.1")
    assert history.model.index(0, 2).data() == "Tingkat: 3 → 1"
    window.show_item("A1.2")
    editor.choose_level(2)
    window.show_item("A1.1")
    on_disk(window)
    assert _history_rows(history) == _store_rows(store, assessment, "A1.1")


def test_assessment_wide_history_adds_gate_changes(qtbot, session, store, assessment):
    panel = HistoryPanel(session)
    qtbot.addWidget(panel)
    panel.show_item(None)
    before = panel.model.rowCount()
    session.model.set_gate("bayar_tpp", "tidak")
    session.model.set_answer_fields("A1.1", level=2)  # an item's change stays out of this view
    session.model.set_survey_and_correction(0.8, 0.0)
    assert panel.model.rowCount() > before
    assert _history_rows(panel) == _store_rows(store, assessment)


def test_navigator_updates_one_row_without_refiltering(qtbot, session):
    model = NavigatorModel(session)
    view = NavigatorView(model)
    qtbot.addWidget(view)
    view.show()
    view.search.setText("jabatan")
    shown = view.visible_item_ids()
    assert shown and len(shown) < len(session.model.instrument.items)
    width = view.tree.header().sectionSize(1)
    layouts, calls = [], []
    view.proxy.layoutChanged.connect(lambda *args: layouts.append(1))
    view.proxy.rowsRemoved.connect(lambda *args: layouts.append(1))
    original = model.data

    def counting_data(index, role=0):
        calls.append(role)
        return original(index, role)

    model.data = counting_data
    item_id = shown[0]
    session.model.set_answer_fields(item_id, level=3)
    assert layouts == []
    assert len(calls) < 40  # the filter asked nothing; measuring all rows asked hundreds
    assert view.visible_item_ids() == shown
    assert view.tree.header().sectionSize(1) == width
    assert model.item_index(item_id, 1).data() == "3"
    assert view.proxy.mapFromSource(model.item_index(item_id, 1)).data() == "3"
    assert QModelIndex() == view.proxy.parent(QModelIndex())
