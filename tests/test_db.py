"""Durability of the SQLite store: pragmas, migrations, backups, corruption."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models import db as dbmod
from models.store import Store


def test_pragmas(store):
    pragma = lambda name: store.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2
    assert pragma("user_version") == dbmod.schema_version()


def test_rotating_backups_keep_seven(store, office):
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
    damaged = path.read_bytes()
    restored_info = dbmod.restore_backup(data_dir, good)
    with Store(data_dir) as restored:
        assert [a.year for a in restored.assessments()] == [2026]
    assert restored_info.damaged_copies[0].read_bytes() == damaged  # kept byte for byte
    assert restored_info.damaged_copies[0].name.startswith("merit.sqlite.rusak-")


def test_garbage_file_is_reported_corrupt(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / dbmod.DB_FILENAME).write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(dbmod.StoreCorruptError):
        Store(data_dir)


# --- recovery never takes good data for damaged, never loses the only copy -------------------

def _seeded(data_dir, backup=True):
    with Store(data_dir) as store:
        office = store.ensure_office("19.01")
        assessment = store.create_assessment(office, 2026)
        store.set_answer(assessment, "A1.1", level=3, justification="teks asli")
        if backup:
            store.backup()
    return data_dir / dbmod.DB_FILENAME


def test_a_lock_at_open_is_not_called_damage_and_changes_nothing(data_dir, monkeypatch):
    path = _seeded(data_dir)
    before = path.read_bytes()

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(dbmod.sqlite3, "connect", locked)
    with pytest.raises(dbmod.StoreIOError) as caught:
        Store(data_dir)
    assert caught.value.code == "locked"
    assert "disk penuh" not in str(caught.value).lower()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(data_dir.glob("*.rusak-*"))


def test_a_full_disk_at_open_is_reported_as_full_not_corrupt(data_dir, monkeypatch):
    _seeded(data_dir)
    real_connect = dbmod.WriteLockingDatabase._connect

    def full(self, *args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dbmod.WriteLockingDatabase, "_connect", full)
    with pytest.raises(dbmod.StoreIOError) as caught:
        Store(data_dir)
    assert caught.value.code == "disk_full" and "Disk penuh" in str(caught.value)
    monkeypatch.setattr(dbmod.WriteLockingDatabase, "_connect", real_connect)
    with Store(data_dir) as store:
        assert store.answer(store.assessments()[0], "A1.1").justification == "teks asli"


def test_zero_byte_database_beside_backups_is_damage_not_a_new_install(data_dir):
    path = _seeded(data_dir)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"")
    with pytest.raises(dbmod.StoreCorruptError) as caught:
        Store(data_dir)
    assert "0 bita" in caught.value.detail and caught.value.backups
    path.unlink()
    with pytest.raises(dbmod.StoreCorruptError, match="hilang"):
        Store(data_dir)


def test_zero_byte_database_without_backups_is_a_new_install(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / dbmod.DB_FILENAME).write_bytes(b"")
    with Store(data_dir) as store:
        assert store.office() is None


def test_empty_database_is_never_backed_up(store):
    assert store.backup() is None
    assert dbmod.backups_newest_first(store.data_dir) == []


def test_the_newest_backup_passing_integrity_check_is_never_rotated_out(store, office, monkeypatch):
    good = store.backup()

    def bad_copy(db, target):  # every later backup comes out damaged (a failing disk)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"rusak" * 200)
        return target

    monkeypatch.setattr(dbmod, "vacuum_into", bad_copy)
    for _ in range(dbmod.KEEP_BACKUPS + 2):
        store.backup()
    assert good.exists()
    assert len(dbmod.backups_newest_first(store.data_dir)) == dbmod.KEEP_BACKUPS + 1
    assert dbmod.newest_good_backup(store.data_dir) == good


def test_restore_is_refused_without_room_and_moves_nothing(data_dir, monkeypatch):
    path = _seeded(data_dir)
    path.write_bytes(b"bukan basis data" * 300)
    before = sorted(p.name for p in data_dir.iterdir())
    backup = dbmod.newest_good_backup(data_dir)
    monkeypatch.setattr(dbmod.shutil, "disk_usage", lambda _: type("U", (), {"free": 10})())
    with pytest.raises(dbmod.StoreIOError) as caught:
        dbmod.restore_backup(data_dir, backup)
    assert caught.value.code == "disk_full"
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert path.read_bytes() == b"bukan basis data" * 300


def test_failed_rollback_after_full_disk_reports_the_full_disk(store, assessment, monkeypatch):
    from models import errors

    def full_commit():
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.db, "commit", full_commit)
    with pytest.raises(Exception) as caught:
        store.set_answer(assessment, "A1.1", level=2)
    assert errors.code_of(caught.value) == errors.DISK_FULL
    assert "rollback" not in str(caught.value)


def test_write_transactions_take_the_write_lock_up_front(store):
    statements = []
    store.db.connection().set_trace_callback(statements.append)
    with store.transaction():
        store.ensure_office("19.01")
    assert statements[0] == "BEGIN IMMEDIATE"


def test_the_corrupt_message_keeps_sqlite_s_english_out(data_dir):
    path = _seeded(data_dir)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(dbmod.StoreCorruptError) as caught:
        Store(data_dir)
    assert "malformed" in caught.value.detail or "database" in caught.value.detail
    assert "pemeriksaan SQLite" in str(caught.value) and caught.value.detail not in str(caught.value)


def test_cli_restore_goes_back_to_a_backup_and_keeps_the_present_data_named(data_dir, capsys):
    """``merit restore`` (the function Pengaturan > Cadangan uses): the backup is put in place,
    the present data copied first as merit.sqlite.sebelum-pulih-<time>; refused while a
    Store of this process still has the folder open."""
    import json

    from cli import run
    from models.store import Store, restore_store

    with Store(data_dir) as store:
        store.ensure_office("19.01", "Sebelum Cadangan")
    assert run(["backup", "--data-dir", str(data_dir)]) == 0
    backup = dbmod.backups_newest_first(data_dir)[0]
    with Store(data_dir) as store:
        store.ensure_office("19.01", "Sesudah Cadangan")
        with pytest.raises(dbmod.StoreError):
            restore_store(data_dir, backup)  # still open here: refused, nothing changed
    capsys.readouterr()
    assert run(["restore", "--list", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["backups"][0] == str(backup)
    assert run(["restore", backup.name, "--json", "--data-dir", str(data_dir)]) == 0
    result = json.loads(capsys.readouterr().out)
    [kept] = [Path(p) for p in result["kept"] if not p.endswith(("-wal", "-shm"))]
    assert kept.name.startswith("merit.sqlite.sebelum-pulih-")
    with Store(data_dir) as store:
        assert store.office().name == "Sebelum Cadangan"
    connection = sqlite3.connect(kept)
    try:
        assert connection.execute("SELECT name FROM office").fetchone()[0] == "Sesudah Cadangan"
    finally:
        connection.close()
    assert run(["restore", "tidak-ada.sqlite", "--data-dir", str(data_dir)]) == 2
