"""Enrolment requests and office certificates issued by the province key."""

from __future__ import annotations

import json
from datetime import date

import pytest

from models import keys
from models.certificates import (
    CertificateError,
    _envelope,
    issue_certificate,
    make_enrolment_request,
    read_certificate,
    read_enrolment_request,
)


@pytest.fixture(scope="module")
def parties():
    office = keys.generate_private_key()
    province = keys.generate_private_key()
    return office, keys.public_key_of(office), province, keys.public_key_of(province)


def _certificate(parties, valid_from=date(2026, 1, 1), valid_until=date(2027, 12, 31), office_code="19.01"):
    office, office_public, province, province_public = parties
    request = read_enrolment_request(make_enrolment_request(office_code, "BKPSDM Contoh", office_public, office))
    return issue_certificate(request, province, province_public, "19", valid_from, valid_until, "19-0001")


def test_request_round_trip_is_signed_by_the_office_key(parties):
    office, office_public, _, _ = parties
    request = read_enrolment_request(make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", office_public, office))
    assert (request.office_code, request.office_name, request.public_key) == \
        ("19.01", "BKPSDM Kabupaten Bangka", office_public)
    document = json.loads(make_enrolment_request("19.01", "BKPSDM", office_public, office))
    document["signature"] = None  # anyone could then claim a key they do not hold
    with pytest.raises(CertificateError) as error:
        read_enrolment_request(json.dumps(document).encode())
    assert error.value.reason == "request_unsigned"


def test_a_province_code_is_not_an_office(parties):
    office, office_public, _, _ = parties
    with pytest.raises(CertificateError, match="provinsi, bukan kabupaten"):
        read_enrolment_request(make_enrolment_request("19", "BKD Provinsi", office_public, office))


def test_request_with_swapped_public_key_is_refused(parties):
    office, office_public, _, _ = parties
    document = json.loads(make_enrolment_request("19.01", "BKPSDM", office_public, office))
    body = json.loads(document["body"])
    body["public_key"] = keys.public_key_of(keys.generate_private_key()).to_base64()
    document["body"] = json.dumps(body)
    with pytest.raises(CertificateError) as error:
        read_enrolment_request(json.dumps(document).encode())
    assert error.value.reason == "request_bad_signature"


@pytest.mark.parametrize("data", [b"", b"{}", b"[1]", b'{"format": "merit-luring-enrolment-request"}'])
def test_malformed_requests_have_a_reason(data):
    with pytest.raises(CertificateError) as error:
        read_enrolment_request(data)
    assert error.value.reason == "request_malformed"


def test_certificate_carries_the_facts_and_checks(parties):
    _, office_public, _, province_public = parties
    certificate = read_certificate(_certificate(parties))
    assert certificate.office_code == "19.01"
    assert certificate.office_public_key == office_public
    assert certificate.province_code == "19"
    assert certificate.province_key_id == province_public.key_id_hex
    assert (certificate.valid_from, certificate.valid_until) == (date(2026, 1, 1), date(2027, 12, 31))
    assert certificate.serial == "19-0001"
    assert certificate.check([province_public], date(2026, 6, 1)) == province_public
    assert certificate.check([province_public], date(2027, 12, 31)) == province_public  # inclusive


@pytest.mark.parametrize("on, reason", [(date(2025, 12, 31), "certificate_not_yet_valid"),
                                        (date(2028, 1, 1), "certificate_expired")])
def test_certificate_dates(parties, on, reason):
    certificate = read_certificate(_certificate(parties))
    with pytest.raises(CertificateError) as error:
        certificate.check([parties[3]], on)
    assert error.value.reason == reason


def test_foreign_province_key_is_untrusted(parties):
    certificate = read_certificate(_certificate(parties))
    foreign = keys.public_key_of(keys.generate_private_key())
    with pytest.raises(CertificateError) as error:
        certificate.check([foreign], date(2026, 6, 1))
    assert error.value.reason == "certificate_untrusted"
    assert "tidak dipercaya" in str(error.value)


def test_forged_certificate_claiming_the_province_key_id(parties):
    _, office_public, _, province_public = parties
    attacker = keys.generate_private_key()
    body = json.loads(json.loads(_certificate(parties))["body"])
    body["valid_until"] = "2099-12-31"
    forged = _envelope("merit-luring-office-certificate", body, attacker, province_public.key_id, "palsu")
    certificate = read_certificate(forged)
    with pytest.raises(CertificateError) as error:
        certificate.check([province_public], date(2090, 1, 1))
    assert error.value.reason == "certificate_bad_signature"


def test_issuing_for_an_office_of_another_province_is_refused(parties):
    with pytest.raises(CertificateError) as error:
        _certificate(parties, office_code="31.71")
    assert error.value.reason == "certificate_office_mismatch"


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(version=2),
    lambda d: d.update(format="lain"),
    lambda d: d.update(body="bukan json"),
    lambda d: d.update(signature="rusak"),
    lambda d: d.update(body=json.dumps({**json.loads(d["body"]), "valid_from": "kemarin"})),
])
def test_malformed_certificates_are_reported(parties, mutate):
    document = json.loads(_certificate(parties))
    mutate(document)
    with pytest.raises(CertificateError) as error:
        read_certificate(json.dumps(document).encode())
    assert error.value.reason == "certificate_malformed"
