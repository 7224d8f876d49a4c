"""The item editor: question, note, the five level descriptors as choices (keys 0–4),
justification, the *needs review* flag and note, and the evidence panel.

The digit keys choose a level only where the level is the obvious target: on the level
choices themselves and in the item list (``LevelKeys``). In a text field, the evidence list
or the search box a digit is just a digit. Every level change is announced briefly with an
undo link (``levelChanged`` → the workspace's notice).

Every change is an undoable command on the session's stack and is autosaved at once; text
is committed after a short pause in typing (and when leaving the field or the item), so the
audit trail records sentences, not keystrokes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.formatting import percent_id
from models.provenance import provenance_label
from ui.evidence_panel import EvidencePanel
from ui.gates_panel import ChoiceRow, GatesPanel, not_applicable_reason
from ui.navigator import item_heading, state_icon, state_text
from ui.session_adapter import SessionAdapter
from ui.undo_commands import SetAnswerFieldCommand
from ui.verification_view import VerificationItemLabel

TEXT_COMMIT_DELAY_MS = 800
MUTED = "color: palette(placeholder-text);"


def heading_label(parent: QWidget, scale: float = 1.3) -> QLabel:
    """A bold, larger, word-wrapped label (scaled from the user's font, so it follows DPI)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class LevelKeys(QObject):
    """An event filter: a digit key (no modifier) on a watched widget chooses that level."""

    def __init__(self, editor: ItemEditor):
        super().__init__(editor)
        self.editor = editor

    def level_of(self, event) -> int | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        text = event.text()
        if len(text) == 1 and text.isdigit() and int(text) in self.editor.level_rows:
            return int(text)
        return None

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.level_of(event) is not None:
            event.accept()  # the key is ours here, not a shortcut's nor the list's type-ahead
            return True
        if event.type() == QEvent.Type.KeyPress:
            level = self.level_of(event)
            if level is not None:
                self.editor.choose_level(level)
                return True
        return False

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)


class ItemEditor(QScrollArea):
    """Edits one item of the open assessment."""

    levelChanged = Signal(str, object, object)  # item id, old level, new level (after the push)

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.item_id: str | None = None
        self._unsaved_shown = False  # the state line carries "belum tersimpan"
        self._fitted_applies: bool | None = None  # the page was fitted for this applicability
        self._loading = False
        self.levels_compact = False
        self._fitting = False
        self._showing_item = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the area follows them
        body = QWidget(self)
        body.setObjectName("itemEditorBody")
        self.setWidget(body)

        self.title = heading_label(body)
        self.title.setObjectName("itemTitle")
        self.state_icon = QLabel(body)
        self.state_label = QLabel(body)
        self.state_label.setObjectName("itemState")
        self.aspect_label = QLabel(body)
        self.aspect_label.setWordWrap(True)
        self.aspect_label.setStyleSheet(MUTED)
        self.not_applicable = QLabel(body)
        self.not_applicable.setObjectName("notApplicableReason")
        self.not_applicable.setWordWrap(True)
        self.not_applicable.setStyleSheet(
            "background: #fff4ce; color: #3c3c3c; border: 1px solid #e0c36b; border-radius: 4px; padding: 8px;")
        gate_ids = [gate.id for gate in session.model.instrument.gates]
        self.gates = GatesPanel(session, gate_ids, body, collapsible=True, lazy=True)
        self.gates_box = QGroupBox(self.tr("Pertanyaan pembuka"), body)
        QVBoxLayout(self.gates_box).addWidget(self.gates)
        self.question = QLabel(body)
        self.question.setObjectName("itemQuestion")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        qfont = self.question.font()
        qfont.setBold(True)
        self.question.setFont(qfont)
        self.note = QLabel(body)
        self.note.setObjectName("itemNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet(MUTED + " font-style: italic;")
        self.verification_line = VerificationItemLabel(session.model.assessment, body)
        self.note_text = ""
        self.note_folded = False
        # On a short screen a long note folds to one line; this opens it (Alt+T, or a click).
        self.note_toggle = QToolButton(body)
        self.note_toggle.setObjectName("noteToggle")
        self.note_toggle.setCheckable(True)
        self.note_toggle.setText(self.tr("Catatan &lengkap"))
        self.note_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.note_toggle.setAutoRaise(True)
        # reached by its Alt key, outside the Tab order level -> justification -> evidence
        self.note_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_toggle.hide()
        self.note_row = QHBoxLayout()
        self.note_row.addWidget(self.note, 1)
        self.note_row.addWidget(self.note_toggle, 0, Qt.AlignmentFlag.AlignTop)
        # Where the text comes from, and the project's own notes kept apart from instrument text.
        self.provenance_full = self.provenance_short = ""
        self.provenance = QLabel(body)
        self.provenance.setObjectName("itemProvenance")
        self.provenance.setWordWrap(True)
        self.provenance.setTextFormat(Qt.TextFormat.RichText)
        self.provenance.setStyleSheet(MUTED)
        self.provenance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        instrument = session.model.instrument
        self.levels_title = self.tr("Tingkat (tombol {0}–{1} memilih di sini dan di daftar butir)").format(
            instrument.scale_min, instrument.scale_max)
        self.levels_box = QGroupBox(self.levels_title, body)
        self.levels_box.setToolTip(self.levels_title)
        self.level_group = QButtonGroup(self)
        self.level_rows: dict[int, ChoiceRow] = {}
        levels_layout = QVBoxLayout(self.levels_box)
        for level in range(instrument.scale_min, instrument.scale_max + 1):
            row = ChoiceRow(f"&{level}", "", self.levels_box)
            row.button.setObjectName(f"level{level}")
            self.level_group.addButton(row.button, level)
            self.level_rows[level] = row
            levels_layout.addWidget(row)
        self.clear_level = QPushButton(self.tr("Ko&songkan jawaban"), self.levels_box)
        self.clear_level.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        levels_layout.setContentsMargins(6, 2, 6, 2)
        levels_layout.setSpacing(0)

        self.justification_label = QLabel(self.tr("Pen&jelasan (justifikasi jawaban):"), body)
        self.justification = QPlainTextEdit(body)
        self.justification.setObjectName("justification")
        self.justification.setTabChangesFocus(True)
        self.justification.setPlaceholderText(self.tr(
            "Jelaskan mengapa tingkat ini dipilih; wajib bila belum ada bukti dukung."))
        # three lines: enough to read what was written, small enough that level, justification and
        # evidence fit a 1366x768 laptop together (the field scrolls for a longer text)
        lines = self.justification.fontMetrics().lineSpacing()
        self.justification.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.justification.setFixedHeight(3 * lines + 6)
        self.title_text = ""
        self.justification_label.setBuddy(self.justification)
        self.needs_review = QCheckBox(self.tr("Perlu &ditinjau"), body)
        self.needs_review.setObjectName("needsReview")
        self.review_note = QLineEdit(body)
        self.review_note.setObjectName("reviewNote")
        self.review_note.setPlaceholderText(self.tr("Catatan tinjauan (apa yang perlu diperiksa, oleh siapa)"))
        self.review_note.setAccessibleName(self.tr("Catatan tinjauan"))
        review_row = QHBoxLayout()
        review_row.addWidget(self.needs_review)
        review_row.addWidget(self.review_note, 1)
        review_row.addWidget(self.clear_level)

        self.evidence_box = QGroupBox(self.tr("Bukti dukung"), body)
        self.evidence = EvidencePanel(session, self.evidence_box)
        QVBoxLayout(self.evidence_box).addWidget(self.evidence)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.aspect_label)
        layout.addWidget(self.not_applicable)
        layout.addWidget(self.gates_box)
        layout.addWidget(self.question)
        layout.addLayout(self.note_row)
        layout.addWidget(self.verification_line)
        layout.addWidget(self.levels_box)
        # the text's origin (and any project notes) shares the justification label's line, so
        # that a long item still fits a 1366x768 laptop without scrolling
        justification_row = QHBoxLayout()
        justification_row.addWidget(self.justification_label, 0, Qt.AlignmentFlag.AlignBottom)
        justification_row.addWidget(self.provenance, 1)
        layout.addLayout(justification_row)
        layout.addWidget(self.justification)
        layout.addLayout(review_row)
        layout.addWidget(self.evidence_box)
        layout.addStretch(1)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_COMMIT_DELAY_MS)
        self.level_keys = LevelKeys(self)
        for row in self.level_rows.values():
            self.level_keys.watch(row.button)
            row.button.installEventFilter(self)  # focus opens a compact level's whole text
        self.level_keys.watch(self.clear_level)
        # Tab from the level goes to the justification, then the flag and note, then the evidence
        first_level = self.level_rows[instrument.scale_min].button
        QWidget.setTabOrder(first_level, self.clear_level)
        QWidget.setTabOrder(self.clear_level, self.justification)
        QWidget.setTabOrder(self.justification, self.needs_review)
        QWidget.setTabOrder(self.needs_review, self.review_note)
        QWidget.setTabOrder(self.review_note, self.evidence.list)

        self.level_group.idClicked.connect(self._on_level_group_id_clicked)
        self.clear_level.clicked.connect(self._on_clear_level_clicked)
        self.note_toggle.toggled.connect(self._on_note_toggle_toggled)
        self.justification.textChanged.connect(self._on_text_changed)
        self.review_note.textEdited.connect(self._on_text_changed)
        self.review_note.editingFinished.connect(self.commit_pending_text)
        self.needs_review.clicked.connect(self._on_needs_review_clicked)
        self._text_timer.timeout.connect(self.commit_pending_text)
        self.justification.installEventFilter(self)
        session.answerChanged.connect(self._on_session_answer_changed)
        session.gatesChanged.connect(self._on_session_gates_changed)
        session.saveStateChanged.connect(self._on_session_save_state_changed)  # "belum tersimpan" goes
        self._set_enabled(False)

    # --- showing ---------------------------------------------------------------------------

    COMPACT_BELOW = 680  # viewport height (logical px) under which the aspect line gives way
    TITLE_BELOW = 560  # ... and under which the evidence box's title does too (125 %)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """On a short screen (1366x768 at 125 %) the aspect line and the evidence box's title
        give way, so that level, justification and evidence fit together."""
        super().resizeEvent(event)
        self._fit_height()

    def viewport_height(self) -> int:
        """``viewport().height()`` without asking for the viewport widget: that would make
        PySide load a Python type for every widget class on the first frame (some 8 ms)."""
        scroll_bar = self.horizontalScrollBar()
        below = scroll_bar.height() if scroll_bar.isVisibleTo(self) else 0
        return self.maximumViewportSize().height() - below

    def _fit_height(self) -> None:
        height = self.viewport_height()
        self.aspect_label.setVisible(height >= self.COMPACT_BELOW)
        self.evidence_box.setTitle(self.tr("Bukti dukung") if height >= self.TITLE_BELOW else "")
        self._fit_levels()

    def _level_in_hand(self) -> int | None:
        """The level whose text a person is reading: the focused choice, else the chosen one."""
        for level, row in self.level_rows.items():
            if row.button.hasFocus():
                return level
        return self.level_group.checkedId() if self.level_group.checkedId() in self.level_rows else None

    def _fit_levels(self) -> None:
        """Whole level descriptors when the item fits the screen with them; otherwise (long
        descriptors on a short screen, e.g. 1366x768 at 125 %) the level in hand keeps its
        whole text and the others show one elided line, the whole text in their tooltip and
        accessible name. Moving through the levels with the arrow keys opens each in turn."""
        body = self.widget()
        if self.item_id is None or body is None or body.layout() is None:
            return
        if self._fitting:
            return
        self._fitting = True
        try:
            self._set_compact(False)
            self._settle_layout()
            if self.verticalScrollBar().maximum() > 0:
                self._set_compact(True)
                self._settle_layout()
        finally:
            self._fitting = False

    @staticmethod
    def _settle_layout() -> None:
        """Run Qt's pending layout passes now (nested layouts settle one level per pass), so
        the scroll bar tells whether the item fits."""
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _set_compact(self, compact: bool) -> None:
        """Compact: elided level lines (but the one in hand), a folded note, a confirmed
        opening question as its one answer line."""
        self.levels_compact = compact
        in_hand = self._level_in_hand()
        for level, row in self.level_rows.items():
            row.set_compact(compact and level != in_hand)
        self.gates.set_compact(compact)
        self.gates_box.setTitle("" if compact else self.tr("Pertanyaan pembuka"))
        self.levels_box.setTitle("" if compact else self.levels_title)  # still its tooltip
        self.evidence.set_compact(compact)
        self.gates_box.setFlat(compact)
        self.note_folded = compact
        self._show_note()
        # The project's notes fold behind the origin line; the whole of them in the tooltip.
        self.provenance.setText(self.provenance_short if compact else self.provenance_full)
        self.provenance.setToolTip(self.provenance_full if compact else "")
        self.provenance.setWordWrap(not compact)
        # The heading on one line (the whole of it in the tooltip and the item list), the
        # justification two lines high (it scrolls within itself).
        lines = self.justification.fontMetrics().lineSpacing()
        self.justification.setFixedHeight((2 if compact else 3) * lines + 6)
        metrics = self.title.fontMetrics()
        width = max(self.maximumViewportSize().width() - self.state_label.sizeHint().width() - 60, 80)
        shown = metrics.elidedText(self.title_text, Qt.TextElideMode.ElideRight, width) if compact else self.title_text
        self.title.setText(shown)
        self.title.setWordWrap(shown == self.title_text)

    def _show_note(self) -> None:
        folded = self.note_folded and not self.note_toggle.isChecked()
        metrics = self.note.fontMetrics()
        width = max(self.maximumViewportSize().width() - self.note_toggle.sizeHint().width() - 30, 80)
        fits = metrics.horizontalAdvance(self.note_text) <= width
        self.note_toggle.setVisible(self.note_folded and not fits)
        if folded and not fits:
            self.note.setWordWrap(False)
            self.note.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred))
            self.note.setText(metrics.elidedText(self.note_text, Qt.TextElideMode.ElideRight, width))
            self.note.setToolTip(self.note_text)
        else:
            self.note.setWordWrap(True)
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)  # as QLabel.setWordWrap(True) leaves it
            self.note.setSizePolicy(policy)
            self.note.setText(self.note_text)
            self.note.setToolTip("")
        self.note.updateGeometry()

    def _on_note_toggle_toggled(self, _checked: bool) -> None:
        self._show_note()

    def show_item(self, item_id: str) -> None:
        if item_id != self.item_id:
            self.commit_pending_text()
        self.item_id = item_id
        self._fitted_applies = None  # another page: fitted again below
        item = self.session.model.instrument.item(item_id)
        aspect = self.session.model.instrument.aspect(item.aspect_id)
        self._loading = self._showing_item = True  # one fit of the levels, at the end
        try:
            self.title_text = item_heading(item)
            self.title.setText(self.title_text)
            context = self.tr("Aspek {0}. {1}").format(aspect.number, aspect.title)
            if item.subaspect and item.title not in item.subaspect:
                context += " · " + item.subaspect
            self.aspect_label.setText(context)
            self.title.setToolTip(self.title_text + "\n" + context)  # also there when the line gives way
            self.question.setText(item.question)
            self.note_text = item.note
            self.note_toggle.setChecked(False)
            self._show_note()
            self.note.setVisible(bool(item.note))
            for level, row in self.level_rows.items():
                row.set_text(item.descriptor(level))
            self.provenance_full, self.provenance_short = self._provenance_html(item)
            self.provenance.setText(self.provenance_full)
            gate_ids = [item.applies_when.gate] if item.applies_when else []
            self.gates.set_gate_ids(gate_ids)
            self.gates_box.setVisible(bool(gate_ids))
            answer = self.session.model.answer(item_id)
            self.justification.setPlainText(answer.justification)
            self.review_note.setText(answer.review_note)
            self._show_answer()
        finally:
            self._loading = self._showing_item = False
        self.evidence.set_item(item_id)
        self.verification_line.show_item(item_id)
        self._fit_levels()
        self.verticalScrollBar().setValue(0)

    def _provenance_html(self, item) -> tuple[str, str]:
        """The item text's origin, then the project's own notes in italics (never as
        instrument text); and the origin alone, for a short screen (the notes in its tooltip)."""
        source = self.tr("Teks butir: {kind}.").format(kind=provenance_label(item.provenance))
        notes = [self.tr("Tingkat {level}: {note}").format(level=level.level, note=escape(level.project_note))
                 for level in item.levels if level.project_note]
        if item.evidence_project_note:
            notes.append(self.tr("Bukti dukung: {note}").format(note=escape(item.evidence_project_note)))
        short = f"<small>{escape(source)}</small>"
        html = short
        for note in notes:
            html += f"<br><small><i>{escape(self.tr('Catatan proyek'))} — {note}</i></small>"
        if notes:
            short += f" <small><i>{escape(self.tr('+ catatan proyek'))}</i></small>"
        return html, short

    def _show_answer(self) -> None:
        """Level, flag and applicability of the current item (text fields are left alone)."""
        if self.item_id is None:
            return
        session = self.session
        answer = session.model.answer(self.item_id)
        applies = session.model.applies(self.item_id)
        self._loading = True
        try:
            self.level_group.setExclusive(False)
            for level, row in self.level_rows.items():
                row.button.setChecked(answer.level == level)
            self.level_group.setExclusive(True)
            self.needs_review.setChecked(answer.needs_review)
        finally:
            self._loading = False
        self.not_applicable.setVisible(not applies)
        if not applies:
            self.not_applicable.setText(not_applicable_reason(session, self.item_id))
        state = session.model.item_state(self.item_id)
        text = state_text(state)
        self._unsaved_shown = session.model.is_unsaved(self.item_id)
        if self._unsaved_shown:
            text += " · " + self.tr("belum tersimpan")
        self.state_label.setText(text)
        self.state_icon.setPixmap(state_icon(state).pixmap(self.fontMetrics().height()))
        self._set_enabled(applies)
        self.evidence.refresh_state()
        if self._showing_item:
            self._fitted_applies = applies  # show_item fits the levels once, at its end
        elif applies != self._fitted_applies:
            self._fitted_applies = applies
            self._fit_levels()
        elif self.levels_compact:
            # Whether the page needs the compact form does not depend on the chosen level
            # (it is decided with every level whole): only the level in hand opens.
            in_hand = self._level_in_hand()
            for level, row in self.level_rows.items():
                row.set_compact(level != in_hand)

    def _set_enabled(self, applies: bool) -> None:
        writable = self.item_id is not None and not self.session.model.read_only
        self.levels_box.setEnabled(writable and applies)
        self.clear_level.setEnabled(writable and applies)  # beside the review note, not in the box
        self.justification.setReadOnly(not writable)
        self.review_note.setReadOnly(not writable)
        self.needs_review.setEnabled(writable)
        self.justification.setEnabled(self.item_id is not None)

    # --- editing ---------------------------------------------------------------------------

    def choose_level(self, level: int | None) -> None:
        """Set the current item's level (keys 0–4, clicks, arrow keys all come here)."""
        if self.item_id is None or self.session.model.read_only or not self.session.model.applies(self.item_id):
            return
        if not self.isVisible():  # an aspect page is shown: the keys must not answer a hidden item
            return
        self.commit_pending_text()
        old = self.session.model.answer(self.item_id).level
        if old == level:
            return
        self.session.undo_stack.push(SetAnswerFieldCommand(self.session, self.item_id, "level", old, level))
        self.levelChanged.emit(self.item_id, old, level)

    def first_level_button(self):
        """Where Tab from the item list lands: the chosen level, else the first one."""
        checked = self.level_group.checkedButton()
        return checked if checked is not None else self.level_rows[min(self.level_rows)].button

    def _on_level_group_id_clicked(self, level: int) -> None:
        if not self._loading:
            self.choose_level(level)

    def _on_clear_level_clicked(self) -> None:
        self.choose_level(None)

    def _on_needs_review_clicked(self, checked: bool) -> None:
        if self.item_id is None or self._loading:
            return
        self.commit_pending_text()
        old = self.session.model.answer(self.item_id).needs_review
        if old != checked:
            self.session.undo_stack.push(
                SetAnswerFieldCommand(self.session, self.item_id, "needs_review", old, checked))
        if checked and not self.review_note.text():
            self.review_note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text_changed(self, *_args) -> None:
        if not self._loading and self.item_id is not None:
            self._text_timer.start()

    def commit_pending_text(self) -> None:
        """Write typed justification and review note now (also before undo, switching, closing)."""
        self._text_timer.stop()
        if self.item_id is None or self.session.model.read_only:
            return
        answer = self.session.model.answer(self.item_id)
        for field, value in (("justification", self.justification.toPlainText()),
                             ("review_note", self.review_note.text())):
            old = getattr(answer, field)
            if value != old:
                self.session.undo_stack.push(SetAnswerFieldCommand(self.session, self.item_id, field, old, value))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is getattr(self, "justification", None):
            self.commit_pending_text()
        if (event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) and getattr(self, "levels_compact", False)
                and any(watched is row.button for row in self.level_rows.values())):
            QTimer.singleShot(0, self._fit_levels)  # after the focus has moved
        return super().eventFilter(watched, event)

    # --- session updates -------------------------------------------------------------------

    def _on_session_answer_changed(self, item_id: str) -> None:
        if item_id != self.item_id:
            return
        answer = self.session.model.answer(item_id)
        if not self._text_timer.isActive():  # an undo or redo changed the text: show it
            self._loading = True
            try:
                if self.justification.toPlainText() != answer.justification:
                    self.justification.setPlainText(answer.justification)
                if self.review_note.text() != answer.review_note:
                    self.review_note.setText(answer.review_note)
            finally:
                self._loading = False
        self._show_answer()

    def _on_session_gates_changed(self) -> None:
        self._show_answer()

    def _on_session_save_state_changed(self) -> None:
        # Of this page only the "belum tersimpan" mark follows the save state ("Menyimpan…"
        # and "Tersimpan" are the status bar's): no new layout on every write.
        if self.item_id is not None and self.session.model.is_unsaved(self.item_id) != self._unsaved_shown:
            self._show_answer()


class AspectPage(QScrollArea):
    """What the editor shows when an aspect (not an item) is chosen: its weight and gates."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(self)
        self.setWidget(body)
        self.title = heading_label(body)
        self.description = QLabel(body)
        self.description.setWordWrap(True)
        self.weight = QLabel(body)
        self.weight.setWordWrap(True)
        self.gates = GatesPanel(session, [gate.id for gate in session.model.instrument.gates], body, lazy=True)
        self.gates_box = QGroupBox(self.tr("Pertanyaan pembuka aspek ini"), body)
        QVBoxLayout(self.gates_box).addWidget(self.gates)
        self.hint = QLabel(self.tr("Pilih butir di sebelah kiri untuk menjawabnya."), body)
        self.hint.setStyleSheet(MUTED)
        layout = QVBoxLayout(body)
        for widget in (self.title, self.description, self.weight, self.gates_box, self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_aspect(self, aspect_id: str) -> None:
        aspect = self.session.model.instrument.aspect(aspect_id)
        self.title.setText(self.tr("Aspek {0}. {1}").format(aspect.number, aspect.title))
        self.description.setText(aspect.description)
        self.description.setVisible(bool(aspect.description))
        weight = self.tr("Bobot aspek: {0}").format(percent_id(aspect.weight))
        if aspect.provisional:
            weight += " " + self.tr("(sementara — bobot resmi belum diterbitkan)")
        elif aspect.weight_basis.provenance:
            weight += f" ({provenance_label(aspect.weight_basis.provenance)})"
        if aspect.weight_source:
            weight += "\n" + aspect.weight_source
        self.weight.setText(weight)
        gate_ids = [gate.id for gate in self.session.model.instrument.gates_for_aspect(aspect_id)]
        self.gates.set_gate_ids(gate_ids)
        self.gates_box.setVisible(bool(gate_ids))
