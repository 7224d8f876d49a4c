"""An open assessment: what is on screen (or on the command line), its autosave and live score.

:class:`AssessmentSession` keeps the item states (levels, texts, flags), the gates, S and k
in memory and writes every change to :class:`models.store.Store` at once: there is no Save
button. When a write fails (disk full, read-only file, locked database) the value stays in
memory, the item is marked unsaved, the failure is reported (``SAVE_STATE_CHANGED``) and
the write is tried again with the next change or on :meth:`retry`. The live score comes
from the same in-memory levels through :func:`models.scoring.score_recorded`, so it never
lags behind the screen and equals ``store.score`` whenever nothing is pending.

The session knows nothing of Qt: it reports changes to plain listeners
(``subscribe(listener)``, ``listener(event, payload)``). The GUI wraps it in a QObject that
turns the events into signals (``ui/session_adapter.py``); the CLI verbs use it directly.
"""

from __future__ import annotations

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

# What a failed write looks like: SQLite full/read-only/locked, or the OS refusing.
WRITE_ERRORS = (peewee.PeeweeException, sqlite3.Error, OSError)

SAVED = "saved"
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



@dataclass(frozen=True)
class AnswerState:
    level: int | None = None
    justification: str = ""
    needs_review: bool = False
    review_note: str = ""


class AssessmentSession(EventSource):
    """An open assessment: its in-memory state, its autosave and its live score."""

    def __init__(self, store: Store, assessment: Assessment):
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
        # Writes that failed, by key, in order; retried before every new write.
        self._pending: dict[tuple, tuple[Callable[[], None], str | None]] = {}
        self._pending_fields: dict[str, dict] = {}
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
        return any(pending_item == item_id for _, pending_item in self._pending.values())

    @property
    def has_pending(self) -> bool:
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
        saved = self._write(("answer", item_id), lambda: self._flush_answer(item_id), item_id)
        self._announce(ANSWER_CHANGED, item_id, rescore="level" in fields or "needs_review" in fields)
        return saved

    def _flush_answer(self, item_id: str) -> None:
        fields = self._pending_fields.get(item_id)
        if fields:
            self.store.set_answer(self.assessment, item_id, who=self.who, **fields)
            self._pending_fields.pop(item_id, None)

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
        saved = self._write(("gate", gate_id),
                            lambda: self.store.set_gate(self.assessment, gate_id, value, who=self.who))
        self._announce(GATES_CHANGED, rescore=True)
        return saved

    def set_survey_and_correction(self, survey: float | None, correction: float | None) -> bool:
        if self.read_only:
            self._emit(RULE_REJECTED, self._locked_message())
            return False
        if (survey, correction) == (self.survey, self.correction):
            return True
        self.survey, self.correction = survey, correction
        saved = self._write(("survey",), lambda: self.store.set_survey_and_correction(
            self.assessment, survey, correction, who=self.who))
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

        def write() -> None:
            attached.append(self.store.attach_blob(self.assessment, item_id, blob, original_name, who=self.who))
            self._count_evidence(item_id, +1)

        self._write(("attach", item_id, blob.sha256, original_name), write, item_id)
        return attached[0] if attached else None

    def remove_evidence(self, evidence_id: int, item_id: str) -> bool:
        def write() -> None:
            self.store.remove_evidence(evidence_id, who=self.who)
            self._count_evidence(item_id, -1)

        return self._write(("evidence", evidence_id), write, item_id)

    def restore_evidence(self, evidence_id: int, item_id: str) -> bool:
        def write() -> None:
            self.store.restore_evidence(evidence_id, who=self.who)
            self._count_evidence(item_id, +1)

        return self._write(("evidence", evidence_id), write, item_id)

    def rename_evidence(self, evidence_id: int, item_id: str, label: str) -> bool:
        def write() -> None:
            self.store.rename_evidence(evidence_id, label, who=self.who)
            self._emit(EVIDENCE_CHANGED, item_id)

        return self._write(("label", evidence_id), write, item_id)

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

    def _write(self, key: tuple, write: Callable[[], None], item_id: str | None = None) -> bool:
        """Retry what is pending, then ``write``; a failure keeps it pending. True if saved."""
        # The caller announces its own item once; a flush announces only the items whose
        # "unsaved" mark goes away, so that one save is one notification.
        announced_by_caller = item_id if item_id is not None and not self.is_unsaved(item_id) else None
        self._pending.pop(key, None)
        self._pending[key] = (write, item_id)
        return self._flush(announced_by_caller) and key not in self._pending

    def retry(self) -> bool:
        """Try the pending writes again (the *Coba simpan lagi* action); True when all saved."""
        return self._flush()

    def _flush(self, announced_by_caller: str | None = None) -> bool:
        touched: set[str] = set()
        for key, (write, item_id) in list(self._pending.items()):
            try:
                write()
            except StoreRuleError as exc:
                # Not a disk problem: the change is not allowed. Drop it and say why.
                del self._pending[key]
                self._pending_fields.pop(item_id or "", None)
                self._reject(exc)
            except WRITE_ERRORS as exc:
                error = classify(exc)  # the raw text goes to the log, never to the screen
                self.failure_detail, self.failure_code = error.said, error.code  # a Said: the GUI words it
                self._set_state(FAILED)
                return False
            else:
                del self._pending[key]
            if item_id:
                touched.add(item_id)
        self.failure_detail = self.failure_code = ""
        self.last_saved_at = datetime.now()
        self._set_state(SAVED)
        for item_id in touched - {announced_by_caller}:
            self._emit(ANSWER_CHANGED, item_id)  # its "unsaved" mark goes away
        return True

    def _set_state(self, state: str) -> None:
        self.state = state
        self._emit(SAVE_STATE_CHANGED)
