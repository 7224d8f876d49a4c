"""The live score: headline figure and band, completeness, distance to the next band,
per-aspect bars and a radar chart, with a visible SEMENTARA mark for provisional weights.

``set_result`` is called on every answer change, so it only swaps cached values and texts
(a label is touched only when its text changes) and lets the painted widgets repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from documents.charts import BAR_ROW_SPACING, AspectRow, aspect_rows, paint_aspect_bars
from models.formatting import decimal_id, text_colour_on
from models.instrument import Instrument
from models.provenance import provenance_label
from models.scoring import ScoreResult
from ui.radar_chart import RadarChart


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class AspectBars(QWidget):
    """One painted row per aspect: number and title, a bar, the figure."""

    ROW_SPACING = BAR_ROW_SPACING

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple[tuple[str, float, str, str], ...] = ()  # (title, fraction, figure, color)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.ROW_SPACING

    def set_rows(self, rows) -> None:
        rows = tuple(rows)
        if rows == self._rows:
            return
        resized = len(rows) != len(self._rows)
        self._rows = rows
        if resized:
            self.updateGeometry()
        summary = "\n".join(f"{title}: {figure}" for title, _, figure, _ in rows)
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def rows(self):
        return self._rows

    def sizeHint(self) -> QSize:
        return QSize(260, max(1, len(self._rows)) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(180, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self._rows:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        track = self.palette().mid().color()
        track.setAlpha(70)
        paint_aspect_bars(painter, QRectF(self.rect()), [AspectRow(*row) for row in self._rows],
                          text=self.palette().windowText().color(), track=track)
        painter.end()


class ScorePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._band_color = ""
        self._result: ScoreResult | None = None

        self.title_label = QLabel(self)
        self.sementara_label = QLabel(self.tr("SEMENTARA"), self)
        self.sementara_label.setObjectName("sementara")
        self.sementara_label.setStyleSheet(
            "QLabel#sementara { color: #a04000; border: 2px solid #e67e22; border-radius: 4px;"
            " padding: 1px 6px; font-weight: bold; }")
        self.sementara_label.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.sementara_label, 0, Qt.AlignmentFlag.AlignRight)

        self.headline_label = QLabel("–", self)
        headline_font = QFont(self.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 2.4)
        headline_font.setBold(True)
        self.headline_label.setFont(headline_font)
        self.band_label = QLabel(self)
        band_font = QFont(self.font())
        band_font.setPointSizeF(band_font.pointSizeF() * 1.25)
        band_font.setBold(True)
        self.band_label.setFont(band_font)
        self.band_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # "perkiraan: Menengah" may be wider than a narrow panel: it wraps rather than widening
        # the panel past its column, which would clip every line below it.
        self.band_label.setWordWrap(True)
        headline_row = QHBoxLayout()
        headline_row.addWidget(self.headline_label)
        headline_row.addWidget(self.band_label, 1, Qt.AlignmentFlag.AlignVCenter)
        headline_row.addStretch(1)

        # The one-line reading of the headline ("Nilai 265,0 — III Baik"): for screen readers
        # and the tooltip, not shown twice on screen.
        self.summary_label = QLabel(self)
        self.summary_label.setVisible(False)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.next_band_label = QLabel(self)
        self.next_band_label.setWordWrap(True)

        self.completeness_bar = QProgressBar(self)
        self.completeness_bar.setTextVisible(False)
        self.completeness_bar.setMaximumHeight(10)
        self.completeness_label = QLabel(self)
        self.completeness_label.setWordWrap(True)
        # Both indices once the province's verification result is imported (set_verification).
        self.verification_label = QLabel(self)
        self.verification_label.setObjectName("verificationScore")
        self.verification_label.setWordWrap(True)
        self.verification_label.setVisible(False)

        self.radar = RadarChart(self)
        self.radar.setAccessibleName(self.tr("Grafik radar skor per aspek"))
        self.aspect_bars = AspectBars(self)
        self.aspect_bars.setAccessibleName(self.tr("Skor per aspek"))
        aspects_title = QLabel(self.tr("Per aspek"), self)
        aspects_title.setStyleSheet("font-weight: bold;")

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        # Inside a scroll area: a host that squeezes the panel gets a scroll bar, never clipped rows.
        body = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(headline_row)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.next_band_label)
        layout.addWidget(self.completeness_bar)
        layout.addWidget(self.completeness_label)
        layout.addWidget(self.verification_label)
        layout.addWidget(line)
        layout.addWidget(self.radar, 1)
        layout.addWidget(aspects_title)
        layout.addWidget(self.aspect_bars)
        self._scroll = scroll
        self.clear()

    RADAR_MIN_HEIGHT = 120

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The bars carry every figure; the radar repeats them as a picture. When the panel
        is too short for both (a laptop at 125 %), the radar gives way, never the bars."""
        super().resizeEvent(event)
        self._fit_radar()

    def _fit_radar(self) -> None:
        body = self._scroll.widget()
        without_radar = body.layout().sizeHint().height() - (self.radar.sizeHint().height()
                                                             if self.radar.isVisible() else 0)
        # The viewport's height as laid out (no frame, no horizontal scroll bar), read from the
        # scroll area: asking for the viewport widget itself would make PySide load a Python type
        # for every widget class on the first frame (some 8 ms), and while the panel is hidden
        # its geometry is not laid out yet.
        viewport_height = self._scroll.maximumViewportSize().height()
        self.radar.setVisible(viewport_height - without_radar >= self.RADAR_MIN_HEIGHT)

    # --- public ------------------------------------------------------------------------

    def result(self) -> ScoreResult | None:
        return self._result

    def set_verification(self, text: str) -> None:
        """The province's verified index beside the self-assessed one (empty: hidden)."""
        self.verification_label.setText(text)
        self.verification_label.setVisible(bool(text))

    def clear(self) -> None:
        self._result = None
        _set_text(self.title_label, self.tr("Skor"))
        _set_text(self.headline_label, "–")
        _set_text(self.band_label, "")
        self._set_band_color("")
        for label in (self.summary_label, self.detail_label, self.next_band_label, self.completeness_label):
            _set_text(label, "")
        _set_text(self.completeness_label, self.tr("Belum ada penilaian yang dibuka."))
        self.completeness_bar.setValue(0)
        self.sementara_label.setVisible(False)
        self.radar.set_values((), ())
        self.aspect_bars.set_rows(())

    def set_result(self, result: ScoreResult, instrument: Instrument) -> None:
        self._result = result
        places = instrument.precision
        headline = decimal_id(result.index, places)
        # Predikat only on NISM (and the legacy nilai); maturity alone shows an estimate named as one.
        if result.band is not None:
            band = result.band.display
            if result.nism_negative:
                band += " ⚠"
        else:
            band = self.tr("perkiraan: {band}").format(band=result.band_estimate.display)
        _set_text(self.headline_label, headline)
        _set_text(self.band_label, band)
        self._set_band_color(result.shown_band.color)
        basis = instrument.bands_basis
        band_tip = (self.tr("Pita predikat: {kind} — {source}").format(kind=provenance_label(basis.provenance),
                                                                       source=basis.source)
                    if basis.provenance else "")
        if self.band_label.toolTip() != band_tip:
            self.band_label.setToolTip(band_tip)

        if result.headline_kind == "nilai":
            title = instrument.headline_label or self.tr("Nilai")
            _set_text(self.title_label, title)
            _set_text(self.summary_label, self.tr("Nilai {nilai} — {band}").format(nilai=headline, band=band))
            low, high = result.index_range
            detail = self.tr("Skala {low}–{high}").format(low=decimal_id(low, 0), high=decimal_id(high, 0))
        elif result.headline_kind == "nism":
            _set_text(self.title_label, self.tr("Indeks Sistem Merit (NISM)"))
            _set_text(self.summary_label, self.tr("NISM {nism} — {band}").format(nism=headline, band=band))
            detail = self.tr("Maturitas M {m} · survei S {s} · koreksi k {k}").format(
                m=decimal_id(result.maturity, places), s=decimal_id(result.survey, places),
                k=decimal_id(result.correction or 0.0, places))
            if result.nism_negative:
                detail += "\n" + self.tr("NISM negatif: koreksi k melebihi nilai lainnya; berada di bawah "
                                         "semua pita predikat.")
        else:
            _set_text(self.title_label, self.tr("Maturitas (M)"))
            _set_text(self.summary_label, self.tr(
                "Maturitas {m} — perkiraan predikat bila nilai survei sama dengan maturitas: {band}").format(
                m=headline, band=result.band_estimate.display))
            detail = self.tr("NISM: menunggu nilai survei. Predikat hanya berlaku untuk NISM; "
                             "warna menunjukkan perkiraan.")
            if result.correction_waiting:
                detail += "\n" + self.tr("Koreksi k {k} menunggu nilai survei S (belum diterapkan).").format(
                    k=decimal_id(result.correction, places))
        _set_text(self.detail_label, detail)
        summary = self.summary_label.text()
        if self.headline_label.toolTip() != summary:
            self.headline_label.setToolTip(summary)
            self.headline_label.setAccessibleName(summary)

        if result.next_band is None:
            next_text = self.tr("Sudah berada di pita tertinggi.")
        else:
            if result.headline_kind == "nilai":
                template = self.tr("Kurang {missing} poin lagi menuju {band} (mulai {minimum})")
            elif result.band_is_estimate:
                template = self.tr("Kurang {missing} lagi menuju perkiraan {band} (mulai {minimum})")
            else:
                template = self.tr("Kurang {missing} lagi menuju {band} (mulai {minimum})")
            next_text = template.format(
                missing=decimal_id(result.next_band.missing, places), band=result.next_band.label,
                minimum=decimal_id(result.next_band.min, places))
        _set_text(self.next_band_label, next_text)

        unanswered = len(result.unanswered)
        self.completeness_bar.setMaximum(max(1, result.applicable))
        self.completeness_bar.setValue(result.answered)
        completeness = self.tr("{answered} dari {applicable} butir yang berlaku sudah dijawab").format(
            answered=result.answered, applicable=result.applicable)
        if unanswered:
            completeness += self.tr(" ({count} belum)").format(count=unanswered)
        if result.not_applicable:
            completeness += self.tr("; {count} tidak berlaku").format(count=len(result.not_applicable))
        tip = self.tr("Butir yang belum dijawab dihitung di tingkat terendah, jadi skor ini batas bawah yang "
                      "hanya bisa naik. Butir yang tidak berlaku tidak dihitung.") if unanswered else ""
        if self.completeness_label.toolTip() != tip:
            self.completeness_label.setToolTip(tip)
        _set_text(self.completeness_label, completeness)

        self.sementara_label.setVisible(result.provisional)
        if result.provisional:
            numbers = [str(a.number) for a in instrument.aspects if a.id in result.provisional_aspects]
            tip = self.tr(
                "Bobot aspek {aspects} belum resmi: dipakai bobot sementara (bagian sama dari sisa bobot) "
                "sampai lampiran resmi terbit. Angka ini perkiraan, bukan nilai resmi.").format(
                aspects=", ".join(numbers))
            if self.sementara_label.toolTip() != tip:
                self.sementara_label.setToolTip(tip)

        self._set_aspects(result, instrument)

    # --- internals -----------------------------------------------------------------------

    def _set_band_color(self, color: str) -> None:
        if color == self._band_color:
            return
        self._band_color = color
        if color:
            self.band_label.setStyleSheet(
                f"QLabel {{ background: {color}; color: {text_colour_on(color)}; border-radius: 6px;"
                " padding: 2px 10px; }")
        else:
            self.band_label.setStyleSheet("")

    def _set_aspects(self, result: ScoreResult, instrument: Instrument) -> None:
        rows = aspect_rows(result, instrument, not_applicable=self.tr("tidak berlaku"))
        self.aspect_bars.set_rows((row.title, row.fraction, row.figure, row.color) for row in rows)
        self.radar.set_values([str(a.number) for a in result.aspects], [row.fraction for row in rows],
                              result.shown_band.color)
        if self.radar.toolTip() != self.aspect_bars.toolTip():  # the numbers on the axes, spelled out
            self.radar.setToolTip(self.aspect_bars.toolTip())
