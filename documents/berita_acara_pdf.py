"""The Berita Acara as one A4 page for wet-ink signatures, with a QR code of id and hash."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from documents.fonts import register_fonts, report_font
from documents.pages import INK, MUTED, PROVISIONAL, page_frame, paint_header_footer, pdf_bytes, prepare_device
from models.berita_acara import BeritaAcara, grouped_hash
from models.files import write_atomic
from models.formatting import date_id
from models.report_data import format_size
from models.tables import utc_now


def _when(iso_text: str) -> str:
    """The package's creation time as people read it; the raw text if it is not ISO 8601."""
    try:
        return date_id(datetime.fromisoformat(iso_text))
    except ValueError:
        return iso_text


def paint_qr(painter: QPainter, rect: QRectF, payload: str) -> None:
    """The QR code of ``payload`` (error correction M) filling the square ``rect``."""
    code = segno.make(payload, error="m", micro=False)
    rows = list(code.matrix_iter(scale=1, border=4))
    module = min(rect.width(), rect.height()) / len(rows)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(rect.left(), rect.top(), module * len(rows), module * len(rows)))
    painter.setBrush(QColor("black"))
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:  # a hair wider, so neighbouring modules leave no seam on screen
                painter.drawRect(QRectF(rect.left() + x * module, rect.top() + y * module, module * 1.02, module * 1.02))
    painter.restore()


def render_berita_acara(device, paper: BeritaAcara) -> int:
    register_fonts()
    prepare_device(device)
    frame = page_frame(device)
    mm, body = frame.mm, frame.body
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("perangkat cetak tidak dapat dibuka")
    try:
        y = body.top() + 4 * mm

        def line(text: str, points: float, *, bold=False, color=INK, height=7.0, align=Qt.AlignmentFlag.AlignLeft,
                 width=None):
            nonlocal y
            painter.setFont(report_font(points, bold))
            painter.setPen(color)
            painter.drawText(QRectF(body.left(), y, width or body.width(), height * mm),
                             align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)
            y += height * mm

        center = Qt.AlignmentFlag.AlignHCenter
        line("BERITA ACARA", 16, bold=True, height=9, align=center)
        line("PENYAMPAIAN PAKET PENILAIAN MANDIRI SISTEM MERIT", 12, bold=True, height=7, align=center)
        line("Nomor: ________________________", 10, height=12, align=center)
        line(f"Pada hari ini ______________ tanggal ______________, {paper.office_name} menyampaikan kepada "
             f"BKD/BKPSDMD Provinsi {paper.province_name} paket penilaian mandiri Sistem Merit dengan rincian "
             "sebagai berikut:", 10, height=16)

        qr_side = 48 * mm
        table_width = body.width() - qr_side - 6 * mm
        rows = (
            ("Instansi", f"{paper.office_name} (kode {paper.office_code})"),
            ("Tahun penilaian", str(paper.year)),
            ("Revisi", f"{paper.revision} ({paper.status})"),
            ("Berkas paket", f"{paper.package_name} ({format_size(paper.size)})"),
            ("ID paket", paper.package_id),
            ("SHA-256 berkas", grouped_hash(paper.sha256)),
            ("Indeks", paper.headline),
            ("Dibuat", _when(paper.created_at)),
        )
        top = y
        label_width = 32 * mm
        bold_rows = ("SHA-256 berkas", "ID paket")
        for label, value in rows:
            box = QRectF(body.left() + label_width, y, table_width - label_width, 40 * mm)
            # The package id is one unbroken line (a wrap at a hyphen reads as a different id);
            # it shrinks to fit rather than wraps.
            points, flags = 9.5, Qt.TextFlag.TextWordWrap
            if label == "ID paket":
                flags = Qt.TextFlag.TextSingleLine
                while points > 6 and QFontMetricsF(report_font(points, True)).horizontalAdvance(value) > box.width():
                    points -= 0.5
            font = report_font(points, bold=label in bold_rows)
            painter.setFont(font)
            bounds = painter.boundingRect(box, flags, value)
            height = max(bounds.height(), 6 * mm) + 2 * mm
            painter.setFont(report_font(9.5))
            painter.setPen(MUTED)
            painter.drawText(QRectF(body.left(), y, label_width, height), Qt.AlignmentFlag.AlignTop, label)
            painter.setFont(font)
            painter.setPen(INK)
            painter.drawText(QRectF(box.left(), y, box.width(), height), Qt.AlignmentFlag.AlignTop | flags, value)
            painter.setPen(QPen(QColor("#d5dbdb"), 0.2 * mm))
            painter.drawLine(body.left(), y + height - 1 * mm, body.left() + table_width, y + height - 1 * mm)
            y += height
        paint_qr(painter, QRectF(body.right() - qr_side, top, qr_side, qr_side), paper.qr_payload)
        painter.setFont(report_font(7))
        painter.setPen(MUTED)
        painter.drawText(QRectF(body.right() - qr_side, top + qr_side + 1 * mm, qr_side, 10 * mm),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, "Kode QR: ID paket dan SHA-256")
        y = max(y, top + qr_side + 12 * mm) + 4 * mm
        if paper.provisional:
            line(paper.provisional, 8.5, bold=True, color=PROVISIONAL, height=11)
        line("Berita Acara ini hanya berlaku untuk berkas paket yang SHA-256-nya tercantum di atas. Bila satu bita "
             "saja dalam berkas berubah, SHA-256-nya berbeda dan Berita Acara ini tidak berlaku untuk berkas itu. "
             "Provinsi memeriksanya dengan mengetik SHA-256 (atau memindai kode QR) pada menu Provinsi › Periksa "
             "Berita Acara.", 9, height=20)
        line("Demikian Berita Acara ini dibuat untuk dipergunakan sebagaimana mestinya.", 10, height=14)

        column = body.width() / 2
        for index, (who, role) in enumerate((("Yang menyampaikan", f"Kepala {paper.office_name}"),
                                             ("Yang menerima", f"BKD/BKPSDMD Provinsi {paper.province_name}"))):
            left = body.left() + index * column
            painter.setFont(report_font(10))
            painter.setPen(INK)
            painter.drawText(QRectF(left, y, column, 14 * mm), center | Qt.TextFlag.TextWordWrap, f"{who}\n{role}")
            painter.drawText(QRectF(left, y + 40 * mm, column, 14 * mm), center | Qt.TextFlag.TextWordWrap,
                             "( ______________________________ )\nNIP ______________________")
        paint_header_footer(painter, frame, left_header=f"Berita Acara — {paper.office_name} — {paper.year}",
                            right_header=f"Paket {paper.package_id[:8]}…", page=1, pages=1,
                            provisional=bool(paper.provisional), generated=date_id(utc_now()))
    finally:
        painter.end()
    return 1


def berita_acara_pdf_bytes(paper: BeritaAcara) -> bytes:
    return pdf_bytes(lambda writer: render_berita_acara(writer, paper))


def write_berita_acara_pdf(paper: BeritaAcara, path: Path) -> Path:
    return write_atomic(Path(path), berita_acara_pdf_bytes(paper))
