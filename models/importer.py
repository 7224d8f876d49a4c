"""The province imports kabupaten/kota packages: one file, many, or whole folders.

Per file, in this order (``Importer.import_file``):

1. The file is copied into ``<data>/packages/`` under a temp name in one read of the source
   (``_copy``): its structure is read first (``open_container``, a few small reads at its
   end), then every chunk is written to the copy and hashed from the same buffer: SHA-256
   of the whole file, BLAKE2b-512 of the signed bytes, each entry's SHA-256 and CRC-32
   (``models.package.container.copy_hashing``). Everything after judges the province's own
   copy: a flash drive pulled out or a file changed mid-import cannot make the checked bytes
   differ from the stored ones, as the hashes are those of the bytes written.
2. Same SHA-256 as a package (or conflicting file) already held: *duplicate*.
3. ``models.package.verify.verify_package`` on the copy with this province's key and its
   revocations with their effective times, judged on this PC's clock now (signature,
   certificate, every file's size and SHA-256, scores recomputed), plus: the office must
   belong to this province (``office_not_in_province``). The copy's structure is read and
   judged from the copy itself; its hashes are those of step 1 when the copy has the
   structure they were taken for (else, a source changed while copied, it is read again
   and verified as it is). Until issue 17 every copy was read again here, from the page
   cache: the same guarantee, a second pass over every byte.
4. Against what is held for (office, year): every revision is kept, whatever the order it
   arrives in; an older one than held is stored as *superseded* (listed, not consolidated);
   a different file claiming a revision already held is a *conflict*: kept beside the first
   (``province.record_conflict``), which the consolidation goes on using.
5. Kept: the copy fsynced and renamed to ``packages/<sha256>.merit``, then
   Office/Assessment (final)/Answer/Evidence rows, an audit entry and a ``ReceivedPackage``
   record in ONE transaction (``province.record_received_package``, a savepoint: all or
   nothing). Packages ready together are stored as a group: one directory fsync, then one
   commit (``_finish_group``). A package whose rows the tables refuse is rejected
   (``manifest_unusable``) without undoing the others of its group.

A batch never stops for one file: any exception while reading, verifying or storing a file
becomes that file's rejection (``internal_error`` at worst, its traceback in the log file),
and the next file goes on. Only cancelling stops it.

The stored package *is* the evidence of an imported assessment: its Evidence rows keep
SHA-256, size, name and label, and ``models.evidence_source`` finds their bytes in it and
copies them out while checking size and SHA-256. Evidence is therefore written once.

Anything short of acceptance removes the temp copy: a rejected package leaves nothing
behind. Outcomes carry a stable reason code and a sentence in Bahasa Indonesia.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import threading
import uuid
import zipfile
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from models import keys, province, regions, texts
from models.db import fsync_dir
from models.logs import app_logger
from models.package.container import CopiedPass, ReadBudget, copy_hashing, open_container
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
from models.package.verify import verify_package
from models.province_tables import PACKAGES_DIR, EnrolledOffice, ReceivedPackage, received_package_path
from models.rejections import record_rejections
from models.settings import OPERATOR_NAME
from models.store import Store
from models.tables import Assessment, utc_now
from models.texts import Said

COPY_CHUNK = 256 * 1024  # measured: hash-then-write stays in the L2 cache (1-4 MiB chunks ran 2-4x slower)
PASSES = 1  # each file is read once: copied while every hash a verifier needs is taken (copy_hashing)
# Threads that copy, verify and fsync ahead. Measured on 2 cores: 4 beat 2 and 3, as
# some wait on the disk (writeback, fsync) while the others hash.
HELPERS = 4
GROUP = 8  # packages stored per commit: one directory fsync and one database commit for all
# Storing failed for want of disk, not because of the package (rows written by sqlite3
# directly raise its own classes, not peewee's).
DISK_ERRORS = (OSError, peewee.OperationalError, sqlite3.OperationalError)

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
SUPERSEDED = "superseded"  # kept and listed, but a newer revision is the current one
CONFLICT = "conflict"  # kept beside the first file received for the same revision
REJECTED = "rejected"
OUTCOME_LABELS = {ACCEPTED: "Diterima", DUPLICATE: "Duplikat", SUPERSEDED: "Usang", CONFLICT: "Konflik",
                  REJECTED: "Ditolak"}
KEPT = (ACCEPTED, SUPERSEDED, CONFLICT)  # outcomes whose file is stored under packages/

# Reasons the importer adds to those of models.package.format.REASONS.
IMPORTER_REASONS = texts.IMPORTER_REASONS  # the sentences live in the one catalogue, models/texts.py

def _content_of(manifest: dict) -> dict:
    """What a package says about the assessment, without what changes on every export."""
    if not isinstance(manifest, dict):
        return {}
    files = manifest.get("files") if isinstance(manifest.get("files"), list) else []
    return {**{key: manifest.get(key) for key in ("office", "year", "revision", "instrument", "assessment",
                                                   "answers", "scores")},
            "files": sorted((str(f.get("path")), str(f.get("sha256"))) for f in files
                            if isinstance(f, dict) and f.get("role") != "certificate")}


class ImportCancelled(Exception):
    """The user cancelled; files finished before stay imported."""


@dataclass
class ImportOutcome:
    path: Path
    outcome: str  # ACCEPTED | DUPLICATE | SUPERSEDED | CONFLICT | REJECTED
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
    """True when every file was accepted, a duplicate or an older revision (the CLI's exit
    code 0); a rejection or a conflict needs the province's attention."""
    return all(outcome.outcome in (ACCEPTED, DUPLICATE, SUPERSEDED) for outcome in outcomes)


def needs_province_key(files: Iterable[Path]) -> bool:
    """Some of ``files`` are sealed to the province (``export --encrypt-to``): importing them
    needs the province's private key (``Importer(decrypt_with=...)``), else each is refused
    ``encrypted_package``. A file that cannot be read is left to the import to report."""
    for path in files:
        try:
            if is_encrypted(path):
                return True
        except OSError:
            continue
    return False


def collect_package_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every ``*.merit`` under given folders (a flash drive, a folder of
    email attachments), each once, folders' files in name order. A folder named ``*.merit``
    inside them is listed too, so that it is reported (``not_a_file``) rather than skipped."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted((p for p in path.rglob("*") if p.suffix.lower() == SUFFIX
                                 and not p.name.startswith(".")), key=lambda p: str(p).casefold())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as reader:
        while chunk := reader.read(COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


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
    conflict: object = None  # the province.PackageConflict recorded for a conflicting file
    synced: bool = False  # the copy is on disk (fsync), ready to be renamed into place

    def sync(self) -> None:
        if not self.synced:
            with open(self.partial, "r+b") as handle:  # writable: Windows flushes only such handles
                os.fsync(handle.fileno())
            self.synced = True

    def discard(self) -> None:
        shutil.rmtree(self.incoming, ignore_errors=True)


def _discard_all(group: list[_Prepared]) -> None:
    for prepared in group:
        prepared.discard()


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
        # Serial -> effective time: a revocation refuses what arrives from then on.
        self.revoked = province.registry_revocations(store)
        self.who = who or store.setting(OPERATOR_NAME)
        self.packages_dir = store.data_dir / PACKAGES_DIR
        # SHA-256 of the packages held, so helper threads skip verifying a duplicate without
        # touching the database; this thread decides duplicates from the rows themselves.
        self._held = {row.sha256 for row in ReceivedPackage.select(ReceivedPackage.sha256)}
        self._conflicts = {conflict.sha256: conflict for conflict in province.package_conflicts(store)}
        self._held.update(self._conflicts)
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
        file is read once: copied while every hash is taken). Raises ImportCancelled when
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
                        raise ImportCancelled(Said("import_cancelled_after", count=len(outcomes)))
                    group = self._ready_group(pending)
                    keep_helpers_busy()
                    for outcome in self._finish_group(group, meter, cancelled, tidy=helper.submit):
                        outcomes.append(outcome)
                        if on_outcome:
                            on_outcome(outcome)
            finally:
                self._record_rejections(outcomes)  # every face (GUI, CLI), cancelled or not
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
        outcome = self._finish_group([self._prepare(Path(path), meter, cancelled)], meter, cancelled)[0]
        self._record_rejections([outcome])
        return outcome

    def _record_rejections(self, outcomes: list[ImportOutcome]) -> None:
        """The one home of the rejection record (``models.rejections``): the consolidated view
        shows an office whose package was refused as *Ditolak*, whichever face imported it.
        The record is a convenience; a disk that refuses it does not undo the import."""
        try:
            record_rejections(self.store.data_dir, outcomes)
        except OSError as exc:
            app_logger().warning("rejections not recorded: %r", exc)

    def _prepare(self, path: Path, meter: _Meter, cancelled: Cancelled) -> _Prepared:
        """Copy, hash and verify (files only, no database; may run in a helper thread)."""
        path = Path(path)
        # The copy keeps the file's own name (in a private temp folder), so the checks'
        # messages name the file the user chose.
        incoming = self.packages_dir / f".{uuid.uuid4().hex}.partial"
        prepared = _Prepared(path, incoming, incoming / (path.name if path.name.isprintable() else "paket.merit"),
                             _size_of(path))
        try:
            incoming.mkdir(parents=True)
            self._check(prepared, meter, cancelled)
        except (PackageCancelled, ImportCancelled):
            prepared.discard()
            raise ImportCancelled(Said("import_cancelled_file", file=path.name)) from None
        except Exception as exc:  # noqa: BLE001 - one file never stops the batch
            prepared.discard()
            prepared.outcome = self._internal_error(prepared, exc)
        except BaseException:
            prepared.discard()
            raise
        return prepared

    def _check(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> None:
        path = prepared.path
        if path.is_dir():
            prepared.outcome = ImportOutcome(path, REJECTED, "not_a_file",
                                             f"{path.name}: {IMPORTER_REASONS['not_a_file']}")
            return
        try:
            copied = self._copy(prepared, meter, cancelled)
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
            # Kept (and later opened as evidence) under the plaintext's own SHA-256 and size.
            prepared.sha256, prepared.size = _sha256_of(prepared.partial), _size_of(prepared.partial)
            copied = None  # the plaintext is read again to be verified
        if prepared.sha256 not in self._held:  # a held one is reported as a duplicate by _finish
            self._verify(prepared, cancelled, copied)
            if prepared.outcome is None:  # likely kept: wait for the disk here, not in the storing thread
                prepared.sync()

    def _verify(self, prepared: _Prepared, cancelled: Cancelled,
                copied: CopiedPass | None = None) -> None:
        """Verify the copy: from the hashes its one pass took (``copied``), or by reading it
        again (a copy that does not have the structure planned, a decrypted one, or one
        verified after all in ``_settle``: its bytes were counted once, by the copy)."""
        path = prepared.path
        report = verify_package(prepared.partial, self.trusted_keys, self.store.registry,
                                revoked_serials=self.revoked, progress=None, cancelled=cancelled,
                                budget=self.budget, copied=copied)
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
        if report.reason == "unexpected_error":  # the verifier's own fault: its traceback is in the log
            prepared.outcome = ImportOutcome(path, REJECTED, "internal_error",
                                             f"{path.name}: {IMPORTER_REASONS['internal_error']}", **prepared.facts)
        elif not report.ok and not (outside and report.reason == "certificate_untrusted"):
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
        conflict = self._conflicts.get(prepared.sha256)
        if conflict is not None:
            prepared.outcome = ImportOutcome(
                prepared.path, DUPLICATE, "same_file",
                f"{IMPORTER_REASONS['same_file']} (berkas konflik {conflict.office_code} tahun {conflict.year} "
                f"revisi {conflict.revision}, diterima {conflict.received_at:%d-%m-%Y}).",
                conflict.office_code, None, conflict.year, conflict.revision, prepared.sha256, None)
            return True
        # A prepared statement first: on a batch of new packages the answer is nearly always no.
        held = (ReceivedPackage.get_or_none(ReceivedPackage.sha256 == prepared.sha256)
                if self._sql('SELECT 1 FROM "receivedpackage" WHERE "sha256" = ?', prepared.sha256) else None)
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

    def _finish_group(self, group: list[_Prepared], meter: _Meter, cancelled: Cancelled,
                      tidy: Callable[..., object] | None = None) -> list[ImportOutcome]:
        """Decide each against what is held now and store the ones kept (this thread only):
        each file in its own savepoint, all or nothing, then one directory fsync and one
        commit for the group, so the disk is flushed twice per group rather than twice per
        package. Whatever one file raises becomes its rejection; if the group cannot be
        committed, none of its packages stays and each is told why. The private temp
        folders (empty for a package kept) are removed by ``tidy(function, group)`` when
        given (a helper thread: the batch ends only once it has run), else here."""
        stored: list[_Prepared] = []
        try:
            with self.store.db.atomic() as transaction:
                for prepared in group:
                    self._settle(prepared, meter, cancelled, stored)
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
            raise ImportCancelled(Said("import_cancelled_file", file=group[0].path.name)) from None
        except Exception as exc:  # noqa: BLE001 - the commit failed: the group's files are not kept, the batch goes on
            self._unstore(stored)
            for prepared in stored:
                prepared.outcome = (self._disk_error(prepared, exc) if isinstance(exc, DISK_ERRORS)
                                    else self._internal_error(prepared, exc))
            stored = []
        except BaseException:
            self._unstore(stored)
            raise
        finally:
            if tidy is None:
                _discard_all(group)
            else:
                tidy(_discard_all, group)
        self._held.update(prepared.sha256 for prepared in stored)
        for prepared in group:
            meter.finish_file(prepared.size)
        return [prepared.outcome for prepared in group]

    def _settle(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled, stored: list[_Prepared]) -> None:
        """One file's outcome, its rows in a savepoint of the group's transaction; any
        exception becomes its rejection and leaves nothing of it behind."""
        if prepared.outcome is not None:
            return
        try:
            with self.store.db.atomic():
                if self._duplicate_file(prepared):
                    return
                if prepared.report is None:  # skipped as held, yet no longer held: verify after all
                    self._verify(prepared, cancelled)
                if prepared.outcome is None:
                    prepared.outcome = self._store(prepared)
                    if prepared.outcome.outcome in KEPT:
                        stored.append(prepared)
        except (PackageCancelled, ImportCancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - one file never stops the batch
            if prepared in stored:
                stored.remove(prepared)
                self._unstore([prepared])
            prepared.outcome = self._internal_error(prepared, exc)

    def _internal_error(self, prepared: _Prepared, exc: BaseException) -> ImportOutcome:
        """A fault of ours on one file: its traceback to the log file, a sentence to the person."""
        app_logger().error("import of %s failed", prepared.path, exc_info=exc)
        return ImportOutcome(prepared.path, REJECTED, "internal_error",
                             f"{prepared.path.name}: {IMPORTER_REASONS['internal_error']}", **prepared.facts)

    def _unstore(self, stored: list[_Prepared]) -> None:
        for prepared in stored:
            self.package_path(prepared.sha256).unlink(missing_ok=True)
            if prepared.conflict is not None:
                self._conflicts.pop(prepared.sha256, None)

    @staticmethod
    def _disk_error(prepared: _Prepared, exc: Exception) -> ImportOutcome:
        return ImportOutcome(prepared.path, REJECTED, "disk_error",
                             f"{IMPORTER_REASONS['disk_error']} {getattr(exc, 'strerror', None) or exc}. Periksa ruang disk; "
                             "tidak ada yang tersimpan dari berkas ini.", **prepared.facts)

    def _store(self, prepared: _Prepared) -> ImportOutcome:
        """The outcome of a verified package against what is held, stored if accepted."""
        try:
            return self._decide_and_store(prepared)
        except DISK_ERRORS as exc:
            return self._disk_error(prepared, exc)
        except Exception as exc:  # noqa: BLE001 - one package must never undo the others of its group
            # Signed and verified, yet the tables refuse what it says (an item answered twice,
            # a year or revision no SQLite integer holds, a malformed time, a revision held
            # locally): its savepoint is rolled back; refuse this file, store the others.
            return ImportOutcome(prepared.path, REJECTED, "manifest_unusable",
                                 f"{prepared.path.name}: {IMPORTER_REASONS['manifest_unusable']} "
                                 f"({type(exc).__name__}: {exc}).", **prepared.facts)

    def _decide_and_store(self, prepared: _Prepared) -> ImportOutcome:
        path, report, facts = prepared.path, prepared.report, prepared.facts
        manifest = report.manifest
        code, year, revision = manifest["office"]["code"], manifest["year"], manifest["revision"]
        # Every revision held for (office, year), newest first, in one prepared statement; the
        # row itself is read only for a revision already held.
        held = [row[0] for row in self._sql('SELECT "revision" FROM "receivedpackage" WHERE "office_code" = ? '
                                            'AND "year" = ? ORDER BY "revision" DESC', code, year)]
        same = (ReceivedPackage.get_or_none((ReceivedPackage.office_code == code) & (ReceivedPackage.year == year)
                                            & (ReceivedPackage.revision == revision)) if revision in held else None)
        if same is not None and self._same_content(manifest, same):
            return ImportOutcome(path, DUPLICATE, "same_revision",
                                 f"{IMPORTER_REASONS['same_revision']} Diterima: berkas {same.source_name}.", **facts)
        if same is not None:
            self._keep_conflict(prepared, same)
            return ImportOutcome(path, CONFLICT, "conflicting_revision",
                                 f"{path.name}: {IMPORTER_REASONS['conflicting_revision']} Revisi {revision} "
                                 f"diterima lebih dulu dari berkas {same.source_name} "
                                 f"({same.received_at:%d-%m-%Y %H:%M}).", **facts)
        newest = held[0] if held else None
        assessment = self._accept(prepared)
        notice = f" Catatan: {report.notice}" if report.notice else ""  # superseded: the face words it by reason
        facts = {**facts, "office_code": code}
        if newest is not None and newest > revision:
            return ImportOutcome(path, SUPERSEDED, "older_revision",
                                 f"{IMPORTER_REASONS['older_revision']} Berkas ini revisi {revision}; "
                                 f"terkini revisi {newest}.{notice}", **facts, assessment_id=assessment.id)
        name = manifest["office"].get("name", code)
        accepted = Said("import_accepted", name=name, year=year, revision=revision)
        if report.notice:
            accepted = Said("import_note", text=accepted, notice=report.notice)
        return ImportOutcome(path, ACCEPTED, None, accepted, **facts, assessment_id=assessment.id)

    def _sql(self, sql: str, *params) -> list[tuple]:
        """Rows of a read-only prepared statement on the store's connection."""
        return self.store.db.cursor().execute(sql, params).fetchall()

    def _same_content(self, manifest: dict, held: ReceivedPackage) -> bool:
        """The held package of that revision says the same (an export repeated: only the
        package id, export time, writer or certificate differ)."""
        try:
            with zipfile.ZipFile(self.package_path(held.sha256)) as archive:
                info = archive.getinfo(MANIFEST_NAME)
                if info.file_size > MAX_MANIFEST_BYTES:
                    return False
                held_manifest = json.loads(archive.read(info))
        except (OSError, zipfile.BadZipFile, KeyError, ValueError):
            return False  # unreadable now: not provably the same, so kept as a conflict
        return _content_of(held_manifest) == _content_of(manifest)

    def _keep_conflict(self, prepared: _Prepared, held: ReceivedPackage) -> None:
        """The conflicting file into place beside the first one, recorded against it."""
        final = self.package_path(prepared.sha256)
        try:
            prepared.sync()
            os.replace(prepared.partial, final)
            province.record_conflict(self.store, held, sha256=prepared.sha256, size=prepared.size,
                                     source_name=prepared.path.name,
                                     certificate_serial=prepared.report.certificate.serial,
                                     package_id=prepared.report.manifest.get("package_id"), who=self.who)
        except BaseException:
            final.unlink(missing_ok=True)
            raise
        prepared.conflict = province.PackageConflict(
            sha256=prepared.sha256, office_code=held.office_code, year=held.year, revision=held.revision,
            source_name=prepared.path.name, size=prepared.size,
            certificate_serial=prepared.report.certificate.serial, received_at=utc_now(), held=held)
        self._conflicts[prepared.sha256] = prepared.conflict  # a second copy in this group is a duplicate

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

    def _copy(self, prepared: _Prepared, meter: _Meter, cancelled: Cancelled) -> CopiedPass | None:
        """The source copied to ``prepared.partial`` in one read, its SHA-256 taken on the way;
        not fsynced yet (``_check`` does, once, if it is likely kept).

        A source whose structure can be read (``open_container``: a few small reads at its
        end) is copied by ``copy_hashing``, which also takes every hash verification needs
        from the buffer each chunk is written from, so the copy is not read again (before
        issue 17 it was, from the page cache: a second pass over every byte). Those hashes
        count only if the copy has the structure read from the source before copying
        (``CopiedPass.matches``, checked by ``verify_package`` on the copy): a source changed
        while copied is verified by reading its copy, as every package was before. Any other
        source (encrypted, damaged, not a package) is copied plainly and judged on its copy."""
        try:
            plan = open_container(prepared.path)
        except Rejected:
            plan = None
        if plan is None:
            prepared.sha256 = self._copy_hashing(prepared.path, prepared.partial, meter, cancelled)
            return None
        try:
            with open(prepared.partial, "wb", buffering=0) as writer:
                copied = copy_hashing(plan, writer, chunk_size=COPY_CHUNK, progress=meter.part(), cancelled=cancelled)
        except Rejected as rejected:  # only ever "cancelled"
            raise ImportCancelled(rejected.message) from None
        prepared.sha256 = copied.sha256
        return copied

    @staticmethod
    def _copy_hashing(source: Path, partial: Path, meter: _Meter, cancelled: Cancelled) -> str:
        """One read of the source, only its SHA-256 taken (a file ``_copy`` cannot plan for)."""
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
            return province.record_received_package(
                self.store, prepared.report.manifest, sha256=prepared.sha256, size=prepared.size,
                source_name=prepared.path.name, certificate_serial=prepared.report.certificate.serial, who=self.who)
        except BaseException:
            final.unlink(missing_ok=True)
            raise

    def package_path(self, sha256: str) -> Path:
        return received_package_path(self.store.data_dir, sha256)
