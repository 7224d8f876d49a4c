"""Messages built in models/, worded again at the face by their stable code, so the English
UI shows English (issue 12, item 10).

models/ keeps a code and the parameters with every message it builds: the errors catalogue
(``models.errors.MeritError``: ``code``, ``params``), the common rules
(``models.store.StoreRuleError``: ``code``, ``params``), the checklist
(``models.validation.ValidationIssue``: ``kind``, ``params``), a wrong passphrase
(``models.keys.WrongPassphrase``). The tables here hold the same Indonesian as models/
(tests/ui/test_model_texts.py pins that they agree), inside ``tr()`` so lupdate lists them
and ``merit_en_texts.json`` gives their English. The CLI prints models' own words.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from models import errors, store, validation


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, params) -> str:
    return template.format_map(_Blank(params or {}))


def error_texts() -> dict[str, str]:
    """``models.errors.CATALOGUE`` in the user's language (translated at call time)."""
    translate = QCoreApplication.translate
    return {
        errors.DISK_FULL: translate("models", "Disk penuh, jadi perubahan belum tersimpan. Kosongkan ruang disk (hapus atau pindahkan berkas yang tidak perlu), lalu pilih Coba Lagi. Perubahan tetap ada di layar."),
        errors.READ_ONLY: translate("models", "Folder data hanya dapat dibaca, jadi perubahan belum tersimpan. Pastikan flashdisk tidak dikunci dan folder data tidak berada di CD atau folder bersama yang hanya-baca, lalu pilih Coba Lagi."),
        errors.PERMISSION: translate("models", "Merit Luring tidak diberi izin menulis ke folder data, jadi perubahan belum tersimpan. Minta petugas TI memberi izin tulis ke folder itu, lalu pilih Coba Lagi."),
        errors.LOCKED: translate("models", "Data sedang dipakai oleh proses Merit Luring lain (jendela lain atau perintah baris), jadi perubahan belum tersimpan. Tunggu sebentar atau tutup proses itu, lalu pilih Coba Lagi."),
        errors.IO_ERROR: translate("models", "Disk tidak dapat dibaca atau ditulis dengan baik. Periksa flashdisk atau kabel disk, lalu pilih Coba Lagi; bila berulang, salin folder data ke disk lain dan hubungi petugas TI."),
        errors.UNKNOWN: translate("models", "Perubahan belum tersimpan karena galat yang tidak dikenal. Pilih Coba Lagi; bila berulang, hubungi petugas TI (rinciannya ada di berkas log)."),
        errors.STORE_BUSY: translate("models", "Merit Luring sudah terbuka untuk folder ini{holder}. Gunakan jendela yang sudah terbuka, atau tutup dahulu lalu coba lagi."),
        errors.HISTORY_MISMATCH: translate("models", "Data tidak sesuai riwayat: {items}. Isinya mungkin rusak (misalnya setelah listrik padam). Pulihkan dari cadangan, atau periksa butir itu dan konfirmasi bahwa isinya benar."),
    }


def rule_texts() -> dict[str, str]:
    """``models.store.RULE_TEXTS`` in the user's language."""
    translate = QCoreApplication.translate
    return {
        store.ASSESSMENT_LOCKED: translate("models", "Penilaian {year} revisi {revision} sudah difinalisasi dan hanya dapat dibaca. Buka revisi baru untuk mengubahnya."),
        store.ITEM_NOT_APPLICABLE: translate("models", "Butir {item} tidak berlaku untuk jawaban pertanyaan pembuka saat ini."),
        store.LEVEL_OUT_OF_RANGE: translate("models", "Tingkat {level} di luar rentang {low}–{high}."),
        store.UNKNOWN_ITEM: translate("models", "Butir {item} tidak ada dalam instrumen {instrument}."),
    }


def issue_texts() -> dict[str, str]:
    """The checklist's sentences by ``ValidationIssue.kind`` (``models.validation``)."""
    translate = QCoreApplication.translate
    return {
        validation.UNCONFIRMED_GATE: translate("models", "Pertanyaan pembuka «{question}» belum dikonfirmasi (sementara dihitung «{default}»)."),
        validation.UNANSWERED: translate("models", "{heading}: belum dijawab."),
        validation.NO_EVIDENCE_EXPLAINED: translate("models", "{heading}: tingkat {level} tanpa bukti dukung (ada penjelasan)."),
        validation.NO_EVIDENCE: translate("models", "{heading}: tingkat {level} tanpa bukti dukung dan tanpa penjelasan."),
        validation.NOT_REVIEWED: translate("models", "{heading}: dibawa dari tahun lalu dan belum ditinjau tahun ini; periksa lalu konfirmasi."),
        validation.NEEDS_REVIEW: translate("models", "{heading}: ditandai perlu ditinjau{note}."),
    }


def wrong_passphrase_text(key: str) -> str:
    return QCoreApplication.translate("models", "Kata sandi salah untuk kunci {key}. Tidak ada yang diubah; coba lagi.").format(key=key)


def error_text(exc: errors.MeritError) -> str:
    template = error_texts().get(exc.code)
    return _fill(template, exc.params) if template else exc.message


def rule_text(exc: store.StoreRuleError) -> str:
    template = rule_texts().get(getattr(exc, "code", ""))
    return _fill(template, exc.params) if template else str(exc)


def issue_text(issue: validation.ValidationIssue) -> str:
    template = issue_texts().get(issue.kind)
    if template is None or not issue.params:
        return issue.message
    params = dict(issue.params)
    if issue.kind == validation.NEEDS_REVIEW:
        params["note"] = f": {params['note']}" if params.get("note") else ""
    return _fill(template, params)


def model_text(exc: BaseException) -> str | None:
    """The user's-language words for an error models/ built, by its code; None when it has none."""
    if isinstance(exc, errors.MeritError):
        return error_text(exc)
    if isinstance(exc, store.StoreRuleError) and exc.code:
        return rule_text(exc)
    keys = sys.modules.get("models.keys")  # not imported for this: cryptography is slow to load at start
    if keys is not None and isinstance(exc, keys.WrongPassphrase):
        return wrong_passphrase_text(exc.params.get("key", ""))
    return None
