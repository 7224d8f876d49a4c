"""Hashing the same bytes on several cores at once.

A package is hashed several ways over the same bytes: BLAKE2b-512 of the whole file (the
signature's prehash, one sequential stream that cannot be split), SHA-256 per entry, SHA-256
of the whole file, CRC-32. ``hashlib`` and ``zlib`` release the GIL on large buffers, so
each digest can run in its own thread while the calling thread reads and writes.

``Lanes`` is that: a few worker threads, each running its own queue of calls in order, and a
fixed pool of reusable buffers. The caller reads a chunk into a buffer from the pool
(``readinto``: no new memory per chunk), hands it to the lanes that need it, and reads the
next; a buffer goes back to the pool when every lane it was handed to is done with it. When
all buffers are out the caller waits: memory stays flat and the slowest digest sets the pace.

A call that raises on a lane is remembered and raised by the next ``wait``; the lane goes on
releasing buffers, so the caller never hangs on a failed lane.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable

CHUNK = 1024 * 1024  # large enough that queueing costs nothing next to hashing, small enough to stay in cache
DEPTH = 12  # buffers in the pool: how far the reader may run ahead of the slowest lane
# Below this many bytes the calls run in the caller's thread: starting threads and handing
# chunks over would cost more than it saves (the importer hashes several small packages at
# once in its own helper threads anyway).
THREADED_FROM = 16 * 1024 * 1024

_STOP = object()
# Buffers of finished Lanes, reused by the next (a fresh bytearray is zeroed and faulted in
# page by page, which for 12 MiB costs as much as hashing a few MB).
_SPARE: list[bytearray] = []
_SPARE_LOCK = threading.Lock()
_SPARE_MAX = DEPTH  # at most 12 MiB kept between exports and verifications


def _take_spare(size: int) -> bytearray:
    with _SPARE_LOCK:
        for position, buffer in enumerate(_SPARE):
            if len(buffer) == size:
                return _SPARE.pop(position)
    return bytearray(size)


class Lanes:
    def __init__(self, count: int, *, size: int = CHUNK, work: int | None = None):
        """``count`` lanes; ``work`` is how many bytes will pass (when known): under
        ``THREADED_FROM`` the calls run inline in the caller's thread, same results."""
        threaded = work is None or work >= THREADED_FROM
        self._queues: list[queue.SimpleQueue] = [queue.SimpleQueue() for _ in range(count)] if threaded else []
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        self._buffers = [_take_spare(size) for _ in range(DEPTH if threaded else 1)]
        for buffer in self._buffers:
            self._free.put(buffer)
        self._lock = threading.Lock()
        self._loans: dict[int, list] = {}  # id(buffer) -> [lanes still using it, buffer]
        self._error: BaseException | None = None
        self._threads = [threading.Thread(target=self._work, args=(lane,), name=f"merit-hash-{number}", daemon=True)
                         for number, lane in enumerate(self._queues)]
        for thread in self._threads:
            thread.start()

    # --- the caller's side ------------------------------------------------------------------

    def buffer(self) -> bytearray:
        """A free buffer from the pool (waits while every buffer is in use)."""
        return self._free.get()

    def give_back(self, buffer: bytearray) -> None:
        """A buffer the caller took and did not hand to any lane."""
        self._free.put(buffer)

    def feed(self, buffer: bytearray, length: int, calls: Iterable[tuple[int, Callable]]) -> None:
        """Run each ``call(view)`` on its lane over ``buffer[:length]``; the buffer returns to
        the pool after the last of them. With no calls it returns at once."""
        calls = list(calls)
        if not self._queues:  # inline
            view = memoryview(buffer)[:length]
            for _, call in calls:
                call(view)
            self._free.put(buffer)
            return
        if not calls:
            self._free.put(buffer)
            return
        view = memoryview(buffer)[:length]
        with self._lock:
            self._loans[id(buffer)] = [len(calls), buffer]
        for lane, call in calls:
            self._queues[lane].put((call, view, buffer))

    def run(self, lane: int, call: Callable, *args) -> None:
        """Run ``call(*args)`` on ``lane`` after what is queued there (small data, no buffer)."""
        if not self._queues:
            call(*args)
            return
        self._queues[lane].put((call, args, None))

    def wait(self, *lanes: int) -> None:
        """Until ``lanes`` (default: every lane) have run everything queued on them so far;
        raises a lane's error."""
        if not self._queues:  # inline: everything has run already
            return
        chosen = [self._queues[lane] for lane in lanes] if lanes else self._queues
        done = [threading.Event() for _ in chosen]
        for lane, event in zip(chosen, done, strict=True):
            lane.put((None, event, None))
        for event in done:
            event.wait()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def close(self) -> None:
        for lane in self._queues:
            lane.put(_STOP)
        for thread in self._threads:
            thread.join()
        with _SPARE_LOCK:  # every lane has stopped: no buffer is in use any more
            _SPARE.extend(self._buffers[:max(0, _SPARE_MAX - len(_SPARE))])
        self._buffers = []

    def __enter__(self) -> Lanes:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- a lane ---------------------------------------------------------------------------

    def _work(self, lane: queue.SimpleQueue) -> None:
        while (task := lane.get()) is not _STOP:
            call, data, buffer = task
            if call is None:  # a wait() marker
                data.set()
                continue
            try:
                if self._error is None:  # after an error the rest is skipped, the buffers still released
                    call(data) if buffer is not None else call(*data)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller by wait()
                self._error = self._error or exc
            finally:
                if buffer is not None:
                    self._release(buffer)

    def _release(self, buffer: bytearray) -> None:
        with self._lock:
            loan = self._loans[id(buffer)]
            loan[0] -= 1
            last = loan[0] == 0
            if last:
                del self._loans[id(buffer)]
        if last:
            self._free.put(buffer)
