"""The English UI shows no Indonesian that models/ built (issue 12, item 10): one representative
of each family, driven through the real widgets with the English catalogue installed. The
Indonesian of every sentence is ``models.texts``; the GUI words it again by its code."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from models import importer
from models.demo import DEMO_YEAR, seed_demo
from models.lifecycle import reopen
from tests import test_importer
from tests.test_texts import INDONESIAN
from tests.ui.test_province_ui import packages  # noqa: F401  (fixture)
from ui.i18n import install_translations

site = test_importer.site  # the same fixture: a province with its key


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "id")


def assert_english(text: str, expected: str) -> None:
    assert expected in text, text
    assert not INDONESIAN.search(text), f"Indonesian in the English UI: {text!r}"


def test_export_refusal_is_shown_in_english(qtbot, english, store, tmp_path, monkeypatch):
    import ui.package_dialogs as package_dialogs
    from models.package.write import check_certificate_current

    seed_demo(store)
    draft = reopen(store, store.latest_assessment(store.office(), DEMO_YEAR), "penguji")
    # the real check, on a day the demo certificate does not cover
    monkeypatch.setattr(package_dialogs, "check_certificate_current",
                        lambda data: check_certificate_current(data, date(2099, 1, 1)))
    dialog = package_dialogs.FinalizeExportDialog(store, draft)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out" / "paket.merit"))
    dialog.show()
    dialog.without_survey.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert_english(dialog.status.text(), "which does not include today. Ask the province for a new certificate")
    assert not (tmp_path / "out").exists()


def test_store_rule_error_is_shown_in_english(qtbot, english, window, store, office, monkeypatch):
    store.create_assessment(office, 2025, who="penguji")  # 2025 -> 2026, which exists
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("2025", True))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    window.report_actions.start_new_year()
    assert len(shown) == 1
    assert_english(shown[0], f"An assessment for 2026 already exists for {office.name}.")


def test_gate_rejections_are_shown_in_english(qtbot, english, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *rest: shown.append(text))
    session = window.session.model
    gate = session.instrument.gates[0]
    assert session.set_gate(gate.id, "bogus") is False
    assert session.set_gate("no_such_gate", gate.values[0]) is False
    assert len(shown) == 2
    assert_english(shown[0], f"The choice 'bogus' is not valid for question {gate.id}; choices: "
                             f"{', '.join(gate.values)}.")
    assert_english(shown[1], "Opening question no_such_gate is not in the instrument.")


def test_import_outcomes_are_shown_in_english(qtbot, english, site, packages):  # noqa: F811
    from ui.province.import_dialog import ImportDialog, ImportResultsModel

    (packages / "rusak.merit").write_bytes(b"PK\x03\x04 terpotong")
    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    dialog.start_import([packages])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=30000)
    column = ImportResultsModel.COLUMNS.index("message")
    shown = {dialog.model.outcomes()[row].path.name: dialog.model.index(row, column).data()
             for row in range(dialog.model.rowCount())}
    accepted = [o for o in dialog.model.outcomes() if o.outcome == importer.ACCEPTED]
    assert len(accepted) == 3 and str(accepted[0].message).startswith("Diterima: ")  # models' own words
    for outcome in accepted:
        assert_english(shown[outcome.path.name], f"Accepted: {outcome.office_name} year {outcome.year} revision "
                                                 f"{outcome.revision}.")
    assert not INDONESIAN.search(shown["rusak.merit"]), shown["rusak.merit"]


def test_a_refused_answer_from_the_province_is_shown_in_english(qtbot, english, store, office, tmp_path,
                                                                  monkeypatch):
    from ui.verification_view import import_answer_file_with_dialog

    junk = tmp_path / "hasil.meritv"
    junk.write_bytes(b"bukan arsip")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    outcome = import_answer_file_with_dialog(None, store, junk)
    assert not outcome.ok and outcome.message.startswith("hasil.meritv: ")  # models' own words, for the CLI
    assert len(shown) == 1
    assert_english(shown[0], "hasil.meritv: ")
    assert shown[0] != outcome.message


def test_the_planner_words_its_answer_and_headline_in_english(qtbot, english, window):
    from ui.planner_dialog import PlannerDialog

    dialog = PlannerDialog(window.session.model, window)
    qtbot.addWidget(dialog)
    dialog.make_plan()
    dialog._on_sandbox_changed()
    assert_english(dialog.message.text(), "level raises bring the maturity (M)")
    assert_english(dialog.sandbox_label.text(), "Maturity (M)")
    assert str(dialog.plan.message) != dialog.message.text()  # models said it in Indonesian


def test_dates_name_the_month_in_the_window_language(qapp, english):
    from models.texts import Said
    from ui.i18n import date_text
    from ui.model_texts import said_text

    assert date_text(date(2026, 12, 5)) == "5 December 2026"
    label = Said("receipt_label", date=date(2026, 12, 5))
    assert str(label) == "diterima provinsi 5 Desember 2026"  # the CLI and the log: Indonesian
    assert_english(said_text(label), "5 December 2026")
    install_translations(qapp, "id")
    assert date_text(date(2026, 12, 5)) == "5 Desember 2026"
    assert said_text(label) == "diterima provinsi 5 Desember 2026"
