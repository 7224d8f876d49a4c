"""Encryption by verbs: ``export --encrypt-to PROVINCE.pub``; the province's ``verify`` and
``import`` open such a file with the province key (its passphrase asked only then); an
imported assessment's evidence is read from the stored plaintext, checked by its SHA-256."""

from __future__ import annotations

import hashlib

from models import province
from models.evidence_source import evidence_source
from models.package.envelope import is_encrypted
from models.province_tables import received_package_path
from models.store import Store
from models.tables import Evidence
from tests.test_province_e2e import PASSPHRASE, YEAR, json_verb, office_sends_package, verb


def test_an_encrypted_export_is_opened_only_by_the_province(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", PASSPHRASE)
    province_dir = tmp_path / "bkd-provinsi"
    result, init = json_verb(capsys, "province", "init", "--province", "19", "--data-dir", province_dir)
    assert result == 0
    evidence = b"%PDF rahasia kantor" * 500
    plain = office_sends_package(capsys, tmp_path, province_dir, "19.01", 3, {"A1.1": evidence})
    office_dir = tmp_path / "kantor-19.01"

    sealed = tmp_path / "paket-rahasia.merit"
    result, exported = json_verb(capsys, "export", "--year", YEAR, "--out", sealed, "--encrypt-to",
                                 init["public_key"], "--data-dir", office_dir)
    assert result == 0 and exported["encrypted_to"] == init["key_id"]
    assert is_encrypted(sealed) and evidence not in sealed.read_bytes()
    assert not list(tmp_path.glob(".*.partial"))

    # An office (no province key) cannot read it: a stable code, not a crash.
    result, verdict = json_verb(capsys, "verify", sealed, "--data-dir", office_dir)
    assert result == 1 and verdict["reason"] == "encrypted_package"
    # The province can.
    result, verdict = json_verb(capsys, "verify", sealed, "--data-dir", province_dir)
    assert result == 0 and verdict["ok"], verdict

    result, imported = json_verb(capsys, "import", sealed, "--data-dir", province_dir)
    assert result == 0, imported
    [outcome] = imported["outcomes"]
    assert outcome["outcome"] == "accepted"
    stored = received_package_path(province_dir, outcome["sha256"])
    # Recorded under the stored plaintext's own SHA-256 (what re-checks, the Berita Acara
    # look-up and the evidence of the imported assessment rely on), not the envelope's.
    assert not is_encrypted(stored) and hashlib.sha256(stored.read_bytes()).hexdigest() == outcome["sha256"]
    assert outcome["sha256"] != hashlib.sha256(sealed.read_bytes()).hexdigest()
    result, verdict = json_verb(capsys, "verify", stored, "--data-dir", province_dir)
    assert result == 0 and verdict["received_at"] is not None  # judged at its receipt time
    # The plaintext is kept under its own hash: the office's unencrypted export is a duplicate.
    result, again = json_verb(capsys, "import", plain, "--data-dir", province_dir)
    assert [o["outcome"] for o in again["outcomes"]] == ["duplicate"]

    with Store(province_dir) as store:
        assert province.province_code(store) == "19"
        row = Evidence.get(Evidence.item_id == "A1.1")
        target = tmp_path / "lihat.pdf"
        evidence_source(store, row).copy_to(target)
    assert target.read_bytes() == evidence


def test_a_bad_recipient_key_is_refused_before_anything_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", PASSPHRASE)
    province_dir = tmp_path / "bkd-provinsi"
    assert json_verb(capsys, "province", "init", "--province", "19", "--data-dir", province_dir)[0] == 0
    office_sends_package(capsys, tmp_path, province_dir, "19.01", 3, {})
    bogus = tmp_path / "bukan.pub"
    bogus.write_text("bukan kunci\n")
    out = tmp_path / "tidak-ada.merit"
    code, _ = verb(capsys, "export", "--year", YEAR, "--out", out, "--encrypt-to", bogus,
                   "--data-dir", tmp_path / "kantor-19.01")
    assert code == 2 and not out.exists()
