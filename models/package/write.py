"""Writing a package: the manifest of a finalized assessment, signed by the office key,
streamed into a ZIP beside the target (temp file, fsync, rename).

Each evidence blob is re-hashed while it is copied (memory does not grow with evidence
size), and a crash or a full disk never leaves a half package under the ``.merit`` name.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zlib
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import __version__
from models.certificates import CertificateError, OfficeCertificate, read_certificate
from models.export_record import record_export
from models.files import FlushBehind, fsync_dir, owner_is_gone, temp_name_for
from models.history import HistoryMismatchError, require_consistent_history
from models.instrument import instrument_provenance
from models.keys import KeyUnlock, PublicKey, load_trusted_keys, office_certificate_path, public_key_of
from models.package.container import CanonicalZipWriter
from models.package.format import (
    CERTIFICATE_NAME,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_PACKAGE_BYTES,
    SUFFIX,
    Cancelled,
    CertificateRefused,
    PackageCancelled,
    PackageError,
    Progress,
    as_read_from_json,
    trusted_comment,
)
from models.package.lanes import Lanes
from models.package.names import display_name_safe, entry_name_problem, evidence_entry_name, fold
from models.package.signature import sign_digest, signature_length
from models.store import Store
from models.tables import Assessment, AuditEntry

# --- naming ---------------------------------------------------------------------------------

def default_file_name(office_code: str, year: int, revision: int) -> str:
    return f"merit-{office_code.replace('.', '')}-{year}-r{revision}{SUFFIX}"


# --- manifest -------------------------------------------------------------------------------

def _iso(moment) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _finalized_by(assessment: Assessment) -> str:
    entry = (AuditEntry.select()
             .where((AuditEntry.assessment == assessment) & (AuditEntry.field == "status"))
             .order_by(AuditEntry.id.desc()).first())
    return entry.who if entry else ""


def build_manifest(store: Store, assessment: Assessment, certificate_bytes: bytes,
                   created_at: datetime | None = None) -> tuple[dict, list[tuple[dict, Path]]]:
    """The manifest and the evidence blobs to copy, in package order."""
    instrument = store.instrument_of(assessment)
    order = {item.id: position for position, item in enumerate(instrument.items)}
    answers = sorted(store.answers(assessment).values(), key=lambda a: (order.get(a.item_id, 1 << 30), a.item_id))
    office = assessment.office
    files: list[dict] = [{
        "path": CERTIFICATE_NAME, "role": "certificate", "size": len(certificate_bytes),
        "sha256": hashlib.sha256(certificate_bytes).hexdigest(),
    }]
    blobs: list[tuple[dict, Path]] = []
    positions: dict[str, int] = {}
    for row in sorted(store.evidence(assessment), key=lambda e: (order.get(e.item_id, 1 << 30), e.id)):
        positions[row.item_id] = positions.get(row.item_id, 0) + 1
        entry = {
            "path": evidence_entry_name(row.item_id, positions[row.item_id], row.original_name),
            "role": "evidence", "size": row.size, "sha256": row.sha256, "item_id": row.item_id,
            "label": row.label, "original_name": display_name_safe(row.original_name), "media_type": row.media_type,
            "added_at": _iso(row.added_at), "added_by": row.added_by,
        }
        files.append(entry)
        blobs.append((entry, store.evidence_path(row)))
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "package_id": str(uuid.uuid4()),
        "app": {"name": "Merit Luring", "version": __version__},
        "created_at": _iso(created_at or datetime.now(UTC)),
        "office": {"code": office.code, "name": office.name, "province_code": office.province_code,
                   "province_name": office.province_name},
        "year": assessment.year,
        "revision": assessment.revision,
        "instrument": {"id": instrument.id, "version": instrument.version, "sha256": instrument.sha256,
                       "provenance": instrument_provenance(instrument)},
        "assessment": {
            "status": assessment.status, "gates": dict(assessment.gates or {}),
            "survey": assessment.survey, "correction": assessment.correction,
            "created_at": _iso(assessment.created_at), "finalized_at": _iso(assessment.finalized_at),
            "finalized_by": _finalized_by(assessment),
        },
        "answers": [{
            "item_id": a.item_id, "level": a.level, "justification": a.justification,
            "needs_review": a.needs_review, "review_note": a.review_note,
            "updated_at": _iso(a.updated_at), "updated_by": a.updated_by,
        } for a in answers],
        "scores": as_read_from_json(store.score(assessment).to_dict()),
        "files": files,
    }
    return manifest, blobs


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- export ---------------------------------------------------------------------------------

def sweep_partials(directory: Path) -> int:
    """Remove temp files a crashed export left in ``directory`` (ours by their name)."""
    removed = 0
    for leftover in Path(directory).glob(f".*{SUFFIX}.*.partial"):
        if owner_is_gone(leftover):  # not the temp file of an export still running elsewhere
            leftover.unlink(missing_ok=True)
            removed += 1
    return removed


@dataclass
class PreparedExport:
    """Everything read from the store for one export (on the thread that owns the store).
    Made by ``prepare_export``, which has checked the certificate for the day ``created``."""

    manifest: dict
    blobs: list[tuple[dict, Path]]
    certificate: OfficeCertificate
    certificate_bytes: bytes
    created: datetime
    # Where the written package is recorded (``models.export_record``): the office's data folder.
    record_dir: Path | None = None


def prepare_export(store: Store, assessment: Assessment, certificate_bytes: bytes) -> PreparedExport:
    """Check the assessment is final, its data matches its history, and the certificate is this
    office's and covers today; build the manifest. Raises ``CertificateRefused`` for a
    certificate that cannot sign."""
    if assessment.status != Assessment.FINAL:
        raise PackageError(code="export_not_final", year=assessment.year, revision=assessment.revision)
    try:  # a flipped byte or a lost WAL must not leave in a signed package
        require_consistent_history(store)
    except HistoryMismatchError as exc:
        raise PackageError(code=exc.code, **exc.params) from exc
    created = datetime.now(UTC).replace(microsecond=0)
    # The date the province checks the certificate on is the manifest's created_at.
    certificate = check_certificate_current(certificate_bytes, created.date())
    if certificate.office_code != assessment.office.code:
        raise CertificateRefused(code="export_certificate_other_office", certificate_office=certificate.office_code,
                                 office=assessment.office.code)
    manifest, blobs = build_manifest(store, assessment, certificate_bytes, created)
    return PreparedExport(manifest, blobs, certificate, certificate_bytes, created, store.data_dir)


def check_certificate_current(certificate_bytes: bytes, today: date | None = None) -> OfficeCertificate:
    """The certificate, if it covers ``today`` (UTC): a package signed under a certificate
    that does not cover its day of export is rejected by the province
    (``certificate_expired``). Export enforces this itself; a face may also ask early,
    before it unlocks the key."""
    try:
        certificate = read_certificate(certificate_bytes)
    except CertificateError as exc:
        raise CertificateRefused(code=exc.code, **exc.params) from exc
    today = today or datetime.now(UTC).date()
    if not certificate.valid_from <= today <= certificate.valid_until:
        raise CertificateRefused(code="export_certificate_not_today", serial=certificate.serial,
                                 valid_from=certificate.valid_from.isoformat(),
                                 valid_until=certificate.valid_until.isoformat())
    return certificate


def export_package(store: Store, assessment: Assessment, out_path: Path, private_key: Ed25519PrivateKey,
                   certificate_bytes: bytes, *, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """Write the signed package of a finalized assessment to ``out_path`` (atomically).
    Refuses (``CertificateRefused``, nothing written) a certificate of another office or key,
    or one that does not cover today."""
    return write_package(prepare_export(store, assessment, certificate_bytes), out_path, private_key,
                         progress=progress, cancelled=cancelled)


def write_package(prepared: PreparedExport, out_path: Path, private_key: Ed25519PrivateKey | KeyUnlock, *,
                  progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """Sign and write a prepared export; touches no database (safe in a worker thread)."""
    return write_package_hashed(prepared, out_path, private_key, progress=progress, cancelled=cancelled)[0]


def write_package_hashed(prepared: PreparedExport, out_path: Path, private_key: Ed25519PrivateKey | KeyUnlock, *,
                         progress: Progress = None, cancelled: Cancelled = None) -> tuple[Path, str]:
    """:func:`write_package`, also returning the written file's SHA-256 (hex), taken from
    the pass that hashes the file for its signature: the caller need not read it again.

    ``private_key`` may be a ``KeyUnlock`` still decrypting: the package is written and hashed
    meanwhile, and the key is taken for the signature at the end. Its errors (a wrong
    passphrase) are raised as soon as they are known; nothing is left behind."""
    public = private_key.public if isinstance(private_key, KeyUnlock) else public_key_of(private_key)
    if prepared.certificate.office_public_key != public:
        raise CertificateRefused(code="export_certificate_other_key")
    manifest, blobs = prepared.manifest, prepared.blobs
    certificate_bytes = prepared.certificate_bytes
    data = manifest_bytes(manifest)
    comment = trusted_comment(manifest)
    total = sum(entry["size"] for entry, _ in blobs)
    if total + len(data) + len(certificate_bytes) + 512 * (len(blobs) + 2) > MAX_PACKAGE_BYTES:
        raise PackageError(code="export_too_large")
    too_big = [entry for entry, _ in blobs if entry["size"] > MAX_ENTRY_BYTES]
    if too_big:
        raise PackageError(code="export_evidence_too_large", name=too_big[0]["original_name"],
                           limit=MAX_ENTRY_BYTES // 1024**2)
    if len(blobs) + 2 > MAX_ENTRIES:
        raise PackageError(code="export_too_many_files", limit=MAX_ENTRIES - 2)
    names = [entry["path"] for entry, _ in blobs]
    # The reader's rules, checked before writing: a package this writer makes always reads.
    if any(entry_name_problem(name) for name in names) or len({fold(name) for name in names}) != len(names):
        raise PackageError(code="export_bad_names")

    out_path = Path(out_path)
    if out_path.suffix != SUFFIX:
        out_path = out_path.with_name(out_path.name + SUFFIX)
    directory = out_path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        sweep_partials(directory)
    except OSError as exc:
        raise PackageError(code="export_folder_not_writable", folder=directory, detail=exc.strerror or exc) from exc
    partial = temp_name_for(out_path)
    try:
        with open(partial, "w+b") as handle:
            signed_length, signature, file_sha256 = _write_signed(
                handle, partial, data, certificate_bytes, blobs, comment, private_key, public.key_id, total,
                progress, cancelled)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out_path)
        fsync_dir(directory)
    except FileNotFoundError as exc:
        partial.unlink(missing_ok=True)
        raise PackageError(code="export_evidence_missing", file=exc.filename) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PackageError(code="export_write_failed", path=out_path, detail=exc.strerror or exc) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if prepared.record_dir is not None:
        try:
            record_export(prepared.record_dir, manifest, file_sha256, signed_length + len(signature),
                          out_path.name)
        except OSError as exc:
            raise PackageError(code="export_record_failed", path=out_path, detail=exc.strerror or exc) from exc
    return out_path, file_sha256


def province_recipient(data_dir: Path) -> PublicKey | None:
    """The key of the province that certified this office, when this PC holds it
    (``keys.load_trusted_keys``): the one key an export can be sealed to, so that only that
    province opens it. None without a readable office certificate or that key."""
    try:
        certificate = read_certificate(office_certificate_path(data_dir).read_bytes())
    except (OSError, CertificateError):
        return None
    return next((key for key in load_trusted_keys(data_dir) if key.key_id_hex == certificate.province_key_id), None)


def write_sealed_package(prepared: PreparedExport, out_path: Path, private_key: Ed25519PrivateKey | KeyUnlock,
                         recipient: PublicKey, *, progress: Progress = None,
                         cancelled: Cancelled = None) -> tuple[Path, str]:
    """:func:`write_package_hashed`, then the signed package encrypted in place to
    ``recipient`` (``models.package.envelope``); returns the envelope's path and SHA-256.
    What is recorded as exported is the signed package inside (what the province keeps). The
    plaintext never stays where the envelope was asked for."""
    from models.package.envelope import encrypt_package_hashed

    out, _ = write_package_hashed(prepared, out_path, private_key, progress=progress, cancelled=cancelled)
    try:
        return encrypt_package_hashed(out, recipient, out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


# The lanes of the one write pass (models.package.lanes): the whole file's BLAKE2b-512 (the
# signature's prehash) and SHA-256 (what the export prints and records), each blob's SHA-256
# (checked against the store's) and CRC-32 (for its ZIP headers).
_BLAKE2B, _FILE_SHA256, _BLOB = 0, 1, 2


class _BlobCheck:
    def __init__(self, entry: dict):
        self.entry = entry
        self.sha256 = hashlib.sha256()
        self.crc = 0

    def update(self, data) -> None:
        self.sha256.update(data)
        self.crc = zlib.crc32(data, self.crc)


def _write_signed(handle, partial: Path, manifest_data: bytes, certificate_bytes: bytes,
                  blobs: list[tuple[dict, Path]], comment: str, private_key: Ed25519PrivateKey | KeyUnlock,
                  key_id: bytes,
                  total: int, progress: Progress, cancelled: Cancelled) -> tuple[int, bytes, str]:
    """Write the package into ``handle`` and sign it: returns the signed length, the signature
    and the whole file's SHA-256 (hex). Not fsynced.

    Each blob is read once, in 1 MiB chunks into reused buffers: this thread writes it while a
    lane takes its CRC-32 and its SHA-256 (checked against the store's before signing). The signature covers
    the local header, whose CRC-32 is known only after the data, so each entry, once closed,
    is hashed for the whole file from the page cache (a copy in memory, no disk read) on two
    more lanes. BLAKE2b-512, one sequential stream, is the slowest of these; the rest runs
    beside it on the other cores."""
    whole = hashlib.blake2b(digest_size=64)
    file_sha256 = hashlib.sha256()
    whole_file = [(_BLAKE2B, whole.update), (_FILE_SHA256, file_sha256.update)]
    checks: list[_BlobCheck] = []
    done = 0
    unlocking = private_key if isinstance(private_key, KeyUnlock) else None
    flush_behind = FlushBehind(handle.fileno())
    with open(partial, "rb", buffering=0) as written, Lanes(3, work=total) as lanes, closing(flush_behind):
        hashed = 0  # bytes of the file fed to the whole-file lanes

        def hash_final_bytes(stop: int) -> None:
            nonlocal hashed
            handle.flush()
            written.seek(hashed)
            while hashed < stop:
                buffer = lanes.buffer()
                length = written.readinto(memoryview(buffer)[:min(len(buffer), stop - hashed)])
                if not length:
                    lanes.give_back(buffer)
                    raise OSError(f"{partial}: shorter than written")
                lanes.feed(buffer, length, whole_file)
                hashed += length

        writer = CanonicalZipWriter(handle)
        writer.add(MANIFEST_NAME, [manifest_data], len(manifest_data))
        writer.add(CERTIFICATE_NAME, [certificate_bytes], len(certificate_bytes))
        hash_final_bytes(writer.offset)
        for entry, source in blobs:
            blob = _BlobCheck(entry)
            checks.append(blob)
            writer.begin(entry["path"], entry["size"])
            with open(source, "rb", buffering=0) as reader:
                while True:
                    if cancelled and cancelled():
                        raise PackageCancelled(code="export_cancelled")
                    if unlocking is not None and unlocking.failed:
                        unlocking.key()  # raises: a wrong passphrase stops the export here
                    buffer = lanes.buffer()
                    length = reader.readinto(buffer)
                    if not length:
                        lanes.give_back(buffer)
                        break
                    # The lane hashes while this thread writes the same buffer (only this thread
                    # takes buffers from the pool, so it is not reused before the next read).
                    lanes.feed(buffer, length, [(_BLOB, blob.update)])
                    writer.write(memoryview(buffer)[:length])
                    done += length
                    flush_behind.wrote(done)
                    if progress:
                        progress(done, total)
            lanes.wait(_BLOB)  # its CRC-32 goes into the local header
            try:
                writer.end(blob.crc)
            except ValueError:  # the blob's size changed in the store
                raise PackageError(code="export_evidence_resized", name=entry["original_name"],
                                   item=entry["item_id"]) from None
            hash_final_bytes(writer.offset)
        signed_length = writer.close_directory(signature_length(comment))
        hash_final_bytes(signed_length)
        lanes.wait()
    for blob in checks:
        entry = blob.entry
        if blob.sha256.hexdigest() != entry["sha256"]:
            raise PackageError(code="export_evidence_changed", name=entry["original_name"], item=entry["item_id"])
    if unlocking is not None:
        private_key = unlocking.key()
    signature = sign_digest(private_key, key_id, whole.digest(), comment)
    file_sha256.update(signature)
    handle.seek(signed_length)
    handle.write(signature)
    handle.truncate()
    return signed_length, signature, file_sha256.hexdigest()
