"""Importing packages: choose files or a folder, import in the background, see each outcome.

The import runs in the thread pool behind a cancellable progress dialog (the window keeps
repainting); outcomes collected so far are shown even when the user cancels, since every
file already accepted stays accepted. ``imported`` is emitted after a run that accepted
at least one package, so the consolidated view refreshes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from models import importer
from models.rejections import archive_damaged
from models.store import Store
from ui.messages import user_message
from ui.model_texts import said_text
from ui.province.enrolment_dialog import unlock_province_key
from ui.province.reasons import plain_reason
from ui.workers import run_with_progress

OUTCOME_COLORS = {importer.ACCEPTED: "#1e8449", importer.DUPLICATE: "#7f8c8d",
                  importer.SUPERSEDED: "#b9770e", importer.CONFLICT: "#8e44ad", importer.REJECTED: "#c0392b"}


def outcome_label(outcome: str) -> str:
    return {
        importer.ACCEPTED: QCoreApplication.translate("ImportResultsModel", "Diterima"),
        importer.DUPLICATE: QCoreApplication.translate("ImportResultsModel", "Duplikat"),
        importer.SUPERSEDED: QCoreApplication.translate("ImportResultsModel", "Usang (revisi lama)"),
        importer.CONFLICT: QCoreApplication.translate("ImportResultsModel", "Konflik"),
        importer.REJECTED: QCoreApplication.translate("ImportResultsModel", "Ditolak"),
    }[outcome]


class ImportResultsModel(QAbstractTableModel):
    COLUMNS = ("file", "outcome", "office", "year", "revision", "message")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._outcomes: list[importer.ImportOutcome] = []
        self.damaged: set[Path] = set()  # rejected files whose archive failed its own check
        self.fingerprints: dict[Path, str] = {}  # rejected file -> its office key's fingerprint

    def set_outcomes(self, outcomes: list[importer.ImportOutcome], damaged=(), fingerprints=None) -> None:
        self.beginResetModel()
        self._outcomes = list(outcomes)
        self.damaged = set(damaged)
        self.fingerprints = dict(fingerprints or {})
        self.endResetModel()

    def outcomes(self) -> list[importer.ImportOutcome]:
        return list(self._outcomes)

    def message_of(self, outcome: importer.ImportOutcome) -> str:
        """Accepted: the importer's own sentence (it names what came in); otherwise one plain
        sentence per cause (``ui.province.reasons``), with the office key's fingerprint for
        a trust problem, in the same decimal groups as everywhere else."""
        if outcome.outcome == importer.ACCEPTED:
            return said_text(outcome.message)  # by its code, in the user's language
        text = plain_reason(outcome.reason, damaged=outcome.path in self.damaged)
        fingerprint = self.fingerprints.get(outcome.path)
        if fingerprint and outcome.reason in ("certificate_untrusted", "certificate_unknown") \
                and outcome.path not in self.damaged:
            text += " " + QCoreApplication.translate("ImportResultsModel", "Sidik jari kunci kantor pengirim: {0}.") \
                .format(fingerprint)
        return text

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._outcomes)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            # Literal translate() calls: lupdate cannot see through an alias.
            return (QCoreApplication.translate("ImportResultsModel", "Berkas"),
                    QCoreApplication.translate("ImportResultsModel", "Hasil"),
                    QCoreApplication.translate("ImportResultsModel", "Kantor"),
                    QCoreApplication.translate("ImportResultsModel", "Tahun"),
                    QCoreApplication.translate("ImportResultsModel", "Revisi"),
                    QCoreApplication.translate("ImportResultsModel", "Keterangan"))[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._outcomes):
            return None
        outcome = self._outcomes[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column in ("file", "message"):
                return str(outcome.path) if column == "file" else self.message_of(outcome)
            return {
                "file": outcome.path.name,
                "outcome": outcome_label(outcome.outcome),
                "office": " ".join(filter(None, (outcome.office_code, outcome.office_name))),
                "year": "" if outcome.year is None else str(outcome.year),
                "revision": "" if outcome.revision is None else str(outcome.revision),
                "message": self.message_of(outcome),
            }[column] if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "outcome":
            return QBrush(QColor(OUTCOME_COLORS[outcome.outcome]))
        if role == Qt.ItemDataRole.UserRole:
            return outcome
        return None


def examine_rejections(data_dir: Path, outcomes) -> tuple[set[Path], dict[Path, str]]:
    """In the worker (plain files, no widget): check each rejected archive for damage and
    read the sender's key fingerprint (the importer itself records the rejections)."""
    from models.certificates import read_certificate

    damaged, fingerprints = set(), {}
    for outcome in outcomes:
        if outcome.outcome != importer.REJECTED or not Path(outcome.path).is_file():
            continue
        if archive_damaged(Path(outcome.path)):
            damaged.add(outcome.path)
            continue
        try:
            with zipfile.ZipFile(outcome.path) as archive:
                certificate = read_certificate(archive.read("certificate.json"))
            fingerprints[outcome.path] = certificate.office_public_key.fingerprint
        except Exception:  # noqa: BLE001 - no certificate to show: the sentence stands alone
            continue
    return damaged, fingerprints


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.last_job = None  # the latest import (tests wait on its ``done``)
        self._collected: list[importer.ImportOutcome] = []
        self.setWindowTitle(self.tr("Impor paket kabupaten/kota"))
        intro = QLabel(self.tr(
            "Pilih satu atau beberapa berkas paket (.merit), atau satu folder (mis. flashdisk atau folder "
            "lampiran surel): semua paket di dalamnya diperiksa tanda tangan, sertifikat dan isinya sebelum "
            "diterima. Paket yang ditolak tidak meninggalkan apa pun."))
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Pilih &berkas…"))
        self.folder_button = QPushButton(self.tr("Pilih &folder…"))
        chooser = QHBoxLayout()
        chooser.addWidget(self.files_button)
        chooser.addWidget(self.folder_button)
        chooser.addStretch(1)

        self.model = ImportResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(ImportResultsModel.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.summary_label = QLabel(self.tr("Belum ada berkas yang diimpor."))
        self.summary_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(buttons)
        self.files_button.clicked.connect(self._on_files_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        buttons.rejected.connect(self.reject)
        self.resize(900, 480)

    def _on_files_button_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih paket"), "",
                                                self.tr("Paket Merit Luring (*.merit);;Semua berkas (*)"))
        if paths:
            self.start_import([Path(p) for p in paths])

    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder berisi paket"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> None:
        """Import ``paths`` (files and folders) in the background."""
        try:
            session = importer.Importer(self.store)
        except ValueError as exc:  # not set up as a province
            QMessageBox.warning(self, self.tr("Impor tidak dapat dimulai"), user_message(exc))
            return
        files = importer.collect_package_files(paths)
        if not files:
            self.summary_label.setText(self.tr("Tidak ada berkas .merit di pilihan itu."))
            return
        if importer.needs_province_key(files):
            # Sealed to this province: its key opens them. Cancelled or wrong (the user was
            # told), the import goes on and each sealed file is refused with that reason.
            session.decrypt_with = unlock_province_key(self, self.store, why=self.tr(
                "Ada paket yang terenkripsi untuk provinsi; kunci provinsi membukanya. Bila dibatalkan, paket "
                "itu ditolak dan paket lain tetap diimpor."))
        self._collected = []
        collected = self._collected
        store = self.store

        data_dir = store.data_dir

        def task(progress, cancelled):
            try:
                outcomes = session.import_paths(paths, files=files, progress=progress, cancelled=cancelled,
                                                on_outcome=collected.append)
            finally:
                store.release_thread_connection()
            return outcomes, examine_rejections(data_dir, outcomes)

        self.files_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.last_job = run_with_progress(
            self, task, title=self.tr("Mengimpor paket"),
            label=self.tr("Memeriksa dan menyimpan {count} berkas…").format(count=len(files)),
            on_finished=self._on_import_finished, on_failed=self._on_import_failed,
            on_cancelled=self._on_import_cancelled)

    def _show(self, outcomes: list[importer.ImportOutcome], note: str = "", examined=((), {})) -> None:
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        damaged, fingerprints = examined
        self.model.set_outcomes(outcomes, damaged, fingerprints)
        self.table.resizeRowsToContents()
        counts = importer.count_outcomes(outcomes)
        text = self.tr("{accepted} diterima, {duplicate} duplikat, {superseded} usang, {conflict} konflik, "
                       "{rejected} ditolak.").format(**counts)
        self.summary_label.setText(" ".join(filter(None, (text, note))))
        if counts[importer.ACCEPTED] or counts[importer.SUPERSEDED] or counts[importer.CONFLICT] \
                or counts[importer.REJECTED]:
            self.imported.emit()  # the consolidated view shows accepted, conflicting and rejected offices

    def _on_import_finished(self, result) -> None:
        outcomes, examined = result
        self._show(outcomes, examined=examined)

    def _on_import_cancelled(self) -> None:
        self._show(list(self._collected), self.tr("Impor dibatalkan; berkas yang sudah diterima tetap tersimpan."))

    def _on_import_failed(self, error: BaseException) -> None:
        self._show(list(self._collected))
        QMessageBox.warning(self, self.tr("Impor terhenti"), self.tr(
            "Impor terhenti: {error} Berkas yang sudah diterima tetap tersimpan.").format(error=user_message(error)))
