"""Editing past official results on the legacy KASN 100-400 scale (setup wizard, settings).

A small table (year, nilai, category shown live); ``problem()`` names the first bad row in
Bahasa Indonesia, ``results()`` returns the clean rows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.formatting import decimal_id
from models.store import legacy_scale

FIRST_LEGACY_YEAR = 2015
YEAR_COLUMN, NILAI_COLUMN, CATEGORY_COLUMN = range(3)


def parse_decimal(text: str) -> float | None:
    """``"265,5"`` or ``"265.5"`` -> 265.5; anything else -> None."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")  # Indonesian: dot groups, comma decimals
    try:
        return float(cleaned)
    except ValueError:
        return None


class LegacyResultsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scale = legacy_scale()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Tahun"), self.tr("Nilai (100–400)"), self.tr("Kategori")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(YEAR_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NILAI_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CATEGORY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Tambah tahun"), self)
        self.remove_button = QPushButton(self.tr("Hapus baris"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)

    # --- public ------------------------------------------------------------------------

    def set_results(self, rows) -> None:
        """``rows``: iterable of (year, nilai)."""
        self.table.setRowCount(0)
        for year, nilai in rows:
            self.add_row(year, nilai)

    def add_row(self, year: int | None = None, nilai: float | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, YEAR_COLUMN, QTableWidgetItem("" if year is None else str(year)))
        self.table.setItem(row, NILAI_COLUMN, QTableWidgetItem("" if nilai is None else self._scale.nilai_text(nilai)))
        category = QTableWidgetItem("")
        category.setFlags(category.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, CATEGORY_COLUMN, category)
        self._update_category(row)
        return row

    def problem(self) -> str | None:
        """The first invalid row, described for the user; None when all rows are fine."""
        low, high = self._scale.range
        last_year = date.today().year
        seen: dict[int, int] = {}
        for row in range(self.table.rowCount()):
            year_text, nilai_text = self._texts(row)
            if not year_text and not nilai_text:
                continue
            label = self.tr("Baris {row}").format(row=row + 1)
            if not year_text.isdigit() or not FIRST_LEGACY_YEAR <= int(year_text) <= last_year:
                return self.tr("{row}: tahun harus antara {first} dan {last}.").format(
                    row=label, first=FIRST_LEGACY_YEAR, last=last_year)
            year = int(year_text)
            if year in seen:
                return self.tr("{row}: tahun {year} sudah ada di baris {other}.").format(
                    row=label, year=year, other=seen[year] + 1)
            seen[year] = row
            nilai = parse_decimal(nilai_text)
            if nilai is None:
                return self.tr("{row}: isi nilai berupa angka, mis. 265,5.").format(row=label)
            if not low <= nilai <= high:
                return self.tr("{row}: nilai {nilai} di luar skala {low}–{high}.").format(
                    row=label, nilai=nilai_text, low=decimal_id(low, 0), high=decimal_id(high, 0))
        return None

    def results(self) -> list[tuple[int, float]]:
        """The filled rows as (year, nilai), by year; call ``problem()`` first."""
        rows = []
        for row in range(self.table.rowCount()):
            year_text, nilai_text = self._texts(row)
            nilai = parse_decimal(nilai_text)
            if year_text.isdigit() and nilai is not None:
                rows.append((int(year_text), nilai))
        return sorted(rows)

    # --- slots -------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, YEAR_COLUMN)
        self.table.editItem(self.table.item(row, YEAR_COLUMN))
        self.changed.emit()

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == CATEGORY_COLUMN:
            return
        self._update_category(item.row())
        self.changed.emit()

    # --- internals -----------------------------------------------------------------------

    def _texts(self, row: int) -> tuple[str, str]:
        year = self.table.item(row, YEAR_COLUMN)
        nilai = self.table.item(row, NILAI_COLUMN)
        return (year.text().strip() if year else "", nilai.text().strip() if nilai else "")

    def _update_category(self, row: int) -> None:
        category = self.table.item(row, CATEGORY_COLUMN)
        if category is None:
            return
        nilai = parse_decimal(self._texts(row)[1])
        low, high = self._scale.range
        if nilai is None:
            text = ""
        elif not low <= nilai <= high:
            text = self.tr("di luar skala {low}–{high}").format(low=decimal_id(low, 0), high=decimal_id(high, 0))
        else:
            band = self._scale.category_for(nilai)
            text = f"{band['roman']} {band['label']}"
        if category.text() != text:
            category.setText(text)
