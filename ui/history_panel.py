"""The audit trail of the chosen item (or of the assessment-wide changes): who, what, when."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from models.formatting import decimal_id
from models.tables import AuditEntry
from ui.i18n import date_text
from ui.session_adapter import SessionAdapter

ROOT = QModelIndex()
SHORT_TEXT = 60
SAMPLE_MOMENT = datetime(2026, 9, 30, 23, 59)  # the widest date the time column must fit
WHO_COLUMN_CHARS = 14


def field_text(field: str) -> str:
    """The audit field in the user's words."""
    translate = QCoreApplication.translate
    names = {
        "created": translate("history", "Penilaian dibuat"),
        "level": translate("history", "Tingkat"),
        "justification": translate("history", "Penjelasan"),
        "needs_review": translate("history", "Perlu ditinjau"),
        "review_note": translate("history", "Catatan tinjauan"),
        "evidence_added": translate("history", "Bukti ditambahkan"),
        "evidence_removed": translate("history", "Bukti dihapus"),
        "evidence_restored": translate("history", "Bukti dikembalikan"),
        "evidence_label": translate("history", "Label bukti"),
        "survey": translate("history", "Nilai survei (S)"),
        "correction": translate("history", "Koreksi (k)"),
        "status": translate("history", "Status"),
    }
    if field.startswith("gate:"):
        return translate("history", "Pertanyaan pembuka {0}").format(field[5:])
    if field.startswith("profiling:"):
        return translate("history", "Profil penghargaan (tidak dinilai)")
    return names.get(field, field)


def value_text(value) -> str:
    translate = QCoreApplication.translate
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return translate("history", "Ya") if value else translate("history", "Tidak")
    if isinstance(value, float):
        return decimal_id(value, 4)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("year") or ", ".join(f"{k}: {v}" for k, v in value.items()))
    return str(value)


def change_text(entry: AuditEntry) -> str:
    """``Tingkat: 2 → 3``; additions and removals name the file."""
    name = field_text(entry.field)
    if entry.field in ("evidence_added", "evidence_restored"):
        return f"{name}: {value_text(entry.new_value)}"
    if entry.field == "evidence_removed":
        return f"{name}: {value_text(entry.old_value)}"
    if entry.field == "created" or entry.field.startswith("profiling:"):
        return name
    if entry.field == "final_scores":  # the whole result is kept for the record, not shown here
        return QCoreApplication.translate("history", "Skor saat finalisasi disimpan")
    if entry.field == "finalized_without_survey":
        return QCoreApplication.translate("history", "Difinalisasi tanpa nilai survei S (dikonfirmasi)")
    if entry.field == "instrument_migrated":
        old = entry.old_value if isinstance(entry.old_value, dict) else {}
        new = entry.new_value if isinstance(entry.new_value, dict) else {}
        return QCoreApplication.translate("history", "Instrumen dipindahkan: versi {0} → {1}").format(
            old.get("version") or "?", new.get("version") or "?")
    if entry.field == "reopened":
        old = entry.old_value if isinstance(entry.old_value, dict) else {}
        return QCoreApplication.translate("history", "Dibuka sebagai revisi baru dari revisi {0}").format(
            old.get("from_revision", "?"))
    return f"{name}: {value_text(entry.old_value)} → {value_text(entry.new_value)}"


def short_time(moment) -> str:
    """The one date format of every surface (``models.formatting.date_id``), with the time."""
    return date_text(moment)


class HistoryModel(QAbstractTableModel):
    """Columns: when, who, what changed (from → to)."""

    COLUMNS = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AuditEntry] = []

    def set_rows(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def prepend_rows(self, rows: list[AuditEntry]) -> None:
        """Newer entries (newest first) above the ones shown: one insertion, no reset, so a
        save costs the same with 10 or 1,000 entries in the item's history."""
        if not rows:
            return
        self.beginInsertRows(ROOT, 0, len(rows) - 1)
        self.rows[:0] = rows
        self.endInsertRows()

    @property
    def newest_id(self) -> int | None:
        return max((entry.id for entry in self.rows), default=None) if self.rows else None

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Waktu"), self.tr("Oleh"), self.tr("Perubahan"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = (short_time(entry.at), entry.who or "–", change_text(entry))[column]
            return text if len(text) <= SHORT_TEXT else text[:SHORT_TEXT - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((date_text(entry.at), entry.who or "–", change_text(entry)))
        return None


class HistoryPanel(QWidget):
    """Newest first; follows the chosen item and refreshes after each change to it."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.item_id: str | None = None
        self.model = HistoryModel(self)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Riwayat perubahan"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        # Widths from the font once, not from the rows: measuring every row (ResizeToContents)
        # on every change grew with the item's history and froze the window after each save.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        padding = 2 * metrics.averageCharWidth()
        header.resizeSection(0, metrics.horizontalAdvance(short_time(SAMPLE_MOMENT)) + padding)
        header.resizeSection(1, metrics.averageCharWidth() * WHO_COLUMN_CHARS + padding)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        # After the write reached the disk (the session writes off the GUI thread), so the
        # new audit entries can be read: one small query for the new rows only.
        session.written.connect(self._on_session_written)
        self.show_item(None)

    def show_item(self, item_id: str | None) -> None:
        """``None`` shows the assessment-wide changes (gates, S, k, creation)."""
        self.item_id = item_id
        if item_id:
            self.caption.setText(self.tr("<b>Riwayat butir {0}</b>").format(item_id.removeprefix("A")))
        else:
            self.caption.setText(self.tr("<b>Riwayat penilaian</b> (pertanyaan pembuka, S, k)"))
        self.reload()

    def _entries(self, after_id: int | None = None) -> list[AuditEntry]:
        store, assessment = self.session.model.store, self.session.model.assessment
        if self.item_id:
            return store.audit_trail(assessment, self.item_id, after_id=after_id)
        return [entry for entry in store.audit_trail(assessment, after_id=after_id) if entry.item_id is None]

    def reload(self) -> None:
        """The whole history of what is shown (on choosing another item)."""
        self.model.set_rows(self._entries())

    def append_new(self) -> None:
        """Only the entries written since the newest one shown, above it."""
        self.model.prepend_rows(self._entries(after_id=self.model.newest_id))

    def _on_session_written(self, item_id: str | None) -> None:
        if item_id == self.item_id:  # None: an assessment-wide change (gates, S, k)
            self.append_new()
