"""An open assessment: what is on screen (or on the command line), its autosave and live score.

:class:`AssessmentSession` keeps the item states (levels, texts, flags), the gates, S and k
in memory and writes every change to :class:`models.store.Store` at once: there is no Save
button. The writes go through one :class:`models.write_queue.WriteQueue`, in order: on the
caller's thread (the default: the CLI's process ends only after its write is durable) or,
with ``background=True`` (the GUI), on a writer thread of their own, so the window never
waits for SQLite's fsync. Then the session changes its memory and tells its listeners at
once, ``state`` is SAVING until the write is durable (``WRITTEN`` names the item written,
``SAVE_STATE_CHANGED`` the state), and :meth:`flush` waits for the disk: anything that reads
the store (undo, finalize, export, close, another assessment) flushes first. When a write
fails (disk full, read-only file, locked database) the value stays in memory, the item is
marked unsaved, the failure is reported (``SAVE_STATE_CHANGED``) and the write is tried
again, in order, with the next change or on :meth:`retry`. The live score comes from the
same in-memory levels through :func:`models.scoring.score_recorded`, so it never lags
behind the screen and equals ``store.score`` whenever nothing is pending.

The session knows nothing of Qt: it reports changes to plain listeners
(``subscribe(listener)``, ``listener(event, payload)``). The GUI wraps it in a QObject that
turns the events into signals (``ui/session_adapter.py``); the CLI verbs use it directly.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import peewee

from models.errors import classify
from models.events import EventSource
from models.evidence import StoredBlob
from models.instrument import Instrument
from models.scoring import ScoreResult, score_recorded
from models.settings import OPERATOR_NAME
from models.store import (
    ASSESSMENT_LOCKED,
    ITEM_NOT_APPLICABLE,
    LEVEL_OUT_OF_RANGE,
    UNKNOWN_ITEM,
    Store,
    StoreRuleError,
)
from models.tables import Assessment, Evidence
from models.write_queue import WriteQueue

log = logging.getLogger("merit.session")

# What a failed write looks like: SQLite full/read-only/locked, or the OS refusing.
WRITE_ERRORS = (peewee.PeeweeException, sqlite3.Error, OSError)

SAVED = "saved"
SAVING = "saving"  # written in memory and on its way to the disk (background writes)
FAILED = "failed"

# Item states (the navigator's colours, the CLI's listing).
EMPTY = "empty"
ANSWERED = "answered"
NO_EVIDENCE = "no_evidence"
FLAGGED = "flagged"
NOT_APPLICABLE = "not_applicable"

ANSWER_FIELDS = ("level", "justification", "needs_review", "review_note")

# Events, each with its payload.
ANSWER_CHANGED = "answer_changed"  # item id: its fields or state changed
GATES_CHANGED = "gates_changed"  # None
EVIDENCE_CHANGED = "evidence_changed"  # item id
PROPERTIES_CHANGED = "properties_changed"  # None: S or k
SCORE_CHANGED = "score_changed"  # ScoreResult
SAVE_STATE_CHANGED = "save_state_changed"  # None: see ``state``, ``failure_detail``
RULE_REJECTED = "rule_rejected"  # message for the user: a change the rules forbid
WRITTEN = "written"  # item id, or None (assessment-wide): a write reached the disk



@dataclass(frozen=True)
class AnswerState:
    """The fields of one item's answer as the session holds them."""

    level: int | None = None
    justification: str = ""
    needs_review: bool = False
    review_note: str = ""


@dataclass
class _Pending:
    """A change not yet durable: ``make_job`` builds its write from the state at submission;
    ``ticket`` is its write in the queue, None while it waits to be (re)submitted."""

    make_job: Callable[[], Callable[[], object]]
    item_id: str | None
    on_saved: Callable[[object], None] | None = None
    ticket: int | None = None


class AssessmentSession(EventSource):
    """An open assessment: its in-memory state, its autosave and its live score."""

    def __init__(self, store: Store, assessment: Assessment, *, background: bool = False,
                 notify: Callable[[], None] | None = None):
        """``background``: write on a writer thread; ``notify`` is then called on that thread
        after each write, and the owner calls :meth:`collect` on its own thread (the GUI
        adapter does it through a queued signal)."""
        super().__init__()
        self.store = store
        self.assessment = assessment
        self.last_rejection: StoreRuleError | None = None  # the latest RULE_REJECTED, with its code
        self.instrument: Instrument = store.instrument_of(assessment)
        self.read_only = assessment.locked
        self.answers: dict[str, AnswerState] = {
            item_id: AnswerState(row.level, row.justification, row.needs_review, row.review_note)
            for item_id, row in store.answers(assessment).items()
        }
        self.gates: dict[str, str] = self.instrument.resolve_gates(assessment.gates)
        self.survey: float | None = assessment.survey
        self.correction: float | None = assessment.correction
        self.evidence_counts: dict[str, int] = store.evidence_counts(assessment)
        self.state = SAVED
        self.last_saved_at: datetime | None = None
        self.failure_detail = ""  # what went wrong and what to do, for a person (models.errors)
        self.failure_code = ""  # its catalogue code: disk_full, read_only, permission, locked, ...
        # Changes not yet durable, by key, in order: in flight, or failed and retried (in
        # order) before every new write.
        self._pending: dict[tuple, _Pending] = {}
        self._pending_fields: dict[str, dict] = {}
        self._tickets: dict[int, tuple] = {}
        self._shown_unsaved: set[str] = set()  # items whose "unsaved" mark the views show
        self._writer = WriteQueue(background=background, notify=notify, continues_after=(StoreRuleError,),
                                  on_thread_exit=store.release_thread_connection)
        self._score = self._compute_score()

    # --- reading ---------------------------------------------------------------------------

    @property
    def who(self) -> str:
        return self.store.setting(OPERATOR_NAME)

    def answer(self, item_id: str) -> AnswerState:
        return self.answers.get(item_id, AnswerState())

    def gate_confirmed(self, gate_id: str) -> bool:
        """Answered by the office; an unconfirmed gate counts at its default until then."""
        return gate_id in (self.assessment.gates or {})

    def applies(self, item_id: str) -> bool:
        return self.instrument.item(item_id).applies(self.gates)

    def item_state(self, item_id: str) -> str:
        if not self.applies(item_id):
            return NOT_APPLICABLE
        answer = self.answer(item_id)
        if answer.needs_review:
            return FLAGGED
        if answer.level is None:
            return EMPTY
        if self.instrument.expects_evidence(answer.level) and not self.evidence_counts.get(item_id):
            return NO_EVIDENCE
        return ANSWERED

    def is_unsaved(self, item_id: str) -> bool:
        """A change to the item failed to reach the disk and waits to be written again (a
        write on its way is not "unsaved": ``state`` is SAVING meanwhile)."""
        return any(pending.item_id == item_id and pending.ticket is None for pending in self._pending.values())

    @property
    def has_pending(self) -> bool:
        """Some change is not durable yet (on its way, or failed)."""
        return bool(self._pending)

    def score(self) -> ScoreResult:
        return self._score

    def _compute_score(self) -> ScoreResult:
        levels = {item_id: answer.level for item_id, answer in self.answers.items()}
        return score_recorded(self.instrument, self.gates, levels, survey=self.survey, correction=self.correction)

    def _announce(self, event: str, payload: object = None, *, rescore: bool) -> None:
        """Emit ``event``; when the change moves the score, listeners of ``event`` already see
        the new score and ``SCORE_CHANGED`` follows."""
        if rescore:
            self._score = self._compute_score()
        self._emit(event, payload)
        if rescore:
            self._emit(SCORE_CHANGED, self._score)

    def evidence(self, item_id: str) -> list[Evidence]:
        return self.store.evidence(self.assessment, item_id)

    def evidence_path(self, evidence: Evidence) -> Path:
        return self.store.evidence_path(evidence)

    # --- changing ----------------------------------------------------------------------------

    def set_answer_fields(self, item_id: str, **fields) -> bool:
        """Change any of ``level``, ``justification``, ``needs_review``, ``review_note``.

        True when the change is saved (or changes nothing); False when it is refused
        (``RULE_REJECTED`` says why) or waits to be written again (``state`` is FAILED)."""
        unknown = set(fields) - set(ANSWER_FIELDS)
        if unknown:
            raise TypeError(f"unknown answer fields {sorted(unknown)}")
        if self.read_only:
            self._emit(RULE_REJECTED, self._locked_message())
            return False
        if not self.instrument.has_item(item_id):
            self._reject(StoreRuleError(code=UNKNOWN_ITEM, item=item_id, instrument=self.instrument.id))
            return False
        old = self.answer(item_id)
        new = replace(old, **fields)
        if new == old:
            return True
        level = new.level
        if level is not None and not self.instrument.in_scale(level):
            self._reject(StoreRuleError(code=LEVEL_OUT_OF_RANGE, level=level, low=self.instrument.scale_min,
                                        high=self.instrument.scale_max))
            return False
        if level is not None and not self.applies(item_id):
            self._reject(StoreRuleError(code=ITEM_NOT_APPLICABLE, item=item_id))
            return False
        self.answers[item_id] = new
        self._pending_fields.setdefault(item_id, {}).update(fields)
        saved = self._write(("answer", item_id), lambda: self._answer_job(item_id), item_id)
        self._announce(ANSWER_CHANGED, item_id, rescore="level" in fields or "needs_review" in fields)
        return saved

    def _answer_job(self, item_id: str) -> Callable[[], object]:
        """The write of every field of the item not yet durable, as they are now."""
        store, assessment, who = self.store, self.assessment, self.who
        fields = dict(self._pending_fields.get(item_id, {}))
        return lambda: store.set_answer(assessment, item_id, who=who, **fields) if fields else None

    def set_gate(self, gate_id: str, value: str) -> bool:
        if self.read_only:
            self._emit(RULE_REJECTED, self._locked_message())
            return False
        try:
            gate = self.instrument.gate(gate_id)
        except KeyError:
            self._reject(StoreRuleError(code="gate_unknown", gate=gate_id))
            return False
        if value not in gate.values:
            self._reject(StoreRuleError(code="gate_bad_choice", value=value, gate=gate_id,
                                        choices=", ".join(gate.values)))
            return False
        if self.gates.get(gate_id) == value and self.gate_confirmed(gate_id):
            return True
        self.gates[gate_id] = value
        who = self.who
        saved = self._write(("gate", gate_id),
                            lambda: lambda: self.store.set_gate(self.assessment, gate_id, value, who=who), wait=True)
        self._announce(GATES_CHANGED, rescore=True)
        return saved

    def set_survey_and_correction(self, survey: float | None, correction: float | None) -> bool:
        if self.read_only:
            self._emit(RULE_REJECTED, self._locked_message())
            return False
        if (survey, correction) == (self.survey, self.correction):
            return True
        self.survey, self.correction = survey, correction
        who = self.who
        saved = self._write(("survey",), lambda: lambda: self.store.set_survey_and_correction(
            self.assessment, survey, correction, who=who), wait=True)
        self._announce(PROPERTIES_CHANGED, rescore=True)
        return saved

    def add_evidence(self, item_id: str, source: Path, progress=None, cancelled=None) -> Evidence | None:
        """Copy ``source`` into the evidence store and attach it (the CLI's way; the GUI copies
        off its thread with ``store.evidence_store.add`` and calls :meth:`attach_blob`).
        Raises the evidence store's errors (too large, unreadable) before anything is recorded."""
        blob = self.store.evidence_store.add(Path(source), progress=progress, cancelled=cancelled)
        return self.attach_blob(item_id, blob, Path(source).name)

    def attach_blob(self, item_id: str, blob: StoredBlob, original_name: str) -> Evidence | None:
        """Record a blob already in the evidence store; ``None`` if the write failed (retried later)."""
        attached: list[Evidence] = []
        who = self.who

        def saved(evidence: Evidence) -> None:
            attached.append(evidence)
            self._count_evidence(item_id, +1)

        self._write(("attach", item_id, blob.sha256, original_name),
                    lambda: lambda: self.store.attach_blob(self.assessment, item_id, blob, original_name, who=who),
                    item_id, on_saved=saved, wait=True)
        return attached[0] if attached else None

    def remove_evidence(self, evidence_id: int, item_id: str) -> bool:
        who = self.who
        return self._write(("evidence", evidence_id),
                           lambda: lambda: self.store.remove_evidence(evidence_id, who=who), item_id,
                           on_saved=lambda _row: self._count_evidence(item_id, -1), wait=True)

    def restore_evidence(self, evidence_id: int, item_id: str) -> bool:
        who = self.who
        return self._write(("evidence", evidence_id),
                           lambda: lambda: self.store.restore_evidence(evidence_id, who=who), item_id,
                           on_saved=lambda _row: self._count_evidence(item_id, +1), wait=True)

    def rename_evidence(self, evidence_id: int, item_id: str, label: str) -> bool:
        who = self.who
        return self._write(("label", evidence_id),
                           lambda: lambda: self.store.rename_evidence(evidence_id, label, who=who), item_id,
                           on_saved=lambda _row: self._emit(EVIDENCE_CHANGED, item_id), wait=True)

    def _count_evidence(self, item_id: str, delta: int) -> None:
        self.evidence_counts[item_id] = max(0, self.evidence_counts.get(item_id, 0) + delta)
        self._emit(EVIDENCE_CHANGED, item_id)
        self._emit(ANSWER_CHANGED, item_id)  # its state (with/without evidence) may change

    def _locked_message(self) -> str:
        rule = StoreRuleError(code=ASSESSMENT_LOCKED, year=self.assessment.year, revision=self.assessment.revision)
        self.last_rejection = rule
        return str(rule)

    def _reject(self, rule: StoreRuleError) -> None:
        """Tell listeners why a change is refused; ``last_rejection`` keeps its code and
        parameters, for a face that words it in another language."""
        self.last_rejection = rule
        self._emit(RULE_REJECTED, str(rule))

    # --- writing -----------------------------------------------------------------------------

    def _write(self, key: tuple, make_job: Callable[[], Callable[[], object]], item_id: str | None = None, *,
               on_saved: Callable[[object], None] | None = None, wait: bool = False) -> bool:
        """Queue the change behind what is pending (a failed write first, in order); ``wait``:
        until it is durable (evidence, gates, S and k: rare, and read back at once). True when
        saved or (background) on its way; False when it waits to be written again."""
        self._pending.pop(key, None)
        self._pending[key] = _Pending(make_job, item_id, on_saved)
        self._submit_waiting()
        if wait:
            self._writer.wait()
        # The caller announces its own item once; a write that reached the disk announces
        # only the items whose "unsaved" mark goes away, so that one save is one notification.
        self.collect(announced_by_caller=item_id)
        pending = self._pending.get(key)
        return pending is None or pending.ticket is not None

    def retry(self) -> bool:
        """Write what is pending now and wait until it is durable (the *Coba simpan lagi*
        action); True when everything is saved."""
        return self.flush()

    def flush(self) -> bool:
        """Wait until every change is durable, retrying failed ones (before anything reads
        the store: undo, finalize, export, close); True when nothing is left pending."""
        self._submit_waiting()
        self._writer.wait()
        self.collect()
        return not self._pending

    def close(self) -> None:
        """Flush, then let the writer thread go (the store stays open)."""
        self.flush()
        self._writer.close()

    def _submit_waiting(self) -> None:
        if self._writer.halted:  # after a failure: the writes behind it come back skipped at once
            self._writer.wait()
            self.collect()
            self._writer.resume()
        for key, pending in self._pending.items():
            if pending.ticket is None:
                pending.ticket = self._writer.submit(pending.make_job())
                self._tickets[pending.ticket] = key

    def collect(self, announced_by_caller: str | None = None) -> None:
        """Take in the writes finished since the last call (on the owner's thread)."""
        failure: BaseException | None = None
        written: list[str | None] = []
        for done in self._writer.take_done():
            key = self._tickets.pop(done.ticket, None)
            pending = self._pending.get(key) if key is not None else None
            current = pending is not None and pending.ticket == done.ticket  # not superseded
            if isinstance(done.error, StoreRuleError):
                # Not a disk problem: the change is not allowed. Drop it and say why.
                if current:
                    del self._pending[key]
                    if key[0] == "answer":
                        self._pending_fields.pop(pending.item_id, None)
                    self._reject(done.error)
                continue
            if done.error is not None or done.skipped:
                if done.error is not None:
                    failure = done.error
                if current:
                    pending.ticket = None  # unsaved: written again with the next change or a retry
                continue
            if not current:
                continue
            del self._pending[key]
            if key[0] == "answer":
                self._pending_fields.pop(pending.item_id, None)
            if pending.on_saved is not None:
                pending.on_saved(done.result)
            written.append(pending.item_id)
        if failure is not None:
            if not isinstance(failure, WRITE_ERRORS):
                log.error("a write failed unexpectedly", exc_info=failure)
            error = classify(failure)  # the raw text goes to the log, never to the screen
            self.failure_detail, self.failure_code = error.said, error.code  # a Said: the GUI words it
            self._set_state(FAILED)
        elif self.state == FAILED and any(pending.ticket is None for pending in self._pending.values()):
            pass  # still failed: waits for the next change or a retry
        elif self._pending:
            if self.state != SAVING:
                self.failure_detail = self.failure_code = ""
                self._set_state(SAVING)
        elif written or self.state != SAVED:
            self.failure_detail = self.failure_code = ""
            self.last_saved_at = datetime.now()
            self._set_state(SAVED)
        for item_id in dict.fromkeys(written):
            self._emit(WRITTEN, item_id)
            if item_id is not None and item_id != announced_by_caller and item_id in self._shown_unsaved:
                self._emit(ANSWER_CHANGED, item_id)  # its "unsaved" mark goes away
        self._shown_unsaved = {pending.item_id for pending in self._pending.values()
                               if pending.ticket is None and pending.item_id is not None}

    def _set_state(self, state: str) -> None:
        self.state = state
        self._emit(SAVE_STATE_CHANGED)
