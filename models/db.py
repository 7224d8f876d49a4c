"""Opening the SQLite store durably: pragmas, integrity check, migrations, backups.

* WAL, foreign keys on, ``synchronous=FULL``: a committed answer survives a power cut.
* ``PRAGMA quick_check`` at open; a failure raises :class:`StoreCorruptError`, which
  lists the backups so the caller can offer the newest good one instead of crashing.
* Migrations are keyed on ``PRAGMA user_version``; a ``VACUUM INTO`` copy is taken
  before any migration of an existing database.
* Rotating automatic backups (``backup_rotating``) keep the newest ``KEEP_BACKUPS``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from models import province_tables, tables
from models.files import fsync_dir

DB_FILENAME = "merit.sqlite"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 7
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000}


class StoreError(RuntimeError):
    """The store cannot be used; the message is for the user."""


class StoreCorruptError(StoreError):
    def __init__(self, path: Path, detail: str, backups: list[Path]):
        super().__init__(f"Basis data {path} rusak ({detail}).")
        self.path = path
        self.detail = detail
        self.backups = backups


class StoreTooNewError(StoreError):
    pass


def _migration_1(db: SqliteDatabase) -> None:
    db.create_tables(tables.INITIAL_TABLES)


# Append only. Each function moves the schema from version N-1 to N inside a transaction.
MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_migration_1]
MIGRATIONS.append(province_tables.migrate)  # 2: province mode (enrolled offices, received packages)


def _migration_answer_carried_unreviewed(db: SqliteDatabase) -> None:
    """Answer.carried_unreviewed: an answer carried forward from last year, not yet reviewed.
    A database created by this version already has it (migration 1 creates today's tables)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(answer)").fetchall()}
    if "carried_unreviewed" not in columns:
        db.execute_sql("ALTER TABLE answer ADD COLUMN carried_unreviewed INTEGER NOT NULL DEFAULT 0")


MIGRATIONS.append(_migration_answer_carried_unreviewed)  # carry forward (issue 14)


def schema_version() -> int:
    return len(MIGRATIONS)


def quick_check(path: Path) -> str:
    """``ok`` or SQLite's complaint; a file that is not a database reports that too."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "ok" if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:5])


def backups_newest_first(data_dir: Path) -> list[Path]:
    directory = data_dir / BACKUP_DIR
    if not directory.is_dir():
        return []
    return sorted(directory.glob("*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)


def newest_good_backup(data_dir: Path) -> Path | None:
    for candidate in backups_newest_first(data_dir):
        if quick_check(candidate) == "ok":
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


def backup_rotating(db: SqliteDatabase, data_dir: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Take an automatic backup and drop the oldest automatic ones beyond ``keep``."""
    target = vacuum_into(db, data_dir / BACKUP_DIR / f"auto-{_timestamp()}.sqlite")
    automatic = [p for p in backups_newest_first(data_dir) if p.name.startswith("auto-")]
    for old in automatic[keep:]:
        old.unlink(missing_ok=True)
    return target


@dataclass
class OpenedDatabase:
    db: SqliteDatabase
    path: Path
    migrated_from: int
    pre_migration_backup: Path | None


def open_database(data_dir: Path) -> OpenedDatabase:
    """Open (creating if needed) the store in ``data_dir``, checked and migrated."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    if path.exists():
        verdict = quick_check(path)
        if verdict != "ok":
            raise StoreCorruptError(path, verdict, backups_newest_first(data_dir))
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.connect()
    tables.database.initialize(db)
    current = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if current > schema_version():
        db.close()
        raise StoreTooNewError(
            f"Basis data {path} dibuat oleh versi Merit Luring yang lebih baru "
            f"(skema {current}, versi ini mengenal {schema_version()}). Perbarui aplikasi."
        )
    backup = None
    if 0 < current < schema_version():
        backup = vacuum_into(db, data_dir / BACKUP_DIR / f"pre-migration-v{current}-{_timestamp()}.sqlite")
    for version in range(current + 1, schema_version() + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return OpenedDatabase(db, path, current, backup)


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the live database; the damaged one is kept aside."""
    path = data_dir / DB_FILENAME
    if quick_check(backup) != "ok":
        raise StoreError(f"Cadangan {backup} juga rusak; pilih cadangan lain.")
    stamp = _timestamp()
    for suffix in ("", "-wal", "-shm"):
        live = path.with_name(path.name + suffix)
        if live.exists():
            os.replace(live, live.with_name(f"{live.name}.rusak-{stamp}"))
    partial = path.with_name(path.name + ".partial")
    shutil.copyfile(backup, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, path)
    fsync_dir(data_dir)
    return path
