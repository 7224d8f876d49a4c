"""The checklist before finalizing: unanswered items, answers above the lowest level without
evidence or justification, flagged items. Each entry jumps to its item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from models.session import EMPTY, FLAGGED
from models.session import NO_EVIDENCE as STATE_NO_EVIDENCE
from models.validation import NEEDS_REVIEW, NO_EVIDENCE, UNANSWERED, can_finalize, validation_issues
from ui.navigator import state_icon
from ui.session_adapter import SessionAdapter

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_OF_KIND = {UNANSWERED: EMPTY, NO_EVIDENCE: STATE_NO_EVIDENCE, NEEDS_REVIEW: FLAGGED}


class ValidationDialog(QDialog):
    """Non-modal: the user works through the list while the main window shows each item."""

    itemRequested = Signal(str)

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Periksa kelengkapan sebelum finalisasi"))
        self.summary = QLabel(self)
        self.summary.setObjectName("validationSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("validationList")
        self.list.setAccessibleName(self.tr("Daftar hal yang perlu diselesaikan"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        hint = QLabel(self.tr("Tekan Enter atau klik ganda untuk membuka butirnya."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("&Buka butir"), self)
        self.refresh_button = QPushButton(self.tr("Periksa &ulang"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 480)
        buttons.rejected.connect(self.close)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.itemActivated.connect(self._on_list_item_activated)
        session.answerChanged.connect(self.refresh)
        session.gatesChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        if not self.isVisible() and self.list.count():
            return  # refreshed when shown again
        current = self.list.currentItem().data(ITEM_ID_ROLE) if self.list.currentItem() else None
        issues = validation_issues(self.session.model.store, self.session.model.assessment)
        self.list.clear()
        blocking = sum(1 for issue in issues if issue.blocking)
        if self.session.model.has_pending:
            self.summary.setText(self.tr("Ada perubahan yang belum tersimpan; daftar ini memakai data tersimpan."))
        elif not issues:
            self.summary.setText(self.tr("Semua butir yang berlaku sudah dijawab dan lengkap. "
                                         "Penilaian siap difinalisasi."))
        elif can_finalize(issues):
            self.summary.setText(self.tr("Tidak ada yang menghalangi finalisasi; {0} catatan perlu dilihat.")
                                 .format(len(issues)))
        else:
            self.summary.setText(self.tr("{0} hal harus diselesaikan sebelum finalisasi.").format(blocking))
        for issue in issues:
            entry = QListWidgetItem(state_icon(ICON_OF_KIND.get(issue.kind, STATE_NO_EVIDENCE)), issue.message)
            entry.setData(ITEM_ID_ROLE, issue.item_id)
            if not issue.blocking:
                entry.setText(self.tr("{0} Tidak menghalangi finalisasi.").format(issue.message))
                entry.setForeground(self.palette().placeholderText())
            self.list.addItem(entry)
            if issue.item_id == current and self.list.currentItem() is None:
                self.list.setCurrentItem(entry)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(self.list.count() > 0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def item_ids(self) -> list[str]:
        return [self.list.item(row).data(ITEM_ID_ROLE) for row in range(self.list.count())]

    def _on_open_button_clicked(self) -> None:
        if self.list.currentItem() is not None:
            self._on_list_item_activated(self.list.currentItem())

    def _on_list_item_activated(self, entry: QListWidgetItem) -> None:
        self.itemRequested.emit(entry.data(ITEM_ID_ROLE))
