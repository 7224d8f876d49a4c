"""Where things live: bundled resources (frozen or not) and the user's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from models import APP_ID

DATA_DIR_ENV = "MERIT_LURING_HOME"


def resources_root() -> Path:
    """The ``resources/`` folder, found the same way frozen (PyInstaller) and unfrozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def platform_data_dir() -> str:
    """The platform's user data folder for the app. On Windows ``%LOCALAPPDATA%\\MeritLuring``
    (local, not roaming: the database and evidence must not follow a roaming profile around
    the network); the installer's uninstall note names this folder."""
    return platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False)


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """``--data-dir`` wins, then ``$MERIT_LURING_HOME``, then the platform's user data dir."""
    if explicit:
        chosen = Path(explicit)
    elif os.environ.get(DATA_DIR_ENV):
        chosen = Path(os.environ[DATA_DIR_ENV])
    else:
        chosen = Path(platform_data_dir())
    return chosen.expanduser().resolve()


def package_to_open(argv: list[str]) -> Path | None:
    """The package a double-click on a ``.merit`` file asks the GUI to open (the installer's
    file association runs ``MeritLuring.exe "PATH"``): an existing file whose name ends in
    ``.merit``, as the only argument. Anything else is not a package to open."""
    from models.package.format import SUFFIX

    if len(argv) != 1 or not argv[0].lower().endswith(SUFFIX):
        return None
    path = Path(argv[0])
    return path if path.is_file() else None
