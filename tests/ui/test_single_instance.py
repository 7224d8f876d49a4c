"""A second GUI on the same data folder brings the first window forward (ui/single_instance.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from tests.test_lock import _hold
from ui.single_instance import ActivationServer, activate_running_instance, bring_forward, server_name


def test_the_name_is_one_per_folder(tmp_path):
    (tmp_path / "a").mkdir()
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_a_second_start_brings_the_window_forward(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    server = ActivationServer(tmp_path)
    assert server.listen()
    server.activationRequested.connect(lambda: bring_forward(window))
    try:
        with qtbot.waitSignal(server.activationRequested, timeout=5000):
            assert activate_running_instance(tmp_path) is True
        qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized(), timeout=5000)
    finally:
        server.close()
    assert activate_running_instance(tmp_path, wait_ms=200) is False  # nobody listens any more


def test_claim_data_dir_hands_over_to_the_window_that_has_the_folder(qtbot, data_dir, monkeypatch):
    from ui import app

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    server = ActivationServer(data_dir)  # stands in for the first window's
    assert server.listen()
    holder = _hold(data_dir, 30)  # the first process holds the folder's lock
    try:
        with qtbot.waitSignal(server.activationRequested, timeout=5000):
            assert app.claim_data_dir(data_dir) is None
    finally:
        holder.kill()
        holder.wait()
        server.close()
    assert shown == []  # no "sudah terbuka": the open window came forward instead
