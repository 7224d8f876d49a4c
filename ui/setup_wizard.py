"""First start: who this installation works for, past official results, the first assessment.

Pages: (1) welcome and mode (kabupaten/kota office or province), or the demo data;
(2) the region from the official list and the office name; (3) past official results on
the legacy 100-400 scale (optional); (4) operator and assessment year. Nothing is written
to the store before Finish (or "Gunakan data contoh").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from models import APP_NAME, regions
from models.demo import open_demo
from models.installation import configure_installation
from models.provenance import OFFICIAL_CHANNEL
from models.settings import MODE_OFFICE, MODE_PROVINCE
from models.store import Store, StoreRuleError
from ui.icons import app_icon
from ui.legacy_results_editor import LegacyResultsEditor
from ui.messages import user_message

PAGE_WELCOME, PAGE_REGION, PAGE_HISTORY, PAGE_OPERATOR = range(4)
ERROR_STYLE = "color: #b00020;"


def default_office_name(region: regions.Region) -> str:
    return f"BKD Provinsi {region.name}" if region.is_province else f"BKPSDM {region.name}"


def _error_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class WelcomeWizardPage(QWizardPage):
    def __init__(self, wizard: SetupWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Selamat datang di {app}").format(app=APP_NAME))
        self.setSubTitle(self.tr("Penilaian mandiri Sistem Merit tanpa internet. Beberapa langkah singkat "
                                 "menyiapkan aplikasi untuk kantor Anda."))
        intro = QLabel(self.tr("Aplikasi ini dipakai oleh:"), self)
        self.office_radio = QRadioButton(self.tr("Kantor kabupaten/kota (BKPSDM/BKD) yang mengisi penilaian"), self)
        self.province_radio = QRadioButton(self.tr("Provinsi yang membina dan menghimpun paket kabupaten/kota"), self)
        self.office_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.office_radio)
        self.mode_group.addButton(self.province_radio)
        demo_note = QLabel(self.tr("Ingin mencoba dulu? Data contoh memuat Kabupaten Bangka dengan penilaian "
                                   "lengkap dan bukti dukung contoh. Data contoh disimpan di folder tersendiri, "
                                   "terpisah dari data kantor Anda, dan dapat ditinggalkan kapan saja (menu "
                                   "Berkas → Keluar dari data contoh)."), self)
        demo_note.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Gunakan data contoh"), self)
        self.demo_error = _error_label(self)
        # The national system is the official record; this app prepares and coaches before it.
        self.official_channel = QLabel(OFFICIAL_CHANNEL, self)
        self.official_channel.setObjectName("officialChannel")
        self.official_channel.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.official_channel)
        layout.addSpacing(8)
        layout.addWidget(intro)
        layout.addWidget(self.office_radio)
        layout.addWidget(self.province_radio)
        layout.addSpacing(16)
        layout.addWidget(demo_note)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.demo_error)
        layout.addStretch(1)
        self.demo_button.clicked.connect(self._on_demo_button_clicked)

    def mode(self) -> str:
        return MODE_PROVINCE if self.province_radio.isChecked() else MODE_OFFICE

    def _on_demo_button_clicked(self) -> None:
        # A second or two of writes on a slow PC; the Store is used from the GUI thread only,
        # so show that work is going on rather than moving it to a worker.
        self.demo_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._wizard.use_demo()
        except (StoreRuleError, OSError) as exc:
            self.demo_error.setText(self.tr("Data contoh tidak dapat dibuat: {error}").format(error=user_message(exc)))
            self.demo_button.setEnabled(True)
        finally:
            QApplication.restoreOverrideCursor()


class SearchLineEdit(QLineEdit):
    """Enter picks from the list below and stays on the page; in a plain QLineEdit it would
    also press the wizard's default button and silently move on with the first match."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RegionWizardPage(QWizardPage):
    def __init__(self, wizard: SetupWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self._name_edited = False
        self.setTitle(self.tr("Wilayah dan nama kantor"))
        self.province_combo = QComboBox(self)
        self.province_combo.addItem(self.tr("— Semua provinsi —"), None)
        for province in regions.provinces():
            self.province_combo.addItem(province.name, province.code)
        self.search_edit = SearchLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Ketik sebagian nama, mis. Bangka"))
        self.search_edit.setClearButtonEnabled(True)
        self.region_list = QListWidget(self)
        self.name_edit = QLineEdit(self)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Provinsi:"), self.province_combo)
        self.form.addRow(self.tr("&Cari kabupaten/kota:"), self.search_edit)
        self.form.addRow(self.tr("&Kabupaten/kota:"), self.region_list)
        self.form.addRow(self.tr("&Nama kantor:"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint_label)
        self._kabkota = [r for r in regions.all_regions() if not r.is_province]
        self._province_names = {p.code: p.name for p in regions.provinces()}
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.province_combo.currentIndexChanged.connect(self._on_province_combo_current_index_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.region_list.currentItemChanged.connect(self._on_region_list_current_item_changed)
        self.name_edit.textEdited.connect(self._on_name_edit_text_edited)
        self.name_edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        province_mode = self._wizard.mode() == MODE_PROVINCE
        self.setSubTitle(self.tr("Pilih provinsi Anda dari daftar resmi Kemendagri; ketik untuk mencari.")
                         if province_mode else
                         self.tr("Pilih kabupaten/kota Anda dari daftar resmi Kemendagri; ketik untuk mencari."))
        # Province mode lists the provinces themselves, so the province filter is not needed.
        self.province_combo.setVisible(not province_mode)
        self.form.labelForField(self.province_combo).setVisible(not province_mode)
        self.form.labelForField(self.search_edit).setText(
            self.tr("&Cari provinsi:") if province_mode else self.tr("&Cari kabupaten/kota:"))
        self.form.labelForField(self.region_list).setText(
            self.tr("P&rovinsi:") if province_mode else self.tr("&Kabupaten/kota:"))
        self._refill()
        self.search_edit.setFocus()

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        # The past KASN results belong to an office; a province goes straight to its operator.
        return PAGE_OPERATOR if self._wizard.mode() == MODE_PROVINCE else PAGE_HISTORY

    def selected_region(self) -> regions.Region | None:
        item = self.region_list.currentItem()
        return regions.region(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def office_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        region = self.selected_region()
        if region is None:
            self.hint_label.setText(self.tr("Pilih provinsi dari daftar.") if self._wizard.mode() == MODE_PROVINCE
                                    else self.tr("Pilih kabupaten/kota dari daftar."))
            return False
        if not self.office_name():
            self.hint_label.setText(self.tr("Nama kantor tidak boleh kosong."))
            return False
        self.hint_label.setText(self.tr("Kode wilayah: {code} · Provinsi {province}").format(
            code=region.code, province=regions.province_of(region.code).name))
        return True

    def _refill(self) -> None:
        """List the kabupaten/kota matching the province and the search text (contains)."""
        current = self.region_list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        province_mode = self._wizard.mode() == MODE_PROVINCE
        province = None if province_mode else self.province_combo.currentData()
        needle = self.search_edit.text().strip().casefold()
        self.region_list.blockSignals(True)
        self.region_list.clear()
        for region in regions.provinces() if province_mode else self._kabkota:
            if province and region.province_code != province:
                continue
            province_name = self._province_names.get(region.province_code, "")
            if needle and needle not in region.name.casefold() and needle not in province_name.casefold():
                continue
            text = region.name if province_mode else f"{region.name} — {province_name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, region.code)
            self.region_list.addItem(item)
            if region.code == keep:
                self.region_list.setCurrentItem(item)
        if self.region_list.currentItem() is None and self.region_list.count() == 1:
            self.region_list.setCurrentRow(0)
        self.region_list.blockSignals(False)
        self._sync_name()

    def _sync_name(self) -> None:
        region = self.selected_region()
        if region is not None and not self._name_edited:
            self.name_edit.setText(default_office_name(region))
        self.completeChanged.emit()

    def _on_province_combo_current_index_changed(self, index: int) -> None:
        self._refill()

    def _on_search_edit_text_changed(self, text: str) -> None:
        self._refill()

    def _on_search_edit_return_pressed(self) -> None:
        if self.region_list.currentItem() is None and self.region_list.count():
            self.region_list.setCurrentRow(0)
        self.region_list.setFocus()

    def _on_region_list_current_item_changed(self, current, previous) -> None:
        self._sync_name()

    def _on_name_edit_text_edited(self, text: str) -> None:
        self._name_edited = bool(text.strip())


class HistoryWizardPage(QWizardPage):
    def __init__(self, wizard: SetupWizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Hasil resmi tahun-tahun sebelumnya (boleh dilewati)"))
        self.setSubTitle(self.tr("Nilai penilaian KASN 2018–2024 pada skala 100–400, seperti tercantum "
                                 "dalam hasil resmi. Kategori tampil otomatis."))
        self.editor = LegacyResultsEditor(self)
        self.error_label = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        self.editor.changed.connect(self._on_editor_changed)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        problem = self.editor.problem()
        self.error_label.setText(problem or "")
        return problem is None

    def _on_editor_changed(self) -> None:
        if self.error_label.text():
            self.error_label.setText(self.editor.problem() or "")


class OperatorWizardPage(QWizardPage):
    def __init__(self, wizard: SetupWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Operator dan tahun penilaian"))  # "Operator" alone in province mode
        self.operator_edit = QLineEdit(self)
        self.operator_edit.setPlaceholderText(self.tr("Nama lengkap operator"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2026, 2100)
        self.year_spin.setValue(max(2026, date.today().year))
        self.year_spin.setMaximumWidth(120)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Nama &operator:"), self.operator_edit)
        self.form.addRow(self.tr("&Tahun penilaian:"), self.year_spin)
        self.error_label = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.operator_edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        office_mode = self._wizard.mode() == MODE_OFFICE
        self.setTitle(self.tr("Operator dan tahun penilaian") if office_mode else self.tr("Operator"))
        self.setSubTitle(self.tr("Nama operator dicatat pada setiap perubahan (riwayat). Penilaian pertama "
                                 "dibuat untuk tahun yang dipilih.") if office_mode else
                         self.tr("Nama operator dicatat pada setiap perubahan (riwayat)."))
        self.year_spin.setVisible(office_mode)
        self.form.labelForField(self.year_spin).setVisible(office_mode)

    def operator(self) -> str:
        return " ".join(self.operator_edit.text().split())

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.operator())


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.created_assessment_id: int | None = None
        self.used_demo = False
        self.demo_store: Store | None = None
        self.setWindowTitle(self.tr("Pengaturan awal — {app}").format(app=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowIcon(app_icon())
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(QSize(48, 48)))
        self.welcome_page = WelcomeWizardPage(self)
        self.region_page = RegionWizardPage(self)
        self.history_page = HistoryWizardPage(self)
        self.operator_page = OperatorWizardPage(self)
        for page_id, page in ((PAGE_WELCOME, self.welcome_page), (PAGE_REGION, self.region_page),
                              (PAGE_HISTORY, self.history_page), (PAGE_OPERATOR, self.operator_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_WELCOME)
        self.resize(680, 540)

    def mode(self) -> str:
        return self.welcome_page.mode()

    def use_demo(self) -> None:
        """Open the demo in its own folder (``<data>/demo``) and close the wizard; the real
        data folder is not written. The caller takes ``demo_store`` (and closes it)."""
        self.demo_store, info = open_demo(self.store.data_dir)
        self.created_assessment_id = info["assessment_id"]
        self.used_demo = True
        super().accept()

    def accept(self) -> None:
        try:
            self._apply()
        except (StoreRuleError, KeyError, OSError) as exc:
            self.operator_page.error_label.setText(self.tr("Pengaturan belum tersimpan: {error}").format(error=user_message(exc)))
            return
        super().accept()

    def _apply(self) -> None:
        region = self.region_page.selected_region()
        if region is None:
            raise StoreRuleError(self.tr("wilayah belum dipilih"))
        mode = self.mode()
        assessment = configure_installation(
            self.store, mode=mode, region_code=region.code, office_name=self.region_page.office_name(),
            operator=self.operator_page.operator(), legacy_results=dict(self.history_page.editor.results()),
            year=self.operator_page.year_spin.value() if mode == MODE_OFFICE else None,
            confirm_default_gates=False)  # the opening questions start unanswered
        if assessment is not None:
            self.created_assessment_id = assessment.id
