"""The scoring engine on both models, with the arithmetic written out by hand."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.scoring import ScoringInputError, score

KABKOTA_NO_INCIDENTS = {"jenis_instansi": "kabkota", "bayar_tpp": "tidak",
                        "kecelakaan_kerja": "tidak", "kematian_pegawai": "tidak"}


def all_at(instrument, level, gates=None):
    return {item.id: level for item in instrument.applicable_items(gates or {})}


def aspect_items(instrument, aspect_id, gates):
    resolved = instrument.resolve_gates(gates)
    return [item.id for item in instrument.aspect(aspect_id).items if item.applies(resolved)]


# --- maturity index (current instrument) ---------------------------------------------------

def test_all_lowest_and_all_highest_give_the_ends_of_index_range(instrument):
    low, high = instrument.index_range
    assert score(instrument, {}, all_at(instrument, 0)).index == low == 0.0
    assert score(instrument, {}, all_at(instrument, 4)).index == high == 1.0


def test_maturity_case_all_at_two(instrument):
    # Every aspect's maturity is mean(2,2,...)/4 = 0.5, so M = sum(w) * 0.5 = 0.5.
    result = score(instrument, {}, all_at(instrument, 2))
    assert result.headline_kind == "maturity"
    assert result.maturity == pytest.approx(0.5)
    assert result.nism is None
    # No predikat without S: only the estimate (NISM if S were M and k 0), 0.41-0.60.
    assert result.band is None and result.band_estimate.label == "Lanjutan"
    assert result.next_band.label == "Menengah"
    assert result.next_band.missing == pytest.approx(0.11)  # 0.61 - 0.50
    assert result.provisional is True
    assert all(a.score == pytest.approx(0.5) for a in result.aspects)


def test_maturity_case_only_official_aspects_full(instrument):
    # A1 and A8 (10 % each, official) at 4, all else 0: M = 0.1*1 + 0.1*1 + 0.8*0 = 0.2.
    answers = all_at(instrument, 0)
    for item_id in aspect_items(instrument, "A1", {}) + aspect_items(instrument, "A8", {}):
        answers[item_id] = 4
    result = score(instrument, {}, answers)
    assert result.maturity == pytest.approx(0.2)
    assert result.band is None and result.band_estimate.label == "Dasar"
    assert result.next_band.missing == pytest.approx(0.21)  # 0.41 - 0.20


def test_maturity_case_mixed_with_gates_survey_and_correction(instrument):
    gates = KABKOTA_NO_INCIDENTS
    plan = {
        "A1": [4, 2, 3],            # mean 3   -> 0.75
        "A2": [1, 1, 1, 1, 1, 1],   # mean 1   -> 0.25
        "A3": [2, 2, 2, 2],         # mean 2   -> 0.50
        "A4": [4, 4, 4],            # A4.1-KK, A4.2, A4.3 -> 1.00
        "A5": [0, 0, 0, 0],         #          -> 0.00
        "A6": [3, 3, 3, 3],         # A6.1, A6.2, A6.4a, A6.4d (A6.3, A6.4b, A6.4c gated out) -> 0.75
        "A7": [2],                  #          -> 0.50
        "A8": [4, 0],               # mean 2   -> 0.50
    }
    answers = {}
    for aspect_id, levels in plan.items():
        ids = aspect_items(instrument, aspect_id, gates)
        assert len(ids) == len(levels), aspect_id
        answers.update(zip(ids, levels, strict=True))
    # M = 0.1*0.75 + (0.8/6)*(0.25+0.5+1.0+0+0.75+0.5) + 0.1*0.5 = 0.075 + 0.4 + 0.05 = 0.525
    # NISM = 0.75*0.525 + 0.25*0.8 - 0.05 = 0.39375 + 0.2 - 0.05 = 0.54375 -> 0.54 Lanjutan
    result = score(instrument, gates, answers, survey=0.8, correction=0.05)
    assert result.maturity == pytest.approx(0.525)
    assert result.nism == pytest.approx(0.54375)
    assert result.headline_kind == "nism"
    assert result.index == pytest.approx(0.54375)
    assert result.band.label == "Lanjutan"
    assert result.next_band.missing == pytest.approx(0.07)  # 0.61 - 0.54
    assert result.applicable == 27 and result.answered == 27 and result.complete  # 3+6+4+3+4+4+1+2
    assert {n.item_id for n in result.not_applicable} == {"A4.1-KLP", "A6.3", "A6.4b", "A6.4c"}


def test_unanswered_items_are_listed_and_counted_at_the_lowest_level(instrument):
    answers = all_at(instrument, 4)
    del answers["A1.1"]
    result = score(instrument, {}, answers)
    assert result.unanswered == ("A1.1",)
    assert not result.complete
    assert result.answered == result.applicable - 1
    # A1 = mean(0,4,4)/4 = 2/3; M = 0.1*2/3 + 0.9 = 0.966667
    assert result.maturity == pytest.approx(0.1 * 2 / 3 + 0.9, abs=1e-6)


@pytest.mark.parametrize(
    ("value", "label"),
    [(0.0, "Dasar"), (0.40, "Dasar"), (0.404, "Dasar"), (0.405, "Lanjutan"), (0.41, "Lanjutan"),
     (0.60, "Lanjutan"), (0.61, "Menengah"), (0.80, "Menengah"), (0.81, "Tinggi"), (1.0, "Tinggi"),
     (1.01, "Maju")],
)
def test_maturity_band_boundaries(instrument, value, label):
    assert instrument.band_for(value).label == label


# --- gates ----------------------------------------------------------------------------------

def test_kabkota_gate_selects_the_kabkota_skj_variant(instrument):
    kab = {i.id for i in instrument.applicable_items({"jenis_instansi": "kabkota"})}
    prov = {i.id for i in instrument.applicable_items({"jenis_instansi": "provinsi"})}
    assert "A4.1-KK" in kab and "A4.1-KLP" not in kab
    assert "A4.1-KLP" in prov and "A4.1-KK" not in prov


def test_tpp_no_and_no_incidents_switch_items_off(instrument):
    default = {i.id for i in instrument.applicable_items({})}
    assert {"A6.3", "A6.4b", "A6.4c"} <= default
    closed = {i.id for i in instrument.applicable_items(KABKOTA_NO_INCIDENTS)}
    assert default - closed == {"A6.3", "A6.4b", "A6.4c"}


def test_gated_out_item_is_not_level_zero(instrument):
    answers = all_at(instrument, 4, KABKOTA_NO_INCIDENTS)
    result = score(instrument, KABKOTA_NO_INCIDENTS, answers)
    assert result.maturity == pytest.approx(1.0)  # gated-out items do not pull the mean down
    assert result.complete


def test_answer_to_gated_out_item_is_rejected(instrument):
    with pytest.raises(ScoringInputError) as caught:
        score(instrument, {"bayar_tpp": "tidak"}, {"A6.3": 2})
    assert caught.value.entry == "answers.A6.3"


@pytest.mark.parametrize(
    ("gates", "answers", "entry"),
    [({}, {"Z9.9": 1}, "answers.Z9.9"), ({}, {"A1.1": 5}, "answers.A1.1"),
     ({}, {"A1.1": -1}, "answers.A1.1"), ({}, {"A1.1": "3"}, "answers.A1.1"),
     ({"nope": "x"}, {}, "gates.nope"), ({"bayar_tpp": "mungkin"}, {}, "gates.bayar_tpp")],
)
def test_invalid_inputs_name_the_bad_entry(instrument, gates, answers, entry):
    with pytest.raises(ScoringInputError) as caught:
        score(instrument, gates, answers)
    assert caught.value.entry == entry


# --- weighted sum (legacy fixture) ------------------------------------------------------

def test_legacy_ends_of_range(legacy_instrument):
    assert legacy_instrument.index_range == (100.0, 400.0)
    assert score(legacy_instrument, {}, all_at(legacy_instrument, 1)).index == 100.0
    assert score(legacy_instrument, {}, all_at(legacy_instrument, 4)).index == 400.0


def test_legacy_case_all_at_two(legacy_instrument):
    # 2 x (sum of weights = 100) = 200 -> II Kurang, 50 short of Baik.
    result = score(legacy_instrument, {}, all_at(legacy_instrument, 2))
    assert result.index == 200.0 and result.headline_kind == "nilai"
    assert (result.band.roman, result.band.label) == ("II", "Kurang")
    assert result.next_band.missing == 50.0
    assert result.provisional is False


def test_legacy_case_career_development_raised(legacy_instrument):
    # The domain's worked example: all 2, aspect 3 (weight 32.5) at 4: 200 + 2*32.5 = 265 -> III Baik.
    answers = all_at(legacy_instrument, 2)
    answers.update({f"L3.{k}": 4 for k in range(1, 6)})
    result = score(legacy_instrument, {}, answers)
    assert result.index == 265.0
    assert result.band.label == "Baik"
    assert result.aspects[2].score == 130.0 and result.aspects[2].max_score == 130.0


def test_legacy_case_mixed(legacy_instrument):
    answers = {"L1.1": 4, "L1.2": 4,                        # 5*4 + 5*4         = 40
               "L2.1": 4, "L2.2": 3,                        # 5*4 + 5*3         = 35
               **{f"L3.{k}": 2 for k in range(1, 6)},       # 5 * 6.5*2         = 65
               "L4.1": 1, "L4.2": 3,                        # 5*1 + 5*3         = 20
               "L5.1": 4, "L5.2": 4, "L5.3": 3,             # 7*4 + 7*4 + 6*3   = 74
               "L6.1": 4, "L6.2": 4,                        # 4*4 + 3.5*4       = 30
               "L7.1": 3,                                   # 5*3               = 15
               "L8.1": 4}                                   # 5*4               = 20
    result = score(legacy_instrument, {}, answers)           # total             = 299
    assert result.index == 299.0
    assert result.band.display == "III Baik"
    assert result.next_band.missing == 26.0
    assert [a.score for a in result.aspects] == [40, 35, 65, 20, 74, 30, 15, 20]


def test_legacy_exact_boundary_reached_by_answers(legacy_instrument):
    # All 1 = 100; aspect 3 raised 1 -> 3 adds 2*32.5 = 65; L1.1 1 -> 3 adds 2*5 = 10: 175 -> II.
    answers = all_at(legacy_instrument, 1)
    answers.update({f"L3.{k}": 3 for k in range(1, 6)})
    answers["L1.1"] = 3
    result = score(legacy_instrument, {}, answers)
    assert result.index == 175.0 and result.band.label == "Kurang"
    answers["L1.1"] = 2  # 170 -> I Buruk
    assert score(legacy_instrument, {}, answers).band.label == "Buruk"


@pytest.mark.parametrize(
    ("value", "roman"),
    [(100, "I"), (174.9, "I"), (174.94, "I"), (174.95, "II"), (175, "II"), (249.9, "II"),
     (250, "III"), (324.9, "III"), (325, "IV"), (400, "IV")],
)
def test_legacy_band_boundaries(legacy_instrument, value, roman):
    assert legacy_instrument.band_for(value).roman == roman


# --- monotonicity -------------------------------------------------------------------------

@st.composite
def answers_and_raise(draw, instrument, gates):
    items = [item.id for item in instrument.applicable_items(gates)]
    levels = st.integers(instrument.scale_min, instrument.scale_max)
    answers = draw(st.dictionaries(st.sampled_from(items), levels))
    target = draw(st.sampled_from(items))
    current = answers.get(target, instrument.scale_min)
    raised = draw(st.integers(current, instrument.scale_max))
    return answers, target, raised


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_raising_one_level_never_lowers_the_index(instrument, legacy_instrument, data):
    for model, gates in ((instrument, KABKOTA_NO_INCIDENTS), (instrument, {}), (legacy_instrument, {})):
        answers, target, raised = data.draw(answers_and_raise(model, gates))
        survey = data.draw(st.none() | st.floats(0, 1))
        before = score(model, gates, answers, survey=survey).index
        after = score(model, gates, {**answers, target: raised}, survey=survey).index
        assert after >= before - 1e-9
