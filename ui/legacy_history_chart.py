"""Year-over-year chart of the office's past official results on the legacy 100–400 scale;
once the office has assessments on the current instrument, its index is charted beside
them on its own axis (``documents.charts.paint_timeline``, the same as the PDF report)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from documents.charts import paint_timeline, timeline_inputs
from models.store import LegacyScale, legacy_scale


@dataclass(frozen=True)
class HistoryPoint:
    year: int
    nilai: float
    category: str


class LegacyHistoryChart(QWidget):
    """Line of nilai per year over the category bands (I Buruk … IV Sangat Baik)."""

    MARGIN_LEFT = 44
    MARGIN_RIGHT = 100  # band names stand in the right margin, clear of the points
    MARGIN_TOP = 26
    MARGIN_BOTTOM = 28

    def __init__(self, parent: QWidget | None = None, scale: LegacyScale | None = None):
        super().__init__(parent)
        self._scale = scale or legacy_scale()
        self._points: list[HistoryPoint] = []
        self._timeline: dict | None = None  # paint_timeline's inputs when there are index years
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Grafik riwayat nilai Sistem Merit"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(360, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 150)

    def set_points(self, points: list[HistoryPoint]) -> None:
        self._points = sorted(points, key=lambda point: point.year)
        self.setToolTip("\n".join(f"{p.year}: {self._scale.with_category(p.nilai)}" for p in self._points))
        self.update()

    def points(self) -> list[HistoryPoint]:
        return list(self._points)

    def set_timeline(self, timeline: dict | None) -> None:
        """Both scales side by side (``documents.charts.timeline_inputs``), or None for the
        legacy results alone."""
        self._timeline = timeline if timeline and timeline["index_points"] else None
        self.update()

    def _plot_rect(self) -> QRectF:
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN_TOP,
            max(1, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
            max(1, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM),
        )

    def _y(self, value: float, rect: QRectF) -> float:
        low, high = self._scale.range
        return rect.bottom() - (value - low) / (high - low) * rect.height()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._timeline is not None:
            painter.setFont(self.font())
            paint_timeline(painter, QRectF(self.rect()).adjusted(4, 2, -4, -2),
                           text=self.palette().color(self.palette().ColorRole.WindowText), **self._timeline)
            return
        rect = self._plot_rect()
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        low, high = self._scale.range

        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRectF(0, 2, self.width(), self.MARGIN_TOP - 4), Qt.AlignmentFlag.AlignHCenter,
                         self.tr("Riwayat nilai resmi (skala 100–400)"))
        painter.setFont(self.font())

        bands = self._scale.raw["bands"]
        for index, band in enumerate(bands):
            top_value = bands[index + 1]["min"] if index + 1 < len(bands) else high
            top = self._y(top_value, rect)
            bottom = self._y(band["min"], rect)
            color = QColor(band["color"])
            color.setAlpha(40)
            painter.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), color)
            painter.setPen(QColor(band["color"]).darker(130))
            painter.drawText(QRectF(rect.right() + 6, top, self.MARGIN_RIGHT - 8, bottom - top),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{band['roman']} {band['label']}")
        painter.setPen(text_color)
        for tick in (low, 175, 250, 325, high):
            y = self._y(tick, rect)
            painter.drawText(QRectF(0, y - 8, self.MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick:g}")

        if not self._points:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada riwayat hasil resmi."))
            return
        step = rect.width() / max(1, len(self._points))
        positions = [
            QPointF(rect.left() + step * (i + 0.5), self._y(point.nilai, rect))
            for i, point in enumerate(self._points)
        ]
        path = QPainterPath(positions[0])
        for position in positions[1:]:
            path.lineTo(position)
        painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 2))
        painter.drawPath(path)
        for point, position in zip(self._points, positions, strict=True):
            color = QColor(self._scale.category_for(point.nilai)["color"])
            painter.setBrush(color)
            painter.setPen(QPen(color.darker(140), 1))
            painter.drawEllipse(position, 5, 5)
            painter.setPen(text_color)
            painter.drawText(QRectF(position.x() - 40, position.y() - 22, 80, 16), Qt.AlignmentFlag.AlignCenter,
                             self._scale.nilai_text(point.nilai))
            painter.drawText(QRectF(position.x() - 30, rect.bottom() + 4, 60, 18), Qt.AlignmentFlag.AlignCenter,
                             str(point.year))


def office_timeline(store, office) -> dict | None:
    """The inputs of the two-scale timeline for ``office``; None before its first assessment."""
    from models.year_over_year import office_history

    history = office_history(store, office)
    if not any(entry.scale == store.registry.default().id for entry in history):
        return None
    return timeline_inputs(history, store.registry.default())
