"""One owner per data folder: the lock file, its holder, bounded waiting, a dead holder."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from models.db import StoreBusyError
from models.lock import LOCK_FILENAME, DataDirBusy, DataDirLock, holder_of
from models.store import Store
from tests.conftest import REPO

HOLDER = r"""
import sys, time
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def _hold(data_dir, seconds):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), str(seconds)], cwd=REPO,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert process.stdout.readline().strip() == "ready"
    return process


def test_a_second_process_cannot_open_the_folder_for_writing(data_dir):
    holder = _hold(data_dir, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="sudah terbuka untuk folder ini") as caught:
            Store(data_dir, lock_wait=0.5)
        assert 0.4 < time.monotonic() - started < 5
        assert str(holder.pid) in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_writer_gets_the_folder_when_the_holder_closes(data_dir):
    holder = _hold(data_dir, 1)
    try:
        with Store(data_dir, lock_wait=15) as store:
            assert store.office() is None
    finally:
        holder.wait(timeout=30)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_the_lock_of_a_killed_process_is_taken_over(data_dir):
    holder = _hold(data_dir, 60)
    holder.kill()
    holder.wait()
    assert (data_dir / LOCK_FILENAME).exists()  # its file stays, naming the dead holder
    with Store(data_dir) as store:
        assert holder_of(data_dir).startswith(f"{os.getpid()}@")
        assert store.office() is None


def test_one_process_may_open_several_stores_on_one_folder(data_dir):
    with Store(data_dir) as first, Store(data_dir) as second:
        second.ensure_office("19.01")
        assert first.office().code == "19.01"
    lock = DataDirLock(data_dir).acquire()
    lock.release()


def test_the_lock_is_given_back_when_the_store_closes(data_dir):
    Store(data_dir).close()
    probe = subprocess.run([sys.executable, "-c", HOLDER, str(data_dir), "0"], cwd=REPO, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert probe.returncode == 0, probe.stderr


def test_busy_error_names_the_folder_state_in_plain_words():
    error = DataDirBusy("1234@pc-bkpsdm")
    assert str(error).startswith("Merit Luring sudah terbuka untuk folder ini (proses 1234@pc-bkpsdm)")


def test_a_second_cli_writer_waits_briefly_then_exits_3_naming_the_reason(data_dir):
    from cli.common import LOCK_WAIT_SECONDS

    holder = _hold(data_dir, 60)
    try:
        started = time.monotonic()
        result = subprocess.run([sys.executable, str(REPO / "main.py"), "backup", "--data-dir", str(data_dir)],
                                capture_output=True, text=True, cwd=REPO, timeout=120)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert "Merit Luring sudah terbuka untuk folder ini" in result.stderr and "Traceback" not in result.stderr
    assert LOCK_WAIT_SECONDS <= waited < LOCK_WAIT_SECONDS + 20


def test_without_os_locks_the_pid_file_alone_keeps_a_live_holder_out(data_dir, monkeypatch):
    import socket

    from models import lock as lockmod

    def unsupported(fd):
        raise OSError(95, "Operation not supported")  # some network shares

    monkeypatch.setattr(lockmod, "_try_lock", unsupported)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        data_dir.mkdir(parents=True)
        (data_dir / LOCK_FILENAME).write_text(f"{holder.pid}@{socket.gethostname()}\n")
        with pytest.raises(DataDirBusy):
            DataDirLock(data_dir).acquire()
    finally:
        holder.kill()
        holder.wait()
    lock = DataDirLock(data_dir).acquire()  # its holder is gone: taken over
    assert holder_of(data_dir).startswith(f"{os.getpid()}@")
    lock.release()
    assert (data_dir / LOCK_FILENAME).read_text() == ""
