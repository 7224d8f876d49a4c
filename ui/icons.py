"""The application icon: one SVG, PNG renderings 16-256 px and a Windows .ico for PyInstaller.

``python -m ui.icons`` regenerates the PNGs and the .ico from the SVG.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter

from models.paths import resource_path

ICON_NAME = "merit-luring"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_dir() -> Path:
    return resource_path("icons")


_app_icon: QIcon | None = None


def app_icon() -> QIcon:
    """The pre-rendered PNGs, 16-256 px. Not the SVG: it would load QtSvg and its icon
    engine at every start for sizes the PNGs already cover. Read once (the application and
    each window ask for it)."""
    global _app_icon
    if _app_icon is not None:
        return _app_icon
    icon = _app_icon = QIcon()
    directory = icon_dir()
    for size in ICON_SIZES:
        png = directory / f"{ICON_NAME}-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    return icon


def render_svg(svg: Path, size: int) -> QImage:
    from PySide6.QtSvg import QSvgRenderer  # only when regenerating the PNGs

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container of PNG-compressed entries (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def generate(directory: Path | None = None) -> list[Path]:
    directory = directory or icon_dir()
    svg = directory / f"{ICON_NAME}.svg"
    written = []
    pngs: dict[int, bytes] = {}
    for size in ICON_SIZES:
        pngs[size] = png_bytes(render_svg(svg, size))
        target = directory / f"{ICON_NAME}-{size}.png"
        target.write_bytes(pngs[size])
        written.append(target)
    ico = directory / f"{ICON_NAME}.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in (16, 24, 32, 48, 64, 128, 256)}))
    written.append(ico)
    return written


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    for path in generate():
        print(path)
