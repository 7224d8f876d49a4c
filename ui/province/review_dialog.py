"""Province: review a received assessment item by item, the evidence beside each item.

The list on the left is every applicable item with its state (office's level → verified
level); the right shows the item's question, the office's level, justification and evidence
(opened read-only, as in the drill-down), and the verifier's level and note. Below: the
correction k with its reason, both indices, the progress, and the signed result and receipt.
Everything is ``models.review.ReviewSession``: each change is saved at once (one transaction
with its audit entry), so closing the dialog loses nothing and reopening resumes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models import review
from models.errors import classify
from models.evidence import EvidenceError, format_megabytes
from models.evidence_source import evidence_source
from models.report_data import headline_statement
from models.store import Store
from ui import evidence_panel
from ui.model_texts import error_text, model_text, said_text
from ui.province.enrolment_dialog import unlock_province_key

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 2


class ReviewDialog(QDialog):
    def __init__(self, store: Store, assessment_id: int, parent=None):
        super().__init__(parent)
        self.store = store
        self.session = review.ReviewSession(store, store.assessment(assessment_id))
        self.item_id: str | None = None
        self.last_job = None  # the latest evidence copy (tests wait on its ``done``)
        assessment = self.session.assessment
        self.setWindowTitle(self.tr("Tinjauan {office} — {year} revisi {revision}").format(
            office=assessment.office.name, year=assessment.year, revision=assessment.revision))

        self.items_list = QListWidget()
        for item_id in self.session.items:
            entry = QListWidgetItem()
            entry.setData(ITEM_ROLE, item_id)
            self.items_list.addItem(entry)
        self._refresh_list()

        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        font = self.item_title.font()
        font.setBold(True)
        self.item_title.setFont(font)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.self_level_label = QLabel()
        self.self_level_label.setWordWrap(True)
        self.justification = QLabel()
        self.justification.setWordWrap(True)
        self.justification.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence_list = QListWidget()
        self.open_button = QPushButton(self.tr("&Buka bukti"))
        self.open_button.setEnabled(False)

        self.level_combo = QComboBox()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Catatan verifikator (wajib bila tingkat berbeda)"))
        self.note_edit.setMaximumHeight(90)
        self.accept_button = QPushButton(self.tr("&Terima tingkat kantor"))
        self.save_button = QPushButton(self.tr("&Simpan tingkat verifikasi"))
        verdict = QGroupBox(self.tr("Hasil verifikasi butir ini"))
        verdict_form = QFormLayout(verdict)
        verdict_form.addRow(self.tr("Tingkat terverifikasi:"), self.level_combo)
        verdict_form.addRow(self.tr("Catatan:"), self.note_edit)
        verdict_buttons = QHBoxLayout()
        verdict_buttons.addWidget(self.accept_button)
        verdict_buttons.addWidget(self.save_button)
        verdict_form.addRow(verdict_buttons)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.item_title)
        detail_layout.addWidget(self.question)
        detail_layout.addWidget(self.self_level_label)
        detail_layout.addWidget(self.justification)
        detail_layout.addWidget(QLabel(self.tr("Bukti dukung kantor:")))
        detail_layout.addWidget(self.evidence_list, 1)
        detail_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(verdict)

        splitter = QSplitter()
        splitter.addWidget(self.items_list)
        splitter.addWidget(detail)
        splitter.setSizes([300, 700])

        self.k_spin = QDoubleSpinBox()
        self.k_spin.setRange(0.0, 1.0)
        self.k_spin.setDecimals(3)
        self.k_spin.setSingleStep(0.01)
        self.k_spin.setValue(self.session.k or 0.0)
        self.k_reason = QLineEdit(self.session.k_reason)
        self.k_reason.setPlaceholderText(self.tr("Alasan koreksi (wajib bila k di atas 0)"))
        self.k_button = QPushButton(self.tr("Simpan &koreksi"))
        correction = QHBoxLayout()
        correction.addWidget(QLabel(self.tr("Koreksi k:")))
        correction.addWidget(self.k_spin)
        correction.addWidget(self.k_reason, 1)
        correction.addWidget(self.k_button)

        self.progress_label = QLabel()
        self.scores_label = QLabel()
        self.scores_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")

        self.accept_rest_button = QPushButton(self.tr("Terima &semua sisanya"))
        self.export_button = QPushButton(self.tr("&Ekspor hasil verifikasi…"))
        self.receipt_button = QPushButton(self.tr("Tanda te&rima…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.accept_rest_button, self.export_button, self.receipt_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(correction)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.scores_label)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.items_list.currentItemChanged.connect(self._on_items_list_current_item_changed)
        self.evidence_list.currentItemChanged.connect(self._on_evidence_list_current_item_changed)
        self.evidence_list.itemActivated.connect(self._on_evidence_list_item_activated)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.k_button.clicked.connect(self._on_k_button_clicked)
        self.accept_rest_button.clicked.connect(self._on_accept_rest_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.receipt_button.clicked.connect(self._on_receipt_button_clicked)
        self.session.subscribe(self._on_review_event)
        self._refresh_summary()
        first_open = next((i for i, item_id in enumerate(self.session.items)
                           if not self.session.item(item_id).reviewed), 0)
        self.items_list.setCurrentRow(first_open)  # resume where the review stopped
        self.resize(1100, 720)

    # --- showing -----------------------------------------------------------------------------

    def _item_text(self, item_id: str) -> str:
        state = self.session.item(item_id)
        own = "–" if state.self_level is None else str(state.self_level)
        if not state.reviewed:
            return self.tr("{item}  mandiri {own} · belum ditinjau").format(item=item_id, own=own)
        mark = "✓" if not state.differs else "≠"
        return self.tr("{item}  mandiri {own} → {verified} {mark}").format(
            item=item_id, own=own, verified=state.verified_level, mark=mark)

    def _refresh_list(self) -> None:
        for row in range(self.items_list.count()):
            entry = self.items_list.item(row)
            entry.setText(self._item_text(entry.data(ITEM_ROLE)))

    def _refresh_summary(self) -> None:
        reviewed, total = self.session.progress()
        self.progress_label.setText(self.tr("{reviewed}/{total} butir ditinjau").format(
            reviewed=reviewed, total=total))
        instrument = self.session.instrument
        own = said_text(headline_statement(self.session.self_score(), instrument).line)
        verified = said_text(headline_statement(self.session.verified_score(), instrument).line)
        self.scores_label.setText(self.tr("Penilaian mandiri: {own}\nHasil verifikasi: {verified}").format(
            own=own, verified=verified))
        self.export_button.setEnabled(reviewed == total)

    def show_item(self, item_id: str) -> None:
        self.item_id = item_id
        instrument = self.session.instrument
        item = instrument.item(item_id)
        state = self.session.item(item_id)
        answer = self.store.answer(self.session.assessment, item_id)
        self.item_title.setText(f"{item.id} {item.title}")
        self.question.setText(item.question)
        if state.self_level is None:
            self.self_level_label.setText(self.tr("Tingkat mandiri kantor: belum dijawab"))
        else:
            self.self_level_label.setText(self.tr("Tingkat mandiri kantor: {level} — {descriptor}").format(
                level=state.self_level, descriptor=item.descriptor(state.self_level)))
        self.justification.setText(self.tr("Penjelasan kantor: {text}").format(
            text=(answer.justification if answer else "") or "–"))
        self.evidence_list.clear()
        for row in self.store.evidence(self.session.assessment, item_id):
            entry = QListWidgetItem(f"{row.label} ({row.original_name}, {format_megabytes(row.size)})")
            entry.setData(EVIDENCE_ROLE, row.id)
            self.evidence_list.addItem(entry)
        self.level_combo.clear()
        for level in range(instrument.scale_min, instrument.scale_max + 1):
            self.level_combo.addItem(f"{level} — {item.descriptor(level)}", level)
        shown = state.verified_level if state.reviewed else state.self_level
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(shown)))
        self.note_edit.setPlainText(state.note)
        self.message_label.clear()

    # --- changing ----------------------------------------------------------------------------

    def _attempt(self, change) -> bool:
        """Run a review change; a refusal is shown in the dialog, never raised."""
        try:
            change()
        except review.ReviewError as exc:
            self.message_label.setText(model_text(exc) or str(exc))  # by its code, in the user's language
            return False
        except Exception as exc:  # noqa: BLE001 - a disk or database fault: said in words, details logged
            self.message_label.setText(error_text(classify(exc)))
            return False
        self.message_label.clear()
        return True

    def set_verified_level(self, level: int, note: str) -> bool:
        return self._attempt(lambda: self.session.set_item(self.item_id, level, note))

    def _next_item(self) -> None:
        """After a decision, on to the next item not yet reviewed."""
        items = self.session.items
        start = items.index(self.item_id) if self.item_id in items else -1
        for position in list(range(start + 1, len(items))) + list(range(0, start + 1)):
            if not self.session.item(items[position]).reviewed:
                self.items_list.setCurrentRow(position)
                return

    def _on_items_list_current_item_changed(self, current, _previous) -> None:
        if current is not None:
            self.show_item(current.data(ITEM_ROLE))

    def _on_accept_button_clicked(self) -> None:
        if self.item_id and self._attempt(lambda: self.session.accept(self.item_id,
                                                                      self.note_edit.toPlainText())):
            self._next_item()

    def _on_save_button_clicked(self) -> None:
        if self.item_id and self.set_verified_level(self.level_combo.currentData(), self.note_edit.toPlainText()):
            self._next_item()

    def _on_k_button_clicked(self) -> None:
        self._attempt(lambda: self.session.set_correction(self.k_spin.value(), self.k_reason.text()))

    def _on_accept_rest_button_clicked(self) -> None:
        self._attempt(self.session.accept_remaining)

    def _on_review_event(self, event: str, payload) -> None:
        if event == review.ITEM_REVIEWED:
            self._refresh_list()
        if event == review.SCORE_CHANGED:
            self._refresh_summary()

    # --- evidence ------------------------------------------------------------------------------

    def _on_evidence_list_current_item_changed(self, current, _previous) -> None:
        self.open_button.setEnabled(current is not None)

    def _on_evidence_list_item_activated(self, entry) -> None:
        self.evidence_list.setCurrentItem(entry)
        self._on_open_button_clicked()

    def _on_open_button_clicked(self) -> None:
        current = self.evidence_list.currentItem()
        if current is None:
            return
        row = self.store.evidence_by_id(current.data(EVIDENCE_ROLE))
        try:
            source = evidence_source(self.store, row)
        except EvidenceError as error:
            self.message_label.setText(self.tr("Bukti dukung tidak dapat dibuka: {error}").format(error=error))
            return
        self.last_job = evidence_panel.view_evidence(self, source.copy_to, row.original_name)

    # --- the signed files ----------------------------------------------------------------------

    def _sign_to(self, passphrase: str | None, write, done: str) -> Path | None:
        """Unlock the province key, ``write(private_key)``; None when refused or cancelled."""
        private_key = unlock_province_key(self, self.store, passphrase)
        if private_key is None:
            return None
        written: list[Path] = []
        if not self._attempt(lambda: written.append(write(private_key))):
            return None
        self.message_label.setText(done.format(path=written[0]))
        return written[0]

    def export_result_to(self, target: Path, passphrase: str | None = None) -> Path | None:
        """Sign and write the verification result (said in the dialog when refused)."""
        return self._sign_to(passphrase, lambda key: review.export_result(self.store, self.session.assessment,
                                                                          key, target),
                             self.tr("Hasil verifikasi ditulis ke {path}"))

    def issue_receipt_to(self, target: Path, passphrase: str | None = None) -> Path | None:
        return self._sign_to(passphrase, lambda key: review.issue_receipt(self.store, self.session.received,
                                                                          key, target),
                             self.tr("Tanda terima ditulis ke {path}"))

    def _on_export_button_clicked(self) -> None:
        name = review.default_result_name(self.session.assessment) + ".meritv"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor hasil verifikasi"), name,
                                                self.tr("Hasil verifikasi (*.meritv)"))
        if target:
            self.export_result_to(Path(target))

    def _on_receipt_button_clicked(self) -> None:
        name = review.default_receipt_name(self.session.received) + ".meritr"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan tanda terima"), name,
                                                self.tr("Tanda terima (*.meritr)"))
        if target:
            self.issue_receipt_to(Path(target))
