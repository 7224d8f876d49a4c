"""What a ``.merit`` package is, for every module that writes or reads one: names,
limits, the stable reason codes with their sentences, the errors, ``VerifyReport``.

The format itself is specified in ``docs/package-format.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.package.strict_json import JSON_REASONS

if TYPE_CHECKING:  # the GUI's start reads SUFFIX through the tables: no cryptography for that
    from models.certificates import OfficeCertificate
    from models.keys import PublicKey

FORMAT_NAME = "merit-luring-package"
FORMAT_VERSION = 2
SUFFIX = ".merit"
MANIFEST_NAME = "manifest.json"
CERTIFICATE_NAME = "certificate.json"
FIXED_NAMES = (MANIFEST_NAME, CERTIFICATE_NAME)
# The first bytes of a package encrypted to the province (docs/package-format.md §11).
ENCRYPTED_MAGIC = b"MERITENC"

# Caps a reader enforces before reading any content (resource exhaustion). Format 2 has
# no compression and no ZIP64: what is read is never more than the file's own size.
MAX_ENTRIES = 10_000
# Below 2 GiB: readers with signed 32-bit offsets read it, and Python's zipfile rebuilds it
# without ZIP64 fields (the hand check, docs/package-format.md §7, compares that rebuild).
MAX_PACKAGE_BYTES = 2**31 - 1 - 0x10000
MAX_ENTRY_BYTES = 1900 * 1024**2  # zipfile adds ZIP64 fields from 2 GiB / 1.05 on
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_SMALL_BYTES = 64 * 1024  # the certificate
MAX_COMMENT_BYTES = 4096  # the signature in the archive comment
MAX_TRUSTED_COMMENT = 512

REASONS = {
    "unreadable": "Berkas paket tidak dapat dibaca.",
    "empty_file": "Berkas paket kosong (0 bita).",
    "not_zip": "Berkas ini bukan paket Merit Luring (bukan arsip ZIP).",
    "zip_corrupt": "Arsip paket rusak atau terpotong; minta kantor mengirim ulang.",
    "encrypted_package": "Paket ini terenkripsi untuk provinsi; buka dengan kunci provinsi.",
    "decrypt_failed": "Paket terenkripsi tidak dapat dibuka: rusak, terpotong, diubah, atau bukan untuk kunci "
                      "provinsi ini.",
    "format_version_unsupported": "Paket format versi 1 tidak diterima lagi: minta kantor mengekspor ulang "
                                  "dengan Merit Luring terbaru.",
    "package_too_large": "Berkas paket melebihi batas ukuran (2 GiB).",
    "zip64_unsupported": "Paket memakai ZIP64, yang tidak dipakai format paket.",
    "too_many_entries": "Paket berisi terlalu banyak berkas.",
    "trailing_data": "Ada data tambahan setelah akhir arsip paket.",
    "prefix_data": "Ada data tambahan sebelum berkas pertama arsip paket.",
    "gap_data": "Ada data tersembunyi di antara berkas dalam arsip paket.",
    "overlapping_entries": "Berkas dalam arsip paket saling tumpang tindih.",
    "extra_field": "Arsip paket memakai kolom tambahan (extra field) ZIP, yang tidak diizinkan.",
    "header_not_canonical": "Kepala berkas dalam arsip paket tidak berbentuk baku.",
    "header_mismatch": "Kepala lokal berkas berbeda dengan direktori pusat arsip.",
    "entry_order": "Urutan berkas dalam arsip paket tidak sesuai format.",
    "duplicate_entry": "Paket berisi nama berkas ganda.",
    "absolute_path": "Paket berisi nama berkas dengan path absolut.",
    "path_traversal": "Paket berisi nama berkas yang keluar dari folder paket (..).",
    "forbidden_name": "Paket berisi berkas dengan nama yang tidak diizinkan.",
    "encrypted_entry": "Paket berisi berkas terenkripsi, yang tidak diizinkan.",
    "unsupported_compression": "Paket memakai kompresi, yang tidak dipakai format paket.",
    "entry_too_large": "Paket berisi berkas yang melebihi batas ukuran.",
    "read_budget_exceeded": "Pemeriksaan paket melebihi batas data yang boleh dibaca.",
    "time_budget_exceeded": "Pemeriksaan paket melebihi batas waktu.",
    "missing_manifest": "Paket tidak berisi manifest.json.",
    "missing_signature": "Paket tidak membawa tanda tangan (komentar arsip kosong).",
    "missing_certificate": "Paket tidak berisi sertifikat kantor certificate.json.",
    "manifest_malformed": "Manifest paket rusak atau tidak lengkap.",
    "unknown_format": "Berkas ini bukan paket penilaian Merit Luring.",
    "unknown_format_version": "Versi format paket tidak dikenal; perbarui aplikasi Merit Luring.",
    "certificate_malformed": "Sertifikat kantor dalam paket rusak.",
    "signature_malformed": "Tanda tangan paket rusak.",
    "wrong_key": "Paket tidak ditandatangani dengan kunci kantor yang tercantum pada sertifikatnya.",
    "bad_signature": "Tanda tangan tidak cocok: isi paket telah berubah setelah ditandatangani.",
    "trusted_comment_mismatch": "Komentar terpercaya tanda tangan tidak cocok dengan manifest paket.",
    "bad_display_name": "Nama asli berkas bukti dalam manifest tidak sah (karakter kendali atau terlalu panjang).",
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
    # json_invalid itself is reported as manifest_malformed or certificate_malformed.
    **{code: sentence for code, sentence in JSON_REASONS.items() if code != "json_invalid"},
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


def trusted_comment(manifest: dict) -> str:
    office = manifest["office"]["code"]
    return (f"merit-luring package {manifest['package_id']} office {office} year {manifest['year']} "
            f"revision {manifest['revision']} created {manifest['created_at']}")


def as_read_from_json(data):
    """The value as it reads back from JSON (tuples become lists, ...): declared and
    recomputed scores are compared in this form."""
    return json.loads(json.dumps(data, ensure_ascii=False))
