"""Dialogs of the signed package: finalize-and-export, and the office key with enrolment.

Slow work runs off the GUI thread with ``ui.workers``: unlocking or creating a key
(Argon2id, about 0.1 s) in the background, writing the package behind a cancellable
progress dialog. Database work (finalize, reading the manifest) stays on the GUI thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import keys
from models.certificates import CertificateError, import_office_certificate, make_enrolment_request
from models.formatting import size_id
from models.lifecycle import FinalizeBlocked, finalize, needs_survey, reopen
from models.package.format import PackageCancelled, PackageError
from models.package.write import (
    check_certificate_current,
    default_file_name,
    prepare_export,
    province_recipient,
    write_package,
    write_sealed_package,
)
from models.profiling import copy_profiling
from models.provenance import OFFICIAL_CHANNEL
from models.settings import OPERATOR_NAME
from models.store import Store, StoreRuleError
from models.tables import Assessment
from models.trust import CERTIFICATE_VALID, office_certificate_status
from models.validation import validation_issues
from ui.i18n import date_text
from ui.messages import confirm, user_message
from ui.model_texts import issue_text
from ui.styles import ERROR, NOTICE_STYLE, PROGRESS, SUCCESS, show_status
from ui.ui_state import data_value, set_data_value
from ui.workers import run_in_background, run_with_progress


def _password_edit(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    return edit


def _documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


# A package above this goes badly by email (most office mail servers refuse 20–25 MB).
EMAIL_LIMIT_BYTES = 20 * 1024 * 1024

# The system file manager; a module attribute so tests can watch what would be opened.
open_url = QDesktopServices.openUrl


def _show_message(label: QLabel, text: str, *, error: bool, success: bool = False) -> None:
    """A status line: errors red, successes green, work under way plain (``ui.styles``)."""
    show_status(label, text, ERROR if error else SUCCESS if success else PROGRESS)


def export_folder(data_dir: Path) -> Path:
    """Where the last package of this data folder was written (else Documents)."""
    remembered = data_value(data_dir, "export/folder", "")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return _documents_dir()


class FinalizeExportDialog(QDialog):
    """Runs validation, lists what blocks finalizing, asks the key passphrase, finalizes
    (a draft) and writes the signed package in a worker with a cancellable progress dialog."""

    finalized = Signal(int)  # assessment id
    itemRequested = Signal(str)  # a blocker was activated: show its item (the dialog closes)
    reopened = Signal(int)  # id of the new draft revision
    exported = Signal(str)  # package path
    failed = Signal(str)  # the message shown (wrong passphrase, disk full, cancelled, ...)

    def __init__(self, store: Store, assessment: Assessment, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.assessment = store.assessment(assessment.id)
        self.job = None
        self.package_path: Path | None = None
        self._sealed = False  # the last package written was encrypted to the province
        self.setWindowTitle(self.tr("Finalisasi dan ekspor paket"))

        self.heading = QLabel(self)
        self.heading.setObjectName("exportHeading")
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issues = QListWidget(self)
        self.issues.setObjectName("blockingIssues")
        self.issues.setAccessibleName(self.tr("Hal yang menghalangi finalisasi"))
        self.issues.setWordWrap(True)
        self.issues.setToolTip(self.tr("Klik ganda atau tekan Enter untuk membuka butirnya."))
        self.passphrase = _password_edit(self, "passphraseEdit", self.tr("Kata sandi kunci kantor"))
        # Without S the final figure is maturity only, with no predikat: the office says so
        # explicitly, and the confirmation is kept in the audit trail.
        self.without_survey = QCheckBox(self.tr(
            "Finalisasi &tanpa nilai survei S: hasil final hanya maturitas, tanpa predikat NISM"), self)
        self.without_survey.setObjectName("withoutSurveyCheck")
        self.output = QLineEdit(self)
        self.output.setObjectName("outputEdit")
        self.output.setAccessibleName(self.tr("Berkas paket yang ditulis"))
        office = self.assessment.office
        self.output.setText(str(export_folder(store.data_dir) / default_file_name(
            office.code, self.assessment.year, self.assessment.revision)))
        self.browse_button = QPushButton(self.tr("&Pilih…"), self)
        # Sealed to the province that certified this office: only its key opens the file (for
        # email, where evidence about civil servants should not travel readable).
        self.recipient = province_recipient(store.data_dir)
        self.encrypt = QCheckBox(self.tr("E&nkripsi untuk provinsi: hanya provinsi yang dapat membuka paket"), self)
        self.encrypt.setObjectName("encryptCheck")
        self.encrypt.setEnabled(self.recipient is not None)
        self.encrypt.setToolTip(self.tr("Disarankan bila paket dikirim lewat surel. Provinsi membukanya dengan "
                                        "kata sandi kunci provinsi saat mengimpor.") if self.recipient is not None
                                else self.tr("Kunci publik provinsi yang menerbitkan sertifikat kantor ini belum "
                                             "ada di komputer ini."))
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.size_warning = QLabel(self)
        self.size_warning.setObjectName("sizeWarning")
        self.size_warning.setWordWrap(True)
        self.size_warning.setStyleSheet(NOTICE_STYLE)
        self.size_warning.hide()
        self.open_folder_button = QPushButton(self.tr("Buka &folder"), self)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.setToolTip(self.tr("Buka folder berisi paket di penjelajah berkas"))
        self.open_folder_button.hide()
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.reopen_button = QPushButton(self.tr("Buka &revisi baru"), self)
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(self.tr("Membuat revisi berikutnya sebagai draf; revisi ini tetap final "
                                              "dan hanya dapat dibaca."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()  # addButton shows it; it appears once a package is written
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)

        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.browse_button)
        output_label = QLabel(self.tr("Simpan &ke:"), self)
        output_label.setBuddy(self.output)
        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi kunci kantor:"), self.passphrase)
        form.addRow(output_label, output_row)
        form.addRow("", self.encrypt)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        official = QLabel(OFFICIAL_CHANNEL, self)  # the package is coaching, not the official submission
        official.setObjectName("officialChannel")
        official.setWordWrap(True)
        layout.addWidget(official)
        layout.addWidget(self.summary)
        layout.addWidget(self.issues, 4)
        layout.addWidget(self.without_survey)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.size_warning)
        layout.addStretch(1)  # keeps the form together when there is no issue to list
        layout.addWidget(buttons)
        self.resize(640, 460)

        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self.issues.itemActivated.connect(self._on_issues_item_activated)
        self.passphrase.returnPressed.connect(self._on_export_button_clicked)
        self.refresh()

    # --- state ------------------------------------------------------------------------------

    def blocking_issues(self):
        if self.assessment.status == Assessment.FINAL:
            return []
        return [issue for issue in validation_issues(self.store, self.assessment) if issue.blocking]

    def refresh(self) -> None:
        self.assessment = self.store.assessment(self.assessment.id)
        final = self.assessment.status == Assessment.FINAL
        self.heading.setText(
            self.tr("Penilaian {year} revisi {revision} — {state}").format(
                year=self.assessment.year, revision=self.assessment.revision,
                state=self.tr("final (hanya dapat dibaca)") if final else self.tr("draf")))
        self.export_button.setText(self.tr("&Ekspor paket") if final else self.tr("&Finalisasi dan ekspor"))
        self.summary.setText(self.summary_text())
        blocking = self.blocking_issues()
        self.issues.clear()
        for issue in blocking:
            entry = QListWidgetItem(issue_text(issue))
            entry.setData(Qt.ItemDataRole.UserRole, issue.item_id)
            self.issues.addItem(entry)
        self.issues.setVisible(bool(blocking))
        problem = self._setup_problem()
        if blocking:
            _show_message(self.status, self.tr("{count} hal harus diselesaikan sebelum finalisasi.").format(
                count=len(blocking)), error=True)
        elif problem:
            _show_message(self.status, problem, error=True)
        elif not self.status.property("error"):
            _show_message(self.status, self.tr("Validasi lulus. Masukkan kata sandi kunci kantor untuk "
                                               "menandatangani paket."), error=False)
        self.without_survey.setVisible(not final and needs_survey(self.store, self.assessment))
        self.export_button.setEnabled(not blocking and not problem and self.job is None)
        latest = self.store.latest_assessment(self.assessment.office, self.assessment.year)
        self.reopen_button.setVisible(final and latest.id == self.assessment.id)
        self.reopen_button.setEnabled(self.job is None)

    def estimated_size(self) -> int:
        """The evidence the package carries (one copy per content): its size within a few KB."""
        sizes = {row.sha256: row.size for row in self.store.evidence(self.assessment)}
        return sum(sizes.values())

    def summary_text(self) -> str:
        result = self.store.score(self.assessment)
        rows = self.store.evidence(self.assessment)
        estimate = self.estimated_size()
        text = self.tr("Isi paket: {office} · {answered} dari {applicable} butir dijawab · {files} berkas bukti "
                       "dukung · perkiraan ukuran {size}.").format(
            office=self.assessment.office.name, answered=result.answered, applicable=result.applicable,
            files=len(rows), size=size_id(estimate))
        if estimate > EMAIL_LIMIT_BYTES:
            text += " " + self.tr("Paket sebesar ini terlalu besar untuk lampiran surel (batas umum {limit}); "
                                  "siapkan diska lepas.").format(limit=size_id(EMAIL_LIMIT_BYTES))
        return text

    def _setup_problem(self) -> str | None:
        data_dir = self.store.data_dir
        if not keys.office_key_path(data_dir).is_file():
            return self.tr("Kunci kantor belum dibuat. Buka menu Kunci Kantor untuk membuatnya.")
        if not keys.office_certificate_path(data_dir).is_file():
            return self.tr("Kantor belum terdaftar di provinsi: impor sertifikat kantor dahulu.")
        return None

    # --- slots ------------------------------------------------------------------------------

    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan paket"), self.output.text(),
                                              self.tr("Paket Merit Luring (*.merit)"))
        if path:
            self.output.setText(path)

    def _on_issues_item_activated(self, entry: QListWidgetItem) -> None:
        self.itemRequested.emit(entry.data(Qt.ItemDataRole.UserRole))
        self.reject()

    def _on_open_folder_button_clicked(self) -> None:
        if self.package_path is not None:
            open_url(QUrl.fromLocalFile(str(self.package_path.parent)))

    def _on_reopen_button_clicked(self) -> None:
        if not confirm(self, self.tr("Buka revisi baru?"), self.tr(
                "Revisi {revision} tetap final dan tidak berubah. Revisi {next} dibuat sebagai draf berisi salinan "
                "jawaban dan bukti dukungnya, lalu dibuka untuk diubah. Paket revisi {next} harus diekspor dan "
                "dikirim lagi ke provinsi.").format(revision=self.assessment.revision,
                                                    next=self.assessment.revision + 1),
                self.tr("Buka revisi {0}").format(self.assessment.revision + 1)):
            return
        try:
            revision = reopen(self.store, self.assessment, self.store.setting(OPERATOR_NAME))
        except StoreRuleError as exc:
            _show_message(self.status, user_message(exc), error=True)
            return
        copy_profiling(self.store, self.assessment, revision)
        self.reopened.emit(revision.id)
        self.accept()

    def _on_export_button_clicked(self) -> None:
        if self.job is not None or not self.export_button.isEnabled():
            return
        self.refresh()
        if not self.export_button.isEnabled():
            return
        if not self.output.text().strip():
            _show_message(self.status, self.tr("Pilih berkas tujuan paket."), error=True)
            return
        if not self.without_survey.isHidden() and not self.without_survey.isChecked():
            _show_message(self.status, self.tr(
                "Nilai survei S belum diisi. Isi S (menu Penilaian › Properti), atau centang finalisasi "
                "tanpa nilai survei."), error=True)
            return
        try:  # asked before the key is unlocked and a draft finalized; prepare_export enforces it again
            check_certificate_current(keys.office_certificate_path(self.store.data_dir).read_bytes())
        except (PackageError, OSError) as exc:
            self._on_job_failed(exc)
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            _show_message(self.status, self.tr("Isi kata sandi kunci kantor untuk menandatangani paket."), error=True)
            self.passphrase.setFocus()
            return
        key_path = keys.office_key_path(self.store.data_dir)
        if self.assessment.status == Assessment.FINAL:
            # Nothing to finalize first: Argon2id decrypts the key in a thread while the package
            # is written and hashed (as the CLI does); a wrong passphrase still leaves nothing.
            try:
                unlocking = keys.KeyUnlock(key_path, passphrase)
            except keys.KeyFileError as exc:
                self._on_job_failed(exc)
                return
            self._write(unlocking)
            return
        # A draft is finalized only once the passphrase is known to be right.
        self._busy(self.tr("Membuka kunci kantor…"))
        self.job = run_in_background(lambda progress, cancelled: keys.load_private_key(key_path, passphrase),
                                     on_finished=self._on_unlock_finished, on_failed=self._on_job_failed,
                                     parent=self)

    def _on_unlock_finished(self, private_key) -> None:
        self.job = None
        if self.assessment.status != Assessment.FINAL:
            try:
                self.assessment = finalize(self.store, self.assessment, self.store.setting(OPERATOR_NAME),
                                           without_survey=self.without_survey.isChecked())
            except (FinalizeBlocked, StoreRuleError) as exc:
                self._on_job_failed(exc)
                return
            self.finalized.emit(self.assessment.id)
        self._write(private_key)

    def _write(self, private_key) -> None:
        """Sign and write the final assessment's package in a worker, with progress."""
        try:
            certificate = keys.office_certificate_path(self.store.data_dir).read_bytes()
            prepared = prepare_export(self.store, self.assessment, certificate)
        except (PackageError, OSError) as exc:
            self._on_job_failed(exc)
            return
        self.refresh()
        target = Path(self.output.text().strip())
        self._busy(self.tr("Menulis paket…"))
        recipient = self.recipient if self.encrypt.isChecked() else None
        self._sealed = recipient is not None

        def write(progress, cancelled) -> Path:
            if recipient is None:
                return write_package(prepared, target, private_key, progress=progress, cancelled=cancelled)
            return write_sealed_package(prepared, target, private_key, recipient, progress=progress,
                                        cancelled=cancelled)[0]

        self.job = run_with_progress(
            self, write,
            title=self.tr("Ekspor paket"), label=self.tr("Menandatangani dan menulis {name}…").format(
                name=target.name),
            on_finished=self._on_write_finished, on_failed=self._on_job_failed,
            on_cancelled=self._on_write_cancelled)

    def _on_write_finished(self, path) -> None:
        self.job = None
        self.package_path = Path(path)
        self.passphrase.clear()
        self.refresh()  # before the message: refresh() would put its own status text back
        size = self.package_path.stat().st_size if self.package_path.is_file() else 0
        set_data_value(self.store.data_dir, "export/folder", str(self.package_path.parent))
        if size > EMAIL_LIMIT_BYTES:
            how = self.tr("Kirim ke provinsi lewat diska lepas.")
            self.size_warning.setText(self.tr(
                "Paket ini {size}, terlalu besar untuk lampiran surel (umumnya ditolak di atas {limit}). Kirim "
                "lewat diska lepas atau layanan berbagi berkas yang disepakati dengan provinsi.").format(
                size=size_id(size), limit=size_id(EMAIL_LIMIT_BYTES)))
            self.size_warning.show()
        else:
            how = self.tr("Kirim ke provinsi lewat surel atau diska lepas.")
            self.size_warning.hide()
        written = self.tr("Paket selesai ditulis ({size}): {path}").format(path=path, size=size_id(size))
        if self._sealed:
            written += " " + self.tr("Paket terenkripsi: hanya provinsi yang dapat membukanya.")
        _show_message(self.status, written + "\n" + how, error=False, success=True)
        self.open_folder_button.show()
        self.exported.emit(str(path))

    def _on_write_cancelled(self) -> None:
        self.job = None
        _show_message(self.status, self.tr("Ekspor dibatalkan; tidak ada berkas paket yang dibuat."), error=True)
        self.refresh()
        self.failed.emit(self.status.text())

    def _on_job_failed(self, error: BaseException) -> None:
        self.job = None
        if isinstance(error, PackageCancelled):
            self._on_write_cancelled()
            return
        if isinstance(error, keys.WrongPassphrase):
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        _show_message(self.status, user_message(error), error=True)
        self.refresh()
        self.failed.emit(self.status.text())

    def _busy(self, text: str) -> None:
        _show_message(self.status, text, error=False)
        self.export_button.setEnabled(False)


class KeysDialog(QDialog):
    """The office key: create it (passphrase twice), show its fingerprint, export the
    enrolment request for the province, import the certificate the province sends back."""

    keyCreated = Signal(str)  # fingerprint
    requestWritten = Signal(str)  # path of the enrolment request
    certificateImported = Signal(str)  # serial
    profileImported = Signal(str)  # fingerprint of the province key now trusted
    failed = Signal(str)  # the message shown

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.data_dir = store.data_dir
        self.job = None
        self.setWindowTitle(self.tr("Kunci kantor dan pendaftaran"))

        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("fingerprintLabel")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.fingerprint.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.fingerprint.setFont(font)
        self.certificate = QLabel(self)
        self.certificate.setObjectName("certificateLabel")
        self.certificate.setWordWrap(True)
        self.passphrase = _password_edit(self, "passphraseEdit", self.tr("Kata sandi kunci kantor"))
        self.passphrase.setPlaceholderText(self.tr("dipakai untuk membuat kunci dan menandatangani permintaan"))
        self.confirm = _password_edit(self, "confirmEdit", self.tr("Ulangi kata sandi"))
        self.create_button = QPushButton(self.tr("&Buat kunci"), self)
        self.create_button.setObjectName("createButton")
        self.request_button = QPushButton(self.tr("Ekspor &permintaan pendaftaran…"), self)
        self.request_button.setObjectName("requestButton")
        self.import_button = QPushButton(self.tr("&Impor sertifikat dari provinsi…"), self)
        self.import_button.setObjectName("importButton")
        self.profile_button = QPushButton(self.tr("Impor p&rofil provinsi…"), self)
        self.profile_button.setObjectName("profileButton")
        self.profile_button.setToolTip(self.tr("Profil provinsi memuat kunci publik provinsi dan daftar sertifikat "
                                               "yang dicabut. Cocokkan sidik jarinya dengan provinsi lewat telepon."))
        self.status = QLabel(self)
        self.status.setObjectName("keysStatus")
        self.status.setWordWrap(True)

        key_box = QGroupBox(self.tr("Kunci kantor"), self)
        self.key_form = key_form = QFormLayout(key_box)
        key_form.addRow(self.tr("Sidik jari:"), self.fingerprint)
        key_form.addRow(self.tr("&Kata sandi kunci kantor:"), self.passphrase)
        key_form.addRow(self.tr("&Ulangi kata sandi:"), self.confirm)
        key_form.addRow(self.create_button)
        enrol_box = QGroupBox(self.tr("Pendaftaran ke provinsi (urutannya)"), self)
        enrol_layout = QFormLayout(enrol_box)
        enrol_layout.addRow(self.certificate)
        self.step_labels = {}
        for step, (button, hint) in enumerate((
                (self.request_button, self.tr("kirim berkasnya ke provinsi, bacakan sidik jari lewat telepon")),
                (self.profile_button, self.tr("berkas profil provinsi (.json) yang dikirim provinsi")),
                (self.import_button, self.tr("berkas sertifikat (.json) yang dikirim provinsi; perlu profil "
                                             "provinsi lebih dahulu"))), start=1):
            mark = QLabel(self)
            mark.setObjectName(f"enrolStep{step}")
            self.step_labels[button] = mark
            text = QLabel(hint, self)
            text.setWordWrap(True)
            text.setStyleSheet("color: palette(placeholder-text);")
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(text, 1)
            enrol_layout.addRow(mark, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(key_box)
        layout.addWidget(enrol_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 420)

        buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.request_button.clicked.connect(self._on_request_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.profile_button.clicked.connect(self._on_profile_button_clicked)
        self.refresh()

    def public_key(self) -> keys.PublicKey | None:
        try:
            return keys.key_file_public_key(keys.office_key_path(self.data_dir))
        except keys.KeyFileError:
            return None

    def refresh(self) -> None:
        public = self.public_key()
        self.fingerprint.setText(public.fingerprint if public else self.tr("Belum ada kunci kantor."))
        self.key_form.setRowVisible(self.confirm, public is None)
        self.key_form.setRowVisible(self.create_button, public is None)
        self.request_button.setEnabled(public is not None and self.job is None)
        self.import_button.setEnabled(public is not None and self.job is None)
        self.certificate.setText(self._certificate_text())
        done = {self.request_button: False,
                self.profile_button: bool(keys.load_trusted_keys(self.data_dir)),
                self.import_button: keys.office_certificate_path(self.data_dir).is_file()}
        for step, (button, mark) in enumerate(self.step_labels.items(), start=1):
            mark.setText(f"{step}. ✓" if done[button] else f"{step}.")
            mark.setAccessibleName(self.tr("Langkah {0} selesai").format(step) if done[button]
                                   else self.tr("Langkah {0}").format(step))

    def _certificate_text(self) -> str:
        path = keys.office_certificate_path(self.data_dir)
        if not path.is_file():
            return self.tr("Belum terdaftar. Ekspor permintaan pendaftaran, kirim ke provinsi, lalu impor "
                           "sertifikat yang dikirim balik.")
        status = office_certificate_status(self.data_dir)  # judged against the key present, today
        if "problem" in status:
            return status["problem"]
        if status["status"] != CERTIFICATE_VALID:
            return self.tr("Sertifikat nomor {serial}: {problem}").format(serial=status["serial"],
                                                                          problem=status["status_message"])
        return self.tr("Terdaftar: sertifikat nomor {serial}, provinsi {province}, berlaku {start} s.d. {end}.").format(
            serial=status["serial"], province=status["province_code"],
            start=date_text(date.fromisoformat(status["valid_from"])),
            end=date_text(date.fromisoformat(status["valid_until"])))

    def _on_create_button_clicked(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.confirm.text():
            _show_message(self.status, self.tr("Kedua kata sandi tidak sama."), error=True)
            return
        if len(passphrase) < keys.MIN_PASSPHRASE_LENGTH:
            _show_message(self.status, self.tr("Kata sandi minimal {n} karakter.").format(
                n=keys.MIN_PASSPHRASE_LENGTH), error=True)
            return
        data_dir = self.data_dir

        def create(progress, cancelled):
            return keys.create_office_key(data_dir, passphrase)

        self.create_button.setEnabled(False)
        _show_message(self.status, self.tr("Membuat kunci…"), error=False)
        self.job = run_in_background(create, on_finished=self._on_create_finished, on_failed=self._on_job_failed,
                                     parent=self)

    def _on_create_finished(self, public) -> None:
        self.job = None
        self.passphrase.clear()
        self.confirm.clear()
        self.create_button.setEnabled(True)
        _show_message(self.status, self.tr("Kunci kantor dibuat. Sidik jari untuk dibacakan ke provinsi: "
                                           "{fingerprint}").format(fingerprint=public.fingerprint), error=False, success=True)
        self.refresh()
        self.keyCreated.emit(public.fingerprint)

    def _on_request_button_clicked(self) -> None:
        office = self.store.office()
        if office is None:
            _show_message(self.status, self.tr("Kantor belum diatur."), error=True)
            return
        if not self.passphrase.text():
            _show_message(self.status, self.tr("Isi dahulu kata sandi kunci kantor: permintaan pendaftaran "
                                               "ditandatangani dengan kunci itu."), error=True)
            self.passphrase.setFocus()
            return
        suggested = str(_documents_dir() / f"pendaftaran-{office.code.replace('.', '')}.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan permintaan pendaftaran"), suggested,
                                              self.tr("Permintaan pendaftaran (*.json)"))
        if not path:
            return
        passphrase = self.passphrase.text()
        key_path = keys.office_key_path(self.data_dir)
        code, name = office.code, office.name

        def write(progress, cancelled):
            private_key = keys.load_private_key(key_path, passphrase)
            data = make_enrolment_request(code, name, keys.public_key_of(private_key), private_key)
            return keys.write_atomic(Path(path), data)

        self.request_button.setEnabled(False)
        _show_message(self.status, self.tr("Menandatangani permintaan…"), error=False)
        self.job = run_in_background(write, on_finished=self._on_request_finished, on_failed=self._on_job_failed,
                                     parent=self)

    def _on_request_finished(self, path) -> None:
        self.job = None
        _show_message(self.status, self.tr("Permintaan pendaftaran ditulis: {path}. Kirim ke provinsi dan "
                                           "bacakan sidik jari kunci lewat telepon.").format(path=path), error=False, success=True)
        self.refresh()
        self.requestWritten.emit(str(path))

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih sertifikat kantor dari provinsi"),
                                              str(_documents_dir()), self.tr("Sertifikat kantor (*.json)"))
        if not path:
            return
        office = self.store.office()
        if not keys.load_trusted_keys(self.data_dir) and not self._ask_profile_first(Path(path).parent):
            return
        try:
            data = Path(path).read_bytes()
            certificate, signer = import_office_certificate(self.data_dir, office.code, data, None)
        except (OSError, CertificateError, keys.KeyFileError) as exc:
            _show_message(self.status, user_message(exc), error=True)
            return
        _show_message(self.status, self.tr("Sertifikat nomor {serial} diimpor. Sidik jari kunci provinsi: "
                                           "{fingerprint}").format(serial=certificate.serial,
                                                                   fingerprint=signer.fingerprint), error=False,
                      success=True)
        self.refresh()
        self.certificateImported.emit(certificate.serial)

    def _ask_profile_first(self, folder: Path) -> bool:
        """The certificate is checked with the province key, which comes in the province
        profile: say so, and offer to import the profile now. True once a key is trusted."""
        wanted = confirm(self, self.tr("Profil provinsi diperlukan dahulu"), self.tr(
            "Sertifikat kantor diperiksa dengan kunci provinsi. Kunci itu ada di berkas profil provinsi (.json) "
            "yang dikirim provinsi bersama sertifikat. Impor profil provinsi dahulu (langkah 2), lalu "
            "sertifikatnya (langkah 3)."), self.tr("Pilih profil provinsi…"))
        if wanted:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas profil provinsi"), str(folder),
                                                  self.tr("Profil provinsi (*.json)"))
            if path:
                self.import_profile(Path(path))
        if keys.load_trusted_keys(self.data_dir):
            return True
        if self.status.property("kind") != ERROR:
            _show_message(self.status, self.tr("Sertifikat belum diimpor: impor profil provinsi dahulu, lalu "
                                               "sertifikatnya."), error=True)
        return False

    def _on_profile_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas profil provinsi"),
                                              str(_documents_dir()), self.tr("Profil provinsi (*.json)"))
        if path:
            self.import_profile(Path(path))

    def import_profile(self, path: Path) -> None:
        """Trust the province key in ``path`` (a signed profile) and show its fingerprint."""
        from models.province import ProvinceError, import_profile

        try:
            profile = import_profile(self.data_dir, path.read_bytes())
        except (OSError, ProvinceError, keys.KeyFileError) as exc:
            _show_message(self.status, user_message(exc), error=True)
            self.failed.emit(self.status.text())
            return
        _show_message(self.status, self.tr(
            "Profil provinsi {name} diimpor; kuncinya kini dipercaya. Cocokkan sidik jari ini dengan provinsi "
            "lewat telepon: {fingerprint}").format(name=profile.province_name,
                                                    fingerprint=profile.public_key.fingerprint), error=False,
                      success=True)
        if profile.instrument_files:  # delivered instruments, signed by the key just shown
            names = ", ".join(f"{entry.get('id')} {entry.get('version')}" for entry in profile.instrument_files)
            self.status.setText(self.status.text() + "\n" + self.tr(
                "Instrumen dari provinsi ini (ditandatangani kunci di atas): {names}. Draf penilaian dapat "
                "dipindahkan lewat menu Penilaian › Perbarui instrumen.").format(names=names))
        self.refresh()
        self.profileImported.emit(profile.public_key.fingerprint)

    def _on_job_failed(self, error: BaseException) -> None:
        self.job = None
        self.create_button.setEnabled(True)
        if isinstance(error, keys.WrongPassphrase):
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        _show_message(self.status, user_message(error), error=True)
        self.refresh()
        self.failed.emit(self.status.text())
