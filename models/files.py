"""Durable file writes: temp file + fsync + rename, so a crash or a full disk leaves the
old file or the new one, never half of one."""

from __future__ import annotations

import os
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
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` durably and all at once (``mode``: see ``atomic_file``)."""
    with atomic_file(Path(path), mode) as partial:
        partial.write_bytes(data)
    return Path(path)
