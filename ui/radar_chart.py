"""A radar (spider) chart of the aspects; the painting is ``documents.charts.paint_radar``,
the same as in the PDF report."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from documents.charts import paint_radar


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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if len(self._values) < 3:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        palette = self.palette()
        paint_radar(painter, QRectF(self.rect()), self._labels, self._values, self._color,
                    text=palette.windowText().color(), grid=palette.mid().color())
        painter.end()
