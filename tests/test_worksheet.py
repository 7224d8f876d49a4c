"""The worksheet XLSX read back, and the evidence folder tree per item code."""

from __future__ import annotations

import hashlib

import pytest
from openpyxl import load_workbook

from models.demo import seed_demo
from models.worksheet import HEADER_ROW, export_evidence_tree, windows_safe_name, write_worksheet


@pytest.fixture
def demo(store):
    return store.assessment(seed_demo(store)["assessment_id"])


def test_every_item_is_in_the_worksheet_with_its_level(store, demo, tmp_path):
    path = write_worksheet(store, demo, tmp_path / "kertas-kerja.xlsx")
    sheet = load_workbook(path).active
    rows = {row[3]: row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if row[3]}
    instrument = store.instrument_of(demo)
    answers = store.answers(demo)
    applicable = {item.id for item in instrument.applicable_items(demo.gates)}
    for item in instrument.items:
        row = rows[item.code]  # the code the GUI shows ("1.1"), not the id
        if item.id in applicable:
            assert row[5] == answers[item.id].level
            assert row[6] == item.descriptor(answers[item.id].level)
            names = [e.original_name for e in store.evidence(demo, item.id)]
            assert all(name in (row[8] or "") for name in names)
        else:
            assert row[5] == "TB"
    subtotals = [row[1] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
                 if isinstance(row[1], str) and row[1].startswith("Subtotal aspek")]
    assert len(subtotals) == len(instrument.aspects)
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_evidence_tree_has_one_folder_per_item_code_and_the_same_bytes(store, demo, tmp_path):
    export = export_evidence_tree(store, demo, tmp_path / "bukti")
    rows = store.evidence(demo)
    assert export.files == len(rows)
    on_disk = sorted(p for p in (tmp_path / "bukti").rglob("*") if p.is_file())
    assert len(on_disk) == len(rows)
    codes = {item.id: item.code for item in store.instrument_of(demo).items}
    assert {p.parent.name for p in on_disk} == {codes[row.item_id] for row in rows}  # "1.1", as the GUI
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in on_disk}
    assert hashes == {row.sha256 for row in rows}
    assert all(p.name[:3] in {f"{n:02d}-" for n in range(1, 20)} for p in on_disk)


@pytest.mark.parametrize(("name", "expected"), [
    ('laporan: "final"?.pdf', "laporan_ _final_.pdf"),
    ("CON.txt", "_CON.txt"),
    ("com1", "_com1"),
    ("titik di akhir. ", "titik di akhir"),
    ("Évaluasi jabatan.pdf", "Évaluasi jabatan.pdf"),
    ("a/b\\c|d*e.docx", "a_b_c_d_e.docx"),
])
def test_windows_safe_names(name, expected):
    assert windows_safe_name(name) == expected


def test_long_names_keep_their_extension():
    name = windows_safe_name("x" * 300 + ".pdf")
    assert len(name) <= 100 and name.endswith(".pdf")
