"""``make reliability``: the data-safety campaign; prints its figures, writes docs/reliability.md.

* Kill campaign: child processes (forked, so each starts in milliseconds) save answers,
  attach evidence, finalize/reopen, export and import, and are SIGKILLed at random moments.
  A child reports each operation only after it returned ("acknowledged"). After every kill
  the store must open, every acknowledged operation must be there, no temp file may remain.
* Corruption cases: truncated, zero-byte, page overwritten, byte flipped in a record, WAL
  deleted, random file. Each must be detected and named, the damaged file kept (copied)
  and shown, and the newest good backup restored.
* Full disk: a full disk at start, during autosave (SQLite's "database or disk is full"
  injected, and a real small tmpfs when we are root and may mount one), during an evidence
  copy, and a restore without room.
* Two processes: a second writer on one folder, two exports into one folder.

Every case asserts: nothing acknowledged is lost, damage is detected and named, nothing is
set aside without being shown. ``--quick`` (the pytest test) runs a few dozen kills.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "reliability.md"
FULL_KILLS = 1000
QUICK_KILLS = 30


@dataclass
class Figures:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    detected: int = 0
    damaged: int = 0
    restored: int = 0
    set_aside_shown: int = 0
    set_aside_unshown: int = 0
    by_operation: dict[str, int] = field(default_factory=dict)
    cases: list[tuple[str, str, bool]] = field(default_factory=list)  # (case, what happened, passed)
    failures: list[str] = field(default_factory=list)

    def case(self, name: str, detail: str, passed: bool) -> None:
        self.cases.append((name, detail, passed))
        if not passed:
            self.failures.append(f"{name}: {detail}")

    @property
    def ok(self) -> bool:
        return not self.failures and self.lost == 0 and self.detected == self.damaged and self.set_aside_unshown == 0


# --- helpers -----------------------------------------------------------------------------------

def _open(data_dir: Path, **kwargs):
    from models.store import Store

    return Store(data_dir, **kwargs)


def _leftover_temp_files(data_dir: Path) -> list[Path]:
    return [p for p in data_dir.rglob("*") if p.name.endswith((".partial", ".restore-partial"))]


def _seed_office(data_dir: Path):
    """The demo office (a final 2026 with keys and certificate) and a draft 2027 to type into."""
    from models.demo import seed_demo

    with _open(data_dir) as store:
        seed_demo(store)
        store.create_assessment(store.office(), 2027, who="kampanye")
        store.backup()


def _office_key(data_dir: Path):
    from models import keys
    from models.demo import DEMO_OFFICE_PASSPHRASE

    return (keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE),
            keys.office_certificate_path(data_dir).read_bytes())


def _demo_province_public(data_dir: Path):
    from models import keys
    from models.demo import demo_province_dir

    return keys.load_public_key(demo_province_dir(data_dir) / "province.pub")


# --- the kill campaign -------------------------------------------------------------------------

class Ack:
    def __init__(self, fd: int):
        self.fd = fd

    def __call__(self, *parts) -> None:
        os.write(self.fd, (" ".join(str(p) for p in parts) + "\n").encode())


def _office_child(data_dir: Path, out_dir: Path, src_dir: Path, cycle: int, seed: int, ack: Ack, key) -> None:
    from models.lifecycle import finalize, reopen
    from models.package.write import export_package

    rng = random.Random(seed)
    store = _open(data_dir, lock_wait=30)
    office = store.office()
    draft = store.latest_assessment(office, 2027)
    items = [item.id for item in store.instrument_of(draft).applicable_items(draft.gates)]
    ack("ready")
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if roll < 0.70:
            item, seq, level = rng.choice(items), cycle * 1_000_000 + n, rng.randint(0, 4)
            store.set_answer(draft, item, level=level, justification=f"s{seq} " + "teks " * rng.randint(1, 200))
            ack("save", item, seq, level)
        elif roll < 0.82:
            source = src_dir / f"bukti-{os.getpid()}-{n}.pdf"
            source.write_bytes(b"%PDF-1.4\n" + rng.randbytes(rng.randint(5_000, 200_000)))
            evidence = store.add_evidence(draft, rng.choice(items), source, who="kampanye")
            source.unlink()
            ack("evidence", evidence.id, evidence.sha256)
        elif roll < 0.92:
            latest = store.latest_assessment(office, 2026)
            if latest.locked:
                ack("reopen", reopen(store, latest, "kampanye").id)
            else:
                ack("finalize", finalize(store, latest, "kampanye", without_survey=True).id)
        else:
            final = next(a for a in store.assessments(office) if a.year == 2026 and a.locked)
            out = export_package(store, final, out_dir / f"paket-{cycle}-{n}.merit", *key)
            ack("export", out)


def _import_child(province_dir: Path, packages: list[Path], seed: int, ack: Ack, trusted) -> None:
    from models.importer import ACCEPTED, Importer

    rng = random.Random(seed)
    store = _open(province_dir, lock_wait=30)
    ack("ready")
    order = list(packages)
    rng.shuffle(order)

    def on_outcome(outcome) -> None:
        if outcome.outcome == ACCEPTED:
            ack("import", outcome.sha256)

    Importer(store, trusted_keys=[trusted], province_codes=["19"], require_enrolled=False).import_paths(
        order, on_outcome=on_outcome)
    ack("idle")
    time.sleep(60)


class Campaign:
    def __init__(self, workdir: Path, figures: Figures, rng: random.Random):
        self.workdir = workdir
        self.figures = figures
        self.rng = rng
        self.office_dir = workdir / "kantor"
        self.province_dir = workdir / "provinsi"
        self.out_dir = workdir / "keluar"
        self.src_dir = workdir / "sumber"
        for directory in (self.out_dir, self.src_dir):
            directory.mkdir(parents=True)
        _seed_office(self.office_dir)
        self.key = _office_key(self.office_dir)
        self.trusted = _demo_province_public(self.office_dir)
        self.saves: dict[str, int] = {}  # item -> newest acknowledged save sequence
        self.evidence: dict[int, str] = {}
        self.finals: set[int] = set()
        self.exports: list[Path] = []
        self.imports: set[str] = set()

    def run(self, kills: int) -> None:
        for cycle in range(1, kills + 1):
            kind = "import" if self.exports and self.rng.random() < 0.2 else "office"
            acks = self._cycle(cycle, kind)
            self._record(acks)
            self._verify(kind, thorough=cycle % 50 == 0 or cycle == kills)

    def _cycle(self, cycle: int, kind: str) -> list[list[str]]:
        read_fd, write_fd = os.pipe()
        seed = self.rng.randrange(1 << 30)
        packages = self.exports[-12:]
        pid = os.fork()
        if pid == 0:  # the child: work until killed
            os.close(read_fd)
            code = 0
            try:
                if kind == "office":
                    _office_child(self.office_dir, self.out_dir, self.src_dir, cycle, seed, Ack(write_fd), self.key)
                else:
                    _import_child(self.province_dir, packages, seed, Ack(write_fd), self.trusted)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the case
                os.write(write_fd, f"error {type(exc).__name__}: {exc}\n".replace("\n", " ").encode() + b"\n")
                code = 1
            os._exit(code)
        os.close(write_fd)
        buffer = b""
        ready_by = time.monotonic() + 60
        while b"ready\n" not in buffer and time.monotonic() < ready_by:
            if select.select([read_fd], [], [], 1)[0]:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                buffer += chunk
        deadline = time.monotonic() + self.rng.uniform(0.0, 0.6)
        while time.monotonic() < deadline:
            if select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                buffer += chunk
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):  # what it acknowledged before dying
            buffer += chunk
        os.close(read_fd)
        self.figures.kills += 1
        return [line.split(" ") for line in buffer.decode().splitlines() if line]

    def _record(self, acks: list[list[str]]) -> None:
        for ack in acks:
            what = ack[0]
            if what == "error":
                self.figures.failures.append("child failed: " + " ".join(ack[1:]))
                continue
            if what in ("ready", "idle"):
                continue
            self.figures.acknowledged += 1
            self.figures.by_operation[what] = self.figures.by_operation.get(what, 0) + 1
            if what == "save":
                self.saves[ack[1]] = max(self.saves.get(ack[1], 0), int(ack[2]))
            elif what == "evidence":
                self.evidence[int(ack[1])] = ack[2]
            elif what == "finalize":
                self.finals.add(int(ack[1]))
            elif what == "export":
                self.exports.append(Path(ack[1]))
            elif what == "import":
                self.imports.add(ack[1])

    def _lost(self, what: str) -> None:
        self.figures.lost += 1
        self.figures.failures.append(f"lost after a kill: {what}")

    def _verify(self, kind: str, thorough: bool) -> None:
        if kind == "import":
            self._verify_province(thorough)
        else:
            self._verify_office(thorough)

    def _verify_office(self, thorough: bool) -> None:
        from models.evidence import hash_file
        from models.history import check_history
        from models.package.verify import verify_package
        from models.tables import Answer, Assessment, Evidence

        with _open(self.office_dir) as store:
            self._check_opened(store)
            draft = store.latest_assessment(store.office(), 2027)
            stored = {a.item_id: a.justification for a in Answer.select().where(Answer.assessment == draft)}
            for item, seq in self.saves.items():
                text = stored.get(item, "")
                if not text.startswith("s") or int(text[1:].split(" ", 1)[0]) < seq:
                    self._lost(f"save {item} s{seq}")
            for evidence_id, sha in list(self.evidence.items()):
                row = Evidence.get_or_none(Evidence.id == evidence_id)
                path = store.evidence_store.path_of(sha)
                if row is None or row.sha256 != sha or not path.is_file() or (thorough and hash_file(path)[0] != sha):
                    self._lost(f"evidence {evidence_id}")
            for final_id in self.finals:
                if Assessment.get_by_id(final_id).status != Assessment.FINAL:
                    self._lost(f"finalize {final_id}")
            for export in self.exports[-20:] if thorough else self.exports[-3:]:
                if not export.is_file() or not verify_package(export, [self.trusted]).ok:
                    self._lost(f"export {export.name}")
            if thorough:
                self._thorough(store, check_history)
        leftovers = [p for p in self.out_dir.iterdir() if p.name.endswith(".partial")]
        if len(leftovers) > 1:  # at most the one a kill just cut off; the next export sweeps it
            self.figures.failures.append(f"export temp files pile up: {leftovers}")

    def _verify_province(self, thorough: bool) -> None:
        from models.history import check_history
        from models.province_tables import ReceivedPackage

        with _open(self.province_dir) as store:
            self._check_opened(store)
            held = {row.sha256 for row in ReceivedPackage.select(ReceivedPackage.sha256)}
            for sha in self.imports - held:
                self._lost(f"import {sha[:12]}")
            for sha in held:
                if not (self.province_dir / "packages" / f"{sha}.merit").is_file():
                    self._lost(f"stored package {sha[:12]}")
            self.figures.set_aside_shown += len(store.cleaned.set_aside)
            if store.cleaned.set_aside and not store.cleaned.notices:
                self.figures.set_aside_unshown += len(store.cleaned.set_aside)
            if thorough:
                self._thorough(store, check_history)

    def _check_opened(self, store) -> None:
        leftovers = _leftover_temp_files(store.data_dir)
        if leftovers:
            self.figures.failures.append(f"temp files left after open: {[str(p) for p in leftovers]}")

    def _thorough(self, store, check_history) -> None:
        verdict = store.db.execute_sql("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            self.figures.failures.append(f"integrity_check after kills: {verdict}")
        mismatches = check_history(store)
        if mismatches:
            self.figures.failures.append(f"history disagrees after kills: {[m.label for m in mismatches[:3]]}")


# --- corruption --------------------------------------------------------------------------------

def _seed_small(data_dir: Path) -> None:
    with _open(data_dir) as store:
        assessment = store.create_assessment(store.ensure_office("19.01"), 2026)
        for number, item in enumerate(["A1.1", "A1.2", "A2.1", "A3.1"]):
            store.set_answer(assessment, item, level=number % 5, justification=f"Penjelasan asli butir {item}. " * 20)
        store.backup()
        store.set_answer(assessment, "A1.1", justification="Sesudah cadangan: SK Bupati nomor 7.")


def _damage(case: str, path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    if case == "terpotong":
        path.write_bytes(bytes(data[: len(data) * 6 // 10]))
    elif case == "nol-bita":
        path.write_bytes(b"")
    elif case == "halaman-ditimpa":
        page = 4096
        at = page * rng.randrange(1, max(2, len(data) // page))
        data[at: at + page] = rng.randbytes(page)
        path.write_bytes(bytes(data))
    elif case == "bita-terbalik":
        at = data.find(b"SK Bupati nomor 7")
        data[at + 3] ^= 0x01
        path.write_bytes(bytes(data))
    elif case == "berkas-acak":
        path.write_bytes(rng.randbytes(len(data)))


WAL_WRITER = r"""
import sys, time
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]))
assessment = store.assessments()[0]
store.set_answer(assessment, "A2.1", level=4, justification="tersimpan, lalu -wal hilang")
print("saved", flush=True)
time.sleep(60)
"""


def _lose_wal(data_dir: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", WAL_WRITER, str(data_dir)], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    child.stdout.readline()
    child.kill()
    child.wait()
    (data_dir / "merit.sqlite-wal").unlink()
    (data_dir / "merit.sqlite-shm").unlink(missing_ok=True)


def corruption_cases(workdir: Path, figures: Figures, rng: random.Random) -> None:
    from models.db import DB_FILENAME, StoreCorruptError, newest_good_backup, restore_backup
    from models.history import check_history

    for case in ("terpotong", "nol-bita", "halaman-ditimpa", "bita-terbalik", "wal-dihapus", "berkas-acak"):
        data_dir = workdir / f"rusak-{case}"
        _seed_small(data_dir)
        path = data_dir / DB_FILENAME
        if case == "wal-dihapus":
            _lose_wal(data_dir)
        else:
            _damage(case, path, rng)
        damaged_bytes = path.read_bytes() if path.exists() else b""
        figures.damaged += 1
        named = ""
        try:
            with _open(data_dir) as store:
                mismatches = check_history(store)
                named = "; ".join(m.label for m in mismatches)
        except StoreCorruptError as exc:
            named = f"rusak: {exc.detail}"
        detected = bool(named)
        figures.detected += detected
        backup = newest_good_backup(data_dir)
        restored = restore_backup(data_dir, backup)
        kept = bool(restored.damaged_copies) and restored.damaged_copies[0].read_bytes() == damaged_bytes
        figures.set_aside_shown += len(restored.damaged_copies)
        with _open(data_dir) as store:
            sound = not check_history(store) and store.answer(store.assessments()[0], "A1.2") is not None
        figures.restored += sound
        figures.case(f"kerusakan: {case}", f"terdeteksi: {named[:110] or 'TIDAK'}; salinan rusak disimpan: "
                     f"{'ya' if kept else 'TIDAK'}; dipulihkan: {'ya' if sound else 'TIDAK'}",
                     detected and kept and sound)


# --- full disk -------------------------------------------------------------------------------------

def _full_disk_at_start(workdir: Path, figures: Figures) -> None:
    from unittest import mock

    from models import db as dbmod

    data_dir = workdir / "penuh-saat-mulai"
    _seed_small(data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}

    def full(self, *args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    with mock.patch.object(dbmod.WriteLockingDatabase, "_connect", full):
        try:
            _open(data_dir).close()
            outcome = "dibuka?"
        except dbmod.StoreCorruptError:
            outcome = "disebut rusak"
        except dbmod.StoreIOError as exc:
            outcome = exc.code
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    # Not data: the lock file, the WAL index and an empty WAL (a read-only check creates them).
    ignored = {"merit.lock", "merit.sqlite-wal", "merit.sqlite-shm"}
    unchanged = ({k: v for k, v in after.items() if k not in ignored} == {
        k: v for k, v in before.items() if k not in ignored}
        and (not after.get("merit.sqlite-wal") or after["merit.sqlite-wal"] == before.get("merit.sqlite-wal")))
    figures.case("disk penuh saat mulai", f"dilaporkan sebagai: {outcome}; berkas tidak berubah: "
                 f"{'ya' if unchanged else 'TIDAK'}", outcome == "disk_full" and unchanged)


def _autosave_on_full_disk(workdir: Path, figures: Figures) -> None:
    from unittest import mock

    from models.session import FAILED, SAVED, AssessmentSession
    from models.store import Store

    data_dir = workdir / "penuh-autosave"
    _seed_small(data_dir)
    with _open(data_dir) as store:
        session = AssessmentSession(store, store.assessments()[0])
        acknowledged = {}
        real = Store.set_answer

        def full(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        with mock.patch.object(Store, "set_answer", full):
            saved = session.set_answer_fields("A3.1", justification="diketik saat disk penuh")
        failed_plainly = (not saved and session.state == FAILED and session.failure_code == "disk_full"
                          and "rollback" not in session.failure_detail and "disk is full" not in session.failure_detail)
        with mock.patch.object(Store, "set_answer", real):
            retried = session.retry()
        acknowledged["A3.1"] = "diketik saat disk penuh"
    with _open(data_dir) as store:
        kept = store.answer(store.assessments()[0], "A3.1").justification == acknowledged["A3.1"]
    figures.case("disk penuh saat menyimpan (disuntikkan)",
                 f"pesan: {session.failure_detail[:60] if not failed_plainly else 'Disk penuh…'}; dicoba lagi: "
                 f"{'tersimpan' if retried and session.state == SAVED else 'GAGAL'}",
                 failed_plainly and retried and kept)


TMPFS_WRITER = r"""
import sys
from pathlib import Path
from models.session import AssessmentSession, FAILED
from models.store import Store
store = Store(Path(sys.argv[1]))
session = AssessmentSession(store, store.assessments()[0])
items = [i.id for i in session.instrument.applicable_items(session.gates)]
n = 0
while True:
    n += 1
    ok = session.set_answer_fields(items[n % len(items)], justification=f"s{n} " + "isi panjang " * 3000)
    if not ok:
        print("failed", session.failure_code, flush=True)
        break
    print("saved", items[n % len(items)], n, flush=True)
store.close()
"""


def _mount_tmpfs(target: Path, size: str) -> bool:
    if os.name == "nt" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    target.mkdir(parents=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                          capture_output=True).returncode == 0


def _real_full_disk(workdir: Path, figures: Figures) -> None:
    mount_point = workdir / "tmpfs"
    if not _mount_tmpfs(mount_point, "3m"):
        figures.case("disk penuh sungguhan (tmpfs)", "dilewati: perlu root dan izin mount", True)
        return
    try:
        data_dir = mount_point / "data"
        _seed_small(data_dir)
        run = subprocess.run([sys.executable, "-c", TMPFS_WRITER, str(data_dir)], cwd=ROOT, capture_output=True,
                             text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
        lines = [line.split() for line in run.stdout.splitlines()]
        acked = {line[1]: int(line[2]) for line in lines if line[0] == "saved"}
        failure = next((line[1] for line in lines if line[0] == "failed"), "tidak gagal")
        for filler in data_dir.glob("backups/*.sqlite"):
            filler.unlink()  # make room, as the person would
        with _open(data_dir) as store:
            answers = {a.item_id: a.justification for a in store.assessments()[0].answers}
            lost = [item for item, n in acked.items() if int(answers[item].split(" ", 1)[0][1:]) < n]
            sound = store.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        figures.acknowledged += len(acked)
        figures.lost += len(lost)
        figures.case("disk penuh sungguhan (tmpfs 3 MB)", f"{len(acked)} simpan diakui lalu: {failure}; hilang: "
                     f"{len(lost)}; berkas utuh: {'ya' if sound else 'TIDAK'}; {run.stderr.strip()[-80:]}",
                     failure == "disk_full" and not lost and sound and "Traceback" not in run.stderr)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _evidence_on_full_disk(workdir: Path, figures: Figures) -> None:
    from unittest import mock

    from models.evidence import EvidenceError

    data_dir = workdir / "penuh-bukti"
    _seed_small(data_dir)
    source = workdir / "bukti-besar.pdf"
    source.write_bytes(b"%PDF" + os.urandom(3_000_000))
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with _open(data_dir) as store:
        with mock.patch("models.evidence.os.fsync", full):
            try:
                store.add_evidence(store.assessments()[0], "A1.1", source)
                message = "tersimpan?"
            except EvidenceError as exc:
                message = str(exc)
        clean = not _leftover_temp_files(data_dir) and not list((data_dir / "evidence").glob("??/*"))
    figures.case("disk penuh saat menyalin bukti", f"{message[:70]}; sisa berkas: {'tidak ada' if clean else 'ADA'}",
                 "ruang disk" in message and clean)


def _restore_without_room(workdir: Path, figures: Figures) -> None:
    from unittest import mock

    from models import db as dbmod

    data_dir = workdir / "pulih-tanpa-ruang"
    _seed_small(data_dir)
    path = data_dir / dbmod.DB_FILENAME
    path.write_bytes(b"rusak" * 5000)
    before = sorted(p.name for p in data_dir.iterdir())
    with mock.patch.object(dbmod.shutil, "disk_usage", lambda _: type("Usage", (), {"free": 1000})()):
        try:
            dbmod.restore_backup(data_dir, dbmod.newest_good_backup(data_dir))
            outcome = "dipulihkan?"
        except dbmod.StoreIOError as exc:
            outcome = exc.code
    untouched = sorted(p.name for p in data_dir.iterdir()) == before and path.read_bytes() == b"rusak" * 5000
    figures.case("pemulihan tanpa ruang disk", f"{outcome}; tidak ada yang dipindah: {'ya' if untouched else 'TIDAK'}",
                 outcome == "disk_full" and untouched)


# --- two processes ---------------------------------------------------------------------------------

HOLDING_WRITER = r"""
import sys
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]))
assessment = store.assessments()[0]
print("ready", flush=True)
import time
end = time.monotonic() + float(sys.argv[2])
n = 0
while time.monotonic() < end:
    n += 1
    store.set_answer(assessment, "A1.%d" % (1 + n % 3), justification=f"s{n}")
    print("saved", 1 + n % 3, n, flush=True)
store.close()
"""


def _second_writer(workdir: Path, figures: Figures) -> None:
    from models.db import StoreBusyError

    data_dir = workdir / "dua-penulis"
    _seed_small(data_dir)
    first = subprocess.Popen([sys.executable, "-c", HOLDING_WRITER, str(data_dir), "4"], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    first.stdout.readline()
    started = time.monotonic()
    try:
        _open(data_dir, lock_wait=1.0).close()
        second = "ikut menulis"
    except StoreBusyError as exc:
        second = str(exc).split(".")[0]
    waited = time.monotonic() - started
    lines = [line.split() for line in first.stdout.read().splitlines()]
    first.wait()
    saves = [line for line in lines if line[0] == "saved"]
    acked = {f"A1.{line[1]}": int(line[2]) for line in saves}
    with _open(data_dir) as store:
        answers = {a.item_id: a.justification for a in store.assessments()[0].answers}
    lost = [item for item, n in acked.items() if int(answers[item][1:]) < n]
    figures.acknowledged += len(saves)
    figures.lost += len(lost)
    figures.case("dua proses menulis satu folder", f"proses kedua: \"{second}\" setelah {waited:.1f} dtk; "
                 f"proses pertama {len(saves)} simpan, gagal {int(first.returncode != 0)}, hilang {len(lost)}",
                 second.startswith("Merit Luring sudah terbuka untuk folder ini") and first.returncode == 0 and not lost)


EXPORTER = r"""
import sys
from pathlib import Path
from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE
from models.package.write import export_package
from models.store import Store
data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
store = Store(data_dir)
key = keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
certificate = keys.office_certificate_path(data_dir).read_bytes()
final = next(a for a in store.assessments() if a.locked)
for n in range(int(sys.argv[3])):
    export_package(store, final, out / f"{out.name}-{data_dir.name}-{n}.merit", key, certificate)
print("ok", flush=True)
"""


def _two_exports_one_folder(workdir: Path, figures: Figures) -> None:
    from models.package.verify import verify_package

    first = workdir / "ekspor-a"
    _seed_office(first)
    second = workdir / "ekspor-b"
    shutil.copytree(first, second)
    shared = workdir / "flashdisk"
    shared.mkdir()
    runs = [subprocess.Popen([sys.executable, "-c", EXPORTER, str(d), str(shared), "6"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}) for d in (first, second)]
    outputs = [run.communicate(timeout=300) for run in runs]
    trusted = _demo_province_public(first)
    packages = sorted(shared.glob("*.merit"))
    valid = sum(verify_package(p, [trusted]).ok for p in packages)
    passed = all(run.returncode == 0 for run in runs) and valid == 12
    figures.case("dua ekspor ke satu folder", f"{valid} dari 12 paket sah; "
                 f"{'; '.join(err.strip().splitlines()[-1] for _, err in outputs if err.strip()) or 'tanpa galat'}",
                 passed)


# --- report ----------------------------------------------------------------------------------------

def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui"


def report(figures: Figures, seconds: float, quick: bool, commit: str | None = None) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Reliability campaign", "",
        f"`make reliability` ({'--quick' if quick else 'full run'}), {when}, commit `{commit or _commit()}`, "
        f"{seconds:.0f} s. Generated by `bench/reliability.py`; do not edit by hand.", "",
        "| figure | value |", "|---|---|",
        f"| processes SIGKILLed at random moments | {figures.kills} |",
        f"| acknowledged operations | {figures.acknowledged} "
        f"({', '.join(f'{k} {v}' for k, v in sorted(figures.by_operation.items()))}) |",
        f"| acknowledged operations lost | {figures.lost} |",
        f"| damage cases detected / damaged | {figures.detected} / {figures.damaged} |",
        f"| restored from the newest good backup | {figures.restored} |",
        f"| files set aside, all shown | {figures.set_aside_shown} (unshown: {figures.set_aside_unshown}) |",
        "", "| case | what happened | passed |", "|---|---|---|",
    ]
    lines += [f"| {name} | {' '.join(detail.replace('|', '/').split())} | {'yes' if passed else '**no**'} |"
              for name, detail, passed in figures.cases]
    if figures.failures:
        lines += ["", "## Failures", ""] + [f"- {failure}" for failure in figures.failures[:50]]
    return "\n".join(lines) + "\n"


def run(workdir: Path, kills: int, seed: int) -> Figures:
    figures = Figures()
    rng = random.Random(seed)
    campaign = Campaign(workdir / "kampanye", figures, rng)
    campaign.run(kills)
    corruption_cases(workdir, figures, rng)
    _full_disk_at_start(workdir, figures)
    _autosave_on_full_disk(workdir, figures)
    _real_full_disk(workdir, figures)
    _evidence_on_full_disk(workdir, figures)
    _restore_without_room(workdir, figures)
    _second_writer(workdir, figures)
    _two_exports_one_folder(workdir, figures)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_KILLS} kills instead of {FULL_KILLS}")
    parser.add_argument("--kills", type=int)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", help=f"the report (default: {OUTPUT.relative_to(ROOT)} for a full run)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if os.name == "nt":
        print("The kill campaign needs fork and SIGKILL (POSIX).", file=sys.stderr)
        return 2
    kills = args.kills or (QUICK_KILLS if args.quick else FULL_KILLS)
    commit = _commit()  # the code that runs, even if the checkout moves on meanwhile
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="merit-reliability-") as workdir:
        figures = run(Path(workdir), kills, args.seed)
    seconds = time.monotonic() - started
    text = report(figures, seconds, args.quick, commit)
    out = args.out or (None if args.quick else str(OUTPUT))
    if out:
        Path(out).write_text(text, "utf-8")
    if args.json:
        print(json.dumps({"kills": figures.kills, "acknowledged": figures.acknowledged, "lost": figures.lost,
                          "detected": figures.detected, "damaged": figures.damaged, "restored": figures.restored,
                          "set_aside_shown": figures.set_aside_shown, "failures": figures.failures, "ok": figures.ok}))
    else:
        print(text)
    return 0 if figures.ok else 1


if __name__ == "__main__":
    sys.exit(main())
