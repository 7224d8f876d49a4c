"""The instrument's profiling section (awards of the instansi in HR management): asked and
saved as data, not scored, and the screen says so (``models.profiling``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from models.profiling import NO, YES, load_profiling, profiling_blocks, save_profiling
from models.settings import OPERATOR_NAME
from models.store import Store, StoreRuleError
from models.tables import Assessment
from ui.messages import user_message
from ui.styles import ERROR, NOTICE_STYLE, show_status


class ProfilingDialog(QDialog):
    """One block (the 2026 instrument has one): yes/no, then one row per award."""

    def __init__(self, store: Store, assessment: Assessment, parent=None):
        super().__init__(parent)
        self.store = store
        self.assessment = store.assessment(assessment.id)
        instrument = store.instrument_of(self.assessment)
        self.block = profiling_blocks(instrument)[0]
        self.read_only = self.assessment.locked
        self.setWindowTitle(self.tr("{0}. {1}").format(self.block.number, self.block.title))
        not_scored = QLabel(self.tr("Tidak dinilai: bagian ini dicatat sebagai data profil instansi dan tidak "
                                    "memengaruhi indeks maturitas maupun NISM."), self)
        not_scored.setObjectName("notScored")
        not_scored.setWordWrap(True)
        not_scored.setStyleSheet(NOTICE_STYLE)
        description = QLabel(self.block.description, self)
        description.setWordWrap(True)
        question = QLabel(f"<b>{self.block.question}</b>", self)
        question.setWordWrap(True)
        self.yes = QRadioButton(self.tr("&Ya"), self)
        self.no = QRadioButton(self.tr("&Tidak"), self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.yes)
        self.choice.addButton(self.no)
        choices = QHBoxLayout()
        choices.addWidget(self.yes)
        choices.addWidget(self.no)
        choices.addStretch(1)
        self.table = QTableWidget(0, len(self.block.fields), self)
        self.table.setObjectName("profilingTable")
        self.table.setHorizontalHeaderLabels(list(self.block.fields))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Daftar penghargaan"))
        self.add_button = QPushButton(self.tr("Tambah &baris"), self)
        self.remove_button = QPushButton(self.tr("&Hapus baris"), self)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   if not self.read_only else QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        for widget in (not_scored, description, question):
            layout.addWidget(widget)
        layout.addLayout(choices)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 420)

        saved = load_profiling(store, self.assessment).get(self.block.id, {})
        if saved.get("answer") == YES:
            self.yes.setChecked(True)
        elif saved.get("answer") == NO:
            self.no.setChecked(True)
        for row in saved.get("rows", []):
            self._add_row([row.get(field, "") for field in self.block.fields])
        if self.read_only:
            for widget in (self.yes, self.no, self.add_button, self.remove_button):
                widget.setEnabled(False)
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.choice.buttonToggled.connect(self._on_choice_button_toggled)
        self._on_choice_button_toggled()

    def _add_row(self, values) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def rows(self) -> list[dict]:
        found = []
        for row in range(self.table.rowCount()):
            found.append({field: (self.table.item(row, column).text() if self.table.item(row, column) else "")
                          for column, field in enumerate(self.block.fields)})
        return found

    def answer(self) -> str | None:
        return YES if self.yes.isChecked() else NO if self.no.isChecked() else None

    def _on_choice_button_toggled(self, *_args) -> None:
        has_awards = self.yes.isChecked() and not self.read_only
        self.table.setEnabled(self.yes.isChecked())
        self.add_button.setEnabled(has_awards)
        self.remove_button.setEnabled(has_awards)
        if has_awards and self.table.rowCount() == 0:
            self._add_row([""] * len(self.block.fields))

    def _on_add_button_clicked(self) -> None:
        self._add_row([""] * len(self.block.fields))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _on_remove_button_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _on_buttons_accepted(self) -> None:
        try:
            save_profiling(self.store, self.assessment, self.block.id, self.answer(), self.rows(),
                           who=self.store.setting(OPERATOR_NAME))
        except (StoreRuleError, OSError) as exc:
            show_status(self.status, user_message(exc), ERROR)
            return
        except Exception as exc:  # noqa: BLE001 - the database: said in plain words, kept on screen
            show_status(self.status, user_message(exc), ERROR)
            return
        self.accept()

