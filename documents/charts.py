"""The charts, painted with a QPainter on any device: a widget on screen, a PDF page.

The ui widgets (``ui.radar_chart.RadarChart``, ``ui.score_panel.AspectBars``) call these
in ``paintEvent``; the PDF report calls them on its pages, so screen and paper show the
same picture. ``unit`` is the size of one screen pixel on the device (1 on screen,
dpi / 96 on paper), so pens and dots keep their look at any resolution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from models.formatting import decimal_id
from models.instrument import Instrument
from models.scoring import ScoreResult
from models.store import legacy_scale
from models.year_over_year import LEGACY_SCALE, HistoryEntry

RADAR_RINGS = 4  # grid circles at 25/50/75/100 %
BAR_ROW_SPACING = 5


@dataclass(frozen=True)
class AspectRow:
    """One bar of the aspect chart."""

    title: str
    fraction: float  # 0..1, the filled part of the bar
    figure: str  # the number printed beside the bar
    color: str  # "#rrggbb"


def aspect_rows(result: ScoreResult, instrument: Instrument, not_applicable: str = "tidak berlaku") -> list[AspectRow]:
    """One bar per aspect, coloured by the band its own maturity falls in (maturity model)
    or the headline's band (weighted sum; the estimate's band when there is no predikat)."""
    rows = []
    for aspect in result.aspects:
        if aspect.score is None:
            fraction, figure = 0.0, not_applicable
        elif result.model == "maturity_index":
            fraction = aspect.score
            figure = decimal_id(aspect.score, instrument.precision)
        else:
            fraction = aspect.score / aspect.max_score if aspect.max_score else 0.0
            figure = f"{decimal_id(aspect.score, instrument.precision)}/{decimal_id(aspect.max_score, 0)}"
        if result.model == "maturity_index" and aspect.score is not None:
            color = instrument.band_for(aspect.score).color
        else:
            color = result.shown_band.color
        rows.append(AspectRow(f"{aspect.number}. {aspect.title}", fraction, figure, color))
    return rows


def _radar_point(center: QPointF, radius: float, index: int, count: int, fraction: float) -> QPointF:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return QPointF(center.x() + math.cos(angle) * radius * fraction, center.y() + math.sin(angle) * radius * fraction)


def paint_radar(painter: QPainter, rect: QRectF, labels: Sequence[str], values: Sequence[float], color: QColor,
                *, text: QColor, grid: QColor, unit: float = 1.0) -> None:
    """A radar (spider) chart of ``values`` (0..1 per axis) inside ``rect``; the polygon
    is filled in ``color``. Fewer than three axes draw nothing."""
    count = len(values)
    if count < 3:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = painter.fontMetrics()
    margin = metrics.height() * 1.6
    radius = max(10.0 * unit, min(rect.width(), rect.height()) / 2 - margin)
    center = rect.center()

    painter.setPen(QPen(grid, 1 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ring in range(1, RADAR_RINGS + 1):
        painter.drawPolygon(QPolygonF([_radar_point(center, radius, i, count, ring / RADAR_RINGS)
                                       for i in range(count)]))
    for i in range(count):
        painter.drawLine(center, _radar_point(center, radius, i, count, 1.0))

    shape = QPainterPath()
    shape.addPolygon(QPolygonF([_radar_point(center, radius, i, count, v) for i, v in enumerate(values)]))
    shape.closeSubpath()
    fill = QColor(color)
    fill.setAlpha(110)
    painter.setBrush(fill)
    painter.setPen(QPen(color, 2 * unit))
    painter.drawPath(shape)
    painter.setBrush(color)
    for i, value in enumerate(values):
        painter.drawEllipse(_radar_point(center, radius, i, count, value), 3 * unit, 3 * unit)

    painter.setPen(text)
    for i, label in enumerate(labels):
        anchor = _radar_point(center, radius + metrics.height() * 0.9, i, count, 1.0)
        width = metrics.horizontalAdvance(label) + 4 * unit
        box = QRectF(anchor.x() - width / 2, anchor.y() - metrics.height() / 2, width, metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


def bar_row_height(painter_or_metrics, unit: float = 1.0) -> float:
    metrics = painter_or_metrics.fontMetrics() if hasattr(painter_or_metrics, "fontMetrics") else painter_or_metrics
    return metrics.height() + BAR_ROW_SPACING * unit


def paint_aspect_bars(painter: QPainter, rect: QRectF, rows: Sequence[AspectRow], *, text: QColor,
                      track: QColor, unit: float = 1.0) -> None:
    """One row per aspect from the top of ``rect``: title (elided), bar, figure."""
    if not rows:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = painter.fontMetrics()
    row_height = bar_row_height(metrics, unit)
    figure_width = max(metrics.horizontalAdvance(row.figure) for row in rows) + 8 * unit
    bar_width = max(40 * unit, rect.width() * 0.32)
    title_width = max(20 * unit, rect.width() - bar_width - figure_width - 8 * unit)
    radius = 3 * unit
    for index, row in enumerate(rows):
        top = rect.top() + index * row_height
        painter.setPen(text)
        painter.drawText(QRectF(rect.left(), top, title_width, row_height), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, int(title_width)))
        bar = QRectF(rect.left() + title_width + 4 * unit, top + row_height * 0.22, bar_width, row_height * 0.56)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, radius, radius)
        painter.setBrush(QColor(row.color))
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * row.fraction, bar.height()),
                                radius, radius)
        painter.setPen(text)
        painter.drawText(QRectF(bar.right() + 4 * unit, top, figure_width, row_height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, row.figure)
    painter.restore()


# --- the office's history: two scales side by side --------------------------------------------

@dataclass(frozen=True)
class TimelinePoint:
    """One year on the timeline chart."""

    year: int
    value: float
    label: str  # category or band, printed under the value
    color: str
    figure: str = ""  # the value as printed, when not simply rounded (legacy nilai: never across a category)


@dataclass(frozen=True)
class ScaleBand:
    """One band drawn behind the timeline."""

    label: str
    low: float
    high: float
    color: str


def _paint_panel(painter: QPainter, rect: QRectF, title: str, bands: Sequence[ScaleBand], low: float, high: float,
                 points: Sequence[TimelinePoint], places: int, empty: str, *, text: QColor, unit: float) -> None:
    metrics = painter.fontMetrics()
    line = metrics.height()
    band_label_width = max((metrics.horizontalAdvance(b.label) for b in bands), default=0) + 8 * unit
    tick_width = metrics.horizontalAdvance(decimal_id(high, places)) + 8 * unit
    plot = QRectF(rect.left() + tick_width, rect.top() + line * 1.6,
                  max(1.0, rect.width() - tick_width - band_label_width), max(1.0, rect.height() - line * 3.0))

    def y_of(value: float) -> float:
        return plot.bottom() - (min(max(value, low), high) - low) / (high - low) * plot.height()

    bold = painter.font()
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    painter.setPen(text)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.4), Qt.AlignmentFlag.AlignHCenter, title)
    painter.restore()
    for band in bands:
        top, bottom = y_of(band.high), y_of(band.low)
        color = QColor(band.color)
        color.setAlpha(45)
        painter.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), color)
        painter.setPen(QColor(band.color).darker(140))
        painter.drawText(QRectF(plot.right() + 4 * unit, top, band_label_width, bottom - top),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, band.label)
        painter.setPen(text)
        painter.drawText(QRectF(rect.left(), bottom - line / 2, tick_width - 4 * unit, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, decimal_id(band.low, places))
    painter.setPen(QPen(text, 0.6 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    if not points:
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty)
        return
    step = plot.width() / len(points)
    positions = [QPointF(plot.left() + step * (i + 0.5), y_of(p.value)) for i, p in enumerate(points)]
    path = QPainterPath(positions[0])
    for position in positions[1:]:
        path.lineTo(position)
    painter.setPen(QPen(QColor("#34495e"), 2 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    for point, position in zip(points, positions, strict=True):
        painter.setBrush(QColor(point.color))
        painter.setPen(QPen(QColor(point.color).darker(150), 1 * unit))
        painter.drawEllipse(position, 4 * unit, 4 * unit)
        painter.setPen(text)
        painter.drawText(QRectF(position.x() - step / 2, position.y() - line * 1.35, step, line),
                         Qt.AlignmentFlag.AlignCenter, point.figure or decimal_id(point.value, places))
        painter.drawText(QRectF(position.x() - step / 2, plot.bottom() + 2 * unit, step, line),
                         Qt.AlignmentFlag.AlignCenter, str(point.year))


def paint_timeline(painter: QPainter, rect: QRectF, *, legacy_points: Sequence[TimelinePoint],
                   legacy_bands: Sequence[ScaleBand], legacy_range: tuple[float, float],
                   index_points: Sequence[TimelinePoint], index_bands: Sequence[ScaleBand],
                   index_range: tuple[float, float], index_title: str, text: QColor, unit: float = 1.0) -> None:
    """The office's history as two panels with their own axes, never one line across two
    scales: the past official results (KASN, 100–400, categories I–IV) on the left, the
    index of the current instrument (0–1, predikat bands) on the right."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gap = 24 * unit
    half = (rect.width() - gap) / 2
    _paint_panel(painter, QRectF(rect.left(), rect.top(), half, rect.height()),
                 "Hasil resmi lama (skala 100–400)", legacy_bands, *legacy_range, legacy_points, 1,
                 "Belum ada riwayat hasil resmi.", text=text, unit=unit)
    _paint_panel(painter, QRectF(rect.left() + half + gap, rect.top(), half, rect.height()),
                 index_title, index_bands, *index_range, index_points, 2,
                 "Belum ada penilaian instrumen ini.", text=text, unit=unit)
    painter.restore()


def timeline_inputs(history: Sequence[HistoryEntry], instrument: Instrument) -> dict:
    """The keyword arguments of ``paint_timeline`` for an office's history: the legacy
    results on the KASN scale and its categories, this instrument's figures on 0–1 with its
    bands (the band above 1, *Maju*, lies off this axis)."""
    scale = legacy_scale()
    low, high = scale.range
    raw = scale.raw["bands"]
    legacy_bands = [ScaleBand(f"{b['roman']} {b['label']}", b["min"], raw[i + 1]["min"] if i + 1 < len(raw) else high,
                              b["color"]) for i, b in enumerate(raw)]
    top = 1.0
    bands = [b for b in instrument.bands if b.min < top]
    index_bands = [ScaleBand(b.label, b.min, bands[i + 1].min if i + 1 < len(bands) else top, b.color)
                   for i, b in enumerate(bands)]
    return dict(
        legacy_points=[TimelinePoint(h.year, h.value, h.label, h.color, scale.nilai_text(h.value))
                       for h in history if h.scale == LEGACY_SCALE],
        legacy_bands=legacy_bands, legacy_range=(low, high),
        index_points=[TimelinePoint(h.year, h.value, h.label, h.color) for h in history if h.scale == instrument.id],
        index_bands=index_bands, index_range=(0.0, top),
        index_title=f"{instrument.short_title} (NISM/maturitas, 0–1)")
