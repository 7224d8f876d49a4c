"""The PDF report: pages, the words on them (pdftotext), and that they are really drawn."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from documents.report_pdf import write_report_pdf
from models.formatting import decimal_id
from models.lifecycle import reopen
from models.report_data import ESTIMATE_WORDING, build_report
from tests.documents.conftest import pdf_pages, pdf_text


def test_report_of_the_demo_names_index_estimate_and_every_applicable_item(store, demo, tmp_path):
    report = build_report(store, demo)
    target = write_report_pdf(report, tmp_path / "laporan.pdf")
    text = pdf_text(target)
    flat = " ".join(text.split())
    result = store.score(demo)
    assert result.headline_kind == "maturity"
    assert decimal_id(result.index, 2) in text
    assert ESTIMATE_WORDING in flat.lower()
    assert "Predikat:" not in text  # without S the band is an estimate, never the predikat
    assert "SEMENTARA" in text
    instrument = store.instrument_of(demo)
    for item in instrument.applicable_items(demo.gates):  # named as the GUI names them: "1.1 <judul>"
        assert f"{item.code} {item.title[:15]}" in flat, item.heading
    assert "A1.1 —" not in text  # the id is for programs (the demo's file names keep theirs)
    evidence = store.evidence(demo)[0]
    assert evidence.sha256[:12] in text and evidence.original_name[:20] in text
    assert "Ringkasan jejak audit" in text and "Pengesahan" in text
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)  # no ligatures: words copy as typed
    assert "Halaman 1 dari" in text


def test_page_count_is_the_one_reported_and_pages_are_drawn(store, demo, tmp_path):
    from documents.pages import pdf_bytes
    from documents.report_pdf import render_report

    report = build_report(store, demo)
    pages = []
    data = pdf_bytes(lambda writer: pages.append(render_report(writer, report)))
    target = tmp_path / "laporan.pdf"
    target.write_bytes(data)
    assert pdf_pages(target) == pages[0] >= 4
    assert f"Halaman {pages[0]} dari {pages[0]}" in pdf_text(target)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "2", "-l", "2", str(target), str(tmp_path / "p")],
                       check=True)
        from PySide6.QtGui import QImage

        image = QImage(str(next(tmp_path.glob("p-*.png"))))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
        assert len(colours) > 20  # bars, radar and history in colour, not a blank page


def test_with_the_survey_the_headline_is_nism_with_its_predikat(store, demo, tmp_path):
    draft = reopen(store, demo, "penguji")
    store.set_survey_and_correction(draft, 0.9, 0.0, who="penguji")
    report = build_report(store, draft)
    text = pdf_text(write_report_pdf(report, tmp_path / "nism.pdf"))
    result = store.score(draft)
    assert result.headline_kind == "nism"
    assert f"Predikat: {result.band.label}" in text
    assert decimal_id(result.index, 2) in text
    assert ESTIMATE_WORDING not in " ".join(text.split()).lower()


def test_report_shows_change_from_last_year(store, office, tmp_path):
    instrument = store.registry.default()
    first = store.create_assessment(office, 2025)
    second = store.create_assessment(office, 2026)
    item = instrument.items[0]
    store.set_answer(first, item.id, level=1, justification="x")
    store.set_answer(second, item.id, level=3, justification="y")
    report = build_report(store, second)
    line = next(line for line in report.items if line.id == item.id)
    assert line.change == "+2"
    text = pdf_text(write_report_pdf(report, tmp_path / "yoy.pdf"))
    assert "Perubahan dari 2025" in text and "+2" in text


@pytest.mark.parametrize("survey", [None, 0.5])
def test_headline_statement_never_calls_an_estimate_a_predikat(store, demo, survey):
    from models.report_data import headline_statement

    result = store.score(demo)
    instrument = store.instrument_of(demo)
    if survey is not None:
        from models.scoring import score_recorded

        result = score_recorded(instrument, demo.gates, store.recorded_levels(demo), survey=survey)
    statement = headline_statement(result, instrument)
    if survey is None:
        assert statement.predikat is None and statement.estimate and ESTIMATE_WORDING in statement.line
    else:
        assert statement.predikat == result.band.label and statement.estimate is None


def test_legacy_scale_headline_speaks_of_kategori(legacy_instrument):
    from models.report_data import headline_statement
    from models.scoring import score

    levels = {item.id: 3 for item in legacy_instrument.items}
    result = score(legacy_instrument, {}, levels)
    statement = headline_statement(result, legacy_instrument)
    assert statement.line.endswith(f"kategori {result.band.display}")
    assert statement.estimate is None


def test_without_s_the_next_band_is_an_estimate_too_and_k_waits(store, demo, tmp_path):
    """'Kurang 0,17 menuju Tinggi' is never printed as if a predikat applied without S."""
    from models.report_data import headline_statement

    result = store.score(demo)
    instrument = store.instrument_of(demo)
    statement = headline_statement(result, instrument)
    assert result.band is None and statement.predikat is None
    assert statement.color == result.band_estimate.color
    assert result.next_band is not None  # the demo sits below the top band
    assert f"menuju perkiraan {result.next_band.label}" in statement.next_step
    text = " ".join(pdf_text(write_report_pdf(build_report(store, demo), tmp_path / "r.pdf")).split())
    assert f"menuju perkiraan {result.next_band.label}" in text
    assert f"menuju {result.next_band.label} (" not in text


def test_k_waiting_and_a_negative_nism_are_said_in_the_headline(store, demo):
    from models.report_data import headline_statement
    from models.scoring import score_recorded

    instrument = store.instrument_of(demo)
    levels = store.recorded_levels(demo)
    waiting = score_recorded(instrument, demo.gates, levels, correction=0.05)
    assert "menunggu nilai survei S" in headline_statement(waiting, instrument).detail
    negative = score_recorded(instrument, {}, {}, survey=0.0, correction=0.5)
    statement = headline_statement(negative, instrument)
    assert negative.nism_negative and statement.flag and "NISM negatif" in statement.line
