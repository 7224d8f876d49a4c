"""The setup wizard, driven by keyboard and clicks, leaves a ready office in the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWizard

from models.settings import MODE, OPERATOR_NAME
from models.store import Store
from models.tables import Assessment
from ui.setup_wizard import PAGE_HISTORY, PAGE_OPERATOR, PAGE_REGION, SetupWizard

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(qtbot, store):
    widget = SetupWizard(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def _click(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isEnabled(), f"{button.text()} is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _cell_editor(qtbot, table) -> QLineEdit:
    """The table's open cell editor (found directly: other tests' windows may hold the focus)."""
    def open_editor():
        editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
        assert len(editors) == 1
        return editors[0]

    qtbot.waitUntil(lambda: open_editor() is not None, timeout=2000)
    return open_editor()


def _type_row(qtbot, wizard, year: str, nilai: str):
    """Add a row with the button, type the year, Tab to the nilai cell, type it, Tab."""
    editor = wizard.history_page.editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.table.rowCount() - 1
    year_editor = _cell_editor(qtbot, editor.table)
    qtbot.keyClicks(year_editor, year)
    qtbot.keyClick(year_editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: editor.table.item(row, 0).text() == year, timeout=2000)
    nilai_editor = _cell_editor(qtbot, editor.table)
    qtbot.keyClicks(nilai_editor, nilai)
    qtbot.keyClick(nilai_editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: editor.table.item(row, 1).text() == nilai, timeout=2000)


def test_office_setup_end_to_end(qtbot, wizard, store):
    _click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_REGION
    assert not wizard.button(NEXT).isEnabled()  # nothing chosen yet

    qtbot.keyClicks(wizard.region_page.search_edit, "bangka teng")
    assert wizard.region_page.region_list.count() == 1
    assert wizard.region_page.selected_region().code == "19.04"
    assert wizard.region_page.name_edit.text() == "BKPSDM Kabupaten Bangka Tengah"
    _click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_HISTORY

    _type_row(qtbot, wizard, "2022", "212,5")
    table = wizard.history_page.editor.table
    assert table.item(0, 2).text() == "II Kurang"  # category shown live
    _type_row(qtbot, wizard, "2023", "450")
    assert "di luar skala" in table.item(1, 2).text()
    _click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_HISTORY  # refused
    assert "Baris 2" in wizard.history_page.error_label.text()
    assert "100–400" in wizard.history_page.error_label.text()

    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = _cell_editor(qtbot, table)
    editor.selectAll()
    qtbot.keyClicks(editor, "268.5")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.item(1, 2).text() == "III Baik")
    assert wizard.history_page.error_label.text() == ""
    _click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_OPERATOR

    assert not wizard.button(FINISH).isEnabled()  # operator name required
    qtbot.keyClicks(wizard.operator_page.operator_edit, "Siti Aminah")
    wizard.operator_page.year_spin.setValue(2027)
    _click(qtbot, wizard, FINISH)

    assert wizard.result() == QWizard.DialogCode.Accepted
    office = store.office()
    assert (office.code, office.name) == ("19.04", "BKPSDM Kabupaten Bangka Tengah")
    assert office.province_name == "Kepulauan Bangka Belitung"
    assert store.setting(OPERATOR_NAME) == "Siti Aminah"
    assert store.setting(MODE) == "office"
    history = [(row.year, row.nilai, row.category) for row in store.legacy_results(office)]
    assert history == [(2022, 212.5, "II Kurang"), (2023, 268.5, "III Baik")]
    assessment = Assessment.get_by_id(wizard.created_assessment_id)
    assert (assessment.office.id, assessment.year) == (office.id, 2027)
    assert store.audit_trail(assessment)[0].who == "Siti Aminah"


def test_province_mode_chooses_only_a_province(qtbot, wizard, store):
    qtbot.mouseClick(wizard.welcome_page.province_radio, Qt.MouseButton.LeftButton)
    _click(qtbot, wizard, NEXT)
    page = wizard.region_page
    assert not page.province_combo.isVisible()
    assert page.region_list.count() == 38
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(page.search_edit, "bangka")  # contains, not prefix
    assert page.region_list.count() == 1
    assert page.selected_region().code == "19"
    assert page.name_edit.text() == "BKD Provinsi Kepulauan Bangka Belitung"
    qtbot.keyClicks(page.name_edit, " (Pembina)")
    _click(qtbot, wizard, NEXT)  # a province has no KASN history of its own: straight to the operator
    assert wizard.currentPage() is wizard.operator_page
    assert wizard.operator_page.title() == "Operator"  # no "tahun penilaian" without a year field
    assert not wizard.operator_page.year_spin.isVisible()
    qtbot.keyClicks(wizard.operator_page.operator_edit, "Budi")
    _click(qtbot, wizard, FINISH)

    office = store.office()
    assert office.code == "19" and office.is_province
    assert office.name == "BKD Provinsi Kepulauan Bangka Belitung (Pembina)"
    assert store.setting(MODE) == "province"
    assert wizard.created_assessment_id is None
    assert store.assessments() == []


def test_demo_opens_in_its_own_folder_is_marked_everywhere_and_can_be_left(qtbot, wizard, store, data_dir):
    from models.demo import is_demo_dir
    from ui.app import create_main_window

    qtbot.mouseClick(wizard.welcome_page.demo_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.used_demo
    demo = wizard.demo_store
    try:
        assert demo.data_dir == data_dir / "demo" and is_demo_dir(demo.data_dir)
        assessment = demo.assessment(wizard.created_assessment_id)
        assert demo.score(assessment).complete
        assert demo.setting(MODE) == "office"
        assert len(demo.legacy_results(demo.office())) == 3
        window = create_main_window(demo)
        qtbot.addWidget(window)
        window.show()
        window.open_assessment(assessment.id)
        assert window.windowTitle().startswith("[DATA CONTOH] — ")
        assert window.demo_banner.isVisible() and "bukan data kantor Anda" in window.demo_banner.label.text()
        window.show_list()
        assert window.demo_banner.isVisible()  # every screen, not only the workspace
        with qtbot.waitSignal(window.leaveDemoRequested, timeout=2000):
            qtbot.mouseClick(window.demo_banner.leave_button, Qt.MouseButton.LeftButton)
        window.close()
    finally:
        demo.close()
    real = Store(data_dir)  # the real data folder was never written: the wizard comes back
    try:
        assert real.office() is None and real.assessments() == []
    finally:
        real.close()


def test_enter_in_the_search_picks_from_the_list_and_stays_on_the_page(qtbot, wizard):
    _click(qtbot, wizard, NEXT)
    page = wizard.region_page
    qtbot.keyClicks(page.search_edit, "bangka")
    assert page.region_list.count() > 1
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_REGION
    assert page.region_list.currentItem() is not None
