"""Plain messages for what goes wrong with the disk or the database, with what to do.

``classify(exc)`` turns an ``OSError`` or an SQLite/peewee error into a :class:`MeritError`
with a stable ``code`` and a message in Bahasa Indonesia from ``CATALOGUE`` (in ``models.texts``). The raw text
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

from models import texts

log = logging.getLogger("merit.errors")

# The codes and their words live in the one catalogue, models/texts.py.
DISK_FULL = texts.DISK_FULL
READ_ONLY = texts.READ_ONLY
PERMISSION = texts.PERMISSION
LOCKED = texts.LOCKED
IO_ERROR = texts.IO_ERROR
UNKNOWN = texts.UNKNOWN
STORE_BUSY = texts.STORE_BUSY
HISTORY_MISMATCH = texts.HISTORY_MISMATCH

CATALOGUE: dict[str, str] = {code: texts.TEXTS[code] for code in (
    DISK_FULL, READ_ONLY, PERMISSION, LOCKED, IO_ERROR, UNKNOWN, STORE_BUSY, HISTORY_MISMATCH)}


class MeritError(RuntimeError):
    """A failure explained for a person: ``code`` (stable, for programs) and ``message``."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(texts.say(code if code in CATALOGUE else UNKNOWN, **params))

    @property
    def message(self) -> str:
        return str(self)

    @property
    def said(self) -> texts.Said:
        """This message as a :class:`models.texts.Said`, to put inside another sentence."""
        return texts.Said(self.code if self.code in CATALOGUE else UNKNOWN, **self.params)


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
