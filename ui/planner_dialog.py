"""The improvement planner and the "what if" sandbox, over the open assessment.

*Rencana*: pick a target (a predikat or a number), tick the items that are hard this year,
and the planner (``models.planner``) lists the fewest level raises that reach it, each
with its gain, the figure after it, what the new level requires and the evidence
expected. *Bagaimana jika*: change levels in a sandbox and see the headline move; the
real answers are never touched (nothing here writes to the store or the session).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.formatting import decimal_id
from models.planner import REACHED, TargetError, parse_target, plan_improvement, what_if
from models.report_data import headline_statement
from models.year_over_year import signed
from ui.i18n import app_settings
from ui.messages import user_message
from ui.model_texts import said_text

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class PlannerDialog(QDialog):
    def __init__(self, session_model, parent=None):
        super().__init__(parent)
        self.model = session_model
        self.instrument = session_model.instrument
        self.levels = {item_id: state.level for item_id, state in session_model.answers.items()}
        self.applicable = self.instrument.applicable_items(session_model.gates)
        self.plan = None
        self.setWindowTitle(self.tr("Rencana peningkatan"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._plan_page(), self.tr("&Rencana"))
        self.tabs.addTab(self._what_if_page(), self.tr("&Bagaimana jika"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self.make_plan()
        self._on_sandbox_changed()

    # --- the plan ----------------------------------------------------------------------------

    def _plan_page(self) -> QWidget:
        page = QWidget(self)
        self.target = QComboBox(page)
        self.target.setEditable(True)
        self.target.setObjectName("plannerTarget")
        self.target.addItems([band.label for band in self.instrument.bands])
        current = self.model.score().shown_band  # the predikat, or without S its estimate
        upper = self.instrument.next_band(current)
        self.target.setCurrentText((upper or current).label)
        self.target.setToolTip(self.tr("Predikat (mis. Tinggi) atau angka (mis. 0,81)"))
        target_label = QLabel(self.tr("&Target:"), page)
        target_label.setBuddy(self.target)
        self.plan_button = QPushButton(self.tr("&Susun rencana"), page)
        self.plan_button.setDefault(True)
        top = QHBoxLayout()
        top.addWidget(target_label)
        top.addWidget(self.target, 1)
        top.addWidget(self.plan_button)

        self.avoid_list = QListWidget(page)
        self.avoid_list.setObjectName("plannerAvoid")
        remembered = set(self._remembered_hard_items())
        for item in self.applicable:
            entry = QListWidgetItem(item.heading)  # "7.1 Pembinaan …": the one way items are named
            entry.setData(ITEM_ROLE, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.id in remembered else Qt.CheckState.Unchecked)
            self.avoid_list.addItem(entry)
        avoid_box = QWidget(page)
        avoid_layout = QVBoxLayout(avoid_box)
        avoid_layout.setContentsMargins(0, 0, 0, 0)
        avoid_layout.addWidget(QLabel(self.tr("Sulit tahun ini (tidak dinaikkan):"), avoid_box))
        avoid_layout.addWidget(self.avoid_list, 1)

        self.message = QLabel(page)
        self.message.setObjectName("plannerMessage")
        self.message.setWordWrap(True)
        self.steps = QTableWidget(0, 5, page)
        self.steps.setObjectName("plannerSteps")
        self.steps.setHorizontalHeaderLabels([self.tr("Butir"), self.tr("Sub-aspek"), self.tr("Tingkat"),
                                              self.tr("Tambahan"), self.tr("Menjadi")])
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.steps.horizontalHeader()
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # What the selected step asks for: the new level's descriptor and the evidence expected.
        self.step_detail = QLabel(page)
        self.step_detail.setObjectName("plannerStepDetail")
        self.step_detail.setWordWrap(True)
        self.step_detail.setTextFormat(Qt.TextFormat.RichText)
        self.step_detail.setMinimumHeight(120)
        self.step_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.currentCellChanged.connect(self._on_steps_current_cell_changed)
        results = QWidget(page)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.message)
        results_layout.addWidget(self.steps, 1)
        results_layout.addWidget(self.step_detail)
        self.to_sandbox = QPushButton(self.tr("Coba rencana ini di &Bagaimana jika"), page)
        results_layout.addWidget(self.to_sandbox, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(page)
        splitter.addWidget(avoid_box)
        splitter.addWidget(results)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.plan_button.clicked.connect(self.make_plan)
        self.target.lineEdit().returnPressed.connect(self.make_plan)
        self.avoid_list.itemChanged.connect(self.make_plan)
        self.to_sandbox.clicked.connect(self._on_to_sandbox_clicked)
        return page

    def avoided(self) -> list[str]:
        return [self.avoid_list.item(row).data(ITEM_ROLE) for row in range(self.avoid_list.count())
                if self.avoid_list.item(row).checkState() == Qt.CheckState.Checked]

    # The office's "sulit tahun ini" marks stay with the assessment between openings.
    def _settings_key(self) -> str:
        return f"assessment-{self.model.assessment.id}/hard-items"

    def _remembered_hard_items(self) -> list[str]:
        value = app_settings().value(self._settings_key(), [])
        return [value] if isinstance(value, str) else list(value or [])

    def make_plan(self, *_args) -> None:
        if hasattr(self, "avoid_list"):
            app_settings().setValue(self._settings_key(), self.avoided())
        try:
            target = parse_target(self.instrument, self.target.currentText())
        except TargetError as exc:
            self.plan = None
            self.message.setText(user_message(exc))
            self.steps.setRowCount(0)
            self.to_sandbox.setEnabled(False)
            return
        self.plan = plan_improvement(self.instrument, self.model.gates, self.levels, target,
                                     survey=self.model.survey, correction=self.model.correction,
                                     avoid=self.avoided())
        self.message.setText(said_text(self.plan.message))
        places = self.instrument.precision
        self.steps.setRowCount(len(self.plan.steps))
        for row, step in enumerate(self.plan.steps):
            item = self.instrument.item(step.item_id)
            values = (item.code, item.subaspect or item.title, f"{step.from_level} → {step.to_level}",
                      "+" + decimal_id(step.gain, 4), decimal_id(step.value_after, places))
            for column, value in enumerate(values):
                self.steps.setItem(row, column, QTableWidgetItem(value))
        if self.plan.steps:
            self.steps.setCurrentCell(0, 0)
        else:
            self.step_detail.setText("")
        self.to_sandbox.setEnabled(self.plan.status == REACHED)

    # --- what if -----------------------------------------------------------------------------

    def _what_if_page(self) -> QWidget:
        page = QWidget(self)
        self.sandbox_label = QLabel(page)
        self.sandbox_label.setObjectName("whatIfHeadline")
        self.sandbox_label.setWordWrap(True)
        font = self.sandbox_label.font()
        font.setBold(True)
        self.sandbox_label.setFont(font)
        note = QLabel(self.tr("Ubah tingkat di sini untuk mencoba; jawaban yang sebenarnya tidak berubah."), page)
        self.sandbox = QTableWidget(len(self.applicable), 4, page)
        self.sandbox.setObjectName("whatIfTable")
        self.sandbox.setHorizontalHeaderLabels([self.tr("Butir"), self.tr("Judul"), self.tr("Sekarang"),
                                                self.tr("Coba")])
        self.sandbox.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.spins: dict[str, QSpinBox] = {}
        for row, item in enumerate(self.applicable):
            current = self.levels.get(item.id)
            self.sandbox.setItem(row, 0, QTableWidgetItem(item.code))
            self.sandbox.setItem(row, 1, QTableWidgetItem(item.subaspect or item.title))
            self.sandbox.setItem(row, 2, QTableWidgetItem("–" if current is None else str(current)))
            spin = QSpinBox(self.sandbox)
            spin.setRange(self.instrument.scale_min, self.instrument.scale_max)
            spin.setValue(self.instrument.scale_min if current is None else current)
            spin.setAccessibleName(self.tr("Tingkat coba {0}").format(item.code))
            spin.valueChanged.connect(self._on_sandbox_changed)
            self.sandbox.setCellWidget(row, 3, spin)
            self.spins[item.id] = spin
        self.reset_button = QPushButton(self.tr("&Kembalikan ke jawaban sekarang"), page)
        self.reset_button.clicked.connect(self.reset_sandbox)
        layout = QVBoxLayout(page)
        layout.addWidget(self.sandbox_label)
        layout.addWidget(note)
        layout.addWidget(self.sandbox, 1)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def sandbox_changes(self) -> dict[str, int]:
        changes = {}
        for item_id, spin in self.spins.items():
            current = self.levels.get(item_id)
            if spin.value() != (self.instrument.scale_min if current is None else current):
                changes[item_id] = spin.value()
        return changes

    def sandbox_result(self):
        return what_if(self.instrument, self.model.gates, self.levels, self.sandbox_changes(),
                       survey=self.model.survey, correction=self.model.correction)

    def _on_sandbox_changed(self, *_args) -> None:
        now = self.model.score()
        tried = self.sandbox_result()
        statement = headline_statement(tried, self.instrument)
        changes = len(self.sandbox_changes())
        self.sandbox_label.setText(self.tr("Bagaimana jika: {line} (sekarang {now}, {delta}; {count} butir diubah)")
                                   .format(line=said_text(statement.line), now=decimal_id(now.index, self.instrument.precision),
                                           delta=signed(tried.index - now.index, self.instrument.precision),
                                           count=changes))

    def reset_sandbox(self) -> None:
        for item_id, spin in self.spins.items():
            current = self.levels.get(item_id)
            spin.blockSignals(True)
            spin.setValue(self.instrument.scale_min if current is None else current)
            spin.blockSignals(False)
        self._on_sandbox_changed()

    def _on_to_sandbox_clicked(self) -> None:
        if self.plan is None:
            return
        self.reset_sandbox()
        for step in self.plan.steps:
            spin = self.spins[step.item_id]
            spin.blockSignals(True)
            spin.setValue(step.to_level)
            spin.blockSignals(False)
        self._on_sandbox_changed()
        self.tabs.setCurrentIndex(1)

    def _on_steps_current_cell_changed(self, row: int, *_args) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.steps):
            self.step_detail.setText("")
            return
        step = self.plan.steps[row]
        evidence = "".join(f"<li>{escape(text)}</li>" for text in step.evidence)
        self.step_detail.setText(self.tr("<b>{item} tingkat {level}:</b> {descriptor}<br/><b>Bukti dukung yang "
                                         "diharapkan instrumen:</b><ul style='margin:0'>{evidence}</ul>").format(
            item=escape(self.instrument.item(step.item_id).code), level=step.to_level, descriptor=escape(step.descriptor), evidence=evidence))
