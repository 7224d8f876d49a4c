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
    UNCONFIRMED_GATE,
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


def test_an_unconfirmed_gate_blocks_on_the_item_it_switches_or_its_aspect(store, office):
    """Gates start unconfirmed in the window: each is flagged, blocking, on the item it switches
    (the first one), or the first item of its aspect when it switches none; the question and
    the default it counts at meanwhile are what the sentence is made of."""
    assessment = store.create_assessment(office, 2026, who="penguji", confirm_default_gates=False)
    _answer_all(store, assessment, 0)
    instrument = store.instrument_of(assessment)
    issues = [issue for issue in validation_issues(store, assessment) if issue.kind == UNCONFIRMED_GATE]
    assert [(issue.item_id, issue.blocking) for issue in issues] == [
        ("A4.1-KLP", True), ("A6.3", True), ("A6.4b", True), ("A6.4c", True)]
    gate = next(gate for gate in instrument.gates if gate.id == "jenis_instansi")
    assert issues[0].params == {"question": gate.question, "default": "Pemerintah Kabupaten/Kota"}
    assert gate.question in issues[0].message and "Pemerintah Kabupaten/Kota" in issues[0].message
    assert not can_finalize(issues)
    store.set_gate(assessment, "jenis_instansi", "kabkota")  # confirmed: that one goes
    assert [issue.item_id for issue in validation_issues(store, assessment) if issue.kind == UNCONFIRMED_GATE] == [
        "A6.3", "A6.4b", "A6.4c"]


def test_a_gate_switching_no_item_is_flagged_on_its_aspect(store, office, monkeypatch):
    assessment = store.create_assessment(office, 2026, who="penguji", confirm_default_gates=False)
    _answer_all(store, assessment, 0)
    instrument = store.instrument_of(assessment)
    gate = next(gate for gate in instrument.gates if gate.id == "bayar_tpp")
    lone = type(gate)(**{**gate.__dict__, "id": "gerbang_tanpa_butir"})  # switches no item
    monkeypatch.setattr("models.validation.unconfirmed_gates", lambda instrument, gates: [lone])
    [issue] = [issue for issue in validation_issues(store, assessment) if issue.kind == UNCONFIRMED_GATE]
    first_of_aspect = next(item for item in instrument.items if item.aspect_id == gate.aspect_id)
    assert (issue.item_id, issue.blocking) == (first_of_aspect.id, True)


def test_each_issue_keeps_what_its_sentence_is_made_of(store, assessment):
    """A face words an issue in its own language from ``kind`` and ``params``."""
    _answer_all(store, assessment, 0, NO_INCIDENTS)
    store.set_answer(assessment, "A8.1", level=3, justification="Arsip di Bagian Umum")
    store.set_answer(assessment, "A2.3", level=None)
    Answer.update(carried_unreviewed=True).where(Answer.item_id == "A3.1").execute()
    instrument = store.instrument_of(assessment)
    heading = {item.id: item.heading for item in instrument.items}
    params = {(issue.item_id, issue.kind): issue.params for issue in validation_issues(store, assessment)}
    assert params[("A8.1", NO_EVIDENCE_EXPLAINED)] == {"heading": heading["A8.1"], "level": 3}
    assert params[("A2.3", UNANSWERED)] == {"heading": heading["A2.3"]}
    assert params[("A3.1", NOT_REVIEWED)] == {"heading": heading["A3.1"]}
