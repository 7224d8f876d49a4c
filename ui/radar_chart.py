"""A radar (spider) chart of the aspects, drawn with QPainter (no QtCharts dependency)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

RINGS = 4  # grid circles at 25/50/75/100 %


class RadarChart(QWidget):
    """Values 0..1 per axis; the polygon is filled in ``color``. Paints from cached values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels: tuple[str, ...] = ()
        self._values: tuple[float, ...] = ()
        self._color = QColor("#1f6fb2")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(100, 100)

    def sizeHint(self) -> QSize:
        return QSize(150, 150)  # small preferred size: it grows into whatever room the host gives

    def set_values(self, labels, values, color: str | QColor | None = None) -> None:
        labels = tuple(str(label) for label in labels)
        values = tuple(min(1.0, max(0.0, float(v or 0.0))) for v in values)
        if len(labels) != len(values):
            raise ValueError("labels and values differ in length")
        new_color = QColor(color) if color is not None else self._color
        if (labels, values, new_color) == (self._labels, self._values, self._color):
            return
        self._labels, self._values, self._color = labels, values, new_color
        self.update()

    def labels(self) -> tuple[str, ...]:
        return self._labels

    def values(self) -> tuple[float, ...]:
        return self._values

    def color(self) -> QColor:
        return QColor(self._color)

    def _point(self, center: QPointF, radius: float, index: int, fraction: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / len(self._values)
        return QPointF(center.x() + math.cos(angle) * radius * fraction,
                       center.y() + math.sin(angle) * radius * fraction)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        count = len(self._values)
        if count < 3:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        margin = metrics.height() * 1.6
        side = min(self.width(), self.height())
        radius = max(10.0, side / 2 - margin)
        center = QPointF(self.width() / 2, self.height() / 2)
        grid = self.palette().mid().color()

        painter.setPen(QPen(grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in range(1, RINGS + 1):
            painter.drawPolygon(QPolygonF([self._point(center, radius, i, ring / RINGS) for i in range(count)]))
        for i in range(count):
            painter.drawLine(center, self._point(center, radius, i, 1.0))

        shape = QPainterPath()
        shape.addPolygon(QPolygonF([self._point(center, radius, i, v) for i, v in enumerate(self._values)]))
        shape.closeSubpath()
        fill = QColor(self._color)
        fill.setAlpha(110)
        painter.setBrush(fill)
        painter.setPen(QPen(self._color, 2))
        painter.drawPath(shape)
        painter.setBrush(self._color)
        for i, value in enumerate(self._values):
            painter.drawEllipse(self._point(center, radius, i, value), 3, 3)

        painter.setPen(self.palette().windowText().color())
        for i, label in enumerate(self._labels):
            anchor = self._point(center, radius + metrics.height() * 0.9, i, 1.0)
            width = metrics.horizontalAdvance(label) + 4
            box = QRectF(anchor.x() - width / 2, anchor.y() - metrics.height() / 2, width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
