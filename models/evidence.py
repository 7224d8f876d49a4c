"""Content-addressed evidence files: one copy per content, named by SHA-256.

A file is streamed into a temp file in the store while it is hashed, fsynced, then
renamed to ``evidence/<first two hex>/<sha256>``; a crash leaves at most a ``.partial``
file that the next add or ``sweep_partials`` removes, never a wrong blob.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.errors import classify
from models.files import fsync_dir
from models.settings import EVIDENCE_LIMIT_MB
from models.texts import CodedError

CHUNK = 1024 * 1024
MIB = 1024 * 1024
DEFAULT_LIMIT_BYTES = EVIDENCE_LIMIT_MB.default * MIB


class EvidenceError(CodedError, RuntimeError):
    """A file could not be added: ``code`` and ``params`` (``models.texts``), the message for the user."""


class EvidenceTooLarge(EvidenceError):
    pass


class EvidenceCancelled(EvidenceError):
    pass


@dataclass(frozen=True)
class StoredBlob:
    """A file in the evidence store, by its SHA-256."""

    sha256: str
    size: int
    media_type: str


def guess_media_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def hash_file(path: Path, progress: Callable[[int], None] | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if progress:
                progress(size)
    return digest.hexdigest(), size


def format_megabytes(size: int) -> str:
    """Kept for callers outside the GUI; the size as ``models.formatting.size_id`` shows it."""
    from models.formatting import size_id

    return size_id(size)


class EvidenceStore:
    def __init__(self, root: Path, limit_bytes: int = DEFAULT_LIMIT_BYTES):
        self.root = root
        self.limit_bytes = limit_bytes

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def add(
        self,
        source: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> StoredBlob:
        """Copy ``source`` in; ``progress(done, total)`` per chunk; ``cancelled()`` aborts."""
        source = Path(source)
        try:
            total = source.stat().st_size
        except OSError as exc:
            raise EvidenceError(code="evidence_unreadable", name=source.name, detail=exc.strerror) from exc
        if not source.is_file():
            raise EvidenceError(code="evidence_not_regular", name=source.name)
        if total > self.limit_bytes:
            raise EvidenceTooLarge(
                code="evidence_too_large", name=source.name, size=format_megabytes(total),
                limit=format_megabytes(self.limit_bytes)
            )
        self.root.mkdir(parents=True, exist_ok=True)
        partial = self.root / f".{uuid.uuid4().hex}.partial"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(source, "rb") as reader, open(partial, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    if cancelled and cancelled():
                        raise EvidenceCancelled(code="evidence_add_cancelled", name=source.name)
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
                    if size > self.limit_bytes:
                        raise EvidenceTooLarge(code="evidence_grew_too_large", name=source.name)
                    if progress:
                        progress(size, total)
                writer.flush()
                os.fsync(writer.fileno())
            sha256 = digest.hexdigest()
            final = self.path_of(sha256)
            if final.is_file() and final.stat().st_size == size and hash_file(final)[0] == sha256:
                partial.unlink()  # the same content is already here, intact
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(partial, final)
                fsync_dir(final.parent)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            # The cause in plain words (a full disk is not a missing permission); raw text to the log.
            raise EvidenceError(code="evidence_not_saved", name=source.name, reason=classify(exc).said) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return StoredBlob(sha256, size, guess_media_type(source.name))

    def sweep_partials(self, older_than_seconds: float = 24 * 3600) -> int:
        """Remove temp files a crash left; returns how many. Only old ones: a fresh one may
        be another process's copy in progress (the GUI adding a file while a CLI verb runs)."""
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than_seconds
        leftovers = [p for p in self.root.glob(".*.partial") if p.stat().st_mtime < cutoff]
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        return len(leftovers)

    def remove_unreferenced(self, referenced: set[str]) -> int:
        """Delete blobs no evidence row points at; returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for blob in self.root.glob("??/*"):
            if blob.name not in referenced:
                blob.unlink()
                removed += 1
        return removed
