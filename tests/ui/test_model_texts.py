"""Messages built in models/ reach the English UI in English: the face words them again by
their stable code (ui/model_texts.py); in Indonesian the words are exactly models' own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from models import errors, store, validation
from models.keys import WrongPassphrase
from ui import model_texts
from ui.i18n import install_translations
from ui.messages import user_message


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "id")


def test_the_tables_say_what_models_says_in_indonesian(qapp):
    install_translations(qapp, "id")
    assert model_texts.error_texts() == errors.CATALOGUE
    assert model_texts.rule_texts() == store.RULE_TEXTS
    for code, params in ((store.ASSESSMENT_LOCKED, {"year": 2026, "revision": 2}),
                         (store.ITEM_NOT_APPLICABLE, {"item": "A6.3"}),
                         (store.LEVEL_OUT_OF_RANGE, {"level": 7, "low": 0, "high": 4}),
                         (store.UNKNOWN_ITEM, {"item": "A9.9", "instrument": "esm-2026"})):
        rule = store.StoreRuleError(code=code, **params)
        assert model_texts.rule_text(rule) == str(rule)
    wrong = WrongPassphrase("Kata sandi salah untuk kunci kantor.key. Tidak ada yang diubah; coba lagi.", "kantor.key")
    assert user_message(wrong) == str(wrong)


def test_every_validation_issue_is_worded_like_models_in_indonesian(qapp, final_window):
    from models.demo import DEMO_YEAR
    from models.lifecycle import reopen

    install_translations(qapp, "id")
    data = final_window.store
    draft = reopen(data, data.latest_assessment(data.office(), DEMO_YEAR), "penguji")
    items = data.instrument_of(draft).items
    data.set_answer(draft, items[0].id, level=None, who="penguji")
    data.set_answer(draft, items[1].id, needs_review=True, review_note="cek SK", who="penguji")
    data.set_answer(draft, items[2].id, level=4, justification="", who="penguji")
    issues = validation.validation_issues(data, draft)
    assert {validation.UNANSWERED, validation.NEEDS_REVIEW} <= {issue.kind for issue in issues}
    for issue in issues:
        assert model_texts.issue_text(issue) == issue.message, issue.kind


def test_english_ui_shows_models_messages_in_english(qtbot, english, final_window, monkeypatch):
    # the errors catalogue, through the one place that words errors
    assert user_message(errors.MeritError(errors.DISK_FULL)).startswith("The disk is full")
    busy = errors.MeritError(errors.STORE_BUSY, holder=" (proses 42@pc)")
    assert user_message(busy).startswith("Merit Luring is already open for this folder (proses 42@pc)")
    assert user_message(store.StoreRuleError(code=store.LEVEL_OUT_OF_RANGE, level=7, low=0, high=4)) == \
        "Level 7 is outside the range 0–4."
    wrong = WrongPassphrase("Kata sandi salah untuk kunci kantor.key. Tidak ada yang diubah; coba lagi.", "kantor.key")
    assert user_message(wrong) == "Wrong passphrase for the key kantor.key. Nothing was changed; try again."
    # a refused change on the finalized assessment, through the real window
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    final_window.session.model.set_answer_fields("A1.1", level=1)
    assert shown and shown[-1].startswith("Assessment 2026 revision") and "read-only" in shown[-1]
    # the checklist, in the validation dialog
    from ui.validation_dialog import ValidationDialog

    issue = validation.ValidationIssue(validation.UNANSWERED, "A1.1", "1.1 Analisis Jabatan: belum dijawab.", True,
                                       {"heading": "1.1 Analisis Jabatan"})
    assert model_texts.issue_text(issue) == "1.1 Analisis Jabatan: not answered."
    dialog = ValidationDialog(final_window.session, final_window)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert not any("belum dijawab" in text or "perlu ditinjau" in text for text in texts)
