"""Finalize locks revision N; reopen makes N+1 and keeps N read-only."""

from __future__ import annotations

import pytest

from models.lifecycle import FinalizeBlocked, finalize, reopen
from models.store import StoreRuleError
from models.tables import Assessment


def _complete(store, assessment, instrument):
    for item in instrument.applicable_items(assessment.gates):
        store.set_answer(assessment, item.id, level=instrument.scale_min)


def test_finalize_is_blocked_by_validation_and_changes_nothing(store, assessment):
    store.set_answer(assessment, "A1.1", level=3)
    with pytest.raises(FinalizeBlocked) as blocked:
        finalize(store, assessment, "penguji")
    assert any(issue.item_id == "A1.1" and issue.kind == "no_evidence" for issue in blocked.value.issues)
    assert "1.1 Analisis Jabatan: tingkat 3" in str(blocked.value) and "belum dapat difinalisasi" in str(blocked.value)
    assert all(issue.blocking for issue in blocked.value.issues)
    assert store.assessment(assessment.id).status == Assessment.DRAFT


def test_finalize_locks_and_reopen_copies_into_a_new_revision(store, assessment, instrument, tmp_path):
    _complete(store, assessment, instrument)
    evidence_file = tmp_path / "sk.pdf"
    evidence_file.write_bytes(b"%PDF-1.4 contoh")
    store.set_answer(assessment, "A1.1", level=3, justification="SK ada")
    store.add_evidence(assessment, "A1.1", evidence_file, who="penguji")
    store.set_survey_and_correction(assessment, 0.7, 0.01)
    final = finalize(store, assessment, "kepala")
    assert final.status == Assessment.FINAL and final.finalized_at is not None
    assert any(e.field == "status" and e.who == "kepala" for e in store.audit_trail(final))
    with pytest.raises(StoreRuleError):
        store.set_answer(final, "A1.2", level=2)
    with pytest.raises(StoreRuleError, match="sudah final"):
        finalize(store, final, "kepala")

    second = reopen(store, final, "operator")
    assert (second.revision, second.status) == (2, Assessment.DRAFT)
    assert second.gates == final.gates and (second.survey, second.correction) == (0.7, 0.01)
    assert {a.item_id: a.level for a in second.answers} == {a.item_id: a.level for a in final.answers}
    assert [(e.item_id, e.sha256) for e in store.evidence(second)] == \
        [(e.item_id, e.sha256) for e in store.evidence(final)]
    assert store.score(second).index == store.score(final).index

    store.set_answer(second, "A1.2", level=1)
    assert store.answer(final, "A1.2").level == instrument.scale_min  # revision 1 untouched
    assert store.assessment(final.id).status == Assessment.FINAL
    assert store.latest_assessment(final.office, final.year).id == second.id
    with pytest.raises(StoreRuleError, match="Revisi 2 sudah dibuka"):
        reopen(store, final, "operator")
    with pytest.raises(StoreRuleError, match="belum final"):
        reopen(store, second, "operator")


def test_finalize_without_survey_needs_confirmation_and_is_audited(store, assessment, instrument):
    from models.lifecycle import SurveyMissing

    _complete(store, assessment, instrument)
    with pytest.raises(SurveyMissing, match="nilai survei kepegawaian S belum diisi"):
        finalize(store, assessment, "kepala")
    assert store.assessment(assessment.id).status == Assessment.DRAFT
    final = finalize(store, assessment, "kepala", without_survey=True)
    assert final.status == Assessment.FINAL
    confirmed = [e for e in store.audit_trail(final) if e.field == "finalized_without_survey"]
    assert len(confirmed) == 1 and confirmed[0].who == "kepala"

