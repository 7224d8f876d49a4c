"""An item's evidence files: add (file dialog or drag and drop), open, rename, remove (undoable).

Files are copied and hashed off the GUI thread (``ui.workers``) and attached on it; opening
copies the blob to a temp folder under its original file name (made valid for Windows), so
the system viewer shows a sensible name and can never change the stored copy. Only document
types are opened directly; anything else opens its folder (``models.evidence_viewer``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.evidence import EvidenceError
from models.formatting import size_id
from models.tables import Evidence
from ui.i18n import date_text
from ui.messages import user_message
from ui.session_adapter import SessionAdapter
from ui.undo_commands import AddEvidenceCommand, RemoveEvidenceCommand, RenameEvidenceCommand
from ui.workers import BackgroundJob, run_with_progress

ROOT = QModelIndex()
EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The system viewer; a module attribute so tests can watch what would be opened.
open_url = QDesktopServices.openUrl
_temp_dirs: list[str] = []


def local_files(mime) -> list[Path]:
    """The local files of a drag, or [] if it carries none."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def cleanup_temp_copies() -> None:
    """Remove the temp copies made for viewing (called when the application quits)."""
    while _temp_dirs:
        shutil.rmtree(_temp_dirs.pop(), ignore_errors=True)


def view_evidence(parent: QWidget, source: Path | Callable, original_name: str) -> BackgroundJob:
    """Open evidence in the system viewer: copied (off the GUI thread) to a temp folder under
    its original file name, so the viewer shows that name and cannot alter the store. A
    name that is not a document type (``x.pdf.bat``, ``x.lnk``) is never handed to the
    opener: its folder is opened instead (``models.evidence_viewer.plan_evidence_view``,
    the one decision ``models.package.names.viewer_file_name`` also gives).
    ``source`` is a stored file, or ``copy_to(target, progress, cancelled)`` for evidence that
    must be extracted and checked on the way (an imported package). Problems are shown to
    the user; the temp copies go at exit (``cleanup_temp_copies``)."""
    from models.evidence_viewer import plan_evidence_view  # when evidence is first opened, not at start

    translate = QCoreApplication.translate
    folder = tempfile.mkdtemp(prefix="merit-bukti-")
    _temp_dirs.append(folder)
    plan = plan_evidence_view(original_name)
    target = Path(folder) / plan.copy_name  # never "x.pdf.bat" or a hidden ".exe"

    def copy(progress, cancelled):  # files only: safe on the pool thread
        if callable(source):
            return source(target, progress, cancelled)
        shutil.copyfile(source, target)
        return target

    def opened(path: Path) -> None:
        if not open_url(QUrl.fromLocalFile(str(path.parent if plan.open_folder else path))):
            QMessageBox.information(parent, translate("evidence", "Tidak ada penampil"), translate(
                "evidence", "Tidak ada aplikasi untuk membuka {0}. Salinannya ada di {1}.").format(path.name, path))

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, translate("evidence", "Bukti dukung tidak dapat dibuka"), translate(
            "evidence", "Berkas bukti {0} tidak dapat disalin untuk dibuka: {1}").format(original_name, user_message(error)))

    return run_with_progress(parent, copy, title=translate("evidence", "Membuka bukti dukung"),
                             label=translate("evidence", "Menyiapkan {0}…").format(original_name),
                             on_finished=opened, on_failed=failed)


class EvidenceListModel(QAbstractListModel):
    """The evidence rows of one item; the label is editable (rename, undoable)."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.item_id: str | None = None
        self.rows: list[Evidence] = []
        session.evidenceChanged.connect(self._on_session_evidence_changed)

    def set_item(self, item_id: str | None) -> None:
        self.beginResetModel()
        self.item_id = item_id
        self.rows = self.session.model.evidence(item_id) if item_id else []
        self.endResetModel()

    def reload(self) -> None:
        self.set_item(self.item_id)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n{1} · ditambahkan {2} oleh {3}").format(
                row.original_name, size_id(row.size), date_text(row.added_at), row.added_by or "–")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return row.original_name
        if role == EVIDENCE_ID_ROLE:
            return row.id
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.session.model.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.session.model.read_only:
            return False
        row = self.rows[index.row()]
        label = str(value).strip()
        if not label or label == row.label:
            return False
        self.session.undo_stack.push(RenameEvidenceCommand(self.session, row.id, row.item_id, row.label, label))
        return True

    def _on_session_evidence_changed(self, item_id: str) -> None:
        if item_id == self.item_id:
            self.reload()


class EvidenceListView(QListView):
    """The list; local files dropped on it are offered to the panel."""

    filesDropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)

    def dragEnterEvent(self, event) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
        else:
            super().dropEvent(event)


class EvidencePanel(QWidget):
    """List + buttons for the current item's evidence, and the evidence the instrument expects."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = EvidenceListModel(session, self)
        self.last_job = None  # the latest background copy (tests wait on its ``done``)
        self.list = EvidenceListView(self)
        self.list.setObjectName("evidenceList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Berkas bukti dukung"))
        self.list.setMinimumHeight(3 * self.list.fontMetrics().lineSpacing() + 10)
        self.empty_hint = QLabel(self.tr("Belum ada berkas. Seret berkas ke daftar ini atau pilih "
                                         "<b>Tambah berkas…</b>"), self)
        self.empty_hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Tambah berkas…"), self)
        self.open_button = QPushButton(self.tr("B&uka"), self)
        self.rename_button = QPushButton(self.tr("Ganti &label"), self)
        self.remove_button = QPushButton(self.tr("&Hapus"), self)
        self.add_button.setToolTip(self.tr("Tambahkan berkas bukti dukung (atau seret berkas ke daftar)"))
        buttons = QHBoxLayout()  # one row: the panel must fit under the levels on a laptop screen
        buttons.setSpacing(4)
        for button in (self.add_button, self.open_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        files = QVBoxLayout()
        files.addWidget(self.list, 1)
        files.addWidget(self.empty_hint)
        files.addLayout(buttons)
        self.expected = QLabel(self)
        self.expected.setObjectName("expectedEvidence")
        self.expected.setWordWrap(True)
        self.expected.setTextFormat(Qt.TextFormat.RichText)
        self.expected.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.expected.setMinimumWidth(100)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The expected documents scroll within the height of the file list: a long list must
        # not push the panel's buttons below a laptop screen's edge.
        self.expected_area = QScrollArea(self)
        self.expected_area.setWidget(self.expected)
        self.expected_area.setWidgetResizable(True)
        self.expected_area.setFrameShape(QFrame.Shape.NoFrame)
        self.expected_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.expected_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.expected_area.setMinimumWidth(100)
        self.set_compact(False)
        layout.addLayout(files, 3)
        layout.addWidget(self.expected_area, 2)
        self.setAcceptDrops(True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.list.filesDropped.connect(self.add_files)
        self.list.activated.connect(self._on_list_activated)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.model.modelReset.connect(self._on_model_reset)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_remove_button_clicked)
        self._on_model_reset()

    # --- showing -------------------------------------------------------------------------

    def set_compact(self, compact: bool) -> None:
        """A short screen: the file list three lines high (it scrolls within itself)."""
        lines = self.fontMetrics().lineSpacing()
        shown = 3 if compact else 6
        self.expected_area.setMaximumHeight(shown * lines + self.add_button.sizeHint().height() + 16)
        self.list.setMaximumHeight(shown * lines + 10)

    def set_item(self, item_id: str | None) -> None:
        self.model.set_item(item_id)
        if item_id:
            expected = self.session.model.instrument.item(item_id).evidence
            bullets = "".join(f"<li>{text}</li>" for text in expected)
            self.expected.setText(self.tr("<b>Yang diharapkan instrumen:</b>") +
                                  f"<ul style='margin-left:0px; -qt-list-indent:1'>{bullets}</ul>")
        else:
            self.expected.clear()

    def selected_evidence(self) -> Evidence | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[index.row()]

    def _on_model_reset(self) -> None:
        self.empty_hint.setVisible(not self.model.rows)
        if self.model.rows and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        self._update_buttons()

    def _on_list_current_changed(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.session.model.read_only and self.model.item_id is not None
        applies = self.model.item_id is not None and self.session.model.applies(self.model.item_id)
        chosen = self.list.currentIndex().isValid()
        self.add_button.setEnabled(writable and applies)
        self.open_button.setEnabled(chosen)
        self.rename_button.setEnabled(writable and chosen)
        self.remove_button.setEnabled(writable and chosen)
        self.setAcceptDrops(writable and applies)
        self.list.setAcceptDrops(writable and applies)

    def refresh_state(self) -> None:
        self._update_buttons()

    # --- drag and drop on the panel (outside the list) ---------------------------------------

    def dragEnterEvent(self, event) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # --- adding ----------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Pilih berkas bukti dukung"), "",
            self.tr("Dokumen dan gambar (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt "
                    "*.ods *.zip);;Semua berkas (*)"))
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Copy and hash ``paths`` off the GUI thread, then attach them (one undo step)."""
        item_id = self.model.item_id
        if item_id is None or self.session.model.read_only or not self.session.model.applies(item_id):
            return
        paths = [Path(path) for path in paths]
        evidence_store = self.session.model.store.evidence_store
        total = sum(path.stat().st_size for path in paths if path.is_file())

        def copy_all(progress, cancelled):
            copied, failed, done = [], [], 0
            for path in paths:
                if cancelled():
                    break
                try:
                    blob = evidence_store.add(
                        path, progress=lambda part, _whole, base=done: progress(base + part, total),
                        cancelled=cancelled)
                except EvidenceError as exc:
                    failed.append(user_message(exc))
                    continue
                done += blob.size
                copied.append((path, blob))
            return copied, failed

        self.last_job = run_with_progress(
            self, copy_all,
            title=self.tr("Menambah bukti dukung"),
            label=self.tr("Menyalin dan memeriksa {0} berkas…").format(len(paths)),
            on_finished=lambda outcome: self._on_copy_finished(item_id, outcome),
            on_failed=self._on_copy_failed,
        )

    def _on_copy_finished(self, item_id: str, outcome) -> None:
        copied, failed = outcome
        stack = self.session.undo_stack
        if len(copied) > 1:
            stack.beginMacro(self.tr("Tambah {0} bukti {1}").format(len(copied), item_id))
        for path, blob in copied:
            stack.push(AddEvidenceCommand(self.session, item_id, blob, path.name))
        if len(copied) > 1:
            stack.endMacro()
        if failed:
            QMessageBox.warning(self, self.tr("Sebagian berkas tidak ditambahkan"), "\n\n".join(failed))

    def _on_copy_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Berkas tidak dapat ditambahkan"), user_message(error))

    # --- opening, renaming, removing ------------------------------------------------------------

    def _on_list_activated(self, _index) -> None:
        self._on_open_button_clicked()

    def _on_open_button_clicked(self) -> None:
        evidence = self.selected_evidence()
        if evidence is not None:
            self.last_job = view_evidence(self, self.session.model.evidence_path(evidence), evidence.original_name)

    def _on_rename_button_clicked(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.edit(index)

    def _on_remove_button_clicked(self) -> None:
        evidence = self.selected_evidence()
        if evidence is None or self.session.model.read_only:
            return
        self.session.undo_stack.push(
            RemoveEvidenceCommand(self.session, evidence.id, evidence.item_id, evidence.label))
