"""Year over year: items and aspects against the nearest earlier assessment; both scales."""

from __future__ import annotations

import pytest

from models.lifecycle import finalize, reopen
from models.year_over_year import (
    LEGACY_SCALE,
    compare_with_previous,
    office_history,
    previous_assessment,
    signed,
)


def answer_all(store, assessment, level, justification="Dokumen tersedia."):
    for item in store.instrument_of(assessment).applicable_items(assessment.gates):
        store.set_answer(assessment, item.id, level=level, justification=justification)


def test_no_earlier_year_means_no_comparison(store, assessment):
    assert previous_assessment(store, assessment) is None
    assert compare_with_previous(store, assessment) is None


def test_changes_per_item_and_aspect_against_the_final_revision_of_last_year(store, office):
    last = store.create_assessment(office, 2025)
    answer_all(store, last, 0)
    last = finalize(store, last, "penguji", without_survey=True)
    draft_of_last = reopen(store, last, "penguji")  # a later draft of 2025 does not count over the final
    store.set_answer(draft_of_last, store.instrument_of(last).items[0].id, level=4)
    this = store.create_assessment(office, 2026)
    answer_all(store, this, 1)
    instrument = store.instrument_of(this)
    first, second = instrument.items[0].id, instrument.items[1].id
    store.set_answer(this, second, level=3)

    comparison = compare_with_previous(store, this)
    assert (comparison.previous_year, comparison.previous_revision) == (2025, 1)
    assert comparison.item_delta(first) == 1 and comparison.item_delta(second) == 3
    aspect = instrument.aspects[0]
    expected = store.score(this).aspect(aspect.id).score - store.score(last).aspect(aspect.id).score
    assert comparison.aspects[aspect.id].delta == pytest.approx(expected)
    assert comparison.headline.delta == pytest.approx(store.score(this).index - store.score(last).index)


def test_gated_out_items_have_no_change(store, office):
    last = store.create_assessment(office, 2025)
    this = store.create_assessment(office, 2026)
    instrument = store.instrument_of(this)
    gated = next(item for item in instrument.items if not item.applies(instrument.resolve_gates(this.gates)))
    comparison = compare_with_previous(store, this)
    assert comparison.previous_year == last.year and comparison.item_delta(gated.id) is None


def test_history_keeps_the_two_scales_apart(store, office):
    store.record_legacy_result(office, 2023, 268.5)
    this = store.create_assessment(office, 2026)
    answer_all(store, this, 2)
    history = office_history(store, office)
    assert [(h.year, h.scale) for h in history] == [(2023, LEGACY_SCALE), (2026, "esm-2026")]
    assert history[0].label == "III Baik" and history[1].value == store.score(this).index
    assert history[1].provisional
    result = store.score(this)  # maturity without S: the label names the estimate as one
    assert history[1].label == f"perkiraan {result.band_estimate.label}"
    assert history[1].color == result.band_estimate.color


@pytest.mark.parametrize(("delta", "places", "text"), [
    (0.05, 2, "+0,05"), (-0.1, 2, "−0,10"), (0.0001, 2, "±0"), (None, 2, "–"), (2, 0, "+2")])
def test_signed_changes_read_plainly(delta, places, text):
    assert signed(delta, places) == text
