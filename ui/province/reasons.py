"""Why a package was not taken, in plain words: one table from the reason code (stable, from
``models.package.REASONS`` and ``models.importer.IMPORTER_REASONS``) to one Indonesian
sentence that says what happened and what to do. The import report shows only these; the
technical detail (hashes, key ids, library text) stays in the log and the CLI's JSON.

Several codes share one cause for the user (the file got damaged on the way, whatever the
check that noticed it): they share one sentence.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

log = logging.getLogger("merit.ui")

DAMAGED = "damaged"  # the file's bytes changed or were cut on the way (zip, size, hash, missing file)
TAMPERED = "tampered"  # a valid archive whose content no longer matches its signature
NOT_A_PACKAGE = "not_a_package"
UNSAFE = "unsafe"

# code -> cause: the codes the user cannot tell apart, and should not have to
CAUSE_OF = {
    "zip_corrupt": DAMAGED, "empty_file": DAMAGED, "missing_file": DAMAGED, "size_mismatch": DAMAGED,
    "hash_mismatch": DAMAGED, "missing_manifest": DAMAGED, "missing_signature": DAMAGED,
    "missing_certificate": DAMAGED, "manifest_malformed": DAMAGED, "certificate_malformed": DAMAGED,
    "signature_malformed": DAMAGED,
    "bad_signature": TAMPERED, "unlisted_file": TAMPERED, "office_mismatch": TAMPERED, "wrong_key": TAMPERED,
    "score_mismatch": TAMPERED, "answers_invalid": TAMPERED,
    "not_zip": NOT_A_PACKAGE, "unknown_format": NOT_A_PACKAGE,
    "too_many_entries": UNSAFE, "duplicate_entry": UNSAFE, "absolute_path": UNSAFE, "path_traversal": UNSAFE,
    "link_entry": UNSAFE, "forbidden_name": UNSAFE, "encrypted_entry": UNSAFE, "unsupported_compression": UNSAFE,
    "entry_too_large": UNSAFE, "package_too_large": UNSAFE, "compression_ratio": UNSAFE,
}



def plain_reasons() -> dict[str, str]:
    """Cause or code -> the sentence (translated at call time, so a language switch applies)."""
    return {
        DAMAGED: QCoreApplication.translate("reasons", "Berkas rusak atau terpotong dalam perjalanan (surel, diska lepas). Minta kantor mengirim "
                    "ulang berkas yang sama."),
        TAMPERED: QCoreApplication.translate("reasons", "Isi paket tidak sama dengan yang ditandatangani kantor: paket diubah setelah diekspor. "
                     "Minta kantor mengekspor dan mengirim ulang."),
        NOT_A_PACKAGE: QCoreApplication.translate("reasons", "Berkas ini bukan paket Merit Luring. Periksa lampiran yang dipilih."),
        UNSAFE: QCoreApplication.translate("reasons", "Paket berisi berkas yang tidak diizinkan atau terlalu besar, sehingga tidak dibuka. Minta "
                   "kantor mengekspor ulang dari aplikasi Merit Luring."),
        "certificate_untrusted": QCoreApplication.translate("reasons", "Pengirim belum terdaftar di provinsi ini: sertifikatnya diterbitkan provinsi "
                                    "lain atau kunci provinsi yang tidak dikenal. Daftarkan kantor itu lebih dahulu "
                                    "(Pendaftaran kantor), lalu minta paket dikirim ulang."),
        "certificate_bad_signature": QCoreApplication.translate("reasons", "Sertifikat kantor dalam paket tidak sah. Minta kantor mengimpor ulang "
                                        "sertifikat dari provinsi, lalu mengekspor ulang."),
        "certificate_not_yet_valid": QCoreApplication.translate("reasons", "Sertifikat kantor belum berlaku pada tanggal paket dibuat. Periksa tanggal "
                                        "komputer kantor, lalu minta paket diekspor ulang."),
        "certificate_expired": QCoreApplication.translate("reasons", "Sertifikat kantor sudah habis masa berlakunya. Terbitkan sertifikat baru untuk "
                                  "kantor itu, lalu minta paket diekspor ulang."),
        "certificate_revoked": QCoreApplication.translate("reasons", "Sertifikat kantor sudah dicabut provinsi. Terbitkan sertifikat baru bila kantor "
                                  "itu tetap berhak mengirim."),
        "certificate_unknown": QCoreApplication.translate("reasons", "Sertifikat kantor tidak tercatat sebagai terbitan provinsi ini. Daftarkan kantor "
                                  "itu lebih dahulu, lalu minta paket dikirim ulang."),
        "office_not_in_province": QCoreApplication.translate("reasons", "Paket berasal dari kantor di luar provinsi ini. Tidak perlu diimpor di sini."),
        "unknown_format_version": QCoreApplication.translate("reasons", "Paket dibuat oleh versi Merit Luring yang lebih baru. Perbarui aplikasi "
                                     "ini, lalu impor lagi."),
        "unknown_instrument": QCoreApplication.translate("reasons", "Paket memakai instrumen penilaian yang tidak dikenal aplikasi ini. Perbarui "
                                 "aplikasi, lalu impor lagi."),
        "unreadable": QCoreApplication.translate("reasons", "Berkas tidak dapat dibaca. Salin dulu ke folder di komputer ini, lalu impor lagi."),
        "disk_error": QCoreApplication.translate("reasons", "Paket tidak dapat disimpan: periksa ruang disk, lalu impor lagi."),
        "manifest_unusable": QCoreApplication.translate("reasons", "Isi paket tidak dapat disimpan. Minta kantor mengekspor ulang."),
        "same_file": QCoreApplication.translate("reasons", "Paket yang sama persis sudah diterima sebelumnya. Tidak perlu tindakan."),
        "same_revision": QCoreApplication.translate("reasons", "Revisi ini dari kantor yang sama sudah diterima. Tidak perlu tindakan."),
        "older_revision": QCoreApplication.translate("reasons", "Sudah diterima revisi yang lebih baru dari kantor yang sama. Tidak perlu tindakan."),
        "cancelled": QCoreApplication.translate("reasons", "Pemeriksaan dibatalkan."),
        "unexpected_error": QCoreApplication.translate("reasons", "Paket tidak dapat diperiksa karena galat yang tidak terduga (dicatat di log). "
                               "Coba lagi; jika berulang, laporkan ke pengembang."),
    }


def plain_reason(reason: str | None, damaged: bool = False) -> str:
    """The sentence for ``reason``; ``damaged`` (the archive failed its own check) wins over
    a trust problem, so a damaged copy is never reported like an intact one."""
    table = plain_reasons()
    if damaged and reason not in ("not_zip", "unknown_format"):
        return table[DAMAGED]
    cause = CAUSE_OF.get(reason or "", reason or "")
    if cause in table:
        return table[cause]
    log.warning("No plain text for import reason %r", reason)
    return table["unexpected_error"]
