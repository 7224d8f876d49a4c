"""Durable file writes: temp file + fsync + rename, so a crash or a full disk leaves the
old file or the new one, never half of one."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Windows refuses to replace a file another program holds open (a viewer, a virus scanner or
# a backup tool reading it): os.replace raises PermissionError. Scanners let go within a
# second, so try again a few times before telling the user.
WINDOWS = os.name == "nt"
REPLACE_ATTEMPTS = 8
REPLACE_PAUSE_SECONDS = 0.25


class FileInUseError(PermissionError):
    """``path`` could not be replaced because another program holds it open (Windows)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(
            f"{self.path.name}: berkas sedang dibuka program lain; tutup program itu lalu coba lagi ({self.path})")

    def __str__(self) -> str:
        return self.args[0]


def replace_file(source: Path, target: Path) -> None:
    """``os.replace(source, target)``; on Windows a refused replace is retried a bounded
    number of times, then reported as ``FileInUseError`` with a plain explanation."""
    tries = REPLACE_ATTEMPTS if WINDOWS else 1
    for attempt in range(tries):
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            if not WINDOWS:
                raise
            if attempt + 1 == tries:
                raise FileInUseError(target) from error
            time.sleep(REPLACE_PAUSE_SECONDS)


def fsync_dir(directory: Path) -> None:
    """Make a rename inside ``directory`` durable (no-op where directories cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FlushBehind:
    """Writes a growing file's pages to disk while it is still being written: every ``every``
    bytes a helper thread syncs what is written so far (one at a time; the caller never
    waits), so the final ``fsync`` waits only for the tail instead of the whole file after
    everything else is done. The final ``fsync`` stays the caller's and is what counts:
    an error here is left for it to report."""

    def __init__(self, fd: int, every: int = 32 * 1024 * 1024):
        self._fd, self._every, self._next = fd, every, every
        self._thread: threading.Thread | None = None

    def wrote(self, position: int) -> None:
        """``position`` bytes of the file are written."""
        if position < self._next or (self._thread is not None and self._thread.is_alive()):
            return
        self._next = position + self._every
        self._thread = threading.Thread(target=self._sync, name="merit-flush-behind", daemon=True)
        self._thread.start()

    def _sync(self) -> None:
        try:
            (getattr(os, "fdatasync", None) or os.fsync)(self._fd)
        except OSError:
            pass  # the caller's own fsync at the end reports a failing disk

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()


@contextmanager
def atomic_file(target: Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temp path beside ``target``; on success fsync it and rename it into place.

    On any error the temp file is removed and ``target`` is untouched (old content or none).
    With ``mode`` (e.g. ``0o600`` for a private key) the temp file is created with those
    permissions before a byte is written, so the content is never readable by others.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        if mode is not None:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
        yield partial
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(partial, target)
        fsync_dir(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def target_of_partial(path: str | os.PathLike) -> Path:
    """The file a temp ``.NAME.HEX.partial`` (``atomic_file``, package export) was to become,
    for messages that name what the user asked to write; any other path as it is."""
    path = Path(path)
    match = re.fullmatch(r"\.(.+)\.(?:[0-9]+-)?[0-9a-f]+\.partial", path.name)
    return path.with_name(match.group(1)) if match else path


def owner_is_gone(partial: Path, max_age_seconds: float = 24 * 3600) -> bool:
    """Whether the temp file ``.<name>.<pid>-<hex>.partial`` is a leftover: its process is no
    longer running (or the name carries no PID), or it is older than ``max_age_seconds``
    (a process of another PC on a shared folder cannot be asked)."""
    try:
        if time.time() - partial.stat().st_mtime > max_age_seconds:
            return True
    except OSError:
        return False
    stem = partial.name.removesuffix(".partial").rsplit(".", 1)[-1]
    pid_text = stem.split("-", 1)[0]
    if "-" not in stem or not pid_text.isdigit():
        return True  # written before temp names carried their PID
    return not pid_alive(int(pid_text))


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def temp_name_for(target: Path) -> Path:
    """A temp name beside ``target`` that says which process writes it (``owner_is_gone``)."""
    return target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.partial")


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` durably and all at once (``mode``: see ``atomic_file``)."""
    with atomic_file(Path(path), mode) as partial:
        partial.write_bytes(data)
    return Path(path)
