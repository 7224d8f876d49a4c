"""At open, with the lock held: our own temp files go, unreferenced packages are set aside (shown)."""

from __future__ import annotations

from models.cleanup import UNREFERENCED_DIR
from models.store import Store


def test_leftover_temp_files_of_killed_writes_are_removed_at_open(data_dir):
    Store(data_dir).close()
    leftovers = [
        data_dir / "evidence" / ".0123abcd.partial",  # an evidence attach
        data_dir / "backups" / "auto-20260101-000000-000000.sqlite.partial",  # a backup (empty)
        data_dir / "merit.sqlite.restore-partial",  # a restore
        data_dir / ".paket.merit.0123abcd.partial",  # an export into the data folder
        data_dir / "keys" / ".office.key.0123abcd.partial",  # a durable key write
    ]
    for leftover in leftovers:
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_bytes(b"")
    incoming = data_dir / "packages" / ".0123abcd.partial"  # an import's private temp folder
    incoming.mkdir(parents=True)
    (incoming / "paket.merit").write_bytes(b"x")
    keep = data_dir / "catatan.partial.txt"
    keep.write_text("bukan milik kita")
    with Store(data_dir) as store:
        assert sorted(store.cleaned.removed) == sorted([*leftovers, incoming])
    assert not any(p.exists() for p in [*leftovers, incoming])
    assert keep.exists()


def test_unreferenced_package_is_moved_aside_and_reported_not_deleted(data_dir):
    Store(data_dir).close()
    packages = data_dir / "packages"
    packages.mkdir()
    orphan = packages / ("ab" * 32 + ".merit")
    orphan.write_bytes(b"paket yang impornya terputus")
    with Store(data_dir) as store:
        moved = packages / UNREFERENCED_DIR / orphan.name
        assert store.cleaned.set_aside == [moved]
        assert moved.read_bytes() == b"paket yang impornya terputus"
        assert any(orphan.name in notice and "dipindahkan" in notice for notice in store.notices)
    assert not orphan.exists()


def test_a_second_store_of_the_same_process_does_not_sweep_fresh_temp_files(data_dir):
    with Store(data_dir):
        fresh = data_dir / "evidence" / ".feedbeef.partial"  # the first one's copy in progress
        fresh.parent.mkdir(parents=True, exist_ok=True)
        fresh.write_bytes(b"sedang disalin")
        with Store(data_dir) as second:
            assert second.cleaned.removed == []
        assert fresh.exists()
