"""One writer for the durable writes of an open assessment, off the caller's thread (issue 17).

The GUI must not wait for SQLite's transaction, the audit entry and the fsync on every
answer. :class:`WriteQueue` runs the writes in the order they were submitted, on one thread
of its own (``background=True``) or at once on the caller's (``background=False``: the CLI,
whose process must not end before its write is durable). A finished write is kept in
``take_done()`` and announced through ``notify`` (called on the writer thread; the GUI adapter
turns it into a queued signal, the session then collects the results on its own thread).

After a write fails (a full disk, a locked database) the writes already queued behind it
are skipped, not run out of order: they come back as skipped, and the owner submits them
again, in order, when it retries (:meth:`resume` first). Nothing here knows of Qt.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("merit.write_queue")

IDLE_EXIT_SECONDS = 2.0  # the writer thread (and its database connection) ends when idle this long


@dataclass(frozen=True)
class Done:
    """One submitted write: its ``ticket``, and the exception it raised (None: durable), or
    ``skipped`` (not run: an earlier write of the same run failed)."""

    ticket: int
    error: BaseException | None = None
    skipped: bool = False
    result: object = None  # what the job returned

    @property
    def ok(self) -> bool:
        return self.error is None and not self.skipped


class WriteQueue:
    def __init__(self, *, background: bool, notify: Callable[[], None] | None = None,
                 continues_after: tuple[type[BaseException], ...] = (),
                 on_thread_exit: Callable[[], None] | None = None):
        """``continues_after``: exceptions that refuse one write without stopping the ones
        behind it (a rule the change breaks, not a disk that cannot be written);
        ``on_thread_exit`` runs on the writer thread as it ends (closes its connection)."""
        self.background = background
        self._notify = notify
        self._continues_after = continues_after
        self._on_thread_exit = on_thread_exit
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._done: deque[Done] = deque()
        self._lock = threading.Condition()
        self._outstanding = 0
        self._generation = 0  # bumped by resume(); jobs of a halted generation are skipped
        self._halted: int | None = None
        self._thread: threading.Thread | None = None
        self._next_ticket = 0

    def submit(self, job: Callable[[], object]) -> int:
        """Queue ``job`` (run once, in order); its ticket comes back in ``take_done()``."""
        with self._lock:
            self._next_ticket += 1
            ticket = self._next_ticket
            self._outstanding += 1
            entry = (ticket, self._generation, job)
            if self.background:
                self._jobs.put(entry)
                if self._thread is None:
                    self._thread = threading.Thread(target=self._work, name="merit-writer", daemon=True)
                    self._thread.start()
        if not self.background:
            self._execute(entry)
        return ticket

    def resume(self) -> None:
        """Let writes submitted from now on run again after a failure."""
        with self._lock:
            self._generation += 1
            self._halted = None

    @property
    def halted(self) -> bool:
        return self._halted is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every submitted write has run (or was skipped); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._outstanding == 0, timeout)

    @property
    def busy(self) -> bool:
        return self._outstanding > 0

    def take_done(self) -> list[Done]:
        """The writes finished since the last call, in order (safe from any thread)."""
        done = []
        while True:
            try:
                done.append(self._done.popleft())
            except IndexError:
                return done

    def close(self) -> None:
        """Wait for the queue, then let the writer thread go (a later submit starts another)."""
        self.wait()
        with self._lock:
            thread = self._thread
            if thread is not None:
                self._jobs.put(None)
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    # --- the writer ----------------------------------------------------------------------------

    def _work(self) -> None:
        try:
            while True:
                try:
                    entry = self._jobs.get(timeout=IDLE_EXIT_SECONDS)
                except queue.Empty:
                    with self._lock:
                        if self._jobs.empty():
                            self._thread = None
                            return
                    continue
                if entry is None:  # close(): end, unless a write came in behind it
                    with self._lock:
                        if self._jobs.empty():
                            self._thread = None
                            return
                    continue
                self._execute(entry)
                if self._notify is not None:
                    try:
                        self._notify()
                    except RuntimeError:  # the receiver is gone (window closed): nothing to tell
                        log.debug("write finished after its listener went away")
        finally:
            if self._on_thread_exit is not None:
                try:
                    self._on_thread_exit()
                except Exception:  # noqa: BLE001 - closing a connection must not kill the writer silently
                    log.exception("closing the writer's connection")

    def _execute(self, entry) -> None:
        """Run one job without holding the lock (the GUI may submit meanwhile)."""
        ticket, generation, job = entry
        with self._lock:
            skip = self._halted is not None and generation <= self._halted
        error: BaseException | None = None
        result = None
        if not skip:
            try:
                result = job()
            except Exception as exc:  # noqa: BLE001 - reported to the owner, who says it plainly
                error = exc
        with self._lock:
            if skip:
                done = Done(ticket, skipped=True)
            else:
                if error is not None and not isinstance(error, self._continues_after):
                    self._halted = generation
                done = Done(ticket, error, result=result)
            self._done.append(done)
            self._outstanding -= 1
            self._lock.notify_all()
