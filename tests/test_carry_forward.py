"""Carry forward: last year's answers and evidence start the new year, each to be reviewed."""

from __future__ import annotations

import pytest

from models.carry_forward import confirm_reviewed, start_from_previous, unreviewed_items
from models.demo import seed_demo
from models.lifecycle import FinalizeBlocked, finalize
from models.store import StoreRuleError
from models.tables import Evidence
from models.validation import NOT_REVIEWED, validation_issues


@pytest.fixture
def last_year(store):
    summary = seed_demo(store)
    return store.assessment(summary["assessment_id"])  # 2026, final


def test_new_year_takes_answers_and_relinks_evidence_without_copying(store, last_year):
    blobs_before = sorted(p.name for p in store.evidence_store.root.glob("??/*"))
    summary = start_from_previous(store, last_year.office, 2026, who="penguji")
    new = summary.assessment
    assert (new.year, new.revision, new.status) == (2027, 1, "draft")
    old_levels = {k: v for k, v in store.recorded_levels(last_year).items() if v is not None}
    assert {k: v for k, v in store.recorded_levels(new).items() if v is not None} == old_levels
    assert summary.evidence == len(store.evidence(last_year)) > 0
    assert {e.sha256 for e in store.evidence(new)} == {e.sha256 for e in store.evidence(last_year)}
    assert sorted(p.name for p in store.evidence_store.root.glob("??/*")) == blobs_before
    assert new.survey is None and new.gates == store.instrument_of(new).resolve_gates(last_year.gates)
    assert store.score(new).index == store.score(last_year).index
    assert set(unreviewed_items(store, new)) == set(old_levels)


def test_untouched_items_block_finalizing_until_edited_or_confirmed(store, last_year):
    new = start_from_previous(store, last_year.office, 2026, who="penguji").assessment
    pending = unreviewed_items(store, new)
    issues = [i for i in validation_issues(store, new) if i.kind == NOT_REVIEWED]
    assert {i.item_id for i in issues} == set(pending) and all(i.blocking for i in issues)
    with pytest.raises(FinalizeBlocked):
        finalize(store, new, "penguji")
    edited = pending[0]
    store.set_answer(new, edited, justification="Ditinjau ulang tahun ini.", who="penguji")
    assert edited not in unreviewed_items(store, new)
    assert confirm_reviewed(store, new, pending[1:], who="ketua tim") == len(pending) - 1
    assert unreviewed_items(store, new) == []
    assert finalize(store, new, "penguji", without_survey=True).status == "final"
    kinds = {entry.field for entry in store.audit_trail(new)}
    assert {"carried_forward", "reviewed"} <= kinds


def test_carrying_twice_or_from_a_missing_year_is_refused(store, last_year):
    start_from_previous(store, last_year.office, 2026, who="penguji")
    with pytest.raises(StoreRuleError):
        start_from_previous(store, last_year.office, 2026, who="penguji")
    with pytest.raises(StoreRuleError):
        start_from_previous(store, last_year.office, 2019, who="penguji")


def test_evidence_whose_blob_is_gone_is_counted_not_linked(store, last_year):
    gone = store.evidence(last_year)[0]
    store.evidence_store.path_of(gone.sha256).unlink()
    summary = start_from_previous(store, last_year.office, 2026, who="penguji")
    assert summary.missing_blobs == Evidence.select().where(
        (Evidence.assessment == last_year) & (Evidence.sha256 == gone.sha256)).count()


def test_opening_an_older_database_adds_the_column(data_dir):
    import sqlite3

    from models import db as dbmod
    from models.store import Store

    Store(data_dir).close()
    index = dbmod.MIGRATIONS.index(dbmod._migration_answer_carried_unreviewed)  # noqa: SLF001
    connection = sqlite3.connect(data_dir / dbmod.DB_FILENAME)
    connection.execute("ALTER TABLE answer DROP COLUMN carried_unreviewed")  # the shape before it
    connection.execute(f"PRAGMA user_version = {index}")
    connection.commit()
    connection.close()
    reopened = Store(data_dir)
    try:
        columns = {row[1] for row in reopened.db.execute_sql("PRAGMA table_info(answer)").fetchall()}
        assert "carried_unreviewed" in columns
        assert reopened.pre_migration_backup is not None
    finally:
        reopened.close()


def test_items_the_current_instrument_lacks_are_left_behind(store, office):
    from models.tables import Answer

    last = store.create_assessment(office, 2025)
    store.set_answer(last, "A1.1", level=3, justification="Ada.")
    Answer.create(assessment=last, item_id="A9.9-LAMA", level=2)  # an item an older instrument had
    summary = start_from_previous(store, office, 2025, who="penguji")
    assert summary.skipped_items == ("A9.9-LAMA",)
    assert set(store.recorded_levels(summary.assessment)) == {"A1.1"}
