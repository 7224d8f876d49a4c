"""The consolidated table's cells: every display text, sort order, colour and tip stays what
it was when the texts became precomputed (issue 17: ``data()`` is a lookup)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from models import consolidate as cons
from ui.province import consolidated_view as cv

RECEIVED_AT = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


def _rows() -> list[cons.ConsolidatedRow]:
    """One row per branch of the texts: NISM, maturity provisional, rejected, conflict,
    missing, a missing aspect, changes up/down/none, verification and review."""
    common = {"status": cons.RECEIVED, "band_code": "tinggi", "band_label": "Tinggi", "band_color": "#2ecc71",
              "answered": 30, "applicable": 40, "revision": 2, "received_at": RECEIVED_AT,
              "certificate_state": cons.CERT_VALID, "instrument": "nism 2026.1"}
    return [
        cons.ConsolidatedRow("19.01", "Kabupaten Bangka", index=0.8123, aspects=(0.5, None, 1234.5),
                             previous_index=0.7, headline_kind="nism", previous_kind="nism",
                             verified_index=0.7001, reviewed=12, **common),
        cons.ConsolidatedRow("19.02", "Kabupaten Belitung", index=0.75, aspects=(0.25, 0.5, 0.75),
                             headline_kind="maturity", provisional=True, previous_index=0.9,
                             previous_kind="maturity", **{**common, "certificate_state": cons.CERT_REVOKED}),
        cons.ConsolidatedRow("19.03", "Kabupaten Bangka Barat", cons.REJECTED, rejection_reason="signature"),
        cons.ConsolidatedRow("19.04", "Kabupaten Bangka Tengah", index=0.5, aspects=(0.1, 0.2, 0.3),
                             headline_kind="nism", previous_index=0.6, previous_kind="nism", conflicts=1,
                             **{**common, "certificate_state": cons.CERT_UNKNOWN, "answered": 0, "applicable": 0}),
        cons.ConsolidatedRow("19.05", "Kabupaten Bangka Selatan", cons.MISSING),
        cons.ConsolidatedRow("19.71", "Kota Pangkal Pinang", index=0.9, aspects=(1.0, 1.0, 1.0),
                             headline_kind="nism", previous_kind="maturity", previous_index=0.5,
                             verified_index=0.95, reviewed=40,
                             **{**common, "certificate_state": cons.CERT_EXPIRED, "revision": 1}),
    ]


def _model() -> cv.ConsolidatedTableModel:
    consolidation = cons.Consolidation(2026, "19", "Kepulauan Bangka Belitung", ("A1", "A2", "A3"),
                                       ("Satu", "Dua", "Tiga"), _rows())
    return cv.ConsolidatedTableModel(consolidation)


EXPECTED = {
    "19.01": ["19.01", "Kabupaten Bangka", "Diterima", "0,81", "Tinggi", "0,50", "t/b", "1.234,50", "75%", "2",
              "4 Maret 2026 {time}", "berlaku", "+0,11", "0,700", "-0,112", "12/40"],
    "19.02": ["19.02", "Kabupaten Belitung", "Diterima", "0,75 M*", "Tinggi", "0,25", "0,50", "0,75", "75%", "2",
              "4 Maret 2026 {time}", "dicabut", "-0,15", "–", "–", "0/40"],
    "19.03": ["19.03", "Kabupaten Bangka Barat", "Ditolak"] + [""] * 13,
    "19.04": ["19.04", "Kabupaten Bangka Tengah", "Diterima — konflik", "0,50", "Tinggi", "0,10", "0,20", "0,30",
              "100%", "2", "4 Maret 2026 {time}", "tidak terdaftar", "-0,10", "–", "–", "0/0"],
    "19.05": ["19.05", "Kabupaten Bangka Selatan", "Belum mengirim"] + [""] * 13,
    "19.71": ["19.71", "Kota Pangkal Pinang", "Diterima", "0,90", "Tinggi", "1,00", "1,00", "1,00", "75%", "1",
              "4 Maret 2026 {time}", "kedaluwarsa", "–", "0,950", "0,050", "40/40"],
}


def _texts(model: cv.ConsolidatedTableModel) -> dict[str, list[str]]:
    return {model.index(row, 0).data(): [model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())}


def test_every_cell_text_is_what_it_was(qapp):
    model = _model()
    local = RECEIVED_AT.astimezone()
    expected = {code: [text.replace("{time}", f"{local:%H.%M}") for text in texts] for code, texts in EXPECTED.items()}
    if local.day != 4:  # a far time zone: the date moves too
        expected = {code: [text.replace("4 Maret 2026", f"{local.day} Maret 2026") for text in texts]
                    for code, texts in expected.items()}
    assert model.columnCount() == 16
    assert _texts(model) == expected
    assert model.index(0, 0).data(cv.ROW_ROLE).code == "19.01"


def test_cell_looks_and_tips_are_what_they_were(qapp):
    model = _model()
    row = {model.index(r, 0).data(): r for r in range(model.rowCount())}

    def cell(code, column, role):
        return model.index(row[code], column).data(role)

    background, foreground = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
    gap, certificate = 14, 11
    assert cell("19.01", cv.COL_BAND, background).color().name() == "#2ecc71"
    assert cell("19.01", gap, background).color().name() == cv.GAP_HIGHLIGHT  # the one drop
    assert cell("19.71", gap, background) is None
    assert cell("19.03", cv.COL_STATUS, foreground).color().name() == "#c0392b"
    assert cell("19.05", cv.COL_NAME, foreground).color().name() == "#808080"
    assert cell("19.02", certificate, foreground).color().name() == "#c0392b"
    assert cell("19.04", cv.COL_STATUS, foreground).color().name() == "#8e44ad"
    assert cell("19.01", cv.COL_NAME, foreground) is None
    assert cell("19.01", cv.COL_INDEX, Qt.ItemDataRole.FontRole).bold()
    assert cell("19.05", cv.COL_INDEX, Qt.ItemDataRole.FontRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell("19.01", cv.COL_INDEX, Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell("19.01", cv.COL_BAND, Qt.ItemDataRole.TextAlignmentRole) is None
    assert cell("19.01", cv.COL_NAME, Qt.ItemDataRole.TextAlignmentRole) is None
    assert "ditolak" in cell("19.03", cv.COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "berkas lain" in cell("19.04", cv.COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert cell("19.02", cv.COL_INDEX, Qt.ItemDataRole.ToolTipRole).startswith("M = maturitas")
    assert "Sementara" in cell("19.02", cv.COL_BAND, Qt.ItemDataRole.ToolTipRole)
    assert cell("19.01", cv.COL_INDEX, Qt.ItemDataRole.ToolTipRole) == "Instrumen: nism 2026.1"
    assert cell("19.05", cv.COL_INDEX, Qt.ItemDataRole.ToolTipRole) is None


def test_sorting_orders_numbers_and_puts_missing_rows_last(qapp):
    model = _model()

    def codes():
        return [model.index(row, 0).data() for row in range(model.rowCount())]

    model.sort(cv.COL_INDEX, Qt.SortOrder.DescendingOrder)  # maturity rows apart, below NISM
    assert codes()[:4] == ["19.71", "19.01", "19.04", "19.02"] and set(codes()[4:]) == {"19.03", "19.05"}
    model.sort(cv.FIRST_ASPECT + 1, Qt.SortOrder.AscendingOrder)  # a missing aspect sorts as missing
    assert set(codes()[:3]) == {"19.03", "19.05", "19.01"} and codes()[3:] == ["19.04", "19.02", "19.71"]
    model.sort(cv.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert codes() == ["19.01", "19.03", "19.05", "19.04", "19.02", "19.71"]
    model.sort(14, Qt.SortOrder.AscendingOrder)  # the gap: the largest drop first
    assert codes()[-2:] == ["19.01", "19.71"]  # rows without a verification sort as missing
    assert model.index(0, cv.COL_INDEX).data(cv.SORT_ROLE) == cv.MISSING_SORT
