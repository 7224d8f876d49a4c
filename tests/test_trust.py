"""Trust over time: the verifier's clock, revocations with an effective time, replacing a lost
key's certificate, what ``keys show`` says next to another key."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cli import run
from models import importer, keys, province
from models.certificates import GRACE_DAYS, issue_certificate, read_enrolment_request
from models.lifecycle import finalize, reopen
from models.package.verify import verify_package
from models.province_tables import ReceivedPackage, received_package_path
from models.tables import database
from tests import test_importer
from tests.package_builders import manifest_of, read_entries, resign, with_certificate, write_signed
from tests.test_importer import (
    PROVINCE_PASS,
    OfficeSite,
    active,
    enrolled_office,
)

site = test_importer.site  # a province with its key
bangka = test_importer.bangka  # office 19.01, enrolled
TODAY = datetime.now(UTC).date()


def cli(capsys, store, *argv) -> tuple[int, str, str]:
    """A verb as ``python main.py`` runs it; the tables point at ``store`` again afterwards
    (they are bound to the last database opened)."""
    capsys.readouterr()
    try:
        code = run([str(a) for a in argv])
    finally:
        database.initialize(store.db)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def unregistered_valid_certificate(site: test_importer.ProvinceSite, office: OfficeSite) -> bytes:
    """Signed by the province key for today, so that export writes the package at all."""
    request = read_enrolment_request(office.request())
    return issue_certificate(request, site.private_key, province.public_key(site.store), "19",
                             TODAY - timedelta(days=1), TODAY + timedelta(days=30), "19-7777")


def resigned(office: OfficeSite, package: Path, target: Path, *, certificate: bytes | None = None,
             created_at: str | None = None) -> Path:
    """``package`` carrying ``certificate`` and claiming ``created_at``, signed again by the office."""
    entries = read_entries(package)
    if certificate is not None:
        entries = with_certificate(entries, certificate)
    manifest = manifest_of(entries)
    if created_at is not None:
        manifest["created_at"] = created_at
    return write_signed(target, resign(entries, manifest), office.private_key)


def package_under(site, tmp_path, code: str, valid_from: date, valid_until: date, created: date) -> Path:
    """A package of ``code`` carrying a certificate of the registry valid ``valid_from``..
    ``valid_until`` and claiming to be created on ``created``."""
    office = OfficeSite.create(tmp_path / f"kantor-{code}", code)
    certificate = site.enrol(office.request(), valid_from=valid_from, valid_until=valid_until)
    office.certificate = unregistered_valid_certificate(site, office)
    exported = office.export(office.answer(2026, 3), tmp_path / f"ekspor-{code}.merit")
    package = resigned(office, exported, tmp_path / f"{code}.merit", certificate=certificate,
                       created_at=f"{created.isoformat()}T10:00:00+00:00")
    office.store.close()
    return package


# --- the verifier's clock -------------------------------------------------------------------

def test_a_back_dated_package_of_an_expired_certificate_is_refused(site, tmp_path):
    package = package_under(site, tmp_path, "19.02", date(2020, 1, 1), date(2021, 1, 1), created=date(2020, 6, 1))
    trusted = [province.public_key(site.store)]
    report = verify_package(package, trusted)
    assert (report.ok, report.reason) == (False, "certificate_expired")
    assert "2021-01-01" in report.message
    # Only a verifier asserting a date itself (an archive's receipt date) judges it then.
    assert verify_package(package, trusted, on=date(2020, 6, 1)).ok
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "certificate_expired")


def test_a_late_package_made_while_valid_is_accepted_with_a_notice_within_the_grace(site, tmp_path):
    expired_on = TODAY - timedelta(days=GRACE_DAYS - 5)
    package = package_under(site, tmp_path, "19.03", expired_on - timedelta(days=300), expired_on,
                            created=expired_on - timedelta(days=1))
    report = verify_package(package, [province.public_key(site.store)])
    assert report.ok and "masa tenggang" in report.notice and "Catatan" in report.message
    outcome = importer.Importer(site.store).import_file(package)
    assert outcome.outcome == importer.ACCEPTED and "masa tenggang" in outcome.message


@pytest.mark.parametrize(("expired_days_ago", "created_days_ago"), [
    (GRACE_DAYS + 5, GRACE_DAYS + 6),  # made while valid, but arrives after the grace
    (5, 2),  # claims to be made after the certificate ended
], ids=["after-the-grace", "made-after-expiry"])
def test_outside_the_grace_an_expired_certificate_is_refused(site, tmp_path, expired_days_ago, created_days_ago):
    expired_on = TODAY - timedelta(days=expired_days_ago)
    package = package_under(site, tmp_path, "19.04", expired_on - timedelta(days=300), expired_on,
                            created=TODAY - timedelta(days=created_days_ago))
    assert verify_package(package, [province.public_key(site.store)]).reason == "certificate_expired"


# --- revocations ----------------------------------------------------------------------------

def test_verify_applies_the_revocations_of_the_trusted_profile(site, bangka, tmp_path, capsys):
    package = bangka.export(bangka.answer(2026, 3), tmp_path / "bangka.merit")
    office_dir = tmp_path / "pemeriksa"
    with active(site.store):
        province.import_profile(office_dir, province.make_profile(site.store, site.private_key))
    code, out, _ = cli(capsys, site.store, "verify", package, "--data-dir", office_dir, "--json")
    assert code == 0 and json.loads(out)["ok"]

    province.revoke(site.store, "19.01", "laptop hilang")
    province.import_profile(office_dir, province.make_profile(site.store, site.private_key))
    code, out, err = cli(capsys, site.store, "verify", package, "--data-dir", office_dir, "--json")
    assert code == 1 and json.loads(out)["reason"] == "certificate_revoked"
    code, _, err = cli(capsys, site.store, "verify", package, "--data-dir", office_dir)
    assert code == 1 and "certificate_revoked" in err and "Traceback" not in err


def test_verify_on_the_province_applies_its_registry(site, bangka, tmp_path, capsys):
    package = bangka.export(bangka.answer(2026, 3), tmp_path / "bangka.merit")
    province.revoke(site.store, "19.01", "kunci bocor")
    code, out, _ = cli(capsys, site.store, "verify", package, "--data-dir", site.store.data_dir, "--json")
    assert code == 1 and json.loads(out)["reason"] == "certificate_revoked"


def test_a_revocation_keeps_what_was_received_before_it_valid(site, bangka, tmp_path, capsys):
    first = bangka.answer(2026, 3)
    package = bangka.export(first, tmp_path / "r1.merit")
    assert importer.Importer(site.store).import_file(package).outcome == importer.ACCEPTED
    received = ReceivedPackage.get(ReceivedPackage.office_code == "19.01")
    province.revoke(site.store, "19.01", "kunci hilang")

    assert province.recheck_received(site.store, received).ok
    code, out, _ = cli(capsys, site.store, "verify", received_package_path(site.store.data_dir, received.sha256),
                       "--data-dir", site.store.data_dir, "--json")
    verdict = json.loads(out)
    assert code == 0 and verdict["received_at"] == received.received_at.isoformat()
    # Anything signed under that certificate and arriving now is refused.
    with active(bangka.store):
        second = finalize(bangka.store, reopen(bangka.store, first, "Operator"), "Operator",
                          without_survey=True)
    later = importer.Importer(site.store).import_file(bangka.export(second, tmp_path / "r2.merit"))
    assert (later.outcome, later.reason) == (importer.REJECTED, "certificate_revoked")


def test_a_revocation_dated_before_the_receipt_refuses_it_on_recheck(site, bangka, tmp_path, capsys):
    package = bangka.export(bangka.answer(2026, 3), tmp_path / "r1.merit")
    assert importer.Importer(site.store).import_file(package).outcome == importer.ACCEPTED
    received = ReceivedPackage.get(ReceivedPackage.office_code == "19.01")
    lost_since = received.received_at - timedelta(hours=2)
    code, _, _ = cli(capsys, site.store, "province", "revoke", "19.01", "--reason", "laptop dicuri",
                     "--from", lost_since.strftime("%Y-%m-%dT%H:%M"), "--data-dir", site.store.data_dir)
    assert code == 0
    report = province.recheck_received(site.store, received)
    assert report.reason == "certificate_revoked" and "sejak" in report.message


# --- a lost key: enrolment replaces the certificate -------------------------------------------

def test_enrol_refuses_to_replace_a_valid_certificate_without_replace(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", PROVINCE_PASS)
    province_dir = tmp_path / "provinsi"
    assert run(["province", "init", "--province", "19", "--data-dir", str(province_dir)]) == 0
    requests = []
    for name in ("lama", "baru"):
        private = keys.generate_private_key()
        path = tmp_path / f"permintaan-{name}.json"
        path.write_bytes(province_request(private))
        requests.append(path)
    assert run(["province", "enrol", str(requests[0]), "--out", str(tmp_path / "c1.json"),
                "--data-dir", str(province_dir)]) == 0
    capsys.readouterr()

    refused = run(["province", "enrol", str(requests[1]), "--out", str(tmp_path / "c2.json"),
                   "--data-dir", str(province_dir)])
    err = capsys.readouterr().err
    assert refused == 2 and "19-0001" in err and "--replace" in err and "Traceback" not in err
    assert not (tmp_path / "c2.json").exists()

    assert run(["province", "enrol", str(requests[1]), "--out", str(tmp_path / "c2.json"), "--replace",
                "--data-dir", str(province_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["replaced"] == ["19-0001"]
    assert run(["province", "offices", "--json", "--data-dir", str(province_dir)]) == 0
    states = {row["serial"]: (row["state"], row["revoke_reason"]) for row in json.loads(capsys.readouterr().out)}
    assert states["19-0001"][0] == "diganti" and states["19-0001"][1].startswith("diganti")
    assert states["19-0002"] == ("berlaku", "")


def province_request(private) -> bytes:
    from models.certificates import make_enrolment_request

    return make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", keys.public_key_of(private), private)


def test_a_lost_key_signs_nothing_the_province_accepts_after_replacement(site, bangka, tmp_path):
    first = bangka.answer(2026, 3)
    assert importer.Importer(site.store).import_file(bangka.export(first, tmp_path / "r1.merit")).outcome \
        == importer.ACCEPTED
    lost_key, lost_certificate = bangka.private_key, bangka.certificate
    with pytest.raises(province.ProvinceError) as refused:
        site.enrol(OfficeSite(bangka.store, keys.generate_private_key()).request())
    assert refused.value.reason == "already_enrolled" and "19-0001" in str(refused.value)

    bangka.private_key = keys.generate_private_key()  # the office's new key, enrolled again
    bangka.certificate = site.enrol(bangka.request(), replace=True)
    with active(bangka.store):
        second = finalize(bangka.store, reopen(bangka.store, first, "Operator"), "Operator",
                          without_survey=True)
    finder = OfficeSite(bangka.store, lost_key, lost_certificate)  # whoever found the old key
    forged = importer.Importer(site.store).import_file(finder.export(second, tmp_path / "temuan.merit"))
    assert (forged.outcome, forged.reason) == (importer.REJECTED, "certificate_revoked")
    genuine = importer.Importer(site.store).import_file(bangka.export(second, tmp_path / "r2.merit"))
    assert genuine.outcome == importer.ACCEPTED
    first_received = ReceivedPackage.get((ReceivedPackage.office_code == "19.01") & (ReceivedPackage.revision == 1))
    assert province.recheck_received(site.store, first_received).ok


# --- keys show ------------------------------------------------------------------------------

def test_keys_show_judges_the_certificate_against_the_key_present(site, tmp_path, capsys):
    office_dir = tmp_path / "kantor"
    office_key = keys.create_office_key(office_dir, "sandi-kantor-1")
    private = keys.load_private_key(keys.office_key_path(office_dir), "sandi-kantor-1")
    from models.certificates import make_enrolment_request

    request = make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", office_key, private)
    keys.write_atomic(keys.office_certificate_path(office_dir), site.enrol(request))
    with active(site.store):
        province.import_profile(office_dir, province.make_profile(site.store, site.private_key))
    code, out, _ = cli(capsys, site.store, "keys", "show", "--data-dir", office_dir)
    assert code == 0 and out.rstrip().endswith("— sah")

    # The key is lost and a new one made; the old certificate is still in its place.
    keys.office_key_path(office_dir).unlink()
    new_key = keys.create_office_key(office_dir, "sandi-kantor-2")
    code, out, _ = cli(capsys, site.store, "keys", "show", "--data-dir", office_dir, "--json")
    status = json.loads(out)["certificate"]
    assert status["status"] == "other_key" and status["status_message"].startswith("tidak cocok dengan kunci ini")
    assert new_key.key_id_hex in status["status_message"]
    code, out, _ = cli(capsys, site.store, "keys", "show", "--data-dir", office_dir)
    assert "tidak cocok dengan kunci ini" in out and "— sah" not in out


def test_keys_show_reports_a_revocation_the_profile_carries(site, tmp_path, capsys):
    office = enrolled_office(tmp_path, site, "19.02")
    office_dir = tmp_path / "kantor-periksa"
    keys.save_private_key(keys.office_key_path(office_dir), office.private_key, "sandi-kantor-1",
                          role=keys.OFFICE_ROLE)
    keys.write_atomic(keys.office_certificate_path(office_dir), office.certificate)
    province.revoke(site.store, "19.02", "kunci bocor")
    province.import_profile(office_dir, province.make_profile(site.store, site.private_key))
    code, out, _ = cli(capsys, site.store, "keys", "show", "--data-dir", office_dir, "--json")
    assert json.loads(out)["certificate"]["status"] == "certificate_revoked"
    office.store.close()
