"""The province imports kabupaten/kota packages: one file, many, or whole folders.

Per file, in this order (``Importer.import_file``):

1. The file is copied into ``<data>/packages/`` under a temp name while it is hashed, so
   everything after reads the province's own copy: a flash drive pulled out or a file
   changed mid-import cannot make the checked bytes differ from the stored ones.
2. Same SHA-256 as a package already held: *duplicate*.
3. ``models.package.verify_package`` with this province's trusted key and revoked serials
   (signature, certificate, every file's hash, scores recomputed), plus: the office must
   belong to this province (``office_not_in_province``).
4. Against what is held for (office, year): an older revision is *superseded*, the same
   revision a *duplicate*.
5. Accepted: evidence streamed into the evidence store, the package renamed to
   ``packages/<sha256>.merit`` (fsynced), then Office/Assessment (final)/Answer/Evidence
   rows, an audit entry and a ``ReceivedPackage`` record in ONE transaction.

Anything short of acceptance removes the temp copy and any evidence blob it added: a
rejected package leaves nothing behind. Outcomes carry a stable reason code and a
sentence in Bahasa Indonesia.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from models import keys, province, regions
from models.db import fsync_dir
from models.evidence import CHUNK
from models.package import (
    SUFFIX,
    Cancelled,
    PackageCancelled,
    Progress,
    Rejected,
    import_evidence,
    verify_package,
)
from models.province_tables import ReceivedPackage
from models.store import Store
from models.tables import Answer, Assessment, AuditEntry, Evidence, utc_now

PACKAGES_DIR = "packages"

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
SUPERSEDED = "superseded"
REJECTED = "rejected"
OUTCOME_LABELS = {ACCEPTED: "Diterima", DUPLICATE: "Duplikat", SUPERSEDED: "Usang", REJECTED: "Ditolak"}

# Reasons the importer adds to those of models.package.REASONS.
IMPORTER_REASONS = {
    "office_not_in_province": "Paket berasal dari kantor di luar provinsi ini.",
    "same_file": "Paket yang sama persis sudah diterima sebelumnya.",
    "same_revision": "Revisi ini dari kantor yang sama sudah diterima.",
    "older_revision": "Sudah diterima revisi yang lebih baru dari kantor yang sama.",
    "disk_error": "Paket gagal disimpan.",
}

class ImportCancelled(Exception):
    """The user cancelled; files finished before stay imported."""


@dataclass
class ImportOutcome:
    path: Path
    outcome: str  # ACCEPTED | DUPLICATE | SUPERSEDED | REJECTED
    reason: str | None = None
    message: str = ""
    office_code: str | None = None
    office_name: str | None = None
    year: int | None = None
    revision: int | None = None
    sha256: str | None = None
    assessment_id: int | None = None

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    def to_dict(self) -> dict:
        return {"path": str(self.path), "outcome": self.outcome, "reason": self.reason, "message": self.message,
                "office_code": self.office_code, "office_name": self.office_name, "year": self.year,
                "revision": self.revision, "sha256": self.sha256, "assessment_id": self.assessment_id}


def count_outcomes(outcomes: Iterable[ImportOutcome]) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOME_LABELS, 0)
    for outcome in outcomes:
        counts[outcome.outcome] += 1
    return counts


def all_good(outcomes: Iterable[ImportOutcome]) -> bool:
    """True when every file was accepted or a duplicate (the CLI's exit code 0)."""
    return all(outcome.outcome in (ACCEPTED, DUPLICATE) for outcome in outcomes)


def collect_package_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every ``*.merit`` under given folders (a flash drive, a folder of
    email attachments), each once, folders' files in name order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted((p for p in path.rglob("*") if p.suffix.lower() == SUFFIX and p.is_file()
                                 and not p.name.startswith(".")), key=lambda p: str(p).casefold())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _size_of(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


class _Meter:
    """Bytes done across both stages (two threads) for one ``progress(done, total)``."""

    def __init__(self, total: int, progress: Progress):
        self.total = total
        self.progress = progress
        self._done = 0
        self._files_done = 0  # bytes of the files fully through all three passes
        self._lock = threading.Lock()

    def add(self, amount: int) -> None:
        with self._lock:
            self._done = min(self.total, self._done + amount)
            done = self._done
        if self.progress:
            self.progress(done, self.total)

    def part(self) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` for one step that reports cumulative bytes."""
        seen = [0]

        def report(done: int, _total: int) -> None:
            self.add(max(0, done - seen[0]))
            seen[0] = max(seen[0], done)

        return report

    def finish_file(self, size: int) -> None:
        """Count the rest of a file's three passes (steps skipped for a rejected file)."""
        with self._lock:
            self._files_done += 3 * size
            self._done = max(self._done, min(self.total, self._files_done))
            done = self._done
        if self.progress:
            self.progress(done, self.total)


@dataclass
class _Prepared:
    """A file copied and checked, waiting for the storing stage."""

    path: Path
    incoming: Path  # private temp folder holding the copy
    partial: Path
    size: int
    sha256: str | None = None
    report: object = None
    facts: dict = field(default_factory=dict)
    outcome: ImportOutcome | None = None  # decided already (rejected, duplicate)

    def discard(self) -> None:
        shutil.rmtree(self.incoming, ignore_errors=True)


class Importer:
    """Imports packages into a province store; one instance per import session."""

    def __init__(self, store: Store, *, trusted_keys: list[keys.PublicKey] | None = None,
                 province_codes: Iterable[str] | None = None, who: str = ""):
        self.store = store
        if province_codes is None:
            province_codes = [province.require_province_code(store)]
        self.province_codes = frozenset(province_codes)
        self.trusted_keys = trusted_keys if trusted_keys is not None else keys.load_trusted_keys(store.data_dir)
        self.revoked = province.revoked_serials(store)
        self.who = who or store.setting("operator_name", "") or ""
        self.packages_dir = store.data_dir / PACKAGES_DIR
        self._sweep_incoming()

    def _sweep_incoming(self) -> None:
        """Remove copies an import interrupted by a crash or power cut left behind."""
        if self.packages_dir.is_dir():
            for leftover in self.packages_dir.glob(".*.partial"):
                shutil.rmtree(leftover, ignore_errors=True)

    # --- many files ----------------------------------------------------------------------

    def import_paths(self, paths: Iterable[Path], *, progress: Progress = None, cancelled: Cancelled = None,
                     on_outcome: Callable[[ImportOutcome], None] | None = None,
                     files: list[Path] | None = None) -> list[ImportOutcome]:
        """Import every package under ``paths``; ``progress(done, total)`` in bytes (each
        file is read three times: copy, verify, evidence). Raises ImportCancelled when
        ``cancelled()`` turns true; outcomes reported so far stand.

        Two stages overlap: a helper thread copies and verifies the next file (hashing,
        reading and fsync release the GIL) while this thread stores the current one.
        Everything that writes the store stays on this thread, in file order."""
        files = files if files is not None else collect_package_files(paths)
        meter = _Meter(3 * sum(_size_of(path) for path in files), progress)
        outcomes: list[ImportOutcome] = []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="merit-import") as helper:
            pending: Future | None = None
            try:
                for position, path in enumerate(files):
                    if cancelled and cancelled():
                        raise ImportCancelled(f"Impor dibatalkan setelah {len(outcomes)} berkas.")
                    prepared = pending.result() if pending else self._prepare(path, meter, cancelled)
                    pending = None
                    if position + 1 < len(files):
                        pending = helper.submit(self._prepare, files[position + 1], meter, cancelled)
                    outcome = self._finish(prepared, meter, cancelled)
                    outcomes.append(outcome)
                    if on_outcome:
                        on_outcome(outcome)
            finally:
                if pending is not None:
                    try:
                        pending.result().discard()
                    except (ImportCancelled, OSError):
                        pass
                helper.submit(self.store.db.close).result()  # the helper thread's own connection
        return outcomes

    # --- one file ------------------------------------------------------------------------

    def import_file(self, path: Path, *, progress: Progress = None, cancelled: Cancelled = None) -> ImportOutcome:
        meter = _Meter(3 * _size_of(Path(path)), progress)
        return self._finish(self._prepare(Path(path), meter, cancelled), meter, cancelled)

    def _prepare(self, path: Path, meter: _Meter, cancelled: Cancelled) -> _Prepared:
        """Copy, hash and verify (read-only on the store; may run in the helper thread)."""
        path = Path(path)
        # The copy keeps the file's own name (in a private temp folder), so the checks'
        # messages name the file the user chose.
        incoming = self.packages_dir / f".{uuid.uuid4().hex}.partial"
        incoming.mkdir(parents=True)
        prepared = _Prepared(path, incoming, incoming / (path.name if path.name.isprintable() else "paket.merit"),
                             _size_of(path))
        try:
            self._check(prepared, meter, cancelled)
        except (PackageCancelled, ImportCancelled):
            prepared.discard()
            raise ImportCancelled(f"Impor {path.name} dibatalkan; berkas itu tidak disimpan.") from None
        except BaseException:
            prepared.discard()
            raise
        return prepared

    def _check(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> None:
        path = prepared.path
        try:
            prepared.sha256 = self._copy_hashing(path, prepared.partial, meter, cancelled)
        except OSError as exc:
            prepared.outcome = ImportOutcome(path, REJECTED, "unreadable",
                                             f"Berkas {path.name} tidak dapat dibaca: {exc.strerror or exc}.")
            return
        if self._duplicate_file(prepared):
            return
        report = verify_package(prepared.partial, self.trusted_keys, self.store.registry,
                                revoked_serials=self.revoked, progress=meter.part(), cancelled=cancelled)
        prepared.report = report
        manifest = report.manifest or {}
        office = manifest.get("office") if isinstance(manifest.get("office"), dict) else {}
        claimed_code = report.certificate.office_code if report.certificate else office.get("code")
        prepared.facts = {"office_code": claimed_code, "office_name": office.get("name"),
                          "year": manifest.get("year"), "revision": manifest.get("revision"),
                          "sha256": prepared.sha256}
        if report.reason == "cancelled":
            raise ImportCancelled(report.message)
        outside = claimed_code is not None and not self._in_province(str(claimed_code))
        if not report.ok and not (outside and report.reason == "certificate_untrusted"):
            message = report.message if path.name in report.message else f"{path.name}: {report.message}"
            prepared.outcome = ImportOutcome(path, REJECTED, report.reason, message, **prepared.facts)
        elif outside or (report.certificate and report.certificate.province_code not in self.province_codes):
            prepared.outcome = ImportOutcome(
                path, REJECTED, "office_not_in_province",
                f"{path.name}: {IMPORTER_REASONS['office_not_in_province']} Kantor {claimed_code} "
                f"({office.get('name', '')}) termasuk provinsi {self._province_name(str(claimed_code))}.",
                **prepared.facts)

    def _duplicate_file(self, prepared: _Prepared) -> bool:
        held = ReceivedPackage.get_or_none(ReceivedPackage.sha256 == prepared.sha256)
        if held is not None:
            prepared.outcome = ImportOutcome(
                prepared.path, DUPLICATE, "same_file",
                f"{IMPORTER_REASONS['same_file']} ({held.office_code} tahun {held.year} revisi {held.revision}, "
                f"diterima {held.received_at:%d-%m-%Y}).",
                held.office_code, None, held.year, held.revision, prepared.sha256, held.assessment_id)
        return held is not None

    def _finish(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> ImportOutcome:
        """Decide against what is held now and store an acceptable package (this thread only)."""
        try:
            if prepared.outcome is None and not self._duplicate_file(prepared):
                prepared.outcome = self._store(prepared, meter, cancelled)
            meter.finish_file(prepared.size)
            return prepared.outcome
        except (PackageCancelled, ImportCancelled):
            raise ImportCancelled(f"Impor {prepared.path.name} dibatalkan; berkas itu tidak disimpan.") from None
        finally:
            prepared.discard()

    def _store(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> ImportOutcome:
        path, report, facts = prepared.path, prepared.report, prepared.facts
        manifest = report.manifest
        code, year, revision = manifest["office"]["code"], manifest["year"], manifest["revision"]
        newest = (ReceivedPackage.select().where((ReceivedPackage.office_code == code) & (ReceivedPackage.year == year))
                  .order_by(ReceivedPackage.revision.desc()).first())
        if newest is not None and revision <= newest.revision:
            reason, outcome = ("same_revision", DUPLICATE) if revision == newest.revision else \
                ("older_revision", SUPERSEDED)
            return ImportOutcome(path, outcome, reason,
                                 f"{IMPORTER_REASONS[reason]} Diterima: revisi {newest.revision}; "
                                 f"berkas ini revisi {revision}.", **facts)
        try:
            assessment = self._accept(path, prepared.partial, prepared.sha256, prepared.size, report,
                                      meter.part(), cancelled)
        except Rejected as rejected:  # the copy changed under us since verification
            return ImportOutcome(path, REJECTED, rejected.reason, f"{path.name}: {rejected.message}", **facts)
        except OSError as exc:
            return ImportOutcome(path, REJECTED, "disk_error",
                                 f"{IMPORTER_REASONS['disk_error']} {exc.strerror or exc}. Periksa ruang disk; "
                                 "tidak ada yang tersimpan dari berkas ini.", **facts)
        name = manifest["office"].get("name", code)
        return ImportOutcome(path, ACCEPTED, None, f"Diterima: {name} tahun {year} revisi {revision}.",
                             **{**facts, "office_code": code}, assessment_id=assessment.id)

    def _in_province(self, office_code: str) -> bool:
        try:
            return regions.province_of(office_code).code in self.province_codes
        except KeyError:
            return False

    @staticmethod
    def _province_name(office_code: str) -> str:
        try:
            return regions.province_of(office_code).name
        except KeyError:
            return "yang tidak dikenal"

    def _copy_hashing(self, source: Path, partial: Path, meter: _Meter, cancelled: Cancelled) -> str:
        digest = hashlib.sha256()
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            while chunk := reader.read(CHUNK):
                if cancelled and cancelled():
                    raise ImportCancelled()
                digest.update(chunk)
                writer.write(chunk)
                meter.add(len(chunk))
            writer.flush()
            os.fsync(writer.fileno())
        return digest.hexdigest()

    def _accept(self, path: Path, partial: Path, sha256: str, size: int, report, progress: Progress,
                cancelled: Cancelled) -> Assessment:
        """Evidence into the store, the package into place, the rows in one transaction;
        on any failure, the package file and the blobs this package added are removed."""
        manifest = report.manifest
        evidence_store = self.store.evidence_store
        before = {entry["sha256"] for entry in manifest["files"]
                  if entry.get("role") == "evidence" and evidence_store.has(entry["sha256"])}
        final = self.packages_dir / f"{sha256}{SUFFIX}"
        try:
            import_evidence(evidence_store, partial, manifest, progress=progress, cancelled=cancelled)
            os.replace(partial, final)
            fsync_dir(self.packages_dir)
            return self._write_rows(path, sha256, size, report)
        except BaseException:
            # Nothing of a package that was not accepted stays: its file and new blobs go.
            final.unlink(missing_ok=True)
            referenced = self.store.referenced_blobs()
            for entry in manifest["files"]:
                blob = entry.get("sha256")
                if entry.get("role") == "evidence" and blob not in before and blob not in referenced:
                    evidence_store.path_of(blob).unlink(missing_ok=True)
            raise

    def _write_rows(self, path: Path, sha256: str, size: int, report) -> Assessment:
        manifest = report.manifest
        certificate = report.certificate
        info = manifest["assessment"]
        now = utc_now()
        with self.store.db.atomic():
            office = self.store.ensure_office(manifest["office"]["code"], manifest["office"].get("name"))
            assessment = Assessment.create(
                office=office, year=manifest["year"], revision=manifest["revision"],
                instrument_id=manifest["instrument"]["id"], instrument_sha256=manifest["instrument"]["sha256"],
                status=Assessment.FINAL, gates=dict(info.get("gates") or {}), survey=info.get("survey"),
                correction=info.get("correction"), created_at=_parse_time(info.get("created_at")) or now,
                updated_at=now, finalized_at=_parse_time(info.get("finalized_at")),
            )
            Answer.insert_many([{
                "assessment": assessment, "item_id": a["item_id"], "level": a.get("level"),
                "justification": a.get("justification") or "", "needs_review": bool(a.get("needs_review")),
                "review_note": a.get("review_note") or "", "updated_at": _parse_time(a.get("updated_at")) or now,
                "updated_by": a.get("updated_by") or "",
            } for a in manifest["answers"]]).execute()
            evidence_rows = [{
                "assessment": assessment, "item_id": e["item_id"], "sha256": e["sha256"], "size": e["size"],
                "original_name": e.get("original_name") or Path(e["path"]).name,
                "label": e.get("label") or Path(e["path"]).stem,
                "media_type": e.get("media_type") or "application/octet-stream",
                "added_at": _parse_time(e.get("added_at")) or now, "added_by": e.get("added_by") or "",
            } for e in manifest["files"] if e.get("role") == "evidence"]
            if evidence_rows:
                Evidence.insert_many(evidence_rows).execute()
            AuditEntry.create(assessment=assessment, item_id=None, field="imported", old_value=None,
                              new_value={"package_sha256": sha256, "package_id": manifest.get("package_id"),
                                         "file": path.name, "certificate_serial": certificate.serial},
                              who=self.who)
            ReceivedPackage.create(
                sha256=sha256, office_code=office.code, year=assessment.year, revision=assessment.revision,
                assessment=assessment, certificate_serial=certificate.serial, source_name=path.name, size=size,
                received_at=now, received_by=self.who,
            )
        return assessment

    def package_path(self, sha256: str) -> Path:
        return self.packages_dir / f"{sha256}{SUFFIX}"
