"""Predikat only where it is defined: NISM (and the legacy nilai) carries a band; maturity
alone carries an estimate named as one; k without S waits; a negative NISM is flagged."""

from __future__ import annotations

import json

import pytest

from cli import run
from models import consolidate as cons
from models.figures import ESTIMATE_PHRASE, band_text, headline_text
from models.scoring import score


def all_at(instrument, level):
    return {item.id: level for item in instrument.applicable_items({})}


def test_maturity_alone_has_no_predikat_only_an_estimate(instrument):
    result = score(instrument, {}, all_at(instrument, 3))  # M = 0.75
    assert result.headline_kind == "maturity" and result.band is None
    assert result.band_estimate.label == "Menengah" and result.band_is_estimate
    assert result.shown_band is result.band_estimate
    data = result.to_dict()
    assert data["band"] is None and data["band_estimate"]["label"] == "Menengah"
    line = headline_text(result)
    assert "Maturitas" in line and f"{ESTIMATE_PHRASE}: Menengah" in line
    assert "0,75 — Menengah" not in line  # never "M Menengah" as if it were the predikat


def test_nism_has_its_predikat_and_no_estimate(instrument):
    result = score(instrument, {}, all_at(instrument, 3), survey=0.75)
    assert result.headline_kind == "nism" and result.band.label == "Menengah"
    assert result.band_estimate is None and not result.band_is_estimate
    assert result.to_dict()["band"]["label"] == "Menengah"


def test_correction_without_survey_waits_and_is_not_applied(instrument):
    result = score(instrument, {}, all_at(instrument, 3), correction=0.2)
    assert result.correction_waiting and result.index == 0.75  # k not subtracted from M
    assert not score(instrument, {}, all_at(instrument, 3), survey=0.5, correction=0.2).correction_waiting


def test_negative_nism_is_flagged(instrument):
    result = score(instrument, {}, all_at(instrument, 0), survey=0.0, correction=0.3)
    assert result.nism == pytest.approx(-0.3) and result.nism_negative
    assert result.band.label == "Dasar" and "NISM negatif" in band_text(result)
    assert not score(instrument, {}, all_at(instrument, 2), survey=0.5).nism_negative


def test_score_verb_json_and_text(tmp_path, capsys, instrument):
    path = tmp_path / "jawaban.json"
    path.write_text(json.dumps({"instrument": "esm-2026", "answers": all_at(instrument, 3),
                                "correction": 0.1}), "utf-8")
    assert run(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["band"] is None and data["band_estimate"]["code"] == "menengah"
    assert data["correction_waiting"] is True
    assert run(["score", str(path)]) == 0
    text = capsys.readouterr().out
    assert ESTIMATE_PHRASE in text and "menunggu nilai survei S" in text and "SEMENTARA" in text


def test_change_is_only_between_figures_of_the_same_kind():
    row = cons.ConsolidatedRow("19.01", "Bangka", cons.RECEIVED, index=0.7, headline_kind="nism",
                               previous_index=0.5, previous_kind="maturity")
    assert row.change is None
    same = cons.ConsolidatedRow("19.01", "Bangka", cons.RECEIVED, index=0.7, headline_kind="nism",
                                previous_index=0.5, previous_kind="nism")
    assert same.change == pytest.approx(0.2)
    assert same.ranking_group == 0 and cons.ConsolidatedRow(
        "19.02", "Belitung", cons.RECEIVED, index=0.9, headline_kind="maturity").ranking_group == 1


def test_old_package_band_of_maturity_still_verifies_by_digest():
    from models.package.verify import _score_digest

    old = {"headline_kind": "maturity", "band": {"code": "menengah"}}
    new = {"headline_kind": "maturity", "band": None, "band_estimate": {"code": "menengah"}}
    assert _score_digest(old) == _score_digest(new)


def test_demo_summary_names_the_estimate_and_sementara(tmp_path, capsys):
    data_dir = str(tmp_path / "d")
    assert run(["demo", "--data-dir", data_dir, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["band"] is None and summary["band_estimate"] and summary["provisional"] is True
    assert summary["headline_kind"] == "maturity"
    assert run(["demo", "--data-dir", str(tmp_path / "e")]) == 0
    text = capsys.readouterr().out
    assert f"{ESTIMATE_PHRASE}:" in text and "sementara: ya" in text and "predikat:" not in text
