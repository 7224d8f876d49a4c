"""The consolidated table: one row per kabupaten/kota, sortable and filterable.

``ConsolidatedTableModel`` shows a :class:`models.consolidate.Consolidation`; display texts
use the decimal comma, ``SORT_ROLE`` carries raw numbers so sorting is numeric (missing
rows sort after every received one); the model sorts its own rows by ranks it computes once
per column. ``ConsolidatedFilterProxy`` filters by name/code text, status, band and
certificate state. ``ConsolidatedView`` puts the filters above the table
and emits ``office_activated(assessment_id)`` on double-click or Enter.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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
from models.formatting import decimal_id, percent_id, text_colour_on
from ui.i18n import date_text
from ui.province.reasons import plain_reason

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COL_CODE, COL_NAME, COL_STATUS, COL_INDEX, COL_BAND = range(5)
FIRST_ASPECT = 5
MISSING_SORT = float("-inf")
GAP_HIGHLIGHT = "#f4b183"  # the largest drops from self-assessed to verified (as in the XLSX)
MATURITY_GROUP_OFFSET = 1e6
WIDTH_SAMPLE_ROWS = 64  # rows measured for the column widths, spread over the table
MAX_COLUMN_WIDTH = 320
# The roles ``data`` answers; a view asks for more (decoration, check state, size...) for
# every cell it paints, and those return at once.
ANSWERED_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                            Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, ROW_ROLE))


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


class ConsolidatedTableModel(QAbstractTableModel):
    TAIL = ("completeness", "revision", "received_at", "certificate", "change", "verified", "gap", "reviewed")

    def __init__(self, consolidation: cons.Consolidation | None = None, parent=None):
        super().__init__(parent)
        self._consolidation = consolidation
        self._rows: list[cons.ConsolidatedRow] = list(consolidation.rows) if consolidation else []
        self._aspect_count = len(consolidation.aspect_ids) if consolidation else 8
        self._ranks: dict[int, list[int]] = {}
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._largest_gaps = cons.largest_gap_codes(consolidation) if consolidation else set()
        self._texts: dict[int, list[str]] = {}  # id(row) -> every column's text, made when first shown

    # --- data in -------------------------------------------------------------------------

    def set_consolidation(self, consolidation: cons.Consolidation) -> None:
        self.beginResetModel()
        self._consolidation = consolidation
        self._rows = list(consolidation.rows)
        self._aspect_count = len(consolidation.aspect_ids)
        self._largest_gaps = cons.largest_gap_codes(consolidation)
        self._ranks = {}
        self._texts = {}
        self._sort_rows_quietly()
        self.endResetModel()

    def _sort_rows_quietly(self) -> None:
        """The new rows in the order last asked for (inside a reset: no layout signals)."""
        column, order = self._sort
        if 0 <= column < self.columnCount():
            ranks = self.sort_ranks(column)
            new_order = sorted(range(len(self._rows)), key=ranks.__getitem__,
                               reverse=order == Qt.SortOrder.DescendingOrder)
            self._rows = [self._rows[old] for old in new_order]
            self._ranks = {}

    def consolidation(self) -> cons.Consolidation | None:
        return self._consolidation

    def row_at(self, row: int) -> cons.ConsolidatedRow:
        return self._rows[row]

    def sort_ranks(self, column: int) -> list[int]:
        """Each row's rank in ``column``'s order, computed once per consolidation: the proxy
        compares two integers instead of reading two values through ``data()``."""
        ranks = self._ranks.get(column)
        if ranks is None:
            keys = [self._comparable(self._sort_key(row, column)) for row in self._rows]
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
        self._rows = [self._rows[old] for old in new_order]
        self._ranks = {held: [values[old] for old in new_order] for held, values in self._ranks.items()}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(position[index.row()], index.column()) for index in persistent])
        self.layoutChanged.emit()

    @staticmethod
    def _comparable(key) -> tuple:
        """Numbers before texts, so a column mixing them (none do today) still sorts."""
        return (0, key, "") if isinstance(key, (int, float)) else (1, 0, str(key))

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else FIRST_ASPECT + self._aspect_count + len(self.TAIL)

    def _tail(self, column: int) -> str | None:
        offset = column - FIRST_ASPECT - self._aspect_count
        return self.TAIL[offset] if offset >= 0 else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        aspect = section - FIRST_ASPECT
        is_aspect = 0 <= aspect < self._aspect_count
        if role == Qt.ItemDataRole.DisplayRole:
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
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_aspect and self._consolidation and aspect < len(self._consolidation.aspect_titles):
                return self._consolidation.aspect_titles[aspect]
            if self._tail(section) == "change" and self._consolidation:
                return _t("Perubahan indeks terhadap tahun {year}, hanya bila kedua tahun berjenis indeks "
                          "sama (NISM dengan NISM)").format(year=self._consolidation.year - 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[column]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_INDEX and column != COL_BAND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_BAND and row.band_color:
            return QBrush(QColor(row.band_color))
        if role == Qt.ItemDataRole.BackgroundRole and self._tail(column) == "gap" and row.code in self._largest_gaps:
            return QBrush(QColor(GAP_HIGHLIGHT))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_BAND and row.band_color:
                return QBrush(QColor(text_colour_on(row.band_color)))
            if row.status == cons.REJECTED and column == COL_STATUS:
                return QBrush(QColor("#c0392b"))
            if not row.received:
                return QBrush(QColor("#808080"))
            if self._tail(column) == "certificate" and row.certificate_state != cons.CERT_VALID:
                return QBrush(QColor("#c0392b"))
            if column == COL_STATUS and row.conflicts:
                return QBrush(QColor("#8e44ad"))
        if role == Qt.ItemDataRole.FontRole and column == COL_INDEX and row.received:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and row.status == cons.REJECTED and column == COL_STATUS:
            return _t("Paket terakhir ({0}) ditolak: {1}").format(
                date_text(row.received_at) if row.received_at else "–", plain_reason(row.rejection_reason))
        if role == Qt.ItemDataRole.ToolTipRole and row.conflicts and column == COL_STATUS:
            return _t("Kantor ini mengirim berkas lain untuk revisi yang sudah diterima. Tabel memakai berkas yang "
                      "diterima lebih dulu; kedua berkas disimpan. Tanyakan ke kantor itu berkas mana yang benar.")
        if role == Qt.ItemDataRole.ToolTipRole and row.received and column in (COL_INDEX, COL_BAND):
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

    def texts(self, row: cons.ConsolidatedRow) -> list[str]:
        """Every column's text of ``row``, formatted once per consolidation (repaints,
        sorting and column widths ask again and again)."""
        texts = self._texts.get(id(row))
        if texts is None:
            texts = self._texts[id(row)] = [self.display_text(row, column) for column in range(self.columnCount())]
        return texts

    def display_text(self, row: cons.ConsolidatedRow, column: int) -> str:
        if column == COL_CODE:
            return row.code
        if column == COL_NAME:
            return row.name
        if column == COL_STATUS:
            if row.status == cons.REJECTED:
                return _t("Ditolak")
            if row.received and row.conflicts:
                return _t("Diterima — konflik")
            return _t("Diterima") if row.received else _t("Belum mengirim")
        if not row.received:
            return ""
        if column == COL_INDEX:
            kind = " M" if row.ranking_group else ""  # maturity without S: not the same figure as NISM
            mark = "*" if row.provisional else ""
            return decimal_id(row.index) + kind + mark
        if column == COL_BAND:
            return row.band_label
        aspect = column - FIRST_ASPECT
        if aspect < self._aspect_count:
            value = row.aspects[aspect] if aspect < len(row.aspects) else None
            return decimal_id(value) if value is not None else _t("t/b")
        tail = self._tail(column)
        if tail == "completeness":
            return percent_id(row.completeness)
        if tail == "revision":
            return str(row.revision)
        if tail == "received_at":
            return date_text(row.received_at)
        if tail == "certificate":
            return certificate_label(row.certificate_state)
        if tail == "verified":
            return "–" if row.verified_index is None else decimal_id(row.verified_index, 3)
        if tail == "gap":
            return "–" if row.verification_gap is None else decimal_id(row.verification_gap, 3)
        if tail == "reviewed":
            return f"{row.reviewed}/{row.applicable}"
        if row.change is None:
            return "–"
        return ("+" if row.change > 0 else "") + decimal_id(row.change)

    def _sort_key(self, row: cons.ConsolidatedRow, column: int):
        if column == COL_CODE:
            return row.code
        if column == COL_NAME:
            return row.name
        if column == COL_STATUS:
            return 1 if row.received else 0
        if not row.received:
            return MISSING_SORT
        if column in (COL_INDEX, COL_BAND):
            # NISM and maturity-only rows sort as two groups, never interleaved (one float,
            # as the proxy compares like types: maturity rows sit a fixed span below).
            return row.index - MATURITY_GROUP_OFFSET * row.ranking_group
        aspect = column - FIRST_ASPECT
        if aspect < self._aspect_count:
            value = row.aspects[aspect] if aspect < len(row.aspects) else None
            return MISSING_SORT if value is None else value
        tail = self._tail(column)
        if tail == "completeness":
            return row.completeness
        if tail == "revision":
            return row.revision
        if tail == "received_at":
            return row.received_at.timestamp()
        if tail == "certificate":
            return row.certificate_state
        if tail in ("verified", "gap"):
            value = row.verified_index if tail == "verified" else row.verification_gap
            return MISSING_SORT if value is None else value
        if tail == "reviewed":
            return row.reviewed
        return MISSING_SORT if row.change is None else row.change


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
        model.modelReset.connect(self._on_model_reset)
        model.modelReset.connect(self._on_model_reset_fit)
        self._fitted_for: tuple | None = None
        self.proxy.rowsInserted.connect(self._on_model_reset)
        self.proxy.rowsRemoved.connect(self._on_model_reset)
        self._on_model_reset()
        self.fit_columns()

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
                text = model.texts(model.row_at(row))[column]
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
