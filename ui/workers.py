"""Long work off the GUI thread, with a cancellable progress dialog.

A *task* is any plain function ``task(progress, cancelled) -> result``:

* ``progress(done: int, total: int)`` reports how far it got (bytes, files, ...);
* ``cancelled() -> bool`` tells it the user pressed *Batal*; it should stop soon by raising
  (any exception; ``models.evidence.EvidenceCancelled`` is the usual one).

The task runs in a :class:`QThreadPool` thread and must not touch widgets. Its outcome comes
back by signal on the GUI thread, through exactly one of ``finished(result)``,
``failed(exception)`` or ``cancelled()``; a job whose cancel was requested never reports
``finished``. Typical use::

    job = run_with_progress(
        self, lambda progress, cancelled: store.evidence_store.add(path, progress, cancelled),
        title=self.tr("Menambah bukti"), label=self.tr("Menyalin berkas…"),
        on_finished=self._on_copy_finished, on_failed=self._on_copy_failed)

``run_in_background`` does the same without a dialog. Both return a :class:`BackgroundJob`
whose ``done`` signal fires after any outcome (tests wait on it with ``qtbot.waitSignal``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Task = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class WorkerSignals(QObject):
    """The worker's signals; the object lives on the GUI thread so slots run there."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs one task in a pool thread and reports by :class:`WorkerSignals`."""

    def __init__(self, task: Task):
        super().__init__()
        self.setAutoDelete(False)  # the BackgroundJob owns it, so Python keeps it alive
        self.task = task
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        # Qt signals carry 32-bit ints: report large byte counts in KiB.
        while total > 2**31 - 1:
            done, total = done // 1024, total // 1024
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self.task(self._progress, self.is_cancelled)
        except BaseException as exc:  # reported, never lost in a pool thread
            if self.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
            return
        if self.is_cancelled():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


class BackgroundJob(QObject):
    """Owns a worker and (optionally) its progress dialog; forwards the outcome on the GUI thread."""

    done = Signal()

    def __init__(
        self,
        task: Task,
        *,
        on_finished: Callable[[object], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        dialog: QProgressDialog | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.worker = Worker(task)
        self.dialog = dialog
        self.outcome: str | None = None  # "finished" | "failed" | "cancelled"
        self.result: object = None
        self.error: BaseException | None = None
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._on_cancelled = on_cancelled
        signals = self.worker.signals
        signals.progress.connect(self._on_worker_progress)
        signals.finished.connect(self._on_worker_finished)
        signals.failed.connect(self._on_worker_failed)
        signals.cancelled.connect(self._on_worker_cancelled)
        if dialog is not None:
            dialog.canceled.connect(self.cancel)

    def start(self, pool: QThreadPool | None = None) -> BackgroundJob:
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self.worker)
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _on_worker_finished(self, result: object) -> None:
        self.result = result
        self._end("finished", self._on_finished, result)

    @Slot(object)
    def _on_worker_failed(self, error: BaseException) -> None:
        self.error = error
        self._end("failed", self._on_failed, error)

    @Slot()
    def _on_worker_cancelled(self) -> None:
        self._end("cancelled", self._on_cancelled)

    def _end(self, outcome: str, callback, *args) -> None:
        self.outcome = outcome
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        try:
            if callback is not None:
                callback(*args)
        finally:
            _running.discard(self)
            self.done.emit()


# Jobs in flight, so neither they nor their worker are garbage-collected mid-run.
_running: set[BackgroundJob] = set()


def run_in_background(task: Task, *, on_finished=None, on_failed=None, on_cancelled=None,
                      parent: QObject | None = None, pool: QThreadPool | None = None) -> BackgroundJob:
    """Run ``task`` in the thread pool without a dialog."""
    return BackgroundJob(task, on_finished=on_finished, on_failed=on_failed,
                         on_cancelled=on_cancelled, parent=parent).start(pool)


def run_with_progress(parent: QWidget, task: Task, *, title: str, label: str,
                      on_finished=None, on_failed=None, on_cancelled=None,
                      cancel_text: str | None = None, minimum_duration_ms: int = 400,
                      pool: QThreadPool | None = None) -> BackgroundJob:
    """Run ``task`` in the thread pool behind a window-modal, cancellable progress dialog.

    The dialog appears only if the work takes longer than ``minimum_duration_ms``, so quick
    jobs do not flash a window; the GUI keeps repainting throughout.
    """
    cancel = cancel_text if cancel_text is not None else QCoreApplication.translate("workers", "Batal")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return BackgroundJob(task, on_finished=on_finished, on_failed=on_failed,
                         on_cancelled=on_cancelled, dialog=dialog, parent=parent).start(pool)
