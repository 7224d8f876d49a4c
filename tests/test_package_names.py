"""The name rules shared by writer and reader (models/package/names.py)."""

from __future__ import annotations

import pytest

from models.package.names import (
    display_name_problem,
    entry_name_problem,
    evidence_entry_name,
    fold,
    viewer_file_name,
)


@pytest.mark.parametrize("name", [
    "evidence/A1.1/CON", "evidence/A1.1/con.pdf", "evidence/A1.1/aux.txt", "evidence/NUL/001-a.pdf",
    "evidence/A1.1/COM1", "evidence/A1.1/lpt9.log", "evidence/A1.1/a.pdf.", "evidence/A1.1/a.pdf ",
    "evidence/A1.1/a\x01.pdf", "evidence/A1.1/rapor\u202efdp.exe", "evidence/A1.1/é.pdf", "evidence/A1.1/",
    "evidence/A1.1/a/b.pdf", "evidence/A1.1/.hidden", "evidence/A1.1/" + "a" * 129, "manifest.json",
])
def test_names_that_mean_different_files_on_some_os_are_refused(name):
    assert entry_name_problem(name) is not None


def test_ordinary_entry_names_pass():
    assert entry_name_problem("evidence/A1.1/001-SK_Anjab_2026.pdf") is None
    assert entry_name_problem("evidence/B2.10/012-console.pdf") is None  # "console" is not CON


@pytest.mark.parametrize("original", [
    "SK Anjab 2026.pdf", "CON", "aux.txt", "nul.tar.gz", "laporan.pdf.", "rapor\u202efdp.exe", "..", "",
    "Ångström résumé.pdf", "a" * 400 + ".pdf", "x/../../etc/passwd", "COM1.pdf",
])
def test_the_writer_only_makes_valid_names(original):
    name = evidence_entry_name("A1.1", 7, original)
    assert entry_name_problem(name) is None, name
    assert name.startswith("evidence/A1.1/007-")


def test_case_and_normalisation_folding():
    assert fold("evidence/A1.1/Sama.PDF") == fold("evidence/A1.1/sama.pdf")
    assert fold("caf\u00e9") == fold("cafe\u0301")


@pytest.mark.parametrize("text, problem", [
    ("SK Anjab 2026.pdf", None), ("Ångström résumé.pdf", None), ("rapor.pdf.bat", None),
    ("rapor\u202efdp.exe", "kendali"), ("a\x00b.pdf", "kendali"), ("baris\nbaru.pdf", "kendali"),
    ("r" * 256, "panjang"), ("", "kosong"), ("..\\..\\x.pdf", "pemisah"), (5, "kosong"),
])
def test_display_names_are_checked_as_text(text, problem):
    found = display_name_problem(text)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize("original, opened", [
    ("Surat Keputusan.pdf", "Surat Keputusan.pdf"),
    ("rapor.pdf.bat", "rapor.pdf.bat.bukti"),
    ("pintasan.lnk", "pintasan.lnk.bukti"),
    ("rapor\u202efdp.exe", "raporfdp.exe.bukti"),
    ("CON.pdf", "_CON.pdf"),
    ("laporan.pdf.", "laporan.pdf"),
    ("a:b?.xlsx", "a_b_.xlsx"),
])
def test_the_system_opener_never_gets_a_program(original, opened):
    assert viewer_file_name(original) == opened
