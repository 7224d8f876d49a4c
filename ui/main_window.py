"""The office's main window: the list of assessments and, once one is open, the workspace
(navigator | item editor | live score and history), with autosave state in the status bar.

Window geometry, splitter positions and the last open assessment (and item) are kept in
QSettings (INI) and restored on the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import APP_NAME, errors
from models.demo import is_demo_dir
from models.instrument_delivery import trusted_registry
from models.instrument_update import diff_instruments, migrate_assessment, newer_release
from models.profiling import has_profiling
from models.session import FAILED, SAVING
from models.settings import OPERATOR_NAME
from models.store import Store
from models.tables import Assessment
from ui.i18n import app_settings
from ui.icons import app_icon
from ui.item_editor import AspectPage, ItemEditor
from ui.model_texts import said_text
from ui.navigator import NavigatorModel, NavigatorView
from ui.score_panel import ScorePanel
from ui.session_adapter import SessionAdapter
from ui.styles import DEMO_STYLE, NOTICE_STYLE
from ui.ui_state import data_value, set_data_value
from ui.verification_view import verification_score_text

if TYPE_CHECKING:
    from ui.history_panel import HistoryPanel

OK_STYLE = "color: #1e7e34;"
FAILED_STYLE = "color: #ffffff; background: #c5221f; padding: 2px 6px; border-radius: 3px; font-weight: bold;"


def ui_settings() -> QSettings:
    """The per-user window state: the same INI file as the language (never the registry)."""
    return app_settings()


class LevelNotice(QFrame):
    """A brief notice after each level change: "Tingkat 4 → 1 · butir 1.1" with *Urungkan*."""

    SHOWN_MS = 8000

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("levelNotice")
        self.setStyleSheet("#levelNotice {" + NOTICE_STYLE + "}")
        self.label = QLabel(self)
        self.label.setObjectName("levelNoticeText")
        self.undo_button = QPushButton(self.tr("Urungkan"), self)
        self.undo_button.setObjectName("levelNoticeUndo")
        self.undo_button.setFlat(True)
        self.undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.undo_button.setStyleSheet("text-decoration: underline; color: #0b57d0; padding: 0 4px;")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Z does the same from anywhere
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.undo_button)
        self._index: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        session.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.hide()

    def show_change(self, item_id: str, old, new) -> None:
        code = item_id.removeprefix("A")
        shown = lambda level: "–" if level is None else str(level)  # noqa: E731
        self.label.setText(self.tr("Tingkat {0} → {1} · butir {2}").format(shown(old), shown(new), code))
        self.label.setAccessibleName(self.label.text())
        self._index = self.session.undo_stack.index()
        self.show()
        self._timer.start()

    def _on_undo_button_clicked(self) -> None:
        stack = self.session.undo_stack
        if self._index is not None and stack.index() == self._index:
            stack.undo()
        self.hide()

    def _on_undo_stack_index_changed(self, index: int) -> None:
        if self._index is not None and index != self._index:
            self.hide()  # undone, or another change made: the notice no longer describes the last step


class Workspace(QWidget):
    """One open assessment: navigator, editor (item or aspect page), score panel, history."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        assessment = session.model.assessment
        self.back_button = QPushButton(self.tr("← &Kembali ke daftar"), self)
        self.back_button.setObjectName("backToList")
        self.title = QLabel(self)
        self.title.setObjectName("assessmentTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        status = self.tr("Draf") if assessment.status == Assessment.DRAFT else self.tr("Final — hanya baca")
        self.title.setText(self.tr("Penilaian {0} · revisi {1} · {2}").format(
            assessment.year, assessment.revision, status))
        self.level_notice = LevelNotice(session, self)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.level_notice)

        self.navigator_model = NavigatorModel(session, self)
        self.navigator = NavigatorView(self.navigator_model, self)
        self.item_editor = ItemEditor(session, self)
        self.editors = QStackedWidget(self)
        self.editors.addWidget(self.item_editor)
        # Built when first wanted (``aspect_page``, ``history``): the start paints the item
        # without them. The history shows the chosen item (or, None, the assessment's changes).
        self._aspect_page: AspectPage | None = None
        self._history: HistoryPanel | None = None
        self._history_item: str | None = None
        self.score_panel = ScorePanel(self)
        self.score_panel.setObjectName("scorePanel")
        self._history_tab = QWidget(self)
        QVBoxLayout(self._history_tab).setContentsMargins(0, 0, 0, 0)
        # Score and item history share the column as tabs: on a 1366x768 laptop the score
        # panel needs the full height to show all eight aspects.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(self.score_panel, self.tr("&Skor"))
        self.side_tabs.addTab(self._history_tab, self.tr("&Riwayat butir"))
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.currentChanged.connect(self._on_side_tabs_current_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.profiling_button = QPushButton(self.tr("9. Profil penghargaan (tidak dinilai)…"), self)
        self.profiling_button.setObjectName("profilingButton")
        self.profiling_button.setVisible(has_profiling(session.model.store, assessment))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.navigator, 1)
        left_layout.addWidget(self.profiling_button)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editors)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.fit_columns(1366)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.navigator.search, self.navigator.tree)
        self.setTabOrder(self.navigator.tree, self.item_editor.first_level_button())
        self.item_editor.level_keys.watch(self.navigator.tree)  # digits in the item list choose the level
        self.item_editor.levelChanged.connect(self._on_item_editor_level_changed)

        self.navigator.itemSelected.connect(self._on_navigator_item_selected)
        self.navigator.aspectSelected.connect(self._on_navigator_aspect_selected)
        session.scoreChanged.connect(self._on_session_score_changed)
        self.score_panel.set_result(session.model.score(), session.model.instrument)
        self.score_panel.set_verification(verification_score_text(session.model.assessment,
                                                                  self.item_editor.verification_line.at_hand))
        from ui.year_over_year_view import YearOverYearLabels

        self.year_over_year = YearOverYearLabels(self)

    @property
    def aspect_page(self) -> AspectPage:
        if self._aspect_page is None:
            self._aspect_page = AspectPage(self.session, self)
            self.editors.addWidget(self._aspect_page)
        return self._aspect_page

    @property
    def history(self) -> HistoryPanel:
        if self._history is None:
            from ui.history_panel import HistoryPanel

            self._history = HistoryPanel(self.session, self._history_tab)
            self._history_tab.layout().addWidget(self._history)
            self._history.show()  # now, not on the next turn of the loop: the tab may be on screen
            self._history.show_item(self._history_item)
        return self._history

    def _show_history_of(self, item_id: str | None) -> None:
        self._history_item = item_id
        if self._history is not None:  # else read when the tab is first opened
            self._history.show_item(item_id)

    def _on_side_tabs_current_changed(self, index: int) -> None:
        if self.side_tabs.widget(index) is self._history_tab:
            self.history  # noqa: B018 - builds it

    def fit_columns(self, width: int) -> None:
        """Column widths for a window ``width`` logical pixels wide: the item editor gets what
        the navigator and the score need, so a 1366x768 laptop at 100 % or 125 % shows the
        levels, justification and evidence without a horizontal scroll bar."""
        navigator = max(260, min(330, round(width * 0.25)))
        side = max(230, min(320, round(width * 0.22)))
        self.splitter.setSizes([navigator, max(400, width - navigator - side), side])

    def current_item_id(self) -> str | None:
        return self.item_editor.item_id if self.editors.currentWidget() is self.item_editor else None

    def show_item(self, item_id: str) -> None:
        self.navigator.select_item(item_id)

    def _on_navigator_item_selected(self, item_id: str) -> None:
        self.item_editor.show_item(item_id)
        self.editors.setCurrentWidget(self.item_editor)
        self._show_history_of(item_id)

    def _on_navigator_aspect_selected(self, aspect_id: str) -> None:
        self.item_editor.commit_pending_text()
        self.aspect_page.show_aspect(aspect_id)
        self.editors.setCurrentWidget(self.aspect_page)
        self._show_history_of(None)

    def _on_item_editor_level_changed(self, item_id: str, old, new) -> None:
        self.level_notice.show_change(item_id, old, new)

    def _on_session_score_changed(self, result) -> None:
        self.score_panel.set_result(result, self.session.model.instrument)


class DemoBanner(QFrame):
    """Shown on every screen of the demo: what it is, and the way out."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner {" + DEMO_STYLE + "} #demoBanner QLabel { color: #ffffff; }")
        self.label = QLabel(self.tr("DATA CONTOH — bukan data kantor Anda. Perubahan di sini tersimpan di folder "
                                    "data contoh dan tidak menyentuh data asli."), self)
        self.label.setWordWrap(True)
        self.leave_button = QPushButton(self.tr("Keluar dari data contoh"), self)
        self.leave_button.setObjectName("leaveDemo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.leave_button)


class MainWindow(QMainWindow):
    leaveDemoRequested = Signal()  # the app closes this window and shows the setup wizard again

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.demo = is_demo_dir(store.data_dir)
        self.session: SessionAdapter | None = None
        self.workspace: Workspace | None = None
        self.validation_dialog = None
        self.settings = ui_settings()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.pages = QStackedWidget(self)
        self._list_view = None  # built when first shown (``list_view``)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.demo_banner = DemoBanner(central) if self.demo else None
        if self.demo_banner is not None:
            central_layout.addWidget(self.demo_banner)
            self.demo_banner.leave_button.clicked.connect(self._on_leave_demo_triggered)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.retry_button = QPushButton(self.tr("Coba simpan &lagi"), self)
        self.retry_button.setObjectName("retrySave")
        self.retry_button.setVisible(False)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.retry_button)

        self._build_actions()
        self._build_menus()
        from ui.report_actions import install_report_actions

        install_report_actions(self)
        self.retry_button.clicked.connect(self._on_retry_triggered)
        self._update_title()
        self._update_actions()
        self._show_save_state()
        self._restore_window_state()
        if self.workspace is None:
            self.pages.setCurrentWidget(self.list_view)

    @property
    def list_view(self):
        """The home page (``AssessmentListView``), built when first wanted: a start that
        reopens the last assessment paints it without loading the list, its scores and chart."""
        if self._list_view is None:
            from ui.assessment_list import AssessmentListModel, AssessmentListView

            self._list_view = AssessmentListView(AssessmentListModel(self.store, self), self)
            self.pages.insertWidget(0, self._list_view)
            self._list_view.openRequested.connect(self.open_assessment)
        return self._list_view

    @property
    def list_model(self):
        return self.list_view.model

    def reload_list(self) -> None:
        """Bring the list up to date, if it was built (it loads fresh when it is)."""
        if self._list_view is not None:
            self._list_view.model.reload()

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(key) for key in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("Penilaian &baru…"), self._on_new_triggered, keys.New, "newAssessment")
        self.list_action = self._action(self.tr("&Daftar penilaian"), self.show_list, "Ctrl+L", "showList")
        self.settings_action = self._action(self.tr("&Pengaturan…"), self._on_settings_triggered,
                                            keys.Preferences, "settings")
        self.quit_action = self._action(self.tr("&Keluar"), self.close, keys.Quit, "quit")
        self.undo_action = self._action(self.tr("&Urungkan"), self._on_undo_triggered, keys.Undo, "undo")
        self.redo_action = self._action(self.tr("U&langi"), self._on_redo_triggered,
                                        ["Ctrl+Y", "Ctrl+Shift+Z"], "redo")
        self.find_action = self._action(self.tr("&Cari butir"), self._on_find_triggered, keys.Find, "find")
        self.retry_action = self._action(self.tr("Coba &simpan lagi"), self._on_retry_triggered, "Ctrl+Shift+S",
                                         "retrySave")
        self.properties_action = self._action(self.tr("&Properti penilaian (S dan k)…"),
                                              self._on_properties_triggered, "Ctrl+Alt+P", "properties")
        self.profiling_action = self._action(self.tr("Profil &penghargaan instansi (tidak dinilai)…"),
                                             self._on_profiling_triggered, None, "profiling")
        self.validate_action = self._action(self.tr("Periksa &kelengkapan…"), self._on_validate_triggered,
                                            "F7", "validate")
        self.next_action = self._action(self.tr("Butir &berikutnya"), lambda: self._step_item(+1),
                                        "Ctrl+PgDown", "nextItem")
        self.previous_action = self._action(self.tr("Butir &sebelumnya"), lambda: self._step_item(-1),
                                            "Ctrl+PgUp", "previousItem")
        self.about_action = self._action(self.tr("&Tentang Merit Luring"), self._on_about_triggered, None, "about")
        self.guide_action = self._action(self.tr("&Panduan singkat"), self._on_guide_triggered, "F1", "guide")
        self.leave_demo_action = self._action(self.tr("Keluar dari data &contoh"), self._on_leave_demo_triggered,
                                              None, "leaveDemo")
        self.leave_demo_action.setVisible(self.demo)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Berkas"))
        for action in (self.new_action, self.list_action, None, self.settings_action, self.leave_demo_action, None,
                       self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.find_action, self.retry_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        assessment_menu = bar.addMenu(self.tr("&Penilaian"))
        self.assessment_menu = assessment_menu
        for action in (self.next_action, self.previous_action, None, self.properties_action, self.profiling_action,
                       self.validate_action):
            assessment_menu.addSeparator() if action is None else assessment_menu.addAction(action)
        assessment_menu.addSeparator()
        self._add_package_actions(assessment_menu)
        help_menu = bar.addMenu(self.tr("Ban&tuan"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)

    def _add_package_actions(self, menu) -> None:
        """Finalize and export the signed package; the office key and its enrolment."""
        self.export_action = self._action(self.tr("&Finalisasi dan ekspor paket…"), self._on_export_triggered,
                                          "Ctrl+E", "finalizeExport")
        self.keys_action = self._action(self.tr("Kunci kantor dan pen&daftaran…"), self._on_keys_triggered,
                                        None, "officeKeys")
        self.instrument_update_action = self._action(self.tr("Perbarui &instrumen…"),
                                                     self._on_instrument_update_triggered, None, "instrumentUpdate")
        menu.addAction(self.export_action)
        menu.addAction(self.keys_action)
        menu.addAction(self.instrument_update_action)
        self.import_result_action = self._action(self.tr("Impor &hasil verifikasi / tanda terima…"),
                                                 self._on_import_result_triggered, None, "importResult")
        menu.addAction(self.import_result_action)

    def _on_import_result_triggered(self) -> None:
        from ui.verification_view import import_answer_file_with_dialog

        outcome = import_answer_file_with_dialog(self, self.store)
        if outcome is not None and outcome.ok:
            self.reload_after_answer_file()

    def reload_after_answer_file(self) -> None:
        """Show what an imported result or receipt changed (list, open assessment)."""
        self.reload_list()
        if self.session is not None:
            self.workspace.score_panel.set_verification(verification_score_text(self.session.model.assessment))
            line = self.workspace.item_editor.verification_line
            line.reload()
            if self.workspace.item_editor.item_id:
                line.show_item(self.workspace.item_editor.item_id)

    def _on_export_triggered(self) -> None:
        from ui.package_dialogs import FinalizeExportDialog

        if self.session is None or not self._flush_before_leaving():
            return
        dialog = FinalizeExportDialog(self.store, self.session.model.assessment, self)
        dialog.finalized.connect(self._on_export_dialog_finalized)
        dialog.reopened.connect(self._on_export_dialog_reopened)
        dialog.itemRequested.connect(self.show_item)
        dialog.exec()

    def _on_export_dialog_finalized(self, _assessment_id: int) -> None:
        self.reload_assessment()

    def _on_export_dialog_reopened(self, new_assessment_id: int) -> None:
        if self._close_workspace():
            self.reload_list()
            self.open_assessment(new_assessment_id)

    def _on_keys_triggered(self) -> None:
        from ui.package_dialogs import KeysDialog

        KeysDialog(self.store, self).exec()
        # A profile may have delivered an instrument: only signed files count (instrument_delivery).
        self.store.registry = trusted_registry(self.store.data_dir)
        self._update_actions()

    def _newer_instrument(self):
        if self.session is None:
            return None
        # the session's own record (kept current by reload_assessment): no database query on
        # every undo-stack change, and nothing to look up while a closing window tears down
        return newer_release(self.store, self.session.model.assessment)

    def _on_instrument_update_triggered(self) -> None:
        from ui.instrument_update_dialog import InstrumentUpdateDialog

        target = self._newer_instrument()
        if target is None or not self._flush_before_leaving():
            return
        assessment = self.store.assessment(self.session.model.assessment.id)
        diff = diff_instruments(self.store.instrument_of(assessment), target)
        signer = self.store.registry.signer_of(target) if hasattr(self.store.registry, "signer_of") else None
        signer_text = (self.tr("Ditandatangani kunci provinsi {code} (sidik jari {fingerprint}).").format(
            code=signer.province_code, fingerprint=signer.fingerprint) if signer
            else self.tr("Dikirim bersama aplikasi."))
        dialog = InstrumentUpdateDialog(diff, signer_text, self)
        if dialog.exec() != InstrumentUpdateDialog.DialogCode.Accepted:
            return
        migrate_assessment(self.store, assessment, target, self.store.setting(OPERATOR_NAME))
        self.reload_assessment()

    def _update_actions(self) -> None:
        session = self.session
        open_ = session is not None
        self._update_undo_actions()
        for action in (self.find_action, self.next_action, self.previous_action, self.validate_action,
                       self.export_action):
            action.setEnabled(open_)
        self.properties_action.setEnabled(open_)
        self.instrument_update_action.setEnabled(self._newer_instrument() is not None)
        self.profiling_action.setEnabled(bool(open_ and has_profiling(self.store, session.model.assessment)))
        self.retry_action.setEnabled(bool(open_ and session.model.has_pending))
        self.new_action.setEnabled(self.store.office() is not None)
        self.list_action.setEnabled(open_)

    def _update_undo_actions(self) -> None:
        """What every change moves (no database query: it runs on every save)."""
        session = self.session
        stack = session.undo_stack if session is not None else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(self.tr("&Urungkan {0}").format(stack.undoText()) if stack and stack.canUndo()
                                 else self.tr("&Urungkan"))
        self.redo_action.setText(self.tr("U&langi {0}").format(stack.redoText()) if stack and stack.canRedo()
                                 else self.tr("U&langi"))
        self.retry_action.setEnabled(bool(session is not None and session.model.has_pending))

    # --- assessments ------------------------------------------------------------------------

    @property
    def current_assessment(self) -> Assessment | None:
        return self.session.model.assessment if self.session is not None else None

    def open_assessment(self, assessment_id: int) -> None:
        if self.session is not None and self.session.model.assessment.id == assessment_id:
            self.pages.setCurrentWidget(self.workspace)
            return
        if not self._close_workspace():
            return
        assessment = self.store.assessment(assessment_id)
        session = SessionAdapter(self.store, assessment, self)
        self.session = session
        self.workspace = Workspace(session, self)
        self._restore_splitters()
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.back_button.clicked.connect(self.show_list)
        self.workspace.profiling_button.clicked.connect(self._on_profiling_triggered)
        session.saveStateChanged.connect(self._on_session_save_state_changed)
        session.ruleRejected.connect(self._on_session_rule_rejected)
        session.itemTouched.connect(self.show_item)
        session.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        session.undo_stack.cleanChanged.connect(self._on_undo_stack_index_changed)
        item_id = data_value(self.store.data_dir, f"assessment-{assessment_id}/item", "")
        if not item_id or not session.model.instrument.has_item(str(item_id)):
            item_id = session.model.instrument.items[0].id
        self.show_item(str(item_id))
        self.settings.setValue("MainWindow/lastAssessment", assessment_id)
        self.settings.setValue("MainWindow/lastDataDir", str(self.store.data_dir))
        self._update_title()
        self._update_actions()
        self._show_save_state()
        self.workspace.navigator.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload_assessment(self) -> None:
        """Reopen the current assessment from the store (after finalizing, reopening, importing)."""
        if self.session is None:
            return
        assessment_id = self.session.model.assessment.id
        if self._close_workspace():
            self.reload_list()
            self.open_assessment(assessment_id)

    def show_item(self, item_id: str) -> None:
        if self.workspace is not None:
            self.pages.setCurrentWidget(self.workspace)
            self.workspace.show_item(item_id)

    def show_list(self) -> None:
        if self.workspace is not None:
            self.workspace.item_editor.commit_pending_text()
            self.session.model.flush()  # the list reads the scores from the store
        self.reload_list()
        if self.session is not None:
            self.list_view.select_assessment(self.session.model.assessment.id)
        self.pages.setCurrentWidget(self.list_view)
        self.list_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_workspace(self) -> bool:
        """Flush and drop the open assessment; False if the user keeps it open (unsaved)."""
        if self.workspace is None:
            return True
        if not self._flush_before_leaving():
            return False
        self._save_splitters()
        if self.validation_dialog is not None:
            self.validation_dialog.close()
            self.validation_dialog.deleteLater()
            self.validation_dialog = None
        self.pages.removeWidget(self.workspace)
        self.session.model.close()  # its writer thread ends (nothing is pending: flushed above)
        self.pages.setCurrentWidget(self.list_view)  # never an empty window
        self.workspace.deleteLater()
        self.session.deleteLater()
        self.workspace = None
        self.session = None
        self._update_actions()
        return True

    def _flush_before_leaving(self) -> bool:
        if self.workspace is None:
            return True
        self.workspace.item_editor.commit_pending_text()
        self._remember_item()
        if not self.session.model.has_pending or self.session.model.retry():
            return True
        answer = QMessageBox.warning(
            self, self.tr("Perubahan belum tersimpan"),
            self.tr("Sebagian perubahan belum dapat disimpan. {0}\n\nJika Anda melanjutkan tanpa mencoba lagi, "
                    "perubahan itu hilang.").format(said_text(self.session.model.failure_detail)),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Retry)
        if answer == QMessageBox.StandardButton.Retry:
            return self.session.model.retry()
        return True

    def _remember_item(self) -> None:
        item_id = self.workspace.current_item_id() if self.workspace else None
        if item_id:
            set_data_value(self.store.data_dir, f"assessment-{self.session.model.assessment.id}/item", item_id)

    def _step_item(self, step: int) -> None:
        if self.workspace is None:
            return
        visible = self.workspace.navigator.visible_item_ids()
        current = self.workspace.current_item_id()
        if not visible:
            return
        position = visible.index(current) + step if current in visible else 0
        self.show_item(visible[max(0, min(len(visible) - 1, position))])

    # --- slots ---------------------------------------------------------------------------------

    def _on_new_triggered(self) -> None:
        self.show_list()
        self.list_view.create_assessment()

    def _on_settings_triggered(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self)
        dialog.exec()
        if dialog.restore_request is not None:  # Cadangan > Pulihkan: confirmed on the page
            from ui.settings_dialog import restore_and_quit

            if self._close_workspace():
                restore_and_quit(self, self.store, dialog.restore_request)
            return
        self.reload_list()
        self._update_title()

    def _on_guide_triggered(self) -> None:
        from ui.help import show_guide

        show_guide(self, province=False)

    def _on_leave_demo_triggered(self) -> None:
        if self._flush_before_leaving():
            self.leaveDemoRequested.emit()

    def _on_about_triggered(self) -> None:
        from ui.about_dialog import AboutDialog

        instrument = self.session.model.instrument if self.session else self.store.registry.default()
        AboutDialog(instrument, self).exec()

    def _on_undo_triggered(self) -> None:
        if self.session is not None:
            self.workspace.item_editor.commit_pending_text()
            self.session.undo_stack.undo()

    def _on_redo_triggered(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def _on_find_triggered(self) -> None:
        if self.workspace is not None:
            self.pages.setCurrentWidget(self.workspace)
            self.workspace.navigator.focus_search()

    def _on_retry_triggered(self) -> None:
        if self.session is not None:
            self.session.model.retry()

    def _on_properties_triggered(self) -> None:
        from ui.properties_dialog import PropertiesDialog

        if self.session is not None:
            PropertiesDialog(self.session, self).exec()

    def _on_profiling_triggered(self) -> None:
        from ui.profiling_dialog import ProfilingDialog

        if self.session is not None and has_profiling(self.store, self.session.model.assessment):
            ProfilingDialog(self.store, self.session.model.assessment, self).exec()

    def _on_validate_triggered(self) -> None:
        from ui.validation_dialog import ValidationDialog

        if self.session is None:
            return
        self.workspace.item_editor.commit_pending_text()
        if self.validation_dialog is None:
            self.validation_dialog = ValidationDialog(self.session, self)
            self.validation_dialog.itemRequested.connect(self._on_validation_item_requested)
        self.validation_dialog.show()
        self.validation_dialog.raise_()
        self.validation_dialog.activateWindow()

    def _on_validation_item_requested(self, item_id: str) -> None:
        self.show_item(item_id)
        self.activateWindow()

    def _on_undo_stack_index_changed(self, *_args) -> None:
        self._update_undo_actions()

    def _on_session_rule_rejected(self, message: str) -> None:
        from ui.model_texts import rule_text

        rule = self.session.model.last_rejection if self.session is not None else None
        if rule is not None and str(rule) == message:
            message = rule_text(rule)  # by its code, in the user's language
        QMessageBox.information(self, self.tr("Perubahan tidak dapat disimpan"), message)

    def _on_session_save_state_changed(self) -> None:
        self._show_save_state()
        self._update_undo_actions()

    def _show_save_state(self) -> None:
        session = self.session
        if session is None:
            self.save_label.setText(self.tr("Setiap perubahan disimpan otomatis"))
            self.save_label.setStyleSheet("")
            self.retry_button.setVisible(False)
            return
        if session.model.read_only:
            text, style = self.tr("Penilaian final: hanya baca"), ""
        elif session.model.state == FAILED:
            text = self.tr("Gagal menyimpan: {0} Perubahan Anda masih di layar dan akan dicoba lagi.").format(
                self._failure_reason(session.model.failure_code))
            style = FAILED_STYLE
        elif session.model.state == SAVING:
            text, style = self.tr("Menyimpan…"), ""
        elif session.model.last_saved_at is not None:
            text, style = self.tr("Tersimpan {0}").format(session.model.last_saved_at.strftime("%H.%M")), OK_STYLE
        else:
            text, style = self.tr("Setiap perubahan disimpan otomatis"), ""
        self.save_label.setText(text)
        if self.save_label.styleSheet() != style:  # a style sheet re-polishes the label: only on a change
            self.save_label.setStyleSheet(style)
        self.save_label.setToolTip(said_text(session.model.failure_detail))
        self.save_label.setAccessibleName(text)
        self.retry_button.setVisible(session.model.state == FAILED)

    def _failure_reason(self, code: str) -> str:
        """A few words for the save label; the full message with what to do is its tooltip."""
        reasons = {
            errors.DISK_FULL: self.tr("disk penuh."),
            errors.READ_ONLY: self.tr("folder data hanya-baca."),
            errors.PERMISSION: self.tr("tidak ada izin menulis ke folder data."),
            errors.LOCKED: self.tr("data sedang dipakai proses lain."),
            errors.IO_ERROR: self.tr("disk tidak dapat ditulis."),
        }
        return reasons.get(code, self.tr("galat yang tidak dikenal."))

    def _update_title(self) -> None:
        office = self.store.office()
        parts = []
        if self.session is not None:
            parts.append(self.tr("Penilaian {0}").format(self.session.model.assessment.year))
        if office is not None:
            parts.append(office.name)
        parts.append(APP_NAME)
        if self.demo:
            parts.insert(0, self.tr("[DATA CONTOH]"))
        self.setWindowTitle(" — ".join(parts))

    # --- window state ------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = self.settings.value("MainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1280, int(available.width() * 0.95)), min(820, int(available.height() * 0.9)))
            if available.height() < 900 and QGuiApplication.platformName() not in ("offscreen", "minimal"):
                # a laptop (1366x768): every pixel of height counts; off screen there is no screen
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        last = self.settings.value("MainWindow/lastAssessment")
        same_store = self.settings.value("MainWindow/lastDataDir", "") == str(self.store.data_dir)
        if last is not None and same_store:
            try:
                assessment_id = int(last)
                self.store.assessment(assessment_id)
            except (ValueError, TypeError, Assessment.DoesNotExist):
                return
            self.open_assessment(assessment_id)

    def _restore_splitters(self) -> None:
        state = self.settings.value("MainWindow/splitter")
        if state is None or not self.workspace.splitter.restoreState(state):
            self.workspace.fit_columns(self.width())

    def _save_splitters(self) -> None:
        if self.workspace is not None:
            self.settings.setValue("MainWindow/splitter", self.workspace.splitter.saveState())

    def save_window_state(self) -> None:
        self.settings.setValue("MainWindow/geometry", self.saveGeometry())
        self._save_splitters()
        if self.workspace is not None:
            self._remember_item()
        else:
            self.settings.remove("MainWindow/lastAssessment")
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if not self._flush_before_leaving():
            event.ignore()
            return
        self.save_window_state()
        if self.validation_dialog is not None:
            self.validation_dialog.close()
        super().closeEvent(event)
