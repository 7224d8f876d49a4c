"""One office's day, driven through the real start-up (``ui.app.run_gui``) on a real X server.

Run by ``tests/ui/test_journey_x11.py`` in a child process per phase (a restart is a new
process, as for the user), with ``QT_QPA_PLATFORM=xcb`` and ``DISPLAY`` on an Xvfb:

* ``first``: first start → setup wizard → three items answered with justification and
  evidence → close;
* ``second``: start again (the last assessment reopens) → the office's key and certificate
  arrive (set up with the demo province, as the province would send them) → gates confirmed
  and the other items answered → finalize and export → open revision 2 (confirmed) → attach
  three large files → close.

Every step leaves a screenshot of the X screen in ``OUT``. The phase fails (exit 1) on a
Python exception anywhere, on any warning, error or information box, or when a step does
not reach its goal; a crash ends the process with a signal (faulthandler prints where).
"""

from __future__ import annotations

import faulthandler
import json
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

faulthandler.enable()

ITEMS = ("A1.1", "A1.2", "A1.3")
PASSPHRASE_NOTE = "the demo office passphrase (models.demo)"


class Journey:
    def __init__(self, phase: str, data_dir: Path, out_dir: Path):
        self.phase = phase
        self.data_dir = data_dir
        self.out_dir = out_dir
        self.failures: list[str] = []
        self.steps: list[str] = []
        self.shots = 0
        self.scratch = data_dir.parent / "berkas"  # files to attach, the package: not artefacts
        self.scratch.mkdir(parents=True, exist_ok=True)

    # --- plumbing ----------------------------------------------------------------------------

    def app(self):
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()

    def spin(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app().processEvents()
            time.sleep(0.005)

    def wait(self, condition, what: str, timeout: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                self.fail(f"timed out: {what}")
                return False
            self.spin(0.02)
        return True

    def fail(self, message: str) -> None:
        self.failures.append(f"[{self.phase}] {message}")
        print(f"JOURNEY FAILURE: {message}", file=sys.stderr, flush=True)

    def step(self, name: str) -> None:
        self.steps.append(name)
        self.spin(0.2)
        self.shots += 1
        screen = self.app().primaryScreen()
        path = self.out_dir / f"{self.phase}-{self.shots:02d}-{name}.png"
        if not screen.grabWindow(0).save(str(path), "PNG"):
            self.fail(f"screenshot {path.name} not written")

    def watch(self) -> None:
        """Every 100 ms: any message box but a question is a failure (and is closed)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        def look():
            for widget in self.app().topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible() \
                        and widget.icon() != QMessageBox.Icon.Question:
                    self.fail(f"message box «{widget.windowTitle()}»: {widget.text()}")
                    widget.done(0)

        self._watcher = QTimer()
        self._watcher.timeout.connect(look)
        self._watcher.start(100)

    def guarded(self, function):
        def run():
            try:
                function()
            except Exception:  # noqa: BLE001 - reported as the journey's failure
                self.fail("exception:\n" + traceback.format_exc())
                self.close_all()
        return run

    def close_all(self) -> None:
        for widget in self.app().topLevelWidgets():
            if widget.isVisible():
                widget.close()

    def main_window(self):
        from ui.main_window import MainWindow

        found = [w for w in self.app().topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        return found[0] if found else None

    def on_x_server(self, title_part: str) -> None:
        """The window is really mapped on the X server (xdotool asks the server, not Qt)."""
        if shutil.which("xdotool") is None:
            return
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_part],
                               capture_output=True, text=True, timeout=10)
        if not found.stdout.strip():
            self.fail(f"no visible X window named like «{title_part}»")

    # --- phase 1 -------------------------------------------------------------------------------

    def first_wizard(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWizard

        wizard = self.app().activeModalWidget()
        if not isinstance(wizard, QWizard):
            self.fail(f"the first start shows no setup wizard (got {wizard!r})")
            self.close_all()
            return
        self.step("wizard-selamat-datang")
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        page = wizard.region_page
        QTest.keyClicks(page.search_edit, "bangka")
        for row in range(page.region_list.count()):
            if page.region_list.item(row).data(Qt.ItemDataRole.UserRole) == "19.01":
                page.region_list.setCurrentRow(row)
        self.step("wizard-wilayah")
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)  # no history
        QTest.keyClicks(wizard.operator_page.operator_edit, "Siti Aminah")
        self.step("wizard-operator")
        QTest.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        QTimer.singleShot(300, self.guarded(self.first_fill))

    def first_fill(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        window = self.main_window()
        if window is None or window.session is None:
            self.fail("after the wizard, no main window with the new assessment")
            self.close_all()
            return
        self.on_x_server("Merit Luring")
        self.step("penilaian-baru")
        workspace = window.workspace
        tree = workspace.navigator.tree
        editor = workspace.item_editor
        for position, item_id in enumerate(ITEMS):
            window.show_item(item_id)
            tree.setFocus()
            QTest.keyClick(tree, Qt.Key.Key_3)
            if window.session.model.answer(item_id).level != 3:
                self.fail(f"key 3 in the item list did not answer {item_id}")
            QTest.mouseClick(editor.justification.viewport(), Qt.MouseButton.LeftButton)
            QTest.keyClicks(editor.justification, f"Dokumen {item_id} sudah ditetapkan dengan SK.")
            QTest.keyClick(editor.justification, Qt.Key.Key_Tab)  # leaving the field commits the text
            evidence = self.scratch / f"bukti-{item_id}.pdf"
            evidence.write_bytes(b"%PDF-1.4 bukti " + item_id.encode() * 2000)
            editor.evidence.add_files([evidence])
            job = editor.evidence.last_job
            self.wait(lambda job=job: job.outcome is not None, f"evidence for {item_id}")
            if [row.original_name for row in window.store.evidence(window.session.model.assessment, item_id)] \
                    != [evidence.name]:
                self.fail(f"evidence of {item_id} not recorded")
            if position == 0:
                self.step("butir-dijawab-dengan-bukti")
        self.step("tiga-butir-dijawab")
        window.close()

    # --- the demo ------------------------------------------------------------------------------

    def demo_enter(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWizard

        wizard = self.app().activeModalWidget()
        if not isinstance(wizard, QWizard):
            self.fail(f"no setup wizard (got {wizard!r})")
            self.close_all()
            return
        QTest.mouseClick(wizard.welcome_page.demo_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(500, self.guarded(self.demo_leave))

    def demo_leave(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        window = self.main_window()
        if window is None or not window.demo or not window.windowTitle().startswith("[DATA CONTOH]"):
            self.fail("the demo window is not marked as sample data")
            self.close_all()
            return
        self.on_x_server("DATA CONTOH")
        self.step("data-contoh")
        QTimer.singleShot(800, self.guarded(self.demo_back_in_wizard))
        QTest.mouseClick(window.demo_banner.leave_button, Qt.MouseButton.LeftButton)

    def demo_back_in_wizard(self) -> None:
        from PySide6.QtWidgets import QWizard

        wizard = self.app().activeModalWidget()
        if not isinstance(wizard, QWizard):
            self.fail(f"leaving the demo did not bring the wizard back (got {wizard!r})")
            self.close_all()
            return
        self.step("kembali-ke-pengaturan-awal")
        wizard.reject()

    # --- phase 2 -------------------------------------------------------------------------------

    def second_start(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        from models.demo import seed_demo_keys

        window = self.main_window()
        if window is None or window.session is None:
            self.fail("the second start did not reopen the last assessment")
            self.close_all()
            return
        store = window.store
        session = window.session
        for item_id in ITEMS:
            answer = session.model.answer(item_id)
            if answer.level != 3 or "SK" not in answer.justification:
                self.fail(f"{item_id} lost its answer across the restart")
        self.step("dibuka-lagi")
        seed_demo_keys(store, store.office())  # the province's profile and certificate have arrived
        instrument = session.model.instrument
        workspace = window.workspace
        editor = workspace.item_editor
        for gate in instrument.gates:
            gated = next((item for item in instrument.items
                          if item.applies_when and item.applies_when.gate == gate.id), None)
            if gated is None:
                continue
            window.show_item(gated.id)
            question = editor.gates.questions[gate.id]
            QTest.mouseClick(question.rows[gate.default].button, Qt.MouseButton.LeftButton)
        tree = workspace.navigator.tree
        for item in instrument.applicable_items(session.model.gates):
            if session.model.answer(item.id).level is None:
                window.show_item(item.id)
                tree.setFocus()
                QTest.keyClick(tree, Qt.Key.Key_0)
        self.step("semua-butir-dijawab")
        QTimer.singleShot(400, self.guarded(self.drive_export))
        window.export_action.trigger()  # modal; drive_export runs inside it
        QTimer.singleShot(300, self.guarded(self.attach_large_files))

    def drive_export(self) -> None:
        from PySide6.QtCore import QPoint, Qt, QTimer
        from PySide6.QtTest import QTest

        from models.demo import DEMO_OFFICE_PASSPHRASE
        from ui.package_dialogs import FinalizeExportDialog

        dialog = self.app().activeModalWidget()
        if not isinstance(dialog, FinalizeExportDialog):
            self.fail(f"Ctrl+E opened {dialog!r}, not the export dialog")
            return
        if dialog.issues.count():
            self.fail("finalize blocked: " + "; ".join(dialog.issues.item(r).text()
                                                      for r in range(dialog.issues.count())))
            dialog.reject()
            return
        dialog.output.setText(str(self.scratch / "paket.merit"))
        if not dialog.without_survey.isHidden():  # the demo has no survey figure S: say so explicitly
            box = dialog.without_survey  # the indicator, at its left: the label may end before the middle
            QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(8, box.height() // 2))
            if not dialog.without_survey.isChecked():
                self.fail("the finalize-without-survey box did not take the click")
                dialog.reject()
                return
        QTest.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
        self.step("ekspor-ringkasan")
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        if not self.wait(lambda: dialog.package_path is not None or dialog.status.property("error"),
                         "the package written"):
            return
        if dialog.package_path is None:
            self.fail(f"export failed: {dialog.status.text()}")
            dialog.reject()
            return
        self.step("ekspor-selesai")

        def answer_confirmation():
            from PySide6.QtWidgets import QMessageBox

            box = self.app().activeModalWidget()
            if not isinstance(box, QMessageBox):
                self.fail("opening a new revision asked nothing")
                return
            self.step("konfirmasi-revisi-baru")
            yes = next(b for b in box.buttons() if b.text().startswith("Buka revisi"))
            QTest.mouseClick(yes, Qt.MouseButton.LeftButton)

        QTimer.singleShot(400, self.guarded(answer_confirmation))
        QTest.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)

    def attach_large_files(self) -> None:
        window = self.main_window()
        if window is None or window.session is None or window.session.model.assessment.revision != 2:
            self.fail("revision 2 is not open after 'Buka revisi baru'")
            self.close_all()
            return
        self.step("revisi-2")
        window.show_item("A1.1")
        panel = window.workspace.item_editor.evidence
        before = len(window.store.evidence(window.session.model.assessment, "A1.1"))
        files = []
        for number in range(3):
            path = self.scratch / f"pindaian-besar-{number}.pdf"
            with open(path, "wb") as handle:  # sparse: ~43 MB on paper, seconds to copy
                handle.write(b"%PDF-1.4 " + bytes([number]) * 4096)
                handle.seek(43 * 1024 * 1024)
                handle.write(b"%%EOF")
            files.append(path)
        panel.add_files(files)
        job = panel.last_job
        self.wait(lambda: job.outcome is not None, "three large files attached", timeout=180)
        after = len(window.store.evidence(window.session.model.assessment, "A1.1"))
        if job.outcome != "finished" or after != before + 3:
            self.fail(f"large files: outcome {job.outcome}, {after - before} of 3 recorded")
        self.step("tiga-berkas-besar")
        window.close()


def main(argv: list[str]) -> int:
    phase, data_dir, out_dir = argv[0], Path(argv[1]), Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import run_gui

    journey = Journey(phase, data_dir, out_dir)

    def hook(kind, value, tb):
        journey.fail("uncaught exception:\n" + "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
    app = QApplication([sys.argv[0]])
    journey.watch()
    start = {"first": journey.first_wizard, "second": journey.second_start, "demo": journey.demo_enter}[phase]
    QTimer.singleShot(800, journey.guarded(start))
    code = run_gui(["--data-dir", str(data_dir), "--lang", "id"])
    del app
    (out_dir / f"{phase}-result.json").write_text(json.dumps(
        {"phase": phase, "exit_code": code, "steps": journey.steps, "failures": journey.failures},
        indent=2, ensure_ascii=False), "utf-8")
    if code != 0:
        journey.fail(f"run_gui ended with {code}")
    return 1 if journey.failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main(sys.argv[1:]))
