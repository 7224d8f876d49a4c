"""Long work off the GUI thread, with a cancellable progress dialog.

A *task* is any plain function ``task(progress, cancelled) -> result``:

* ``progress(done: int, total: int)`` reports how far it got (bytes, files, ...);
* ``cancelled() -> bool`` tells it the user pressed *Batal*; it should stop soon by raising
  (any exception; ``models.evidence.EvidenceCancelled`` is the usual one).

The task runs in a :class:`QThreadPool` thread. Its outcome comes back on the GUI thread,
through exactly one of ``finished(result)``, ``failed(exception)`` or ``cancelled()``; a job
whose cancel was requested never reports ``finished``. Typical use::

    job = run_with_progress(
        self, lambda progress, cancelled: store.evidence_store.add(path, progress, cancelled),
        title=self.tr("Menambah bukti"), label=self.tr("Menyalin berkas…"),
        on_finished=self._on_copy_finished, on_failed=self._on_copy_failed)

``run_in_background`` does the same without a dialog. Both return a :class:`BackgroundJob`
whose ``done`` signal fires after any outcome (tests wait on it with ``qtbot.waitSignal``).

The rule for every worker (the cause of a crash when three large files were attached)
--------------------------------------------------------------------------------------
1. **A worker never touches a widget, nor any object the GUI may delete.** The task gets
   plain values (paths, a store, bytes) and two plain callables; it returns a plain result.
2. **Progress and outcome travel by queued signal** to a :class:`BackgroundJob`, a QObject
   on the GUI thread *without a parent*: no window can delete it. ``_running`` holds it until
   the outcome is handled, and the worker (the C++ QRunnable and its signals object) until
   its thread has left ``run`` (``_retiring``), so nothing is freed under a running thread.
3. **At most one progress report is in flight**: the worker keeps the latest figure and
   emits only when the GUI has taken the previous one, so a fast copy cannot flood the
   event queue.
4. **Nothing re-enters the progress dialog.** ``QProgressDialog.setValue`` runs
   ``processEvents`` for a modal dialog; a progress report or the outcome arriving inside it
   is held and handled after ``setValue`` has returned (never deleting the dialog under it).
5. **Callbacks run only while their owner lives.** ``owner`` (the widget that asked, by
   default the dialog's parent) may be closed or deleted while the task runs (a window
   closed, a revision reopened); then the outcome is dropped, not delivered to a dead
   object. The task's own effects (a copied blob) are content-addressed and harmless.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Task = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class WorkerSignals(QObject):
    """The worker's signals; the object lives on the GUI thread so slots run there."""

    progress = Signal()  # "a new figure is waiting": the job reads it with Worker.take_progress
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs one task in a pool thread and reports by :class:`WorkerSignals`."""

    def __init__(self, task: Task):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (see _retiring), never the pool
        self.task = task
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.exited = threading.Event()  # set as the last thing run() does
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None  # the newest figure not yet taken by the GUI

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        # Qt signals carry 32-bit ints: report large byte counts in KiB.
        while total > 2**31 - 1:
            done, total = done // 1024, total // 1024
        with self._lock:
            waiting = self._latest is not None
            self._latest = (int(done), int(total))
        if not waiting:  # one report in flight at most (rule 3)
            self.signals.progress.emit()

    def take_progress(self) -> tuple[int, int] | None:
        """The newest figure (GUI thread); the worker may emit again after this."""
        with self._lock:
            latest, self._latest = self._latest, None
        return latest

    def run(self) -> None:
        try:
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
        finally:
            self.exited.set()


class BackgroundJob(QObject):
    """Owns a worker and (optionally) its progress dialog; forwards the outcome on the GUI thread.

    The job has no QObject parent on purpose (rule 2): ``owner`` only decides whether the
    callbacks still run (rule 5)."""

    done = Signal()
    progressed = Signal(int, int)  # done, total: on the GUI thread, at most one per report

    def __init__(
        self,
        task: Task,
        *,
        on_finished: Callable[[object], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        dialog: QProgressDialog | None = None,
        owner: QObject | None = None,
    ):
        super().__init__(None)
        self.worker = Worker(task)
        self.dialog = dialog
        self.owner = owner
        self.outcome: str | None = None  # "finished" | "failed" | "cancelled"
        self.result: object = None
        self.error: BaseException | None = None
        self.dropped = False  # the owner was gone: the outcome was not delivered
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._on_cancelled = on_cancelled
        self._updating = False  # inside QProgressDialog.setValue (rule 4)
        self._held: tuple | None = None  # an outcome that arrived while updating
        signals = self.worker.signals
        signals.progress.connect(self._on_worker_progress, Qt.ConnectionType.QueuedConnection)
        signals.finished.connect(self._on_worker_finished, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(self._on_worker_failed, Qt.ConnectionType.QueuedConnection)
        signals.cancelled.connect(self._on_worker_cancelled, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            dialog.canceled.connect(self.cancel)

    def start(self, pool: QThreadPool | None = None) -> BackgroundJob:
        _prune_retiring()
        _running.add(self)
        _retiring.append(self.worker)
        (pool or QThreadPool.globalInstance()).start(self.worker)
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    def _dialog_alive(self) -> bool:
        return self.dialog is not None and shiboken6.isValid(self.dialog)

    def owner_alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)

    @Slot()
    def _on_worker_progress(self) -> None:
        figure = self.worker.take_progress()
        if figure is None or self._updating or self.outcome is not None:
            return
        done, total = figure
        self.progressed.emit(done, total)
        if not self._dialog_alive():
            return
        self._updating = True
        try:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))  # may process events (rule 4)
        finally:
            self._updating = False
        if self._held is not None:
            held, self._held = self._held, None
            QTimer.singleShot(0, self, lambda: self._end(*held))

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
        if self._updating:  # inside setValue: finish once it has returned (rule 4)
            self._held = (outcome, callback, *args)
            return
        if self.outcome is not None:
            return
        self.outcome = outcome
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        try:
            if callback is not None:
                if self.owner_alive():
                    callback(*args)
                else:
                    self.dropped = True
        finally:
            _running.discard(self)
            self.done.emit()


# Jobs in flight, so neither they nor their worker are garbage-collected mid-run.
_running: set[BackgroundJob] = set()
# Workers whose thread may still be inside run(); dropped once it has left (rule 2).
_retiring: list[Worker] = []


def _prune_retiring() -> None:
    _retiring[:] = [worker for worker in _retiring if not worker.exited.is_set()]


def running_jobs() -> int:
    """How many jobs have not reported their outcome yet (tests, closing windows)."""
    return len(_running)


def run_in_background(task: Task, *, on_finished=None, on_failed=None, on_cancelled=None,
                      parent: QObject | None = None, pool: QThreadPool | None = None) -> BackgroundJob:
    """Run ``task`` in the thread pool without a dialog; ``parent`` is the owner whose
    death drops the callbacks (the job itself is never its child)."""
    return BackgroundJob(task, on_finished=on_finished, on_failed=on_failed,
                         on_cancelled=on_cancelled, owner=parent).start(pool)


def run_with_progress(parent: QWidget, task: Task, *, title: str, label: str,
                      on_finished=None, on_failed=None, on_cancelled=None,
                      cancel_text: str | None = None, minimum_duration_ms: int = 400,
                      pool: QThreadPool | None = None) -> BackgroundJob:
    """Run ``task`` in the thread pool behind a window-modal, cancellable progress dialog.

    The dialog appears only if the work takes longer than ``minimum_duration_ms``, so quick
    jobs do not flash a window; the GUI keeps repainting throughout. If ``parent`` is
    deleted meanwhile (its dialog goes with it), the task is cancelled and its outcome dropped.
    """
    cancel = cancel_text if cancel_text is not None else QCoreApplication.translate("workers", "Batal")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    job = BackgroundJob(task, on_finished=on_finished, on_failed=on_failed,
                        on_cancelled=on_cancelled, dialog=dialog, owner=parent)
    worker = job.worker
    dialog.destroyed.connect(lambda *_: worker.cancel())  # the window went away: stop the copy
    return job.start(pool)
