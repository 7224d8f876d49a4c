"""A 1366x768 laptop (the window a maximized app gets: 1366x705): filling an item needs no
scrolling and the score panel shows all eight aspects; at 125 % the score still does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture
def laptop_window(final_window):
    final_window.resize(1366, 705)
    final_window.workspace.fit_columns(1366)
    return final_window


@pytest.fixture
def draft_laptop_window(laptop_window):
    """The same window with the demo assessment reopened as a draft: the levels take focus."""
    from models.demo import DEMO_YEAR
    from models.lifecycle import reopen

    store = laptop_window.store
    draft = reopen(store, store.latest_assessment(store.office(), DEMO_YEAR), "penguji")
    laptop_window.open_assessment(draft.id)
    return laptop_window


def _settle():
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize("item_id", ["A1.1", "A1.2", "A2.1", "A3.2", "A5.2", "A6.3", "A7.1", "A8.1"])
def test_an_item_fits_without_scrolling_at_100_percent(laptop_window, item_id):
    laptop_window.show_item(item_id)
    _settle()
    editor = laptop_window.workspace.item_editor
    assert editor.verticalScrollBar().maximum() == 0, f"{item_id} needs scrolling"
    assert editor.horizontalScrollBar().maximum() == 0
    panel = editor.evidence
    for widget in (editor.levels_box, editor.justification, panel.list, panel.add_button):
        assert widget.visibleRegion().boundingRect().height() == widget.height(), widget.objectName()


SIZES = {"100": (1366, 705), "125": (1093, 564)}  # QT_SCALE_FACTOR=1.25: the same pixels hold 1/1.25


def _assert_fits(window, item_id: str, scale: str) -> None:
    editor = window.workspace.item_editor
    assert editor.verticalScrollBar().maximum() == 0, f"{item_id} needs scrolling at {scale} %"
    assert editor.horizontalScrollBar().maximum() == 0, f"{item_id} scrolls sideways at {scale} %"
    panel = editor.evidence
    for widget in (editor.levels_box, editor.justification, editor.review_note, panel.list, panel.add_button):
        assert widget.visibleRegion().boundingRect().height() == widget.height(), (item_id, widget.objectName())


@pytest.mark.parametrize("scale", ["100", "125"])
def test_every_applicable_item_fits_without_scrolling(draft_laptop_window, scale):
    """Every item the office answers, with the level in hand opened in full (the chosen one,
    then each in turn as the arrow keys or Tab reach it): nothing cut off, nothing scrolls."""
    laptop_window = draft_laptop_window
    width, height = SIZES[scale]
    laptop_window.resize(width, height)
    laptop_window.workspace.fit_columns(width)
    model = laptop_window.session.model
    checked = 0
    for item in model.instrument.items:
        if not model.applies(item.id):
            continue
        laptop_window.show_item(item.id)
        _settle()
        _assert_fits(laptop_window, item.id, scale)
        editor = laptop_window.workspace.item_editor
        for level, row in editor.level_rows.items():
            row.button.setFocus()
            _settle()
            assert not row.compact, (item.id, level)  # the level in hand shows its whole text
            _assert_fits(laptop_window, f"{item.id} (tingkat {level})", scale)
        checked += 1
    assert checked == 30


def test_on_a_short_screen_levels_fold_to_one_line_with_the_whole_text_kept(draft_laptop_window, qtbot):
    from PySide6.QtCore import Qt

    laptop_window = draft_laptop_window
    laptop_window.resize(*SIZES["125"])
    laptop_window.workspace.fit_columns(SIZES["125"][0])
    laptop_window.show_item("A7.1")
    _settle()
    editor = laptop_window.workspace.item_editor
    item = laptop_window.session.model.instrument.item("A7.1")
    chosen = editor.level_group.checkedId()
    assert editor.levels_compact and not editor.level_rows[chosen].compact
    assert editor.level_rows[chosen].label.text() == item.descriptor(chosen)
    for level, row in editor.level_rows.items():
        assert row.button.accessibleName().endswith(item.descriptor(level))  # screen readers: all of it
        if level != chosen:
            assert row.compact and row.label.text().endswith("…") and row.label.toolTip() == item.descriptor(level)
    # the note folds to one line; its button opens it
    assert editor.note_toggle.isVisible() and editor.note.toolTip() == item.note
    qtbot.mouseClick(editor.note_toggle, Qt.MouseButton.LeftButton)
    assert editor.note.text() == item.note and editor.note.wordWrap()
    # Tab order stays level -> (clear) -> justification -> ... -> evidence
    laptop_window.workspace.navigator.tree.setFocus()
    order = []
    for _ in range(6):
        qtbot.keyClick(laptop_window.focusWidget(), Qt.Key.Key_Tab)
        order.append(laptop_window.focusWidget())
    assert order[0] in [row.button for row in editor.level_rows.values()]
    assert editor.justification in order and editor.evidence.list in order
    assert order.index(editor.justification) < order.index(editor.evidence.list)
    # at 100 % the same item shows every level whole
    laptop_window.resize(*SIZES["100"])
    laptop_window.workspace.fit_columns(SIZES["100"][0])
    laptop_window.show_item("A1.2")
    _settle()
    assert not editor.levels_compact
    assert all(row.label.text() == item_text for row, item_text in
               ((editor.level_rows[lvl], laptop_window.session.model.instrument.item("A1.2").descriptor(lvl))
                for lvl in editor.level_rows))


def test_the_score_panel_shows_all_eight_aspects(laptop_window):
    _settle()
    panel = laptop_window.workspace.score_panel
    bars = panel.aspect_bars
    assert len(bars.rows()) == 8
    assert bars.visibleRegion().boundingRect().height() == bars.height()  # none cut off


def test_two_items_with_the_same_start_are_told_apart_in_the_list(laptop_window):
    from PySide6.QtCore import Qt

    tree = laptop_window.workspace.navigator.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle  # "…(Pimpinan)" vs "…(Agen Perubahan)"


def test_at_125_percent_the_score_still_shows_all_eight_aspects_and_nothing_scrolls_sideways(laptop_window):
    """QT_SCALE_FACTOR=1.25 scales everything alike: the same as a 1093x564 window at 100 %."""
    laptop_window.resize(1093, 564)
    laptop_window.workspace.fit_columns(1093)
    laptop_window.show_item("A1.2")
    _settle()
    bars = laptop_window.workspace.score_panel.aspect_bars
    assert len(bars.rows()) == 8 and bars.visibleRegion().boundingRect().height() == bars.height()
    editor = laptop_window.workspace.item_editor
    assert editor.horizontalScrollBar().maximum() == 0
    assert not editor.aspect_label.isVisible()  # the short screen drops the extras first
