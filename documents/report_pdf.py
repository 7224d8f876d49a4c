"""The PDF report of one assessment revision: cover, charts, every item, audit, signatures.

Pages 1–2 are painted directly (cover; bar, radar and history charts from
``documents.charts``); the rest flows through a QTextDocument paginated to the body of
the A4 page. ``render_report`` draws on any QPagedPaintDevice (QPdfWriter, or the QPrinter
of the GUI's print preview); ``write_report_pdf`` writes the file atomically.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from documents.charts import (
    aspect_rows,
    bar_row_height,
    paint_aspect_bars,
    paint_radar,
    paint_timeline,
    timeline_inputs,
)
from documents.fonts import register_fonts, report_font
from documents.pages import INK, MUTED, PROVISIONAL, page_frame, paint_header_footer, pdf_bytes, prepare_device
from models.files import write_atomic
from models.formatting import date_id, decimal_id, percent_id, text_colour_on
from models.provenance import OFFICIAL_CHANNEL
from models.report_data import ESTIMATE_WORDING, ReportData, format_size, when

BODY_POINTS = 8.5
KIND_WORDS = {"nism": "NISM", "maturity": "maturitas tanpa survei", "nilai": "nilai"}
CSS = """
h1 { font-size: 13pt; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; color: #1f4e79; }
h3 { font-size: 9pt; margin-top: 8px; margin-bottom: 2px; }
table { border-collapse: collapse; }
td, th { padding: 2px 4px; vertical-align: top; }
th { background-color: #e8eef4; text-align: left; }
.muted { color: #5d6d7e; }
.flag { color: #a04000; font-weight: bold; }
.small { font-size: 7.5pt; }
"""


def _e(text) -> str:
    return escape(str(text)).replace("\n", "<br/>")


# --- page 1: cover ---------------------------------------------------------------------------

def _paint_cover(painter: QPainter, frame, report: ReportData) -> None:
    mm = frame.mm
    body = frame.body
    y = body.top() + 8 * mm

    def text(value: str, points: float, *, bold=False, color=INK, height_mm=8.0, align=Qt.AlignmentFlag.AlignLeft):
        nonlocal y
        painter.setFont(report_font(points, bold))
        painter.setPen(color)
        box = QRectF(body.left(), y, body.width(), height_mm * mm)
        painter.drawText(box, align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, value)
        y += height_mm * mm

    instrument = report.instrument
    text("LAPORAN PENILAIAN MANDIRI", 20, bold=True, height_mm=10)
    text(f"SISTEM MERIT TAHUN {report.year}", 20, bold=True, height_mm=12)
    text(f"{instrument.title} — {instrument.legal_basis}", 9, color=MUTED, height_mm=10)
    y += 4 * mm
    text(report.office_name, 16, bold=True, height_mm=9)
    text(f"Kode wilayah {report.office_code} · Provinsi {report.province_name}", 10, height_mm=7)
    text(f"Revisi {report.revision} · status {report.status_words}"
         + (f" · difinalisasi {when(report.audit.finalized_at)}" if report.audit.finalized_at else ""),
         10, height_mm=12)

    # The headline box, in the colour of the band (the estimate's band when S is missing).
    headline = report.headline
    result = report.result
    color = headline.color or "#ffffff"
    box = QRectF(body.left(), y, body.width(), 48 * mm)
    painter.setPen(QPen(QColor(color).darker(120), 0.6 * mm))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(box, 3 * mm, 3 * mm)
    ink = QColor(text_colour_on(color))
    painter.setPen(ink)
    painter.setFont(report_font(12, True))
    inner = box.adjusted(6 * mm, 4 * mm, -6 * mm, -4 * mm)
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, headline.name)
    painter.setFont(report_font(34, True))
    painter.drawText(inner.adjusted(0, 7 * mm, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     headline.figure)
    painter.setFont(report_font(12, True))
    if headline.predikat:
        wording = f"{headline.band_word.capitalize()}: {headline.predikat}"
        if headline.flag:
            wording += f" ({headline.flag})"
    else:
        wording = f"{ESTIMATE_WORDING[0].upper()}{ESTIMATE_WORDING[1:]}: {headline.estimate}"
    painter.drawText(inner.adjusted(0, 24 * mm, 0, 0),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, wording)
    painter.setFont(report_font(9))
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, headline.detail)
    y = box.bottom() + 5 * mm

    if headline.provisional:
        warn = QRectF(body.left(), y, body.width(), 14 * mm)
        painter.setPen(QPen(QColor("#e67e22"), 0.5 * mm))
        painter.setBrush(QColor("#fdf2e9"))
        painter.drawRoundedRect(warn, 2 * mm, 2 * mm)
        painter.setPen(PROVISIONAL)
        painter.setFont(report_font(9, True))
        painter.drawText(warn.adjusted(4 * mm, 2 * mm, -4 * mm, -2 * mm),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, headline.provisional)
        y = warn.bottom() + 5 * mm

    completeness = f"{result.answered} dari {result.applicable} butir yang berlaku sudah dijawab"
    if result.not_applicable:
        completeness += f"; {len(result.not_applicable)} butir tidak berlaku"
    text(completeness + ".", 10, height_mm=7)
    if headline.next_step:  # on maturity worded as an estimate, never as if a predikat applied
        text(headline.next_step, 10, height_mm=12 if headline.predikat is None else 7)
    comparison = report.comparison
    if comparison is not None:
        from models.year_over_year import signed

        change = signed(comparison.headline.delta, instrument.precision + 1)
        if comparison.headline_kind_previous != result.headline_kind:  # NISM against maturity: not alike
            change += (f" (tahun itu {KIND_WORDS.get(comparison.headline_kind_previous, '?')}, kini "
                       f"{KIND_WORDS.get(result.headline_kind, '?')}: tidak sebanding langsung)")
        text(f"Dibanding penilaian {comparison.previous_year} (revisi {comparison.previous_revision}, "
             f"{comparison.previous_status}): {change}.", 10, height_mm=7)
    y = body.bottom() - 28 * mm
    text(f"{OFFICIAL_CHANNEL} Bobot aspek 2–7 dan cara agregasi butir belum diterbitkan resmi; "
         "lihat catatan sumber pada instrumen.", 8, color=MUTED, height_mm=18)
    text(f"Instrumen {instrument.id} versi {instrument.version}, SHA-256 {instrument.sha256[:16]}…",
         7.5, color=MUTED, height_mm=6)


# --- page 2: charts ---------------------------------------------------------------------------

def _paint_charts(painter: QPainter, frame, report: ReportData) -> None:
    mm, body = frame.mm, frame.body
    y = body.top()

    def heading(title: str) -> None:
        nonlocal y
        painter.setFont(report_font(11, True))
        painter.setPen(QColor("#1f4e79"))
        painter.drawText(QRectF(body.left(), y, body.width(), 8 * mm), Qt.AlignmentFlag.AlignLeft, title)
        y += 8 * mm

    heading("Skor per aspek")
    rows = aspect_rows(report.result, report.instrument)
    painter.setFont(report_font(8.5))
    height = bar_row_height(painter, frame.unit) * len(rows)
    track = QColor("#aab7b8")
    track.setAlpha(90)
    paint_aspect_bars(painter, QRectF(body.left(), y, body.width(), height), rows, text=INK, track=track,
                      unit=frame.unit)
    y += height + 6 * mm
    heading("Grafik radar (0–1 per aspek; nomor = aspek)")
    radar = QRectF(body.left() + body.width() * 0.2, y, body.width() * 0.6, 78 * mm)
    painter.setFont(report_font(9, True))
    paint_radar(painter, radar, [str(a.number) for a in report.result.aspects], [r.fraction for r in rows],
                QColor(report.result.shown_band.color), text=INK, grid=QColor("#95a5a6"), unit=frame.unit)
    y = radar.bottom() + 6 * mm
    heading("Riwayat kantor: dua skala yang berbeda")
    painter.setFont(report_font(7.5))
    paint_timeline(painter, QRectF(body.left(), y, body.width(), min(70 * mm, body.bottom() - y - 10 * mm)),
                   text=INK, unit=frame.unit, **timeline_inputs(report.history, report.instrument))
    painter.setFont(report_font(7.5))
    painter.setPen(MUTED)
    painter.drawText(QRectF(body.left(), body.bottom() - 9 * mm, body.width(), 9 * mm),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
                     "Kiri: hasil resmi KASN (PermenPANRB 40/2018), nilai 100–400 dengan kategori I–IV. Kanan: indeks "
                     "instrumen PermenPANRB 19/2025 (0–1). Kedua skala tidak dapat dibandingkan langsung.")


# --- pages 3+: the text -----------------------------------------------------------------------

def _aspect_table(report: ReportData) -> str:
    places = report.instrument.precision
    since = f"Perubahan dari {report.comparison.previous_year}" if report.comparison else "Perubahan"
    rows = [f"<tr><th>Aspek</th><th>Bobot</th><th>Skor</th><th>Terjawab</th><th>{since}</th></tr>"]
    for aspect in report.aspects:
        weight = percent_id(aspect.weight, 1) + (" (sementara)" if aspect.provisional else "") \
            if report.result.model == "maturity_index" else "–"
        score = "tidak berlaku" if aspect.score is None else decimal_id(aspect.score, places)
        rows.append(f"<tr><td>{aspect.number}. {_e(aspect.title)}</td><td>{weight}</td><td>{score}</td>"
                    f"<td>{aspect.answered}/{aspect.applicable}</td><td>{aspect.change}</td></tr>")
    rows.append(f"<tr><td colspan='5'><b>{_e(report.headline.line)}</b></td></tr>")
    return "<table border='1' cellspacing='0' width='100%'>" + "".join(rows) + "</table>"


def _item_block(report: ReportData, item) -> str:
    if not item.applicable:
        return (f"<h3>{_e(item.heading)}</h3>"
                f"<p class='muted'>{_e(item.gate_note)}</p>")
    level = "belum dijawab (dihitung tingkat terendah)" if item.level is None else \
        f"<b>{item.level}</b> — {_e(item.descriptor)}"
    rows = [("Tingkat", level)]
    if report.comparison:
        rows.append((f"Perubahan dari {report.comparison.previous_year}", item.change))
    rows.append(("Penjelasan", _e(item.justification) if item.justification.strip() else
                 "<span class='muted'>(tidak ada)</span>"))
    if item.evidence:
        files = "<br/>".join(f"{index}. {_e(ev.name)} — {format_size(ev.size)}, SHA-256 {ev.sha_prefix}…"
                             for index, ev in enumerate(item.evidence, start=1))
    else:
        files = "<span class='muted'>(tidak ada)</span>"
    rows.append((f"Bukti dukung ({len(item.evidence)})", files))
    flags = []
    if item.needs_review:
        flags.append("Ditandai perlu ditinjau" + (f": {_e(item.review_note)}" if item.review_note else ""))
    if item.not_reviewed_this_year:
        flags.append("Dibawa dari tahun lalu, belum ditinjau tahun ini")
    if flags:
        rows.append(("Tanda tinjauan", f"<span class='flag'>{'; '.join(flags)}</span>"))
    body = "".join(f"<tr><td width='22%' class='muted'>{name}</td><td>{value}</td></tr>" for name, value in rows)
    return (f"<h3>{_e(item.heading)}</h3>"
            f"<table cellspacing='0' width='100%'>{body}</table>")


def _audit_and_signatures(report: ReportData) -> str:
    audit = report.audit
    people = ", ".join(f"{_e(name)} ({count})" for name, count in audit.by_person) or "–"
    kinds = ", ".join(f"{_e(kind)} {count}" for kind, count in audit.by_kind) or "–"
    final = f"difinalisasi oleh {_e(audit.finalized_by or '–')} pada {when(audit.finalized_at)}" \
        if audit.finalized_at else "belum difinalisasi"
    html = [
        "<h2 style='page-break-before: always'>Ringkasan jejak audit</h2>",
        f"<p>{audit.entries} perubahan tercatat dari {when(audit.first_at)} sampai {when(audit.last_at)}; {final}.</p>",
        f"<p>Menurut pengubah: {people}.</p><p>Menurut jenis: {kinds}.</p>",
        "<h2>Pengesahan</h2>",
        f"<p>______________________, ______________________ {report.year}</p>",
        "<table width='100%' cellspacing='0'><tr>",
    ]
    roles = (("Disusun oleh", "Operator penilaian mandiri", report.operator),
             ("Diperiksa oleh", "Ketua Tim Penilai Mandiri", ""),
             ("Disetujui oleh", "Kepala BKPSDM", ""))
    for verb, role, name in roles:
        html.append(f"<td width='33%' align='center'>{verb}<br/>{role}<br/><br/><br/><br/><br/>"
                    f"( {_e(name) if name else '_' * 24} )<br/>NIP ____________________</td>")
    html.append("</tr></table>")
    return "".join(html)


def report_html(report: ReportData) -> str:
    parts = [f"<h1>Ringkasan per aspek</h1>{_aspect_table(report)}"]
    if report.headline.provisional:
        parts.append(f"<p class='flag'>{_e(report.headline.provisional)}</p>")
    parts.append("<h1>Rincian butir</h1>")
    for aspect in report.instrument.aspects:
        parts.append(f"<h2>Aspek {aspect.number}. {_e(aspect.title)}</h2>")
        parts += [_item_block(report, item) for item in report.items_of(aspect.id)]
    parts.append(_audit_and_signatures(report))
    return "".join(parts)


def _text_document(report: ReportData, device, frame) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # font metrics at the device's resolution
    document.setDefaultFont(report_font(BODY_POINTS))
    document.setDefaultStyleSheet(CSS)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(frame.body.width(), frame.body.height()))
    document.setHtml(report_html(report))
    return document


def render_report(device, report: ReportData) -> int:
    """Draw the whole report on ``device`` (QPdfWriter or QPrinter); the number of pages."""
    register_fonts()
    prepare_device(device)
    frame = page_frame(device)
    document = _text_document(report, device, frame)
    text_pages = document.pageCount()
    pages = 2 + text_pages
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("perangkat cetak tidak dapat dibuka")
    generated = date_id(report.generated_at)
    header = f"{report.title} — {report.office_name}"
    status = f"Revisi {report.revision} · {report.status}"

    def decorate(page: int) -> None:
        paint_header_footer(painter, frame, left_header=header, right_header=status, page=page, pages=pages,
                            provisional=report.result.provisional, generated=generated)

    try:
        _paint_cover(painter, frame, report)
        decorate(1)
        device.newPage()
        _paint_charts(painter, frame, report)
        decorate(2)
        for index in range(text_pages):
            device.newPage()
            painter.save()
            painter.translate(frame.body.left(), frame.body.top() - index * frame.body.height())
            document.drawContents(painter, QRectF(0, index * frame.body.height(),
                                                  frame.body.width(), frame.body.height()))
            painter.restore()
            decorate(3 + index)
    finally:
        painter.end()
    return pages


def report_pdf_bytes(report: ReportData) -> bytes:
    return pdf_bytes(lambda writer: render_report(writer, report))


def write_report_pdf(report: ReportData, path: Path) -> Path:
    """Write the report to ``path`` (temp file, fsync, rename)."""
    return write_atomic(Path(path), report_pdf_bytes(report))
