"""The office window's actions for what it hands to its leadership: print preview and PDF
of the report, the worksheet XLSX and the evidence per item, the Berita Acara of an
exported package, the improvement planner, and starting a new year from last year.

``install_report_actions(window)`` adds them to the window's Berkas and Penilaian menus;
every action works through ``models``/``documents``, the same code as the CLI verbs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QProgressDialog

# Printing, the fonts and the report layout load on first use, not with the window: the
# start does not pay for QtPrintSupport and the PDF painter (issue 17).
from models.settings import OPERATOR_NAME
from ui.messages import user_message


def ask_save_path(parent, title: str, suggested: str, filter_text: str) -> Path | None:
    """Where to save (a seam for tests)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return Path(chosen) if chosen else None


def ask_open_path(parent, title: str, filter_text: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", filter_text)
    return Path(chosen) if chosen else None


def ask_directory(parent, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title)
    return Path(chosen) if chosen else None


def _menu_holding(window, action: QAction):
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and action in menu.actions():
            return menu
    return None


class ReportActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.preview_dialog = None  # QPrintPreviewDialog once shown
        self.preview_action = self._action(self.tr("Pratinjau dan &cetak laporan…"), self.show_print_preview,
                                           QKeySequence.StandardKey.Print, "printReport")
        self.pdf_action = self._action(self.tr("Simpan laporan P&DF…"), self.save_report_pdf, "Ctrl+Shift+P", "reportPdf")
        self.worksheet_action = self._action(self.tr("Ekspor kertas &kerja XLSX…"), self.save_worksheet, None,
                                             "worksheetXlsx")
        self.evidence_action = self._action(self.tr("Ekspor &bukti dukung per butir…"), self.export_evidence, None,
                                            "evidenceTree")
        self.berita_action = self._action(self.tr("Berita &Acara paket…"), self.save_berita_acara, None, "beritaAcara")
        self.new_year_action = self._action(self.tr("Mulai &tahun baru dari tahun lalu…"), self.start_new_year, None,
                                            "newYear")
        self.planner_action = self._action(self.tr("&Rencana peningkatan dan bagaimana jika…"), self.show_planner,
                                           "Ctrl+Shift+R", "planner")
        file_menu = _menu_holding(window, window.settings_action)
        if file_menu is not None:
            anchor = window.settings_action
            for action in (self.new_year_action, None, self.preview_action, self.pdf_action, self.worksheet_action,
                           self.evidence_action, self.berita_action, None):
                if action is None:
                    file_menu.insertSeparator(anchor)
                else:
                    file_menu.insertAction(anchor, action)
        assessment_menu = getattr(window, "assessment_menu", None)
        if assessment_menu is not None:
            assessment_menu.insertAction(window.properties_action, self.planner_action)

    def _action(self, text: str, slot, shortcut, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- helpers ---------------------------------------------------------------------------

    def _assessment(self):
        """The open assessment, its pending edits saved first; None (and a word) if none is open."""
        session = self.window.session
        if session is None:
            QMessageBox.information(self.window, self.tr("Belum ada penilaian terbuka"),
                                    self.tr("Buka penilaian dari daftar terlebih dahulu."))
            return None
        session.model.retry()
        return self.window.store.assessment(session.model.assessment.id)

    def _suggested(self, assessment, kind: str, suffix: str) -> str:
        code = assessment.office.code.replace(".", "")
        return f"{kind}-{code}-{assessment.year}-r{assessment.revision}{suffix}"

    def _saved(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Disimpan: {0}").format(path), 8000)

    # --- report ----------------------------------------------------------------------------

    def make_print_preview(self):
        """The print preview dialog (QPrintPreviewDialog) of the report; None without an assessment."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from documents.fonts import register_fonts
        from documents.report_pdf import render_report
        from models.report_data import build_report

        assessment = self._assessment()
        if assessment is None:
            return None
        register_fonts()
        report = build_report(self.window.store, assessment)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(report.title)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Pratinjau laporan {0}").format(report.year))
        dialog.paintRequested.connect(lambda device: render_report(device, report))
        dialog.printer_ref = printer  # the dialog does not own its printer: keep it alive as long
        self.preview_dialog = dialog
        return dialog

    def show_print_preview(self) -> None:
        dialog = self.make_print_preview()
        if dialog is not None:
            dialog.resize(900, 1000)
            dialog.exec()

    def save_report_pdf(self) -> None:
        from documents.fonts import register_fonts
        from documents.report_pdf import write_report_pdf
        from models.report_data import build_report

        assessment = self._assessment()
        if assessment is None:
            return
        path = ask_save_path(self.window, self.tr("Simpan laporan PDF"), self._suggested(assessment, "laporan", ".pdf"),
                             self.tr("Dokumen PDF (*.pdf)"))
        if path is None:
            return
        register_fonts()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report_pdf(build_report(self.window.store, assessment), path)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Laporan tidak tersimpan"), user_message(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._saved(path)

    # --- worksheet and evidence -----------------------------------------------------------

    def save_worksheet(self) -> None:
        from models.worksheet import write_worksheet

        assessment = self._assessment()
        if assessment is None:
            return
        path = ask_save_path(self.window, self.tr("Ekspor kertas kerja"),
                             self._suggested(assessment, "kertas-kerja", ".xlsx"), self.tr("Buku kerja Excel (*.xlsx)"))
        if path is None:
            return
        try:
            write_worksheet(self.window.store, assessment, path)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Kertas kerja tidak tersimpan"), user_message(exc))
            return
        self._saved(path)

    def export_evidence(self) -> None:
        from models.evidence import EvidenceError
        from models.worksheet import export_evidence_tree

        assessment = self._assessment()
        if assessment is None:
            return
        directory = ask_directory(self.window, self.tr("Pilih folder untuk bukti dukung (satu subfolder per butir)"))
        if directory is None:
            return
        target = directory / self._suggested(assessment, "bukti-dukung", "")
        progress = QProgressDialog(self.tr("Menyalin bukti dukung…"), "", 0, 1000, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def report(done: int, total: int) -> None:
            progress.setValue(int(done * 1000 / max(1, total)))
            QApplication.processEvents()

        try:
            export = export_evidence_tree(self.window.store, assessment, target, progress=report)
        except (EvidenceError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Bukti dukung tidak lengkap tersalin"), user_message(exc))
            return
        finally:
            progress.close()
        QMessageBox.information(self.window, self.tr("Bukti dukung diekspor"), self.tr(
            "{files} berkas dalam {folders} folder butir disalin ke\n{path}").format(
            files=export.files, folders=len(export.folders), path=target))

    # --- Berita Acara ---------------------------------------------------------------------

    def save_berita_acara(self) -> None:
        from documents.berita_acara_pdf import write_berita_acara_pdf
        from documents.fonts import register_fonts
        from models.berita_acara import BeritaAcaraError, berita_acara_of_package

        package = ask_open_path(self.window, self.tr("Pilih berkas paket yang diekspor"),
                                self.tr("Paket Merit Luring (*.merit)"))
        if package is None:
            return
        try:
            paper = berita_acara_of_package(package)
        except (BeritaAcaraError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Bukan paket"), user_message(exc))
            return
        path = ask_save_path(self.window, self.tr("Simpan Berita Acara"), package.with_suffix(".berita-acara.pdf").name,
                             self.tr("Dokumen PDF (*.pdf)"))
        if path is None:
            return
        register_fonts()
        write_berita_acara_pdf(paper, path)
        self._saved(path)

    # --- planner and new year -------------------------------------------------------------

    def show_planner(self) -> None:
        from ui.planner_dialog import PlannerDialog

        if self._assessment() is None:
            return
        dialog = PlannerDialog(self.window.session.model, self.window)
        dialog.exec()

    def start_new_year(self) -> None:
        from models.carry_forward import start_from_previous
        from models.store import StoreRuleError

        store = self.window.store
        office = store.office()
        years = sorted({a.year for a in store.assessments(office)}, reverse=True) if office else []
        if not years:
            QMessageBox.information(self.window, self.tr("Belum ada penilaian"),
                                    self.tr("Belum ada penilaian tahun lalu untuk dibawa."))
            return
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("Mulai tahun baru"),
            self.tr("Bawa jawaban dan bukti dukung dari tahun:"), [str(y) for y in years], 0, False)
        if not ok:
            return
        try:
            summary = start_from_previous(store, office, int(choice), store.setting(OPERATOR_NAME))
        except StoreRuleError as exc:
            QMessageBox.warning(self.window, self.tr("Tahun baru tidak dapat dibuat"), user_message(exc))
            return
        self.window.reload_list()
        self.window.open_assessment(summary.assessment.id)
        QMessageBox.information(self.window, self.tr("Penilaian {0} dibuat").format(summary.assessment.year), self.tr(
            "{answers} jawaban dan {evidence} bukti dukung dibawa dari {year}. Setiap butir ditandai "
            "\"belum ditinjau tahun ini\" sampai diubah atau dikonfirmasi di Periksa kelengkapan (F7).").format(
            answers=summary.answers, evidence=summary.evidence, year=summary.from_year))


def install_report_actions(window) -> ReportActions:
    window.report_actions = ReportActions(window)
    return window.report_actions
