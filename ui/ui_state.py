"""Window and dialog state that belongs to one data folder (the last item opened, the last
export folder), kept in the per-user INI file under a group named after the folder, so a
demo folder, a test folder and the real data never see each other's state."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ui.i18n import app_settings


def folder_group(data_dir: Path) -> str:
    resolved = str(Path(data_dir).resolve())
    return "data-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]


def data_value(data_dir: Path, key: str, default=None):
    return app_settings().value(f"{folder_group(data_dir)}/{key}", default)


def set_data_value(data_dir: Path, key: str, value) -> None:
    settings = app_settings()
    name = f"{folder_group(data_dir)}/{key}"
    if settings.value(name) == value:  # closing remembers the item twice: no second write of the file
        return
    settings.setValue(name, value)
    settings.sync()
