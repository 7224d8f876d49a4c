"""Plain words for errors: the one place where the GUI turns an exception into a sentence.

Every dialog or status line that reports a failure calls :func:`user_message`; it never
shows raw OS or library text (``[Errno 30] Read-only file system: '…partial'``). Known
causes (disk full, read-only, no permission, the database locked or full) get a plain
Indonesian sentence that says what to do; the core's own errors (``models.*``) carry a code
of the catalogue ``models/texts.py`` and are worded by it in the user's language
(``ui.model_texts``); anything else gets a general sentence. The
details always go to the log (stdlib ``logging``, logger ``merit.ui``).

The cause is found by the error catalogue in ``models/errors.py`` (``code_of``: errno,
SQLite/peewee text, through ``__cause__``/``__context__``), the same classification the
session uses for its ``failure_code``; this module only words it for the action at hand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models import errors
from ui import model_texts

log = logging.getLogger("merit.ui")


def _chain(exc: BaseException):
    """``exc`` and the exceptions it was raised from (``__cause__`` / ``__context__``)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _folder_of(exc: BaseException) -> str:
    """The folder an ``OSError`` in ``exc``'s chain names, for the sentence ("" if none)."""
    for link in _chain(exc):
        if isinstance(link, OSError):
            name = link.filename or link.filename2
            if name:
                path = Path(str(name))
                # temp files (".merit-….partial") mean nothing to a user: name the folder they were in
                return str(path.parent if path.name.startswith(".") or path.suffix == ".partial" else path)
    return ""


def _is_os_error(exc: BaseException) -> bool:
    return any(isinstance(link, OSError) for link in _chain(exc))


def _cause_message(code: str, exc: BaseException) -> str | None:
    """The sentence for a cause ``models.errors`` recognised (its ``code``); the GUI words
    it for any action (export, import, copy), not only for saving."""
    where = _folder_of(exc)
    from_disk = _is_os_error(exc)
    if code == errors.DISK_FULL:
        if not from_disk:
            return QCoreApplication.translate("messages", "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk, lalu coba lagi.")
        return QCoreApplication.translate("messages", "Disk penuh: tidak ada ruang untuk menulis. Kosongkan ruang (hapus atau pindahkan berkas yang "
                   "tidak diperlukan) atau pilih disk lain, lalu coba lagi.")
    if code == errors.READ_ONLY:
        if not from_disk:
            return QCoreApplication.translate("messages", "Folder data hanya dapat dibaca, sehingga perubahan tidak dapat disimpan. Periksa izin folder "
                       "data atau minta bantuan pengelola komputer.")
        text = QCoreApplication.translate("messages", "Folder tujuan hanya dapat dibaca (misalnya diska lepas yang dikunci atau CD). Pilih folder lain, "
                   "lalu coba lagi.")
        return text + (" " + QCoreApplication.translate("messages", "Folder: {0}").format(where) if where else "")
    if code == errors.PERMISSION and from_disk:
        text = QCoreApplication.translate("messages", "Merit Luring tidak diizinkan membuka atau menulis berkas di sini. Pilih folder lain (misalnya "
                   "Dokumen), tutup program lain yang memakai berkas itu, atau minta izin kepada pengelola komputer.")
        return text + (" " + QCoreApplication.translate("messages", "Lokasi: {0}").format(where) if where else "")
    if code == errors.LOCKED:
        return QCoreApplication.translate("messages", "Data sedang dipakai program lain (misalnya Merit Luring yang terbuka dua kali). Tutup program "
                   "lain itu, lalu coba lagi.")
    if code in (errors.PERMISSION, errors.IO_ERROR) and not from_disk:
        return model_texts.error_text(errors.MeritError(code))  # the database itself: the catalogue's words
    return None


def user_message(exc: BaseException) -> str:
    """A plain sentence for ``exc`` (what happened, what to do); the details go to the log."""
    log.warning("Shown to the user: %s: %s", type(exc).__name__, exc, exc_info=(type(exc), exc, exc.__traceback__))
    if isinstance(exc, errors.MeritError):
        return model_texts.error_text(exc)  # the catalogue's words, in the user's language
    # One classification for the whole app: models.errors (errno, SQLite/peewee text, causes).
    message = _cause_message(errors.code_of(exc), exc)
    if message:
        return message
    if any(isinstance(link, FileNotFoundError) for link in _chain(exc)):
        text = QCoreApplication.translate("messages", "Berkas atau folder tidak ditemukan (mungkin sudah dipindahkan atau diska lepas dicabut). "
                   "Periksa lalu coba lagi.")
        where = _folder_of(exc)
        return text + (" " + QCoreApplication.translate("messages", "Lokasi: {0}").format(where) if where else "")
    worded = model_texts.model_text(exc)  # a rule or a key error models/ gave a code
    if worded:
        return worded
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
