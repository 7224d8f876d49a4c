"""Province key and profile, enrolment, revocation."""

from __future__ import annotations

import json
from datetime import date

import pytest

from models import keys, province
from models.certificates import CertificateError, make_enrolment_request, read_certificate
from models.settings import MODE
from models.store import Store

PASS = "sandi-provinsi-19"


@pytest.fixture
def province_store(tmp_path):
    store = Store(tmp_path / "provinsi")
    province.init_province(store, "19", PASS)
    yield store
    store.close()


def request_for(code, name="BKPSDM Contoh"):
    private = keys.generate_private_key()
    return make_enrolment_request(code, name, keys.public_key_of(private), private), private


def test_init_makes_key_files_settings_and_province_office(province_store):
    assert province.province_code(province_store) == "19"
    assert province.private_key_path(province_store).is_file()
    public = province.public_key(province_store)
    assert keys.public_key_of(province.unlock(province_store, PASS)) == public
    assert province_store.office().code == "19" and province_store.office().is_province
    assert public in keys.load_trusted_keys(province_store.data_dir)
    with pytest.raises(keys.WrongPassphrase):
        province.unlock(province_store, "bukan-sandinya")


def test_init_refuses_second_key_and_non_province_codes(province_store, tmp_path):
    with pytest.raises(province.ProvinceError) as exc:
        province.init_province(province_store, "19", PASS)
    assert exc.value.reason == "key_exists"
    with Store(tmp_path / "lain") as other:
        with pytest.raises(province.ProvinceError, match="kabupaten/kota"):
            province.init_province(other, "19.01", PASS)
        with pytest.raises(province.ProvinceError, match="99"):
            province.init_province(other, "99", PASS)
        assert not province.has_key(other)


def test_profile_round_trip_with_fingerprint_and_revocations(province_store, tmp_path):
    private = province.unlock(province_store, PASS)
    enrolled = province.enrol(province_store, request_for("19.02")[0], private)
    province.revoke(province_store, enrolled.serial, "kunci hilang")
    target = province.export_profile(province_store, private, tmp_path / "profil-19.json")
    profile = province.read_profile(target.read_bytes(), expected_key=province.public_key(province_store))
    assert profile.province_code == "19" and profile.province_name == "Kepulauan Bangka Belitung"
    assert profile.fingerprint == province.public_key(province_store).fingerprint
    assert profile.revoked_serials == {enrolled.serial}
    assert any(entry["id"] == "esm-2026" for entry in profile.instruments)


def test_tampered_or_foreign_profile_is_refused(province_store, tmp_path):
    private = province.unlock(province_store, PASS)
    data = province.make_profile(province_store, private)
    document = json.loads(data)
    document["body"] = document["body"].replace('"revoked": []', '"revoked": [{"serial": "x", "office_code": "19.01"}]')
    with pytest.raises(province.ProvinceError) as exc:
        province.read_profile(json.dumps(document).encode())
    assert exc.value.reason == "profile_bad_signature"
    other_key = keys.public_key_of(keys.generate_private_key())
    with pytest.raises(province.ProvinceError) as exc:
        province.read_profile(data, expected_key=other_key)
    assert exc.value.reason == "profile_other_key"
    with pytest.raises(province.ProvinceError):
        province.read_profile(b"bukan profil")


def test_enrol_issues_certificate_with_serials_and_validity(province_store):
    private = province.unlock(province_store, PASS)
    first = province.enrol(province_store, request_for("19.01", "BKPSDM Kabupaten Bangka")[0], private,
                           valid_from=date(2026, 1, 1), valid_until=date(2027, 12, 31))
    second = province.enrol(province_store, request_for("19.71")[0], private)
    assert (first.serial, second.serial) == ("19-0001", "19-0002")
    certificate = read_certificate(bytes(first.certificate))
    assert certificate.office_code == "19.01" and certificate.serial == "19-0001"
    assert certificate.valid_until == date(2027, 12, 31)
    assert certificate.check([province.public_key(province_store)], date(2026, 6, 1))
    assert [row.office_code for row in province.enrolled_offices(province_store)] == ["19.01", "19.71"]


def test_enrol_refuses_office_of_another_province(province_store):
    private = province.unlock(province_store, PASS)
    with pytest.raises(CertificateError) as exc:
        province.enrol(province_store, request_for("11.01")[0], private)
    assert exc.value.reason == "certificate_office_mismatch"
    assert province.enrolled_offices(province_store) == []


def test_revoke_by_office_code_revokes_its_active_certificates(province_store):
    private = province.unlock(province_store, PASS)
    # One current certificate, then a second issued ahead for next year: both active.
    province.enrol(province_store, request_for("19.03")[0], private, valid_from=date(2020, 1, 1),
                   valid_until=date(2021, 1, 1))
    province.enrol(province_store, request_for("19.03")[0], private, valid_from=date(2099, 1, 1),
                   valid_until=date(2100, 1, 1))
    revoked = province.revoke(province_store, "19.03", "pegawai pindah", who="Admin")
    assert len(revoked) == 2
    assert province.revoked_serials(province_store) == {"19-0001", "19-0002"}
    with pytest.raises(province.ProvinceError) as exc:
        province.revoke(province_store, "19.03")
    assert exc.value.reason == "not_enrolled"


def test_province_chosen_in_the_setup_wizard_is_recognised(tmp_path):
    """The wizard records mode=province and the province office; the key comes later."""
    from models import consolidate

    with Store(tmp_path / "baru") as store:
        store.ensure_office("19", "BKD Provinsi Kepulauan Bangka Belitung")
        store.set_setting(MODE, "province")
        assert province.province_code(store) == "19" and not province.has_key(store)
        assert len(consolidate.consolidate(store, 2026).rows) == 7
        province.init_province(store, "19", PASS)
        assert store.office().name == "BKD Provinsi Kepulauan Bangka Belitung"


def test_verbs_without_province_setup_say_what_to_do(tmp_path, capsys):
    from cli import run

    data = tmp_path / "kantor"
    assert run(["import", str(tmp_path), "--data-dir", str(data)]) == 2
    assert "province init" in capsys.readouterr().err
    assert run(["consolidate", "--year", "2026", "--data-dir", str(data)]) == 2
    assert "province init" in capsys.readouterr().err
    assert run(["province", "enrol", str(tmp_path / "tidak-ada.json"), "--out", str(tmp_path / "c.json"),
                "--data-dir", str(data)]) == 2


def test_office_imports_profile_and_then_only_the_same_key(province_store, tmp_path):
    private = province.unlock(province_store, PASS)
    office_dir = tmp_path / "kantor"
    first = province.import_profile(office_dir, province.make_profile(province_store, private))
    assert first.public_key in keys.load_trusted_keys(office_dir)
    enrolled = province.enrol(province_store, request_for("19.01")[0], private)
    province.revoke(province_store, enrolled.serial)
    later = province.import_profile(office_dir, province.make_profile(province_store, private))
    assert later.revoked_serials == {enrolled.serial}
    stored = province.trusted_profile_path(office_dir, "19").read_bytes()
    assert province.read_profile(stored).revoked_serials == {enrolled.serial}

    with Store(tmp_path / "penyusup") as impostor:  # same province code, another key
        province.init_province(impostor, "19", PASS)
        forged = province.make_profile(impostor, province.unlock(impostor, PASS))
    with pytest.raises(province.ProvinceError) as exc:
        province.import_profile(office_dir, forged)
    assert exc.value.reason == "profile_other_key"
    assert len(keys.load_trusted_keys(office_dir)) == 1
