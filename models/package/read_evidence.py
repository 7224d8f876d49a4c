"""Reading the evidence files out of a verified package (``docs/package-format.md`` §10):
streamed in manifest order, never extracted by name, each re-checked against its size and
SHA-256 as it is read (the file may have changed since it was verified)."""

from __future__ import annotations

import os
import uuid
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
    and raises ``Rejected`` if they differ."""
    container = open_container(Path(path), budget)
    entries = container.by_name
    for entry in manifest["files"]:
        if entry.get("role") != "evidence":
            continue
        found = entries.get(entry["path"])
        if found is None:
            raise Rejected("missing_file", f"Berkas: {entry['path']}.")
        with EntryReader(container.path, found, entry, container.budget) as stream:
            yield PackageEvidence(entry, stream)


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
                        raise PackageCancelled("Impor bukti dukung dibatalkan.")
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
