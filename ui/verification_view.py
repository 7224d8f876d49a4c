"""Office: what the province sent back, shown beside the office's own answers.

* ``VerificationItemLabel``: the item editor's small line ("Verifikasi provinsi: tingkat 2
  (mandiri 3) — note"), from the nearest result up to this assessment
  (``models.verification.result_at_hand``: its own, a reopened revision's source, last year's).
* ``verification_score_text``: the score panel's line with both indices.
* ``import_answer_file_with_dialog``: the menu action importing a ``.meritv`` or ``.meritr``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from models import verification
from models.formatting import decimal_id
from models.store import Store
from models.tables import Assessment
from ui.model_texts import said_text, without_detail


class VerificationItemLabel(QLabel):
    """One line under the item's question; hidden when no result is at hand."""

    def __init__(self, assessment: Assessment, parent=None):
        super().__init__(parent)
        self.setObjectName("verificationLine")
        self.setWordWrap(True)
        self.setStyleSheet("color: #0b5394;")
        self.assessment = assessment
        self.reload()

    def reload(self) -> None:
        self.at_hand = verification.result_at_hand(self.assessment)
        self.setVisible(False)

    def show_item(self, item_id: str) -> None:
        item = self.at_hand.item(item_id) if self.at_hand else None
        if item is None:
            self.clear()
            self.setVisible(False)
            return
        text = said_text(item.line())
        if (self.at_hand.year, self.at_hand.revision) != (self.assessment.year, self.assessment.revision):
            text += " " + QCoreApplication.translate("VerificationView", "(hasil verifikasi {which})").format(
                which=said_text(self.at_hand.same_assessment_label))
        self.setText(text)
        self.setVisible(True)


def verification_score_text(assessment: Assessment, at_hand=...) -> str:
    """Both indices of this revision's verification result, or empty when none. ``at_hand``:
    ``result_at_hand(assessment)`` when the caller already has it (one query fewer at start)."""
    if at_hand is ...:
        at_hand = verification.result_at_hand(assessment)
    if at_hand is None or (at_hand.year, at_hand.revision) != (assessment.year, assessment.revision):
        return ""
    row = at_hand.row
    return QCoreApplication.translate(
        "VerificationView", "Hasil verifikasi provinsi ({reviewer}, {date}): {verified}\nIndeks mandiri {own} · "
                            "hasil verifikasi {index}").format(reviewer=row.reviewer, date=row.reviewed_on,
                                            verified=at_hand.verified_statement,
                                            own=decimal_id(row.self_index, 3), index=decimal_id(row.verified_index, 3))


def import_answer_file_with_dialog(parent: QWidget, store: Store, path: Path | None = None):
    """Ask for the file (unless given), import it, tell the person; returns the outcome."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("VerificationView", "Impor hasil verifikasi atau tanda terima"), "",
            QCoreApplication.translate("VerificationView", "Dari provinsi (*.meritv *.meritr);;Semua berkas (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    outcome = verification.import_answer_file(store, path)
    if outcome.ok:
        QMessageBox.information(parent, QCoreApplication.translate("VerificationView", "Berkas dari provinsi"),
                                said_text(outcome.message))
    else:  # the reason by its code; the technical detail stays in the log and the CLI
        QMessageBox.warning(parent, QCoreApplication.translate("VerificationView", "Berkas dari provinsi ditolak"),
                            said_text(without_detail(outcome.message)))
    return outcome
