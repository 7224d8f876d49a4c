"""Fold the WAL into the database file when the person pauses, so a lost ``-wal`` costs at
most the last few seconds of work (Store.close checkpoints too)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

IDLE_SECONDS = 10
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
             QEvent.Type.Wheel, QEvent.Type.InputMethod}


class IdleCheckpointer(QObject):
    """Watches the application's input; ``idle_seconds`` after the last of it, checkpoints."""

    def __init__(self, store, app: QObject, idle_seconds: float = IDLE_SECONDS, parent: QObject | None = None):
        super().__init__(parent or app)  # parent: whatever lives exactly as long as the store
        self.store = store
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(idle_seconds * 1000))
        self.timer.timeout.connect(self._on_timer_timeout)
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY:
            self.timer.start()  # restart: only a pause counts
        return False

    def _on_timer_timeout(self) -> None:
        self.store.checkpoint()
