"""Province import at national scale: 514 packages in, then the consolidated table model.

Setup (not timed): one signed package per kabupaten/kota of the country (514), each with
``EVIDENCE_BYTES`` of incompressible evidence in two files, made by one office store that
holds all 514 offices (each office has its own key and a certificate from its province's
key; 38 province keys): ``bench.national_store``, which keeps them under
``build/bench-cache/`` for the next run. The province side trusts all 38 keys, as a national collector
would; a real province trusts only its own.

Timed in the same run, ``ROUNDS`` interleaved rounds, best of each (the disk of a shared
virtual machine varies a lot from minute to minute):

* baselines: SHA-256 with OpenSSL (``hashlib``) over the same 514 files (page cache warm for
  all), and a durable copy of the same files (write + fsync each); the target (issue 17) is
  import ≥ 0,7× the durable copy (``sha256sum``, the earlier baseline, is several times
  slower than OpenSSL, so ratios against it flattered us);
* ``Importer.import_paths`` over the folder into a fresh province store: one read of each
  source, each chunk written to the copy and hashed from the same buffer (the file's
  SHA-256, the signature's BLAKE2b-512, each entry's SHA-256 and CRC-32), full verification
  of the copy with those hashes (signature, certificate, every file's size and SHA-256,
  scores recomputed; the copy's structure read from the copy itself), the package fsynced
  and stored whole (it is the evidence), its rows in one savepoint — every byte is read
  once and written once (until issue 17's fix it was read twice: the copy again, from the
  page cache);
* building the consolidated view for 514 rows as a refresh does: ``consolidate()`` from
  the store and every cell's text and sort key (``table_cells``), both in the refresh's
  worker thread, then the Qt table model over them on the GUI thread, including one pass
  over every cell's display text through ``data()`` (what a view that shows all rows asks
  for; the Python ↔ Qt call alone is ~3 µs a cell).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from datetime import datetime
from pathlib import Path

from bench import national_store, province_views
from bench.national_store import EVIDENCE_BYTES, YEAR
from bench.run import Row, Section
from models.consolidate import ALL_PROVINCES

THROUGHPUT_TARGET = 0.70  # of the durable copy
ROUNDS = 3
MODEL_TARGET_MS = 200.0
VIEW_TARGET_MS = 50.0  # sort or filter (issue 17)
REFRESH_TARGET_MS = 100.0


def _openssl_sha256_seconds(files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as reader:
            while chunk := reader.read(1024 * 1024):
                digest.update(chunk)
    return time.perf_counter() - started


def _blake2b_seconds(files: list[Path]) -> float:
    """BLAKE2b-512 of each file (the signature's prehash a verifier computes), in process."""
    started = time.perf_counter()
    for path in files:
        digest = hashlib.blake2b(digest_size=64)
        with open(path, "rb") as reader:
            while chunk := reader.read(1024 * 1024):
                digest.update(chunk)
    return time.perf_counter() - started


def _settle() -> None:
    """Let the disk finish what came before (writeback of setup, trimming of deleted files
    on ``discard`` mounts), so it does not run under the next timed step."""
    if hasattr(os, "sync"):
        os.sync()


def _durable_copy_seconds(files: list[Path], target: Path) -> float:
    """Copy every file with fsync: what storing the packages alone costs on this disk."""
    target.mkdir()
    _settle()
    started = time.perf_counter()
    for source in files:
        with open(source, "rb") as reader, open(target / source.name, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
    seconds = time.perf_counter() - started
    shutil.rmtree(target)
    return seconds


def _model_build_ms(store) -> tuple[float, float, float, int]:
    """(consolidate ms, cells ms, Qt model ms, rows) for the whole country, best of three:
    what a refresh does in its worker (consolidate, then every cell's text and sort key),
    then on the GUI thread (the Qt model over them, every cell's text read through it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from models import consolidate as cons
    from ui.province.consolidated_view import ConsolidatedTableModel, table_cells, table_words

    QApplication.instance() or QApplication([])
    best = (float("inf"), float("inf"), float("inf"), 0)
    for _ in range(3):
        started = time.perf_counter()
        consolidation = cons.consolidate(store, YEAR, cons.ALL_PROVINCES)
        consolidated = time.perf_counter()
        cells = table_cells(consolidation, table_words())
        middle = time.perf_counter()
        model = ConsolidatedTableModel(consolidation, cells=cells)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        ended = time.perf_counter()
        if (ended - started) * 1000 < sum(best[:3]):
            best = ((consolidated - started) * 1000, (middle - consolidated) * 1000, (ended - middle) * 1000,
                    model.rowCount())
    return best


def run(workdir: Path) -> Section:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from models import importer, regions
    from models.store import Store

    folder, trusted, from_cache = national_store.packages(workdir)
    files = sorted(folder.glob("*.merit"))
    total_bytes = sum(p.stat().st_size for p in files)
    _openssl_sha256_seconds(files)  # warm the page cache for all sides alike
    # The disk of a shared (virtual) machine varies by tens of percent from one minute to
    # the next: the three measures take turns, ROUNDS times, and each keeps its best.
    baseline = durable_copy = elapsed = blake2b = import_cpu = float("inf")
    accepted = len(files)
    round_ratios: list[float] = []  # each round's import ÷ its own durable copy, for the notes
    for round_number in range(ROUNDS):
        baseline = min(baseline, _openssl_sha256_seconds(files))
        blake2b = min(blake2b, _blake2b_seconds(files))
        round_copy = _durable_copy_seconds(files, workdir / "copy")
        durable_copy = min(durable_copy, round_copy)
        province_dir = workdir / "province"
        shutil.rmtree(province_dir, ignore_errors=True)
        store = Store(province_dir)
        try:
            session = importer.Importer(store, trusted_keys=trusted, require_enrolled=False,
                                        province_codes=[p.code for p in regions.provinces()])
            _settle()
            started, cpu_started = time.perf_counter(), time.process_time()
            outcomes = session.import_paths([folder])
            round_elapsed = time.perf_counter() - started
            import_cpu = min(import_cpu, time.process_time() - cpu_started)
            elapsed = min(elapsed, round_elapsed)
            round_ratios.append(round_copy / round_elapsed)
            accepted = min(accepted, importer.count_outcomes(outcomes)["accepted"])
            if round_number == ROUNDS - 1:
                consolidate_ms, cells_ms, model_ms, rows = _model_build_ms(store)
                views = [province_views.view_timings(store, YEAR, code, label) for code, label in (
                    (province_views.largest_province(), "one province"), (ALL_PROVINCES, "national"))]
        finally:
            store.close()
    from bench import journey

    journey_rows, journey_note = journey.rows_and_notes(
        "province journey (national, 514 rows)", journey.run_child("province", province_dir))

    from models.formatting import decimal_id

    ratio = durable_copy / elapsed
    mb = total_bytes / (1024 * 1024)
    section = Section("Province import (514 packages) and consolidated view")
    section.rows += [
        Row("packages accepted (each round)", f"{accepted} of {len(files)}", "all", accepted == len(files)),
        Row("import throughput ÷ durable copy of the same files (write + fsync)", f"{decimal_id(ratio)}×",
            f"≥ {decimal_id(THROUGHPUT_TARGET)}×", ratio >= THROUGHPUT_TARGET),
        Row("import throughput ÷ SHA-256 (OpenSSL) of the same files", f"{decimal_id(baseline / elapsed)}×"),
        Row(f"consolidated table model, {rows} rows (consolidate + every cell's text and sort key, in the "
            "worker; Qt model + every cell's text read, GUI thread)",
            f"{consolidate_ms + cells_ms + model_ms:.0f} ms ({consolidate_ms:.0f} + {cells_ms:.0f}; {model_ms:.0f})",
            f"< {MODEL_TARGET_MS:.0f} ms", consolidate_ms + cells_ms + model_ms < MODEL_TARGET_MS),
    ]
    section.rows += journey_rows
    for view in views:
        for measure, value, target in (("sort", view.sort_ms, VIEW_TARGET_MS), ("filter", view.filter_ms, VIEW_TARGET_MS),
                                       ("refresh (GUI thread, longest at once)", view.refresh_ms,
                                        REFRESH_TARGET_MS),
                                       ("heat map scroll step", view.heatmap_scroll_ms, None)):
            section.rows.append(Row(f"province window, {view.label} ({view.rows} rows): {measure}",
                                    f"{value:.0f} ms", f"≤ {target:.0f} ms" if target else "",
                                    value <= target if target else None))
    section.notes += [
        "Province window rows: the real window (1366×768, offscreen) over this store, best of "
        f"{province_views.REPEATS}, each including `processEvents()` (layout and repaint): sort = the slowest of "
        "code, name, index and the first aspect in both orders; filter = typing a name filter or clearing it; "
        "refresh = consolidate from the store and make every cell's text in a worker thread, then the new table "
        "and both charts swapped in on the GUI thread (the selected office and the scroll position kept): the figure is the longest the GUI thread was busy at once (start, each batch of "
        "events while the worker runs, the swap and its repaint); until the new table shows: "
        + ", ".join(f"{view.label} {view.refresh_wall_ms:.0f} ms" for view in views)
        + " (the window stays live meanwhile); one heat-map scroll step of three lines. "
        "One province = the one with the most kabupaten/kota (38).",
        "Province journey: the province window on this store in a child process whose QApplication times "
        "every event it delivers and every step (action + processEvents): open, refresh, sort five columns "
        "both ways, filter, the chart tabs, ten heat-map page scrolls, a drill-down. The detector takes an "
        "event's type only for a slow event and makes PySide's Python types of Qt's event classes before the "
        "first step (its Python `notify` wraps every event; the first of each kind had PySide build its enums, "
        "~30 ms counted in 'open the province window' that the application itself never pays). " + journey_note,
    ]
    section.notes += [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} (this section can be rerun alone: `bench.run import`). "
        f"{len(files)} packages, {mb:.0f} MB in all: {EVIDENCE_BYTES // (1024 * 1024)} MB of random "
        "(incompressible) evidence each, scaled down from 'a few MB' so the whole run stays within minutes "
        "on 2 cores. The packages are made once and kept in `build/bench-cache/` (keyed by the generator "
        "version, the package format and the instrument; `MERIT_BENCH_CACHE=0` makes them afresh)"
        + (": this run took them from there." if from_cache else ": this run made them."),
        f"Absolute rates, best of {ROUNDS} interleaved rounds (each on a settled disk: `sync` before it): "
        f"SHA-256 (OpenSSL) {mb / baseline:.0f} MB/s, durable copy {mb / durable_copy:.0f} MB/s, "
        f"import {mb / elapsed:.0f} MB/s ({elapsed:.1f} s for all). Import ÷ durable copy within each round: "
        f"{', '.join(f'{decimal_id(r)}×' for r in round_ratios)}.",
        "Every byte is read once and written once: the stored package is the evidence of an imported "
        "assessment (the evidence store gets no copy; the drill-down extracts an entry, checking its SHA-256). "
        "Per package, in a helper thread: its structure read from the end of the source (a few small reads), "
        "then one read of the source in 256 KiB chunks (which stay in the CPU cache), each written to the copy "
        "and hashed from the same buffer: SHA-256 of the file, BLAKE2b-512 of the signed bytes, the entry's "
        "SHA-256 and CRC-32 (in the helper's own thread: a package under 16 MiB gains nothing from more "
        "threads, the helpers already hash several packages at once); then the copy's structure read and judged "
        "from the copy, and the copy verified with those hashes if it has the structure they were taken for "
        "(else it is read again: a source changed while copied); strict JSON of manifest and certificate, "
        "certificate and signatures, scores recomputed; one fsync of the file. On the storing thread: the "
        "rename into place and the package's rows in its own savepoint, as prepared statements (executemany "
        "for answers and evidence, two audit entries sealed into the hash chain); per group of up to "
        f"{importer.GROUP} packages ready: one directory fsync, one commit and one chain head written. "
        f"{importer.HELPERS} helper threads copy, verify and fsync ahead of the storing thread, and remove "
        "the emptied temp folders.",
        "Where the time goes (a profile, not this run: `time.perf_counter` and thread CPU time around each "
        "step of one import of these 514 packages, 2026-12-05, best of 3 runs taking turns with the code "
        "before issue 17's fix (93be0a2), on this machine shared with other work). Before: 5.3 s wall, 8.1 s "
        "CPU; helpers (CPU): copy + the file's SHA-256 2.1 s, verification 3.3 s of which reading the copy "
        "again and hashing it 2.4 s (the other checks: structure, strict JSON, certificate, signatures, scores: 0.9 s), fsync 0.2 s "
        "(2.6 s of waiting, spread over the threads); the storing thread, busy 4.9 s of the 5.3 (2.3 s CPU): "
        "rows 1.2 s CPU (peewee building each statement's SQL text), the held-package and revision queries "
        "0.4 s, the chain head file written twice per package (once per audit entry, after the commit). After: "
        "4.1 s wall, 5.7 s CPU; helpers: the one pass 3.4 s CPU, verification 0.9 s (no second read); the "
        "storing thread busy 3.9 s of the 4.1 but 0.85 s CPU (rows 0.6 s): the rest of its time it waits, "
        "for the GIL the helpers hold between their hashing calls, for the commit and the directory fsync.",
    ]
    # What hashing every byte costs at this run's rates: SHA-256 twice (the file, each entry),
    # BLAKE2b-512 once (the signature's prehash), all in the copy's one pass; CRC-32 left out.
    hashing = 2 * baseline + blake2b
    section.notes.append(
        f"CPU: the import used {import_cpu:.1f} s of CPU on all its threads (best round) for "
        f"{elapsed:.1f} s of wall time on 2 cores; hashing every byte (SHA-256 twice, BLAKE2b-512 once at this "
        f"run's in-process rates: BLAKE2b-512 {mb / blake2b:.0f} MB/s) accounts for {hashing:.1f} s of it, the "
        f"rest, {1000 * max(import_cpu - hashing, 0) / len(files):.1f} ms per package, is reading and writing the "
        "bytes (system time: one read, one write, one fsync) and the per-package work (certificate and "
        "signatures, strict JSON, scores recomputed, rows in SQLite), much of it Python that holds the GIL.")
    if ratio < THROUGHPUT_TARGET:
        section.notes.append(
            f"Why the target is not met in this run: a bare durable copy reached {mb / durable_copy:.0f} MB/s "
            f"on this disk; the import, which also hashes every byte three ways, verifies and commits, reached "
            f"{100 * ratio:.0f}% of that: it is bound by CPU (above), not by the disk.")
    section.notes += [
        "The province side trusts all 38 province keys generated for the run (a national collector); "
        "a real province trusts only its own.",
        "Earlier figures against coreutils `sha256sum` (kept for reference only): import 0,69× (2026-11-23), "
        "0,61× after format 2; against the durable copy then 0,78×.",
        "Before issue 17's fix (93be0a2: every copy read again to be verified, rows through peewee's SQL "
        "building): import ÷ durable copy 0,44× (2026-12-05 03:19, a busy machine), 0,59× rerun at 06:19 "
        "(rounds 0,50×, 0,66×, 0,31×; durable copy 292 MB/s, import 174 MB/s).",
    ]
    return section
