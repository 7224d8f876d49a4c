"""The scoring engine, driven entirely by the instrument's ``scoring`` rules.

Two models:

* ``maturity_index`` (PermenPANRB 19/2025): aspect maturity = mean of the applicable
  items' (level - min) / (max - min); maturity M = sum of aspect weight x aspect maturity;
  NISM = maturity_share x M + survey_share x S - k, when the survey figure S is known.
  The headline is NISM when S is known, else M (``headline_kind`` says which).
  Predikat bands are defined on NISM only: without S the result carries no ``band`` but a
  ``band_estimate`` (the predikat NISM would have if S equalled M and k were 0), and k
  waits for S (``correction_waiting``).
* ``weighted_sum`` (legacy KASN): nilai = sum of item weight x level (100-400 when the
  weights sum to 100); an aspect's sub-score is the sum over its items.

Unanswered applicable items are counted at the lowest level *and listed* in
``unanswered``, so the figure is a floor that only rises as the office answers. Gated-out
items are ``not_applicable``: excluded, never counted as level 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from models.formatting import clip, quote_short
from models.instrument import Band, Instrument, round_half_up
from models.texts import CodedError, Said


class ScoringInputError(CodedError, ValueError):
    """Invalid input to the engine; ``entry`` names the offending key, ``problem`` is a code of
    ``models.texts`` (with its ``params``)."""

    def __init__(self, entry: str, problem: str, **params):
        super().__init__(code="scoring_input", entry=entry, problem=Said(problem, **params))
        self.entry = entry


@dataclass(frozen=True)
class AspectScore:
    """One aspect's score and weight within a result."""

    id: str
    number: int
    title: str
    weight: float
    provisional: bool
    score: float | None  # maturity 0..1, or points for weighted_sum; None when no item applies
    max_score: float
    answered: int
    applicable: int


@dataclass(frozen=True)
class NextBand:
    """The next band up and how much the index still lacks to reach it."""

    code: str
    label: str
    min: float
    missing: float


@dataclass(frozen=True)
class NotApplicable:
    """An item that does not apply, and the gate answer that says so."""

    item_id: str
    gate: str
    value: str


@dataclass(frozen=True)
class ScoreResult:
    """What the engine computes for one assessment: the index, its band and every aspect."""

    instrument_id: str
    instrument_sha256: str
    model: str
    headline_kind: str  # "nism" | "maturity" | "nilai"
    index: float
    index_range: tuple[float, float]
    band: Band | None  # the predikat, only on a figure it is defined on (NISM, legacy nilai)
    next_band: NextBand | None
    aspects: tuple[AspectScore, ...]
    answered: int
    applicable: int
    unanswered: tuple[str, ...]
    not_applicable: tuple[NotApplicable, ...]
    provisional: bool
    provisional_aspects: tuple[str, ...]
    maturity: float | None = None
    nism: float | None = None
    survey: float | None = None
    correction: float | None = None
    gates: Mapping[str, str] = field(default_factory=dict)
    # Maturity alone has no predikat: this is the one NISM would have if S = M and k = 0,
    # always shown as an estimate ("perkiraan"), never as the predikat.
    band_estimate: Band | None = None
    correction_waiting: bool = False  # k was given but S is missing: k is not applied yet
    nism_negative: bool = False  # k exceeded the rest: below every band, shown flagged

    @property
    def shown_band(self) -> Band:
        """The band whose colour a surface paints: the predikat, else the estimate."""
        return self.band if self.band is not None else self.band_estimate

    @property
    def band_is_estimate(self) -> bool:
        return self.band is None and self.band_estimate is not None

    def aspect(self, aspect_id: str) -> AspectScore:
        return next(aspect for aspect in self.aspects if aspect.id == aspect_id)

    @property
    def complete(self) -> bool:
        return not self.unanswered

    @property
    def completeness(self) -> float:
        return self.answered / self.applicable if self.applicable else 1.0

    @classmethod
    def from_dict(cls, data: Mapping) -> ScoreResult:
        """A result as ``to_dict`` wrote it (the scores stored at finalizing), to show a
        final revision whose instrument is not at hand without re-scoring it."""
        def band(raw):
            return Band(**raw) if raw else None

        predikat, estimate = band(data.get("band")), band(data.get("band_estimate"))
        if data["headline_kind"] == "maturity" and estimate is None:
            # Written before maturity lost its predikat: that band was M's own, i.e. the estimate.
            predikat, estimate = None, predikat
        return cls(
            instrument_id=data["instrument_id"], instrument_sha256=data["instrument_sha256"], model=data["model"],
            headline_kind=data["headline_kind"], index=data["index"], index_range=tuple(data["index_range"]),
            band=predikat,
            next_band=NextBand(**data["next_band"]) if data.get("next_band") else None,
            aspects=tuple(AspectScore(**aspect) for aspect in data["aspects"]),
            answered=data["answered"], applicable=data["applicable"], unanswered=tuple(data["unanswered"]),
            not_applicable=tuple(NotApplicable(**entry) for entry in data["not_applicable"]),
            provisional=data["provisional"], provisional_aspects=tuple(data["provisional_aspects"]),
            maturity=data.get("maturity"), nism=data.get("nism"), survey=data.get("survey"),
            correction=data.get("correction"), gates=dict(data.get("gates") or {}),
            band_estimate=estimate, correction_waiting=data.get("correction_waiting", False),
            nism_negative=data.get("nism_negative", False),
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        data["index_range"] = list(self.index_range)
        data["complete"] = self.complete
        data["completeness"] = round(self.completeness, 6)
        data["gates"] = dict(self.gates)
        data["unanswered"] = list(self.unanswered)
        data["provisional_aspects"] = list(self.provisional_aspects)
        return data


# Raw figures are rounded to this many places so that a figure recomputed elsewhere
# (the province, an independent verifier) compares equal despite float summation order.
STORED_PLACES = 6


def validate_inputs(
    instrument: Instrument,
    gates: Mapping[str, str] | None,
    answers: Mapping[str, object],
    survey: object = None,
    correction: object = None,
) -> dict[str, str]:
    """Check gates, answers, S and k; return the resolved gates or raise ScoringInputError."""
    for gate_id, value in (gates or {}).items():
        try:
            gate = instrument.gate(gate_id)
        except KeyError:
            raise ScoringInputError(f"gates.{clip(gate_id)}", "input_unknown_gate") from None
        if not isinstance(value, str) or value not in gate.values:
            raise ScoringInputError(f"gates.{gate_id}", "input_bad_gate_value", value=quote_short(value),
                                    choices=", ".join(gate.values))
    resolved = instrument.resolve_gates(gates)
    for item_id, level in answers.items():
        if not instrument.has_item(item_id):
            raise ScoringInputError(f"answers.{clip(item_id)}", "input_unknown_item")
        if level is None:
            continue
        if isinstance(level, bool) or not isinstance(level, int):
            raise ScoringInputError(f"answers.{item_id}", "input_level_not_int", value=quote_short(level))
        if not instrument.in_scale(level):
            raise ScoringInputError(f"answers.{item_id}", "input_level_out_of_range", level=level,
                                    low=instrument.scale_min, high=instrument.scale_max)
        item = instrument.item(item_id)
        if not item.applies(resolved):
            condition = item.applies_when
            raise ScoringInputError(f"answers.{item_id}", "input_item_gated_out", gate=condition.gate,
                                    value=resolved.get(condition.gate))
    for name, value, low, high in (("survey", survey, 0.0, 1.0), ("correction", correction, 0.0, 1.0)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise ScoringInputError(name, "input_fraction", low=f"{low:g}", high=f"{high:g}", value=quote_short(value))
    return resolved


def score(
    instrument: Instrument,
    gates: Mapping[str, str] | None,
    answers: Mapping[str, int | None],
    survey: float | None = None,
    correction: float | None = None,
) -> ScoreResult:
    """Score ``answers`` (item id -> level) under ``gates``; raises ScoringInputError."""
    resolved = validate_inputs(instrument, gates, answers, survey, correction)
    span = instrument.scale_max - instrument.scale_min
    aspect_scores: list[AspectScore] = []
    unanswered: list[str] = []
    not_applicable: list[NotApplicable] = []
    answered_count = applicable_count = 0
    weighted_total = 0.0
    weight_in_use = 0.0

    for aspect in instrument.aspects:
        levels: list[tuple[float, float | None]] = []  # (level, item weight)
        aspect_answered = 0
        for item in aspect.items:
            if not item.applies(resolved):
                not_applicable.append(
                    NotApplicable(item.id, item.applies_when.gate, resolved[item.applies_when.gate])
                )
                continue
            level = answers.get(item.id)
            if level is None:
                unanswered.append(item.id)
                level = instrument.scale_min
            else:
                aspect_answered += 1
            levels.append((level, item.weight))
        answered_count += aspect_answered
        applicable_count += len(levels)

        if instrument.model == "maturity_index":
            if levels:
                maturity = sum((lv - instrument.scale_min) / span for lv, _ in levels) / len(levels)
                weighted_total += aspect.weight * maturity
                weight_in_use += aspect.weight
                sub_score: float | None = round(maturity, STORED_PLACES)
            else:
                sub_score = None
            max_score = 1.0
        else:
            sub_score = round(sum(lv * (w or 0.0) for lv, w in levels), STORED_PLACES)
            max_score = sum((w or 0.0) * instrument.scale_max for _, w in levels)
            weighted_total += sub_score
        aspect_scores.append(
            AspectScore(
                id=aspect.id,
                number=aspect.number,
                title=aspect.title,
                weight=aspect.weight,
                provisional=aspect.provisional,
                score=sub_score,
                max_score=max_score,
                answered=aspect_answered,
                applicable=len(levels),
            )
        )

    maturity = nism = None
    if instrument.model == "maturity_index":
        # An aspect with no applicable item drops out and the others keep their proportions.
        maturity = round(weighted_total / weight_in_use if weight_in_use else 0.0, STORED_PLACES)
        if survey is not None:
            nism = round(
                instrument.maturity_share * maturity + instrument.survey_share * survey - (correction or 0.0),
                STORED_PLACES,
            )
        headline_kind = "nism" if nism is not None else "maturity"
        index = nism if nism is not None else maturity
    else:
        headline_kind = "nilai"
        index = round(weighted_total, STORED_PLACES)

    band_estimate = None
    if headline_kind == "maturity":
        estimate_value = (instrument.maturity_share + instrument.survey_share) * maturity
        band_estimate = instrument.band_for(estimate_value)
        band = None
        reference, reference_value = band_estimate, estimate_value
    else:
        band = instrument.band_for(index)
        reference, reference_value = band, index
    upper = instrument.next_band(reference)
    next_band = None
    if upper is not None:
        missing = round_half_up(upper.min - round_half_up(reference_value, instrument.precision),
                                instrument.precision)
        next_band = NextBand(upper.code, upper.label, upper.min, missing)
    provisional_aspects = tuple(a.id for a in instrument.aspects if a.provisional)

    return ScoreResult(
        instrument_id=instrument.id,
        instrument_sha256=instrument.sha256,
        model=instrument.model,
        headline_kind=headline_kind,
        index=index,
        index_range=instrument.index_range,
        band=band,
        next_band=next_band,
        aspects=tuple(aspect_scores),
        answered=answered_count,
        applicable=applicable_count,
        unanswered=tuple(unanswered),
        not_applicable=tuple(not_applicable),
        provisional=bool(provisional_aspects),
        provisional_aspects=provisional_aspects,
        maturity=maturity,
        nism=nism,
        survey=survey,
        correction=correction,
        gates=resolved,
        band_estimate=band_estimate,
        correction_waiting=correction is not None and survey is None and instrument.model == "maturity_index",
        nism_negative=nism is not None and nism < 0,
    )


def score_recorded(
    instrument: Instrument,
    gates: Mapping[str, str] | None,
    levels: Mapping[str, int | None],
    survey: float | None = None,
    correction: float | None = None,
) -> ScoreResult:
    """Score an assessment's recorded answers, whoever holds them (the office's store and
    session, a package being verified, the province's consolidation): only the levels that
    ``Instrument.counted_levels`` picks count."""
    return score(instrument, gates, instrument.counted_levels(gates, levels), survey=survey, correction=correction)
