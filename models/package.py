"""The signed assessment package (``*.merit``): export, verify, inspect, read evidence.

A package is a ZIP holding ``manifest.json`` (everything about the assessment, every
file's size and SHA-256), ``manifest.json.minisig`` (a minisign signature by the office
key over the exact manifest bytes), ``certificate.json`` (the office certificate issued
by the province) and the evidence files under ``evidence/<item>/``. The format is
specified in ``docs/package-format.md``; this module is its reference implementation.

* Export streams each evidence blob into the ZIP while re-hashing it (memory does not
  grow with evidence size) into a temp file beside the target, fsyncs and renames it, so
  a crash or a full disk never leaves a half package under the ``.merit`` name.
* Verify never extracts and never raises for bad input: it returns a ``VerifyReport``
  with a stable reason code and a sentence in Bahasa Indonesia (``REASONS``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import __version__
from models.certificates import CertificateError, OfficeCertificate, read_certificate
from models.evidence import CHUNK, EvidenceStore, StoredBlob
from models.files import fsync_dir, owner_is_gone, temp_name_for
from models.history import HistoryMismatchError, require_consistent_history
from models.instrument import InstrumentRegistry, shipped_registry
from models.keys import (
    PublicKey,
    SignatureError,
    key_id_hex,
    minisign_sign,
    minisign_verify,
    parse_minisign_signature,
    public_key_of,
)
from models.scoring import STORED_PLACES, ScoringInputError, score
from models.store import Store
from models.tables import Assessment, AuditEntry

FORMAT_NAME = "merit-luring-package"
FORMAT_VERSION = 1
SUFFIX = ".merit"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
CERTIFICATE_NAME = "certificate.json"
FIXED_NAMES = (MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME)
EVIDENCE_NAME = re.compile(r"evidence/[A-Za-z0-9][A-Za-z0-9._-]{0,31}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

# Caps a reader enforces before reading any content (zip bombs, resource exhaustion).
MAX_ENTRIES = 10_000
MAX_ENTRY_BYTES = 4 * 1024**3
MAX_TOTAL_BYTES = 32 * 1024**3
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_SMALL_BYTES = 64 * 1024  # signature and certificate
MAX_RATIO = 100  # uncompressed / compressed, for entries above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

REASONS = {
    "unreadable": "Berkas paket tidak dapat dibaca.",
    "empty_file": "Berkas paket kosong (0 bita).",
    "not_zip": "Berkas ini bukan paket Merit Luring (bukan arsip ZIP).",
    "zip_corrupt": "Arsip paket rusak atau terpotong; minta kantor mengirim ulang.",
    "too_many_entries": "Paket berisi terlalu banyak berkas.",
    "duplicate_entry": "Paket berisi nama berkas ganda.",
    "absolute_path": "Paket berisi nama berkas dengan path absolut.",
    "path_traversal": "Paket berisi nama berkas yang keluar dari folder paket (..).",
    "link_entry": "Paket berisi tautan (symlink), yang tidak diizinkan.",
    "forbidden_name": "Paket berisi berkas dengan nama yang tidak diizinkan.",
    "encrypted_entry": "Paket berisi berkas terenkripsi, yang tidak diizinkan.",
    "unsupported_compression": "Paket memakai metode kompresi yang tidak dikenal.",
    "entry_too_large": "Paket berisi berkas yang melebihi batas ukuran.",
    "package_too_large": "Isi paket melebihi batas ukuran total.",
    "compression_ratio": "Paket berisi berkas dengan rasio kompresi mencurigakan (bom zip).",
    "missing_manifest": "Paket tidak berisi manifest.json.",
    "missing_signature": "Paket tidak berisi tanda tangan manifest.json.minisig.",
    "missing_certificate": "Paket tidak berisi sertifikat kantor certificate.json.",
    "manifest_malformed": "Manifest paket rusak atau tidak lengkap.",
    "unknown_format": "Berkas ini bukan paket penilaian Merit Luring.",
    "unknown_format_version": "Versi format paket tidak dikenal; perbarui aplikasi Merit Luring.",
    "certificate_malformed": "Sertifikat kantor dalam paket rusak.",
    "signature_malformed": "Tanda tangan paket rusak.",
    "wrong_key": "Paket tidak ditandatangani dengan kunci kantor yang tercantum pada sertifikatnya.",
    "bad_signature": "Tanda tangan tidak cocok: manifest paket telah diubah setelah ditandatangani.",
    "certificate_untrusted": "Sertifikat kantor tidak diterbitkan oleh provinsi yang dipercaya.",
    "certificate_bad_signature": "Tanda tangan provinsi pada sertifikat kantor tidak sah.",
    "certificate_not_yet_valid": "Sertifikat kantor belum berlaku pada tanggal paket dibuat.",
    "certificate_expired": "Sertifikat kantor sudah berakhir pada tanggal paket dibuat.",
    "certificate_revoked": "Sertifikat kantor telah dicabut oleh provinsi.",
    "office_mismatch": "Kantor dalam manifest berbeda dengan kantor pada sertifikat.",
    "missing_file": "Berkas yang tercantum dalam manifest tidak ada di paket.",
    "unlisted_file": "Paket berisi berkas yang tidak tercantum dalam manifest.",
    "size_mismatch": "Ukuran berkas berbeda dengan yang tercantum dalam manifest.",
    "hash_mismatch": "Isi berkas telah berubah (SHA-256 tidak cocok dengan manifest).",
    "unknown_instrument": "Instrumen penilaian paket tidak dikenal oleh aplikasi ini.",
    "answers_invalid": "Jawaban dalam paket tidak sah untuk instrumennya.",
    "score_mismatch": "Nilai yang dinyatakan dalam paket berbeda dengan hasil hitung ulang dari jawaban.",
    "cancelled": "Pemeriksaan paket dibatalkan.",
    "unexpected_error": "Paket tidak dapat diperiksa karena galat tak terduga; laporkan ke pengembang.",
}
# Reasons that say nothing about the package itself (exit code 2 in the CLI).
IO_REASONS = {"unreadable", "cancelled", "unexpected_error"}


class PackageError(RuntimeError):
    """Export could not be done; message for the user (Bahasa Indonesia)."""


class PackageCancelled(PackageError):
    pass


class Rejected(Exception):
    """A package failed a check: ``reason`` (stable code) and a sentence."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.message = REASONS[reason] + (f" {detail}" if detail else "")
        super().__init__(self.message)


@dataclass
class VerifyReport:
    ok: bool
    reason: str | None
    message: str
    manifest: dict | None = None
    certificate: OfficeCertificate | None = None
    province_key: PublicKey | None = None
    checked_files: int = 0
    checked_bytes: int = 0

    def to_dict(self) -> dict:
        manifest = self.manifest or {}
        return {
            "ok": self.ok,
            "reason": self.reason,
            "message": self.message,
            "package_id": manifest.get("package_id"),
            "office": manifest.get("office"),
            "year": manifest.get("year"),
            "revision": manifest.get("revision"),
            "certificate": self.certificate.summary() if self.certificate else None,
            "province_key_id": self.province_key.key_id_hex if self.province_key else None,
            "checked_files": self.checked_files,
            "checked_bytes": self.checked_bytes,
        }


Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


# --- naming ---------------------------------------------------------------------------------

def safe_component(text: str, limit: int) -> str:
    """ASCII letters, digits, ``._-`` only (names must read the same on every OS)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_text).strip("._-") or "berkas"
    if len(cleaned) > limit:
        stem, dot, ext = cleaned.rpartition(".")
        ext = ext[:10] if dot and stem else ""
        cleaned = cleaned[: limit - len(ext) - 1].rstrip("._-") + ("." + ext if ext else "")
    return cleaned


def evidence_entry_name(item_id: str, position: int, original_name: str) -> str:
    return f"evidence/{safe_component(item_id, 32)}/{position:03d}-{safe_component(original_name, 120)}"


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


def _normalized(data):
    """The value as it reads back from JSON (tuples become lists, ...)."""
    return json.loads(json.dumps(data, ensure_ascii=False))


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
            "label": row.label, "original_name": row.original_name, "media_type": row.media_type,
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
        "instrument": {"id": instrument.id, "version": instrument.version, "sha256": instrument.sha256},
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
        "scores": _normalized(store.score(assessment).to_dict()),
        "files": files,
    }
    return manifest, blobs


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def trusted_comment(manifest: dict) -> str:
    office = manifest["office"]["code"]
    return (f"merit-luring package {manifest['package_id']} office {office} year {manifest['year']} "
            f"revision {manifest['revision']} created {manifest['created_at']}")


# --- export ---------------------------------------------------------------------------------

def _zip_info(name: str, when: datetime, compress: int, size: int | None = None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = compress
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.create_system = 3  # unix: the mode bits above mean a regular file
    if size is not None:
        info.file_size = size
    return info


def sweep_partials(directory: Path) -> int:
    """Remove temp files a crashed export left in ``directory`` (ours by their name); not
    those of an export still running (another process writing into the same folder)."""
    removed = 0
    for leftover in Path(directory).glob(f".*{SUFFIX}.*.partial"):
        if owner_is_gone(leftover):
            leftover.unlink(missing_ok=True)
            removed += 1
    return removed


@dataclass
class PreparedExport:
    """Everything read from the store for one export (on the thread that owns the store)."""

    manifest: dict
    blobs: list[tuple[dict, Path]]
    certificate: OfficeCertificate
    certificate_bytes: bytes
    created: datetime


def prepare_export(store: Store, assessment: Assessment, certificate_bytes: bytes) -> PreparedExport:
    """Check the assessment is final, the data matches its history and the certificate is
    this office's; build the manifest."""
    if assessment.status != Assessment.FINAL:
        raise PackageError(f"Penilaian {assessment.year} revisi {assessment.revision} belum difinalisasi; "
                           "finalisasi dahulu sebelum ekspor.")
    try:
        require_consistent_history(store)
    except HistoryMismatchError as exc:
        raise PackageError(str(exc)) from exc
    try:
        certificate = read_certificate(certificate_bytes)
    except CertificateError as exc:
        raise PackageError(str(exc)) from exc
    if certificate.office_code != assessment.office.code:
        raise PackageError(f"Sertifikat untuk kantor {certificate.office_code}, bukan {assessment.office.code}.")
    created = datetime.now(UTC).replace(microsecond=0)
    manifest, blobs = build_manifest(store, assessment, certificate_bytes, created)
    return PreparedExport(manifest, blobs, certificate, certificate_bytes, created)


def check_certificate_current(certificate_bytes: bytes, today: date | None = None) -> OfficeCertificate:
    """The CLI and GUI call this before exporting: a package signed under a certificate that
    does not cover today is rejected by the province (``certificate_expired``), so say so
    now. (``export_package`` itself does not refuse, so tests can build such packages.)"""
    try:
        certificate = read_certificate(certificate_bytes)
    except CertificateError as exc:
        raise PackageError(str(exc)) from exc
    today = today or datetime.now(UTC).date()
    if not certificate.valid_from <= today <= certificate.valid_until:
        raise PackageError(
            f"Sertifikat kantor nomor {certificate.serial} berlaku {certificate.valid_from.isoformat()} s.d. "
            f"{certificate.valid_until.isoformat()}, tidak mencakup hari ini. Minta sertifikat baru ke provinsi "
            "(kirim permintaan pendaftaran), lalu impor.")
    return certificate


def export_package(store: Store, assessment: Assessment, out_path: Path, private_key: Ed25519PrivateKey,
                   certificate_bytes: bytes, *, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """Write the signed package of a finalized assessment to ``out_path`` (atomically)."""
    return write_package(prepare_export(store, assessment, certificate_bytes), out_path, private_key,
                         progress=progress, cancelled=cancelled)


def write_package(prepared: PreparedExport, out_path: Path, private_key: Ed25519PrivateKey, *,
                  progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """Sign and write a prepared export; touches no database (safe in a worker thread)."""
    public = public_key_of(private_key)
    if prepared.certificate.office_public_key != public:
        raise PackageError("Sertifikat kantor bukan untuk kunci kantor ini. Impor sertifikat yang "
                           "diterbitkan provinsi untuk kunci ini.")
    manifest, blobs, created = prepared.manifest, prepared.blobs, prepared.created
    certificate_bytes = prepared.certificate_bytes
    data = manifest_bytes(manifest)
    signature = minisign_sign(private_key, public.key_id, data, trusted_comment(manifest))
    total = sum(entry["size"] for entry, _ in blobs)

    out_path = Path(out_path)
    if out_path.suffix != SUFFIX:
        out_path = out_path.with_name(out_path.name + SUFFIX)
    directory = out_path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        sweep_partials(directory)
    except OSError as exc:
        raise PackageError(f"Folder {directory} tidak dapat ditulisi: {exc.strerror or exc}.") from exc
    partial = temp_name_for(out_path)
    done = 0
    try:
        with open(partial, "wb") as handle:
            with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
                archive.writestr(_zip_info(MANIFEST_NAME, created, zipfile.ZIP_DEFLATED), data)
                archive.writestr(_zip_info(SIGNATURE_NAME, created, zipfile.ZIP_STORED), signature)
                archive.writestr(_zip_info(CERTIFICATE_NAME, created, zipfile.ZIP_STORED), certificate_bytes)
                for entry, source in blobs:
                    # Scans and PDFs are compressed already: stored entries keep export at disk speed.
                    info = _zip_info(entry["path"], created, zipfile.ZIP_STORED, entry["size"])
                    digest = hashlib.sha256()
                    with open(source, "rb") as reader, archive.open(info, "w") as writer:
                        while chunk := reader.read(CHUNK):
                            if cancelled and cancelled():
                                raise PackageCancelled("Ekspor paket dibatalkan; tidak ada berkas yang dibuat.")
                            digest.update(chunk)
                            writer.write(chunk)
                            done += len(chunk)
                            if progress:
                                progress(done, total)
                    if digest.hexdigest() != entry["sha256"]:
                        raise PackageError(
                            f"Bukti dukung {entry['original_name']} ({entry['item_id']}) di penyimpanan "
                            "telah rusak (SHA-256 berubah). Lampirkan ulang berkasnya, lalu ekspor lagi.")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out_path)
        fsync_dir(directory)
    except FileNotFoundError as exc:
        partial.unlink(missing_ok=True)
        raise PackageError(f"Berkas bukti dukung {exc.filename} hilang dari penyimpanan.") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PackageError(f"Paket gagal ditulis ke {out_path}: {exc.strerror or exc}. "
                           "Periksa ruang disk; tidak ada paket setengah jadi yang tertinggal.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out_path


# --- reading the container ------------------------------------------------------------------

def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _check_name(name: str) -> None:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise Rejected("absolute_path", f"Nama: {name!r}.")
    if ".." in re.split(r"[\\/]", name):
        raise Rejected("path_traversal", f"Nama: {name!r}.")
    if name not in FIXED_NAMES and not EVIDENCE_NAME.fullmatch(name):
        raise Rejected("forbidden_name", f"Nama: {name!r}.")


def check_container(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every structural rule, from the central directory alone; returns name -> entry."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise Rejected("too_many_entries", f"{len(infos)} berkas, batas {MAX_ENTRIES}.")
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        # zipfile cuts a name at NUL and turns "\\" into "/" on Windows before we see it:
        # judge the bytes as stored, so every platform's verifier agrees.
        if info.orig_filename != name:
            raise Rejected("forbidden_name", f"Nama: {info.orig_filename!r}.")
        if _is_link(info):
            raise Rejected("link_entry", f"Nama: {name!r}.")
        _check_name(name)
        if name in entries or name.casefold() in folded:
            raise Rejected("duplicate_entry", f"Nama: {name!r}.")
        entries[name] = info
        folded.add(name.casefold())
        if info.flag_bits & 0x1:
            raise Rejected("encrypted_entry", f"Nama: {name!r}.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Rejected("unsupported_compression", f"Nama: {name!r}.")
        limit = {MANIFEST_NAME: MAX_MANIFEST_BYTES, SIGNATURE_NAME: MAX_SMALL_BYTES,
                 CERTIFICATE_NAME: MAX_SMALL_BYTES}.get(name, MAX_ENTRY_BYTES)
        if info.file_size > limit:
            raise Rejected("entry_too_large", f"Nama: {name!r}.")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Rejected("package_too_large")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Rejected("compression_ratio", f"Nama: {name!r}.")
    for name, reason in ((MANIFEST_NAME, "missing_manifest"), (SIGNATURE_NAME, "missing_signature"),
                         (CERTIFICATE_NAME, "missing_certificate")):
        if name not in entries:
            raise Rejected(reason)
    return entries


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as stream:
            return stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Rejected("zip_corrupt", f"Berkas {info.filename}: {exc}.") from exc


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise Rejected("unreadable", f"{path}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise Rejected("empty_file", f"{path.name}.")
    if head not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise Rejected("not_zip", f"{path.name}.")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise Rejected("zip_corrupt", f"{path.name}: {exc}.") from exc


def _parse_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Rejected("manifest_malformed", f"Bukan JSON UTF-8 yang sah ({exc}).") from None
    if not isinstance(manifest, dict):
        raise Rejected("manifest_malformed", "Isi harus objek JSON.")
    if manifest.get("format") != FORMAT_NAME:
        raise Rejected("unknown_format", f"format = {manifest.get('format')!r}.")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Rejected("manifest_malformed", "format_version harus bilangan bulat.")
    if version != FORMAT_VERSION:
        raise Rejected("unknown_format_version",
                       f"Paket versi {version}, aplikasi ini membaca versi {FORMAT_VERSION}.")
    return manifest


def _require(manifest: dict, path: str, kind):
    value = manifest
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise Rejected("manifest_malformed", f"Kolom '{path}' tidak ada.")
        value = value[part]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Rejected("manifest_malformed", f"Kolom '{path}' jenisnya salah.")
    return value


def _check_manifest_shape(manifest: dict) -> list[dict]:
    for path, kind in (("package_id", str), ("created_at", str), ("office.code", str), ("year", int),
                       ("revision", int), ("instrument.id", str), ("instrument.sha256", str),
                       ("assessment.gates", dict), ("answers", list), ("scores", dict), ("files", list)):
        _require(manifest, path, kind)
    try:
        datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise Rejected("manifest_malformed", "created_at bukan waktu ISO 8601.") from None
    files = manifest["files"]
    seen: set[str] = set()
    for position, entry in enumerate(files):
        if not isinstance(entry, dict):
            raise Rejected("manifest_malformed", f"files[{position}] harus objek.")
        name, size, sha = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(name, str) or not isinstance(size, int) or isinstance(size, bool) or size < 0 \
                or not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise Rejected("manifest_malformed", f"files[{position}]: path, size, sha256 wajib dan sah.")
        if name in seen or name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise Rejected("manifest_malformed", f"files[{position}]: path {name!r} ganda atau terlarang.")
        seen.add(name)
        if entry.get("role") == "evidence" and not isinstance(entry.get("item_id"), str):
            raise Rejected("manifest_malformed", f"files[{position}]: item_id wajib untuk bukti dukung.")
    if CERTIFICATE_NAME not in seen:
        raise Rejected("manifest_malformed", "certificate.json tidak tercantum dalam files.")
    return files


class _HashingReader:
    """Reads a ZIP entry, hashing; at EOF raises Rejected when size or SHA-256 differ."""

    def __init__(self, stream, entry: dict):
        self._stream = stream
        self._entry = entry
        self._digest = hashlib.sha256()
        self._size = 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._stream.read(size)
        except zipfile.BadZipFile as exc:  # CRC-32 mismatch: the bytes changed
            raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}: {exc}.") from exc
        except (EOFError, OSError, ValueError) as exc:
            raise Rejected("zip_corrupt", f"Berkas {self._entry['path']}: {exc}.") from exc
        self._digest.update(chunk)
        self._size += len(chunk)
        if self._size > self._entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry['path']}.")
        if not chunk or size < 0:
            self._finish()
        return chunk

    def _finish(self) -> None:
        if self._size != self._entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry['path']}.")
        if self._digest.hexdigest() != self._entry["sha256"]:
            raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}.")


def _check_files(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], files: list[dict],
                 progress: Progress, cancelled: Cancelled) -> tuple[int, int]:
    listed = {entry["path"] for entry in files}
    present = set(entries) - {MANIFEST_NAME, SIGNATURE_NAME}
    missing = sorted(listed - present)
    if missing:
        raise Rejected("missing_file", f"Berkas: {', '.join(missing[:5])}.")
    extra = sorted(present - listed)
    if extra:
        raise Rejected("unlisted_file", f"Berkas: {', '.join(extra[:5])}.")
    for entry in files:
        if entries[entry["path"]].file_size != entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {entry['path']}: {entries[entry['path']].file_size} bita, "
                                            f"manifest {entry['size']} bita.")
    total = sum(entry["size"] for entry in files)
    done = 0
    for entry in files:
        with _open_entry(archive, entries[entry["path"]]) as stream:
            reader = _HashingReader(stream, entry)
            while chunk := reader.read(CHUNK):
                if cancelled and cancelled():
                    raise Rejected("cancelled")
                done += len(chunk)
                if progress:
                    progress(done, total)
    return len(files), done


def _open_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Rejected("zip_corrupt", f"Berkas {info.filename}: {exc}.") from exc


# --- scores ---------------------------------------------------------------------------------

SCORE_FIELDS = ("model", "headline_kind", "index", "maturity", "nism", "survey", "correction",
                "answered", "applicable", "unanswered", "provisional")


def _score_digest(scores: dict) -> dict:
    """The figures a verifier recomputes and compares (numbers at STORED_PLACES)."""
    def number(value):
        return round(value, STORED_PLACES) if isinstance(value, float) else value

    band = scores.get("band")
    return {
        **{name: number(scores.get(name)) for name in SCORE_FIELDS},
        "band": band.get("code") if isinstance(band, dict) else band,
        "aspects": [
            (a.get("id"), number(a.get("score")), a.get("answered"), a.get("applicable"))
            if isinstance(a, dict) else a for a in (scores.get("aspects") or [])
        ],
    }


def recompute_scores(manifest: dict, registry: InstrumentRegistry) -> dict:
    instrument = registry.by_hash(manifest["instrument"]["sha256"])
    if instrument is None or instrument.id != manifest["instrument"]["id"]:
        raise Rejected("unknown_instrument",
                       f"{manifest['instrument']['id']} (SHA-256 {manifest['instrument']['sha256'][:12]}…).")
    assessment = manifest["assessment"]
    try:
        gates = instrument.resolve_gates(assessment.get("gates"))
        levels = {}
        for answer in manifest["answers"]:
            item_id, level = answer.get("item_id"), answer.get("level")
            if not isinstance(item_id, str) or not instrument.has_item(item_id):
                raise Rejected("answers_invalid", f"Item {item_id!r} tidak ada dalam instrumen.")
            # Answers of gated-out items are kept for the record; scoring ignores them.
            if level is not None and instrument.item(item_id).applies(gates):
                if item_id in levels:
                    raise Rejected("answers_invalid", f"Item {item_id} dijawab dua kali.")
                levels[item_id] = level
        result = score(instrument, assessment.get("gates"), levels,
                       survey=assessment.get("survey"), correction=assessment.get("correction"))
    except ScoringInputError as exc:
        raise Rejected("answers_invalid", str(exc)) from None
    except (AttributeError, TypeError, KeyError) as exc:
        raise Rejected("answers_invalid", f"Struktur jawaban salah ({exc}).") from None
    for entry in manifest["files"]:
        if entry.get("role") == "evidence" and not instrument.has_item(entry["item_id"]):
            raise Rejected("answers_invalid", f"Bukti dukung {entry['path']} untuk item {entry['item_id']!r} "
                                              "yang tidak ada dalam instrumen.")
    recomputed = _normalized(result.to_dict())
    if _score_digest(recomputed) != _score_digest(manifest["scores"]):
        raise Rejected("score_mismatch",
                       f"Dinyatakan {manifest['scores'].get('index')!r}, hitung ulang {recomputed['index']!r}.")
    return recomputed


# --- verify ---------------------------------------------------------------------------------

def verify_package(path: Path, trusted_province_keys: list[PublicKey], registry: InstrumentRegistry | None = None,
                   *, on: date | None = None, revoked_serials: Collection[str] = (),
                   progress: Progress = None, cancelled: Cancelled = None) -> VerifyReport:
    """Check a package in the documented order; never raises for bad input.

    ``on`` is the date the certificate must cover; by default the package's own signed
    ``created_at`` date, so a package stays verifiable after its certificate expires.
    """
    state: dict = {}
    try:
        with _open_zip(Path(path)) as archive:
            return _verify(archive, state, trusted_province_keys, registry or shipped_registry(), on,
                           set(revoked_serials), progress, cancelled)
    except Rejected as rejected:
        return VerifyReport(False, rejected.reason, rejected.message, state.get("manifest"),
                            state.get("certificate"), state.get("province_key"))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        return VerifyReport(False, "zip_corrupt", f"{REASONS['zip_corrupt']} ({exc})", state.get("manifest"),
                            state.get("certificate"))
    except Exception as exc:  # noqa: BLE001 - bad input must never crash the caller (an import of 500 files)
        return VerifyReport(False, "unexpected_error", f"{REASONS['unexpected_error']} ({type(exc).__name__}: {exc})",
                            state.get("manifest"), state.get("certificate"))


def _verify(archive, state, trusted, registry, on, revoked, progress, cancelled) -> VerifyReport:
    entries = check_container(archive)
    manifest_data = _read_small(archive, entries[MANIFEST_NAME])
    manifest = _parse_manifest(manifest_data)
    state["manifest"] = manifest
    try:
        certificate = read_certificate(_read_small(archive, entries[CERTIFICATE_NAME]))
    except CertificateError as exc:
        raise Rejected("certificate_malformed", str(exc)) from None
    state["certificate"] = certificate
    signature = _read_small(archive, entries[SIGNATURE_NAME])
    try:
        minisign_verify(certificate.office_public_key, manifest_data, signature)
    except SignatureError as exc:
        raise Rejected(exc.reason, str(exc)) from None
    files = _check_manifest_shape(manifest)
    when = on or datetime.fromisoformat(manifest["created_at"]).date()
    try:
        state["province_key"] = certificate.check(trusted, when)
    except CertificateError as exc:
        raise Rejected(exc.reason, str(exc)) from None
    if certificate.serial in revoked:
        raise Rejected("certificate_revoked", f"Nomor seri {certificate.serial}.")
    if manifest["office"]["code"] != certificate.office_code:
        raise Rejected("office_mismatch",
                       f"Manifest {manifest['office']['code']}, sertifikat {certificate.office_code}.")
    checked_files, checked_bytes = _check_files(archive, entries, files, progress, cancelled)
    recompute_scores(manifest, registry)
    office = manifest["office"]
    message = (f"Paket sah: {office.get('name', office['code'])} tahun {manifest['year']} revisi "
               f"{manifest['revision']}, ditandatangani kunci kantor "
               f"{certificate.office_public_key.fingerprint}, {checked_files} berkas utuh.")
    return VerifyReport(True, None, message, manifest, certificate, state["province_key"],
                        checked_files, checked_bytes)


# --- inspect and read -----------------------------------------------------------------------

def inspect_package(path: Path) -> dict:
    """What the package *says* about itself, nothing trusted and nothing hashed."""
    path = Path(path)
    summary: dict = {"path": str(path), "trusted": False}
    try:
        summary["size"] = path.stat().st_size
        with _open_zip(path) as archive:
            infos = archive.infolist()
            summary["entries"] = len(infos)
            summary["uncompressed_bytes"] = sum(info.file_size for info in infos)
            try:
                entries = check_container(archive)
            except Rejected as rejected:
                summary["container_problem"] = {"reason": rejected.reason, "message": rejected.message}
                return summary
            manifest = _parse_manifest(_read_small(archive, entries[MANIFEST_NAME]))
            files = manifest.get("files") if isinstance(manifest.get("files"), list) else []
            evidence = [f for f in files if isinstance(f, dict) and f.get("role") == "evidence"]
            scores = manifest.get("scores") if isinstance(manifest.get("scores"), dict) else {}
            summary["manifest"] = {
                key: manifest.get(key) for key in ("format", "format_version", "package_id", "app", "created_at",
                                                   "office", "year", "revision", "instrument")
            }
            summary["manifest"]["scores"] = {key: scores.get(key) for key in
                                             ("headline_kind", "index", "maturity", "nism", "provisional",
                                              "answered", "applicable")}
            summary["manifest"]["scores"]["band"] = (scores.get("band") or {}).get("label") \
                if isinstance(scores.get("band"), dict) else None
            summary["manifest"]["answers"] = len(manifest.get("answers") or [])
            summary["manifest"]["evidence_files"] = len(evidence)
            summary["manifest"]["evidence_bytes"] = sum(f.get("size", 0) for f in evidence
                                                        if isinstance(f.get("size"), int))
            try:
                parsed = parse_minisign_signature(_read_small(archive, entries[SIGNATURE_NAME]))
                summary["signature"] = {"key_id": key_id_hex(parsed.key_id),
                                        "trusted_comment": parsed.trusted_comment}
            except SignatureError as exc:
                summary["signature"] = {"problem": str(exc)}
            try:
                summary["certificate"] = read_certificate(_read_small(archive, entries[CERTIFICATE_NAME])).summary()
            except CertificateError as exc:
                summary["certificate"] = {"problem": str(exc)}
    except Rejected as rejected:
        summary["problem"] = {"reason": rejected.reason, "message": rejected.message}
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        summary["problem"] = {"reason": "zip_corrupt", "message": f"{REASONS['zip_corrupt']} ({exc})"}
    return summary


@dataclass
class PackageEvidence:
    entry: dict  # the manifest's files[] entry: path, size, sha256, item_id, label, original_name, ...
    stream: object = field(repr=False)  # .read(n); raises Rejected at EOF if size or SHA-256 differ


def iter_package_evidence(path: Path, manifest: dict) -> Iterator[PackageEvidence]:
    """Stream each evidence file of a *verified* package, in manifest order, without
    extracting anything. Each stream must be read to its end before the next is yielded;
    reading re-checks size and SHA-256 (the file may have changed since verification)
    and raises ``Rejected`` if they differ."""
    with _open_zip(Path(path)) as archive:
        entries = check_container(archive)
        for entry in manifest["files"]:
            if entry.get("role") != "evidence":
                continue
            info = entries.get(entry["path"])
            if info is None:
                raise Rejected("missing_file", f"Berkas: {entry['path']}.")
            with _open_entry(archive, info) as stream:
                yield PackageEvidence(entry, _HashingReader(stream, entry))


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


def reason_is_io(reason: str | None) -> bool:
    return reason in IO_REASONS


__all__ = [
    "FORMAT_NAME", "FORMAT_VERSION", "REASONS", "PackageError", "PackageCancelled", "Rejected",
    "VerifyReport", "PreparedExport", "check_certificate_current", "prepare_export", "write_package", "export_package", "verify_package", "inspect_package", "iter_package_evidence",
    "import_evidence",
]
