"""Where the bytes of an Evidence row are, and copying them out checked.

An office's own evidence is a blob of the evidence store; an imported assessment's
evidence stays inside the package it arrived in (the stored package is the evidence,
kept whole at ``<data>/packages/<sha256>.merit``). ``evidence_source`` finds either, and
``EvidenceSource.copy_to`` copies the bytes out while checking them against the size and
SHA-256 of the row: wrong bytes are never given out.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from models.evidence import CHUNK, EvidenceCancelled, EvidenceError
from models.package.format import MANIFEST_NAME, MAX_MANIFEST_BYTES, Cancelled, Progress, Rejected
from models.package.read_evidence import iter_package_evidence
from models.province_tables import ReceivedPackage, received_package_path
from models.store import Store
from models.tables import Evidence


class EvidenceUnavailable(EvidenceError):
    """The bytes of an evidence row cannot be given out (missing, or not the recorded bytes)."""


@dataclass(frozen=True)
class EvidenceSource:
    """Where the bytes of one Evidence row are: a blob of the evidence store (``entry`` None)
    or an entry of a stored package. ``copy_to`` touches files only (any thread)."""

    evidence_name: str
    sha256: str
    size: int
    path: Path  # the blob, or the stored package
    entry: str | None = None  # the package entry name, for imported evidence

    def copy_to(self, target: Path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
        """Write the bytes to ``target``, checking size and SHA-256 on the way; on a mismatch
        ``target`` is removed and ``EvidenceUnavailable`` says so: wrong bytes never open."""
        target = Path(target)
        try:
            with open(target, "wb") as writer:
                if self.entry is None:
                    self._copy_blob(writer, progress, cancelled)
                else:
                    self._copy_entry(writer, progress, cancelled)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def _copy_blob(self, writer, progress: Progress, cancelled: Cancelled) -> None:
        digest, done = hashlib.sha256(), 0
        try:
            with open(self.path, "rb") as reader:
                while chunk := reader.read(CHUNK):
                    _check_cancelled(cancelled, self.evidence_name)
                    digest.update(chunk)
                    writer.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(min(done, self.size), self.size)
        except FileNotFoundError:
            raise EvidenceUnavailable(code="evidence_blob_gone", name=self.evidence_name, path=self.path) from None
        if done != self.size or digest.hexdigest() != self.sha256:
            raise EvidenceUnavailable(code="evidence_blob_changed", name=self.evidence_name)

    def _copy_entry(self, writer, progress: Progress, cancelled: Cancelled) -> None:
        # Checked against the Evidence row (the signed manifest as imported), not against
        # what the stored package says about itself now.
        wanted = {"path": self.entry, "role": "evidence", "size": self.size, "sha256": self.sha256}
        done = 0
        try:
            for item in iter_package_evidence(self.path, {"files": [wanted]}):
                while chunk := item.stream.read(CHUNK):
                    _check_cancelled(cancelled, self.evidence_name)
                    writer.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(min(done, self.size), self.size)
        except Rejected as rejected:
            raise EvidenceUnavailable(code="evidence_package_differs", name=self.evidence_name, package=self.path.name,
                                      reason=rejected.message) from None


def _check_cancelled(cancelled: Cancelled, name: str) -> None:
    if cancelled and cancelled():
        raise EvidenceCancelled(code="evidence_open_cancelled", name=name)


def evidence_source(store: Store, evidence: Evidence) -> EvidenceSource:
    """Where the bytes of ``evidence`` are (reads the database: call on the store's thread).

    Imported assessments: the stored package they arrived in (the package is the evidence,
    kept whole). Otherwise the evidence store; failing that, any stored package that holds
    the same content (a revision reopened from an imported one)."""
    name = evidence.original_name
    received = ReceivedPackage.get_or_none(ReceivedPackage.assessment == evidence.assessment_id)
    blob = store.evidence_store.path_of(evidence.sha256)
    if received is None and not blob.is_file():
        received = (ReceivedPackage.select().join(Evidence, on=(Evidence.assessment == ReceivedPackage.assessment))
                    .where(Evidence.sha256 == evidence.sha256).first())
    if received is None:
        return EvidenceSource(name, evidence.sha256, evidence.size, blob)
    package = received_package_path(store.data_dir, received.sha256)
    return EvidenceSource(name, evidence.sha256, evidence.size, package,
                          _entry_of(package, evidence.sha256, evidence.item_id, name))


def _entry_of(package: Path, sha256: str, item_id: str, name: str) -> str:
    """The entry that the stored package's manifest lists for this content (an item's own
    entry first). Only a locator: ``copy_to`` checks the bytes against the row."""
    where = {"name": name, "package": package.name}
    try:
        with zipfile.ZipFile(package) as archive, archive.open(MANIFEST_NAME) as stream:
            files = json.loads(stream.read(MAX_MANIFEST_BYTES + 1).decode("utf-8"))["files"]
        candidates = [entry for entry in files if isinstance(entry, dict) and entry.get("role") == "evidence"
                      and entry.get("sha256") == sha256 and isinstance(entry.get("path"), str)]
    except FileNotFoundError:
        raise EvidenceUnavailable(code="evidence_package_gone", **where) from None
    except (OSError, zipfile.BadZipFile, KeyError, TypeError, ValueError) as exc:
        raise EvidenceUnavailable(code="evidence_package_damaged", detail=exc, **where) from None
    if not candidates:
        raise EvidenceUnavailable(code="evidence_package_unlisted", **where)
    candidates.sort(key=lambda entry: entry.get("item_id") != item_id)
    return candidates[0]["path"]
