"""An office keeping the certificate the province sent: only one for its own key and office
code, signed by a province key it trusts (or is given now) and valid today is kept; what it
keeps and trusts is exactly that, and a refusal keeps nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import keys
from models.certificates import (
    CertificateError,
    import_office_certificate,
    issue_certificate,
    make_enrolment_request,
    read_certificate,
    read_enrolment_request,
)

PASSPHRASE = "kata sandi kantor yang panjang"
TODAY = date.today()


@pytest.fixture
def office(data_dir):
    keys.create_office_key(data_dir, PASSPHRASE)
    return keys.load_private_key(keys.office_key_path(data_dir), PASSPHRASE)


@pytest.fixture(scope="module")
def province():
    private = keys.generate_private_key()
    return private, keys.public_key_of(private)


def _issue(office_private, province, *, code="19.01", valid_from=TODAY - timedelta(days=1),
           valid_until=TODAY + timedelta(days=365), serial="19-0042"):
    private, public = province
    request = read_enrolment_request(make_enrolment_request(code, "BKPSDM Contoh", keys.public_key_of(office_private),
                                                            office_private))
    return issue_certificate(request, private, public, "19", valid_from, valid_until, serial)


def _kept(data_dir):
    return sorted(p.name for p in keys.keys_dir(data_dir).rglob("*") if p.is_file() and "office." not in p.name)


def test_the_office_s_own_certificate_is_kept_and_its_province_key_trusted(data_dir, office, province):
    data = _issue(office, province)
    certificate, signer = import_office_certificate(data_dir, "19.01", data, province_key=province[1])
    assert signer == province[1] and certificate.serial == "19-0042"
    assert keys.office_certificate_path(data_dir).read_bytes() == data
    assert keys.load_trusted_keys(data_dir) == [province[1]]
    trusted_file = keys.trusted_keys_dir(data_dir) / f"province-19-{province[1].key_id_hex}.pub"
    assert trusted_file.is_file()
    # The next certificate from the same, now trusted, province needs no key file again.
    renewed = _issue(office, province, serial="19-0043")
    certificate, signer = import_office_certificate(data_dir, "19.01", renewed)
    assert (certificate.serial, signer) == ("19-0043", province[1])
    assert read_certificate(keys.office_certificate_path(data_dir).read_bytes()).serial == "19-0043"


def test_a_given_key_that_did_not_sign_it_is_not_trusted(data_dir, office, province):
    other_public = keys.public_key_of(keys.generate_private_key())
    # The province key is already trusted, kept under a name of the installation's choosing.
    trusted_dir = keys.trusted_keys_dir(data_dir)
    trusted_dir.mkdir(parents=True, exist_ok=True)
    (trusted_dir / "provinsi.pub").write_text(province[1].to_minisign(), "ascii")
    # Signed by the trusted province; the extra key offered along is not written, nor anything else.
    import_office_certificate(data_dir, "19.01", _issue(office, province), province_key=other_public)
    assert sorted(p.name for p in trusted_dir.iterdir()) == ["provinsi.pub"]
    assert keys.load_trusted_keys(data_dir) == [province[1]]


@pytest.mark.parametrize(("case", "reason"), [
    ("another office's key", "certificate_wrong_key"),
    ("another office code", "certificate_office_mismatch"),
    ("no province key", "province_key_missing"),
    ("signed by another province", "certificate_untrusted"),
    ("expired", "certificate_expired"),
    ("not yet valid", "certificate_not_yet_valid"),
])
def test_a_certificate_that_is_not_this_office_s_is_refused_and_nothing_kept(data_dir, office, province, case,
                                                                              reason):
    given = province[1]
    if case == "another office's key":
        data = _issue(keys.generate_private_key(), province)
    elif case == "another office code":
        data = _issue(office, province, code="19.02")
    elif case == "no province key":
        data, given = _issue(office, province), None
    elif case == "signed by another province":
        stranger = keys.generate_private_key()
        data = _issue(office, (stranger, keys.public_key_of(stranger)))
    elif case == "expired":
        data = _issue(office, province, valid_from=TODAY - timedelta(days=400), valid_until=TODAY - timedelta(days=1))
    else:
        data = _issue(office, province, valid_from=TODAY + timedelta(days=1), valid_until=TODAY + timedelta(days=30))
    before = _kept(data_dir)
    with pytest.raises(CertificateError) as refused:
        import_office_certificate(data_dir, "19.01", data, province_key=given)
    assert refused.value.reason == reason
    assert _kept(data_dir) == before == []


def test_valid_today_on_its_first_and_last_day(data_dir, office, province):
    for valid_from, valid_until in ((TODAY, TODAY + timedelta(days=10)), (TODAY - timedelta(days=10), TODAY)):
        data = _issue(office, province, valid_from=valid_from, valid_until=valid_until)
        assert import_office_certificate(data_dir, "19.01", data, province_key=province[1])[1] == province[1]


def test_the_summary_shown_to_the_user_says_whose_certificate_it_is(office, province):
    certificate = read_certificate(_issue(office, province))
    office_public = keys.public_key_of(office)
    assert certificate.summary() == {
        "office_code": "19.01", "office_name": "BKPSDM Contoh", "office_key_id": office_public.key_id_hex,
        "office_fingerprint": office_public.fingerprint, "province_code": "19",
        "province_key_id": province[1].key_id_hex, "valid_from": (TODAY - timedelta(days=1)).isoformat(),
        "valid_until": (TODAY + timedelta(days=365)).isoformat(), "serial": "19-0042",
        "issued_at": certificate.issued_at}
    assert certificate.issued_at


def test_today_is_the_utc_day_as_at_the_province_whatever_the_pc_s_zone(data_dir, office, province, monkeypatch):
    """At 03:00 WIB on 2 January it is still 1 January in UTC, the day the province judges by:
    a certificate whose last day is 1 January is still valid to import."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from models import certificates

    moment = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            local = moment.astimezone(ZoneInfo("Asia/Jakarta"))
            return moment.astimezone(tz) if tz is not None else local.replace(tzinfo=None)

    monkeypatch.setattr(certificates, "datetime", Clock)
    data = _issue(office, province, valid_from=date(2025, 12, 1), valid_until=date(2026, 1, 1))
    assert import_office_certificate(data_dir, "19.01", data, province_key=province[1])[1] == province[1]
