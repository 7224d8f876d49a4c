"""The score panel shows what the engine computes, marks provisional results, paints a radar."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtGui import QColor

from models.formatting import decimal_id
from models.instrument import load_instrument_bytes
from models.scoring import score
from ui.radar_chart import RadarChart
from ui.score_panel import ScorePanel


@pytest.fixture
def panel(qtbot):
    widget = ScorePanel()
    qtbot.addWidget(widget)
    widget.resize(380, 720)
    widget.show()
    return widget


def _answers(instrument, level_of):
    return {item.id: level_of(position) for position, item in enumerate(instrument.applicable_items({}))}


def _colour_pixels(image, color: QColor, tolerance: int = 24) -> int:
    count = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - color.red()) <= tolerance and abs(pixel.green() - color.green()) <= tolerance
                    and abs(pixel.blue() - color.blue()) <= tolerance):
                count += 1
    return count


@pytest.mark.parametrize(
    ("level_of", "survey", "correction"),
    [
        (lambda i: None, None, None),  # nothing answered: the floor
        (lambda i: i % 5, None, None),  # mixed, maturity only
        (lambda i: 4 if i % 2 else 3, None, None),
        (lambda i: i % 5, 0.7, 0.05),  # NISM with survey and correction
        (lambda i: 4, 1.0, None),  # top band
    ],
)
def test_panel_shows_the_engine_figures(panel, instrument, level_of, survey, correction):
    answers = {k: v for k, v in _answers(instrument, level_of).items() if v is not None}
    result = score(instrument, {}, answers, survey=survey, correction=correction)
    panel.set_result(result, instrument)

    assert panel.headline_label.text() == decimal_id(result.index, instrument.precision)
    assert result.shown_band.color in panel.band_label.styleSheet()
    if survey is None:
        assert result.headline_kind == "maturity"
        # never the predikat itself for maturity alone: the estimate, named as one
        assert panel.band_label.text() == f"perkiraan: {result.band_estimate.display}"
        assert "perkiraan predikat bila nilai survei sama dengan maturitas" in panel.summary_label.text()
        assert "NISM: menunggu nilai survei" in panel.detail_label.text()
    else:
        assert result.headline_kind == "nism"
        assert panel.band_label.text() == result.band.display
        assert decimal_id(result.maturity, 2) in panel.detail_label.text()
        assert "NISM" in panel.title_label.text()
    assert f"{result.answered} dari {result.applicable} butir" in panel.completeness_label.text()
    if result.unanswered:
        assert f"({len(result.unanswered)} belum)" in panel.completeness_label.text()
        assert "tingkat terendah" in panel.completeness_label.toolTip()
    if result.next_band is None:
        assert "tertinggi" in panel.next_band_label.text()
    else:
        assert decimal_id(result.next_band.missing, 2) in panel.next_band_label.text()
        assert result.next_band.label in panel.next_band_label.text()
    figures = [row[2] for row in panel.aspect_bars.rows()]
    assert figures == [decimal_id(a.score, 2) if a.score is not None else "tidak berlaku" for a in result.aspects]
    assert panel.radar.values() == tuple(a.score or 0.0 for a in result.aspects)


def test_legacy_weighted_sum_shows_points_and_category(panel, legacy_instrument):
    answers = {item.id: 3 if position % 3 else 2 for position, item in enumerate(legacy_instrument.items)}
    result = score(legacy_instrument, {}, answers)
    panel.set_result(result, legacy_instrument)

    nilai = decimal_id(result.index, legacy_instrument.precision)
    assert panel.headline_label.text() == nilai
    assert panel.summary_label.text() == f"Nilai {nilai} — {result.band.display}"
    assert result.band.roman in panel.band_label.text()
    rows = panel.aspect_bars.rows()
    assert [row[2] for row in rows] == [
        f"{decimal_id(a.score, 1)}/{decimal_id(a.max_score, 0)}" for a in result.aspects]
    assert not panel.sementara_label.isVisible()  # every fixture weight is official
    missing = decimal_id(result.next_band.missing, legacy_instrument.precision)
    assert f"Kurang {missing} poin lagi menuju {result.next_band.label}" in panel.next_band_label.text()


def test_sementara_visible_exactly_when_provisional(panel, instrument):
    answers = _answers(instrument, lambda i: 2)
    provisional = score(instrument, {}, answers)
    assert provisional.provisional
    panel.set_result(provisional, instrument)
    assert panel.sementara_label.isVisible()
    assert "2, 3, 4, 5, 6, 7" in panel.sementara_label.toolTip()

    raw = json.loads(instrument.path.read_bytes())
    for aspect in raw["aspects"]:
        aspect["weight_status"] = "official"
    official_instrument = load_instrument_bytes(json.dumps(raw).encode("utf-8"), origin="official-test")
    official = score(official_instrument, {}, answers)
    assert not official.provisional
    panel.set_result(official, official_instrument)
    assert not panel.sementara_label.isVisible()

    panel.set_result(provisional, instrument)
    assert panel.sementara_label.isVisible()
    panel.clear()
    assert not panel.sementara_label.isVisible()
    assert panel.headline_label.text() == "–"


def test_radar_paints_polygon_in_band_colour(qtbot, instrument):
    result = score(instrument, {}, _answers(instrument, lambda i: 3))
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.resize(260, 260)
    chart.set_values([str(a.number) for a in result.aspects], [a.score for a in result.aspects],
                     result.shown_band.color)
    image = chart.grab().toImage()
    assert _colour_pixels(image, QColor(result.shown_band.color)) > 20

    empty = RadarChart()
    qtbot.addWidget(empty)
    empty.resize(260, 260)
    empty.set_values([str(a.number) for a in result.aspects], [0.0] * len(result.aspects), result.shown_band.color)
    assert _colour_pixels(empty.grab().toImage(), QColor(result.shown_band.color)) < _colour_pixels(
        image, QColor(result.shown_band.color))



# PySide6 releases that drop a reference to None on every call of a void method (setText,
# setVisible, update, ...) under Python 3.11, so a long session ends in "Fatal Python error:
# none_dealloc". The bundle is built with Python 3.11: these must never be installed.
PYSIDE6_DROPPING_NONE = {"6.12.0"}
NONE_IS_IMMORTAL = sys.version_info >= (3, 12)  # PEP 683


def test_installed_pyside6_is_not_a_release_that_drops_none():
    import PySide6

    assert PySide6.__version__ not in PYSIDE6_DROPPING_NONE, (
        f"PySide6 {PySide6.__version__} drops references to None on Python 3.11; pin another release")


@pytest.mark.skipif(NONE_IS_IMMORTAL, reason=(
    "None is immortal from Python 3.12 on (PEP 683): lost references cannot free it, and its "
    "reference count no longer measures them (abi3 extensions still move it); "
    "test_installed_pyside6_is_not_a_release_that_drops_none guards the pin there"))
def test_repeated_updates_do_not_drop_references_to_none(panel, instrument):
    """Guards the Qt binding where None can die (Python 3.11, the version the bundle ships):
    PySide6 6.12.0 drops a reference to None on every void call; 6.11.3 does not. The live
    score calls such methods on every answer change, so this is where the app would die first."""
    results = [score(instrument, {}, _answers(instrument, lambda i, shift=shift: (i + shift) % 5))
               for shift in range(5)]
    panel.set_result(results[-1], instrument)
    before = sys.getrefcount(None)
    for position in range(40):
        panel.set_result(results[position % len(results)], instrument)
    lost = before - sys.getrefcount(None)
    assert lost < 40, f"{lost} references to None lost in 40 updates: Qt binding refcount bug"


def test_a_narrow_panel_wraps_the_estimate_instead_of_clipping_what_follows(panel, instrument, qtbot):
    # Without S the band reads "perkiraan: Menengah"; in the 1366x768-at-125 % column the
    # panel is narrow. Nothing may make its body wider than its view: that clipped every line.
    from PySide6.QtWidgets import QScrollArea

    panel.set_result(score(instrument, {}, _answers(instrument, lambda position: 3)), instrument)
    panel.resize(240, 720)
    qtbot.wait(10)
    view = panel.findChild(QScrollArea)
    assert "perkiraan" in panel.band_label.text()
    assert view.widget().minimumSizeHint().width() <= view.viewport().width()


def test_the_radar_gives_way_on_a_short_panel_and_comes_back(panel, instrument, qtbot):
    """The radar's room is measured on the scroll area (issue 17: not on its viewport widget,
    which PySide would load every widget class for); that measure is the viewport's height."""
    from PySide6.QtWidgets import QScrollArea

    panel.set_result(score(instrument, {}, _answers(instrument, lambda position: 3)), instrument)
    view = panel.findChild(QScrollArea)
    qtbot.waitUntil(lambda: panel.radar.isVisible())
    assert view.maximumViewportSize().height() == view.viewport().height()
    panel.resize(380, 300)
    qtbot.waitUntil(lambda: not panel.radar.isVisible())
    assert view.maximumViewportSize().height() == view.viewport().height()
    panel.resize(380, 720)
    qtbot.waitUntil(lambda: panel.radar.isVisible())
