"""The checklist before finalizing, as a whole: what it flags, and just as much what it
must leave alone (the lowest level without evidence, an answer with evidence, an item the
gates switched off), in instrument order, and which flags block."""

from __future__ import annotations

import pytest

from models.tables import Answer
from models.validation import (
    NEEDS_REVIEW,
    NO_EVIDENCE,
    NO_EVIDENCE_EXPLAINED,
    NOT_REVIEWED,
    UNANSWERED,
    ValidationIssue,
    can_finalize,
    validation_issues,
)

NO_INCIDENTS = {"bayar_tpp": "tidak", "kecelakaan_kerja": "tidak", "kematian_pegawai": "tidak"}


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "sk.pdf"
    path.write_bytes(b"%PDF-1.4 SK penetapan")
    return path


def _answer_all(store, assessment, level, gates=None):
    instrument = store.instrument_of(assessment)
    for gate_id, value in (gates or {}).items():
        store.set_gate(assessment, gate_id, value)
    items = [item.id for item in instrument.applicable_items(assessment.gates)]
    for item_id in items:
        store.set_answer(assessment, item_id, level=level)
    return items


def _issues(store, assessment):
    return [(issue.item_id, issue.kind, issue.blocking) for issue in validation_issues(store, assessment)]


def test_everything_at_the_lowest_level_without_evidence_is_not_flagged(store, assessment):
    _answer_all(store, assessment, 0)
    assert validation_issues(store, assessment) == []
    assert can_finalize([])


def test_every_answer_above_the_lowest_with_its_evidence_is_not_flagged(store, assessment, pdf):
    items = _answer_all(store, assessment, 1, NO_INCIDENTS)
    for item_id in items:
        store.add_evidence(assessment, item_id, pdf)
    assert validation_issues(store, assessment) == []


def test_the_first_level_above_the_lowest_needs_evidence_and_only_where_it_is_missing(store, assessment, pdf):
    _answer_all(store, assessment, 0, NO_INCIDENTS)
    store.set_answer(assessment, "A1.2", level=1)
    store.set_answer(assessment, "A2.1", level=4)
    store.add_evidence(assessment, "A2.1", pdf)
    store.add_evidence(assessment, "A3.1", pdf)  # evidence on an item at the lowest level changes nothing
    store.set_answer(assessment, "A5.2", level=2, justification="   ")  # blank text explains nothing
    store.set_answer(assessment, "A8.1", level=3, justification="Arsip di Bagian Umum")
    assert _issues(store, assessment) == [("A1.2", NO_EVIDENCE, True), ("A5.2", NO_EVIDENCE, True),
                                          ("A8.1", NO_EVIDENCE_EXPLAINED, False)]
    issues = validation_issues(store, assessment)
    assert issues[0].message == "1.2 Evaluasi Jabatan: tingkat 1 tanpa bukti dukung dan tanpa penjelasan."
    assert "ada penjelasan" in issues[2].message
    assert not can_finalize(issues)
    assert can_finalize(issues[2:])  # an explained missing evidence alone does not block


def test_removing_the_only_evidence_flags_the_answer_again(store, assessment, pdf):
    _answer_all(store, assessment, 0)
    store.set_answer(assessment, "A1.1", level=3)
    evidence = store.add_evidence(assessment, "A1.1", pdf)
    assert validation_issues(store, assessment) == []
    store.remove_evidence(evidence.id)
    assert _issues(store, assessment) == [("A1.1", NO_EVIDENCE, True)]


def test_items_the_gates_switch_off_are_never_flagged(store, assessment):
    items = _answer_all(store, assessment, 0, NO_INCIDENTS)
    assert "A6.3" not in items
    # An answer kept for the switched-off item (from before the gate changed) is not judged.
    store.set_gate(assessment, "bayar_tpp", "ya")
    store.set_answer(assessment, "A6.3", level=4, needs_review=True)
    store.set_gate(assessment, "bayar_tpp", "tidak")
    assert validation_issues(store, assessment) == []
    store.set_gate(assessment, "bayar_tpp", "ya")
    assert _issues(store, assessment) == [("A6.3", NO_EVIDENCE, True), ("A6.3", NEEDS_REVIEW, True)]
    store.set_gate(assessment, "kecelakaan_kerja", "ya")
    assert ("A6.4b", UNANSWERED, True) in _issues(store, assessment)


def test_unanswered_blank_and_flagged_items_in_instrument_order(store, assessment):
    items = _answer_all(store, assessment, 0, NO_INCIDENTS)
    store.set_answer(assessment, "A2.3", level=None)
    store.set_answer(assessment, "A1.3", needs_review=True, review_note="cek peta jabatan")
    store.set_answer(assessment, "A4.2", needs_review=True)
    Answer.update(carried_unreviewed=True).where(Answer.item_id == "A3.1").execute()
    issues = validation_issues(store, assessment)
    assert [(i.item_id, i.kind, i.blocking) for i in issues] == [
        ("A1.3", NEEDS_REVIEW, True), ("A2.3", UNANSWERED, True), ("A3.1", NOT_REVIEWED, True),
        ("A4.2", NEEDS_REVIEW, True)]
    assert issues[0].message == "1.3 Perencanaan Kebutuhan ASN: ditandai perlu ditinjau: cek peta jabatan."
    assert issues[3].message == "4.2 Pengukuran Kompetensi: ditandai perlu ditinjau."
    assert issues[1].message == "2.3 Pengadaan ASN: belum dijawab."
    assert len(items) > 20


def test_can_finalize_is_blocked_by_any_one_blocking_issue():
    explained = ValidationIssue(NO_EVIDENCE_EXPLAINED, "A1.1", "", False)
    blocking = ValidationIssue(UNANSWERED, "A1.2", "", True)
    assert can_finalize([explained, explained])
    assert not can_finalize([explained, blocking])
    assert not can_finalize([blocking, explained])
