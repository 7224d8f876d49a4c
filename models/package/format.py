"""What a ``.merit`` package is, for every module that writes or reads one: names,
limits, the stable reason codes with their sentences, the errors, ``VerifyReport``.

The format itself is specified in ``docs/package-format.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from models.certificates import OfficeCertificate
from models.keys import PublicKey

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
    "certificate_not_yet_valid": "Sertifikat kantor belum berlaku pada waktu pemeriksaan.",
    "certificate_expired": "Sertifikat kantor sudah berakhir pada waktu pemeriksaan.",
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


def reason_is_io(reason: str | None) -> bool:
    return reason in IO_REASONS


class PackageError(RuntimeError):
    """Export could not be done; message for the user (Bahasa Indonesia)."""


class PackageCancelled(PackageError):
    pass


class CertificateRefused(PackageError):
    """The office certificate cannot sign this export (unreadable, another office's or key's,
    or not valid on the day of export): the province would reject the package."""


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
    notice: str | None = None  # accepted with a remark (a late package within the grace days)

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
            "notice": self.notice,
        }


# The callbacks of every long step (export, verify, import): progress(done, total) in bytes,
# and cancelled() polled between chunks.
Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


def as_read_from_json(data):
    """The value as it reads back from JSON (tuples become lists, ...): declared and
    recomputed scores are compared in this form."""
    return json.loads(json.dumps(data, ensure_ascii=False))
