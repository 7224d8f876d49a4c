"""The province's main window: the consolidated view of all its kabupaten/kota for a year.

A year selector and a heading ("x of y sent"), then three tabs over the same
Consolidation: the filterable table, the ranking bar chart and the aspect heat map.
Double-clicking a received row opens the read-only drill-down. Menus: import packages,
export XLSX/CSV, the province key and profile, enrolment, enrolled offices.

``refresh`` consolidates in a worker thread (scoring 514 packages the first time is far
more than a frame), which also makes every cell's text and sort key (``table_cells``): the
table and charts keep the previous consolidation (or stay empty, at first) with a busy bar
beside the heading, and the new one is swapped in at once on the GUI thread
(``refreshed``), keeping the selected office and the scroll position. The worker gets plain values (store, year, code) and never a
widget (``ui/workers.py``); closing the window stops it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import consolidate as cons
from models import consolidated_table, province
from models.formatting import size_id
from models.store import Store
from models.tables import utc_now
from ui.messages import user_message
from ui.province.charts import ChartBase, HeatMap, RankingChart
from ui.province.consolidated_view import ConsolidatedTableModel, ConsolidatedView, table_words
from ui.province.drilldown import DrilldownDialog
from ui.province.enrolment_dialog import EnrolmentDialog, OfficesDialog, ProvinceKeyDialog, unlock_province_key
from ui.province.import_dialog import ImportDialog
from ui.styles import SUCCESS, show_status
from ui.workers import BackgroundJob, run_in_background

CLOSE_WAIT_SECONDS = 2.0  # at most, for a cancelled refresh to leave the store on close


def default_year(store: Store) -> int:
    """The latest year a package was received for, else this year."""
    return province.latest_received_year() or utc_now().year


def _scroll_area() -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    return area


class ProvinceWindow(QMainWindow):
    refreshed = Signal()  # a new consolidation is shown (table, charts, heading)
    refresh_failed = Signal()

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.consolidation: cons.Consolidation | None = None
        self._refresh_job: BackgroundJob | None = None
        self._refresh_generation = 0
        self.province_code = province.province_code(store)
        instrument = store.registry.default()
        self.setWindowTitle(self.tr("Merit Luring — Provinsi {name}").format(name=self._province_name()))

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2018, 2100)
        self.year_spin.setValue(default_year(store))
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        # Busy while a refresh runs in its worker (an indeterminate bar: no figure to show).
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(140)
        self.busy.setToolTip(self.tr("Memuat data konsolidasi…"))
        self.busy.setAccessibleName(self.tr("Memuat data konsolidasi…"))
        policy = self.busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it never moves the heading nor the table
        self.busy.setSizePolicy(policy)
        self.busy.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        # The last export, in the success style, with the way to its folder (not only the status bar).
        self.exported_label = QLabel()
        self.exported_label.setObjectName("exportedLabel")
        self.exported_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Buka &folder"))
        self.exported_path: Path | None = None
        self.exported_row = QWidget()
        exported_layout = QHBoxLayout(self.exported_row)
        exported_layout.setContentsMargins(0, 0, 0, 0)
        exported_layout.addWidget(self.exported_label, 1)
        exported_layout.addWidget(self.open_folder_button)
        self.exported_row.hide()
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)

        self.model = ConsolidatedTableModel(parent=self)
        self.view = ConsolidatedView(self.model, instrument.bands)
        # The charts are made when their tab is first shown (``ranking``, ``heatmap``), and
        # only a made chart takes each new consolidation: opening and refreshing pay for the table.
        self._instrument = instrument
        self._charts: dict[type, ChartBase] = {}
        self._chart_areas = {RankingChart: _scroll_area(), HeatMap: _scroll_area()}
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, self.tr("&Tabel"))
        self.tabs.addTab(self._chart_areas[RankingChart], self.tr("&Peringkat"))
        self.tabs.addTab(self._chart_areas[HeatMap], self.tr("Peta &panas"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Tahun:"))
        year_label.setBuddy(self.year_spin)
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.heading, 1)
        top.addWidget(self.busy)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.exported_row)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._make_actions()

        self.year_spin.valueChanged.connect(self._on_year_spin_value_changed)
        self.view.office_activated.connect(self._on_view_office_activated)
        self.resize(1200, 720)
        self.refresh()

    def _chart(self, kind: type) -> ChartBase:
        chart = self._charts.get(kind)
        if chart is None:
            chart = self._charts[kind] = kind(self._instrument)
            if self.consolidation is not None:
                chart.set_consolidation(self.consolidation)
            self._chart_areas[kind].setWidget(chart)
        return chart

    @property
    def ranking(self) -> RankingChart:
        return self._chart(RankingChart)

    @property
    def heatmap(self) -> HeatMap:
        return self._chart(HeatMap)

    def _on_tabs_current_changed(self, index: int) -> None:
        for kind, area in self._chart_areas.items():
            if self.tabs.widget(index) is area:
                self._chart(kind)

    def _province_name(self) -> str:
        from models import regions

        return regions.region(self.province_code).name if self.province_code else "?"

    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None) -> QAction:
            made = QAction(text, self)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.triggered.connect(slot)
            return made

        self.import_action = action(self.tr("&Impor paket…"), self._on_import_action_triggered, QKeySequence("Ctrl+I"))
        self.xlsx_action = action(self.tr("Ekspor tabel ke &XLSX…"), self._on_xlsx_action_triggered)
        self.csv_action = action(self.tr("Ekspor tabel ke &CSV…"), self._on_csv_action_triggered)
        for made in (self.xlsx_action, self.csv_action):  # until the first consolidation is shown
            made.setEnabled(False)
        self.quit_action = action(self.tr("&Keluar"), self.close, QKeySequence.StandardKey.Quit)
        self.key_action = action(self.tr("&Kunci provinsi…"), self._on_key_action_triggered)
        self.profile_action = action(self.tr("Ekspor &profil provinsi…"), self._on_profile_action_triggered)
        self.enrol_action = action(self.tr("&Daftarkan kantor…"), self._on_enrol_action_triggered)
        self.deliver_action = action(self.tr("Tambahkan &instrumen ke profil…"), self._on_deliver_action_triggered)
        self.offices_action = action(self.tr("Kantor &terdaftar…"), self._on_offices_action_triggered)
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        for made in (self.import_action, self.xlsx_action, self.csv_action):
            file_menu.addAction(made)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.settings_action = action(self.tr("&Pengaturan…"), self._on_settings_action_triggered,
                                      QKeySequence.StandardKey.Preferences)
        self.about_action = action(self.tr("&Tentang Merit Luring"), self._on_about_action_triggered)
        self.guide_action = action(self.tr("&Panduan singkat"), self._on_guide_action_triggered, QKeySequence("F1"))
        file_menu.insertAction(self.quit_action, self.settings_action)
        file_menu.insertSeparator(self.quit_action)
        province_menu = self.menuBar().addMenu(self.tr("&Provinsi"))
        for made in (self.key_action, self.profile_action, self.enrol_action, self.offices_action,
                     self.deliver_action):
            province_menu.addAction(made)
        help_menu = self.menuBar().addMenu(self.tr("Ban&tuan"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("Utama"))
        toolbar.setObjectName("province-toolbar")
        for made in (self.import_action, self.enrol_action, self.xlsx_action):
            toolbar.addAction(made)
        # Provinsi › Periksa Berita Acara…: its dialog (and the lookup) is imported when asked for.
        self.berita_acara_action = action(self.tr("Periksa &Berita Acara…"), self._on_berita_acara_action_triggered)
        self.berita_acara_action.setObjectName("checkBeritaAcara")
        province_menu.addSeparator()
        province_menu.addAction(self.berita_acara_action)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Consolidate the chosen year in a worker; the new table replaces the shown one in
        one step when it is ready (``refreshed``). A refresh asked while one runs supersedes
        it: the older one is cancelled and its result never shown."""
        if not self.province_code:
            self.heading.setText(self.tr("Instalasi ini belum diatur sebagai provinsi."))
            return
        self._cancel_refresh()
        self._refresh_generation += 1
        generation = self._refresh_generation
        store, year, code = self.store, self.year_spin.value(), self.province_code
        words = table_words()  # the cells' words, translated here; the worker gets plain strings

        def task(_progress, cancelled):  # worker thread: plain values only, never a widget
            try:
                consolidation = cons.consolidate(store, year, code, cancelled=cancelled)
            finally:
                store.release_thread_connection()
            # every cell's text and sort key made here: the GUI thread only swaps them in
            return consolidation, consolidated_table.table_cells(consolidation, words)

        if self.consolidation is None or self.consolidation.year != year:
            self.heading.setText(self.tr("Memuat data konsolidasi tahun {year}…").format(year=year))
        self.busy.show()
        self._refresh_job = run_in_background(
            task, parent=self,
            on_finished=lambda result: self._on_refresh_finished(generation, result),
            on_failed=lambda error: self._on_refresh_failed(generation, error))

    def refreshing(self) -> bool:
        return self._refresh_job is not None

    def _cancel_refresh(self) -> None:
        job, self._refresh_job = self._refresh_job, None
        if job is not None:
            job.cancel()
        self.busy.hide()

    def _on_refresh_finished(self, generation: int,
                             result: tuple[cons.Consolidation, consolidated_table.TableCells]) -> None:
        if generation != self._refresh_generation:  # superseded after it had finished
            return
        self._refresh_job = None
        self.busy.hide()
        self.show_consolidation(*result)
        self.refreshed.emit()

    def _on_refresh_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._refresh_generation:
            return
        self._refresh_job = None
        self.busy.hide()
        self.heading.setText(self.tr("Data konsolidasi tidak dapat dimuat: {error}").format(
            error=user_message(error)))
        self.refresh_failed.emit()

    def show_consolidation(self, consolidation: cons.Consolidation,
                           cells: consolidated_table.TableCells | None = None) -> None:
        """Swap ``consolidation`` into the table, the charts and the heading (GUI thread);
        ``cells``: its table's texts and sort keys when made beforehand (in the worker)."""
        self.consolidation = consolidation
        self.model.set_consolidation(consolidation, cells)
        for chart in self._charts.values():
            chart.set_consolidation(consolidation)
        self.xlsx_action.setEnabled(True)
        self.csv_action.setEnabled(True)
        self.heading.setText(self.tr("Provinsi {name}, tahun {year}: {received} dari {total} kabupaten/kota "
                                     "telah mengirim paket").format(
            name=consolidation.province_name, year=consolidation.year,
            received=consolidation.received_count, total=len(consolidation.rows)))
        notes = []
        if not province.has_key(self.store):
            notes.append(self.tr("Kunci provinsi belum dibuat: buka menu Provinsi › Kunci provinsi."))
        if any(row.provisional for row in consolidation.rows if row.received):
            notes.append(self.tr("* Angka sementara: bobot aspek 2–7 belum resmi."))
        versions = consolidation.instrument_versions
        if len(versions) > 1:
            notes.append(self.tr("Kabupaten/kota tahun ini dinilai dengan versi instrumen berbeda ({versions}); "
                                 "lihat tip kolom Indeks.").format(versions="; ".join(versions)))
        if len({row.ranking_group for row in consolidation.rows if row.received}) > 1:
            notes.append(self.tr("M = maturitas tanpa nilai survei S: diurutkan terpisah dari NISM."))
        self.notice.setText(" ".join(notes))
        self.notice.setVisible(bool(notes))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        job = self._refresh_job
        self._cancel_refresh()  # the worker stops at its next look; its outcome is dropped
        if job is not None:  # let it leave the store before the caller may close it (a few ms)
            job.worker.exited.wait(CLOSE_WAIT_SECONDS)
        super().closeEvent(event)

    def _on_year_spin_value_changed(self, _year: int) -> None:
        self.refresh()

    def _on_view_office_activated(self, assessment_id: int) -> None:
        DrilldownDialog(self.store, assessment_id, self).exec()

    # --- actions -------------------------------------------------------------------------

    def _on_import_action_triggered(self) -> None:
        self.import_packages([])

    def import_packages(self, paths: list[Path]) -> None:
        """The import view; with ``paths`` (a package opened from Explorer) it checks and
        imports them at once and shows each outcome."""
        dialog = ImportDialog(self.store, self)
        dialog.imported.connect(self.refresh)
        if paths:
            dialog.start_import(paths)
        dialog.exec()

    def _export(self, title: str, suffix: str, writer) -> None:
        name = f"konsolidasi-{self.province_code}-{self.year_spin.value()}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, title, name, f"{suffix.upper()} (*.{suffix})")
        if not path:
            return
        self.export_to(Path(path), writer)

    def export_to(self, path: Path, writer) -> bool:
        try:
            writer(self.consolidation, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Ekspor gagal"), self.tr(
                "{path} tidak dapat ditulis: {error} Berkas lama (jika ada) tidak berubah.").format(
                path=path, error=user_message(exc)))
            return False
        self.statusBar().showMessage(self.tr("Ditulis ke {path}").format(path=path), 8000)
        self.exported_path = Path(path)
        show_status(self.exported_label, self.tr("Tabel ditulis ({size}): {path}").format(
            size=size_id(Path(path).stat().st_size), path=path), SUCCESS)
        self.exported_row.show()
        return True

    def _on_open_folder_button_clicked(self) -> None:
        from ui import package_dialogs

        if self.exported_path is not None:
            package_dialogs.open_url(QUrl.fromLocalFile(str(self.exported_path.parent)))

    def _on_xlsx_action_triggered(self) -> None:
        self._export(self.tr("Ekspor ke XLSX"), "xlsx", cons.write_xlsx)

    def _on_csv_action_triggered(self) -> None:
        self._export(self.tr("Ekspor ke CSV"), "csv", cons.write_csv)

    def _on_settings_action_triggered(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self)
        dialog.exec()
        if dialog.restore_request is not None:  # Cadangan > Pulihkan: confirmed on the page
            from ui.settings_dialog import restore_and_quit

            restore_and_quit(self, self.store, dialog.restore_request)
            return
        self.refresh()

    def _on_about_action_triggered(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self.store.registry.default(), self).exec()

    def _on_guide_action_triggered(self) -> None:
        from ui.help import show_guide

        show_guide(self, province=True)

    def _on_berita_acara_action_triggered(self) -> None:
        from ui.province.berita_acara_check import BeritaAcaraCheckDialog

        BeritaAcaraCheckDialog(self.store, self).exec()

    def _on_key_action_triggered(self) -> None:
        ProvinceKeyDialog(self.store, self).exec()
        self.refresh()

    def _on_profile_action_triggered(self) -> None:
        if not province.has_key(self.store):
            self._on_key_action_triggered()
            return
        private_key = unlock_province_key(self, self.store)
        if private_key is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor profil provinsi"),
                                              f"profil-provinsi-{self.province_code}.json",
                                              self.tr("Profil provinsi (*.json)"))
        if not path:
            return
        try:
            province.export_profile(self.store, private_key, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Ekspor gagal"), user_message(exc))
            return
        QMessageBox.information(self, self.tr("Profil provinsi"), self.tr(
            "Profil ditulis ke {path}.\nSidik jari kunci provinsi: {fingerprint}").format(
            path=path, fingerprint=province.public_key(self.store).fingerprint))

    def _on_deliver_action_triggered(self) -> None:
        if not province.has_key(self.store):
            self._on_key_action_triggered()
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas instrumen"), "",
                                              self.tr("Instrumen (*.json)"))
        if path:
            self.deliver_instrument(Path(path))

    def deliver_instrument(self, path: Path) -> bool:
        """Sign an instrument file with the province key so that every profile exported from
        now on carries it to the offices (as ``instrument deliver``), after showing what it is."""
        from models.instrument_delivery import InstrumentDeliveryError, read_for_delivery, trusted_registry
        from models.instrument_delivery import deliver_instrument as deliver
        from ui.messages import confirm

        try:
            instrument = read_for_delivery(path.read_bytes())
        except (OSError, InstrumentDeliveryError) as exc:
            QMessageBox.warning(self, self.tr("Instrumen tidak dapat ditambahkan"), user_message(exc))
            return False
        held = self.store.registry.get(instrument.id) if instrument.id in self.store.registry else None
        what = self.tr("{title}\n{id} versi {version} (urutan {sequence}), {items} butir.").format(
            title=instrument.title, id=instrument.id, version=instrument.version, sequence=instrument.sequence,
            items=len(instrument.items))
        if held is not None:
            what += "\n" + self.tr("Yang berlaku kini: versi {version} (urutan {sequence}).").format(
                version=held.version, sequence=held.sequence)
        if not confirm(self, self.tr("Tambahkan instrumen ke profil"), what + "\n\n" + self.tr(
                "Instrumen ini akan ditandatangani kunci provinsi: kabupaten/kota yang memasang profil provinsi "
                "berikutnya akan menilai dengan instrumen ini. Lanjutkan hanya bila berkasnya dari sumber resmi."),
                self.tr("Tandatangani dan tambahkan")):
            return False
        private_key = unlock_province_key(self, self.store)
        if private_key is None:
            return False
        try:
            installed = deliver(self.store.data_dir, path.read_bytes(), private_key, self.province_code,
                                self.store.registry)
        except (OSError, InstrumentDeliveryError) as exc:
            QMessageBox.warning(self, self.tr("Instrumen tidak dapat ditambahkan"), user_message(exc))
            return False
        self.store.registry = trusted_registry(self.store.data_dir)
        QMessageBox.information(self, self.tr("Instrumen ditambahkan"), self.tr(
            "Instrumen {id} versi {version} ditandatangani kunci provinsi dan ikut dalam setiap profil yang "
            "diekspor mulai sekarang. Ekspor profil provinsi (menu Provinsi) dan kirim ke kabupaten/kota.").format(
            id=installed.id, version=installed.version))
        return True

    def _on_enrol_action_triggered(self) -> None:
        if not province.has_key(self.store):
            self._on_key_action_triggered()
            return
        EnrolmentDialog(self.store, self).exec()

    def _on_offices_action_triggered(self) -> None:
        OfficesDialog(self.store, self).exec()
        self.refresh()
