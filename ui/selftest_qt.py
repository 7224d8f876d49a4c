"""The Qt part of ``--self-test``: proves the bundle carries the Qt plugins the GUI needs.

It lives in ui/ because models/ never imports Qt; ``main.py`` hands ``QT_STEP`` to
``models.selftest.run_self_test``. No window is ever shown: widgets are drawn into an
image. On Windows (and macOS) it loads the native platform plugin, the one offices use;
on Linux, where it runs in CI without a display, the offscreen one, and the native xcb
plugin is only checked to be in the bundle (loading it without a display aborts Qt).
A ``QT_QPA_PLATFORM`` set by the caller wins.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from models.paths import resource_path
from models.selftest import Step

NATIVE_PLATFORM_PLUGIN = {"win32": "qwindows", "linux": "qxcb", "darwin": "qcocoa"}
REQUIRED_IMAGE_FORMATS = ("png", "ico", "svg")
# Styles that make the window look like the rest of Windows (plugins since Qt 6.7).
WINDOWS_NATIVE_STYLES = {"windows11", "windowsvista"}
SAMPLE_TEXT = "Penilaian Mandiri Sistem Merit — uji"


def _plugin_dirs(subdir: str) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    candidates = [QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), *QCoreApplication.libraryPaths()]
    return [Path(c) / subdir for c in dict.fromkeys(candidates) if (Path(c) / subdir).is_dir()]


def _has_plugin(subdir: str, stem: str) -> bool:
    return any(path.name.startswith((stem, f"lib{stem}")) for folder in _plugin_dirs(subdir) for path in folder.iterdir())


def _check_widget_renders() -> str:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.addWidget(QLabel(SAMPLE_TEXT))
    layout.addWidget(QPushButton("Simpan"))
    widget.resize(420, 120)
    image = widget.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("widget tidak dapat digambar ke gambar")
    # Text drawn with a real font gives many shades (antialiasing); a missing font or a
    # broken raster engine leaves a flat background.
    shades = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    if len(shades) < 4:
        raise RuntimeError(f"widget digambar tanpa teks ({len(shades)} warna); fon tidak ditemukan?")
    widget.deleteLater()
    return f"widget {image.width()}×{image.height()} digambar ({len(shades)} warna)"


def _check_icons() -> str:
    from PySide6.QtGui import QIcon

    icons = resource_path("icons")
    files = sorted(p for p in icons.glob("*") if p.suffix.lower() in (".ico", ".svg", ".png")) if icons.is_dir() else []
    for path in files:
        if QIcon(str(path)).pixmap(32, 32).isNull():
            raise RuntimeError(f"ikon tidak dapat dibaca: {path}")
    return f"{len(files)} ikon"


def _check_translations() -> str:
    from PySide6.QtCore import QTranslator

    folder = resource_path("translations")
    files = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    for path in files:
        if not QTranslator().load(str(path)):
            raise RuntimeError(f"terjemahan tidak dapat dimuat: {path}")
    return f"{len(files)} terjemahan"


def _check_ui_modules_import() -> str:
    """Every ui module in the bundle imports: catches a Qt module build.spec excluded."""
    import importlib
    import pkgutil

    import ui

    names = [info.name for info in pkgutil.walk_packages(ui.__path__, "ui.")]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modul ui"


def run_qt_checks(_ctx=None) -> str:
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication, QImageReader
    from PySide6.QtWidgets import QApplication, QStyleFactory

    # Before the application exists: a platform plugin that cannot load aborts the process.
    native = NATIVE_PLATFORM_PLUGIN.get(sys.platform)
    if native and not _has_plugin("platforms", native):
        raise RuntimeError(f"plugin platform {native} tidak ada di {_plugin_dirs('platforms') or 'bundel'}")
    app = QApplication.instance() or QApplication(["MeritLuring", "--self-test"])
    details = [f"platform {QGuiApplication.platformName()}"]
    if native:
        details.append(f"{native} ada")

    formats = {bytes(f).decode().lower() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in REQUIRED_IMAGE_FORMATS if f not in formats]
    if missing:
        raise RuntimeError(f"format gambar tidak didukung: {', '.join(missing)} (plugin imageformats hilang)")
    details.append("format " + "/".join(REQUIRED_IMAGE_FORMATS))

    styles = {key.lower() for key in QStyleFactory.keys()}
    if sys.platform == "win32" and not styles & WINDOWS_NATIVE_STYLES:
        raise RuntimeError(f"gaya Windows tidak ada (plugin styles hilang); tersedia: {', '.join(sorted(styles))}")

    details += [_check_ui_modules_import(), _check_icons(), _check_translations(), _check_widget_renders()]
    app.processEvents()
    return "; ".join(details)


QT_STEP = Step("Qt", 17, run_qt_checks)
