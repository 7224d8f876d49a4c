"""The province imports kabupaten/kota packages: one file, many, or whole folders.

Per file, in this order (``Importer.import_file``):

1. The file is copied into ``<data>/packages/`` under a temp name while it is hashed (one
   read of the source), so everything after reads the province's own copy: a flash drive
   pulled out or a file changed mid-import cannot make the checked bytes differ from the
   stored ones.
2. Same SHA-256 as a package already held: *duplicate*.
3. ``models.package.verify.verify_package`` on the copy (from the page cache) with this province's
   trusted key and revoked serials (signature, certificate, every file's size and SHA-256,
   scores recomputed), plus: the office must belong to this province
   (``office_not_in_province``).
4. Against what is held for (office, year): an older revision is *superseded*, the same
   revision a *duplicate*.
5. Accepted: the copy fsynced and renamed to ``packages/<sha256>.merit``, then
   Office/Assessment (final)/Answer/Evidence rows, an audit entry and a ``ReceivedPackage``
   record in ONE transaction (a savepoint: all or nothing). Packages ready together are
   stored as a group: one directory fsync, then one commit (``_finish_group``).

The stored package *is* the evidence of an imported assessment: its Evidence rows keep
SHA-256, size, name and label, and ``evidence_source`` finds the bytes of any Evidence row,
in the evidence store (an office's own files) or in the stored package (imported), and
copies them out while checking size and SHA-256. Evidence is therefore written once.

Anything short of acceptance removes the temp copy: a rejected package leaves nothing
behind. Outcomes carry a stable reason code and a sentence in Bahasa Indonesia.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import uuid
import zipfile
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import peewee

from models import keys, province, regions
from models.db import fsync_dir
from models.evidence import CHUNK, EvidenceCancelled, EvidenceError
from models.package.container import ReadBudget
from models.package.envelope import decrypt_package, is_encrypted
from models.package.format import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SUFFIX,
    Cancelled,
    PackageCancelled,
    Progress,
    Rejected,
)
from models.package.read_evidence import iter_package_evidence
from models.package.verify import verify_package
from models.province_tables import EnrolledOffice, ReceivedPackage
from models.store import Store
from models.tables import Answer, Assessment, AuditEntry, Evidence, utc_now

PACKAGES_DIR = "packages"
COPY_CHUNK = 256 * 1024  # measured: hash-then-write stays in the L2 cache (1-4 MiB chunks ran 2-4x slower)
PASSES = 2  # each file is read twice: copied while hashed, then verified from the page cache
# Threads that copy, verify and fsync ahead. Measured on 2 cores: 4 beat 2 and 3, as
# some wait on the disk (writeback, fsync) while the others hash.
HELPERS = 4
GROUP = 8  # packages stored per commit: one directory fsync and one database commit for all

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
SUPERSEDED = "superseded"
REJECTED = "rejected"
OUTCOME_LABELS = {ACCEPTED: "Diterima", DUPLICATE: "Duplikat", SUPERSEDED: "Usang", REJECTED: "Ditolak"}

# Reasons the importer adds to those of models.package.format.REASONS.
IMPORTER_REASONS = {
    "office_not_in_province": "Paket berasal dari kantor di luar provinsi ini.",
    "same_file": "Paket yang sama persis sudah diterima sebelumnya.",
    "same_revision": "Revisi ini dari kantor yang sama sudah diterima.",
    "older_revision": "Sudah diterima revisi yang lebih baru dari kantor yang sama.",
    "disk_error": "Paket gagal disimpan.",
    "manifest_unusable": "Isi manifes paket tidak dapat disimpan; paket ditolak dan tidak ada yang tersimpan.",
    "certificate_unknown": "Sertifikat kantor tidak tercatat sebagai sertifikat yang diterbitkan provinsi ini.",
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
    """Bytes done across all threads for one ``progress(done, total)``; reports under the
    lock so the figures a caller sees never go backwards."""

    def __init__(self, total: int, progress: Progress):
        self.total = total
        self.progress = progress
        self._done = 0
        self._files_done = 0  # bytes of the files fully through every pass
        self._lock = threading.Lock()

    def add(self, amount: int) -> None:
        with self._lock:
            self._done = min(self.total, self._done + amount)
            if self.progress:
                self.progress(self._done, self.total)

    def part(self) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` for one step that reports cumulative bytes."""
        seen = [0]

        def report(done: int, _total: int) -> None:
            self.add(max(0, done - seen[0]))
            seen[0] = max(seen[0], done)

        return report

    def finish_file(self, size: int) -> None:
        """Count the rest of a file's passes (steps skipped for a rejected file)."""
        with self._lock:
            self._files_done += PASSES * size
            self._done = max(self._done, min(self.total, self._files_done))
            if self.progress:
                self.progress(self._done, self.total)


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
    synced: bool = False  # the copy is on disk (fsync), ready to be renamed into place

    def sync(self) -> None:
        if not self.synced:
            with open(self.partial, "r+b") as handle:  # writable: Windows flushes only such handles
                os.fsync(handle.fileno())
            self.synced = True

    def discard(self) -> None:
        shutil.rmtree(self.incoming, ignore_errors=True)


class Importer:
    """Imports packages into a province store; one instance per import session."""

    def __init__(self, store: Store, *, trusted_keys: list[keys.PublicKey] | None = None,
                 province_codes: Iterable[str] | None = None, require_enrolled: bool = True, who: str = "",
                 decrypt_with=None, budget: ReadBudget | None = None):
        self.store = store
        # The province's private key, to open packages encrypted to it (else: encrypted_package);
        # a ReadBudget shared by every file of the session (else: one per file).
        self.decrypt_with, self.budget = decrypt_with, budget
        if province_codes is None:
            province_codes = [province.require_province_code(store)]
        self.province_codes = frozenset(province_codes)
        # Only this province's own key certifies offices here: a key merely trusted on this PC
        # (the demo province, another province's profile) must never do so.
        self.trusted_keys = trusted_keys if trusted_keys is not None else [province.public_key(store)]
        # A certificate must also be one this province issued and still lists (revocable);
        # only a collector across provinces (the benchmark) works without a registry.
        self.require_enrolled = require_enrolled
        self.revoked = province.revoked_serials(store)
        self.who = who or store.setting("operator_name", "") or ""
        self.packages_dir = store.data_dir / PACKAGES_DIR
        # SHA-256 of the packages held, so helper threads skip verifying a duplicate without
        # touching the database; this thread decides duplicates from the rows themselves.
        self._held = {row.sha256 for row in ReceivedPackage.select(ReceivedPackage.sha256)}
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
        file is read twice: copy while hashing, verify). Raises ImportCancelled when
        ``cancelled()`` turns true; outcomes reported so far stand.

        Helper threads copy, verify and fsync the next files (hashing, reading, writing and
        fsync release the GIL) while this thread stores those ready, in file order, a group
        at a time (``_finish_group``). Everything that writes the store stays on this thread."""
        files = files if files is not None else collect_package_files(paths)
        meter = _Meter(PASSES * sum(_size_of(path) for path in files), progress)
        outcomes: list[ImportOutcome] = []
        queued = iter(files)
        with ThreadPoolExecutor(max_workers=HELPERS, thread_name_prefix="merit-import") as helper:
            pending: deque[Future] = deque()

            def keep_helpers_busy() -> None:
                while len(pending) < GROUP and (path := next(queued, None)) is not None:
                    pending.append(helper.submit(self._prepare, path, meter, cancelled))

            try:
                keep_helpers_busy()
                while pending:
                    if cancelled and cancelled():
                        raise ImportCancelled(f"Impor dibatalkan setelah {len(outcomes)} berkas.")
                    group = self._ready_group(pending)
                    keep_helpers_busy()
                    for outcome in self._finish_group(group, meter, cancelled):
                        outcomes.append(outcome)
                        if on_outcome:
                            on_outcome(outcome)
            finally:
                for future in pending:
                    future.cancel()  # not started yet: never starts
                for future in pending:
                    try:
                        future.result().discard()
                    except (ImportCancelled, CancelledError, OSError):
                        pass
        return outcomes

    # --- one file ------------------------------------------------------------------------

    def import_file(self, path: Path, *, progress: Progress = None, cancelled: Cancelled = None) -> ImportOutcome:
        meter = _Meter(PASSES * _size_of(Path(path)), progress)
        return self._finish_group([self._prepare(Path(path), meter, cancelled)], meter, cancelled)[0]

    def _prepare(self, path: Path, meter: _Meter, cancelled: Cancelled) -> _Prepared:
        """Copy, hash and verify (files only, no database; may run in a helper thread)."""
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
        if self.decrypt_with is not None and is_encrypted(prepared.partial):
            try:  # the plaintext is what is verified and kept
                decrypt_package(prepared.partial, self.decrypt_with, prepared.incoming / "plain.merit")
                os.replace(prepared.incoming / "plain.merit", prepared.partial)
            except Rejected as rejected:
                prepared.outcome = ImportOutcome(path, REJECTED, rejected.reason, f"{path.name}: {rejected.message}")
                return
        if prepared.sha256 not in self._held:  # a held one is reported as a duplicate by _finish
            self._verify(prepared, meter, cancelled)
            if prepared.outcome is None:  # likely kept: wait for the disk here, not in the storing thread
                prepared.sync()

    def _verify(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> None:
        path = prepared.path
        report = verify_package(prepared.partial, self.trusted_keys, self.store.registry,
                                revoked_serials=self.revoked, progress=meter.part(), cancelled=cancelled,
                                budget=self.budget)
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
        elif self.require_enrolled and not self._issued_here(report.certificate):
            prepared.outcome = ImportOutcome(
                path, REJECTED, "certificate_unknown",
                f"{path.name}: {IMPORTER_REASONS['certificate_unknown']} Nomor seri "
                f"{report.certificate.serial}, kantor {report.certificate.office_code}.", **prepared.facts)

    @staticmethod
    def _issued_here(certificate) -> bool:
        """The certificate is in this province's registry with the same office and key."""
        row = EnrolledOffice.get_or_none(EnrolledOffice.serial == certificate.serial)
        return (row is not None and row.office_code == certificate.office_code
                and keys.load_public_key(row.public_key) == certificate.office_public_key)

    def _duplicate_file(self, prepared: _Prepared) -> bool:
        held = ReceivedPackage.get_or_none(ReceivedPackage.sha256 == prepared.sha256)
        if held is not None:
            prepared.outcome = ImportOutcome(
                prepared.path, DUPLICATE, "same_file",
                f"{IMPORTER_REASONS['same_file']} ({held.office_code} tahun {held.year} revisi {held.revision}, "
                f"diterima {held.received_at:%d-%m-%Y}).",
                held.office_code, None, held.year, held.revision, prepared.sha256, held.assessment_id)
        return held is not None

    @staticmethod
    def _ready_group(pending: deque[Future]) -> list[_Prepared]:
        """The next file (waiting for it) and the ones after it already prepared, up to GROUP."""
        group: list[_Prepared] = []
        try:
            group.append(pending.popleft().result())
            while pending and pending[0].done() and len(group) < GROUP:
                group.append(pending.popleft().result())
        except BaseException:
            for prepared in group:
                prepared.discard()
            raise
        return group

    def _finish_group(self, group: list[_Prepared], meter: _Meter, cancelled: Cancelled) -> list[ImportOutcome]:
        """Decide each against what is held now and store the acceptable ones (this thread
        only): each package's rows in their own savepoint, all or nothing, then one
        directory fsync and one commit for the group, so the disk is flushed twice per
        group rather than twice per package. If the group cannot be committed, none of its
        packages stays."""
        stored: list[_Prepared] = []
        try:
            with self.store.db.atomic() as transaction:
                for prepared in group:
                    if prepared.outcome is None and not self._duplicate_file(prepared):
                        if prepared.report is None:  # skipped as held, yet no longer held: verify after all
                            self._verify(prepared, meter, cancelled)
                        if prepared.outcome is None:
                            prepared.outcome = self._store(prepared)
                            if prepared.outcome.outcome == ACCEPTED:
                                stored.append(prepared)
                if stored:
                    try:
                        fsync_dir(self.packages_dir)  # the renames reach the disk before the rows do
                    except OSError as exc:
                        transaction.rollback()
                        self._unstore(stored)
                        for prepared in stored:
                            prepared.outcome = self._disk_error(prepared, exc)
                        stored = []
        except (PackageCancelled, ImportCancelled):
            self._unstore(stored)
            raise ImportCancelled(f"Impor {group[0].path.name} dibatalkan; berkas itu tidak disimpan.") from None
        except BaseException:
            self._unstore(stored)
            raise
        finally:
            for prepared in group:
                prepared.discard()
        self._held.update(prepared.sha256 for prepared in stored)
        for prepared in group:
            meter.finish_file(prepared.size)
        return [prepared.outcome for prepared in group]

    def _unstore(self, stored: list[_Prepared]) -> None:
        for prepared in stored:
            self.package_path(prepared.sha256).unlink(missing_ok=True)

    @staticmethod
    def _disk_error(prepared: _Prepared, exc: Exception) -> ImportOutcome:
        return ImportOutcome(prepared.path, REJECTED, "disk_error",
                             f"{IMPORTER_REASONS['disk_error']} {getattr(exc, 'strerror', None) or exc}. Periksa ruang disk; "
                             "tidak ada yang tersimpan dari berkas ini.", **prepared.facts)

    def _store(self, prepared: _Prepared) -> ImportOutcome:
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
            assessment = self._accept(prepared)
        except (OSError, peewee.OperationalError) as exc:
            return self._disk_error(prepared, exc)
        except (peewee.IntegrityError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # Signed and verified, yet its informative fields cannot be stored (a duplicate
            # item row, a malformed time, a revision held locally): refuse this file, go on.
            return ImportOutcome(path, REJECTED, "manifest_unusable",
                                 f"{path.name}: {IMPORTER_REASONS['manifest_unusable']} ({exc}).", **facts)
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

    @staticmethod
    def _copy_hashing(source: Path, partial: Path, meter: _Meter, cancelled: Cancelled) -> str:
        """One read of the source; not fsynced yet (``_accept`` does, once, if it is kept)."""
        digest = hashlib.sha256()
        buffer = bytearray(COPY_CHUNK)
        view = memoryview(buffer)
        with open(source, "rb", buffering=0) as reader, open(partial, "wb", buffering=0) as writer:
            while length := reader.readinto(buffer):
                if cancelled and cancelled():
                    raise ImportCancelled()
                chunk = view[:length]
                digest.update(chunk)
                written = 0
                while written < length:
                    written += writer.write(chunk[written:])
                meter.add(length)
        return digest.hexdigest()

    def _accept(self, prepared: _Prepared) -> Assessment:
        """The package into place (fsynced; ``_finish_group`` fsyncs the directory), its rows
        in one transaction (a savepoint of the group's); on any failure the file goes again."""
        final = self.package_path(prepared.sha256)
        try:
            prepared.sync()
            os.replace(prepared.partial, final)
            return self._write_rows(prepared.path, prepared.sha256, prepared.size, prepared.report)
        except BaseException:
            final.unlink(missing_ok=True)
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
            self._insert_many(Answer, [{
                "assessment": assessment, "item_id": a["item_id"], "level": a.get("level"),
                "justification": a.get("justification") or "", "needs_review": bool(a.get("needs_review")),
                "review_note": a.get("review_note") or "", "updated_at": _parse_time(a.get("updated_at")) or now,
                "updated_by": a.get("updated_by") or "",
            } for a in manifest["answers"]])
            evidence_rows = [{
                "assessment": assessment, "item_id": e["item_id"], "sha256": e["sha256"], "size": e["size"],
                "original_name": e.get("original_name") or Path(e["path"]).name,
                "label": e.get("label") or Path(e["path"]).stem,
                "media_type": e.get("media_type") or "application/octet-stream",
                "added_at": _parse_time(e.get("added_at")) or now, "added_by": e.get("added_by") or "",
            } for e in manifest["files"] if e.get("role") == "evidence"]
            self._insert_many(Evidence, evidence_rows)
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

    def _insert_many(self, model, rows: list[dict]) -> None:
        """One prepared INSERT run for every row (``executemany``): peewee's ``insert_many``
        builds the SQL text of all rows in Python, measured at milliseconds per package on
        the thread that every import waits for. Values go through each field's ``db_value``."""
        if not rows:
            return
        fields = [model._meta.fields[name] for name in rows[0]]
        columns = ", ".join(f'"{field.column_name}"' for field in fields)
        sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
        self.store.db.cursor().executemany(
            sql, [tuple(field.db_value(row[field.name]) for field in fields) for row in rows])

    def package_path(self, sha256: str) -> Path:
        return self.packages_dir / f"{sha256}{SUFFIX}"


# --- the bytes of an Evidence row ------------------------------------------------------------

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
            raise EvidenceUnavailable(f"Berkas bukti {self.evidence_name} tidak ada di penyimpanan bukti "
                                      f"({self.path}).") from None
        if done != self.size or digest.hexdigest() != self.sha256:
            raise EvidenceUnavailable(
                f"Berkas bukti {self.evidence_name} di penyimpanan telah berubah (ukuran atau SHA-256 tidak "
                f"cocok dengan catatan); berkas tidak dibuka. Pulihkan folder data dari cadangan.")

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
            raise EvidenceUnavailable(
                f"Bukti {self.evidence_name} dalam paket tersimpan {self.path.name} tidak sama dengan yang "
                f"diterima ({rejected.message}); berkas tidak dibuka. Paket di folder data telah diubah atau "
                "rusak: pulihkan dari cadangan atau minta kantor mengirim ulang.") from None


def _check_cancelled(cancelled: Cancelled, name: str) -> None:
    if cancelled and cancelled():
        raise EvidenceCancelled(f"Membuka {name} dibatalkan.")


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
    package = store.data_dir / PACKAGES_DIR / f"{received.sha256}{SUFFIX}"
    return EvidenceSource(name, evidence.sha256, evidence.size, package,
                          _entry_of(package, evidence.sha256, evidence.item_id, name))


def _entry_of(package: Path, sha256: str, item_id: str, name: str) -> str:
    """The entry that the stored package's manifest lists for this content (an item's own
    entry first). Only a locator: ``copy_to`` checks the bytes against the row."""
    problem = (f"Bukti {name} tidak dapat dibaca dari paket tersimpan {package.name}")
    try:
        with zipfile.ZipFile(package) as archive, archive.open(MANIFEST_NAME) as stream:
            files = json.loads(stream.read(MAX_MANIFEST_BYTES + 1).decode("utf-8"))["files"]
        candidates = [entry for entry in files if isinstance(entry, dict) and entry.get("role") == "evidence"
                      and entry.get("sha256") == sha256 and isinstance(entry.get("path"), str)]
    except FileNotFoundError:
        raise EvidenceUnavailable(f"{problem}: paket itu tidak ada lagi di folder data.") from None
    except (OSError, zipfile.BadZipFile, KeyError, TypeError, ValueError) as exc:
        raise EvidenceUnavailable(f"{problem}: paket rusak ({exc}). Pulihkan folder data dari cadangan.") from None
    if not candidates:
        raise EvidenceUnavailable(f"{problem}: manifest paket tidak lagi mencantumkannya (paket diubah). "
                                  "Pulihkan folder data dari cadangan.")
    candidates.sort(key=lambda entry: entry.get("item_id") != item_id)
    return candidates[0]["path"]
