"""Plain messages for what goes wrong with the disk or the database, with what to do.

``classify(exc)`` turns an ``OSError`` or an SQLite/peewee error into a :class:`MeritError`
with a stable ``code`` and a message in Bahasa Indonesia from ``CATALOGUE``. The raw text
(errno names, SQLite's English) goes to the log, never to a person. A full disk, a
read-only folder, a missing permission and a lock held by another process each get their
own code: a lock is never reported as a full disk, and none of them is ever taken for a
damaged database.
"""

from __future__ import annotations

import errno
import logging
import sqlite3

import peewee

log = logging.getLogger("merit.errors")

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
PERMISSION = "permission"
LOCKED = "locked"
IO_ERROR = "io_error"
UNKNOWN = "unknown"
STORE_BUSY = "store_busy"
HISTORY_MISMATCH = "history_mismatch"

CATALOGUE: dict[str, str] = {
    DISK_FULL: "Disk penuh, jadi perubahan belum tersimpan. Kosongkan ruang disk (hapus atau pindahkan "
               "berkas yang tidak perlu), lalu pilih Coba Lagi. Perubahan tetap ada di layar.",
    READ_ONLY: "Folder data hanya dapat dibaca, jadi perubahan belum tersimpan. Pastikan flashdisk tidak "
               "dikunci dan folder data tidak berada di CD atau folder bersama yang hanya-baca, lalu pilih "
               "Coba Lagi.",
    PERMISSION: "Merit Luring tidak diberi izin menulis ke folder data, jadi perubahan belum tersimpan. Minta "
                "petugas TI memberi izin tulis ke folder itu, lalu pilih Coba Lagi.",
    LOCKED: "Data sedang dipakai oleh proses Merit Luring lain (jendela lain atau perintah baris), jadi "
            "perubahan belum tersimpan. Tunggu sebentar atau tutup proses itu, lalu pilih Coba Lagi.",
    IO_ERROR: "Disk tidak dapat dibaca atau ditulis dengan baik. Periksa flashdisk atau kabel disk, lalu pilih "
              "Coba Lagi; bila berulang, salin folder data ke disk lain dan hubungi petugas TI.",
    UNKNOWN: "Perubahan belum tersimpan karena galat yang tidak dikenal. Pilih Coba Lagi; bila berulang, "
             "hubungi petugas TI (rinciannya ada di berkas log).",
    STORE_BUSY: "Merit Luring sudah terbuka untuk folder ini{holder}. Gunakan jendela yang sudah terbuka, atau "
                "tutup dahulu lalu coba lagi.",
    HISTORY_MISMATCH: "Data tidak sesuai riwayat: {items}. Isinya mungkin rusak (misalnya setelah listrik padam). "
                      "Pulihkan dari cadangan, atau periksa butir itu dan konfirmasi bahwa isinya benar.",
}


class _Blank(dict):
    """Placeholders not given are left out (``{holder}`` when the holder is unknown)."""

    def __missing__(self, key: str) -> str:
        return ""


class MeritError(RuntimeError):
    """A failure explained for a person: ``code`` (stable, for programs) and ``message``."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        template = CATALOGUE.get(code, CATALOGUE[UNKNOWN])
        super().__init__(template.format_map(_Blank(params)))

    @property
    def message(self) -> str:
        return str(self)


_OS_CODES = {
    errno.ENOSPC: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: PERMISSION,
    errno.EPERM: PERMISSION,
    errno.EIO: IO_ERROR,
}
if hasattr(errno, "EDQUOT"):
    _OS_CODES[errno.EDQUOT] = DISK_FULL
if hasattr(errno, "EFBIG"):
    _OS_CODES[errno.EFBIG] = DISK_FULL  # a file-size limit reads to the user like a full disk

# SQLite's English, lower-cased, as raised by sqlite3 or re-raised by peewee.
_SQLITE_CODES = (
    ("database or disk is full", DISK_FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("database is busy", LOCKED),
    ("unable to open database", PERMISSION),
    ("disk i/o error", IO_ERROR),
)


def _code_of_one(exc: BaseException) -> str | None:
    if isinstance(exc, MeritError):
        return exc.code
    if isinstance(exc, OSError) and exc.errno in _OS_CODES:
        return _OS_CODES[exc.errno]
    if isinstance(exc, (sqlite3.Error, peewee.PeeweeException)):
        text = str(exc).lower()
        for needle, code in _SQLITE_CODES:
            if needle in text:
                return code
    return None


def code_of(exc: BaseException) -> str:
    """The catalogue code for ``exc``, looking through its cause and context: a failed
    rollback ("cannot rollback - no transaction is active") hides the real reason there."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = _code_of_one(current)
        if code is not None:
            return code
        current = current.__cause__ or current.__context__
    return UNKNOWN


def classify(exc: BaseException) -> MeritError:
    """A :class:`MeritError` for ``exc``; the raw error is logged, not shown."""
    if isinstance(exc, MeritError):
        return exc
    code = code_of(exc)
    log.warning("write failed (%s): %r", code, exc, exc_info=exc)
    return MeritError(code)


def is_lock_error(exc: BaseException) -> bool:
    return code_of(exc) == LOCKED
