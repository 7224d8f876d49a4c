"""Issue 15 end to end: the office exports, the province imports and reviews (levels changed
with notes, k), signs a verification result and a receipt, the office imports both; and each
file the office must refuse, refused with its own reason code.

Two data folders (office and province) made by the demo code; only files cross.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli import run
from models import demo, importer, keys, lifecycle, province, review, verification
from models.export_record import exported_packages
from models.package.answer_file import AnswerFileRejected, answer_bytes, read_answer_file
from models.package.write import export_package
from models.review_tables import ReviewItem
from models.scoring import score_recorded
from models.store import Store
from models.tables import AuditEntry

YEAR = demo.DEMO_YEAR


@dataclass
class Loop:
    office_dir: Path
    province_dir: Path
    package: Path


def export_from_office(office_dir: Path, out: Path) -> Path:
    with Store(office_dir) as store:
        assessment = store.latest_assessment(store.office(), YEAR)
        private_key = keys.load_private_key(keys.office_key_path(office_dir), demo.DEMO_OFFICE_PASSPHRASE)
        return export_package(store, assessment, out, private_key,
                              keys.office_certificate_path(office_dir).read_bytes())


@pytest.fixture
def loop(tmp_path) -> Loop:
    office_dir, province_dir = tmp_path / "kantor", tmp_path / "provinsi"
    with Store(office_dir) as store:
        demo.seed_demo(store)
    package = export_from_office(office_dir, tmp_path / "paket.merit")
    with Store(province_dir) as store:
        demo.seed_demo_province(store, office_dir)
        outcomes = importer.Importer(store).import_paths([package])
        assert [o.outcome for o in outcomes] == [importer.ACCEPTED]
    return Loop(office_dir, province_dir, package)


def province_key(store: Store):
    return province.unlock(store, demo.DEMO_PROVINCE_PASSPHRASE)


def received_assessment(store: Store):
    return province.received_packages(store)[0].assessment


CHANGES = {0: (1, "SK analisis jabatan belum ditetapkan"), 4: (0, "Tidak ada bukti pelaksanaan"),
           9: (4, "Bukti lengkap, lebih dari yang diklaim")}


def review_fully(store: Store) -> tuple[review.ReviewSession, dict[str, int]]:
    """Three levels changed with notes, k with its reason, the rest accepted."""
    session = review.ReviewSession(store, received_assessment(store))
    changed = {}
    for position, (level, note) in CHANGES.items():
        item_id = session.items[position]
        assert session.self_levels[item_id] != level
        session.set_item(item_id, level, note)
        changed[item_id] = level
    session.set_correction(0.05, "Pelanggaran netralitas ASN ditemukan")
    session.accept_remaining()
    return session, changed


def write_result(loop: Loop, tmp_path: Path) -> Path:
    with Store(loop.province_dir) as store:
        review_fully(store)
        return review.export_result(store, received_assessment(store), province_key(store), tmp_path / "hasil")


# --- the loop ----------------------------------------------------------------------------------

def test_office_exports_province_reviews_office_sees_both_indices_and_receipt(loop, tmp_path):
    with Store(loop.province_dir) as store:
        session, changed = review_fully(store)
        assessment = received_assessment(store)
        self_index = session.self_score().index
        verified_levels = {**session.self_levels, **changed}
        expected_verified = score_recorded(session.instrument, assessment.gates, verified_levels,
                                           survey=assessment.survey, correction=0.05)
        assert session.verified_score().index == expected_verified.index
        assert session.verified_score().index < self_index  # two drops outweigh one raise
        summary = review.review_summary(store, assessment)
        assert summary.progress_text == f"{len(session.items)}/{len(session.items)} butir ditinjau"
        assert summary.verified_index == expected_verified.index
        assert {item for item, _ in summary.largest_gaps} == set(changed)
        result_file = review.export_result(store, assessment, province_key(store), tmp_path / "hasil")
        receipt_file = review.issue_receipt(store, review.received_for_file(loop.package), province_key(store),
                                            tmp_path / "terima")
    assert result_file.suffix == ".meritv" and receipt_file.suffix == ".meritr"

    with Store(loop.office_dir) as store:
        outcome = verification.import_answer_file(store, result_file)
        assert outcome.ok, outcome.message
        assert verification.import_answer_file(store, receipt_file).ok
        assessment = store.latest_assessment(store.office(), YEAR)
        at_hand = verification.result_at_hand(assessment)
        assert at_hand.row.self_index == store.score(assessment).index == self_index
        assert at_hand.row.verified_index == expected_verified.index
        assert at_hand.row.k == 0.05 and at_hand.row.k_reason == "Pelanggaran netralitas ASN ditemukan"
        assert at_hand.row.reviewer == demo.DEMO_VERIFIER
        first = session.items[0]
        line = at_hand.item(first).line()
        assert "tingkat 1" in line and f"mandiri {session.self_levels[first]}" in line
        assert CHANGES[0][1] in line
        assert at_hand.item(session.items[1]).line().endswith("diterima")
        assert "perkiraan predikat" in at_hand.verified_statement  # no S: the estimate wording
        # the office's own answers are untouched: the result sits beside them
        assert store.answers(assessment)[first].level == session.self_levels[first]
        assert verification.receipt_label(assessment).startswith("diterima provinsi ")
        # importing the same file again changes nothing
        again = verification.import_answer_file(store, result_file)
        assert again.ok and again.already


def test_reopened_revision_and_next_year_have_the_notes_at_hand(loop, tmp_path):
    result_file = write_result(loop, tmp_path)
    with Store(loop.office_dir) as store:
        assert verification.import_answer_file(store, result_file).ok
        assessment = store.latest_assessment(store.office(), YEAR)
        reopened = lifecycle.reopen(store, assessment, "Operator")
        at_hand = verification.result_at_hand(reopened)
        assert at_hand is not None and at_hand.revision == 1
        first = at_hand.row.items[0]["item_id"]
        assert store.answers(reopened)[first].level == store.answers(assessment)[first].level  # own answers
        assert at_hand.item(first).note == CHANGES[0][1]
        later = store.create_assessment(store.office(), YEAR + 1, who="Operator")
        assert verification.result_at_hand(later).row.id == at_hand.row.id


def test_review_is_saved_as_it_goes_and_resumes(loop):
    with Store(loop.province_dir) as store:
        session = review.ReviewSession(store, received_assessment(store))
        item_id = session.items[2]
        session.set_item(item_id, 0, "Dokumen tidak ditemukan")
        session.set_correction(0.1, "Pelanggaran disiplin")
    with Store(loop.province_dir) as store:
        resumed = review.ReviewSession(store, received_assessment(store))
        assert resumed.item(item_id).verified_level == 0
        assert resumed.item(item_id).note == "Dokumen tidak ditemukan"
        assert (resumed.k, resumed.k_reason) == (0.1, "Pelanggaran disiplin")
        assert resumed.progress() == (1, len(resumed.items))
        fields = [e.field for e in AuditEntry.select().where(AuditEntry.assessment == resumed.assessment)]
        assert fields.count(review.REVIEW_LEVEL_FIELD) == 1 and fields.count(review.REVIEW_CORRECTION_FIELD) == 1


def test_a_different_level_needs_a_note_and_k_needs_a_reason(loop):
    with Store(loop.province_dir) as store:
        session = review.ReviewSession(store, received_assessment(store))
        item_id = session.items[0]
        other = 0 if session.self_levels[item_id] else 1
        with pytest.raises(review.ReviewError, match="catatan"):
            session.set_item(item_id, other, "  ")
        with pytest.raises(review.ReviewError, match="rentang"):
            session.set_item(item_id, 9, "x")
        with pytest.raises(review.ReviewError, match="alasan"):
            session.set_correction(0.2, "")
        session.accept(item_id)  # the same level needs no note
        assert ReviewItem.select().count() == 1


def test_the_result_is_refused_until_every_item_is_reviewed(loop, tmp_path):
    with Store(loop.province_dir) as store:
        session = review.ReviewSession(store, received_assessment(store))
        session.accept(session.items[0])
        with pytest.raises(review.ReviewError, match=f"1/{len(session.items)} butir ditinjau"):
            review.export_result(store, session.assessment, province_key(store), tmp_path / "hasil")
        assert not list(tmp_path.glob("hasil*"))


def test_export_records_the_package_id_and_file_hash(loop):
    import hashlib

    [entry] = exported_packages(loop.office_dir)
    assert entry.sha256 == hashlib.sha256(loop.package.read_bytes()).hexdigest()
    assert entry.size == loop.package.stat().st_size
    manifest = json.loads(__import__("zipfile").ZipFile(loop.package).read("manifest.json"))
    assert entry.package_id == manifest["package_id"] and (entry.year, entry.revision) == (YEAR, 1)


# --- what the office refuses -----------------------------------------------------------------

def resigned(loop: Loop, tmp_path: Path, change, private_key=None) -> Path:
    """A result built by the province's code, changed by ``change``, signed again (by the
    province key unless ``private_key``): a well-signed file that says something else."""
    with Store(loop.province_dir) as store:
        session, _ = review_fully(store)
        manifest = review.result_manifest(session, province.public_key(store), "Verifikator")
        change(manifest)
        key = private_key or province_key(store)
    path = tmp_path / "diubah.meritv"
    path.write_bytes(answer_bytes(manifest, key))
    return path


def office_import(loop: Loop, path: Path):
    with Store(loop.office_dir) as store:
        return verification.import_answer_file(store, path)


def test_a_result_for_another_office_is_refused(loop, tmp_path):
    path = resigned(loop, tmp_path, lambda m: m["package"].update(office_code="19.02"))
    assert office_import(loop, path).reason == "other_office"


def test_a_result_for_an_older_revision_is_refused(loop, tmp_path):
    result_file = write_result(loop, tmp_path)
    with Store(loop.office_dir) as store:
        assessment = store.latest_assessment(store.office(), YEAR)
        revision_2 = lifecycle.finalize(store, lifecycle.reopen(store, assessment, "Operator"), "Operator",
                                        without_survey=True)
        assert revision_2.revision == 2
    export_from_office(loop.office_dir, tmp_path / "paket-r2.merit")
    outcome = office_import(loop, result_file)
    assert (outcome.ok, outcome.reason) == (False, "older_revision")


def test_a_result_signed_by_another_province_is_refused(loop, tmp_path):
    path = resigned(loop, tmp_path, lambda m: None, private_key=keys.generate_private_key())
    assert office_import(loop, path).reason == "untrusted_signer"


def test_a_tampered_result_is_refused(loop, tmp_path):
    result_file = write_result(loop, tmp_path)
    data = bytearray(result_file.read_bytes())
    at = data.index(b'"verified_level": 1')
    data[at + len(b'"verified_level": ')] = ord("3")
    result_file.write_bytes(bytes(data))
    assert office_import(loop, result_file).reason == "bad_signature"


def test_a_result_for_a_package_not_exported_here_is_refused(loop, tmp_path):
    unknown = resigned(loop, tmp_path, lambda m: m["package"].update(package_id="00000000-0000-0000-0000-0000000000"))
    assert office_import(loop, unknown).reason == "unknown_package"
    other_file = resigned(loop, tmp_path, lambda m: m["package"].update(sha256="0" * 64))
    assert office_import(loop, other_file).reason == "package_hash_mismatch"


def test_a_result_whose_verified_index_does_not_recompute_is_refused(loop, tmp_path):
    path = resigned(loop, tmp_path, lambda m: m["verified"].update(index=0.99))
    assert office_import(loop, path).reason == "score_mismatch"


def test_a_package_is_not_a_result(loop):
    with pytest.raises(AnswerFileRejected) as caught:
        read_answer_file(loop.package, keys.load_trusted_keys(loop.office_dir))
    assert caught.value.reason == "unlisted_file"  # certificate and evidence are not in a result's layout


# --- the command line, as the README shows it -------------------------------------------------

def test_the_readme_loop_through_the_verbs(tmp_path, capsys, monkeypatch):
    office, prov = tmp_path / "O", tmp_path / "P"
    package, result, receipt = tmp_path / "paket.merit", tmp_path / "hasil.meritv", tmp_path / "terima.meritr"

    def verb(*argv, passphrase=demo.DEMO_PROVINCE_PASSPHRASE) -> int:
        monkeypatch.setenv("MERIT_LURING_PASSPHRASE", passphrase)
        return run([str(a) for a in argv])

    assert verb("demo", "--data-dir", office) == 0
    assert verb("--data-dir", office, "export", "--year", YEAR, "--out", package,
                passphrase=demo.DEMO_OFFICE_PASSPHRASE) == 0
    assert verb("demo", "--province", "--data-dir", prov, "--from", office) == 0
    assert verb("--data-dir", prov, "import", package) == 0
    target = ("--data-dir", prov, "--office", demo.DEMO_OFFICE_CODE, "--year", YEAR)
    assert verb("review", "set", *target, "--item", "A1.1", "--level", 0) == 1  # no note: refused
    assert verb("review", "set", *target, "--item", "A1.1", "--level", 0, "--note", "Belum ada SK") == 0
    assert verb("review", "k", *target, "--k", 0.02, "--reason", "Pelanggaran") == 0
    assert verb("review", "export", *target, "--out", result) == 1  # not finished
    assert verb("review", "accept", *target, "--all-remaining") == 0
    capsys.readouterr()
    assert verb("review", "export", *target, "--out", result, "--json") == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["reviewed"] == exported["total"] and exported["verified_index"] < exported["self_index"]
    assert verb("receipt", package, "--data-dir", prov, "--out", receipt) == 0
    capsys.readouterr()
    assert verb("import-result", result, "--data-dir", office, "--json") == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "result"
    assert verb("import-result", receipt, "--data-dir", office) == 0
    assert verb("import-result", receipt, "--data-dir", prov) == 1  # the province is no office


# --- the province's view ----------------------------------------------------------------------

def test_consolidation_shows_both_indices_progress_and_the_largest_gap(loop, tmp_path):
    from openpyxl import load_workbook

    from models import consolidate

    with Store(loop.province_dir) as store:
        before = next(r for r in consolidate.consolidate(store, YEAR).rows if r.code == demo.DEMO_OFFICE_CODE)
        assert (before.verified_index, before.reviewed, before.review_progress) == (
            None, 0, f"0/{before.applicable} butir ditinjau")
        session, _ = review_fully(store)
        result = consolidate.consolidate(store, YEAR)
        row = next(r for r in result.rows if r.code == demo.DEMO_OFFICE_CODE)
        assert row.index == session.self_score().index
        assert row.verified_index == session.verified_score().index
        assert row.verification_gap == round(row.verified_index - row.index, 6) < 0
        assert row.review_progress == f"{row.applicable}/{row.applicable} butir ditinjau"
        assert consolidate.largest_gap_codes(result) == {demo.DEMO_OFFICE_CODE}
        target = consolidate.write_xlsx(result, tmp_path / "konsolidasi.xlsx")
    sheet = load_workbook(target).active
    headers = [cell.value for cell in sheet[1]]
    excel_row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == demo.DEMO_OFFICE_CODE)
    verified = excel_row[headers.index("Indeks hasil verifikasi")]
    gap = excel_row[headers.index("Selisih verifikasi − mandiri")]
    assert verified.value == pytest.approx(row.verified_index)
    assert gap.value == pytest.approx(row.verification_gap) and gap.fill.fgColor.rgb.endswith("F4B183")
    assert excel_row[headers.index("Butir ditinjau")].value == f"{row.applicable}/{row.applicable}"


def test_every_answer_file_and_matching_reason_is_in_the_format_section():
    import re

    from models.package.answer_file import ANSWER_REASONS
    from models.verification import MATCH_REASONS
    from tests.conftest import REPO

    text = (REPO / "docs" / "package-format.md").read_text("utf-8")
    section = text[text.index("## 13."):]
    documented = set(re.findall(r"`([a-z0-9_]+)`", section))
    assert set(ANSWER_REASONS) | set(MATCH_REASONS) <= documented


def test_a_failed_write_leaves_the_review_as_it_was(loop, monkeypatch):
    import sqlite3

    with Store(loop.province_dir) as store:
        session = review.ReviewSession(store, received_assessment(store))
        item_id = session.items[0]
        session.accept(item_id)
        own = session.self_levels[item_id]

        def full_disk(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(AuditEntry, "create", full_disk)
        with pytest.raises(sqlite3.OperationalError):
            session.set_item(item_id, 0 if own else 1, "Bukti tidak ada")
        with pytest.raises(sqlite3.OperationalError):
            session.set_correction(0.1, "Pelanggaran")
        assert (session.item(item_id).verified_level, session.item(item_id).note) == (own, "")
        assert session.k is None
        monkeypatch.undo()
        resumed = review.ReviewSession(store, received_assessment(store))
        assert resumed.item(item_id).verified_level == own and resumed.correction_row is None
