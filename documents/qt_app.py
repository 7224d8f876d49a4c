"""A QGuiApplication for painting, created on demand (the CLI has none, the GUI has one)."""

from __future__ import annotations

import os
import sys

from documents.fonts import register_fonts


def ensure_gui_application():
    """The running Q(Gui)Application, or a new QGuiApplication: offscreen when there is no
    display (a CLI on a server, CI), so that a headless verb can still paint a PDF."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["MeritLuring"])
    register_fonts()
    return app
