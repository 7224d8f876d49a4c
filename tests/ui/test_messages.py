"""ui.messages.user_message: plain Indonesian for the usual failures, never raw OS text."""

from __future__ import annotations

import errno
import logging
import sqlite3

import peewee
import pytest

from models.evidence import EvidenceError
from ui.messages import user_message


@pytest.mark.parametrize(("error", "start"), [
    (OSError(errno.ENOSPC, "No space left on device", "/data/evidence/.x.partial"), "Disk penuh"),
    (OSError(errno.EROFS, "Read-only file system", "/media/usb/.merit-1.partial"), "Folder tujuan hanya dapat dibaca"),
    (PermissionError(errno.EACCES, "Permission denied", "C:/Program Files/x.merit"), "Merit Luring tidak diizinkan"),
    (OSError(errno.EPERM, "Operation not permitted"), "Merit Luring tidak diizinkan"),
    (sqlite3.OperationalError("database is locked"), "Data sedang dipakai program lain"),
    (peewee.OperationalError("database or disk is full"), "Disk penuh: data tidak dapat disimpan"),
    (ValueError("unpack requires a buffer of 4 bytes"), "Terjadi kesalahan yang tidak terduga"),
])
def test_known_causes_get_a_plain_sentence_and_the_details_go_to_the_log(qapp, error, start, caplog):
    with caplog.at_level(logging.WARNING, logger="merit.ui"):
        text = user_message(error)
    assert text.startswith(start)
    assert "Errno" not in text and "Read-only file system" not in text and ".partial" not in text
    assert str(error) in caplog.text  # the raw text is kept, in the log only


def test_the_core_speaks_for_itself_unless_an_os_error_lies_beneath(qapp):
    assert user_message(EvidenceError("Berkas SK.pdf melebihi batas ukuran.")) == "Berkas SK.pdf melebihi batas ukuran."
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as cause:
            raise EvidenceError("Berkas SK.pdf gagal disimpan: No space left on device.") from cause
    except EvidenceError as wrapped:
        assert user_message(wrapped).startswith("Disk penuh")
