"""The desktop bundle: its size, and its start time against starting from source.

* Size: every file of ``dist/MeritLuring/`` (symlinks counted as links), in MB of 10^6
  bytes. Target ≤ 150 MB on Linux.
* Start to first window, offscreen: ``MERIT_LURING_EXIT_AFTER_START=1`` makes the GUI quit
  once the main window has painted its first frame and the start-up checks that follow it
  (history, backup) have run, so a process's wall time is its start. Both
  programs open the same data dir, seeded with the demo office so no setup wizard waits.
  Baseline: ``python main.py`` from source in the same run, same machine, same data.
  - *cold*: before each run the page cache of every file the program loads from its own
    tree is dropped (``posix_fadvise(DONTNEED)``: the bundle folder for the frozen start;
    the Python installation, the venv and the source tree for the baseline). Best effort:
    pages another process has mapped stay cached, which favours the baseline.
  - *warm*: the same runs with the files left in the page cache.
  Runs alternate frozen/source; the median of each is compared. Target: frozen cold start
  ≤ 1,3 × the source cold start.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.run import ROOT, Row, Section
from models.formatting import decimal_id

BUNDLE_DIR = ROOT / "dist" / "MeritLuring"
EXECUTABLE = BUNDLE_DIR / ("MeritLuring.exe" if sys.platform == "win32" else "MeritLuring")
SIZE_TARGET_MB = 150.0
START_RATIO_TARGET = 1.3
RUNS = 5
SOURCES = ("main.py", "build.spec", "models", "cli", "ui", "resources")


def _files(root: Path):
    for directory, _, names in os.walk(root):
        for name in names:
            yield Path(directory) / name


def _newest_source_mtime() -> float:
    stamps = []
    for name in SOURCES:
        path = ROOT / name
        stamps += [p.stat().st_mtime for p in (_files(path) if path.is_dir() else [path]) if "__pycache__" not in p.parts]
    return max(stamps)


def ensure_bundle(notes: list[str]) -> bool:
    """Build the bundle with ``make dist`` when it is missing or older than the sources."""
    if EXECUTABLE.is_file() and EXECUTABLE.stat().st_mtime >= _newest_source_mtime():
        return True
    why = "missing" if not EXECUTABLE.is_file() else "older than the sources"
    print(f"bundle {why}: running make dist", flush=True)
    started = time.perf_counter()
    result = subprocess.run(["make", "dist"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0 or not EXECUTABLE.is_file():
        notes.append(f"`make dist` failed (exit {result.returncode}); nothing measured. "
                     f"Last output: {(result.stdout + result.stderr).strip()[-400:]}")
        return False
    notes.append(f"The bundle was {why} and was rebuilt by `make dist` in {decimal_id(time.perf_counter() - started, 0)} s.")
    return True


def bundle_size(notes: list[str]) -> int:
    sizes = [(path.lstat().st_size, path) for path in _files(BUNDLE_DIR)]
    total = sum(size for size, _ in sizes)
    biggest = sorted(sizes, reverse=True)[:5]
    notes.append("Largest files: " + ", ".join(
        f"`{path.relative_to(BUNDLE_DIR).as_posix()}` {decimal_id(size / 1e6, 1)} MB" for size, path in biggest))
    return total


def _evict(trees: list[Path]) -> None:
    if not hasattr(os, "posix_fadvise"):
        return
    for tree in trees:
        for path in _files(tree):
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {result.returncode}: {result.stderr.strip()[-400:]}")
    return elapsed


def start_times(workdir: Path) -> dict[str, list[float]]:
    data_dir = workdir / "data"
    subprocess.run([sys.executable, "main.py", "demo", "--data-dir", str(data_dir)], cwd=ROOT, check=True,
                   capture_output=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MERIT_LURING_EXIT_AFTER_START": "1",
           "MERIT_LURING_HOME": str(data_dir), "XDG_CONFIG_HOME": str(workdir / "config"),
           "APPDATA": str(workdir / "appdata")}
    frozen = ([str(EXECUTABLE)], [BUNDLE_DIR])
    source = ([sys.executable, "main.py"],
              [Path(sys.base_prefix), Path(sys.prefix), ROOT / "models", ROOT / "ui", ROOT / "resources"])
    times: dict[str, list[float]] = {"frozen cold": [], "source cold": [], "frozen warm": [], "source warm": []}
    for command, _ in (frozen, source):  # one untimed start each: .pyc files, fontconfig cache
        _timed(command, env)
    for _ in range(RUNS):
        for label, (command, trees) in (("frozen", frozen), ("source", source)):
            _evict(trees)
            times[f"{label} cold"].append(_timed(command, env))
            times[f"{label} warm"].append(_timed(command, env))
    return times


def run(workdir: Path) -> Section:
    section = Section("Desktop bundle: size and start to first window")
    if not ensure_bundle(section.notes):
        section.rows.append(Row("bundle", "not built", f"≤ {decimal_id(SIZE_TARGET_MB, 0)} MB", False))
        return section
    size_mb = bundle_size(section.notes) / 1e6
    linux = sys.platform.startswith("linux")
    section.rows.append(Row(f"bundle size ({sys.platform})", f"{decimal_id(size_mb, 1)} MB",
                            f"≤ {decimal_id(SIZE_TARGET_MB, 0)} MB on Linux", size_mb <= SIZE_TARGET_MB if linux else None))
    times = start_times(workdir)
    median = {label: statistics.median(values) for label, values in times.items()}
    for kind in ("cold", "warm"):
        ratio = median[f"frozen {kind}"] / median[f"source {kind}"]
        target = f"≤ {decimal_id(START_RATIO_TARGET, 1)}×" if kind == "cold" else ""
        section.rows.append(Row(
            f"start, {kind}: frozen ÷ source (median of {RUNS})", f"{decimal_id(ratio, 2)}×", target,
            ratio <= START_RATIO_TARGET if kind == "cold" else None))
    section.notes.append("Medians, seconds: " + ", ".join(
        f"{label} {decimal_id(value, 3)}" for label, value in median.items()) + ".")
    section.notes.append(f"Measured {time.strftime('%Y-%m-%d %H:%M')} (rerun alone: `bench.run bundle`, which runs "
                         "`make dist` first when the bundle is older than the sources).")
    section.notes.append("Start = process wall time with MERIT_LURING_EXIT_AFTER_START=1 (quits once the main "
                         "window has painted its first frame and the start-up checks after it ran), offscreen, "
                         "demo data dir.")
    return section
