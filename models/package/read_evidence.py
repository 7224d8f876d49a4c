"""Reading the evidence files out of a verified package (``docs/package-format.md`` §10):
streamed in manifest order, never extracted by name, each re-checked against its size and
SHA-256 as it is read (the file may have changed since it was verified)."""

from __future__ import annotations

import hashlib
import os
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.evidence import CHUNK, EvidenceStore, StoredBlob
from models.files import fsync_dir
from models.package.container import EntryReader, ReadBudget, open_container
from models.package.format import Cancelled, PackageCancelled, Progress, Rejected


@dataclass
class PackageEvidence:
    entry: dict  # the manifest's files[] entry: path, size, sha256, item_id, label, original_name, ...
    stream: object = field(repr=False)  # .read(n); raises Rejected at EOF if size or SHA-256 differ


def iter_package_evidence(path: Path, manifest: dict, budget: ReadBudget | None = None) -> Iterator[PackageEvidence]:
    """Stream each evidence file of a *verified* package, in manifest order, without
    extracting anything. Each stream must be read to its end before the next is yielded;
    reading re-checks size and SHA-256 (the file may have changed since verification)
    and raises ``Rejected`` if they differ.

    A format 1 package a province stored before format 2 (verified when it was imported)
    is still read, through ``zipfile``: the size and SHA-256 check against ``manifest``
    (the importer passes what it recorded then) is what makes its bytes trustworthy."""
    try:
        container = open_container(Path(path), budget)
    except Rejected as rejected:
        if rejected.reason != "format_version_unsupported":
            raise
        yield from _stored_format_1(Path(path), manifest)
        return
    entries = container.by_name
    for entry in manifest["files"]:
        if entry.get("role") != "evidence":
            continue
        found = entries.get(entry["path"])
        if found is None:
            raise Rejected("missing_file", f"Berkas: {entry['path']}.")
        with EntryReader(container.path, found, entry, container.budget) as stream:
            yield PackageEvidence(entry, stream)


class _CheckedStream:
    """A format 1 entry's stream; at EOF raises ``Rejected`` when size or SHA-256 differ."""

    def __init__(self, stream, entry: dict):
        self._stream, self._entry = stream, entry
        self._digest, self._size = hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._stream.read(size)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}: {exc}.") from exc
        self._digest.update(chunk)
        self._size += len(chunk)
        if self._size > self._entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry['path']}.")
        if not chunk or size < 0:
            if self._size != self._entry["size"] or self._digest.hexdigest() != self._entry["sha256"]:
                raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}.")
        return chunk


def _stored_format_1(path: Path, manifest: dict) -> Iterator[PackageEvidence]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Rejected("zip_corrupt", f"{path.name}: {exc}.") from exc
    with archive:
        for entry in manifest["files"]:
            if entry.get("role") != "evidence":
                continue
            try:
                stream = archive.open(entry["path"])
            except KeyError:
                raise Rejected("missing_file", f"Berkas: {entry['path']}.") from None
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                raise Rejected("zip_corrupt", f"Berkas {entry['path']}: {exc}.") from exc
            with stream:
                yield PackageEvidence(entry, _CheckedStream(stream, entry))


def import_evidence(evidence_store: EvidenceStore, path: Path, manifest: dict, *, progress: Progress = None,
                    cancelled: Cancelled = None) -> dict[str, StoredBlob]:
    """Copy every evidence file of a verified package into ``evidence_store`` (temp file,
    fsync, rename, as ``EvidenceStore.add``); returns package path -> stored blob."""
    total = sum(e["size"] for e in manifest["files"] if e.get("role") == "evidence")
    done = 0
    stored: dict[str, StoredBlob] = {}
    evidence_store.root.mkdir(parents=True, exist_ok=True)
    for item in iter_package_evidence(path, manifest):
        entry = item.entry
        final = evidence_store.path_of(entry["sha256"])
        partial = evidence_store.root / f".{uuid.uuid4().hex}.partial"
        try:
            with open(partial, "wb") as writer:
                while chunk := item.stream.read(CHUNK):
                    if cancelled and cancelled():
                        raise PackageCancelled(code="evidence_import_cancelled")
                    writer.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                writer.flush()
                os.fsync(writer.fileno())
            if final.is_file() and final.stat().st_size == entry["size"]:
                partial.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(partial, final)
                fsync_dir(final.parent)
        finally:
            partial.unlink(missing_ok=True)
        stored[entry["path"]] = StoredBlob(entry["sha256"], entry["size"],
                                           entry.get("media_type") or "application/octet-stream")
    return stored
