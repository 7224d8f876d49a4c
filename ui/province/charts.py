"""Painted charts of the consolidated view (QPainter, no chart library).

* ``RankingChart``: one horizontal bar per kabupaten/kota that sent a package, best first,
  coloured by its band, with the band thresholds as dashed lines; those that sent nothing
  are listed after, greyed.
* ``HeatMap``: aspect × kabupaten/kota, each cell coloured by the band its aspect score
  falls in, the figure written inside; missing offices are a grey row.

Both take the instrument (for bands) in ``__init__`` and a Consolidation by
``set_consolidation``; their height grows with the row count so they sit in a scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from models.consolidate import ConsolidatedRow, Consolidation
from models.formatting import decimal_id, text_colour_on
from models.instrument import Instrument

MISSING_COLOR = QColor("#d5d8dc")


class ChartBase(QWidget):
    MARGIN = 8

    def __init__(self, instrument: Instrument, parent: QWidget | None = None):
        super().__init__(parent)
        self._instrument = instrument
        self._consolidation: Consolidation | None = None
        self._widest_name: int | None = None  # measured once per consolidation, not per paint
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_consolidation(self, consolidation: Consolidation) -> None:
        self._consolidation = consolidation
        self._widest_name = None
        self._forget()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def _forget(self) -> None:
        """Drop what was derived from the previous consolidation."""

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def _text_color(self) -> QColor:
        return self.palette().color(self.palette().ColorRole.WindowText)

    def _label_width(self, rows: list[ConsolidatedRow]) -> int:
        if self._widest_name is None:
            metrics = QFontMetrics(self.font())
            self._widest_name = max((metrics.horizontalAdvance(row.name) for row in rows), default=80)
        return min(self._widest_name + 12, max(120, self.width() // 3))


class RankingChart(ChartBase):
    """Bars of the headline index, best first."""

    _ranked: list[ConsolidatedRow] | None = None

    def _forget(self) -> None:
        self._ranked = None

    def ranked(self) -> list[ConsolidatedRow]:
        """Sorted once per consolidation (a paint asks several times)."""
        if self._consolidation is None:
            return []
        if self._ranked is None:
            received = [row for row in self._consolidation.rows if row.received]
            # NISM rows first, maturity-only rows after as their own group: never ranked together.
            self._ranked = sorted(received, key=lambda row: (row.ranking_group, -row.index, row.name))
        return self._ranked

    def mixed_kinds(self) -> bool:
        return len({row.ranking_group for row in self.ranked()}) > 1

    def missing(self) -> list[ConsolidatedRow]:
        return [row for row in self._consolidation.rows if not row.received] if self._consolidation else []

    def _rows_top(self) -> int:
        return self.MARGIN + self._row_height() + 4  # the title line

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        count = len(self.ranked()) + (1 if self.missing() else 0) + (1 if self.mixed_kinds() else 0)
        return QSize(520, self._rows_top() + max(1, count) * self._row_height() + 2 * self.MARGIN + 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, self.sizeHint().height())

    def _scale_max(self) -> float:
        top = max((row.index for row in self.ranked()), default=1.0)
        return max(1.0, top)

    def _bar_area(self) -> QRectF:
        label = self._label_width(self.ranked() or self.missing())
        value_space = QFontMetrics(self.font()).horizontalAdvance("0,00*") + 12
        left = self.MARGIN + label
        return QRectF(left, self._rows_top(), max(10, self.width() - left - value_space - self.MARGIN),
                      max(1, len(self.ranked())) * self._row_height())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self._text_color()
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        year = self._consolidation.year if self._consolidation else ""
        painter.drawText(QRectF(self.MARGIN, self.MARGIN, self.width() - 2 * self.MARGIN, self._row_height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("Peringkat indeks kabupaten/kota {year}").format(year=year))
        painter.setFont(self.font())
        ranked = self.ranked()
        area = self._bar_area()
        row_height = self._row_height()
        if not ranked:
            painter.drawText(QRectF(self.MARGIN, area.top(), self.width() - 2 * self.MARGIN, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("Belum ada paket yang diterima untuk tahun ini."))
        scale = self._scale_max()
        metrics = QFontMetrics(self.font())
        # Only the bars in the area to repaint: a scroll step exposes a strip, not 514 bars.
        exposed = event.rect()
        first = max(0, int((exposed.top() - area.top()) // row_height) - 1)
        last = min(len(ranked), int((exposed.bottom() - area.top()) // row_height) + 2)
        for position in range(first, last):
            row = ranked[position]
            top = area.top() + position * row_height
            label_rect = QRectF(self.MARGIN, top, area.left() - self.MARGIN - 6, row_height)
            painter.setPen(text)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, int(label_rect.width())))
            width = area.width() * max(0.0, row.index) / scale
            bar = QRectF(area.left(), top + 3, max(1.0, width), row_height - 6)
            color = QColor(row.band_color or "#7f8c8d")
            painter.fillRect(bar, color)
            painter.setPen(text)
            figure = decimal_id(row.index) + (" M" if row.ranking_group else "") + ("*" if row.provisional else "")
            if position and row.ranking_group != ranked[position - 1].ranking_group:
                painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
                painter.drawLine(int(self.MARGIN), int(top), int(self.width() - self.MARGIN), int(top))
                painter.setPen(text)
            painter.drawText(QRectF(bar.right() + 4, top, 80, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, figure)
        pen = QPen(text, 1, Qt.PenStyle.DashLine)
        for band in self._instrument.bands[1:]:
            if band.min <= scale:
                x = area.left() + area.width() * band.min / scale
                painter.setPen(pen)
                painter.drawLine(int(x), int(area.top()), int(x), int(area.bottom()))
                painter.setPen(QColor(band.color).darker(130))
                painter.drawText(QRectF(x + 2, area.bottom(), 90, 16),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, band.label)
        notes_top = area.bottom() + 18
        if self.mixed_kinds():
            painter.setPen(text)
            painter.drawText(QRectF(self.MARGIN, notes_top, self.width() - 2 * self.MARGIN, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("M = maturitas tanpa nilai survei S (warna: perkiraan predikat); "
                                     "diperingkat terpisah di bawah garis, tidak sebanding dengan NISM."))
            notes_top += row_height
        missing = self.missing()
        if missing:
            painter.setPen(QColor("#808080"))
            names = ", ".join(row.name for row in missing)
            line = self.tr("Belum mengirim ({count}): {names}").format(count=len(missing), names=names)
            painter.drawText(QRectF(self.MARGIN, notes_top, self.width() - 2 * self.MARGIN, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(line, Qt.TextElideMode.ElideRight, self.width() - 2 * self.MARGIN))


class HeatMap(ChartBase):
    """Aspect scores of every kabupaten/kota, coloured by band."""

    def rows(self) -> list[ConsolidatedRow]:
        return list(self._consolidation.rows) if self._consolidation else []

    def _aspect_ids(self) -> tuple[str, ...]:
        return self._consolidation.aspect_ids if self._consolidation else tuple(a.id for a in self._instrument.aspects)

    def sizeHint(self) -> QSize:  # noqa: N802
        # header row, one row per kabupaten/kota, a gap and the legend's two rows
        return QSize(640, self.MARGIN * 2 + (len(self.rows()) + 4) * self._row_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.sizeHint().height())

    def _grid(self) -> tuple[float, float]:
        """(left edge of the first cell, cell width)."""
        left = self.MARGIN + self._label_width(self.rows())
        count = max(1, len(self._aspect_ids()))
        return left, max(24.0, (self.width() - left - self.MARGIN) / count)

    def cell_at(self, x: float, y: float) -> tuple[ConsolidatedRow, int] | None:
        """The (row, aspect position) under a point, for tooltips and tests."""
        left, cell = self._grid()
        row_index = int((y - self.MARGIN) // self._row_height()) - 1
        column = int((x - left) // cell) if x >= left else -1
        rows = self.rows()
        if 0 <= row_index < len(rows) and 0 <= column < len(self._aspect_ids()):
            return rows[row_index], column
        return None

    def cell_color(self, row: ConsolidatedRow, column: int) -> QColor:
        if not row.received or column >= len(row.aspects) or row.aspects[column] is None:
            return MISSING_COLOR
        return QColor(self._instrument.band_for(row.aspects[column]).color)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        text = self._text_color()
        row_height = self._row_height()
        left, cell = self._grid()
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        for column, aspect_id in enumerate(self._aspect_ids()):
            painter.drawText(QRectF(left + column * cell, self.MARGIN, cell, row_height),
                             Qt.AlignmentFlag.AlignCenter, aspect_id)
        painter.setFont(self.font())
        show_figures = metrics.horizontalAdvance("0,00") + 4 <= cell
        rows = self.rows()
        # Only the rows in the area to repaint: a scroll step exposes a strip, not 514 × 8 cells.
        exposed = event.rect()
        first = max(0, (exposed.top() - self.MARGIN) // row_height - 1)
        last = min(len(rows), (exposed.bottom() - self.MARGIN) // row_height + 1)
        for index in range(first, last):
            row = rows[index]
            top = self.MARGIN + (index + 1) * row_height
            painter.setPen(text if row.received else QColor("#808080"))
            label_rect = QRectF(self.MARGIN, top, left - self.MARGIN - 6, row_height)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, int(label_rect.width())))
            for column in range(len(self._aspect_ids())):
                rect = QRectF(left + column * cell + 1, top + 1, cell - 2, row_height - 2)
                color = self.cell_color(row, column)
                painter.fillRect(rect, color)
                if not show_figures:
                    continue
                value = row.aspects[column] if row.received and column < len(row.aspects) else None
                label = "–" if value is None else decimal_id(value)
                painter.setPen(QColor(text_colour_on(color.name())))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        self._paint_legend(painter, self.MARGIN + (len(self.rows()) + 2) * row_height)

    def legend_entries(self) -> list[tuple[QColor | None, str]]:
        """What the colours mean: the predikat thresholds used as a colour scale. An aspect
        has no predikat (the bands are defined on NISM), so the legend names none."""
        entries: list[tuple[QColor | None, str]] = [
            (None, self.tr("Warna tingkat aspek, pada ambang predikat NISM (aspek tidak berpredikat):"))]
        entries += [(QColor(band.color), f"≥ {decimal_id(band.min)}") for band in self._instrument.bands]
        entries.append((MISSING_COLOR, self.tr("belum mengirim / tidak berlaku")))
        return entries

    def _paint_legend(self, painter: QPainter, top: float) -> None:
        """Swatches of the colour scale (and of "no package"), so colours read without the table."""
        metrics = QFontMetrics(self.font())
        swatch = metrics.height()
        x = self.MARGIN
        for color, label in self.legend_entries():
            if color is None:  # the heading: a line of its own, the swatches under it
                painter.setPen(self._text_color())
                painter.drawText(QRectF(x, top, self.width() - 2 * self.MARGIN, swatch + 4),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                    int(self.width() - 2 * self.MARGIN)))
                top += self._row_height()
                continue
            painter.fillRect(QRectF(x, top + 2, swatch, swatch), color)
            painter.setPen(self._text_color())
            width = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(x + swatch + 4, top, width + 2, swatch + 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += swatch + width + 18

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hit = self.cell_at(event.pos().x(), event.pos().y())
            if hit is None:
                QToolTip.hideText()
            else:
                row, column = hit
                title = self._consolidation.aspect_titles[column] if self._consolidation else ""
                value = row.aspects[column] if row.received and column < len(row.aspects) else None
                figure = self.tr("belum mengirim") if not row.received else (
                    self.tr("tidak berlaku") if value is None else decimal_id(value))
                QToolTip.showText(event.globalPos(), f"{row.name}\n{self._aspect_ids()[column]} {title}: {figure}",
                                  self)
            return True
        return super().event(event)
