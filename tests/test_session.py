"""The open assessment without Qt: autosave, pending writes and retry, events, the live score."""

from __future__ import annotations

import errno
import sqlite3

import peewee
import pytest

from models import session as events
from models.session import FAILED, NO_EVIDENCE, NOT_APPLICABLE, SAVED, AssessmentSession
from models.store import Store


@pytest.fixture
def opened(store, assessment):
    return AssessmentSession(store, assessment)


@pytest.fixture
def heard(opened):
    received: list[tuple[str, object]] = []
    opened.subscribe(lambda event, payload: received.append((event, payload)))
    return received


def _fail_next(monkeypatch, method: str):
    original = getattr(Store, method)
    state = {"failures": 1}

    def flaky(self, *args, **kwargs):
        if state["failures"]:
            state["failures"] -= 1
            raise peewee.OperationalError("database or disk is full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, method, flaky)


def test_a_level_is_saved_at_once_and_announced_once(opened, heard, store, assessment):
    assert opened.set_answer_fields("A1.1", level=3) is True
    assert store.answer(assessment, "A1.1").level == 3
    assert [event for event, _ in heard].count(events.ANSWER_CHANGED) == 1
    assert (events.SCORE_CHANGED, opened.score()) in heard
    assert opened.score() == store.score(assessment)


def test_listeners_of_an_answer_already_see_the_new_score(opened):
    seen = []
    opened.subscribe(lambda event, payload: seen.append(opened.score().aspect("A1").answered)
                     if event == events.ANSWER_CHANGED else None)
    opened.set_answer_fields("A1.1", level=2)
    assert seen == [1]


def test_a_failed_write_stays_pending_and_is_saved_by_retry(opened, heard, store, assessment, monkeypatch):
    _fail_next(monkeypatch, "set_answer")
    assert opened.set_answer_fields("A1.2", level=4) is False
    assert opened.state == FAILED and opened.failure_code == "disk_full"
    assert opened.failure_detail.startswith("Disk penuh") and "disk is full" not in opened.failure_detail
    assert opened.is_unsaved("A1.2") and opened.has_pending
    assert store.answer(assessment, "A1.2") is None
    assert "A1.2" not in opened.score().unanswered  # the screen's score counts what was chosen
    assert opened.retry() is True
    assert opened.state == SAVED and not opened.has_pending
    assert store.answer(assessment, "A1.2").level == 4
    assert opened.score() == store.score(assessment)


def test_a_pending_write_is_retried_before_the_next_change(opened, store, assessment, monkeypatch):
    _fail_next(monkeypatch, "set_answer")
    opened.set_answer_fields("A1.1", justification="SK Bupati 2025")
    opened.set_answer_fields("A1.2", level=1)
    assert store.answer(assessment, "A1.1").justification == "SK Bupati 2025"
    assert store.answer(assessment, "A1.2").level == 1


def test_a_gated_out_item_refuses_a_level_and_says_why(opened, heard, store, assessment):
    assert opened.set_gate("bayar_tpp", "tidak") is True
    assert opened.item_state("A6.3") == NOT_APPLICABLE
    assert opened.set_answer_fields("A6.3", level=2) is False
    assert any(event == events.RULE_REJECTED and "A6.3" in payload for event, payload in heard)
    assert store.answer(assessment, "A6.3") is None


def test_an_unknown_level_or_gate_value_is_refused(opened, heard):
    assert opened.set_answer_fields("A1.1", level=9) is False
    assert opened.set_gate("bayar_tpp", "mungkin") is False
    assert opened.set_gate("tidak_ada", "ya") is False
    assert [event for event, _ in heard] == [events.RULE_REJECTED] * 3


def test_a_final_assessment_refuses_changes(store, assessment):
    assessment.status = assessment.FINAL
    assessment.save()
    locked = AssessmentSession(store, assessment)
    assert locked.read_only
    assert locked.set_answer_fields("A1.1", level=2) is False
    assert store.answer(assessment, "A1.1") is None


def test_evidence_changes_the_item_state(opened, heard, tmp_path):
    opened.set_answer_fields("A1.1", level=3)
    assert opened.item_state("A1.1") == NO_EVIDENCE
    source = tmp_path / "sk.pdf"
    source.write_bytes(b"%PDF-1.4 SK")
    evidence = opened.add_evidence("A1.1", source)
    assert evidence is not None and evidence.original_name == "sk.pdf"
    assert opened.item_state("A1.1") == events.ANSWERED
    assert (events.EVIDENCE_CHANGED, "A1.1") in heard
    assert opened.remove_evidence(evidence.id, "A1.1")
    assert opened.item_state("A1.1") == NO_EVIDENCE


def test_unsubscribe_stops_events(opened, heard):
    received = []
    stop = opened.subscribe(lambda event, payload: received.append(event))
    stop()
    opened.set_answer_fields("A1.1", level=1)
    assert received == [] and heard


@pytest.mark.parametrize(("raised", "code", "words"), [
    (sqlite3.OperationalError("database is locked"), "locked", "dipakai oleh proses Merit Luring lain"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read_only", "hanya dapat dibaca"),
    (PermissionError(errno.EACCES, "Permission denied"), "permission", "izin menulis"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full", "Disk penuh"),
])
def test_a_failed_write_is_explained_plainly_by_its_cause(opened, monkeypatch, raised, code, words):
    def failing(*args, **kwargs):
        raise raised

    monkeypatch.setattr(Store, "set_answer", failing)
    opened.set_answer_fields("A1.1", level=1)
    assert opened.failure_code == code and words in opened.failure_detail
    assert str(raised) not in opened.failure_detail
    if code == "locked":
        assert "penuh" not in opened.failure_detail


def test_a_rollback_that_fails_after_a_full_disk_is_shown_as_a_full_disk(opened, monkeypatch):
    def failing(*args, **kwargs):
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904

    monkeypatch.setattr(Store, "set_answer", failing)
    opened.set_answer_fields("A1.1", level=1)
    assert opened.failure_code == "disk_full"
    assert "rollback" not in opened.failure_detail


# --- writing on a writer thread (the GUI's way, issue 17) ------------------------------------


@pytest.fixture
def background(store, assessment):
    """A session writing on its writer thread; the test plays the GUI: it collects the
    results when the writer says so (here: at once, on this thread, after waiting)."""
    opened = AssessmentSession(store, assessment, background=True)
    yield opened
    opened.close()


def test_a_background_write_is_announced_at_once_and_saved_once_durable(background, store, assessment):
    from threading import Event, current_thread

    heard = []
    background.subscribe(lambda event, payload: heard.append((event, payload)))
    release, writer_threads = Event(), []
    original = store.set_answer

    def slow(*args, **kwargs):
        writer_threads.append(current_thread().name)
        release.wait(5)
        return original(*args, **kwargs)

    store.set_answer = slow
    assert background.set_answer_fields("A1.1", level=3)  # on its way: not refused, not failed
    assert background.answer("A1.1").level == 3 and background.state == events.SAVING
    assert (events.ANSWER_CHANGED, "A1.1") in heard and (events.WRITTEN, "A1.1") not in heard
    assert not background.is_unsaved("A1.1") and background.has_pending
    release.set()
    assert background.flush()
    assert writer_threads == ["merit-writer"]
    assert background.state == SAVED and background.last_saved_at is not None
    assert store.answer(assessment, "A1.1").level == 3
    assert heard.count((events.ANSWER_CHANGED, "A1.1")) == 1  # one save, one notification
    assert (events.WRITTEN, "A1.1") in heard


def test_a_failed_background_write_stops_the_queue_and_is_retried_in_order(background, store, assessment,
                                                                           monkeypatch):
    """The writes queued behind a failed one are not run out of order: they wait with it,
    shown as unsaved, and a retry writes them all, in the order they were made."""
    from threading import Event

    release = Event()
    original = Store.set_answer
    written = []
    state = {"failures": 1}

    def flaky(self, assessment_, item_id, **fields):
        release.wait(5)
        if state["failures"]:
            state["failures"] -= 1
            raise sqlite3.OperationalError("database or disk is full")
        written.append((item_id, fields))
        return original(self, assessment_, item_id, **fields)

    monkeypatch.setattr(Store, "set_answer", flaky)
    background.set_answer_fields("A1.1", level=1)
    background.set_answer_fields("A1.2", level=2)
    background.set_answer_fields("A1.3", level=3)
    release.set()
    background._writer.wait()
    background.collect()
    assert background.state == FAILED and background.failure_code == "disk_full"
    assert written == []  # nothing behind the failure ran
    assert all(background.is_unsaved(item) for item in ("A1.1", "A1.2", "A1.3"))
    assert background.answer("A1.2").level == 2  # the screen keeps every answer
    assert background.retry()
    assert [item for item, _ in written] == ["A1.1", "A1.2", "A1.3"]
    assert {item: store.answer(assessment, item).level for item in ("A1.1", "A1.2", "A1.3")} == {
        "A1.1": 1, "A1.2": 2, "A1.3": 3}
    assert background.state == SAVED and not background.has_pending
