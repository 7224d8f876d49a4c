"""The one place where the GUI's edits to an open assessment reach the Store.

:class:`AssessmentSession` keeps what the screen shows (levels, texts, flags, gates, S and k)
in memory and writes every change to :class:`models.store.Store` at once: there is no Save
button. When a write fails (disk full, read-only file, locked database) the value stays in
memory and on screen, the item is marked unsaved, the failure is reported by
``saveStateChanged`` and the write is tried again with the next change or on ``retry()``.
The live score is computed by the scoring engine from the same in-memory levels, so it
never lags behind the screen, and equals ``store.score`` whenever nothing is pending.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import peewee
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from models.evidence import StoredBlob
from models.instrument import Instrument
from models.scoring import ScoreResult, score
from models.store import Store, StoreRuleError
from models.tables import Assessment, Evidence

# What a failed write looks like: SQLite full/read-only/locked, or the OS refusing.
WRITE_ERRORS = (peewee.PeeweeException, sqlite3.Error, OSError)

SAVED = "saved"
FAILED = "failed"

# Item states shown by the navigator (and used by tests).
EMPTY = "empty"
ANSWERED = "answered"
NO_EVIDENCE = "no_evidence"
FLAGGED = "flagged"
NOT_APPLICABLE = "not_applicable"

ANSWER_FIELDS = ("level", "justification", "needs_review", "review_note")


@dataclass(frozen=True)
class AnswerState:
    level: int | None = None
    justification: str = ""
    needs_review: bool = False
    review_note: str = ""


class AssessmentSession(QObject):
    """An open assessment: its on-screen state, its undo stack and its autosave."""

    answerChanged = Signal(str)  # item id
    gatesChanged = Signal()
    evidenceChanged = Signal(str)  # item id
    propertiesChanged = Signal()  # S or k
    scoreChanged = Signal(object)  # ScoreResult
    saveStateChanged = Signal()
    ruleRejected = Signal(str)  # a change the rules forbid; message for the user
    itemTouched = Signal(str)  # undo/redo changed this item: show it

    def __init__(self, store: Store, assessment: Assessment, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.assessment = assessment
        self.instrument: Instrument = store.instrument_of(assessment)
        self.read_only = assessment.locked
        self.undo_stack = QUndoStack(self)
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
        self.failure_detail = ""
        # Writes that failed, by key, in order; retried before every new write.
        self._pending: dict[tuple, tuple[Callable[[], None], str | None]] = {}
        self._pending_fields: dict[str, dict] = {}
        self._score = self._compute_score()

    # --- reading ---------------------------------------------------------------------------

    @property
    def who(self) -> str:
        return self.store.setting("operator_name", "") or ""

    def answer(self, item_id: str) -> AnswerState:
        return self.answers.get(item_id, AnswerState())

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
        if answer.level > self.instrument.scale_min and not self.evidence_counts.get(item_id):
            return NO_EVIDENCE
        return ANSWERED

    def is_unsaved(self, item_id: str) -> bool:
        return any(pending_item == item_id for _, pending_item in self._pending.values())

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def levels(self) -> dict[str, int]:
        """Answered levels of applicable items, as ``Store.levels`` computes them."""
        return {
            item_id: answer.level
            for item_id, answer in self.answers.items()
            if answer.level is not None and self.instrument.has_item(item_id) and self.applies(item_id)
        }

    def score(self) -> ScoreResult:
        return self._score

    def _compute_score(self) -> ScoreResult:
        return score(self.instrument, self.gates, self.levels(), survey=self.survey, correction=self.correction)

    def _rescore(self) -> None:
        self._score = self._compute_score()
        self.scoreChanged.emit(self._score)

    # --- changing ----------------------------------------------------------------------------

    def set_answer_fields(self, item_id: str, **fields) -> None:
        """Change any of ``level``, ``justification``, ``needs_review``, ``review_note``."""
        unknown = set(fields) - set(ANSWER_FIELDS)
        if unknown:
            raise TypeError(f"unknown answer fields {sorted(unknown)}")
        if self.read_only:
            return
        old = self.answer(item_id)
        new = replace(old, **fields)
        if new == old:
            return
        if new.level is not None and not self.applies(item_id):
            self.ruleRejected.emit(self.tr("Butir {0} tidak berlaku untuk jawaban pertanyaan pembuka saat ini.")
                                   .format(item_id))
            return
        self.answers[item_id] = new
        self._pending_fields.setdefault(item_id, {}).update(fields)
        self._write(("answer", item_id), lambda: self._flush_answer(item_id), item_id)
        self.answerChanged.emit(item_id)
        if "level" in fields or "needs_review" in fields:
            self._rescore()

    def _flush_answer(self, item_id: str) -> None:
        fields = self._pending_fields.get(item_id)
        if fields:
            self.store.set_answer(self.assessment, item_id, who=self.who, **fields)
            self._pending_fields.pop(item_id, None)

    def set_gate(self, gate_id: str, value: str) -> None:
        if self.read_only or self.gates.get(gate_id) == value:
            return
        self.gates[gate_id] = value
        self._write(("gate", gate_id), lambda: self.store.set_gate(self.assessment, gate_id, value, who=self.who))
        self.gatesChanged.emit()
        self._rescore()

    def set_survey_and_correction(self, survey: float | None, correction: float | None) -> None:
        if self.read_only or (survey, correction) == (self.survey, self.correction):
            return
        self.survey, self.correction = survey, correction
        self._write(("survey",), lambda: self.store.set_survey_and_correction(
            self.assessment, survey, correction, who=self.who))
        self.propertiesChanged.emit()
        self._rescore()

    def attach_blob(self, item_id: str, blob: StoredBlob, original_name: str) -> Evidence | None:
        """Record a blob copied off the GUI thread; ``None`` if the write failed (retried later)."""
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
            self.evidenceChanged.emit(item_id)

        return self._write(("label", evidence_id), write, item_id)

    def evidence(self, item_id: str) -> list[Evidence]:
        return self.store.evidence(self.assessment, item_id)

    def evidence_path(self, evidence: Evidence) -> Path:
        return self.store.evidence_path(evidence)

    def _count_evidence(self, item_id: str, delta: int) -> None:
        self.evidence_counts[item_id] = max(0, self.evidence_counts.get(item_id, 0) + delta)
        self.evidenceChanged.emit(item_id)
        self.answerChanged.emit(item_id)  # its state (with/without evidence) may change

    # --- writing -----------------------------------------------------------------------------

    def _write(self, key: tuple, write: Callable[[], None], item_id: str | None = None) -> bool:
        """Retry what is pending, then ``write``; a failure keeps it pending. True if saved."""
        self._pending.pop(key, None)
        self._pending[key] = (write, item_id)
        return self._flush() and key not in self._pending

    def retry(self) -> bool:
        """Try the pending writes again (the *Coba simpan lagi* action); True when all saved."""
        return self._flush()

    def _flush(self) -> bool:
        touched: set[str] = set()
        for key, (write, item_id) in list(self._pending.items()):
            try:
                write()
            except StoreRuleError as exc:
                # Not a disk problem: the change is not allowed. Drop it and say why.
                del self._pending[key]
                self._pending_fields.pop(item_id or "", None)
                self.ruleRejected.emit(str(exc))
            except WRITE_ERRORS as exc:
                self.failure_detail = str(exc)
                self._set_state(FAILED)
                return False
            else:
                del self._pending[key]
            if item_id:
                touched.add(item_id)
        self.failure_detail = ""
        self.last_saved_at = datetime.now()
        self._set_state(SAVED)
        for item_id in touched:
            self.answerChanged.emit(item_id)  # its "unsaved" mark goes away
        return True

    def _set_state(self, state: str) -> None:
        self.state = state
        self.saveStateChanged.emit()
