"""The log file: where the details of an unexpected error go, for the CLI and the GUI alike.

``<data>/logs/merit-luring.log``, rotated at 1 MB with three old files kept; when the data
folder cannot be written, the platform's user log folder (platformdirs). A log that cannot
be written at all is skipped, never an error of its own: it exists to explain one.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from models import APP_ID

LOGGER_NAME = "merit_luring"
LOG_FILE_NAME = "merit-luring.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_handler: RotatingFileHandler | None = None


class _QuietRotatingFileHandler(RotatingFileHandler):
    def handleError(self, record):
        # logging would print its own traceback to stderr; a full disk must not reach the user that way.
        pass


def log_folders(data_dir: str | os.PathLike | None) -> list[Path]:
    """Where the log may go, first choice first."""
    folders = [Path(data_dir) / "logs"] if data_dir else []
    folders.append(Path(platformdirs.user_log_dir(APP_ID, appauthor=False)))
    return folders


def app_logger() -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    # Only to the file: through the root logger, or logging's last-resort stderr handler
    # while no file is open, a traceback could reach the terminal.
    logger.propagate = False
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.setLevel(logging.INFO)
    return logger


def start_log_file(data_dir: str | os.PathLike | None) -> Path | None:
    """Send ``app_logger()`` to the first writable log folder; the file's path, or None."""
    global _handler
    logger = app_logger()
    for folder in log_folders(data_dir):
        path = folder / LOG_FILE_NAME
        if _handler is not None and _handler.baseFilename == os.path.abspath(path):
            return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _QuietRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _stop_log_file(logger)
        logger.addHandler(handler)
        _handler = handler
        return path
    _stop_log_file(logger)  # rather no log than one in another data folder's file
    return None


def _stop_log_file(logger: logging.Logger) -> None:
    global _handler
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None


def current_log_file() -> Path | None:
    """The file ``app_logger()`` writes to now (None when no log file is open)."""
    return Path(_handler.baseFilename) if _handler is not None else None
