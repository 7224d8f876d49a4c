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
from models.validation import (
    NEEDS_REVIEW,
    NO_EVIDENCE,
    NOT_REVIEWED,
    UNANSWERED,
    can_finalize,
    validation_issues,
)
from ui.model_texts import issue_text
from ui.navigator import state_icon
from ui.session_adapter import SessionAdapter

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_OF_KIND = {UNANSWERED: EMPTY, NO_EVIDENCE: STATE_NO_EVIDENCE, NEEDS_REVIEW: FLAGGED, NOT_REVIEWED: FLAGGED}
KIND_ROLE = ITEM_ID_ROLE + 1


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
        # Answers carried from last year: the office confirms it looked at them (models.carry_forward).
        self.confirm_button = QPushButton(self.tr("&Konfirmasi sudah ditinjau"), self)
        self.confirm_button.setObjectName("confirmReviewed")
        self.confirm_all_button = QPushButton(self.tr("Konfirmasi &semua yang dibawa"), self)
        self.confirm_all_button.setObjectName("confirmAllReviewed")
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.confirm_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 480)
        buttons.rejected.connect(self.close)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.confirm_all_button.clicked.connect(self._on_confirm_all_button_clicked)
        self.list.currentItemChanged.connect(self._update_confirm_buttons)
        self.list.itemActivated.connect(self._on_list_item_activated)
        session.answerChanged.connect(self.refresh)
        session.gatesChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        if not self.isVisible() and self.list.count():
            return  # refreshed when shown again
        current = self.list.currentItem().data(ITEM_ID_ROLE) if self.list.currentItem() else None
        self.session.model.flush()  # the list reads the store: what is on screen must be on disk
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
            entry = QListWidgetItem(state_icon(ICON_OF_KIND.get(issue.kind, STATE_NO_EVIDENCE)), issue_text(issue))
            entry.setData(ITEM_ID_ROLE, issue.item_id)
            entry.setData(KIND_ROLE, issue.kind)
            if not issue.blocking:
                entry.setText(self.tr("{0} Tidak menghalangi finalisasi.").format(issue_text(issue)))
                entry.setForeground(self.palette().placeholderText())
            self.list.addItem(entry)
            if issue.item_id == current and self.list.currentItem() is None:
                self.list.setCurrentItem(entry)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(self.list.count() > 0)
        self._update_confirm_buttons()

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

    def _carried_ids(self) -> list[str]:
        return [self.list.item(row).data(ITEM_ID_ROLE) for row in range(self.list.count())
                if self.list.item(row).data(KIND_ROLE) == NOT_REVIEWED]

    def _update_confirm_buttons(self, *_args) -> None:
        current = self.list.currentItem()
        self.confirm_button.setEnabled(current is not None and current.data(KIND_ROLE) == NOT_REVIEWED)
        carried = self._carried_ids()
        self.confirm_all_button.setVisible(bool(carried))
        self.confirm_button.setVisible(bool(carried))

    def _confirm(self, item_ids: list[str]) -> None:
        from models.carry_forward import confirm_reviewed

        model = self.session.model
        confirm_reviewed(model.store, model.assessment, item_ids, model.who)
        for item_id in item_ids:
            self.session.answerChanged.emit(item_id)
        self.refresh()

    def _on_confirm_button_clicked(self) -> None:
        current = self.list.currentItem()
        if current is not None and current.data(KIND_ROLE) == NOT_REVIEWED:
            self._confirm([current.data(ITEM_ID_ROLE)])

    def _on_confirm_all_button_clicked(self) -> None:
        self._confirm(self._carried_ids())
