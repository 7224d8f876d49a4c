"""Durable file writes: temp file + fsync + rename, so a crash or a full disk leaves the
old file or the new one, never half of one."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename inside ``directory`` durable (no-op where directories cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temp path beside ``target``; on success fsync it and rename it into place.

    On any error the temp file is removed and ``target`` is untouched (old content or none).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        yield partial
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        partial.unlink(missing_ok=True)


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


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` durably and all at once."""
    with atomic_file(Path(path)) as partial:
        partial.write_bytes(data)
    return Path(path)
