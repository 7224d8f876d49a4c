"""The legacy history chart paints each recorded year at its nilai over the category bands."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.legacy_history_chart import HistoryPoint, LegacyHistoryChart


def _has_colour_near(image, color: QColor, tolerance: int = 30) -> bool:
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - color.red()) < tolerance and abs(pixel.green() - color.green()) < tolerance
                    and abs(pixel.blue() - color.blue()) < tolerance):
                return True
    return False


def test_points_are_drawn_in_their_category_colour(qtbot):
    chart = LegacyHistoryChart()
    qtbot.addWidget(chart)
    chart.resize(420, 240)
    chart.set_points([HistoryPoint(2023, 268.5, "III Baik"), HistoryPoint(2021, 160.5, "I Buruk")])
    assert [p.year for p in chart.points()] == [2021, 2023]
    assert "268,5" in chart.toolTip()
    image = chart.grab().toImage()
    assert _has_colour_near(image, QColor("#c0392b"))  # the Buruk point
    assert _has_colour_near(image, QColor("#27ae60"))  # the Baik point


def test_empty_history_says_so(qtbot):
    chart = LegacyHistoryChart()
    qtbot.addWidget(chart)
    chart.resize(300, 180)
    chart.set_points([])
    assert chart.grab().toImage().width() == 300
