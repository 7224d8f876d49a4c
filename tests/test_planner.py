"""The improvement planner: fewest raises, proved against brute force on small instruments."""

from __future__ import annotations

import copy
import itertools
import json

import pytest

from models.instrument import load_instrument_bytes, round_half_up, shipped_registry
from models.planner import ALREADY, REACHED, UNREACHABLE, TargetError, parse_target, plan_improvement, what_if
from models.scoring import score_recorded


def small_instrument(items_per_aspect: list[int], weights: list[float], scale_max: int = 4):
    """A cut of the shipped instrument: the first aspects, their first items, given weights."""
    raw = copy.deepcopy(shipped_registry().default().raw)
    raw["gates"] = []
    raw["aspects"] = raw["aspects"][: len(items_per_aspect)]
    for aspect, count, weight in zip(raw["aspects"], items_per_aspect, weights, strict=True):
        aspect["items"] = aspect["items"][:count]
        aspect["weight"] = weight
        for item in aspect["items"]:
            item.pop("applies_when", None)
            item["levels"] = item["levels"][: scale_max + 1]
    raw["scale"]["max"] = scale_max
    return load_instrument_bytes(json.dumps(raw).encode(), origin="kecil")


def fewest_raises_by_brute_force(instrument, start, target_value, survey=None, avoid=()):
    ids = [item.id for item in instrument.items]
    ranges = [[start[i]] if i in avoid else range(start[i], instrument.scale_max + 1) for i in ids]
    best = None
    for combo in itertools.product(*ranges):
        levels = dict(zip(ids, combo, strict=True))
        value = score_recorded(instrument, {}, levels, survey=survey).index
        if round_half_up(value, instrument.precision) >= target_value:
            raises = sum(combo) - sum(start[i] for i in ids)
            best = raises if best is None else min(best, raises)
    return best


CASES = [
    ([1, 2, 3], [0.5, 0.3, 0.2]),
    ([2, 1, 2], [0.2, 0.2, 0.6]),
    ([3, 2], [0.45, 0.55]),
]


@pytest.mark.parametrize(("shape", "weights"), CASES)
@pytest.mark.parametrize("target_text", ["Lanjutan", "Menengah", "Tinggi", "0,55", "0,9"])
def test_plan_uses_the_fewest_raises_brute_force(shape, weights, target_text):
    instrument = small_instrument(shape, weights, scale_max=3)
    start = {item.id: position % 2 for position, item in enumerate(instrument.items)}
    target = parse_target(instrument, target_text)
    plan = plan_improvement(instrument, {}, start, target)
    expected = fewest_raises_by_brute_force(instrument, start, target.value)
    if expected is None:
        assert plan.status == UNREACHABLE
    elif expected == 0:
        assert plan.status == ALREADY and plan.steps == ()
    else:
        assert plan.status == REACHED
        assert len(plan.steps) == expected
        final = dict(start)
        for step in plan.steps:
            assert final[step.item_id] == step.from_level
            final[step.item_id] = step.to_level
        assert score_recorded(instrument, {}, final).index == pytest.approx(plan.final_value)
        assert round_half_up(plan.final_value, 2) >= target.value


def test_plan_avoids_items_marked_hard_and_stays_optimal():
    instrument = small_instrument([2, 2], [0.6, 0.4], scale_max=3)
    start = {item.id: 1 for item in instrument.items}
    heavy = instrument.aspects[0].items[0].id
    target = parse_target(instrument, "0,8")
    plan = plan_improvement(instrument, {}, start, target, avoid=[heavy])
    assert heavy not in {step.item_id for step in plan.steps}
    assert len(plan.steps) == fewest_raises_by_brute_force(instrument, start, 0.8, avoid={heavy})


def test_plan_on_nism_when_survey_known_counts_the_survey_share():
    instrument = small_instrument([1, 2], [0.5, 0.5], scale_max=3)
    start = {item.id: 1 for item in instrument.items}
    target = parse_target(instrument, "Menengah")
    plan = plan_improvement(instrument, {}, start, target, survey=0.9)
    assert plan.headline_kind == "nism"
    assert len(plan.steps) == fewest_raises_by_brute_force(instrument, start, target.value, survey=0.9)
    assert plan.steps[0].gain == pytest.approx(0.75 * 0.5 / 3)


def test_without_survey_the_plan_says_it_targets_maturity(instrument):
    levels = {item.id: 2 for item in instrument.applicable_items({})}
    plan = plan_improvement(instrument, {}, levels, parse_target(instrument, "Tinggi"))
    assert plan.headline_kind == "maturity" and "maturitas" in plan.message
    assert plan.status == REACHED
    assert "target perkiraan Tinggi" in plan.message  # no predikat without S: the estimate, named so
    # Each step shows what the new level requires and the evidence expected.
    step = plan.steps[0]
    assert step.descriptor == instrument.item(step.item_id).descriptor(step.to_level)
    assert step.evidence == instrument.item(step.item_id).evidence


def test_unreachable_and_already_reached_targets_get_plain_answers(instrument):
    top = {item.id: 4 for item in instrument.applicable_items({})}
    done = plan_improvement(instrument, {}, top, parse_target(instrument, "Tinggi"))
    assert done.status == ALREADY and "sudah tercapai" in done.message
    low = {item.id: 0 for item in instrument.applicable_items({})}
    # NISM with a poor survey and a correction cannot reach Maju (> 1).
    never = plan_improvement(instrument, {}, low, parse_target(instrument, "Maju"), survey=0.2, correction=0.1)
    assert never.status == UNREACHABLE and "tidak dapat dicapai" in never.message
    assert never.best_possible == pytest.approx(0.75 + 0.05 - 0.1)


def test_target_text_must_be_a_predikat_or_a_number(instrument):
    assert parse_target(instrument, "tinggi").value == 0.81
    assert parse_target(instrument, "0.7").value == 0.7
    with pytest.raises(TargetError):
        parse_target(instrument, "Istimewa")


def test_what_if_leaves_the_real_answers_alone(instrument):
    levels = {item.id: 1 for item in instrument.applicable_items({})}
    before = dict(levels)
    item_id = instrument.items[0].id
    changed = what_if(instrument, {}, levels, {item_id: 4})
    assert levels == before
    assert changed.index > score_recorded(instrument, {}, levels).index
