"""The report verbs end to end in subprocesses (the CLI makes its own offscreen Qt)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.conftest import REPO


def run_main(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, str(REPO / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=REPO, timeout=120, env=env)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo") / "data"
    result = run_main("demo", "--data-dir", directory)
    assert result.returncode == 0, result.stderr
    return directory


def test_report_verb_writes_the_pdf_without_a_display(demo_dir, tmp_path):
    target = tmp_path / "laporan.pdf"
    result = run_main("report", "--year", 2026, "--pdf", target, "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF") and "perkiraan predikat" in result.stdout
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
        assert "8.2 Sistem" in " ".join(text.split()) or "8.2 " in text
        assert "A8.2 —" not in text  # the code the GUI shows, not the id


def test_worksheet_verb_with_evidence_folder(demo_dir, tmp_path):
    result = run_main("worksheet", "--year", 2026, "--xlsx", tmp_path / "kk.xlsx", "--evidence-dir",
                      tmp_path / "bukti", "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    codes = {row[3] for row in load_workbook(tmp_path / "kk.xlsx").active.iter_rows(values_only=True)}
    assert {"1.1", "8.2"} <= codes and "A1.1" not in codes
    assert (tmp_path / "bukti" / "1.1").is_dir()


def test_plan_verb_json_and_exit_codes(demo_dir):
    result = run_main("plan", "--year", 2026, "--target", "Tinggi", "--avoid", "A7.1", "--json",
                      "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["status"] == "reached" and plan["headline_kind"] == "maturity"
    assert "A7.1" not in {step["item_id"] for step in plan["steps"]} and plan["raises"] == len(plan["steps"])
    by_code = run_main("plan", "--year", 2026, "--target", "Tinggi", "--avoid", "7.1", "--json",
                       "--data-dir", demo_dir)  # the code the GUI shows is accepted too
    assert by_code.returncode == 0 and json.loads(by_code.stdout)["steps"] == plan["steps"]
    assert run_main("plan", "--year", 2026, "--target", "Maju", "--data-dir", demo_dir).returncode == 1
    bad = run_main("plan", "--year", 2026, "--target", "Istimewa", "--data-dir", demo_dir)
    assert bad.returncode == 2 and "Istimewa" in bad.stderr


def test_new_year_then_reviewed(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tahun") / "data"
    assert run_main("demo", "--data-dir", directory).returncode == 0
    created = run_main("new-year", "--from", 2026, "--json", "--data-dir", directory)
    assert created.returncode == 0, created.stderr
    data = json.loads(created.stdout)
    assert data["year"] == 2027 and data["answers"] == 30 and data["evidence"] > 0
    done = run_main("reviewed", "--year", 2027, "--all", "--data-dir", directory)
    assert done.returncode == 0 and "0 belum" in done.stdout


def test_berita_acara_verb_refuses_a_non_package(tmp_path):
    bogus = tmp_path / "x.merit"
    bogus.write_bytes(b"x")
    result = run_main("berita-acara", bogus, "--pdf", tmp_path / "ba.pdf")
    assert result.returncode == 2 and "bukan paket" in result.stderr
