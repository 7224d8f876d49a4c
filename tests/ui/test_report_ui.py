"""The office window's report actions, the planner dialog, year over year, carry forward
confirmation and the province's Berita Acara check, driven as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from models.carry_forward import start_from_previous, unreviewed_items
from models.demo import seed_demo


@pytest.fixture
def demo_window(qtbot, store, operator):
    from ui.app import create_main_window

    assessment = store.assessment(seed_demo(store)["assessment_id"])
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    main.open_assessment(assessment.id)
    qtbot.waitExposed(main)
    yield main, assessment
    main.close()


def test_report_actions_sit_in_the_berkas_menu_with_ctrl_p(demo_window):
    window, _ = demo_window
    file_menu = window.menuBar().actions()[0].menu()
    names = [action.objectName() for action in file_menu.actions()]
    for name in ("printReport", "reportPdf", "worksheetXlsx", "evidenceTree", "beritaAcara", "newYear"):
        assert name in names
    assert window.report_actions.preview_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert "planner" in [a.objectName() for a in window.assessment_menu.actions()]


def test_print_preview_paints_the_report_pages(qtbot, demo_window):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window, _ = demo_window
    dialog = window.report_actions.make_print_preview()
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() >= 4


def test_save_pdf_and_worksheet_from_the_menu(qtbot, demo_window, tmp_path, monkeypatch):
    from ui import report_actions

    window, assessment = demo_window
    targets = iter([tmp_path / "laporan.pdf", tmp_path / "kk.xlsx"])
    monkeypatch.setattr(report_actions, "ask_save_path", lambda *args: next(targets))
    window.report_actions.pdf_action.trigger()
    window.report_actions.worksheet_action.trigger()
    assert (tmp_path / "laporan.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "kk.xlsx").stat().st_size > 0


def test_planner_dialog_plans_and_the_sandbox_leaves_answers_alone(qtbot, demo_window, store):
    from ui.planner_dialog import PlannerDialog

    window, assessment = demo_window
    before = store.recorded_levels(assessment)
    dialog = PlannerDialog(window.session.model, window)
    qtbot.addWidget(dialog)
    dialog.target.setCurrentText("Tinggi")
    dialog.make_plan()
    assert dialog.plan.status == "reached"
    assert dialog.steps.rowCount() == len(dialog.plan.steps) > 0
    first = dialog.plan.steps[0].item_id
    code = dialog.instrument.item(first).code  # shown by code ("7.1"), as everywhere in the GUI
    assert dialog.steps.item(0, 0).text() == code
    dialog.avoid_list.findItems(code + " ", Qt.MatchFlag.MatchStartsWith)[0].setCheckState(Qt.CheckState.Checked)
    assert first not in {step.item_id for step in dialog.plan.steps}  # re-planned on the tick
    dialog.to_sandbox.click()
    assert dialog.sandbox_result().index >= 0.805
    assert "Bagaimana jika" in dialog.sandbox_label.text()
    assert store.recorded_levels(assessment) == before
    assert window.session.model.score().index < 0.805


def test_year_change_shows_in_score_panel_and_item_editor(qtbot, store, operator):
    from ui.app import create_main_window

    last_year = store.assessment(seed_demo(store)["assessment_id"])
    new = start_from_previous(store, last_year.office, 2026, who=operator).assessment
    item_id = store.instrument_of(new).items[0].id
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    main.open_assessment(new.id)
    main.show_item(item_id)
    labels = main.workspace.year_over_year
    assert labels.score_label.isVisibleTo(main) and "Dibanding 2026: ±0" in labels.score_label.text()
    assert labels.carried_label.isVisibleTo(main)
    level = store.answer(new, item_id).level
    main.workspace.item_editor.choose_level(level + 1 if level < 4 else level - 1)
    assert "Tahun lalu (2026): tingkat" in labels.item_label.text() and "sekarang" in labels.item_label.text()
    main.workspace.session.model.flush()  # the mark goes once the change is on the disk (written)
    assert not labels.carried_label.isVisibleTo(main)  # touched: reviewed
    main.close()


def test_validation_dialog_confirms_carried_answers(qtbot, store, operator):
    from ui.session_adapter import SessionAdapter
    from ui.validation_dialog import ValidationDialog

    last_year = store.assessment(seed_demo(store)["assessment_id"])
    new = start_from_previous(store, last_year.office, 2026, who=operator).assessment
    session = SessionAdapter(store, new)
    dialog = ValidationDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.confirm_all_button.isVisible()
    dialog.confirm_all_button.click()
    assert unreviewed_items(store, new) == []
    assert not dialog.confirm_all_button.isVisible()


def test_province_checks_a_berita_acara_by_hash(qtbot, store, office):
    from ui.province.berita_acara_check import BeritaAcaraCheckDialog

    dialog = BeritaAcaraCheckDialog(store)
    qtbot.addWidget(dialog)
    dialog.input.setPlainText("abcd " * 5)
    dialog.check_button.click()
    assert dialog.result.status == "not_found" and "Tidak ada paket" in dialog.answer.text()


def test_assessment_list_charts_both_scales_once_there_is_an_index(qtbot, store, operator):
    from ui.app import create_main_window

    seed_demo(store)
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    chart = main.list_view.history_chart
    timeline = chart._timeline  # noqa: SLF001 - what it paints
    assert [p.year for p in timeline["legacy_points"]] == [2021, 2022, 2023]
    assert [p.year for p in timeline["index_points"]] == [2026]
    assert timeline["index_points"][0].value == pytest.approx(store.score(store.assessments()[0]).index)
    chart.grab().save(str(store.data_dir / "riwayat.png"))
    main.close()


def test_items_marked_hard_are_remembered_for_the_assessment(qtbot, demo_window):
    from ui.planner_dialog import PlannerDialog

    window, _ = demo_window
    first = PlannerDialog(window.session.model, window)
    qtbot.addWidget(first)
    first.avoid_list.findItems("7.1 ", Qt.MatchFlag.MatchStartsWith)[0].setCheckState(Qt.CheckState.Checked)  # by code
    second = PlannerDialog(window.session.model, window)
    qtbot.addWidget(second)
    assert second.avoided() == ["A7.1"]
    assert "A7.1" not in {step.item_id for step in second.plan.steps}
