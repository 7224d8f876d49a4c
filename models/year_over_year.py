"""Year over year: each item and aspect against last year's assessment, and the office's
history across both scales (the legacy KASN 100–400 results and the current index).

Qt-free; the GUI's item editor and score panel, the PDF report and the CLI read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.scoring import ScoreResult
from models.store import InstrumentUnavailable, Store, legacy_scale
from models.tables import Assessment, Office


@dataclass(frozen=True)
class Change:
    """A figure this year against the year before."""

    previous: float | None
    current: float | None

    @property
    def delta(self) -> float | None:
        if self.previous is None or self.current is None:
            return None
        return round(self.current - self.previous, 6)


@dataclass(frozen=True)
class YearComparison:
    """This assessment against the office's assessment of an earlier year."""

    previous_year: int
    previous_revision: int
    previous_status: str
    headline: Change
    headline_kind_previous: str
    aspects: dict[str, Change]  # aspect id -> maturity (or points) change
    items: dict[str, Change]  # item id -> level change; None where it was unanswered or did not apply

    def item_delta(self, item_id: str) -> float | None:
        change = self.items.get(item_id)
        return change.delta if change else None


def previous_assessment(store: Store, assessment: Assessment) -> Assessment | None:
    """The office's assessment of the nearest earlier year: its latest final revision, else
    its latest revision (a draft is better than nothing, and the caller shows its status)."""
    earlier = (Assessment.select()
               .where((Assessment.office == assessment.office) & (Assessment.year < assessment.year))
               .order_by(Assessment.year.desc(), Assessment.revision.desc()))
    rows = list(earlier)
    if not rows:
        return None
    year = rows[0].year
    same_year = [row for row in rows if row.year == year]
    finals = [row for row in same_year if row.status == Assessment.FINAL]
    return (finals or same_year)[0]


def counted_levels(store: Store, assessment: Assessment) -> dict[str, int]:
    """The levels the engine counted for each item. A final revision whose own instrument is
    not at hand is never re-scored with another release: its recorded levels stand as they are."""
    try:
        instrument = store.instrument_of(assessment)
    except InstrumentUnavailable:
        return {item_id: level for item_id, level in store.recorded_levels(assessment).items() if level is not None}
    return instrument.counted_levels(assessment.gates, store.recorded_levels(assessment))


def _counted(store: Store, assessment: Assessment) -> tuple[ScoreResult, dict[str, int]]:
    return store.score(assessment), counted_levels(store, assessment)


def compare_with_previous(store: Store, assessment: Assessment) -> YearComparison | None:
    """``None`` when the office has no earlier assessment."""
    previous = previous_assessment(store, assessment)
    if previous is None:
        return None
    now_result, now_levels = _counted(store, assessment)
    then_result, then_levels = _counted(store, previous)
    then_aspects = {aspect.id: aspect.score for aspect in then_result.aspects}
    aspects = {aspect.id: Change(then_aspects.get(aspect.id), aspect.score) for aspect in now_result.aspects}
    try:
        item_ids = [item.id for item in store.instrument_of(assessment).items]
    except InstrumentUnavailable:
        item_ids = sorted(set(now_levels) | set(then_levels))
    items = {}
    for item_id in item_ids:
        before, after = then_levels.get(item_id), now_levels.get(item_id)
        if before is not None or after is not None:
            items[item_id] = Change(before, after)
    return YearComparison(
        previous_year=previous.year, previous_revision=previous.revision, previous_status=previous.status,
        headline=Change(then_result.index, now_result.index), headline_kind_previous=then_result.headline_kind,
        aspects=aspects, items=items)


def signed(delta: float | None, places: int = 2) -> str:
    """``+0,05`` / ``−0,10`` / ``±0`` / ``–`` (no comparison): how a change is printed."""
    from models.formatting import decimal_id

    if delta is None:
        return "–"
    if abs(delta) < 0.5 * 10 ** -places:
        return "±0"
    return ("+" if delta > 0 else "−") + decimal_id(abs(delta), places)


# --- the history across both scales -------------------------------------------------------------

@dataclass(frozen=True)
class HistoryEntry:
    """One year's result in an office's history."""

    year: int
    scale: str  # "kasn-100-400" (past official results) | the instrument id (this app's assessments)
    value: float
    label: str  # category ("III Baik"), predikat ("Menengah") or, on maturity, "perkiraan Menengah"
    color: str
    headline_kind: str = ""  # "nism" | "maturity" for the index
    provisional: bool = False
    status: str = ""


LEGACY_SCALE = "kasn-100-400"


def office_history(store: Store, office: Office) -> list[HistoryEntry]:
    """Every year the office has a figure for, oldest first: the legacy official results,
    then per year the latest final (else latest) revision of its assessment on this app's
    instrument. Two scales: callers chart them apart and say which is which."""
    scale = legacy_scale()
    entries = []
    for row in store.legacy_results(office):
        band = scale.category_for(row.nilai)
        entries.append(HistoryEntry(row.year, LEGACY_SCALE, row.nilai, row.category, band["color"]))
    by_year: dict[int, Assessment] = {}
    for assessment in Assessment.select().where(Assessment.office == office).order_by(
            Assessment.year, Assessment.revision):
        chosen = by_year.get(assessment.year)
        if chosen is None or assessment.status == Assessment.FINAL or chosen.status != Assessment.FINAL:
            by_year[assessment.year] = assessment
    for year, assessment in sorted(by_year.items()):
        result = store.score(assessment)
        # Maturity without S has no predikat: its label names the estimate as one.
        label = result.band.label if result.band is not None else f"perkiraan {result.band_estimate.label}"
        entries.append(HistoryEntry(year, assessment.instrument_id, result.index, label,
                                    result.shown_band.color, result.headline_kind, result.provisional,
                                    assessment.status))
    return entries
