"""Opening the SQLite store durably: pragmas, integrity check, migrations, backups.

* WAL, foreign keys on, ``synchronous=FULL``: a committed answer survives a power cut.
* ``PRAGMA quick_check`` at open; a failure raises :class:`StoreCorruptError`, which
  lists the backups so the caller can offer the newest good one instead of crashing.
* Migrations are keyed on ``PRAGMA user_version``; a ``VACUUM INTO`` copy is taken
  before any migration of an existing database.
* Rotating automatic backups (``backup_rotating``) keep the newest ``KEEP_BACKUPS``, and
  never rotate out the newest one that passed ``integrity_check``.

Damage is decided only on evidence: ``quick_check`` failing, a header that is not SQLite's,
or a database that is empty or missing while backups exist. A full disk, a read-only
folder, a missing permission or a lock is a :class:`StoreIOError` and changes nothing.
Restoring never moves or deletes the only copy of anything: the damaged files are copied
aside first, and nothing happens when there is no room for that.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from models import province_tables, tables
from models.errors import CATALOGUE, DISK_FULL, UNKNOWN, MeritError, classify, is_lock_error
from models.files import fsync_dir
from models.texts import CodedError, Said, say

DB_FILENAME = "merit.sqlite"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 7
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000}
BEGIN_ATTEMPTS = 3
BEGIN_RETRY_PAUSE = 0.2
SQLITE_HEADER = b"SQLite format 3\x00"
# Messages of SQLite that are evidence of a damaged file (anything else is not a verdict).
DAMAGE_MESSAGES = ("malformed", "not a database", "corrupt")


EMPTY_FILE = say("damage_empty")
MISSING_FILE = say("damage_missing")
NOT_SQLITE = say("damage_not_sqlite")
OUR_DAMAGE_WORDS = (EMPTY_FILE, MISSING_FILE, NOT_SQLITE)
_DAMAGE_CODES = {EMPTY_FILE: "damage_empty", MISSING_FILE: "damage_missing", NOT_SQLITE: "damage_not_sqlite"}


class StoreError(CodedError, RuntimeError):
    """The store cannot be used: ``code`` and ``params`` (``models.texts``); the message is for the user."""


class StoreCorruptError(StoreError):
    def __init__(self, path: Path, detail: str, backups: list[Path]):
        # SQLite's own words stay in ``detail`` (and the dialog's details), out of the message.
        reason = Said(_DAMAGE_CODES.get(detail, "damage_sqlite"))
        super().__init__(code="store_corrupt", path=path, reason=reason)
        self.path = path
        self.detail = detail
        self.backups = backups


class StoreTooNewError(StoreError):
    pass


class StoreIOError(StoreError):
    """The disk refused (full, read-only, permission, locked, I/O): nothing is damaged and
    nothing was changed. ``code`` is the :mod:`models.errors` catalogue code."""

    def __init__(self, error: MeritError):
        super().__init__(code=error.code if error.code in CATALOGUE else UNKNOWN, **error.params)


class StoreBusyError(StoreError):
    """Another process owns the data folder (``models.lock``)."""


class WriteLockingDatabase(SqliteDatabase):
    """Every transaction is ``BEGIN IMMEDIATE`` (the write lock up front, so two writers wait
    for each other instead of failing on upgrade), and a rollback after SQLite already rolled
    back (full disk, I/O error) is skipped: it would hide the real error behind "cannot
    rollback - no transaction is active"."""

    def __init__(self, database, **kwargs):
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)

    def begin(self, lock_type=None):
        # SQLite's busy handler already waits ``busy_timeout`` for the write lock; a bounded
        # retry on top covers a holder that is slow to let go. Nothing has run yet, so
        # beginning again is safe.
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                return super().begin(lock_type)
            except peewee.OperationalError as exc:
                if attempt == BEGIN_ATTEMPTS or not is_lock_error(exc):
                    raise
                time.sleep(BEGIN_RETRY_PAUSE * attempt)

    def rollback(self):
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()

    def checkpoint(self) -> None:
        """Fold the WAL into the database file and empty it: a lost ``-wal`` then costs
        nothing committed so far. Best effort (a reader may keep it from truncating)."""
        if self.is_closed():
            return
        try:
            self.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (peewee.PeeweeException, sqlite3.Error):
            pass


def _migration_1(db: SqliteDatabase) -> None:
    db.create_tables(tables.INITIAL_TABLES)


# Append only. Each function moves the schema from version N-1 to N inside a transaction.
MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_migration_1]
MIGRATIONS.append(province_tables.migrate)  # 2: province mode (enrolled offices, received packages)


def _migration_history_chain(db: SqliteDatabase) -> None:
    """The audit log's hash chain (``models.history``, loaded when needed: a start checks the
    chain only after the window's first frame)."""
    from models import history

    history.migrate(db)


MIGRATIONS.append(_migration_history_chain)  # 3: the audit log's hash chain (computed for existing entries)


def _migration_answer_carried_unreviewed(db: SqliteDatabase) -> None:
    """Answer.carried_unreviewed: an answer carried forward from last year, not yet reviewed.
    A database created by this version already has it (migration 1 creates today's tables)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(answer)").fetchall()}
    if "carried_unreviewed" not in columns:
        db.execute_sql("ALTER TABLE answer ADD COLUMN carried_unreviewed INTEGER NOT NULL DEFAULT 0")


MIGRATIONS.append(_migration_answer_carried_unreviewed)  # 4: carry forward (issue 14)


def _migration_review_tables(db: SqliteDatabase) -> None:
    """Issue 15: the province's review (verified levels, k) and the office's imported results
    and receipts (``models.review_tables``)."""
    from models import review_tables

    review_tables.migrate(db)


MIGRATIONS.append(_migration_review_tables)  # 5: review, verification result, receipt (issue 15)


def schema_version() -> int:
    return len(MIGRATIONS)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    return any(needle in str(exc).lower() for needle in DAMAGE_MESSAGES)


def header_problem(path: Path) -> str | None:
    """Why ``path`` is not an SQLite database by its first bytes, or None when it may be."""
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if not head:
        return EMPTY_FILE
    if head != SQLITE_HEADER:
        return NOT_SQLITE
    return None


def quick_check(path: Path, pragma: str = "quick_check") -> str:
    """``ok`` or the evidence of damage. Raises :class:`StoreIOError` when the file cannot be
    read (locked, permission, I/O): that is no verdict on its content."""
    try:
        problem = header_problem(path)
        if problem:
            return problem
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return str(exc)
        raise StoreIOError(classify(exc)) from exc
    except OSError as exc:
        raise StoreIOError(classify(exc)) from exc
    return "ok" if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:5])


def passes(path: Path, pragma: str = "quick_check") -> bool:
    """True when ``path`` is a sound database (an unreadable file is not)."""
    try:
        return quick_check(path, pragma) == "ok"
    except StoreIOError:
        return False


def backups_newest_first(data_dir: Path) -> list[Path]:
    directory = data_dir / BACKUP_DIR
    if not directory.is_dir():
        return []
    return sorted(directory.glob("*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)


def newest_good_backup(data_dir: Path) -> Path | None:
    for candidate in backups_newest_first(data_dir):
        if passes(candidate):
            return candidate
    return None


def vacuum_into(db: SqliteDatabase, target: Path) -> Path:
    """A consistent copy of the live database, written to a temp name then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    db.execute_sql("VACUUM INTO ?", (str(partial),))
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    fsync_dir(target.parent)
    return target


def _timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def is_empty(db: SqliteDatabase) -> bool:
    """Nothing entered yet: no office set up (a backup of it would only push out real ones)."""
    tables_present = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    if "office" not in tables_present:
        return True
    return db.execute_sql("SELECT COUNT(*) FROM office").fetchone()[0] == 0


def backup_rotating(db: SqliteDatabase, data_dir: Path, keep: int = KEEP_BACKUPS) -> Path | None:
    """Take an automatic backup and drop the oldest automatic ones beyond ``keep``.

    None (nothing taken) when the database is empty; :class:`StoreCorruptError` when it
    fails its check: a backup of either would push a good one out of the rotation. The
    newest backup that passes ``integrity_check`` is never rotated out."""
    if is_empty(db):
        return None
    verdict = "; ".join(str(row[0]) for row in db.execute_sql("PRAGMA quick_check").fetchall()[:5])
    if verdict != "ok":
        raise StoreCorruptError(data_dir / DB_FILENAME, verdict, backups_newest_first(data_dir))
    target = vacuum_into(db, data_dir / BACKUP_DIR / f"auto-{_timestamp()}.sqlite")
    automatic = [p for p in backups_newest_first(data_dir) if p.name.startswith("auto-")]
    newest_sound = next((p for p in automatic if passes(p, "integrity_check")), None)
    for old in automatic[keep:]:
        if old == newest_sound:
            continue
        old.unlink(missing_ok=True)
    return target


def changed_since_last_backup(data_dir: Path) -> bool:
    """True unless the newest automatic backup is younger than every write to the database:
    the main file's last change, and the WAL's when it holds frames (SQLite creates an empty
    one at every open). False means a new backup would copy the same data again."""
    automatic = [p for p in backups_newest_first(data_dir) if p.name.startswith("auto-")]
    if not automatic:
        return True
    path = data_dir / DB_FILENAME
    wal = path.with_name(path.name + "-wal")
    try:
        backed_up = automatic[0].stat().st_mtime_ns
        written = [path.stat().st_mtime_ns]
        if wal.exists() and wal.stat().st_size > 0:
            written.append(wal.stat().st_mtime_ns)
    except OSError:
        return True  # cannot tell: back up
    return max(written) >= backed_up


@dataclass
class OpenedDatabase:
    """An opened store database: its file, the schema version it was migrated from and the backup taken before that migration."""

    db: SqliteDatabase
    path: Path
    migrated_from: int
    pre_migration_backup: Path | None


def check_database_file(data_dir: Path) -> None:
    """Raise :class:`StoreCorruptError` on evidence of damage, :class:`StoreIOError` when the
    file cannot be read; return quietly for a sound file or a genuinely new installation."""
    path = data_dir / DB_FILENAME
    try:
        exists = path.exists()
        size = path.stat().st_size if exists else 0
        backups = [p for p in backups_newest_first(data_dir) if p.stat().st_size > 0]
        wal = path.with_name(path.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError as exc:
        raise StoreIOError(classify(exc)) from exc
    if size == 0:
        # A new installation has neither backups nor a journal; with either, this is damage
        # (a power cut during a rewrite, a file emptied by a tool), not a fresh start.
        if backups or wal_size:
            detail = EMPTY_FILE if exists else MISSING_FILE
            raise StoreCorruptError(path, detail, backups)
        if exists:
            path.unlink()  # an empty file and nothing else: a start that was cut short
        return
    verdict = quick_check(path)
    if verdict != "ok":
        raise StoreCorruptError(path, verdict, backups_newest_first(data_dir))


def open_database(data_dir: Path) -> OpenedDatabase:
    """Open (creating if needed) the store in ``data_dir``, checked and migrated."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreIOError(classify(exc)) from exc
    path = data_dir / DB_FILENAME
    check_database_file(data_dir)
    db = WriteLockingDatabase(str(path), pragmas=PRAGMAS)
    try:
        return _connect_and_migrate(db, data_dir, path)
    except (sqlite3.Error, OSError, peewee.PeeweeException) as exc:
        db.close()
        if isinstance(exc, sqlite3.DatabaseError) and _is_damage(exc):
            raise StoreCorruptError(path, str(exc), backups_newest_first(data_dir)) from exc
        raise StoreIOError(classify(exc)) from exc


def _connect_and_migrate(db: SqliteDatabase, data_dir: Path, path: Path) -> OpenedDatabase:
    db.connect()
    tables.database.initialize(db)
    current = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if current > schema_version():
        db.close()
        raise StoreTooNewError(code="store_too_new", path=path, found=current, known=schema_version())
    backup = None
    if 0 < current < schema_version():
        backup = vacuum_into(db, data_dir / BACKUP_DIR / f"pre-migration-v{current}-{_timestamp()}.sqlite")
    for version in range(current + 1, schema_version() + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return OpenedDatabase(db, path, current, backup)


@dataclass
class Restored:
    """A backup put back in place of the database, and where the damaged files were copied."""

    path: Path
    damaged_copies: list[Path]  # the damaged files, copied and named, for the person to see


RESTORE_PARTIAL_SUFFIX = ".restore-partial"
SPACE_MARGIN = 1024 * 1024


def _durable_copy(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + RESTORE_PARTIAL_SUFFIX)
    shutil.copyfile(source, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


DAMAGED_COPY = "rusak"  # the name of the copy kept when the live file was damaged
BEFORE_RESTORE_COPY = "sebelum-pulih"  # ... and when a person chose to go back to a backup


def restore_backup(data_dir: Path, backup: Path, kept_as: str = DAMAGED_COPY) -> Restored:
    """Put ``backup`` in place of the live database.

    The damaged files (database, ``-wal``, ``-shm``) are first *copied* to
    ``merit.sqlite.<kept_as>-<time>`` (and ``-wal``...), so no moment exists where the only copy of
    something is gone; refused, before anything changes, when there is no room for that."""
    path = data_dir / DB_FILENAME
    if not passes(backup):
        raise StoreError(code="backup_damaged_too", backup=backup)
    live = [p for p in (path.with_name(path.name + s) for s in ("", "-wal", "-shm")) if p.exists()]
    try:
        needed = backup.stat().st_size + sum(p.stat().st_size for p in live) + SPACE_MARGIN
        if shutil.disk_usage(data_dir).free < needed:
            raise StoreIOError(MeritError(DISK_FULL))
        stamp = _timestamp()
        copies = []
        for damaged in live:
            copy = damaged.with_name(f"{path.name}.{kept_as}-{stamp}{damaged.name[len(path.name):]}")
            _durable_copy(damaged, copy)
            copies.append(copy)
        fsync_dir(data_dir)
        _durable_copy(backup, path)
        # The journal belonged to the damaged file (its copy is kept): replayed onto the
        # restored one it would damage it again.
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        # The chain head marks how far the damaged file had got; the backup is older by
        # design. The next check writes it again from the restored data.
        from models.history import head_path

        head_path(data_dir).unlink(missing_ok=True)
        fsync_dir(data_dir)
    except OSError as exc:
        raise StoreIOError(classify(exc)) from exc
    return Restored(path, copies)
