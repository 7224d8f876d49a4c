"""The navigator: aspects and their items with each item's state, and a search filter."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QLineF,
    QModelIndex,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.session import ANSWERED, EMPTY, FLAGGED, NO_EVIDENCE, NOT_APPLICABLE
from ui.session_adapter import SessionAdapter

ROOT = QModelIndex()  # the invisible root, as a default argument
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3
ASPECT_ID_ROLE = Qt.ItemDataRole.UserRole + 4
LEVEL_COLUMN_PADDING = 16  # the header's sort/margin space around the widest text

STATE_COLORS = {
    EMPTY: "#9aa0a6",
    ANSWERED: "#1e8e3e",
    NO_EVIDENCE: "#e37400",
    FLAGGED: "#c5221f",
    NOT_APPLICABLE: "#bdc1c6",
}


def state_text(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        EMPTY: QCoreApplication.translate("navigator", "Belum dijawab"),
        ANSWERED: QCoreApplication.translate("navigator", "Terjawab"),
        NO_EVIDENCE: QCoreApplication.translate("navigator", "Terjawab tanpa bukti dukung"),
        FLAGGED: QCoreApplication.translate("navigator", "Ditandai perlu ditinjau"),
        NOT_APPLICABLE: QCoreApplication.translate("navigator", "Tidak berlaku"),
    }
    return texts[state]


_icon_cache: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    """A small symbol per state, drawn (not loaded), crisp at any scale factor."""
    if state in _icon_cache:
        return _icon_cache[state]
    icon = QIcon()
    for size in (16, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(STATE_COLORS[state])
        unit = size / 16
        rect = QRectF(0, 0, size, size).adjusted(2.5 * unit, 2.5 * unit, -2.5 * unit, -2.5 * unit)
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        cx, cy = rect.center().x(), rect.center().y()
        white = QPen(QColor("white"), 2 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(QPen(color, 1.6 * unit))
        if state == EMPTY:
            painter.drawEllipse(rect)
        elif state == NOT_APPLICABLE:
            painter.setPen(QPen(color, 2.4 * unit))
            painter.drawLine(QLineF(left, cy, right, cy))
        else:
            painter.setBrush(color)  # not QBrush(color): its overloads load QGradient's 200 enum values
            if state == FLAGGED:
                painter.drawRoundedRect(rect, 2 * unit, 2 * unit)
            else:
                painter.drawEllipse(rect)
            painter.setPen(white)
            if state == ANSWERED:
                painter.drawPolyline([QPointF(left + 2.5 * unit, cy), QPointF(cx - 0.5 * unit, bottom - 2.5 * unit),
                                      QPointF(right - 2.2 * unit, top + 3 * unit)])
            else:  # flagged or without evidence: an exclamation mark
                painter.drawLine(QLineF(cx, top + 2.2 * unit, cx, bottom - 4.5 * unit))
                painter.drawPoint(QPointF(cx, bottom - 2.2 * unit))
        painter.end()
        icon.addPixmap(pixmap)
    _icon_cache[state] = icon
    return icon


def item_heading(item) -> str:
    """``4.1-KK Standar Kompetensi Jabatan (Instansi Kab/Kota)``: the item's code (its id
    without the "A"), unique and the same one the checklist, the package and the province
    use, then the title. (Sub-aspect numbers repeat: 5.2 covers two items, 6.4 four.)"""
    return item.heading


# The roles _item_data answers; any other is None without looking up the item's state.
ITEM_ROLES = frozenset({
    ITEM_ID_ROLE, ASPECT_ID_ROLE, SEARCH_TEXT_ROLE, STATE_ROLE, Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
})


class NavigatorModel(QAbstractItemModel):
    """Two levels: aspects (internal id 0) and their items (internal id = aspect row + 1)."""

    COLUMNS = 2

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.aspects = session.model.instrument.aspects
        self._row_of_item = {
            item.id: (aspect_row, item_row)
            for aspect_row, aspect in enumerate(self.aspects)
            for item_row, item in enumerate(aspect.items)
        }
        session.answerChanged.connect(self._on_session_answer_changed)
        session.gatesChanged.connect(self._on_session_gates_changed)

    # --- structure -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent=ROOT) -> QModelIndex:
        # The bounds checked here, not by hasIndex(), which would call rowCount and
        # columnCount back in Python: the views ask for an index over a thousand times when
        # an assessment opens.
        if row < 0 or not 0 <= column < self.COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.aspects) else QModelIndex()
        if parent.internalId() == 0 and parent.column() == 0 and row < len(self.aspects[parent.row()].items):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index=ROOT) -> QModelIndex:
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=ROOT) -> int:
        if not parent.isValid():
            return len(self.aspects)
        if parent.column() != 0:
            return 0
        if parent.internalId() == 0:
            return len(self.aspects[parent.row()].items)
        return 0

    def columnCount(self, parent=ROOT) -> int:
        return self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Butir"), self.tr("Tingkat"))[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- data ----------------------------------------------------------------------------

    def item_index(self, item_id: str, column: int = 0) -> QModelIndex:
        aspect_row, item_row = self._row_of_item[item_id]
        return self.index(item_row, column, self.index(aspect_row, 0))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._aspect_data(self.aspects[index.row()], index.column(), role)
        aspect = self.aspects[index.internalId() - 1]
        return self._item_data(aspect.items[index.row()], index.column(), role)

    def _aspect_data(self, aspect, column: int, role: int):
        if role == ASPECT_ID_ROLE:
            return aspect.id
        if role == SEARCH_TEXT_ROLE:
            return f"{aspect.id} {aspect.number} {aspect.title}".casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{aspect.number}. {aspect.title}"
            counts = self.session.model.score().aspect(aspect.id)
            return f"{counts.answered}/{counts.applicable}"
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = self.session.model.score().aspect(aspect.id)
            return self.tr("Aspek {0}: {1} dari {2} butir yang berlaku sudah dijawab").format(
                aspect.number, counts.answered, counts.applicable)
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _item_data(self, item, column: int, role: int):
        # What each role needs and nothing more: a paint asks every visible row for several
        # roles, and most of them need neither the item's state nor its answer.
        if role not in ITEM_ROLES:  # size hints, check states, …: asked per row, never shown
            return None
        if role == ITEM_ID_ROLE:
            return item.id
        if role == ASPECT_ID_ROLE:
            return item.aspect_id
        if role == SEARCH_TEXT_ROLE:
            return f"{item.id} {item.subaspect} {item.title} {item.question}".casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if column == 1 else None
        model = self.session.model
        if role == Qt.ItemDataRole.FontRole:
            if not model.is_unsaved(item.id):
                return None
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return item_heading(item)
        if role == Qt.ItemDataRole.DecorationRole and column != 0:
            return None
        state = model.item_state(item.id)
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            if state == NOT_APPLICABLE:
                return self.tr("t/b")
            level = model.answer(item.id).level
            return "–" if level is None else str(level)
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(state)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            text = f"{item_heading(item)}\n{state_text(state)}"
            if model.is_unsaved(item.id):
                text += " " + self.tr("(belum tersimpan)")
            return text
        if role == Qt.ItemDataRole.ForegroundRole and state == NOT_APPLICABLE:
            return QColor("#80868b")  # the delegate takes a colour as a brush; QBrush() would load QGradient
        return None

    # --- updates -------------------------------------------------------------------------

    def _on_session_answer_changed(self, item_id: str) -> None:
        if item_id not in self._row_of_item:
            return
        first = self.item_index(item_id, 0)
        self.dataChanged.emit(first, self.item_index(item_id, self.COLUMNS - 1))
        aspect = first.parent()
        self.dataChanged.emit(aspect, aspect.siblingAtColumn(self.COLUMNS - 1))

    def _on_session_gates_changed(self) -> None:
        for aspect_row, aspect in enumerate(self.aspects):
            parent = self.index(aspect_row, 0)
            self.dataChanged.emit(parent, parent.siblingAtColumn(self.COLUMNS - 1))
            if aspect.items:
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(aspect.items) - 1, self.COLUMNS - 1, parent))


class NavigatorFilter(QSortFilterProxyModel):
    """Keeps rows whose code, title or question contain every word typed (any order)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        # The filter reads only the fixed search text, so an answer changing a row's data can
        # never change which rows pass: no re-filtering (and re-laying out) on every save.
        self.setDynamicSortFilter(False)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = index.data(SEARCH_TEXT_ROLE) or ""
        return all(word in text for word in self._words)


class NavigatorView(QWidget):
    """Search box over the tree; emits the chosen item or aspect."""

    itemSelected = Signal(str)
    aspectSelected = Signal(str)

    def __init__(self, model: NavigatorModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = NavigatorFilter(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setObjectName("navigatorSearch")
        self.search.setPlaceholderText(self.tr("Cari kode atau kata pertanyaan…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Cari butir"))
        self.tree = QTreeView(self)
        self.tree.setObjectName("navigatorTree")
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("Daftar aspek dan butir"))
        self.tree.setUniformRowHeights(True)
        # "5.2 Keteladanan dan Kepemimpinan (Pimpinan)" and "5.3 … (Agen Perubahan)" differ at the
        # end: cut the middle, so that two elided titles never look the same.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The level column's width from the font once ("t/b", "30/30"), not from every row on
        # every change to a level.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, max(self.fontMetrics().horizontalAdvance(text) for text in (
            "30/30", self.tr("t/b"), model.headerData(1, Qt.Orientation.Horizontal))) + LEVEL_COLUMN_PADDING)
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        layout.addWidget(self._legend())
        self.setFocusProxy(self.tree)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

    def _legend(self) -> QWidget:
        """What the state symbols mean, always in view."""
        legend = QWidget(self)
        legend.setObjectName("navigatorLegend")
        grid = QGridLayout(legend)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(1)
        size = self.fontMetrics().height()
        for position, state in enumerate((EMPTY, ANSWERED, NO_EVIDENCE, FLAGGED, NOT_APPLICABLE)):
            icon = QLabel(legend)
            icon.setPixmap(state_icon(state).pixmap(size))
            text = QLabel(state_text(state), legend)
            text.setWordWrap(True)  # the legend must not widen the navigator on a small screen
            row, column = divmod(position, 2)
            grid.addWidget(icon, row, column * 2)
            grid.addWidget(text, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return legend

    def current_item_id(self) -> str | None:
        return self.tree.currentIndex().data(ITEM_ID_ROLE) if self.tree.currentIndex().isValid() else None

    def select_item(self, item_id: str) -> None:
        source = self.model.item_index(item_id)
        proxy_index = self.proxy.mapFromSource(source)
        if not proxy_index.isValid():  # filtered out: clear the filter so it can be shown
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(source)
        self.tree.expand(proxy_index.parent())
        self.tree.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(proxy_index)

    def visible_item_ids(self) -> list[str]:
        ids = []
        for aspect_row in range(self.proxy.rowCount()):
            parent = self.proxy.index(aspect_row, 0)
            for row in range(self.proxy.rowCount(parent)):
                ids.append(self.proxy.index(row, 0, parent).data(ITEM_ID_ROLE))
        return ids

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self.tree.expandAll()

    def _on_search_return_pressed(self) -> None:
        visible = self.visible_item_ids()
        if visible:
            self.select_item(visible[0])
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_tree_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        item_id = current.data(ITEM_ID_ROLE)
        if item_id:
            self.itemSelected.emit(item_id)
        else:
            self.aspectSelected.emit(current.data(ASPECT_ID_ROLE))


