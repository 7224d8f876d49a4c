"""A4 pages for QPdfWriter and QPrinter alike: geometry in millimetres, header and footer.

Both writers are ``QPagedPaintDevice``s; the renderers draw on whichever they are given,
so the print preview shows exactly the PDF. Margins are ours (full-page mode), so the
page looks the same whatever margins a printer driver proposes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from documents.fonts import report_font
from models import __version__

PDF_RESOLUTION = 300  # dots per inch: fine enough for the charts' hairlines
MARGIN_MM = (16.0, 14.0, 16.0, 16.0)  # left, top, right, bottom
HEADER_MM = 11.0  # the header text, its rule, and air before the body
FOOTER_MM = 9.0
INK = QColor("#1b1b1b")
MUTED = QColor("#5d6d7e")
RULE = QColor("#aab7b8")
PROVISIONAL = QColor("#a04000")


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def prepare_device(device) -> None:
    """A4 portrait, no driver margins (a QPrinter is put in full-page mode)."""
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)
    device.setPageLayout(a4_layout())


@dataclass(frozen=True)
class PageFrame:
    """Where things go on the page, in device pixels."""

    mm: float  # device pixels per millimetre
    page: QRectF
    body: QRectF  # between header and footer

    @property
    def unit(self) -> float:  # one screen pixel (1/96 inch) on this device
        return self.mm * 25.4 / 96


def page_frame(device) -> PageFrame:
    mm = device.logicalDpiX() / 25.4
    page = QRectF(0, 0, device.width(), device.height())
    left, top, right, bottom = (value * mm for value in MARGIN_MM)
    body = QRectF(left, top + HEADER_MM * mm, page.width() - left - right,
                  page.height() - top - bottom - (HEADER_MM + FOOTER_MM) * mm)
    return PageFrame(mm, page, body)


def paint_header_footer(painter: QPainter, frame: PageFrame, *, left_header: str, right_header: str,
                        page: int, pages: int, provisional: bool, generated: str) -> None:
    mm = frame.mm
    painter.save()
    painter.setFont(report_font(7.5))
    painter.setPen(MUTED)
    top = frame.body.top() - HEADER_MM * mm
    header = QRectF(frame.body.left(), top, frame.body.width(), HEADER_MM * mm - 4 * mm)
    painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, left_header)
    painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, right_header)
    if provisional:  # in the header's middle on every page, clear of the office name
        painter.save()
        painter.setFont(report_font(7.5, bold=True))
        painter.setPen(PROVISIONAL)
        painter.drawText(header.adjusted(0, 0, 0, -3.5 * mm), Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignBottom, "SEMENTARA — bobot aspek belum resmi")
        painter.restore()
    painter.setPen(QPen(RULE, 0.25 * mm))
    painter.drawLine(header.bottomLeft() + _down(mm), header.bottomRight() + _down(mm))
    footer = QRectF(frame.body.left(), frame.body.bottom() + 2 * mm, frame.body.width(), FOOTER_MM * mm - 2 * mm)
    painter.drawLine(footer.topLeft(), footer.topRight())
    painter.setPen(MUTED)
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"Dicetak {generated} · Merit Luring {__version__}")
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"Halaman {page} dari {pages}")
    painter.restore()


def _down(mm: float):
    from PySide6.QtCore import QPointF

    return QPointF(0, 1 * mm)


def pdf_bytes(render) -> bytes:
    """Run ``render(writer)`` on a QPdfWriter writing to memory; the PDF's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator(f"Merit Luring {__version__}")
    render(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())
