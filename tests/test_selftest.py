"""``main.py --self-test``: the check the frozen bundle runs in CI, run here from source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from models import instrument as instrument_module
from models import regions
from models.selftest import CORE_STEPS, run_self_test
from tests.conftest import REPO
from ui.selftest_qt import QT_STEP


def _clear_region_caches() -> None:
    regions.all_regions.cache_clear()
    regions._by_code.cache_clear()  # noqa: SLF001 - the list is cached per process


def test_self_test_passes_from_source_and_reports_every_step(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MERIT_LURING_HOME": str(tmp_path / "user-data")}
    result = subprocess.run([sys.executable, "main.py", "--self-test"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    expected = [
        "OK folder data sementara", "OK sumber daya", "OK instrumen", "OK basis data dan migrasi",
        "OK data contoh dan skor", "OK paket: ekspor dan verifikasi",
        "OK Qt", "OK laporan PDF",
    ]
    step_lines = [line for line in lines if line.startswith(("OK ", "DILEWATI ", "GAGAL "))]
    assert len(step_lines) == len(expected)
    for line, start in zip(step_lines, expected, strict=True):
        assert line.startswith(start), line
    assert "paket diubah ditolak" in step_lines[5]
    assert lines[-1] == "Uji mandiri berhasil."
    # It works in a temp dir of its own: the user's data dir is never created.
    assert not (tmp_path / "user-data").exists()


@pytest.fixture
def fake_bundle(tmp_path, monkeypatch):
    """A copy of resources/ where a PyInstaller bundle keeps it, found through sys._MEIPASS."""
    bundle = tmp_path / "_internal"
    shutil.copytree(REPO / "resources", bundle / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(instrument_module, "_shipped", None)
    _clear_region_caches()
    yield bundle / "resources"
    _clear_region_caches()


def _replace(path, data: bytes) -> None:
    path.unlink()  # the shipped files are read-only
    path.write_bytes(data)


def test_intact_fake_bundle_passes_the_core_steps(fake_bundle):
    lines: list[str] = []
    assert run_self_test(report=lines.append) == 0
    assert any(line.startswith("OK sumber daya") and str(fake_bundle) in line for line in lines)


@pytest.mark.parametrize(
    ("damage", "step", "code", "reason"),
    [
        ("regions", "sumber daya", 11, "wilayah-kepmendagri-2025.tsv"),
        ("instrument", "instrumen", 12, "esm-2026.json: bukan JSON yang sah"),
        ("weights", "instrumen", 12, "jumlah bobot aspek harus 1"),
    ],
)
def test_a_damaged_bundle_fails_with_the_code_of_the_step(fake_bundle, damage, step, code, reason):
    instrument_file = fake_bundle / "instruments" / "esm-2026.json"
    if damage == "regions":
        (fake_bundle / "regions" / "wilayah-kepmendagri-2025.tsv").unlink()
    elif damage == "instrument":
        _replace(instrument_file, instrument_file.read_bytes()[:500])
    else:
        text = instrument_file.read_text("utf-8").replace('"weight": 0.1', '"weight": 0.2', 1)
        _replace(instrument_file, text.encode("utf-8"))

    lines: list[str] = []
    returned = run_self_test(report=lines.append, extra_steps=[QT_STEP])

    assert returned == code
    failures = [line for line in lines if line.startswith("GAGAL ")]
    assert len(failures) == 1
    assert failures[0].startswith(f"GAGAL {step}: ") and reason in failures[0]
    # The core chain stops at its failure; the independent Qt step still runs.
    later = [s.name for s in CORE_STEPS if s.code > code]
    assert not any(line.split(" ", 1)[1].startswith(name) for line in lines for name in later
                   if line.startswith(("OK ", "DILEWATI ")))
    assert any(line.startswith("OK Qt") for line in lines)
    assert lines[-1] == f"Uji mandiri GAGAL pada langkah '{step}' (kode {code})."


def test_without_stdout_the_report_goes_to_a_file_in_temp(tmp_path, monkeypatch):
    # A windowed Windows build has sys.stdout = None; the report must still be readable.
    import tempfile

    from models.selftest import REPORT_FILE_NAME, console_report

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    report = console_report()
    report("OK sumber daya")
    report("Uji mandiri berhasil.")
    assert (tmp_path / REPORT_FILE_NAME).read_text("utf-8") == "OK sumber daya\nUji mandiri berhasil.\n"
