"""Durability of the SQLite store: pragmas, migrations, backups, corruption."""

from __future__ import annotations

import sqlite3

import pytest

from models import db as dbmod
from models.store import Store


def test_pragmas(store):
    pragma = lambda name: store.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2
    assert pragma("user_version") == dbmod.schema_version()


def test_rotating_backups_keep_seven(store):
    for _ in range(9):
        store.backup()
    backups = dbmod.backups_newest_first(store.data_dir)
    assert len(backups) == dbmod.KEEP_BACKUPS
    assert all(dbmod.quick_check(b) == "ok" for b in backups)


def test_migration_takes_a_backup_first(data_dir, monkeypatch):
    Store(data_dir).close()
    before = dbmod.schema_version()
    ran = []

    def _migration_extra(db):
        ran.append(True)
        db.execute_sql("CREATE TABLE extra (x INTEGER)")

    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, _migration_extra])
    with Store(data_dir) as migrated:
        assert ran == [True]
        backup = migrated.pre_migration_backup
        assert backup is not None and backup.name.startswith(f"pre-migration-v{before}-")
        old = sqlite3.connect(backup)
        assert old.execute("PRAGMA user_version").fetchone()[0] == before
        old.close()
        assert migrated.db.execute_sql("PRAGMA user_version").fetchone()[0] == before + 1


def test_newer_schema_is_refused(data_dir):
    Store(data_dir).close()
    connection = sqlite3.connect(data_dir / dbmod.DB_FILENAME)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(dbmod.StoreTooNewError):
        Store(data_dir)


def test_corrupt_database_offers_newest_good_backup(data_dir):
    with Store(data_dir) as store:
        office = store.ensure_office("19.01")
        store.create_assessment(office, 2026)
        store.backup()
    path = data_dir / dbmod.DB_FILENAME
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    path.write_bytes(bytes(data))
    with pytest.raises(dbmod.StoreCorruptError) as caught:
        Store(data_dir)
    assert caught.value.backups
    good = dbmod.newest_good_backup(data_dir)
    dbmod.restore_backup(data_dir, good)
    with Store(data_dir) as restored:
        assert [a.year for a in restored.assessments()] == [2026]
    assert list(data_dir.glob("merit.sqlite.rusak-*"))


def test_garbage_file_is_reported_corrupt(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / dbmod.DB_FILENAME).write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(dbmod.StoreCorruptError):
        Store(data_dir)
