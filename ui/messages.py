"""Plain words for errors: the one place where the GUI turns an exception into a sentence.

Every dialog or status line that reports a failure calls :func:`user_message`; it never
shows raw OS or library text (``[Errno 30] Read-only file system: '…partial'``). Known
causes (disk full, read-only, no permission, the database locked or full) get a plain
Indonesian sentence that says what to do; the core's own errors (``models.*``) already
speak to the user and are shown as they are; anything else gets a general sentence. The
details always go to the log (stdlib ``logging``, logger ``merit.ui``).

Later this is backed by the error catalogue in ``models/errors.py`` (typed errors with a
code); the callers do not change.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication

log = logging.getLogger("merit.ui")

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}



def _chain(exc: BaseException):
    """``exc`` and the exceptions it was raised from (``__cause__`` / ``__context__``)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _folder_of(exc: OSError) -> str:
    name = exc.filename or exc.filename2
    if not name:
        return ""
    path = Path(str(name))
    # temp files (".merit-….partial") mean nothing to a user: name the folder they were in
    return str(path.parent if path.name.startswith(".") or path.suffix == ".partial" else path)


def _os_message(exc: OSError) -> str | None:
    code = exc.errno
    where = _folder_of(exc)
    if code in _DISK_FULL:
        return QCoreApplication.translate("messages", "Disk penuh: tidak ada ruang untuk menulis. Kosongkan ruang (hapus atau pindahkan berkas yang "
                   "tidak diperlukan) atau pilih disk lain, lalu coba lagi.")
    if code in _READ_ONLY:
        text = QCoreApplication.translate("messages", "Folder tujuan hanya dapat dibaca (misalnya diska lepas yang dikunci atau CD). Pilih folder lain, "
                   "lalu coba lagi.")
        return text + (" " + QCoreApplication.translate("messages", "Folder: {0}").format(where) if where else "")
    if code in _NO_PERMISSION:
        text = QCoreApplication.translate("messages", "Merit Luring tidak diizinkan membuka atau menulis berkas di sini. Pilih folder lain (misalnya "
                   "Dokumen), tutup program lain yang memakai berkas itu, atau minta izin kepada pengelola komputer.")
        return text + (" " + QCoreApplication.translate("messages", "Lokasi: {0}").format(where) if where else "")
    if code == errno.ENOENT:
        text = QCoreApplication.translate("messages", "Berkas atau folder tidak ditemukan (mungkin sudah dipindahkan atau diska lepas dicabut). "
                   "Periksa lalu coba lagi.")
        return text + (" " + QCoreApplication.translate("messages", "Lokasi: {0}").format(where) if where else "")
    return None


def _database_message(exc: BaseException) -> str | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return QCoreApplication.translate("messages", "Data sedang dipakai program lain (misalnya Merit Luring yang terbuka dua kali). Tutup program "
                   "lain itu, lalu coba lagi.")
    if "full" in text:
        return QCoreApplication.translate("messages", "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk, lalu coba lagi.")
    if "readonly" in text or "read-only" in text:
        return QCoreApplication.translate("messages", "Folder data hanya dapat dibaca, sehingga perubahan tidak dapat disimpan. Periksa izin folder "
                   "data atau minta bantuan pengelola komputer.")
    return None


def _is_database_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    module = type(exc).__module__ or ""
    return module.startswith("peewee") or module.startswith("sqlite3")


def user_message(exc: BaseException) -> str:
    """A plain sentence for ``exc`` (what happened, what to do); the details go to the log."""
    log.warning("Shown to the user: %s: %s", type(exc).__name__, exc, exc_info=(type(exc), exc, exc.__traceback__))
    for link in _chain(exc):
        if isinstance(link, OSError) and link.errno is not None:
            message = _os_message(link)
            if message:
                return message
        if _is_database_error(link):
            message = _database_message(link)
            if message:
                return message
    module = type(exc).__module__ or ""
    if module.startswith("models") and str(exc):
        return str(exc)  # the core's own errors are written for the user
    if isinstance(exc, OSError):
        return QCoreApplication.translate("messages", "Berkas tidak dapat dibaca atau ditulis. Periksa bahwa berkas dan foldernya masih ada dan dapat "
                   "ditulis, lalu coba lagi.")
    return QCoreApplication.translate("messages", "Terjadi kesalahan yang tidak terduga. Rinciannya dicatat dalam log. Coba lagi; jika berulang, "
               "hubungi pendamping dari provinsi.")


def confirm(parent, title: str, text: str, yes_text: str, no_text: str | None = None) -> bool:
    """Ask before an action that cannot be taken back by Urungkan; buttons say what they do."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text or QCoreApplication.translate("messages", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
