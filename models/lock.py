"""One owner per data folder: a lock file ``<data>/merit.lock`` holding PID and host.

The lock is an OS lock on the open file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows), so it dies with its process: a crash or a power cut never leaves a folder locked,
and a lock file whose process is gone is simply taken over. The PID and host written into
the file only serve to name the holder in the message.

Within one process the lock is shared (counted): the GUI and its worker threads, or a test
holding several ``Store`` objects on one folder, are one owner.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from pathlib import Path

from models.errors import STORE_BUSY, MeritError
from models.files import pid_alive
from models.texts import Said

log = logging.getLogger("merit.lock")

LOCK_FILENAME = "merit.lock"
# Windows locks byte ranges, and a locked byte cannot be read by others: lock a byte past
# the PID text so a second process can still read who holds the folder.
_WINDOWS_LOCK_OFFSET = 4096


class DataDirBusy(MeritError):
    """Another process holds the data folder (``holder``: its PID and host when known)."""

    def __init__(self, holder: str = ""):
        self.holder = holder
        super().__init__(STORE_BUSY, holder=Said("busy_holder", holder=holder) if holder else "")


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def holder_of(data_dir: Path) -> str:
    """``PID@host`` written by the holder, or "" when unknown."""
    try:
        return (Path(data_dir) / LOCK_FILENAME).read_text("utf-8", errors="replace").strip().splitlines()[0]
    except (OSError, IndexError):
        return ""


def _claim_by_pid(fd: int) -> bool:
    """Where the filesystem offers no locks (some network shares): the PID file alone. Taken
    when empty, ours, or naming a process of this PC that is gone; a holder on another PC
    cannot be asked, so it counts as holding until its file is emptied or removed."""
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 256).decode("utf-8", "replace").strip()
    if not text:
        return True
    pid_text, _, host = text.splitlines()[0].partition("@")
    if host != socket.gethostname():
        return False
    return not pid_text.isdigit() or int(pid_text) == os.getpid() or not pid_alive(int(pid_text))


class _Held:
    def __init__(self, fd: int, os_locked: bool = True):
        self.os_locked = os_locked
        self.fd = fd
        self.count = 0
        self.users = 0  # the holders that work on the folder (not ``claim_only`` ones)


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


class DataDirLock:
    """The lock on one data folder, taken with :meth:`acquire`, given back with :meth:`release`."""

    def __init__(self, data_dir: Path, *, claim_only: bool = False):
        """``claim_only``: held to keep other processes out (the GUI for its whole session),
        not to work on the folder, so a ``Store`` opened under it is still its first user."""
        self.data_dir = Path(data_dir)
        self.claim_only = claim_only
        self.path = self.data_dir / LOCK_FILENAME
        self._key = str(self.data_dir.resolve())
        self._owned = False
        self.first_user = False  # True when no other working holder of this process has the folder

    @property
    def held(self) -> bool:
        return self._owned

    def acquire(self, wait_seconds: float = 0.0) -> DataDirLock:
        """Take the lock, waiting up to ``wait_seconds``; raises :class:`DataDirBusy`."""
        if self._owned:
            return self
        deadline = time.monotonic() + wait_seconds
        while True:
            with _held_guard:
                held = _held.get(self._key)
                if held is None:
                    held = self._open_and_lock()
                if held is not None:
                    held.count += 1
                    if not self.claim_only:
                        held.users += 1
                        self.first_user = held.users == 1
                    _held[self._key] = held
                    self._owned = True
                    return self
            if time.monotonic() >= deadline:
                raise DataDirBusy(holder_of(self.data_dir))
            time.sleep(0.1)

    def _open_and_lock(self) -> _Held | None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        os_locked = True
        try:
            try:
                taken = _try_lock(fd)
            except OSError as exc:  # no locks on this filesystem: fall back to the PID alone
                log.warning("no OS lock on %s (%r); using the PID file alone", self.path, exc)
                os_locked, taken = False, _claim_by_pid(fd)
            if not taken:
                os.close(fd)
                return None
            # Ours now (a dead holder's file is taken over): say who holds it.
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}@{socket.gethostname()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        return _Held(fd, os_locked)

    def release(self) -> None:
        if not self._owned:
            return
        self._owned = False
        with _held_guard:
            held = _held.get(self._key)
            if held is None:
                return
            held.count -= 1
            if not self.claim_only:
                held.users -= 1
            if held.count > 0:
                return
            del _held[self._key]
            try:
                if held.os_locked:
                    _unlock(held.fd)
                else:
                    os.ftruncate(held.fd, 0)  # the PID file alone: empty means free
            finally:
                os.close(held.fd)

    def __enter__(self) -> DataDirLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
