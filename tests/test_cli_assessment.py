"""The filling verbs (answer, gate, evidence, check, settings) through the real CLI entry."""

from __future__ import annotations

import json

import pytest

from cli import run
from cli.exit_codes import ExitCode
from models.settings import EVIDENCE_LIMIT_MB, OPERATOR_NAME
from models.store import Store


@pytest.fixture
def office_dir(data_dir):
    with Store(data_dir) as store:
        office = store.ensure_office("19.01")
        store.set_setting(OPERATOR_NAME, "Ani")
        store.create_assessment(office, 2026)
    return data_dir


def _run(capsys, *argv):
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_answer_sets_the_level_through_the_session_and_reports_the_score(office_dir, capsys):
    code, out, _ = _run(capsys, "answer", "A1.1", "3", "--justification", "SK Bupati",
                        "--data-dir", str(office_dir), "--json")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["level"] == 3 and data["justification"] == "SK Bupati"
    assert data["state"] == "no_evidence"  # above the lowest level, no evidence yet
    with Store(office_dir) as store:
        assessment = store.latest_assessment(store.office(), 2026)
        assert store.answer(assessment, "A1.1").level == 3
        assert store.audit_trail(assessment, "A1.1")[0].who == "Ani"
        assert data["score"]["index"] == store.score(assessment).index


def test_answer_refuses_a_level_outside_the_scale_and_writes_nothing(office_dir, capsys):
    code, _, err = _run(capsys, "answer", "A1.1", "7", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "Tingkat 7" in err
    code, _, err = _run(capsys, "answer", "A1.1", "tiga", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "bukan bilangan bulat" in err
    with Store(office_dir) as store:
        assert store.answer(store.latest_assessment(store.office(), 2026), "A1.1") is None


def test_gate_switches_items_off_and_a_gated_out_item_refuses_an_answer(office_dir, capsys):
    code, out, _ = _run(capsys, "gate", "bayar_tpp", "tidak", "--data-dir", str(office_dir), "--json")
    assert code == ExitCode.OK and "A6.3" in json.loads(out)["not_applicable"]
    code, _, err = _run(capsys, "answer", "A6.3", "2", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "A6.3" in err
    code, _, err = _run(capsys, "gate", "bayar_tpp", "mungkin", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "tidak sah" in err


def test_evidence_add_and_list(office_dir, tmp_path, capsys):
    source = tmp_path / "sk-tim.pdf"
    source.write_bytes(b"%PDF-1.4 SK tim penilai")
    code, out, _ = _run(capsys, "evidence", "add", "A1.1", str(source), "--data-dir", str(office_dir), "--json")
    assert code == ExitCode.OK and json.loads(out)["name"] == "sk-tim.pdf"
    code, out, _ = _run(capsys, "evidence", "list", "--data-dir", str(office_dir), "--json")
    listed = json.loads(out)["evidence"]
    assert [(row["item"], row["name"]) for row in listed] == [("A1.1", "sk-tim.pdf")]
    code, _, err = _run(capsys, "evidence", "add", "A9.9", str(source), "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "A9.9" in err
    code, _, err = _run(capsys, "evidence", "add", "A1.1", str(tmp_path / "hilang.pdf"),
                        "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "tidak ditemukan" in err


def test_check_exits_1_while_something_blocks_and_0_when_ready(office_dir, capsys):
    code, out, _ = _run(capsys, "check", "--data-dir", str(office_dir), "--json")
    data = json.loads(out)
    assert code == ExitCode.INVALID and not data["ready"]
    assert {issue["item"] for issue in data["issues"] if issue["kind"] == "unanswered"} >= {"A1.1", "A8.2"}
    with Store(office_dir) as store:
        assessment = store.latest_assessment(store.office(), 2026)
        instrument = store.instrument_of(assessment)
        for item in instrument.applicable_items(assessment.gates):
            store.set_answer(assessment, item.id, level=instrument.scale_min)
    code, out, _ = _run(capsys, "check", "--data-dir", str(office_dir))
    assert code == ExitCode.OK and "Siap difinalisasi" in out


def test_settings_are_listed_and_set_through_their_declaration(office_dir, capsys):
    code, out, _ = _run(capsys, "settings", "--data-dir", str(office_dir), "--json")
    listed = {row["key"]: row["value"] for row in json.loads(out)}
    assert listed["operator_name"] == "Ani" and listed["evidence_limit_mb"] == EVIDENCE_LIMIT_MB.default
    code, _, _ = _run(capsys, "settings", "evidence_limit_mb", "120", "--data-dir", str(office_dir))
    assert code == ExitCode.OK
    with Store(office_dir) as store:
        assert store.setting(EVIDENCE_LIMIT_MB) == 120
    code, _, err = _run(capsys, "settings", "evidence_limit_mb", "0", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "di luar rentang" in err
    code, _, err = _run(capsys, "settings", "mode", "province", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE
    code, _, err = _run(capsys, "settings", "warna", "--data-dir", str(office_dir))
    assert code == ExitCode.USAGE and "tidak dikenal" in err


def test_items_are_named_by_the_code_the_gui_shows_and_accepted_in_both_forms(office_dir, tmp_path, capsys):
    code, out, _ = _run(capsys, "answer", "1.2", "2", "--justification", "SK", "--data-dir", str(office_dir))
    assert code == ExitCode.OK and out.startswith("1.2: tingkat 2 tersimpan.")
    source = tmp_path / "anjab.pdf"
    source.write_bytes(b"%PDF-1.4 anjab")
    code, out, _ = _run(capsys, "evidence", "add", "1.1", str(source), "--data-dir", str(office_dir))
    assert code == ExitCode.OK and out.rstrip().endswith("dilampirkan ke 1.1.")
    code, out, _ = _run(capsys, "evidence", "list", "--item", "A1.1", "--data-dir", str(office_dir))
    assert code == ExitCode.OK and out.startswith("1.1\tanjab.pdf")
    with Store(office_dir) as store:
        assessment = store.latest_assessment(store.office(), 2026)
        assert store.answer(assessment, "A1.2").level == 2
        assert [row.item_id for row in store.evidence(assessment)] == ["A1.1"]
