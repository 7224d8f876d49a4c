"""Helpers shared by the CLI verbs: output, the data dir, opening the store."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from models.db import StoreCorruptError, StoreError
from models.paths import resolve_data_dir

# A second writer on the same data folder waits this long for the first to finish.
LOCK_WAIT_SECONDS = 5.0


class CliExit(Exception):
    """Raised inside a verb to stop with ``code`` after printing ``message`` to stderr."""

    def __init__(self, code: int, message: str):
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


def fail(message: str) -> None:
    print(f"Galat: {message}", file=sys.stderr)


def warn(notices: list[str]) -> None:
    """A line on stderr for each thing a person should know (the command goes on)."""
    for notice in notices:
        print(f"Peringatan: {notice}", file=sys.stderr)


def warn_skipped_instruments(registry) -> None:
    warn(registry.warnings)


@contextmanager
def opened_store(args, **kwargs):
    from models.cli import EXIT_STORE
    from models.store import Store

    directory = data_dir_of(args)
    try:
        store = Store(directory, lock_wait=LOCK_WAIT_SECONDS, **kwargs)
    except StoreCorruptError as exc:
        hint = f" Cadangan terbaru: {exc.backups[0]}" if exc.backups else ""
        raise CliExit(EXIT_STORE, f"{exc}{hint}. Jalankan aplikasi untuk memulihkan dari cadangan.") from exc
    except StoreError as exc:
        raise CliExit(EXIT_STORE, str(exc)) from exc
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
