"""The bundled font (DejaVu Sans, resources/fonts/), so a report prints the same on every PC."""

from __future__ import annotations

from models.paths import resource_path

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FAMILY = "DejaVu Sans"

_registered: str | None = None


def register_fonts() -> str:
    """Add the bundled TTFs to the application's font database once; returns the family.
    Needs a QGuiApplication (``documents.qt_app.ensure_gui_application``)."""
    global _registered
    if _registered is not None:
        return _registered
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"fon {name} tidak dapat dimuat dari {resource_path('fonts')}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    _registered = families[0] if families else FAMILY
    return _registered


def report_font(point_size: float, bold: bool = False):
    from PySide6.QtGui import QFont

    font = QFont(register_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No ligatures: "ff" in a SHA-256 must print, copy and extract as two letters f.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font
