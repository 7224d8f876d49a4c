"""The office's assessments: year, status, index, category, completeness; open one to fill it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.formatting import decimal_id, percent_id
from models.scoring import ScoreResult
from models.settings import OPERATOR_NAME
from models.store import InstrumentUnavailable, Store, StoreRuleError
from models.tables import Assessment
from models.verification import receipt_label
from ui.i18n import date_text
from ui.legacy_history_chart import HistoryPoint, LegacyHistoryChart, office_timeline
from ui.messages import user_message
from ui.model_texts import said_text

ROOT = QModelIndex()
ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AssessmentRow:
    assessment: Assessment
    result: ScoreResult
    precision: int
    receipt: str = ""  # "diterima provinsi <tanggal>" once the province's receipt is imported


class AssessmentListModel(QAbstractTableModel):
    COLUMNS = 7

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.rows: list[AssessmentRow] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        office = self.store.office()
        self.rows = []
        if office is not None:
            for assessment in self.store.assessments(office):
                try:
                    precision = self.store.instrument_of(assessment).precision
                except InstrumentUnavailable:  # a final revision shown with its stored scores
                    precision = 2
                self.rows.append(AssessmentRow(assessment, self.store.score(assessment), precision,
                                               receipt_label(assessment)))
        self.endResetModel()

    def row_of(self, assessment_id: int) -> int | None:
        for position, row in enumerate(self.rows):
            if row.assessment.id == assessment_id:
                return position
        return None

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Tahun"), self.tr("Revisi"), self.tr("Status"), self.tr("Indeks"),
                self.tr("Predikat"), self.tr("Kelengkapan"), self.tr("Terakhir diubah"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        assessment, result = row.assessment, row.result
        column = index.column()
        if role == ASSESSMENT_ID_ROLE:
            return assessment.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(assessment.year)
            if column == 1:
                return str(assessment.revision)
            if column == 2:
                status = self.tr("Draf") if assessment.status == Assessment.DRAFT else self.tr("Final")
                return f"{status} · {said_text(row.receipt)}" if row.receipt else status
            if column == 3:
                text = decimal_id(result.index, row.precision)
                return text + (" " + self.tr("(sementara)") if result.provisional else "")
            if column == 4:
                if result.band is None:
                    return self.tr("perkiraan: {band}").format(band=result.band_estimate.display)
                return result.band.display + (" ⚠" if result.nism_negative else "")
            if column == 5:
                return self.tr("{0} ({1} dari {2} butir)").format(
                    percent_id(result.completeness), result.answered, result.applicable)
            return date_text(assessment.updated_at)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            kind = {"nism": self.tr("Indeks Sistem Merit (NISM)"), "maturity": self.tr(
                "Maturitas (nilai survei S belum diisi)"), "nilai": self.tr("Nilai")}[result.headline_kind]
            return kind
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and result.band is None:
            return self.tr("Perkiraan predikat bila nilai survei sama dengan maturitas; predikat hanya "
                           "berlaku untuk NISM.")
        if role == Qt.ItemDataRole.DecorationRole and column == 4:
            return QColor(result.shown_band.color)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and assessment.status != Assessment.DRAFT:
            return QBrush(QColor("#1e8e3e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 1, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AssessmentListView(QWidget):
    """The home page: the office, its assessments, and what to do next."""

    openRequested = Signal(int)

    def __init__(self, model: AssessmentListModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.heading = QLabel(self)
        self.heading.setObjectName("officeHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("assessmentTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setModel(model)
        self.table.setAccessibleName(self.tr("Daftar penilaian"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.open_button = QPushButton(self.tr("B&uka penilaian"), self)
        self.open_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Penilaian ba&ru…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        self.history_box = QGroupBox(self)  # the chart carries its own title
        self.history_chart = LegacyHistoryChart(self.history_box)
        self.history_chart.setMinimumHeight(220)
        QVBoxLayout(self.history_box).addWidget(self.history_chart)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        self.empty_hint = QLabel(self.tr("Belum ada penilaian. Pilih <b>Penilaian baru…</b> untuk memulai."), self)
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.history_box, 1)
        self.setFocusProxy(self.table)
        self.table.activated.connect(self._on_table_activated)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.new_button.clicked.connect(self.create_assessment)
        model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()

    def _on_model_reset(self) -> None:
        office = self.model.store.office()
        if office is None:
            self.heading.setText(self.tr("Belum ada kantor"))
            self.subheading.clear()
        else:
            self.heading.setText(office.name)
            self.subheading.setText(self.tr("{0} · Provinsi {1} · kode {2}").format(
                self.tr("Penilaian mandiri Sistem Merit"), office.province_name, office.code))
        history = self.model.store.legacy_results(office) if office is not None else []
        self.history_chart.set_points([HistoryPoint(row.year, row.nilai, row.category) for row in history])
        timeline = office_timeline(self.model.store, office) if office is not None else None
        self.history_chart.set_timeline(timeline)
        self.history_box.setVisible(bool(history) or timeline is not None)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.open_button.setEnabled(self.model.rowCount() > 0)
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def select_assessment(self, assessment_id: int) -> None:
        row = self.model.row_of(assessment_id)
        if row is not None:
            self.table.selectRow(row)

    def _on_table_activated(self, index) -> None:
        self.openRequested.emit(index.data(ASSESSMENT_ID_ROLE))

    def _on_open_button_clicked(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.openRequested.emit(index.siblingAtColumn(0).data(ASSESSMENT_ID_ROLE))

    def create_assessment(self) -> int | None:
        """Ask for the year and create the assessment; returns its id."""
        store = self.model.store
        office = store.office()
        if office is None:
            return None
        years = [row.assessment.year for row in self.model.rows]
        suggested = max([*years, date.today().year - 1]) + 1 if years else date.today().year
        year, ok = QInputDialog.getInt(self, self.tr("Penilaian baru"), self.tr("Tahun penilaian:"),
                                       suggested, 2018, 2100)
        if not ok:
            return None
        try:
            assessment = store.create_assessment(office, year, who=store.setting(OPERATOR_NAME),
                                                 confirm_default_gates=False)  # the office answers them
        except StoreRuleError as exc:
            QMessageBox.warning(self, self.tr("Penilaian tidak dibuat"), user_message(exc))
            return None
        self.model.reload()
        self.select_assessment(assessment.id)
        self.openRequested.emit(assessment.id)
        return assessment.id
