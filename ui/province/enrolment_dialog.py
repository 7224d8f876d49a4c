"""Province key, enrolment of offices, the list of enrolled offices and revocation.

* ``ProvinceKeyDialog``: create the province key (passphrase twice) and show its
  fingerprint, to be read to the offices over the phone.
* ``EnrolmentDialog``: open an office's request file, show who it is and its key's
  fingerprint (compared by phone before signing), choose the validity, unlock the
  province key and save the certificate file for the office.
* ``OfficesDialog``: enrolled offices with their certificate state; revoke one. The
  revocation reaches offices with the next exported profile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import keys, province
from models.certificates import CertificateError, read_enrolment_request
from models.consolidate import certificate_state
from models.settings import OPERATOR_NAME
from models.store import Store
from ui.i18n import date_text
from ui.messages import user_message
from ui.province.consolidated_view import certificate_label
from ui.styles import ERROR, PROGRESS, SUCCESS, show_status


def fingerprint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(label.font().pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def unlock_province_key(parent: QWidget, store: Store, passphrase: str | None = None, *, why: str = ""):
    """Ask for the passphrase (unless given; ``why``, a sentence above the field, says what
    for) and open the province key; None if cancelled or wrong (the user was told why)."""
    if passphrase is None:
        label = parent.tr("Kata sandi kunci provinsi:")
        passphrase, ok = QInputDialog.getText(
            parent, parent.tr("Kata sandi kunci provinsi"), f"{why}\n\n{label}" if why else label,
            QLineEdit.EchoMode.Password)
        if not ok:
            return None
    try:
        return province.unlock(store, passphrase)
    except keys.KeyFileError as exc:
        QMessageBox.warning(parent, parent.tr("Kunci provinsi tidak terbuka"), user_message(exc))
        return None


class ProvinceKeyDialog(QDialog):
    """Create the province key once; afterwards show its fingerprint."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Kunci provinsi"))
        self.intro = QLabel(self.tr(
            "Kunci provinsi menandatangani sertifikat kantor dan profil provinsi. Lindungi dengan kata sandi "
            "minimal {n} karakter; tanpa kata sandi itu sertifikat baru tidak dapat diterbitkan.").format(
            n=keys.MIN_PASSPHRASE_LENGTH))
        self.intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.fingerprint = fingerprint_label()
        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi:"), self.passphrase)
        form.addRow(self.tr("&Ulangi:"), self.repeat)
        form.addRow(self.tr("Sidik jari:"), self.fingerprint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create_button = self.buttons.addButton(self.tr("&Buat kunci"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self._refresh()
        self.resize(560, 260)

    def _refresh(self) -> None:
        exists = province.has_key(self.store)
        for widget in (self.passphrase, self.repeat):
            widget.setEnabled(not exists)
        self.create_button.setVisible(not exists)
        self.fingerprint.setText(province.public_key(self.store).fingerprint if exists else "–")

    def _on_create_button_clicked(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            show_status(self.error_label, self.tr("Kedua kata sandi tidak sama."), ERROR)
            return
        code = province.province_code(self.store)
        if not code:
            show_status(self.error_label, self.tr("Instalasi ini belum diatur sebagai provinsi."), ERROR)
            return
        try:
            province.init_province(self.store, code, self.passphrase.text())
        except (province.ProvinceError, keys.KeyFileError) as exc:
            show_status(self.error_label, user_message(exc), ERROR)
            return
        show_status(self.error_label, self.tr("Kunci dibuat. Bacakan sidik jari ini kepada kantor lewat telepon."),
                    SUCCESS)
        self.passphrase.clear()
        self.repeat.clear()
        self._refresh()


class EnrolmentDialog(QDialog):
    """Turn an office's enrolment request into its certificate file."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.request_bytes: bytes | None = None
        self.issued = None  # the EnrolledOffice row once issued
        self.setWindowTitle(self.tr("Daftarkan kantor kabupaten/kota"))
        self.choose_button = QPushButton(self.tr("Pilih berkas &permintaan…"))
        self.office_label = QLabel(self.tr("Belum ada permintaan dipilih."))
        self.office_label.setWordWrap(True)
        self.fingerprint = fingerprint_label("–")
        hint = QLabel(self.tr("Telepon kantor itu dan cocokkan sidik jari kuncinya sebelum menerbitkan sertifikat."))
        hint.setWordWrap(True)
        today = date.today()
        self.valid_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.valid_until = QDateEdit(QDate(today.year + 2, today.month, min(today.day, 28)))
        for edit in (self.valid_from, self.valid_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.choose_button)
        form.addRow(self.tr("Kantor:"), self.office_label)
        form.addRow(self.tr("Sidik jari kunci kantor:"), self.fingerprint)
        form.addRow(hint)
        form.addRow(self.tr("Berlaku &mulai:"), self.valid_from)
        form.addRow(self.tr("Berlaku &sampai:"), self.valid_until)
        form.addRow(self.tr("Kata sandi kunci &provinsi:"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.issue_button = self.buttons.addButton(self.tr("&Terbitkan sertifikat…"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.resize(620, 360)

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih permintaan pendaftaran"), "",
                                              self.tr("Permintaan pendaftaran (*.json);;Semua berkas (*)"))
        if path:
            self.load_request(Path(path))

    def load_request(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
            request = read_enrolment_request(data)
        except (OSError, CertificateError) as exc:
            self.request_bytes = None
            show_status(self.error_label, self.tr("{name}: {error}").format(name=path.name, error=user_message(exc)), ERROR)
            self.office_label.setText(self.tr("Belum ada permintaan dipilih."))
            self.fingerprint.setText("–")
            self.issue_button.setEnabled(False)
            return False
        self.request_bytes = data
        show_status(self.error_label, "", PROGRESS)
        self.office_label.setText(f"{request.office_code} {request.office_name}")
        self.fingerprint.setText(request.public_key.fingerprint)
        self.issue_button.setEnabled(True)
        return True

    def issue(self, target: Path) -> bool:
        """Sign the loaded request and write the certificate to ``target``. An office that
        holds a valid certificate already is replaced only after a confirmation that says so."""
        if self.request_bytes is None:
            return False
        try:
            province.certificates_to_replace(self.store, self.request_bytes, replace=False)
            replace = False
        except province.ProvinceError as exc:
            if not self.confirm_replacement(str(exc)):
                show_status(self.error_label,
                            self.tr("Sertifikat tidak diterbitkan; sertifikat lama tetap berlaku."), ERROR)
                return False
            replace = True
        except CertificateError as exc:
            show_status(self.error_label, user_message(exc), ERROR)
            return False
        private_key = unlock_province_key(self, self.store, self.passphrase.text() or None)  # empty: ask
        if private_key is None:
            return False
        start, end = self.valid_from.date(), self.valid_until.date()
        try:
            row = province.enrol(self.store, self.request_bytes, private_key,
                                 valid_from=date(start.year(), start.month(), start.day()),
                                 valid_until=date(end.year(), end.month(), end.day()), replace=replace,
                                 who=self.store.setting(OPERATOR_NAME))
            keys.write_atomic(target, bytes(row.certificate))
        except (CertificateError, province.ProvinceError, OSError) as exc:
            show_status(self.error_label, user_message(exc), ERROR)
            return False
        self.issued = row
        self.passphrase.clear()
        show_status(self.error_label, self.tr("Sertifikat {serial} ditulis ke {path}. Kirimkan berkas itu ke kantor.")
                    .format(serial=row.serial, path=target), SUCCESS)
        return True

    def confirm_replacement(self, explanation: str) -> bool:
        """Ask before a new certificate replaces the office's valid one (a lost key, a new PC)."""
        answer = QMessageBox.question(
            self, self.tr("Ganti sertifikat kantor?"),
            self.tr("{explanation}\n\nTerbitkan sertifikat baru dan ganti sertifikat lama? Pastikan lewat telepon "
                    "bahwa kantor itu memang memakai kunci baru.").format(explanation=explanation),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _on_issue_button_clicked(self) -> None:
        code = self.office_label.text().split(" ")[0].replace(".", "")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan sertifikat kantor"),
                                              f"sertifikat-{code}.json", self.tr("Sertifikat (*.json)"))
        if path:
            self.issue(Path(path))


class OfficesDialog(QDialog):
    """Enrolled offices; revoke a certificate."""

    COLUMNS = 6

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Kantor terdaftar"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Nomor seri"), self.tr("Kode"), self.tr("Kantor"),
                                              self.tr("Berlaku sampai"), self.tr("Status"), self.tr("Sidik jari")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("Pencabutan sampai ke kantor melalui profil provinsi berikutnya yang diekspor."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revoke_button = self.buttons.addButton(self.tr("&Cabut sertifikat…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.reload()
        self.resize(860, 380)

    def reload(self) -> None:
        rows = province.enrolled_offices(self.store)
        self.table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            values = (row.serial, row.office_code, row.office_name, date_text(row.valid_until),
                      certificate_label(certificate_state(row)), row.key_fingerprint)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, row.serial)
                if column == 4 and row.revoked:
                    cell.setToolTip(row.revoke_reason)
                self.table.setItem(position, column, cell)
        self._on_table_item_selection_changed()

    def selected_serial(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_table_item_selection_changed(self) -> None:
        serial = self.selected_serial()
        revoked = serial is not None and serial in province.revoked_serials(self.store)
        self.revoke_button.setEnabled(serial is not None and not revoked)

    def revoke(self, serial: str, reason: str) -> None:
        province.revoke(self.store, serial, reason, who=self.store.setting(OPERATOR_NAME))
        self.reload()

    def _on_revoke_button_clicked(self) -> None:
        serial = self.selected_serial()
        if serial is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cabut sertifikat {serial}").format(serial=serial),
                                          self.tr("Alasan pencabutan (mis. kunci hilang):"))
        if ok:
            self.revoke(serial, reason)
