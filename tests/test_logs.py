"""models/logs.py: the log file goes where it can be written, or nowhere, never failing."""

from __future__ import annotations

import platformdirs

from models import logs


def test_log_file_in_the_data_folder(tmp_path):
    path = logs.start_log_file(tmp_path / "data")
    assert path == tmp_path / "data" / "logs" / logs.LOG_FILE_NAME
    logs.app_logger().info("catatan uji")
    assert "catatan uji" in path.read_text("utf-8")


def test_unwritable_data_folder_falls_back_to_the_user_log_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "berkas"
    blocked.write_text("bukan folder")  # no folder can be made below a file
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *args, **kwargs: str(tmp_path / "log"))
    assert logs.start_log_file(blocked) == tmp_path / "log" / logs.LOG_FILE_NAME


def test_no_writable_folder_means_no_log_and_no_error(tmp_path, monkeypatch, capfd):
    earlier = logs.start_log_file(tmp_path / "data")
    blocked = tmp_path / "berkas"
    blocked.write_text("bukan folder")
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *args, **kwargs: str(blocked / "log"))
    assert logs.start_log_file(blocked) is None
    logs.app_logger().error("tidak ke mana-mana")
    assert capfd.readouterr().err == ""  # not through logging's last-resort handler either
    assert "tidak ke mana-mana" not in earlier.read_text("utf-8")  # nor into another data folder's log
