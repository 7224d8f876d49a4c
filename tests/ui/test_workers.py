"""The worker rule (ui/workers.py): progress and outcomes reach a receiver that outlives the
worker, nothing re-enters the progress dialog, and closing a window mid-task cannot crash.

Regression for a SIGSEGV: reopen a final revision, then attach three large files; the
outcome was delivered from inside ``QProgressDialog.setValue`` (which runs the event loop)
and the dialog was deleted under it."""

from __future__ import annotations

import functools
import threading
import time

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

import ui.evidence_panel as evidence_panel
import ui.package_dialogs as package_dialogs
import ui.workers as workers


def _process_until(condition, timeout: float = 30.0) -> None:
    """Process events until ``condition()``; see tests/ui/test_package_dialogs.wait_for_signal
    for why not a nested event loop."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater, as the event loop would
        time.sleep(0.002)


def _sparse(path, size: int, tag: bytes):
    with open(path, "wb") as handle:  # a different head per file, the rest a hole: fast to write
        handle.write(tag)
        handle.seek(size - 1)
        handle.write(b"\0")
    return path


def test_reopen_revision_then_attach_large_files_repeatedly(qtbot, final_window, store, tmp_path, monkeypatch):
    window = final_window
    # the dialog shows at once, so its setValue runs the event loop on every report
    monkeypatch.setattr(evidence_panel, "run_with_progress",
                        functools.partial(workers.run_with_progress, minimum_duration_ms=0))
    monkeypatch.setattr(package_dialogs, "confirm", lambda *args, **kwargs: True)
    for attempt in range(3):
        files = [_sparse(tmp_path / f"bukti-{attempt}-{n}.pdf", 12 * 1024 * 1024, f"{attempt}-{n}".encode())
                 for n in range(3)]
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *args, files=files, **kwargs: ([str(f) for f in files], "")))
        final = window.session.model.assessment
        dialog = package_dialogs.FinalizeExportDialog(store, final, window)
        dialog.reopened.connect(window._on_export_dialog_reopened)
        dialog.show()
        dialog.reopen_button.click()
        _process_until(lambda dialog=dialog: not dialog.isVisible())
        draft = window.session.model.assessment
        assert draft.revision == final.revision + 1 and not draft.locked
        window.show_item("A1.1")
        panel = window.workspace.item_editor.evidence
        before = len(store.evidence(draft, "A1.1"))
        panel.add_button.click()
        job = panel.last_job
        _process_until(lambda job=job: job.outcome is not None)
        assert job.outcome == "finished" and not job.dropped
        names = [row.original_name for row in store.evidence(draft, "A1.1")]
        assert len(names) == before + 3 and {f.name for f in files} <= set(names)
        from models.lifecycle import finalize

        finalize(store, draft, "penguji", without_survey=True)  # the demo has no survey figure S
        window.reload_assessment()
    assert workers.running_jobs() == 0


def test_closing_the_window_while_files_are_copied(qtbot, store, assessment, operator, tmp_path, monkeypatch):
    """The window (and the panel, its progress dialog) goes while the worker copies: the
    copy is cancelled, nothing is recorded, nothing is delivered to a deleted widget."""
    from ui.app import create_main_window

    window = create_main_window(store)
    window.show()
    window.open_assessment(assessment.id)
    window.show_item("A1.1")
    panel = window.workspace.item_editor.evidence
    started, release = threading.Event(), threading.Event()
    real_add = store.evidence_store.add

    def slow_add(path, progress=None, cancelled=None):
        started.set()
        release.wait(10)
        return real_add(path, progress, cancelled)

    monkeypatch.setattr(store.evidence_store, "add", slow_add)
    document = tmp_path / "SK.pdf"
    document.write_bytes(b"%PDF-1.4 " * 100_000)
    panel.add_files([document])
    job = panel.last_job
    assert started.wait(5)
    window.close()
    window.deleteLater()
    _process_until(lambda: not shiboken6.isValid(panel))
    release.set()
    _process_until(lambda: job.outcome is not None)
    assert job.outcome in ("cancelled", "finished")
    assert job.outcome == "cancelled" or job.dropped
    assert store.evidence(assessment, "A1.1") == []
    assert workers.running_jobs() == 0


def test_closing_a_dialog_while_its_background_task_runs(qtbot, store, tmp_path, monkeypatch):
    """A job without a progress dialog (creating the office key) outlives the dialog that
    started it; its outcome is dropped instead of touching the deleted dialog."""
    from models import keys
    from ui.package_dialogs import KeysDialog

    store.ensure_office("19.01")
    release = threading.Event()
    real_create = keys.create_office_key
    monkeypatch.setattr(keys, "create_office_key",
                        lambda *args, **kwargs: (release.wait(10), real_create(*args, **kwargs))[1])
    dialog = KeysDialog(store)
    dialog.show()
    dialog.passphrase.setText("rahasia-kantor-1")
    dialog.confirm.setText("rahasia-kantor-1")
    dialog.create_button.click()
    job = dialog.job
    dialog.close()
    dialog.deleteLater()
    _process_until(lambda: not shiboken6.isValid(dialog))
    release.set()
    _process_until(lambda: job.outcome is not None)
    assert job.outcome == "finished" and job.dropped
    assert keys.office_key_path(store.data_dir).is_file()  # the work itself completed


def test_progress_is_coalesced_one_report_in_flight(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []

    def task(progress, cancelled):
        for done in range(1, 50_001):
            progress(done, 50_000)
        return "ok"

    job = workers.run_with_progress(parent, task, title="t", label="l", minimum_duration_ms=0)
    job.progressed.connect(lambda done, total: seen.append(done))
    _process_until(lambda: job.outcome is not None)
    assert job.outcome == "finished" and job.result == "ok"
    assert len(seen) < 50_000  # not one queued event per call
    assert seen == sorted(seen)


def test_an_outcome_arriving_inside_set_value_waits_until_it_returns(qtbot, monkeypatch):
    """QProgressDialog.setValue runs the event loop for a modal dialog; the outcome that
    arrives there must not delete the dialog (or run callbacks) under setValue."""
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    delivered = []

    def task(progress, cancelled):
        progress(1, 2)
        release.wait(10)
        return "ok"

    job = workers.run_with_progress(parent, task, title="t", label="l", minimum_duration_ms=0,
                                    on_finished=lambda result: delivered.append((result, job._updating)))
    dialog = job.dialog
    inside = []
    real_set_value = dialog.setValue

    def set_value(value):
        job._on_worker_finished("ok")  # the outcome, delivered by the nested event loop
        inside.append((job.outcome, shiboken6.isValid(dialog), list(delivered)))
        real_set_value(value)

    monkeypatch.setattr(dialog, "setValue", set_value)
    _process_until(lambda: inside)
    assert inside == [(None, True, [])]  # held: no outcome, dialog alive, no callback yet
    _process_until(lambda: job.outcome is not None)
    assert delivered == [("ok", False)]
    release.set()
