"""Helpers shared by the CLI verbs: output (text or JSON), the data dir, opening the store."""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from cli.exit_codes import ExitCode
from models.db import StoreCorruptError, StoreError
from models.files import target_of_partial
from models.paths import resolve_data_dir

# A second writer on the same data folder waits this long for the first to finish.
LOCK_WAIT_SECONDS = 5.0


class CliExit(Exception):
    """Raised inside a verb to stop with ``code`` after printing ``message`` to stderr."""

    def __init__(self, code: ExitCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def add_data_dir(parser) -> None:
    # Also accepted after the verb, as users type it: ``main.py demo --data-dir D``.
    parser.add_argument("--data-dir", dest="verb_data_dir", help="folder data")


def data_dir_of(args) -> Path:
    return resolve_data_dir(getattr(args, "verb_data_dir", None) or getattr(args, "data_dir", None))


def emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def output(args, data, lines: Iterable[str], *, to_stderr: bool = False) -> None:
    """``data`` as JSON with ``--json``, else ``lines`` for a person (a generator runs only then).

    ``to_stderr``: the text goes to stderr (a negative verdict); JSON always goes to stdout.
    """
    if getattr(args, "json", False):
        emit_json(data)
        return
    stream = sys.stderr if to_stderr else sys.stdout
    for line in lines:
        print(line, file=stream)


def fail(message: str) -> None:
    print(f"Galat: {message}", file=sys.stderr)


def warn(notices: list[str]) -> None:
    """A line on stderr for each thing a person should know (the command goes on)."""
    for notice in notices:
        print(f"Peringatan: {notice}", file=sys.stderr)


def warn_skipped_instruments(registry) -> None:
    warn(registry.warnings)


_ACCESS_DENIED = ("akses ditolak", "periksa izin berkas atau folder itu, atau pilih folder lain")
_DISK_FULL = ("ruang disk penuh", "kosongkan ruang disk lalu ulangi")
# The OS errors a user can fix (errno -> what happened, what to do); any other is unexpected.
_FIXABLE_OS_ERRORS = {
    errno.EACCES: _ACCESS_DENIED,
    errno.EPERM: _ACCESS_DENIED,
    errno.EROFS: ("folder hanya-baca", "pilih folder lain yang dapat ditulis"),
    errno.ENOSPC: _DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): _DISK_FULL,  # EDQUOT is missing on Windows
}


def os_error_message(exc: OSError) -> str | None:
    """A plain message naming the path and what to do, or None when the error is not one we know."""
    known = _FIXABLE_OS_ERRORS.get(exc.errno)
    if known is None:
        return None
    what, todo = known
    where = f"{target_of_partial(exc.filename)}: " if exc.filename else ""
    return f"{where}{what}; {todo}."


def file_error(exc: OSError, where, action: str) -> CliExit:
    """Stop on a file that cannot be read or written: the plain message names it and what to
    do; the OS's own words go to the log file, not the terminal."""
    from models.logs import app_logger

    app_logger().info("%s: tidak dapat %s", where, action, exc_info=exc)
    return CliExit(ExitCode.USAGE, os_error_message(exc)
                   or f"{where}: tidak dapat {action}; periksa nama, tempat dan izin berkas itu")


@contextmanager
def opened_store(args, **kwargs):
    from models.store import Store

    directory = data_dir_of(args)
    try:
        store = Store(directory, lock_wait=LOCK_WAIT_SECONDS, **kwargs)
    except StoreCorruptError as exc:
        hint = f" Cadangan terbaru: {exc.backups[0]}" if exc.backups else ""
        raise CliExit(ExitCode.STORE, f"{exc}{hint}. Jalankan aplikasi untuk memulihkan dari cadangan.") from exc
    except StoreError as exc:
        raise CliExit(ExitCode.STORE, str(exc)) from exc
    warn(store.notices)
    try:
        yield store
    finally:
        store.close()


def handler(function):
    """Wrap a verb so a ``CliExit`` prints its message and becomes the exit code."""

    def wrapped(args) -> int:
        try:
            return function(args)
        except CliExit as exc:
            fail(exc.message)
            return exc.code

    wrapped.__name__ = function.__name__
    wrapped.__doc__ = function.__doc__
    return wrapped


def require_office(store):
    office = store.office()
    if office is None:
        raise CliExit(ExitCode.USAGE, "Kantor belum diatur. Jalankan aplikasi untuk pengaturan awal, atau 'demo'.")
    return office


def require_assessment(store, year: int | None, revision: int | None = None):
    """Revision ``revision`` (else the latest) of ``year`` (else the latest year) of this office."""
    office = require_office(store)
    if year is None:
        latest = store.assessments(office)
        if not latest:
            raise CliExit(ExitCode.USAGE, "belum ada penilaian; buat dari aplikasi atau 'new-year'")
        return latest[0]
    if revision is None:
        assessment = store.latest_assessment(office, year)
    else:
        assessment = store.assessment_revision(office, year, revision)
    if assessment is None:
        which = f"tahun {year}" + (f" revisi {revision}" if revision else "")
        raise CliExit(ExitCode.USAGE, f"--year {year}: belum ada penilaian {which}")
    return assessment


def item_id_of(instrument, text: str | None) -> str | None:
    """The item id for what a person typed: the id (``A1.1``) or the code the GUI and the
    printed documents show (``1.1``, ``4.1-kk``). Unknown text is returned as typed, for the
    caller's own "unknown item" message."""
    if text is None:
        return None
    for candidate in (text, text.upper(), "A" + text, "A" + text.upper()):
        if instrument.has_item(candidate):
            return candidate
    return text


def item_code_of(instrument, item_id: str) -> str:
    """``Item.code`` for a known id (what a person reads); the id itself otherwise."""
    return instrument.item(item_id).code if instrument.has_item(item_id) else item_id
