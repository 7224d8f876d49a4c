"""The consolidated table: one row per kabupaten/kota, sortable and filterable.

``ConsolidatedTableModel`` shows a :class:`models.consolidate.Consolidation` with every
cell's display text and sort key made beforehand (``models.consolidated_table``, in the
refresh's worker thread): ``data`` looks a text up. Display texts use the decimal comma,
``SORT_ROLE`` carries raw numbers so sorting is numeric (missing rows sort after every
received one); the model sorts its own rows by ranks it computes once per column. A refresh
keeps the selected office (by its code) and the scroll position. ``ConsolidatedFilterProxy`` filters by name/code text, status, band and
certificate state. ``ConsolidatedView`` puts the filters above the table
and emits ``office_activated(assessment_id)`` on double-click or Enter.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import consolidate as cons
from models import consolidated_table as ct
from models.consolidated_table import (  # noqa: F401 (COL_NAME, MISSING_SORT: the view's names for its callers)
    COL_BAND,
    COL_CODE,
    COL_INDEX,
    COL_NAME,
    COL_STATUS,
    FIRST_ASPECT,
    MISSING_SORT,
)
from models.formatting import text_colour_on
from ui.i18n import date_text, month_names
from ui.province.reasons import plain_reason

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

GAP_HIGHLIGHT = "#f4b183"  # the largest drops from self-assessed to verified (as in the XLSX)
WIDTH_SAMPLE_ROWS = 64  # rows measured for the column widths, spread over the table
MAX_COLUMN_WIDTH = 320
# Roles as plain integers (``data`` gets an int from Qt; an enum attribute costs a lookup).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SORT = int(SORT_ROLE)
_ROW = int(ROW_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles ``data`` answers; a view asks for more (decoration, check state, size...) for
# every cell it paints, and those return at once.
ANSWERED_ROLES = frozenset((_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _FONT, _TOOLTIP, _SORT, _ROW))


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsolidatedTableModel", text)


def certificate_label(state: str) -> str:
    return {
        cons.CERT_VALID: _t("berlaku"),
        cons.CERT_EXPIRED: _t("kedaluwarsa"),
        cons.CERT_REVOKED: _t("dicabut"),
        cons.CERT_REPLACED: _t("diganti"),
        cons.CERT_UNKNOWN: _t("tidak terdaftar"),
    }.get(state, state)


def table_words() -> ct.TableWords:
    """The cells' words in the window's language (GUI thread; the worker gets the strings)."""
    return ct.TableWords(
        received=_t("Diterima"), conflict=_t("Diterima — konflik"), missing=_t("Belum mengirim"),
        rejected=_t("Ditolak"), not_applicable=_t("t/b"),
        certificates={state: certificate_label(state) for state in (
            cons.CERT_VALID, cons.CERT_EXPIRED, cons.CERT_REVOKED, cons.CERT_REPLACED, cons.CERT_UNKNOWN)},
        months=month_names())


def table_cells(consolidation: cons.Consolidation, words: ct.TableWords | None = None) -> ct.TableCells:
    """Every cell of ``consolidation``'s table (``words``: from ``table_words`` on the GUI thread)."""
    return ct.table_cells(consolidation, words or table_words())


class ConsolidatedTableModel(QAbstractTableModel):
    """The rows of a consolidation with their texts and sort keys made beforehand
    (``models.consolidated_table``): ``data`` looks a cell up."""

    TAIL = ct.TAIL

    def __init__(self, consolidation: cons.Consolidation | None = None, parent=None,
                 cells: ct.TableCells | None = None):
        super().__init__(parent)
        self._consolidation: cons.Consolidation | None = None
        self._rows: list[cons.ConsolidatedRow] = []
        self._texts: list[list[str]] = []  # aligned with _rows: every column's text
        self._keys: list[list[tuple]] = []  # aligned with _rows: every column's comparable sort key
        self._aspect_count = 8
        self._columns = ct.column_count(self._aspect_count)
        self._ranks: dict[int, list[int]] = {}
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._largest_gaps: set[str] = set()
        self._brushes: dict[str, QBrush] = {}
        self._alignments: list[int | None] = []
        if consolidation is not None:
            self._take(consolidation, cells)

    # --- data in -------------------------------------------------------------------------

    def set_consolidation(self, consolidation: cons.Consolidation, cells: ct.TableCells | None = None) -> None:
        """Show ``consolidation``; ``cells``: its ``table_cells``, made beforehand (in the
        refresh's worker), else made here."""
        self.beginResetModel()
        self._take(consolidation, cells)
        self._sort_rows_quietly()
        self.endResetModel()

    def _take(self, consolidation: cons.Consolidation, cells: ct.TableCells | None) -> None:
        if cells is None or cells.consolidation is not consolidation:
            cells = table_cells(consolidation)
        self._consolidation = consolidation
        self._rows = list(consolidation.rows)
        self._texts = list(cells.texts)
        self._keys = list(cells.keys)
        self._aspect_count = len(consolidation.aspect_ids)
        self._columns = ct.column_count(self._aspect_count)
        self._alignments = [_RIGHT if column >= COL_INDEX and column != COL_BAND else None
                            for column in range(self._columns)]
        self._largest_gaps = cells.largest_gaps
        self._ranks = {}

    def _reorder(self, new_order: list[int]) -> None:
        self._rows = [self._rows[old] for old in new_order]
        self._texts = [self._texts[old] for old in new_order]
        self._keys = [self._keys[old] for old in new_order]

    def _sort_rows_quietly(self) -> None:
        """The new rows in the order last asked for (inside a reset: no layout signals)."""
        column, order = self._sort
        if 0 <= column < self.columnCount():
            ranks = self.sort_ranks(column)
            self._reorder(sorted(range(len(self._rows)), key=ranks.__getitem__,
                                 reverse=order == Qt.SortOrder.DescendingOrder))
            self._ranks = {}

    def consolidation(self) -> cons.Consolidation | None:
        return self._consolidation

    def row_at(self, row: int) -> cons.ConsolidatedRow:
        return self._rows[row]

    def row_texts(self, row: int) -> list[str]:
        """Every column's text of the ``row``-th row as shown."""
        return self._texts[row]

    def row_of_code(self, code: str) -> int | None:
        """Where the office ``code`` is in the model's order, None when it is not there."""
        return next((number for number, row in enumerate(self._rows) if row.code == code), None)

    def sort_ranks(self, column: int) -> list[int]:
        """Each row's rank in ``column``'s order, computed once per consolidation: the proxy
        compares two integers instead of reading two values through ``data()``."""
        ranks = self._ranks.get(column)
        if ranks is None:
            keys = [row_keys[column] for row_keys in self._keys]
            ranks = [0] * len(keys)
            for rank, row in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
                ranks[row] = rank
            self._ranks[column] = ranks
        return ranks

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows themselves by the held ranks: one Python sort of integers, where
        a sorting proxy would call back into Python for each of ~n·log n comparisons."""
        self._sort = (column, order)
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        ranks = self.sort_ranks(column)
        new_order = sorted(range(len(self._rows)), key=ranks.__getitem__,
                           reverse=order == Qt.SortOrder.DescendingOrder)
        position = {old: new for new, old in enumerate(new_order)}
        self._reorder(new_order)
        self._ranks = {held: [values[old] for old in new_order] for held, values in self._ranks.items()}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(position[index.row()], index.column()) for index in persistent])
        self.layoutChanged.emit()

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._columns

    def _tail(self, column: int) -> str | None:
        return ct.tail_of(column, self._aspect_count)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        aspect = section - FIRST_ASPECT
        is_aspect = 0 <= aspect < self._aspect_count
        if role == _DISPLAY:
            if is_aspect:
                ids = self._consolidation.aspect_ids if self._consolidation else ()
                return ids[aspect] if aspect < len(ids) else f"A{aspect + 1}"
            fixed = (_t("Kode"), _t("Kabupaten/Kota"), _t("Status"), _t("Indeks"), _t("Predikat"))
            if section < FIRST_ASPECT:
                return fixed[section]
            return {"completeness": _t("Kelengkapan"), "revision": _t("Revisi"),
                    "received_at": _t("Diterima"), "certificate": _t("Sertifikat"),
                    "change": _t("Perubahan"), "verified": _t("Indeks verifikasi"),
                    "gap": _t("Selisih verifikasi"), "reviewed": _t("Ditinjau")}[self._tail(section)]
        if role == _TOOLTIP:
            if is_aspect and self._consolidation and aspect < len(self._consolidation.aspect_titles):
                return self._consolidation.aspect_titles[aspect]
            if self._tail(section) == "change" and self._consolidation:
                return _t("Perubahan indeks terhadap tahun {year}, hanya bila kedua tahun berjenis indeks "
                          "sama (NISM dengan NISM)").format(year=self._consolidation.year - 1)
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):
        number = index.row()
        if number < 0 or number >= len(self._rows):  # an invalid index's row is -1
            return None
        if role == _DISPLAY:  # by far the most asked: a lookup
            return self._texts[number][index.column()]
        if role not in ANSWERED_ROLES:
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return self._alignments[column]
        row = self._rows[number]
        if role == _ROW:
            return row
        if role == _SORT:
            return ct.raw_key(self._keys[number][column])
        if role == _BACKGROUND:
            if column == COL_BAND and row.band_color:
                return self._brush(row.band_color)
            if row.code in self._largest_gaps and self._tail(column) == "gap":
                return self._brush(GAP_HIGHLIGHT)
            return None
        if role == _FOREGROUND:
            return self._foreground(row, column)
        if role == _FONT:
            return self._bold if column == COL_INDEX and row.received else None
        return self._tooltip(row, column)

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush

    def _foreground(self, row: cons.ConsolidatedRow, column: int) -> QBrush | None:
        if column == COL_BAND and row.band_color:
            return self._brush(text_colour_on(row.band_color))
        if row.status == cons.REJECTED and column == COL_STATUS:
            return self._brush("#c0392b")
        if not row.received:
            return self._brush("#808080")
        if self._tail(column) == "certificate" and row.certificate_state != cons.CERT_VALID:
            return self._brush("#c0392b")
        if column == COL_STATUS and row.conflicts:
            return self._brush("#8e44ad")
        return None

    def _tooltip(self, row: cons.ConsolidatedRow, column: int) -> str | None:
        if row.status == cons.REJECTED and column == COL_STATUS:
            return _t("Paket terakhir ({0}) ditolak: {1}").format(
                date_text(row.received_at) if row.received_at else "–", plain_reason(row.rejection_reason))
        if row.conflicts and column == COL_STATUS:
            return _t("Kantor ini mengirim berkas lain untuk revisi yang sudah diterima. Tabel memakai berkas yang "
                      "diterima lebih dulu; kedua berkas disimpan. Tanyakan ke kantor itu berkas mana yang benar.")
        if row.received and column in (COL_INDEX, COL_BAND):
            tips = []
            if row.ranking_group:
                tips.append(_t("M = maturitas tanpa nilai survei S; predikat hanya perkiraan bila nilai survei "
                               "sama dengan maturitas. Diurutkan terpisah dari NISM."))
            if row.provisional:
                tips.append(_t("Sementara: memakai bobot aspek yang belum resmi."))
            if row.instrument:
                tips.append(_t("Instrumen: {name}").format(name=row.instrument))
            return "\n".join(tips) or None
        return None


class ConsolidatedFilterProxy(QSortFilterProxyModel):
    """Text (code or name), status, band and certificate-state filters, numeric sorting."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._status = ""
        self._band = ""
        self._certificate = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_band(self, band_code: str) -> None:
        self.beginFilterChange()
        self._band = band_code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_certificate(self, state: str) -> None:
        self.beginFilterChange()
        self._certificate = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        row: cons.ConsolidatedRow = self.sourceModel().row_at(source_row)
        if self._text and self._text not in row.name.casefold() and self._text not in row.code:
            return False
        if self._status and row.status != self._status:
            return False
        if self._band and row.band_code != self._band:
            return False
        return not self._certificate or row.certificate_state == self._certificate

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The table model sorts its own rows (see ``ConsolidatedTableModel.sort``); the proxy
        keeps their order and only filters."""
        self.sourceModel().sort(column, order)


class ConsolidatedView(QWidget):
    """Filters above the consolidated table; ``office_activated(assessment_id)`` to drill down."""

    office_activated = Signal(int)

    def __init__(self, model: ConsolidatedTableModel, bands=(), parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = ConsolidatedFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari kode atau nama kabupaten/kota…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Semua status"), "")
        self.status_filter.addItem(self.tr("Diterima"), cons.RECEIVED)
        self.status_filter.addItem(self.tr("Belum mengirim"), cons.MISSING)
        self.status_filter.addItem(self.tr("Ditolak"), cons.REJECTED)
        self.band_filter = QComboBox()
        self.band_filter.addItem(self.tr("Semua predikat"), "")
        for band in bands:
            self.band_filter.addItem(band.label, band.code)
        self.certificate_filter = QComboBox()
        self.certificate_filter.addItem(self.tr("Semua sertifikat"), "")
        for state in (cons.CERT_VALID, cons.CERT_EXPIRED, cons.CERT_REVOKED, cons.CERT_REPLACED, cons.CERT_UNKNOWN):
            self.certificate_filter.addItem(certificate_label(state), state)
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.band_filter)
        filters.addWidget(self.certificate_filter)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Widths measured once per consolidation (fit_columns), not on every sort, filter or
        # change: ResizeToContents re-measured the rows each time and froze a national view.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.band_filter.currentIndexChanged.connect(self._on_band_filter_changed)
        self.certificate_filter.currentIndexChanged.connect(self._on_certificate_filter_changed)
        self.table.activated.connect(self._on_table_activated)
        # A refresh swaps the rows in with a reset: the selected office (by its code) and the
        # scroll position are noted before and put back after (the order is the chosen one).
        self._kept: tuple[str | None, int, int, int] | None = None
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)
        model.modelReset.connect(self._on_model_reset_fit)
        model.modelReset.connect(self._on_model_reset_restore)
        self._fitted_for: tuple | None = None
        self.proxy.rowsInserted.connect(self._on_model_reset)
        self.proxy.rowsRemoved.connect(self._on_model_reset)
        self._on_model_reset()
        self.fit_columns()

    def _on_model_about_to_be_reset(self) -> None:
        selected = self.selected_row()
        current = self.table.currentIndex()
        self._kept = (selected.code if selected is not None else None,
                      current.column() if current.isValid() else COL_CODE,
                      self.table.verticalScrollBar().value(), self.table.horizontalScrollBar().value())

    def _on_model_reset_restore(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        code, column, vertical, horizontal = kept
        row = self.model.row_of_code(code) if code is not None else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, column))
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.updateGeometries()  # the scroll ranges of the new rows, now rather than at the next layout
        self.table.verticalScrollBar().setValue(vertical)
        self.table.horizontalScrollBar().setValue(horizontal)

    def _on_model_reset_fit(self) -> None:
        """Measure the widths again only when the table shows something else (another
        province, year or instrument, or offices that sent since): a refresh that changed
        nothing keeps them, and with them any width the user dragged."""
        shown = self.model.consolidation()
        key = None if shown is None else (shown.province_code, shown.year, shown.aspect_ids,
                                          shown.received_count, len(shown.rows))
        if key is None or key != self._fitted_for:
            self._fitted_for = key
            self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and the widest text of up to ``WIDTH_SAMPLE_ROWS``
        rows (spread over the table), measured once; the user may still drag them."""
        model = self.model
        rows = model.rowCount()
        step = max(1, rows // WIDTH_SAMPLE_ROWS)
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        for column in range(model.columnCount()):
            header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = header_metrics.horizontalAdvance(header) + padding  # room for the sort arrow
            for row in range(0, rows, step):
                text = model.row_texts(row)[column]
                widest = max(widest, metrics.horizontalAdvance(text) + padding)
            self.table.horizontalHeader().resizeSection(column, min(widest, MAX_COLUMN_WIDTH))

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._on_model_reset()

    def _on_status_filter_changed(self, _index: int) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self._on_model_reset()

    def _on_band_filter_changed(self, _index: int) -> None:
        self.proxy.set_band(self.band_filter.currentData())
        self._on_model_reset()

    def _on_certificate_filter_changed(self, _index: int) -> None:
        self.proxy.set_certificate(self.certificate_filter.currentData())
        self._on_model_reset()

    def _on_model_reset(self, *args) -> None:
        self.count_label.setText(self.tr("{shown} dari {total} baris").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and row.assessment_id is not None:
            self.office_activated.emit(row.assessment_id)

    def selected_row(self) -> cons.ConsolidatedRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None
