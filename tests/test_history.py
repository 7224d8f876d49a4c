"""Silent damage detected: the audit log's hash chain, checked against the answers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from models import db as dbmod
from models import history
from models.history import HistoryMismatchError, check_history, confirm_history, require_consistent_history
from models.lifecycle import reopen
from models.store import Store
from tests.conftest import REPO


def _fill(store, assessment):
    store.set_answer(assessment, "A1.1", level=3, justification="SK Bupati nomor 12 tahun 2025")
    store.set_answer(assessment, "A1.2", level=2, justification="Rencana kebutuhan ASN")
    store.set_gate(assessment, assessment_gate(store, assessment), "ya")


def assessment_gate(store, assessment):
    return next(g.id for g in store.instrument_of(assessment).gates if "ya" in g.values)


def test_a_store_filled_through_its_methods_agrees_with_its_history(store, assessment):
    _fill(store, assessment)
    store.set_survey_and_correction(assessment, 0.6, 0.05)
    assert check_history(store) == []
    assert history.head_path(store.data_dir).exists()


def test_every_entry_carries_the_hash_of_the_one_before(store, assessment):
    _fill(store, assessment)
    entries = sorted(store.audit_trail(assessment), key=lambda e: e.id)
    assert entries[0].prev_hash == "" and all(e.entry_hash and e.state_hash for e in entries)
    assert [e.prev_hash for e in entries[1:]] == [e.entry_hash for e in entries[:-1]]


def _flip_a_justification_byte(data_dir) -> None:
    with Store(data_dir) as store:
        assessment = store.create_assessment(store.ensure_office("19.01"), 2026)
        _fill(store, assessment)
    path = data_dir / dbmod.DB_FILENAME
    data = bytearray(path.read_bytes())
    at = data.find(b"SK Bupati nomor 12")
    assert at > 0
    data[at + 3] ^= 0x01  # "SK Bupati" -> "SK Cupati": a valid record, a different answer
    path.write_bytes(bytes(data))


def test_a_flipped_byte_in_an_answer_is_named(data_dir):
    _flip_a_justification_byte(data_dir)
    with Store(data_dir) as store:
        mismatches = check_history(store)
        assert [m.item_id for m in mismatches] == ["A1.1"]
        assert "penjelasan tidak sesuai riwayat" in mismatches[0].label
        with pytest.raises(HistoryMismatchError, match="Data tidak sesuai riwayat: butir A1.1"):
            require_consistent_history(store)


def test_a_changed_log_entry_breaks_the_chain_and_is_named(store, assessment):
    _fill(store, assessment)
    store.db.execute_sql("UPDATE auditentry SET who = 'orang lain' WHERE item_id = 'A1.2'")
    assert {m.item_id for m in check_history(store)} == {"A1.2"}


WRITER = r"""
import sys
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]))
assessment = store.assessments()[0]
store.set_answer(assessment, "A2.1", level=4, justification="ditulis lalu WAL hilang")
print("saved", flush=True)
import time; time.sleep(60)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_deleted_wal_shows_as_data_not_matching_history(data_dir):
    with Store(data_dir) as store:
        _fill(store, store.create_assessment(store.ensure_office("19.01"), 2026))
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)
    child.wait()
    (data_dir / "merit.sqlite-wal").unlink()
    (data_dir / "merit.sqlite-shm").unlink(missing_ok=True)
    with Store(data_dir) as store:
        mismatches = check_history(store)
        assert [m.item_id for m in mismatches] == ["A2.1"]
        assert "-wal hilang" in mismatches[0].label


def test_export_is_refused_until_the_present_data_is_confirmed(store, assessment):
    from models.package.format import PackageError
    from models.package.write import prepare_export

    _fill(store, assessment)
    store.db.execute_sql("UPDATE answer SET level = 4 WHERE item_id = 'A1.2'")  # silent change
    store.db.execute_sql("UPDATE assessment SET status = 'final'")
    with pytest.raises(PackageError, match="Data tidak sesuai riwayat: butir A1.2"):
        prepare_export(store, store.assessment(assessment.id), b"")
    assert confirm_history(store, "operator") >= 1
    assert check_history(store) == []
    confirmed = [e for e in store.audit_trail(assessment, "A1.2") if e.field == "history_confirmed"]
    assert len(confirmed) == 1 and confirmed[0].who == "operator"


def test_a_reopened_revision_is_checked_against_the_one_it_copies(store, assessment):
    from models.tables import Assessment

    _fill(store, assessment)
    Assessment.update(status=Assessment.FINAL).where(Assessment.id == assessment.id).execute()
    store._audit(assessment, None, "status", "draft", "final", "uji")  # noqa: SLF001
    revision = reopen(store, store.assessment(assessment.id), "uji")
    store.set_answer(revision, "A1.2", level=1)
    assert check_history(store) == []
    store.db.execute_sql("UPDATE answer SET justification = 'x' WHERE item_id = 'A1.1' AND assessment_id = ?",
                         (revision.id,))
    assert [(m.assessment_id, m.item_id) for m in check_history(store)] == [(revision.id, "A1.1")]


def test_existing_stores_get_the_chain_computed_at_migration(data_dir):
    with Store(data_dir) as store:
        _fill(store, store.create_assessment(store.ensure_office("19.01"), 2026))
    connection = sqlite3.connect(data_dir / dbmod.DB_FILENAME)
    connection.execute("UPDATE auditentry SET prev_hash = NULL, state_hash = NULL, entry_hash = NULL")
    connection.execute("PRAGMA user_version = 2")  # as left by the version before the chain
    connection.commit()
    connection.close()
    history.head_path(data_dir).unlink()
    with Store(data_dir) as store:
        assert store.pre_migration_backup is not None
        assert check_history(store) == []
        assert all(entry.entry_hash for entry in store.audit_trail(store.assessments()[0]))


def test_restoring_a_backup_starts_the_head_again(data_dir):
    with Store(data_dir) as store:
        assessment = store.create_assessment(store.ensure_office("19.01"), 2026)
        store.backup()
        _fill(store, assessment)
    (data_dir / dbmod.DB_FILENAME).write_bytes(b"rusak" * 1000)
    dbmod.restore_backup(data_dir, dbmod.newest_good_backup(data_dir))
    with Store(data_dir) as store:
        assert check_history(store) == []


def test_an_entry_rolled_back_with_its_savepoint_is_not_taken_for_the_head(store, assessment):
    from models.tables import AuditEntry

    with store.transaction():
        store.set_answer(assessment, "A1.1", level=2)
        try:
            with store.db.atomic():  # a savepoint, as the importer uses per package
                AuditEntry.create(assessment=assessment, item_id="A1.2", field="level", old_value=None, new_value=3)
                raise RuntimeError("paket ditolak")
        except RuntimeError:
            pass
    assert check_history(store) == []


def test_a_mismatch_is_worded_in_the_window_language(data_dir, qapp):
    """The names of the item, the revision and the differing fields are data of the sentence,
    so the English window words all of it (issue 12, item 10)."""
    from ui.history_dialog import HistoryMismatchDialog
    from ui.i18n import install_translations
    from ui.model_texts import model_text

    _flip_a_justification_byte(data_dir)
    with Store(data_dir) as store:
        mismatches = check_history(store)
        with pytest.raises(HistoryMismatchError) as refused:
            require_consistent_history(store)
    assert str(mismatches[0].label) == "butir A1.1 (penilaian 2026 revisi 1): penjelasan tidak sesuai riwayat"
    install_translations(qapp, "en")
    try:
        dialog = HistoryMismatchDialog(mismatches, data_dir)
        assert "item A1.1 (assessment 2026 revision 1): justification does not match the history" in (
            dialog.informativeText() + dialog.text() + dialog.detailedText())
        assert "item A1.1 (assessment 2026 revision 1)" in model_text(refused.value)
        assert "butir" not in model_text(refused.value)
    finally:
        install_translations(qapp, "id")
