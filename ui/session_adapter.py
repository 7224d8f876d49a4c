"""The GUI's view of an open assessment: :class:`models.session.AssessmentSession` as Qt signals.

The session (Qt-free) holds the state, the autosave and the live score; this adapter only
turns its events into signals, so that views can connect to them, and owns the undo stack
(undo is a GUI affair: the CLI makes one change per command). Views read and change the
assessment through ``adapter.model``.

The session writes on its own writer thread (``background=True``): the window changes at
once, the disk follows. When a write finishes, the writer thread emits ``_writeFinished``;
Qt queues it to this object's (the GUI) thread, where the session takes the results in
(``collect``) and announces them: ``written`` (the item whose history grew) and
``saveStateChanged`` ("Menyimpan…" → "Tersimpan", or the failure).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from models import session as events
from models.session import AssessmentSession
from models.store import Store
from models.tables import Assessment


class SessionAdapter(QObject):
    answerChanged = Signal(str)  # item id
    gatesChanged = Signal()
    evidenceChanged = Signal(str)  # item id
    propertiesChanged = Signal()  # S or k
    scoreChanged = Signal(object)  # ScoreResult
    saveStateChanged = Signal()
    ruleRejected = Signal(str)  # a change the rules forbid; message for the user
    itemTouched = Signal(str)  # undo/redo changed this item: show it
    written = Signal(object)  # item id, or None (assessment-wide): a write reached the disk
    _writeFinished = Signal()  # emitted on the writer thread, delivered on this object's

    def __init__(self, store: Store, assessment: Assessment, parent: QObject | None = None):
        super().__init__(parent)
        self.model = AssessmentSession(store, assessment, background=True, notify=self._writeFinished.emit)
        self._writeFinished.connect(self._on_write_finished, Qt.ConnectionType.QueuedConnection)
        self.undo_stack = QUndoStack(self)
        self._signals = {
            events.ANSWER_CHANGED: self.answerChanged.emit,
            events.GATES_CHANGED: lambda _payload: self.gatesChanged.emit(),
            events.EVIDENCE_CHANGED: self.evidenceChanged.emit,
            events.PROPERTIES_CHANGED: lambda _payload: self.propertiesChanged.emit(),
            events.SCORE_CHANGED: self.scoreChanged.emit,
            events.SAVE_STATE_CHANGED: lambda _payload: self.saveStateChanged.emit(),
            events.RULE_REJECTED: self.ruleRejected.emit,
            events.WRITTEN: self.written.emit,
        }
        self._unsubscribe = self.model.subscribe(self._on_session_event)
        self.destroyed.connect(self._unsubscribe)

    def _on_session_event(self, event: str, payload: object) -> None:
        self._signals[event](payload)

    def _on_write_finished(self) -> None:
        self.model.collect()
