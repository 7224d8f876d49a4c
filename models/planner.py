"""The improvement planner: the fewest level raises that bring the headline to a target.

The headline is what the office sees: NISM = maturity_share·M + survey_share·S − k when the
survey figure S is known, else the maturity M (the plan says which). One *raise* is +1
level on one item; unanswered items count at the lowest level, as in the engine.

Why taking raises in descending gain is optimal (maturity model)::

    M = Σ_a w_a · (1/n_a) Σ_{i∈a} (level_i − min)/span  /  W        (W = Σ weights of aspects
                                                                      with an applicable item)

M is linear in every level, so one raise of any item in aspect a adds exactly
g_a = w_a / (W · span · n_a) to M (and share · g_a to NISM), whatever the item's level:
gains never depend on earlier raises. A plan of r raises therefore gains the sum of r
unit gains drawn from the multiset that holds g_a once per available raise (max − level
of every item in a that the office did not mark "sulit tahun ini"). The r largest
elements of that multiset bound every such sum, and the greedy plan takes exactly them,
so if any plan of r raises reaches the target, the greedy one of r raises does too: the
first r at which greedy reaches it is the minimum. (The weighted-sum model is the same
with g_i = item weight.) ``tests/test_planner.py`` checks it by brute force.

Within one gain the planner spreads raises (lowest current level first): the same count,
and one step up on several items is usually easier than several steps on one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from models.formatting import decimal_id
from models.instrument import Instrument, round_half_up
from models.scoring import ScoreResult, score_recorded
from models.texts import CodedError, Said

REACHED = "reached"
ALREADY = "already_reached"
UNREACHABLE = "unreachable"


class TargetError(CodedError, ValueError):
    """The target text is neither a predikat of the instrument nor a number in range."""


@dataclass(frozen=True)
class Target:
    value: float  # threshold on the headline, judged at the instrument's precision
    label: str  # "Tinggi" or "0,81"
    band_code: str | None = None


def parse_target(instrument: Instrument, text: str) -> Target:
    """A predikat (``Tinggi``, by label or code, any case) or a number (``0,81`` or ``0.81``)."""
    cleaned = text.strip()
    for band in instrument.bands:
        if cleaned.casefold() in (band.label.casefold(), band.code.casefold(), band.display.casefold()):
            return Target(band.min, band.label, band.code)
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        names = ", ".join(band.label for band in instrument.bands)
        raise TargetError(code="planner_bad_target", text=text, names=names) from None
    low, high = instrument.index_range
    if not low <= value <= high + 1.0:
        raise TargetError(f"Target {text} di luar rentang indeks {decimal_id(low)}–{decimal_id(high)}.")
    return Target(value, decimal_id(value, instrument.precision))


@dataclass(frozen=True)
class PlanStep:
    item_id: str
    aspect_id: str
    from_level: int
    to_level: int
    gain: float  # what this raise adds to the headline
    value_after: float  # the headline after this step (engine figure)
    descriptor: str  # what the new level requires
    evidence: tuple[str, ...]  # the evidence the instrument expects for the item

    def to_dict(self) -> dict:
        return {"item_id": self.item_id, "aspect_id": self.aspect_id, "from": self.from_level,
                "to": self.to_level, "gain": round(self.gain, 6), "value_after": self.value_after,
                "descriptor": self.descriptor, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Plan:
    status: str  # REACHED | ALREADY | UNREACHABLE
    headline_kind: str  # "nism" | "maturity" | "nilai"
    target: Target
    start_value: float
    final_value: float
    best_possible: float  # every item not avoided at the top level
    steps: tuple[PlanStep, ...]
    avoided: tuple[str, ...]
    message: str  # the plain answer, in Bahasa Indonesia (a models.texts.Said: the GUI words it by code)

    def to_dict(self) -> dict:
        return {"status": self.status, "headline_kind": self.headline_kind,
                "target": {"label": self.target.label, "value": self.target.value, "band": self.target.band_code},
                "start_value": self.start_value, "final_value": self.final_value,
                "best_possible": self.best_possible, "raises": len(self.steps),
                "steps": [step.to_dict() for step in self.steps], "avoided": list(self.avoided),
                "message": self.message}


HEADLINE_NAMES = {"nism": "headline_nism", "maturity": "headline_maturity", "nilai": "headline_nilai"}  # text codes


def _headline(instrument, gates, levels, survey, correction) -> ScoreResult:
    return score_recorded(instrument, gates, levels, survey=survey, correction=correction)


def unit_gains(instrument: Instrument, gates: Mapping[str, str] | None, survey: float | None) -> dict[str, float]:
    """What one raise of each applicable item adds to the headline (see the module proof)."""
    applicable = {item.id for item in instrument.applicable_items(gates or {})}
    if instrument.model != "maturity_index":
        return {item.id: float(item.weight or 0.0) for item in instrument.items if item.id in applicable}
    span = instrument.scale_max - instrument.scale_min
    counts = {a.id: sum(1 for item in a.items if item.id in applicable) for a in instrument.aspects}
    weight_in_use = sum(a.weight for a in instrument.aspects if counts[a.id])
    share = instrument.maturity_share if survey is not None else 1.0
    return {item.id: share * a.weight / (weight_in_use * span * counts[a.id])
            for a in instrument.aspects for item in a.items if item.id in applicable}


def _reached(instrument: Instrument, value: float, target: Target) -> bool:
    return round_half_up(value, instrument.precision) >= target.value - 1e-12


def plan_improvement(instrument: Instrument, gates: Mapping[str, str] | None, levels: Mapping[str, int | None],
                     target: Target, *, survey: float | None = None, correction: float | None = None,
                     avoid: Collection[str] = ()) -> Plan:
    """The fewest raises from ``levels`` to ``target``, never touching items in ``avoid``."""
    resolved = instrument.resolve_gates(gates)
    current = {item.id: levels.get(item.id) if levels.get(item.id) is not None else instrument.scale_min
               for item in instrument.applicable_items(resolved)}
    base = {k: v for k, v in levels.items() if v is not None}
    start = _headline(instrument, resolved, base, survey, correction)
    kind = start.headline_kind
    places = instrument.precision
    avoided = tuple(item_id for item_id in current if item_id in set(avoid))
    best_levels = dict(base)
    best_levels.update({item_id: instrument.scale_max for item_id in current if item_id not in avoided})
    best = _headline(instrument, resolved, best_levels, survey, correction).index
    what = Said("headline_maturity_planned" if kind == "maturity" else HEADLINE_NAMES[kind])
    # Without S there is no predikat: a band target on maturity is reached by the estimate
    # ("perkiraan predikat bila nilai survei sama dengan maturitas"), and is named so.
    goal = Said("goal_estimate", label=target.label) if kind == "maturity" and target.band_code else target.label

    def plan(status, steps, final, message) -> Plan:
        return Plan(status, kind, target, start.index, final, best, tuple(steps), avoided, message)

    if _reached(instrument, start.index, target):
        return plan(ALREADY, [], start.index,
                    Said("plan_already", goal=goal, what=what, value=decimal_id(start.index, places)))
    if not _reached(instrument, best, target):
        hint = Said("plan_avoided_hint", items=", ".join(avoided)) if avoided else ""
        return plan(UNREACHABLE, [], start.index,
                    Said("plan_unreachable", goal=goal, what=what, best=decimal_id(best, places), hint=hint))

    gains = unit_gains(instrument, resolved, survey)
    position = {item.id: index for index, item in enumerate(instrument.items)}
    working = dict(base)
    steps: list[PlanStep] = []
    value = start.index
    while not _reached(instrument, value, target):
        candidates = [item_id for item_id in current
                      if item_id not in avoided and current[item_id] < instrument.scale_max]
        if not candidates:  # only float noise at the very top could get here
            return plan(UNREACHABLE, steps, value, Said("plan_unreachable_short", goal=goal))
        chosen = max(candidates, key=lambda i: (round(gains[i], 12), -current[i], -position[i]))
        item = instrument.item(chosen)
        before = current[chosen]
        current[chosen] = working[chosen] = before + 1
        value_after = _headline(instrument, resolved, working, survey, correction).index
        steps.append(PlanStep(chosen, item.aspect_id, before, before + 1, gains[chosen], value_after,
                              item.descriptor(before + 1), item.evidence))
        value = value_after
    return plan(REACHED, steps, value,
                Said("plan_reached", count=len(steps), what=what, start=decimal_id(start.index, places),
                     end=decimal_id(value, places), goal=goal))


def what_if(instrument: Instrument, gates: Mapping[str, str] | None, levels: Mapping[str, int | None],
            changes: Mapping[str, int | None], *, survey: float | None = None,
            correction: float | None = None) -> ScoreResult:
    """The score with ``changes`` laid over ``levels``: a sandbox, nothing is stored."""
    sandbox = {k: v for k, v in levels.items()}
    sandbox.update(changes)
    return score_recorded(instrument, gates, sandbox, survey=survey, correction=correction)
