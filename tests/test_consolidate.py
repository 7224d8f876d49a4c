"""The consolidated view: every kabupaten/kota row, missing ones, change, XLSX and CSV."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from models import consolidate as cons
from models.province_tables import EnrolledOffice, ReceivedPackage
from models.settings import PROVINCE_CODE
from models.tables import Assessment, utc_now

PROVINCE = "19"  # Kepulauan Bangka Belitung: 7 kabupaten/kota


def received(store, code, year, level_of, *, revision=1, serial="1", survey=None):
    """An assessment as the importer leaves it: final, answered, with its package record."""
    office = store.ensure_office(code)
    instrument = store.registry.default()
    assessment = Assessment.create(office=office, year=year, revision=revision, instrument_id=instrument.id,
                                   instrument_sha256=instrument.sha256, gates=instrument.default_gates(),
                                   status=Assessment.FINAL, survey=survey)
    for item in instrument.applicable_items(assessment.gates):
        level = level_of(item)
        if level is not None:
            assessment.answers.model.create(assessment=assessment, item_id=item.id, level=level)
    ReceivedPackage.create(sha256=f"{code}-{year}-{revision}".ljust(64, "0"), office_code=code, year=year,
                           revision=revision, assessment=assessment, certificate_serial=serial,
                           source_name=f"{code}.merit", size=1)
    return assessment


def enrol_row(serial, code, *, revoked=False, expired=False):
    now = utc_now()
    EnrolledOffice.create(serial=serial, office_code=code, office_name=code, public_key="k", key_fingerprint="f",
                          valid_from=(now - timedelta(days=400)).date(),
                          valid_until=(now - timedelta(days=1) if expired else now + timedelta(days=365)).date(),
                          certificate=b"c", revoked_at=now if revoked else None)


@pytest.fixture
def province_store(store):
    store.set_setting(PROVINCE_CODE, PROVINCE)
    enrol_row("1", "19.01")
    enrol_row("2", "19.02", revoked=True)
    enrol_row("3", "19.71", expired=True)
    received(store, "19.01", 2026, lambda item: 2)  # M = 0.5
    received(store, "19.01", 2026, lambda item: 4, revision=2)  # the newer revision wins: M = 1.0
    received(store, "19.01", 2025, lambda item: 1)  # M = 0.25
    received(store, "19.02", 2026, lambda item: 3 if item.aspect_id == "A1" else None, serial="2")
    received(store, "19.71", 2026, lambda item: 0, serial="3", survey=0.8)  # NISM = 0.25*0.8 = 0.2
    received(store, "11.01", 2026, lambda item: 4, serial="9")  # another province: not in this view
    return store


def test_every_kabkota_has_a_row_and_missing_ones_are_marked(province_store):
    result = cons.consolidate(province_store, 2026)
    assert [row.code for row in result.rows] == ["19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"]
    assert result.received_count == 3
    missing = [row for row in result.rows if not row.received]
    assert {row.code for row in missing} == {"19.03", "19.04", "19.05", "19.06"}
    assert all(row.index is None and row.completeness is None for row in missing)
    assert len(result.aspect_titles) == 8


def test_received_rows_hold_score_revision_certificate_and_change(province_store):
    rows = {row.code: row for row in cons.consolidate(province_store, 2026).rows}
    bangka = rows["19.01"]
    assert bangka.revision == 2 and bangka.index == 1.0 and bangka.headline_kind == "maturity"
    assert bangka.previous_index == 0.25 and bangka.previous_kind == "maturity" and bangka.change == 0.75
    assert bangka.aspects == (1.0,) * 8 and bangka.completeness == 1.0
    assert bangka.certificate_state == cons.CERT_VALID and bangka.band_label == "perkiraan: Tinggi"
    assert bangka.band_estimated and bangka.ranking_group == 1
    belitung = rows["19.02"]
    assert belitung.certificate_state == cons.CERT_REVOKED
    assert belitung.aspects[0] == 0.75 and belitung.aspects[1] == 0.0
    assert 0 < belitung.completeness < 1 and belitung.change is None
    pangkalpinang = rows["19.71"]
    assert pangkalpinang.headline_kind == "nism" and pangkalpinang.index == pytest.approx(0.2)
    assert pangkalpinang.certificate_state == cons.CERT_EXPIRED and pangkalpinang.band_label == "Dasar"


def test_national_view_covers_all_514(province_store):
    result = cons.consolidate(province_store, 2026, cons.ALL_PROVINCES)
    assert len(result.rows) == 514 and result.received_count == 4


def test_xlsx_reads_back_with_numbers_colours_and_frozen_header(province_store, tmp_path):
    from openpyxl import load_workbook

    result = cons.consolidate(province_store, 2026)
    target = cons.write_xlsx(result, tmp_path / "out" / "konsolidasi.xlsx")
    sheet = load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Kode", "Kabupaten/Kota", "Status", "Indeks"]
    assert sheet.freeze_panes == "A2"
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(values) == 7
    assert values["19.01"][3] == 1.0 and values["19.01"][header.index("Revisi")] == 2
    assert values["19.01"][header.index("Perubahan")] == 0.75
    assert values["19.03"][2] == "Belum mengirim" and values["19.03"][3] is None
    band_cell = sheet.cell(2, header.index("Predikat") + 1)
    assert band_cell.value == "perkiraan: Tinggi" and band_cell.fill.fgColor.rgb.endswith("27AE60")
    assert not list((tmp_path / "out").glob("*.partial"))


def test_csv_uses_semicolons_and_decimal_comma(province_store, tmp_path):
    result = cons.consolidate(province_store, 2026)
    target = cons.write_csv(result, tmp_path / "konsolidasi.csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][1] == "Kabupaten/Kota" and rows[8] == [] and rows[9] == ["Keterangan"]
    assert any(row[0] == "Sementara" for row in rows[10:])  # the legend of the "Sementara" column
    by_code = {row[0]: row for row in rows[1:8]}
    assert by_code["19.71"][3] == "0,2000" and by_code["19.03"][3] == ""


def test_failed_export_leaves_the_old_file(province_store, tmp_path, monkeypatch):
    target = tmp_path / "ekspor" / "konsolidasi.csv"
    target.parent.mkdir()
    target.write_text("lama", "utf-8")
    result = cons.consolidate(province_store, 2026)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    import models.files

    monkeypatch.setattr(models.files.os, "fsync", full_disk)
    with pytest.raises(OSError):
        cons.write_csv(result, target)
    assert target.read_text("utf-8") == "lama"
    assert [p.name for p in target.parent.iterdir()] == ["konsolidasi.csv"]


def test_without_province_setting_it_says_what_to_do(store):
    with pytest.raises(ValueError, match="province init"):
        cons.consolidate(store, 2026)


def test_a_row_whose_instrument_is_gone_shows_its_stored_scores(province_store):
    from models.instrument_delivery import TrustedRegistry
    from models.tables import AuditEntry

    first = cons.consolidate(province_store, 2026)
    bangka = next(row for row in first.rows if row.code == "19.01")
    for assessment in Assessment.select():  # as the importer records each package's verified scores
        AuditEntry.create(assessment=assessment, field="final_scores",
                          new_value=province_store.score(assessment).to_dict(), who="impor")
    province_store.registry = TrustedRegistry()  # no instrument at hand at all
    again = {row.code: row for row in cons.consolidate(province_store, 2026).rows}
    assert again["19.01"].index == bangka.index and again["19.01"].band_label == bangka.band_label
    assert again["19.01"].instrument.startswith("esm-2026 ")


def test_rejections_are_recorded_apart_and_read_back_per_office_and_year(tmp_path):
    from dataclasses import dataclass
    from pathlib import Path

    from models.rejections import latest_rejections, record_rejections, rejections_path

    @dataclass
    class Outcome:
        path: Path
        outcome: str
        reason: str | None
        office_code: str | None
        year: int | None
        revision: int | None

    written = record_rejections(tmp_path, [
        Outcome(Path("a.merit"), "rejected", "certificate_untrusted", "19.03", 2026, 1),
        Outcome(Path("b.merit"), "accepted", None, "19.01", 2026, 1),
        Outcome(Path("c.merit"), "rejected", "not_zip", None, None, None),  # names no office
        Outcome(Path("d.merit"), "rejected", "zip_corrupt", "19.03", 2026, 2),
    ])
    assert written == 2
    with open(rejections_path(tmp_path), "a", encoding="utf-8") as handle:
        handle.write('{"office_code": "19.0')  # a line torn by a power cut is skipped
    latest = latest_rejections(tmp_path, 2026)
    assert list(latest) == ["19.03"] and latest["19.03"].reason == "zip_corrupt"
    assert latest_rejections(tmp_path, 2025) == {}


def test_consolidation_stops_when_its_caller_cancels(province_store):
    """The GUI consolidates in a worker and stops it when the window closes (issue 17)."""
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1  # go on at the first look, stop at the second

    with pytest.raises(cons.ConsolidationCancelled):
        cons.consolidate(province_store, 2026, cancelled=cancelled)
    assert len(asked) == 2
    assert len(cons.consolidate(province_store, 2026, cancelled=lambda: False).rows) == 7
