"""Past official KASN results (100–400): aspect maxima checked, the category read from the
unrounded value, and the value shown with enough digits not to contradict it."""

from __future__ import annotations

import json

import pytest

from cli import run
from models.store import StoreRuleError, legacy_scale


def test_category_is_that_of_the_unrounded_value():
    scale = legacy_scale()
    assert scale.category_for(174.95)["label"] == "Buruk"
    assert scale.with_category(174.95) == "174,95 — I Buruk"
    assert scale.with_category(175) == "175,0 — II Kurang"
    assert scale.with_category(301.5) == "301,5 — III Baik"
    assert scale.with_category(324.9999999).startswith("324,99") and "III Baik" in scale.with_category(324.9999999)


@pytest.mark.parametrize(("aspects", "needle"), [
    ({"3": 200}, "Aspek 3 (Pengembangan Karier): nilai 200,0 di luar rentang 32,5–130,0"),
    ({"1": 5}, "Aspek 1"),
    ({"6": 50, "7": 40}, "Aspek 6–8 bersama-sama 90,0"),
    ({"9": 10}, "Aspek 9 tidak ada"),
    ({"1": 40, "2": 40, "3": 130, "4": 40, "5": 80}, "melebihi nilai total"),
])
def test_aspect_values_beyond_their_maximum_are_refused(store, office, aspects, needle):
    with pytest.raises(StoreRuleError, match=needle.replace("(", r"\(").replace(")", r"\)")):
        store.record_legacy_result(office, 2022, 300.0, aspects)
    assert store.legacy_results(office) == []


def test_history_verb_shows_unrounded_category(tmp_path, capsys):
    data_dir = tmp_path / "d"
    assert run(["demo", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert run(["--data-dir", str(data_dir), "history", "add", "--year", "2024", "--nilai", "174.95"]) == 0
    assert "2024: 174,95 — I Buruk" in capsys.readouterr().out
    assert run(["--data-dir", str(data_dir), "history", "add", "--year", "2024", "--nilai", "300",
                "--aspect", "3=200"]) == 2
    assert "di luar rentang" in capsys.readouterr().err
    assert run(["--data-dir", str(data_dir), "history", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]
    assert rows[-1]["nilai"] == 174.95 and rows[-1]["category"] == "I Buruk"
