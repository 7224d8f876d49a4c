"""Settings, one page per topic (list on the left, page on the right, as in MusicBrainz Picard).

Each page has ``load()`` (fill from the store), ``problem()`` (a message naming the bad
field, or None) and ``save()``. OK checks every page, then saves them all; Cancel discards.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.db import BACKUP_DIR, BEFORE_RESTORE_COPY, DB_FILENAME, KEEP_BACKUPS, backups_newest_first
from models.settings import EVIDENCE_LIMIT_MB, MODE, MODE_PROVINCE, OPERATOR_NAME
from models.store import Store, restore_store
from ui.i18n import date_text, save_language, saved_language
from ui.legacy_results_editor import LegacyResultsEditor
from ui.messages import confirm, user_message

quit_app = QCoreApplication.quit  # tests replace it


class SettingsPage(QWidget):
    """Base of the pages: a title for the list, load/problem/save."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        return None

    def save(self) -> None:
        raise NotImplementedError


def _note(text: str, parent) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class OfficePage(SettingsPage):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.code_label = QLabel(self)
        self.province_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Kode wilayah:"), self.code_label)
        form.addRow(self.tr("Provinsi:"), self.province_label)
        form.addRow(self.tr("&Nama kantor:"), self.name_edit)
        form.addRow(_note(self.tr("Kode wilayah tetap: paket dan riwayat terikat padanya."), self))

    def title(self) -> str:
        return self.tr("Kantor")

    def load(self) -> None:
        office = self.store.office()
        self.name_edit.setEnabled(office is not None)
        self.code_label.setText(office.code if office else self.tr("(belum diatur)"))
        self.province_label.setText(office.province_name if office else "")
        self.name_edit.setText(office.name if office else "")

    def problem(self) -> str | None:
        if self.store.office() is not None and not self.name_edit.text().strip():
            return self.tr("Kantor: nama kantor tidak boleh kosong.")
        return None

    def save(self) -> None:
        office = self.store.office()
        if office is not None:
            self.store.ensure_office(office.code, " ".join(self.name_edit.text().split()))


class OperatorPage(SettingsPage):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.name_edit = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Nama &operator:"), self.name_edit)
        form.addRow(_note(self.tr("Nama ini dicatat pada setiap perubahan jawaban dan bukti dukung."), self))

    def title(self) -> str:
        return self.tr("Operator")

    def load(self) -> None:
        self.name_edit.setText(self.store.setting(OPERATOR_NAME))

    def problem(self) -> str | None:
        if not self.name_edit.text().strip():
            return self.tr("Operator: nama operator tidak boleh kosong.")
        return None

    def save(self) -> None:
        self.store.set_setting(OPERATOR_NAME, " ".join(self.name_edit.text().split()))


class HistoryPage(SettingsPage):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.editor = LegacyResultsEditor(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_note(self.tr("Hasil resmi penilaian KASN (skala 100–400) tahun-tahun sebelumnya."), self))
        layout.addWidget(self.editor)

    def title(self) -> str:
        return self.tr("Riwayat")

    def load(self) -> None:
        office = self.store.office()
        self.setEnabled(office is not None)
        rows = self.store.legacy_results(office) if office else []
        self.editor.set_results((row.year, row.nilai) for row in rows)

    def problem(self) -> str | None:
        problem = self.editor.problem()
        return self.tr("Riwayat: {problem}").format(problem=problem) if problem else None

    def save(self) -> None:
        office = self.store.office()
        if office is None:
            return
        self.store.set_legacy_history(office, dict(self.editor.results()))


class DisplayPage(SettingsPage):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.addItem("English", "en")
        form = QFormLayout(self)
        form.addRow(self.tr("&Bahasa tampilan:"), self.language_combo)
        form.addRow(_note(self.tr("Perubahan bahasa berlaku saat aplikasi dibuka kembali."), self))

    def title(self) -> str:
        return self.tr("Tampilan")

    def load(self) -> None:
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved_language())))

    def save(self) -> None:
        save_language(self.language_combo.currentData())


class EvidencePage(SettingsPage):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setRange(*EVIDENCE_LIMIT_MB.limits)
        self.limit_spin.setSuffix(" MB")
        form = QFormLayout(self)
        form.addRow(self.tr("&Ukuran maksimum per berkas:"), self.limit_spin)
        form.addRow(_note(self.tr("Berkas yang lebih besar ditolak saat dilampirkan. Pindai ulang dengan "
                                  "resolusi lebih rendah atau pecah dokumen yang sangat besar."), self))

    def title(self) -> str:
        return self.tr("Bukti dukung")

    def load(self) -> None:
        self.limit_spin.setValue(self.store.setting(EVIDENCE_LIMIT_MB))

    def save(self) -> None:
        self.store.set_setting(EVIDENCE_LIMIT_MB, self.limit_spin.value())


def _taken(path: Path) -> str:
    return date_text(datetime.fromtimestamp(path.stat().st_mtime))


class BackupPage(SettingsPage):
    """Backup now, or go back to a backup (the same functions as ``merit backup`` / ``restore``).
    Restoring needs the data closed: the page asks, names what happens, and the window then
    restores and closes the application (:func:`restore_and_quit`)."""

    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.restore_request: Path | None = None
        self.backup_list = QListWidget(self)
        self.backup_list.setAccessibleName(self.tr("Daftar cadangan"))
        self.backup_button = QPushButton(self.tr("&Buat cadangan sekarang"), self)
        self.restore_button = QPushButton(self.tr("&Pulihkan cadangan terpilih…"), self)
        self.status_label = _note("", self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_note(self.tr(
            "Cadangan dibuat otomatis setiap kali aplikasi dibuka ({0} terakhir disimpan) di folder {1}. "
            "Buat cadangan sekarang sebelum perubahan besar atau sebelum menyalin data ke komputer lain.").format(
            KEEP_BACKUPS, store.data_dir / BACKUP_DIR), self))
        layout.addWidget(self.backup_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.backup_list.currentRowChanged.connect(self._on_backup_list_current_row_changed)

    def title(self) -> str:
        return self.tr("Cadangan")

    def load(self) -> None:
        self.backup_list.clear()
        for path in backups_newest_first(self.store.data_dir):
            item = QListWidgetItem(self.tr("{0} · {1} KB · {2}").format(
                _taken(path), max(1, path.stat().st_size // 1024), path.name))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.backup_list.addItem(item)
        if self.backup_list.count():
            self.backup_list.setCurrentRow(0)
        self._on_backup_list_current_row_changed(self.backup_list.currentRow())

    def save(self) -> None:
        pass  # acts at once: a backup is made or restored when its button is pressed

    def selected_backup(self) -> Path | None:
        item = self.backup_list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_backup_list_current_row_changed(self, _row: int) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_backup_button_clicked(self) -> None:
        try:
            path = self.store.backup()
        except Exception as exc:  # noqa: BLE001 - the disk, whatever it says: plain words
            self.status_label.setText(self.tr("Cadangan gagal dibuat. {0}").format(user_message(exc)))
            return
        if path is None:
            self.status_label.setText(self.tr("Belum ada data untuk dicadangkan (kantor belum disiapkan)."))
            return
        self.load()
        self.status_label.setText(self.tr("Cadangan dibuat: {0}").format(path))

    def _on_restore_button_clicked(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        text = self.tr(
            "Data akan dikembalikan ke keadaan cadangan {0}. Perubahan sesudah itu tidak ada di data yang "
            "dipulihkan.\n\nData saat ini tidak dihapus: salinannya disimpan di folder {1} dengan nama "
            "{2}.{3}-<waktu>.\n\nSetelah pemulihan, Merit Luring ditutup. Buka kembali aplikasi untuk "
            "melanjutkan dengan data yang dipulihkan.").format(
            _taken(backup), self.store.data_dir, DB_FILENAME, BEFORE_RESTORE_COPY)
        if not confirm(self, self.tr("Pulihkan cadangan"), text, self.tr("&Pulihkan dan tutup aplikasi")):
            return
        self.restore_request = backup
        dialog = self.window()
        if isinstance(dialog, QDialog):
            dialog.reject()  # nothing else on the other pages is saved; the window restores next


def restore_and_quit(parent, store: Store, backup: Path) -> bool:
    """Close the data, put ``backup`` in place (``models.store.restore_store``), say what was
    done and where the previous data is, and close the application (it is opened again
    by the person: the window and everything in memory belong to the previous data).
    The caller has already flushed and closed what it had open."""
    translate = QCoreApplication.translate
    store.close()
    try:
        restored = restore_store(store.data_dir, backup)
    except Exception as exc:  # noqa: BLE001 - told in plain words, details in the log
        QMessageBox.critical(parent, translate("BackupPage", "Pemulihan gagal"), translate(
            "BackupPage", "{0}\nTidak ada berkas yang diubah. Merit Luring ditutup; buka kembali untuk "
            "melanjutkan dengan data yang ada.").format(user_message(exc)))
        quit_app()
        return False
    kept = "\n".join(str(path) for path in restored.damaged_copies) or translate("BackupPage", "(tidak ada)")
    QMessageBox.information(parent, translate("BackupPage", "Data dipulihkan"), translate(
        "BackupPage", "Data dipulihkan dari cadangan {0}. Data sebelumnya disimpan di:\n{1}\n\n"
        "Merit Luring sekarang ditutup. Buka kembali untuk melanjutkan.").format(_taken(backup), kept))
    quit_app()
    return True


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Pengaturan"))
        province_mode = store.setting(MODE) == MODE_PROVINCE
        # A province has no KASN history nor evidence of its own: only what applies to it.
        self.pages: list[SettingsPage] = [OfficePage(store, self), OperatorPage(store, self)]
        if not province_mode:
            self.pages.append(HistoryPage(store, self))
        self.pages.append(DisplayPage(store, self))
        if not province_mode:
            self.pages.append(EvidencePage(store, self))
        self.backup_page = BackupPage(store, self)
        self.pages.append(self.backup_page)
        self.page_list = QListWidget(self)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.page_list.addItem(page.title())
            self.stack.addWidget(page)
            page.load()
        self.page_list.setSpacing(3)
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 40)
        self.page_title = QLabel(self)
        title_font = self.page_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.page_title.setFont(title_font)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        page_column = QVBoxLayout()
        page_column.addWidget(self.page_title)
        page_column.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addLayout(page_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.page_list.currentRowChanged.connect(self._on_page_list_current_row_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.page_list.setCurrentRow(0)

    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    def _on_page_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.page_title.setText(self.pages[row].title())

    @property
    def restore_request(self) -> Path | None:
        """The backup the person chose to restore (the window does it after the dialog)."""
        return self.backup_page.restore_request

    def page(self, page_type: type[SettingsPage]) -> SettingsPage:
        return next(page for page in self.pages if isinstance(page, page_type))

    def accept(self) -> None:
        for position, page in enumerate(self.pages):
            problem = page.problem()
            if problem:
                self.page_list.setCurrentRow(position)
                self.error_label.setText(problem)
                return
        with self.store.transaction():
            for page in self.pages:
                page.save()
        super().accept()

