"""The local store: answers with audit, gates, evidence, history, locking."""

from __future__ import annotations

import pytest

from models.evidence import EvidenceTooLarge
from models.settings import EVIDENCE_LIMIT_MB
from models.store import Store, StoreRuleError
from models.tables import Assessment


def test_answer_changes_are_audited(store, assessment):
    store.set_answer(assessment, "A1.1", level=2, who="ani")
    store.set_answer(assessment, "A1.1", level=3, justification="Perbup 12/2025", who="budi")
    trail = store.audit_trail(assessment, "A1.1")
    assert [(e.field, e.old_value, e.new_value, e.who) for e in trail] == [
        ("justification", "", "Perbup 12/2025", "budi"),
        ("level", 2, 3, "budi"),
        ("level", None, 2, "ani"),
    ]
    answer = store.answer(assessment, "A1.1")
    assert answer.level == 3 and answer.updated_by == "budi"


def test_unchanged_value_writes_no_audit(store, assessment):
    store.set_answer(assessment, "A1.1", level=2, who="ani")
    store.set_answer(assessment, "A1.1", level=2, who="ani")
    assert len(store.audit_trail(assessment, "A1.1")) == 1


def test_level_out_of_range_and_unknown_item_are_refused(store, assessment):
    with pytest.raises(StoreRuleError):
        store.set_answer(assessment, "A1.1", level=7)
    with pytest.raises(StoreRuleError):
        store.set_answer(assessment, "X1", level=1)


def test_gate_switches_items_and_keeps_hidden_answers(store, assessment):
    store.set_answer(assessment, "A6.3", level=3)
    store.set_gate(assessment, "bayar_tpp", "tidak", who="ani")
    result = store.score(assessment)
    assert "A6.3" in {n.item_id for n in result.not_applicable}
    with pytest.raises(StoreRuleError):
        store.set_answer(assessment, "A6.3", level=2)
    store.set_gate(assessment, "bayar_tpp", "ya")
    assert store.recorded_levels(assessment)["A6.3"] == 3
    assert "A6.3" not in store.score(assessment).unanswered
    assert store.audit_trail(assessment)[1].field == "gate:bayar_tpp"


def test_score_matches_engine(store, assessment, instrument):
    from models.scoring import score

    for item in instrument.applicable_items(assessment.gates):
        store.set_answer(assessment, item.id, level=3)
    store.set_survey_and_correction(assessment, 0.7, 0.02)
    expected = score(instrument, assessment.gates, {i.id: 3 for i in instrument.applicable_items({})},
                     survey=0.7, correction=0.02)
    assert store.score(assessment).index == expected.index
    assert expected.nism == pytest.approx(0.75 * 0.75 + 0.25 * 0.7 - 0.02)


def test_evidence_is_content_addressed_once(store, assessment, tmp_path):
    first = tmp_path / "sk.pdf"
    first.write_bytes(b"%PDF-1.4 isi sama")
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(b"%PDF-1.4 isi sama")
    a = store.add_evidence(assessment, "A1.1", first, who="ani")
    b = store.add_evidence(assessment, "A1.2", copy, who="ani")
    assert a.sha256 == b.sha256
    blobs = [p for p in (store.data_dir / "evidence").rglob("*") if p.is_file()]
    assert len(blobs) == 1 and blobs[0].read_bytes() == b"%PDF-1.4 isi sama"
    assert a.media_type == "application/pdf" and a.size == 17


def test_evidence_remove_restore_rename(store, assessment, tmp_path):
    source = tmp_path / "anjab.xlsx"
    source.write_bytes(b"data")
    evidence = store.add_evidence(assessment, "A1.1", source)
    store.rename_evidence(evidence.id, "Dokumen Anjab 2025")
    store.remove_evidence(evidence.id)
    assert store.evidence(assessment, "A1.1") == []
    store.restore_evidence(evidence.id)
    [back] = store.evidence(assessment, "A1.1")
    assert back.label == "Dokumen Anjab 2025"
    fields = [e.field for e in store.audit_trail(assessment, "A1.1")]
    assert fields == ["evidence_restored", "evidence_removed", "evidence_label", "evidence_added"]


def test_evidence_over_limit_is_refused_with_a_clear_message(data_dir, tmp_path):
    with Store(data_dir, evidence_limit_bytes=1000) as small:
        assessment = small.create_assessment(small.ensure_office("19.01"), 2026)
        big = tmp_path / "pindaian besar.pdf"
        big.write_bytes(b"x" * 1001)
        with pytest.raises(EvidenceTooLarge, match="pindaian besar.pdf"):
            small.add_evidence(assessment, "A1.1", big)
        assert small.evidence(assessment) == []
        assert not list((data_dir / "evidence").rglob("*.partial"))


def test_locked_assessment_refuses_changes(store, assessment):
    Assessment.update(status=Assessment.FINAL).where(Assessment.id == assessment.id).execute()
    locked = store.assessment(assessment.id)
    with pytest.raises(StoreRuleError, match="difinalisasi"):
        store.set_answer(locked, "A1.1", level=1)


def test_duplicate_year_refused(store, office, assessment):
    with pytest.raises(StoreRuleError):
        store.create_assessment(office, 2026)


def test_legacy_history_recorded_with_category(store, office):
    store.record_legacy_result(office, 2021, 160.5)
    store.record_legacy_result(office, 2022, 212, aspect_scores={"3": 75})
    store.record_legacy_result(office, 2023, 268.5)
    store.record_legacy_result(office, 2023, 330)  # a correction replaces the year
    rows = store.legacy_results(office)
    assert [(r.year, r.nilai, r.category) for r in rows] == [
        (2021, 160.5, "I Buruk"), (2022, 212.0, "II Kurang"), (2023, 330.0, "IV Sangat Baik")]
    assert rows[1].aspect_scores == {"3": 75}
    with pytest.raises(StoreRuleError):
        store.record_legacy_result(office, 2020, 90)


def test_demo_seeds_a_complete_valid_assessment(store):
    from models.demo import seed_demo
    from models.validation import can_finalize, validation_issues

    summary = seed_demo(store)
    assert summary["answered"] == summary["applicable"] == 30
    assessment = store.assessment(summary["assessment_id"])
    assert can_finalize(validation_issues(store, assessment))
    assert summary["evidence_files"] > 20
    assert seed_demo(store) == summary  # running it again changes nothing


def test_validation_lists_blocking_and_explained(store, assessment, tmp_path):
    from models.validation import NEEDS_REVIEW, NO_EVIDENCE, NO_EVIDENCE_EXPLAINED, UNANSWERED, validation_issues

    store.set_answer(assessment, "A1.1", level=3)
    store.set_answer(assessment, "A1.2", level=2, justification="Dokumen di tangan Bagian Organisasi")
    store.set_answer(assessment, "A1.3", level=0, needs_review=True, review_note="cek peta jabatan")
    kinds = {(i.item_id, i.kind, i.blocking) for i in validation_issues(store, assessment)}
    assert ("A1.1", NO_EVIDENCE, True) in kinds
    assert ("A1.2", NO_EVIDENCE_EXPLAINED, False) in kinds
    assert ("A1.3", NEEDS_REVIEW, True) in kinds
    assert ("A2.1", UNANSWERED, True) in kinds


def test_unanswered_item_flagged_for_review_lists_both(store, assessment):
    from models.validation import NEEDS_REVIEW, UNANSWERED, validation_issues

    store.set_answer(assessment, "A2.1", needs_review=True, review_note="tanya Bidang Mutasi")
    kinds = [(i.item_id, i.kind) for i in validation_issues(store, assessment) if i.item_id == "A2.1"]
    assert kinds == [("A2.1", UNANSWERED), ("A2.1", NEEDS_REVIEW)]


def test_a_stale_object_cannot_edit_a_finalized_revision(store, assessment):
    stale = store.assessment(assessment.id)
    Assessment.update(status=Assessment.FINAL).where(Assessment.id == assessment.id).execute()
    with pytest.raises(StoreRuleError, match="difinalisasi"):
        store.set_answer(stale, "A1.1", level=1)
    assert store.answer(assessment, "A1.1") is None


def test_a_damaged_blob_is_repaired_by_adding_the_file_again(store, assessment, tmp_path):
    source = tmp_path / "sk.pdf"
    source.write_bytes(b"%PDF-1.4 isi asli")
    evidence = store.add_evidence(assessment, "A1.1", source)
    blob = store.evidence_path(evidence)
    blob.write_bytes(b"%PDF-1.4 isi rusk")  # same size, one byte off (a failing disk sector)
    store.add_evidence(assessment, "A1.2", source)
    assert blob.read_bytes() == b"%PDF-1.4 isi asli"


def test_the_configured_evidence_limit_holds_after_a_restart(data_dir, tmp_path):
    with Store(data_dir) as first:
        first.set_setting(EVIDENCE_LIMIT_MB, 1)
    with Store(data_dir) as reopened:
        assert reopened.evidence_store.limit_bytes == 1024 * 1024


def test_every_partial_file_is_swept_once_the_folder_is_ours(data_dir):
    import os
    import time

    with Store(data_dir) as first:
        fresh = first.evidence_store.root / ".sedang-disalin.partial"
        old = first.evidence_store.root / ".sisa-crash.partial"
        first.evidence_store.root.mkdir(parents=True, exist_ok=True)
        fresh.write_bytes(b"x")
        old.write_bytes(b"x")
        day_ago = time.time() - 2 * 24 * 3600
        os.utime(old, (day_ago, day_ago))
    with Store(data_dir):
        # No other process can hold the folder (models.lock): fresh or old, it is a leftover.
        assert not fresh.exists() and not old.exists()


def test_an_office_is_made_from_the_official_list_once_and_renamed_only_when_told(store):
    from models.tables import Office

    first = store.ensure_office("19.01")
    assert (first.name, first.province_code, first.province_name) == (
        "Kabupaten Bangka", "19", "Kepulauan Bangka Belitung")
    assert store.ensure_office_id("19.01") == first.id and Office.select().count() == 1
    assert store.ensure_office_id("19.01", "BKPSDM Kabupaten Bangka") == first.id
    assert Office.get_by_id(first.id).name == "BKPSDM Kabupaten Bangka"
    assert store.ensure_office("19.01").name == "BKPSDM Kabupaten Bangka"  # no name: kept as it is
    other = store.ensure_office_id("19.71", "Kota Pangkal Pinang")
    assert other != first.id and Office.get_by_id(other).province_code == "19"
    with pytest.raises(KeyError):
        store.ensure_office_id("99.99")
    assert Office.select().count() == 2
