"""The scoring rules a wrong engine would break, each as a case an office can produce: an
aspect with nothing applicable drops out and the others keep their proportions, S and k
outside 0-1 are refused (whichever comes after a blank answer), fractional legacy sums,
the next band and how far away it is, completeness. Written against index, maturity, nism,
aspects, unanswered and next_band (not ``band``, whose meaning issue 13 changes)."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.instrument import load_instrument_bytes, shipped_registry
from models.scoring import ScoringInputError, score
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "instruments" / "esm-2026.json"
TPP_NO = {"bayar_tpp": "tidak"}
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _variant(change) -> object:
    """The shipped instrument with its JSON changed by ``change`` (an office's own file)."""
    raw = json.loads(SHIPPED.read_bytes())
    change(raw)
    return load_instrument_bytes(json.dumps(raw).encode(), origin="varian")


def _gate_aspect_on_tpp(raw, aspect_ids):
    for aspect in raw["aspects"]:
        if aspect["id"] in aspect_ids:
            for item in aspect["items"]:
                item["applies_when"] = {"gate": "bayar_tpp", "in": ["ya"]}


@pytest.fixture(scope="module")
def a7_gated():
    """A7 (weight 0.8/6) applies only to an office that pays TPP."""
    return _variant(lambda raw: _gate_aspect_on_tpp(raw, {"A7"}))


@pytest.fixture(scope="module")
def shipped():
    return shipped_registry().default()


def _applicable(instrument, gates):
    return [item.id for item in instrument.applicable_items(gates)]


# --- an aspect with no applicable item ---------------------------------------------------------

def test_an_aspect_with_nothing_applicable_drops_out_and_the_rest_keep_their_proportions(a7_gated):
    # A1 at 4 (weight 0.1), every other applicable item 0. Without A7 the weights in use sum
    # to 1 - 0.8/6 = 0.866667, so M = 0.1 / 0.866667 = 0.115385 (not 0.1, not 0.0866..).
    answers = {item_id: (4 if item_id.startswith("A1.") else 0) for item_id in _applicable(a7_gated, TPP_NO)}
    result = score(a7_gated, TPP_NO, answers)
    a7 = result.aspect("A7")
    assert (a7.score, a7.applicable, a7.answered) == (None, 0, 0)
    assert result.maturity == pytest.approx(0.1 / (1 - 0.8 / 6), abs=1e-6)
    assert result.index == result.maturity
    assert {n.item_id for n in result.not_applicable} >= {"A7.1"}
    # With every applicable item at 4 the office is at the top, A7 or not.
    full = score(a7_gated, TPP_NO, {item_id: 4 for item_id in _applicable(a7_gated, TPP_NO)})
    assert full.maturity == 1.0
    assert score(a7_gated, TPP_NO, {item_id: 2 for item_id in _applicable(a7_gated, TPP_NO)}).maturity == 0.5


@HYPOTHESIS
@given(data=st.data())
def test_re_proportioning_holds_for_any_answers(a7_gated, data):
    items = _applicable(a7_gated, TPP_NO)
    answers = data.draw(st.dictionaries(st.sampled_from(items), st.integers(0, 4)))
    result = score(a7_gated, TPP_NO, answers)
    counted = [a for a in result.aspects if a.score is not None]
    assert [a.id for a in result.aspects if a.score is None] == ["A7"]
    expected = sum(a.weight * a.score for a in counted) / sum(a.weight for a in counted)
    assert result.maturity == pytest.approx(expected, abs=2e-6)
    resolved = a7_gated.resolve_gates(TPP_NO)
    for aspect in counted:
        own = [answers.get(item.id, 0) for item in a7_gated.aspect(aspect.id).items if item.applies(resolved)]
        assert aspect.score == pytest.approx(sum(own) / len(own) / 4, abs=1e-6)

def test_when_nothing_applies_the_figure_is_zero_and_nothing_is_missing():
    everything_on_tpp = _variant(lambda raw: _gate_aspect_on_tpp(raw, {a["id"] for a in raw["aspects"]}))
    result = score(everything_on_tpp, TPP_NO, {})
    assert result.maturity == 0.0 and result.index == 0.0
    assert result.applicable == 0 and result.answered == 0 and result.unanswered == ()
    assert result.complete and result.completeness == 1.0
    assert result.next_band.min == 0.41 and result.next_band.missing == 0.41
    with_survey = score(everything_on_tpp, TPP_NO, {}, survey=0.8)
    assert with_survey.nism == pytest.approx(0.2)  # 0.75 * 0 + 0.25 * 0.8


# --- S and k ----------------------------------------------------------------------------------

@pytest.mark.parametrize("survey", [0.0, 0, 1.0, 1, 0.5])
@pytest.mark.parametrize("correction", [None, 0.0, 1.0, 0.3])
def test_survey_and_correction_at_the_ends_of_their_range_are_accepted(shipped, survey, correction):
    result = score(shipped, {}, {}, survey=survey, correction=correction)
    assert result.nism == pytest.approx(0.25 * survey - (correction or 0.0), abs=1e-6)


@pytest.mark.parametrize(
    ("survey", "correction", "entry"),
    [(1.01, None, "survey"), (1.5, 0.0, "survey"), (2.0, None, "survey"), (-0.01, None, "survey"),
     (True, None, "survey"), (False, None, "survey"), ("0.5", None, "survey"), ([0.5], None, "survey"),
     (0.5, 1.01, "correction"), (0.5, 2.0, "correction"), (0.5, -0.1, "correction"), (0.5, True, "correction"),
     (0.5, "0", "correction"),
     # no survey figure yet: the correction is checked all the same
     (None, 1.5, "correction"), (None, -1, "correction"), (None, True, "correction")],
)
def test_survey_and_correction_outside_0_to_1_are_refused(shipped, survey, correction, entry):
    with pytest.raises(ScoringInputError) as caught:
        score(shipped, {}, {}, survey=survey, correction=correction)
    assert caught.value.entry == entry


def test_answers_after_a_blank_one_are_still_checked(shipped):
    for bad in ({"A1.1": None, "A1.2": 9}, {"A1.1": None, "Z9.9": 1}, {"A1.1": None, "A1.2": True},
                {"A1.1": None, "A6.3": 2}):
        with pytest.raises(ScoringInputError):
            score(shipped, TPP_NO, bad)
    with pytest.raises(ScoringInputError) as caught:
        score(shipped, {}, {"A1.1": True})
    assert caught.value.entry == "answers.A1.1"
    blank = score(shipped, {}, {"A1.1": None, "A1.2": 4})
    assert blank.unanswered[0] == "A1.1" and blank.aspect("A1").answered == 1


def test_gate_values_after_a_valid_gate_are_still_checked(shipped):
    with pytest.raises(ScoringInputError) as caught:
        score(shipped, {"bayar_tpp": "ya", "jenis_instansi": "negara"}, {})
    assert caught.value.entry == "gates.jenis_instansi"


# --- NISM -------------------------------------------------------------------------------------

@HYPOTHESIS
@given(data=st.data(), survey=st.floats(0, 1), correction=st.none() | st.floats(0, 1))
def test_nism_is_the_documented_mix_and_stays_in_range(shipped, data, survey, correction):
    items = _applicable(shipped, {})
    answers = data.draw(st.dictionaries(st.sampled_from(items), st.integers(0, 4)))
    result = score(shipped, {}, answers, survey=survey, correction=correction)
    assert 0.0 <= result.maturity <= 1.0
    assert result.nism == pytest.approx(0.75 * result.maturity + 0.25 * survey - (correction or 0.0), abs=2e-6)
    assert -1.0 <= result.nism <= 1.0
    assert result.headline_kind == "nism" and result.index == result.nism
    # A better survey never lowers NISM, a larger correction never raises it.
    assert score(shipped, {}, answers, survey=min(1.0, survey + 0.1), correction=correction).nism >= result.nism
    assert score(shipped, {}, answers, survey=survey, correction=min(1.0, (correction or 0) + 0.1)).nism \
        <= result.nism


# --- next band, completeness, maximum --------------------------------------------------------

def test_next_band_is_measured_from_the_figure_as_judged(shipped):
    # Maturity 0.525 (test_scoring's mixed case, no survey) is judged as 0.53: 0.08 short of 0.61.
    gates = {"jenis_instansi": "kabkota", "bayar_tpp": "tidak", "kecelakaan_kerja": "tidak",
             "kematian_pegawai": "tidak"}
    plan = {"A1": [4, 2, 3], "A2": [1] * 6, "A3": [2] * 4, "A4": [4] * 3, "A5": [0] * 4, "A6": [3] * 4,
            "A7": [2], "A8": [4, 0]}
    resolved = shipped.resolve_gates(gates)
    answers = {}
    for aspect_id, levels in plan.items():
        ids = [item.id for item in shipped.aspect(aspect_id).items if item.applies(resolved)]
        answers.update(zip(ids, levels, strict=True))
    result = score(shipped, gates, answers)
    assert result.maturity == pytest.approx(0.525)
    assert (result.next_band.code, result.next_band.label, result.next_band.min) == ("menengah", "Menengah", 0.61)
    assert result.next_band.missing == pytest.approx(0.08)


def test_completeness_counts_answered_applicable_items(shipped):
    items = _applicable(shipped, TPP_NO)
    answers = {item_id: 3 for item_id in items[:10]}
    result = score(shipped, TPP_NO, answers)
    assert (result.answered, result.applicable) == (10, len(items))
    assert result.completeness == pytest.approx(10 / len(items))
    assert not result.complete and result.to_dict()["complete"] is False
    assert result.to_dict()["completeness"] == round(10 / len(items), 6)
    assert list(result.unanswered) == items[10:]
    assert all(a.max_score == 1.0 for a in result.aspects)
    assert [a.applicable for a in result.aspects] == [3, 6, 4, 3, 4, 6, 1, 2]
    assert [a.answered for a in result.aspects] == [3, 6, 1, 0, 0, 0, 0, 0]
    done = score(shipped, TPP_NO, {item_id: 0 for item_id in items})
    assert done.complete and done.completeness == 1.0 and done.to_dict()["complete"] is True


def test_legacy_fractional_sum_is_not_rounded_to_a_whole_number(legacy_instrument):
    # All at 1 = 100; L3.1 raised to 2 adds 6.5; L6.2 (weight 3.5) raised to 2 adds 3.5: 110.0,
    # L3.1 alone: 106.5, and the aspect sums keep their halves.
    answers = {item.id: 1 for item in legacy_instrument.items}
    answers["L3.1"] = 2
    result = score(legacy_instrument, {}, answers)
    assert result.index == 106.5
    assert result.aspect("L3").score == 39.0 and result.aspect("L6").score == 7.5
    assert result.next_band.missing == pytest.approx(68.5)  # 175 - 106.5
    answers["L6.2"] = 2
    assert score(legacy_instrument, {}, answers).aspect("L6").score == 11.0
    answers["L6.2"] = 1
    answers["L6.1"] = 2
    assert score(legacy_instrument, {}, answers).index == 110.5


def test_legacy_maximum_per_aspect_and_no_band_above_the_top(legacy_instrument):
    result = score(legacy_instrument, {}, {item.id: 4 for item in legacy_instrument.items})
    assert [a.max_score for a in result.aspects] == [40.0, 40.0, 130.0, 40.0, 80.0, 30.0, 20.0, 20.0]
    assert result.index == 400.0 and result.next_band is None
    assert result.complete and result.completeness == 1.0
    partial = score(legacy_instrument, {}, {"L1.1": 4})
    assert partial.aspect("L1").max_score == 40.0  # unanswered items still count toward the maximum
    assert partial.index == 100.0 + 3 * 5  # the rest at the lowest level, 1



# --- an instrument whose scale does not start at 0 ----------------------------------------------

def _scale_one_to_five(raw):
    raw["scale"] = {**raw["scale"], "min": 1, "max": 5}
    for aspect in raw["aspects"]:
        for item in aspect["items"]:
            item["levels"] = [{**level, "level": level["level"] + 1} for level in item["levels"]]


def test_maturity_is_measured_from_the_lowest_level_of_the_file_s_scale():
    shifted = _variant(_scale_one_to_five)
    items = _applicable(shifted, {})
    assert score(shifted, {}, {item_id: 1 for item_id in items}).maturity == 0.0
    assert score(shifted, {}, {item_id: 3 for item_id in items}).maturity == 0.5
    assert score(shifted, {}, {item_id: 5 for item_id in items}).maturity == 1.0
    assert score(shifted, {}, {}).maturity == 0.0  # unanswered count at the lowest level, 1
    with pytest.raises(ScoringInputError):
        score(shifted, {}, {items[0]: 0})


# --- what the result carries ---------------------------------------------------------------------

def test_the_result_names_its_instrument_inputs_and_gated_out_items(shipped):
    result = score(shipped, TPP_NO, {"A1.1": 2}, survey=0.6, correction=0.1)
    assert (result.instrument_id, result.instrument_sha256, result.model) == \
        (shipped.id, shipped.sha256, "maturity_index")
    assert (result.survey, result.correction) == (0.6, 0.1)
    assert result.gates == shipped.resolve_gates(TPP_NO) and result.gates["bayar_tpp"] == "tidak"
    gated = {(n.item_id, n.gate, n.value) for n in result.not_applicable}
    assert ("A6.3", "bayar_tpp", "tidak") in gated
    first = result.aspects[0]
    assert (first.id, first.number, first.title, first.weight, first.provisional) == \
        ("A1", 1, shipped.aspect("A1").title, 0.1, False)
    assert result.aspect("A2").provisional is True
    assert result.provisional_aspects == ("A2", "A3", "A4", "A5", "A6", "A7")
    data = result.to_dict()
    assert data["index_range"] == [0.0, 1.0]
    assert data["gates"] == dict(result.gates)
    assert data["unanswered"] == list(result.unanswered) and "A1.2" in data["unanswered"]
    assert data["provisional_aspects"] == list(result.provisional_aspects)
    assert (data["survey"], data["correction"]) == (0.6, 0.1)
    assert set(data) == {f.name for f in fields(result)} | {"complete", "completeness"}  # nothing else


def test_score_recorded_keeps_s_and_k_and_leaves_out_gated_out_answers(shipped):
    from models.scoring import score_recorded

    recorded = {"A1.1": 4, "A6.3": 4, "Z9.9": 4}  # an answer kept from before the gate changed
    result = score_recorded(shipped, TPP_NO, recorded, survey=0.6, correction=0.1)
    assert (result.survey, result.correction) == (0.6, 0.1)
    assert result.nism == pytest.approx(0.75 * result.maturity + 0.25 * 0.6 - 0.1, abs=1e-6)
    assert result.answered == 1


@pytest.mark.parametrize(("gates", "answers", "inputs", "sentence"), [
    ({"bayar_tpp": "mungkin"}, {}, {}, "gates.bayar_tpp: nilai 'mungkin' tidak sah; pilihan: bukan_pemda, ya, tidak"),
    ({}, {"A1.1": "dua"}, {}, "answers.A1.1: tingkat harus bilangan bulat, bukan 'dua'"),
    ({}, {"A1.1": 7}, {}, "answers.A1.1: tingkat 7 di luar rentang 0–4"),
    (TPP_NO, {"A6.3": 2}, {}, "answers.A6.3: item tidak berlaku karena gerbang bayar_tpp = 'tidak'"),
    ({}, {}, {"survey": 1.5}, "survey: harus angka 0–1, bukan 1.5"),
    ({}, {}, {"correction": -0.2}, "correction: harus angka 0–1, bukan -0.2"),
])
def test_a_refused_input_says_which_entry_what_it_holds_and_what_is_allowed(shipped, gates, answers, inputs,
                                                                            sentence):
    with pytest.raises(ScoringInputError) as caught:
        score(shipped, gates, answers, **inputs)
    assert str(caught.value) == sentence


def _levels(instrument, level):
    return {item.id: level for item in instrument.applicable_items(TPP_NO)}


def test_a_correction_waits_for_the_survey_on_the_maturity_model_only(shipped, legacy_instrument):
    answers = _levels(shipped, 2)
    assert score(shipped, TPP_NO, answers, correction=0.1).correction_waiting is True
    assert score(shipped, TPP_NO, answers, correction=0.1, survey=0.5).correction_waiting is False
    assert score(shipped, TPP_NO, answers).correction_waiting is False  # nothing waits without k
    legacy = score(legacy_instrument, {}, {item.id: 2 for item in legacy_instrument.items}, correction=0.1)
    assert legacy.correction_waiting is False and legacy.band_estimate is None


@pytest.mark.parametrize(("level", "survey", "correction", "negative"), [
    (0, 0.0, 1.0, True),    # 0 + 0 − 1: below zero, flagged
    (0, 0.0, 0.0, False),   # exactly zero is not negative
    (2, 0.5, 0.0, False),   # 0,5: between zero and one
])
def test_a_nism_below_zero_is_flagged_and_only_then(shipped, level, survey, correction, negative):
    result = score(shipped, TPP_NO, _levels(shipped, level), survey=survey, correction=correction)
    assert result.nism_negative is negative


def test_a_stored_result_reads_back_as_it_was_scored(shipped, legacy_instrument):
    """What finalizing stores (``to_dict`` as JSON) reads back equal, for either model: a final
    revision is shown as scored, never re-scored."""
    import json

    from models.scoring import ScoreResult

    answers = _levels(shipped, 3)
    answers.pop("A2.1")  # one unanswered
    results = [
        score(shipped, TPP_NO, answers),
        score(shipped, {**TPP_NO, "jenis_instansi": "kabkota"}, answers, survey=0.7, correction=0.05),
        score(legacy_instrument, {}, {item.id: 2 for item in legacy_instrument.items}),
        score(legacy_instrument, {}, {item.id: 4 for item in legacy_instrument.items}),  # the top: no next band
        score(shipped, TPP_NO, answers, correction=0.1),  # k waiting for S
        score(shipped, TPP_NO, _levels(shipped, 0), survey=0.0, correction=1.0),  # NISM below zero
    ]
    for result in results:
        assert ScoreResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result
    assert results[0].next_band is not None and results[0].not_applicable and results[0].unanswered == ("A2.1",)
    assert results[3].next_band is None and results[4].correction_waiting and results[5].nism_negative


def test_a_result_stored_before_maturity_lost_its_predikat_reads_its_band_as_the_estimate(shipped):
    from models.scoring import ScoreResult

    result = score(shipped, TPP_NO, _levels(shipped, 3))
    assert result.headline_kind == "maturity" and result.band is None and result.band_estimate is not None
    old = result.to_dict()
    old["band"], old["band_estimate"] = old["band_estimate"], None  # as written then
    for gone in ("correction_waiting", "nism_negative"):
        del old[gone]
    read = ScoreResult.from_dict(old)
    assert read.band is None and read.band_estimate == result.band_estimate
    assert (read.correction_waiting, read.nism_negative) == (False, False)
