"""Undoable edits of an open assessment (``SessionAdapter.undo_stack``).

Each command's ``redo``/``undo`` goes through the session, so an undo is autosaved like any
other change; an undo or redo waits until it is durable (the edit itself does not). After the first ``redo`` (the edit itself) every undo/redo also asks the
window to show the item it changed (``itemTouched``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from models.evidence import StoredBlob
from ui.session_adapter import SessionAdapter

TEXT_MERGE_ID = 0x4D4C  # consecutive text commits to the same field merge into one step


class _SessionCommand(QUndoCommand):
    def __init__(self, session: SessionAdapter, item_id: str | None, text: str):
        super().__init__(text)
        self.session = session
        self.item_id = item_id
        self._first = True

    def undo(self) -> None:
        # Undo and redo wait for the disk, before and after (rare steps, read back at once):
        # what is undone is durable first (a failed write retried), in order.
        self.session.model.flush()
        self._undo()
        self.session.model.flush()

    def _undo(self) -> None:
        raise NotImplementedError

    def _touch(self) -> None:
        if self._first:  # the edit itself: on its way to the disk, the window does not wait
            self._first = False
            return
        self.session.model.flush()
        if self.item_id:
            self.session.itemTouched.emit(self.item_id)


def _field_change_text(field: str, item_id: str) -> str:
    texts = {
        "level": QCoreApplication.translate("undo", "Ubah tingkat {0}"),
        "justification": QCoreApplication.translate("undo", "Ubah penjelasan {0}"),
        "needs_review": QCoreApplication.translate("undo", "Ubah tanda perlu ditinjau {0}"),
        "review_note": QCoreApplication.translate("undo", "Ubah catatan tinjauan {0}"),
    }
    return texts[field].format(item_id.removeprefix("A"))


class SetAnswerFieldCommand(_SessionCommand):
    def __init__(self, session: SessionAdapter, item_id: str, field: str, old, new):
        text = _field_change_text(field, item_id)
        super().__init__(session, item_id, text)
        self.field = field
        self.old = old
        self.new = new

    def id(self) -> int:
        return TEXT_MERGE_ID if self.field in ("justification", "review_note") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetAnswerFieldCommand):
            return False
        if (other.item_id, other.field) != (self.item_id, self.field):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session.model.set_answer_fields(self.item_id, **{self.field: self.new})
        self._touch()

    def _undo(self) -> None:
        self.session.model.set_answer_fields(self.item_id, **{self.field: self.old})
        self.session.itemTouched.emit(self.item_id)


class SetGateCommand(_SessionCommand):
    def __init__(self, session: SessionAdapter, gate_id: str, old: str, new: str, item_id: str | None = None):
        super().__init__(session, item_id, QCoreApplication.translate("undo", "Ubah jawaban pertanyaan pembuka"))
        self.gate_id = gate_id
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.session.model.set_gate(self.gate_id, self.new)
        self._touch()

    def _undo(self) -> None:
        self.session.model.set_gate(self.gate_id, self.old)


class SurveyCorrectionCommand(_SessionCommand):
    def __init__(self, session: SessionAdapter, old: tuple, new: tuple):
        super().__init__(session, None, QCoreApplication.translate("undo", "Ubah nilai survei dan koreksi"))
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.session.model.set_survey_and_correction(*self.new)

    def _undo(self) -> None:
        self.session.model.set_survey_and_correction(*self.old)


class AddEvidenceCommand(_SessionCommand):
    """Attach a copied blob; undo removes the evidence row (soft), redo restores it."""

    def __init__(self, session: SessionAdapter, item_id: str, blob: StoredBlob, original_name: str):
        super().__init__(session, item_id, QCoreApplication.translate("undo", "Tambah bukti {0}").format(original_name))
        self.blob = blob
        self.original_name = original_name
        self.evidence_id: int | None = None

    def redo(self) -> None:
        if self.evidence_id is None:
            evidence = self.session.model.attach_blob(self.item_id, self.blob, self.original_name)
            if evidence is None:  # the write failed; the session retries it, not the stack
                self.setObsolete(True)
                return
            self.evidence_id = evidence.id
        else:
            self.session.model.restore_evidence(self.evidence_id, self.item_id)
        self._touch()

    def _undo(self) -> None:
        if self.evidence_id is not None:
            self.session.model.remove_evidence(self.evidence_id, self.item_id)
            self.session.itemTouched.emit(self.item_id)


class RemoveEvidenceCommand(_SessionCommand):
    def __init__(self, session: SessionAdapter, evidence_id: int, item_id: str, label: str):
        super().__init__(session, item_id, QCoreApplication.translate("undo", "Hapus bukti {0}").format(label))
        self.evidence_id = evidence_id

    def redo(self) -> None:
        self.session.model.remove_evidence(self.evidence_id, self.item_id)
        self._touch()

    def _undo(self) -> None:
        self.session.model.restore_evidence(self.evidence_id, self.item_id)
        self.session.itemTouched.emit(self.item_id)


class RenameEvidenceCommand(_SessionCommand):
    def __init__(self, session: SessionAdapter, evidence_id: int, item_id: str, old: str, new: str):
        super().__init__(session, item_id, QCoreApplication.translate("undo", "Ganti label bukti {0}").format(new))
        self.evidence_id = evidence_id
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.session.model.rename_evidence(self.evidence_id, self.item_id, self.new)
        self._touch()

    def _undo(self) -> None:
        self.session.model.rename_evidence(self.evidence_id, self.item_id, self.old)
        self.session.itemTouched.emit(self.item_id)
