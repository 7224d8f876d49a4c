"""The gate questions (type of instansi, TPP, incidents), asked where they belong.

Answering a gate switches the items it governs on or off at once; the change goes through
the undo stack like any answer. :class:`ChoiceRow` (a radio button with a word-wrapped
text) is shared with the item editor's level choices, whose descriptors are long too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.session_adapter import SessionAdapter
from ui.styles import NOTICE_STYLE
from ui.undo_commands import SetGateCommand


class ChoiceRow(QWidget):
    """A radio button whose long text wraps; clicking the text clicks the button."""

    def __init__(self, mark: str, text: str, parent=None):
        super().__init__(parent)
        self.button = QRadioButton(mark, self)
        self.button.setAccessibleName(f"{mark} {text}".strip())
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The indicator sits centred on the text's first line, however many lines follow.
        self.button.setFixedHeight(max(self.button.sizeHint().height(), self.label.fontMetrics().height()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 1, 0, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)
        self.label.mousePressEvent = self._on_label_mouse_press
        self.full_text = text
        self.compact = False  # one elided line, the whole text in the tooltip (short screens)

    def _on_label_mouse_press(self, event) -> None:
        if self.button.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.button.click()

    def set_text(self, text: str) -> None:
        self.full_text = text
        self.button.setAccessibleName(f"{self.button.text()} {text}".strip())
        self._show_text()

    def set_compact(self, compact: bool) -> None:
        """One line, elided, with the whole text as the tooltip (and still the accessible
        name); or the whole text, word-wrapped."""
        if compact == self.compact:
            return
        self.compact = compact
        self.label.setWordWrap(not compact)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored if compact else QSizePolicy.Policy.Expanding,
                             QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(not compact)  # a wrapped text's height follows its width
        self.label.setSizePolicy(policy)
        self._show_text()
        self.label.updateGeometry()
        self.updateGeometry()

    def _show_text(self) -> None:
        text = self.full_text
        if self.compact:
            width = self.label.width() if self.label.width() > 40 else self.width() - self.button.width() - 12
            elided = self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(width, 40))
            tip = text if elided != text else ""
            text = elided
        else:
            tip = ""
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.button.setToolTip(tip)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.compact:
            self._show_text()


class GateQuestion(QWidget):
    """One gate: its question, note and options."""

    chosen = Signal(str, str)  # gate id, value

    def __init__(self, gate, parent=None, collapsible: bool = False):
        super().__init__(parent)
        self.gate = gate
        self.collapsible = collapsible  # a confirmed answer folds into one line (the item editor)
        self.expanded = False
        self.compact = False  # a short screen: a folded answer shows only its one line
        self._confirmed = False
        self._value: str | None = None
        question = QLabel(f"<b>{gate.question}</b>", self)
        question.setWordWrap(True)
        self.question_label = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(question)
        self.summary = QLabel(self)
        self.summary.setObjectName("gateSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(gate.question)
        self.change_button = QPushButton(QCoreApplication.translate("gates", "Ubah jawaban…"), self)
        self.change_button.setObjectName("gateChange")
        self.change_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.change_button)
        layout.addLayout(summary_row)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.note = None
        if gate.note:
            note = QLabel(gate.note, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(note)
            self.note = note
        self.project_note = None
        if gate.project_note:  # the project's explanation, not the instrument's words
            project_note = QLabel(self.tr("Catatan proyek — {note}").format(note=gate.project_note), self)
            project_note.setObjectName("gateProjectNote")
            project_note.setWordWrap(True)
            project_note.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
            layout.addWidget(project_note)
            self.project_note = project_note
        self.unconfirmed = QLabel(self)
        self.unconfirmed.setObjectName("gateUnconfirmed")
        self.unconfirmed.setWordWrap(True)
        self.unconfirmed.setStyleSheet(NOTICE_STYLE)
        self.unconfirmed.setText(QCoreApplication.translate(
            "gates", "Belum dikonfirmasi: pilih jawabannya. Sampai dipilih, nilai dihitung dengan «{0}» dan "
            "finalisasi belum bisa dilakukan.").format(gate.label_of(gate.default)))
        layout.addWidget(self.unconfirmed)
        self.group = QButtonGroup(self)
        self.rows: dict[str, ChoiceRow] = {}
        for position, option in enumerate(gate.options):
            row = ChoiceRow("", option.label, self)
            self.group.addButton(row.button, position)
            self.rows[option.value] = row
            layout.addWidget(row)
        self.group.idClicked.connect(self._on_group_id_clicked)

    def folded(self) -> bool:
        return self.collapsible and self._confirmed and not self.expanded

    def _fold(self, value: str | None) -> None:
        folded = self.folded()
        self.summary.setText(QCoreApplication.translate("gates", "Jawaban: {0}").format(
            self.gate.label_of(value or "")))
        for widget in (self.summary, self.change_button):
            widget.setVisible(folded)
        self.question_label.setVisible(not (folded and self.compact))
        notes = [label for label in (self.note, self.project_note) if label is not None]
        for widget in [row for row in self.rows.values()] + notes:
            widget.setVisible(not folded)

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self._fold(self._value)

    def _on_change_button_clicked(self) -> None:
        self.expanded = True
        self._fold(None)
        checked = self.group.checkedButton()
        (checked or next(iter(self.rows.values())).button).setFocus()

    def set_value(self, value: str | None, confirmed: bool = True) -> None:
        """Show the answer; an unconfirmed gate shows no choice and says so."""
        self._confirmed = confirmed
        self._value = value
        self.unconfirmed.setVisible(not confirmed)
        self._fold(value)
        if not confirmed:
            self.group.setExclusive(False)
            for row in self.rows.values():
                row.button.setChecked(False)
            self.group.setExclusive(True)
            return
        row = self.rows.get(value)
        if row is not None and not row.button.isChecked():
            row.button.setChecked(True)

    def _on_group_id_clicked(self, position: int) -> None:
        self.chosen.emit(self.gate.id, self.gate.options[position].value)


class GatesPanel(QWidget):
    """The gates ``gate_ids`` of the open assessment, kept in step with the session."""

    def __init__(self, session: SessionAdapter, gate_ids: list[str] | tuple[str, ...], parent=None,
                 collapsible: bool = False, lazy: bool = False):
        """``lazy``: a gate's question is built when ``set_gate_ids`` first asks for it (the item
        editor shows at most one gate per item, so an assessment opens without the others)."""
        super().__init__(parent)
        self.session = session
        self._gate_ids = list(gate_ids)
        self._collapsible = collapsible
        self._compact = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.questions: dict[str, GateQuestion] = {}
        for gate_id in () if lazy else gate_ids:
            self._question(gate_id)
        session.gatesChanged.connect(self._on_session_gates_changed)

    def _question(self, gate_id: str) -> GateQuestion:
        question = self.questions.get(gate_id)
        if question is not None:
            return question
        question = GateQuestion(self.session.model.instrument.gate(gate_id), self, self._collapsible)
        question.chosen.connect(self._on_question_chosen)
        question.setEnabled(not self.session.model.read_only)
        question.set_compact(self._compact)
        question.set_value(self.session.model.gates.get(gate_id), self.session.model.gate_confirmed(gate_id))
        # in the order of gate_ids, whichever was built first
        position = sum(1 for other in self._gate_ids[:self._gate_ids.index(gate_id)] if other in self.questions)
        self.questions[gate_id] = question
        self.layout().insertWidget(position, question)
        return question

    def set_compact(self, compact: bool) -> None:
        """On a short screen a confirmed answer shows only 'Jawaban: …' (the question in its tooltip)."""
        self._compact = compact
        for question in self.questions.values():
            question.set_compact(compact)

    def set_gate_ids(self, gate_ids) -> None:
        for gate_id in gate_ids:
            if gate_id in self._gate_ids:
                self._question(gate_id)
        for gate_id, question in self.questions.items():
            question.setVisible(gate_id in gate_ids)
            if question.expanded:  # another item: a confirmed answer folds again
                question.expanded = False
                question.set_value(self.session.model.gates.get(gate_id), self.session.model.gate_confirmed(gate_id))

    def _on_session_gates_changed(self) -> None:
        for gate_id, question in self.questions.items():
            question.set_value(self.session.model.gates.get(gate_id), self.session.model.gate_confirmed(gate_id))

    def _on_question_chosen(self, gate_id: str, value: str) -> None:
        old = self.session.model.gates.get(gate_id)
        if old != value or not self.session.model.gate_confirmed(gate_id):
            self.session.undo_stack.push(SetGateCommand(self.session, gate_id, old, value))


def not_applicable_reason(session: SessionAdapter, item_id: str) -> str:
    """Why a gated-out item does not apply, in the user's words."""
    from PySide6.QtCore import QCoreApplication

    item = session.model.instrument.item(item_id)
    condition = item.applies_when
    gate = session.model.instrument.gate(condition.gate)
    current = gate.label_of(session.model.gates.get(condition.gate, ""))
    needed = ", ".join(gate.label_of(value) for value in condition.values)
    return QCoreApplication.translate(
        "gates",
        "Butir ini tidak berlaku karena jawaban pertanyaan pembuka «{0}» adalah «{1}». "
        "Butir ini hanya berlaku bila jawabannya: {2}. Butir yang tidak berlaku tidak dihitung "
        "(bukan dianggap nol).",
    ).format(gate.question, current, needed)
