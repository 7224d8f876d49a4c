"""``MeritLuring --self-test``: prove an installed (frozen) bundle works, headless.

Each step prints ``OK <step>``, ``DILEWATI <step>: <why>`` or ``GAGAL <step>: <reason>``.
The core steps form a chain (each needs the one before), so the chain stops at its first
failure; extra steps (the Qt check from ``ui/selftest_qt.py`` and the PDF report from
``documents/selftest.py``, passed in by ``main.py`` because this package never imports
Qt) always run, and may use what the chain left in the context. The exit code is
the code of the first failing step, so a log that only keeps the exit code still says
what broke:

====  ==============================  ===============================================
code  step                            what it proves
====  ==============================  ===============================================
0     (all)                           every step passed or was skipped on purpose
10    folder data sementara           a temp data dir can be created and fsynced
11    sumber daya                     bundled resources: region list, legacy scale
12    instrumen                       every shipped instrument loads and validates
13    basis data dan migrasi          the store opens and migrates to the newest schema
14    data contoh dan skor            the demo assessment is seeded and scored
15    paket: ekspor dan verifikasi    a signed package is exported and verifies
16    laporan PDF                     documents/selftest.py: the demo's report painted to PDF
                                      with the bundled font (after the Qt step; skipped when
                                      the chain broke before the demo assessment)
17    Qt                              ui/selftest_qt.py: platform plugins, images, widgets
====  ==============================  ===============================================

Nothing touches the user's data: everything happens in a temp dir removed at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models import __version__
from models.figures import band_text

EXIT_OK = 0
REPORT_FILE_NAME = "MeritLuring-self-test.txt"

Report = Callable[[str], None]


class Skipped(Exception):
    """Raised by a step that deliberately did nothing (a feature not in this build)."""


@dataclass
class Context:
    """What the chained steps hand on to each other."""

    workdir: Path | None = None
    data_dir: Path | None = None
    instrument: object = None
    store: object = None
    assessment: object = None
    extras: dict = field(default_factory=dict)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.workdir is not None:
            # SQLite may still hold a file on Windows for a moment; a stray temp dir is harmless.
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


@dataclass(frozen=True)
class Step:
    name: str
    code: int
    run: Callable[[Context], str | None]  # returns an optional detail for the OK line


# --- the core chain ----------------------------------------------------------------------

def _step_data_dir(ctx: Context) -> str:
    from models.files import fsync_dir

    ctx.workdir = Path(tempfile.mkdtemp(prefix="merit-selftest-"))
    ctx.data_dir = ctx.workdir / "data"
    ctx.data_dir.mkdir()
    probe = ctx.data_dir / "tulis.tmp"
    with open(probe, "wb") as handle:
        handle.write(b"merit")
        handle.flush()
        os.fsync(handle.fileno())
    probe.unlink()
    fsync_dir(ctx.data_dir)
    return str(ctx.data_dir)


def _step_resources(ctx: Context) -> str:
    from models import regions
    from models.demo import DEMO_OFFICE_CODE
    from models.paths import resources_root
    from models.store import legacy_scale

    root = resources_root()
    if not root.is_dir():
        raise FileNotFoundError(f"folder sumber daya tidak ada: {root}")
    count = len(regions.all_regions())
    regions.region(DEMO_OFFICE_CODE)
    legacy_scale().category_for(250.0)
    return f"{root}; {count} wilayah"


def _step_instrument(ctx: Context) -> str:
    from models.instrument import ARCHIVE_DIR, InstrumentRegistry
    from models.paths import resource_path

    # A fresh registry, not the cached one: every shipped file (archived releases too) is read
    # and validated now.
    registry = InstrumentRegistry([resource_path("instruments", ARCHIVE_DIR), resource_path("instruments")])
    ctx.instrument = registry.default()
    shipped = len(list(registry))
    return (f"{ctx.instrument.id} versi {ctx.instrument.version}, {len(ctx.instrument.items)} butir; "
            f"{shipped} instrumen, {len(registry.all_versions())} rilis")


def _step_store(ctx: Context) -> str:
    from models.db import schema_version
    from models.store import Store

    ctx.store = Store(ctx.data_dir)
    version = ctx.store.db.execute_sql("PRAGMA user_version").fetchone()[0]
    if version != schema_version():
        raise RuntimeError(f"skema {version} setelah migrasi, seharusnya {schema_version()}")
    return f"skema {version}"


def _step_demo_score(ctx: Context) -> str:
    from models.demo import seed_demo
    from models.formatting import decimal_id

    summary = seed_demo(ctx.store)
    ctx.assessment = ctx.store.assessment(summary["assessment_id"])
    result = ctx.store.score(ctx.assessment)
    if result.answered != result.applicable or result.applicable == 0:
        raise RuntimeError(f"terjawab {result.answered} dari {result.applicable} butir yang berlaku")
    low, high = result.index_range
    if not low <= result.index <= high:
        raise RuntimeError(f"indeks {result.index} di luar rentang {low}–{high}")
    return f"{summary['office']}: indeks {decimal_id(result.index, 2)} ({band_text(result)})"


def _step_package(ctx: Context) -> str:
    from models import keys
    from models.demo import DEMO_OFFICE_PASSPHRASE
    from models.package.verify import verify_package
    from models.package.write import default_file_name, export_package

    assessment = ctx.store.assessment(ctx.assessment.id)  # as seed_demo left it: finalized
    private_key = keys.load_private_key(keys.office_key_path(ctx.data_dir), DEMO_OFFICE_PASSPHRASE)
    certificate = keys.office_certificate_path(ctx.data_dir).read_bytes()
    out_dir = ctx.workdir / "paket"
    out_dir.mkdir()
    office = assessment.office
    package = export_package(ctx.store, assessment, out_dir / default_file_name(office.code, assessment.year,
                                                                                 assessment.revision),
                             private_key, certificate)
    trusted = keys.load_trusted_keys(ctx.data_dir)
    report = verify_package(package, trusted)
    if not report.ok:
        raise RuntimeError(f"paket yang baru diekspor ditolak: {report.reason}: {report.message}")
    # The verifier must also say no: a package with one byte changed is rejected.
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = out_dir / "diubah.zip"
    tampered.write_bytes(bytes(data))
    verdict = verify_package(tampered, trusted)
    if verdict.ok:
        raise RuntimeError("paket yang diubah satu bita tetap diterima")
    return f"{package.name}: {report.checked_files} berkas diperiksa; paket diubah ditolak ({verdict.reason})"


CORE_STEPS: tuple[Step, ...] = (
    Step("folder data sementara", 10, _step_data_dir),
    Step("sumber daya", 11, _step_resources),
    Step("instrumen", 12, _step_instrument),
    Step("basis data dan migrasi", 13, _step_store),
    Step("data contoh dan skor", 14, _step_demo_score),
    Step("paket: ekspor dan verifikasi", 15, _step_package),
)


# --- running -----------------------------------------------------------------------------

def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())


def _run_step(step: Step, ctx: Context, report: Report) -> bool:
    """Run one step and report it; False when it failed."""
    try:
        detail = step.run(ctx)
    except Skipped as exc:
        report(f"DILEWATI {step.name}: {exc}")
        return True
    except Exception as exc:  # noqa: BLE001 - any failure of a step is that step's verdict
        report(f"GAGAL {step.name}: {type(exc).__name__}: {_reason(exc)}")
        if os.environ.get("MERIT_LURING_SELFTEST_TRACE"):
            report(traceback.format_exc())
        return False
    report(f"OK {step.name}" + (f" ({detail})" if detail else ""))
    return True


def run_self_test(report: Report = print, extra_steps: Iterable[Step] = ()) -> int:
    """Run the core chain, then the independent ``extra_steps``; 0 or the first failing code."""
    frozen = "beku (PyInstaller)" if getattr(sys, "frozen", False) else "dari sumber"
    report(f"Uji mandiri Merit Luring {__version__} — {frozen}, Python {sys.version.split()[0]}, {sys.platform}")
    failed: Step | None = None
    ctx = Context()
    try:
        for step in CORE_STEPS:
            if not _run_step(step, ctx, report):
                failed = step
                break
        for step in extra_steps:
            if not _run_step(step, ctx, report) and failed is None:
                failed = step
    finally:
        ctx.close()
    if failed is None:
        report("Uji mandiri berhasil.")
        return EXIT_OK
    report(f"Uji mandiri GAGAL pada langkah '{failed.name}' (kode {failed.code}).")
    return failed.code


def console_report() -> Report:
    """Where the report goes: stdout. A windowed Windows build has no stdout, so there it
    goes to the console of the command that started it (if any) and always to
    ``%TEMP%\\MeritLuring-self-test.txt``, which a caller that only sees the exit code can read."""
    if sys.stdout is not None:
        def to_stdout(line: str) -> None:
            print(line, flush=True)

        return to_stdout
    streams = [open(Path(tempfile.gettempdir()) / REPORT_FILE_NAME, "w", encoding="utf-8")]  # noqa: SIM115
    if sys.platform == "win32":
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            streams.append(open("CONOUT$", "w", encoding="utf-8", errors="replace"))  # noqa: SIM115

    def to_streams(line: str) -> None:
        for stream in streams:  # they live as long as the process
            stream.write(line + "\n")
            stream.flush()

    return to_streams
