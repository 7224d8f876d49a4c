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
