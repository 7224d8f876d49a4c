"""Evidence: add by dialog or drop (copied off the GUI thread), open, rename, remove, undo."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QLineEdit, QMessageBox

import ui.evidence_panel as evidence_panel
from models.evidence import EvidenceCancelled
from ui.evidence_panel import EvidenceListModel
from ui.workers import run_in_background


@pytest.fixture
def panel(qtbot, window):
    window.show_item("A1.1")
    return window.workspace.item_editor.evidence


def _document(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _wait_job(qtbot, panel):
    job = panel.last_job
    assert job is not None
    if job.outcome is None:
        with qtbot.waitSignal(job.done, timeout=10000):
            pass
    return job


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    position = QPointF(widget.rect().center())
    for event_class in (QDragEnterEvent, QDragMoveEvent):
        event = event_class(position.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)
        assert event.isAccepted()
    drop = QDropEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_add_by_file_dialog_then_remove_and_undo(qtbot, window, panel, store, assessment, tmp_path, monkeypatch):
    first = _document(tmp_path, "SK Anjab 2026.pdf", b"%PDF-1.4 satu")
    second = _document(tmp_path, "ABK.xlsx", b"PK spreadsheet")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: ([str(first), str(second)], "")))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    job = _wait_job(qtbot, panel)
    assert job.outcome == "finished"
    rows = store.evidence(assessment, "A1.1")
    assert [row.original_name for row in rows] == ["SK Anjab 2026.pdf", "ABK.xlsx"]
    assert [panel.model.index(r).data() for r in range(panel.model.rowCount())] == ["SK Anjab 2026", "ABK"]
    assert store.evidence_path(rows[0]).read_bytes() == b"%PDF-1.4 satu"

    panel.list.setCurrentIndex(panel.model.index(0))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [row.original_name for row in store.evidence(assessment, "A1.1")] == ["ABK.xlsx"]
    assert panel.model.rowCount() == 1

    window.undo_action.trigger()  # the removal
    assert len(store.evidence(assessment, "A1.1")) == 2
    window.undo_action.trigger()  # the two files added in one step
    assert store.evidence(assessment, "A1.1") == []
    window.redo_action.trigger()
    assert len(store.evidence(assessment, "A1.1")) == 2


def test_drop_files_on_the_list(qtbot, panel, store, assessment, tmp_path):
    path = _document(tmp_path, "tangkap layar.png", b"\x89PNG fake")
    _drop(panel.list.viewport(), [path])
    _wait_job(qtbot, panel)
    rows = store.evidence(assessment, "A1.1")
    assert [(row.original_name, row.media_type) for row in rows] == [("tangkap layar.png", "image/png")]
    assert rows[0].added_by == "Ani Operator"


def test_too_large_file_is_refused_with_a_clear_message(qtbot, panel, store, assessment, tmp_path, monkeypatch):
    store.evidence_store.limit_bytes = 10
    big = _document(tmp_path, "pindaian besar.pdf", b"x" * 100)
    small = _document(tmp_path, "kecil.pdf", b"ok")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    panel.add_files([big, small])
    _wait_job(qtbot, panel)
    assert [row.original_name for row in store.evidence(assessment, "A1.1")] == ["kecil.pdf"]
    assert len(shown) == 1 and "pindaian besar.pdf" in shown[0] and "melebihi batas" in shown[0]


def _add_and_open(qtbot, panel, tmp_path, monkeypatch, name: str, content: bytes) -> Path:
    """Attach ``name``, press Open, and return the one path handed to the system opener."""
    panel.add_files([_document(tmp_path, name, content)])
    _wait_job(qtbot, panel)
    opened: list[QUrl] = []
    monkeypatch.setattr(evidence_panel, "open_url", lambda url: opened.append(url) or True)
    panel.list.setCurrentIndex(panel.model.index(0))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    _wait_job(qtbot, panel)
    assert len(opened) == 1
    return Path(opened[0].toLocalFile())


def test_open_uses_a_temp_copy_with_the_original_name(qtbot, panel, store, assessment, tmp_path, monkeypatch):
    copy = _add_and_open(qtbot, panel, tmp_path, monkeypatch, "Surat Keputusan.pdf", b"%PDF-1.4 isi")
    assert copy.name == "Surat Keputusan.pdf"
    assert copy.read_bytes() == b"%PDF-1.4 isi"
    assert copy != store.evidence_path(store.evidence(assessment, "A1.1")[0])
    evidence_panel.cleanup_temp_copies()
    assert not copy.exists()



def test_open_a_program_shows_its_folder_and_never_the_program(qtbot, panel, store, assessment, tmp_path, monkeypatch):
    folder = _add_and_open(qtbot, panel, tmp_path, monkeypatch, "laporan.pdf.bat", b"@echo off")
    assert folder.is_dir()
    assert [p.name for p in folder.iterdir()] == ["laporan.pdf.bat.bukti"]
    assert (folder / "laporan.pdf.bat.bukti").read_bytes() == b"@echo off"
    evidence_panel.cleanup_temp_copies()

def test_rename_label_in_place_and_undo(qtbot, window, panel, store, assessment, tmp_path):
    panel.add_files([_document(tmp_path, "scan001.pdf", b"%PDF-1.4 scan")])
    _wait_job(qtbot, panel)
    panel.list.setCurrentIndex(panel.model.index(0))
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    assert panel.list.state() == QAbstractItemView.State.EditingState
    editor = panel.list.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Peta jabatan 2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: store.evidence(assessment, "A1.1")[0].label == "Peta jabatan 2026", timeout=2000)
    assert panel.model.index(0).data() == "Peta jabatan 2026"
    window.undo_action.trigger()
    assert store.evidence(assessment, "A1.1")[0].label == "scan001"


def test_evidence_model_passes_qtmodeltester(qtmodeltester, session, store, assessment, tmp_path):
    for name in ("a.pdf", "b.pdf"):
        blob = store.evidence_store.add(_document(tmp_path, name, name.encode()))
        session.model.attach_blob("A1.1", blob, name)
    model = EvidenceListModel(session)
    model.set_item("A1.1")
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_worker_reports_progress_and_cancel_without_freezing(qtbot):
    release = threading.Event()
    progress: list[tuple[int, int]] = []

    def task(report, cancelled):
        report(1, 4)
        release.wait(5)
        if cancelled():
            raise EvidenceCancelled("dibatalkan")
        return "selesai"

    job = run_in_background(task)
    job.progressed.connect(lambda done, total: progress.append((done, total)))
    qtbot.wait(20)  # the GUI thread keeps running while the task waits
    assert progress == [(1, 4)]  # delivered on the GUI thread while the task still runs
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert job.outcome == "cancelled"
    assert job.result is None

    finished = run_in_background(lambda report, cancelled: 42)
    with qtbot.waitSignal(finished.done, timeout=5000):
        pass
    assert (finished.outcome, finished.result) == ("finished", 42)

    def broken(report, cancelled):
        raise OSError("disk penuh")

    failed = run_in_background(broken)
    with qtbot.waitSignal(failed.done, timeout=5000):
        pass
    assert failed.outcome == "failed" and "disk penuh" in str(failed.error)
