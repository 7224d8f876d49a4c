"""A power cut in the middle of saving: every committed answer survives, the file is sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from models.db import DB_FILENAME
from tests.conftest import REPO

WRITER = r"""
import sys
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]))
office = store.ensure_office("19.01")
assessment = store.create_assessment(office, 2026)
items = [i.id for i in store.instrument_of(assessment).applicable_items(assessment.gates)]
n = 0
while True:
    item = items[n % len(items)]
    level = (n // len(items)) % 5
    store.set_answer(assessment, item, level=level, justification=f"simpan ke-{n}", who="uji")
    print(f"{n} {item} {level}", flush=True)  # printed only after the commit returned
    n += 1
"""


def _sigkill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)


def _terminate_process(process: subprocess.Popen) -> None:
    process.kill()  # on Windows: TerminateProcess, the end a power cut or Task Manager gives


# The hardest stop each OS has: nothing of the writer runs after it (no atexit, no flush).
HARD_KILLS = [
    pytest.param(_sigkill, id="sigkill", marks=pytest.mark.skipif(os.name == "nt", reason="no SIGKILL on Windows")),
    pytest.param(_terminate_process, id="terminateprocess",
                 marks=pytest.mark.skipif(os.name != "nt", reason="Windows only; POSIX runs the SIGKILL case")),
]


@pytest.mark.parametrize("hard_kill", HARD_KILLS)
def test_hard_kill_during_answer_saves_loses_nothing_committed(tmp_path, hard_kill):
    data_dir = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)], cwd=REPO,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    committed: dict[str, tuple[int, int]] = {}
    try:
        for line in process.stdout:
            n, item, level = line.split()
            committed[item] = (int(n), int(level))
            if int(n) >= 150:
                break
    finally:
        hard_kill(process)
        process.wait(timeout=30)
    assert len(committed) >= 30

    connection = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict((item, (level, text)) for item, level, text in
                    connection.execute("SELECT item_id, level, justification FROM answer"))
    finally:
        connection.close()
    for item, (n, level) in committed.items():
        stored_level, stored_text = rows[item]
        # The kill may land after a later commit of the same item; never before this one.
        stored_n = int(stored_text.removeprefix("simpan ke-"))
        assert stored_n >= n, item
        if stored_n == n:
            assert stored_level == level
