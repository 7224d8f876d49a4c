"""What the province issues (``certificates.issue_certificate``): the validity it is asked
for, down to a single day; never a certificate with its dates reversed or without a serial;
a request handed over as the file's bytes is read and checked like a parsed one (issue 18:
mutation testing of ``models/certificates.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from models import keys
from models.certificates import CertificateError, issue_certificate, make_enrolment_request, read_certificate

DAY = date(2027, 3, 1)


@pytest.fixture(scope="module")
def parties():
    office, province = keys.generate_private_key(), keys.generate_private_key()
    request = make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", keys.public_key_of(office), office)
    return request, province, keys.public_key_of(province)


def _issue(parties, valid_from=DAY, valid_until=DAY, serial="19-0007", request=None):
    request_bytes, province, province_public = parties
    return issue_certificate(request if request is not None else request_bytes, province, province_public, "19",
                             valid_from, valid_until, serial)


def test_a_certificate_of_one_day_is_valid_that_day_only(parties):
    _, _, province_public = parties
    certificate = read_certificate(_issue(parties))
    assert (certificate.valid_from, certificate.valid_until, certificate.serial) == (DAY, DAY, "19-0007")
    assert certificate.check([province_public], DAY) == province_public
    for other in (date(2027, 2, 28), date(2027, 3, 2)):
        with pytest.raises(CertificateError):
            certificate.check([province_public], other)


def test_dates_the_wrong_way_round_are_refused(parties):
    with pytest.raises(CertificateError) as refused:
        _issue(parties, valid_from=DAY, valid_until=date(2027, 2, 28))
    assert refused.value.reason == "certificate_malformed"
    assert "Tanggal akhir berlaku sebelum tanggal mulai" in str(refused.value)


@pytest.mark.parametrize("serial", ["", "   "])
def test_a_blank_serial_is_refused(parties, serial):
    with pytest.raises(CertificateError) as refused:
        _issue(parties, serial=serial)
    assert refused.value.reason == "certificate_malformed"
    assert "Nomor seri sertifikat kosong" in str(refused.value)


def test_a_request_given_as_bytes_is_read_and_checked(parties):
    request_bytes, _, _ = parties
    certificate = read_certificate(_issue(parties, request=bytearray(request_bytes)))
    assert (certificate.office_code, certificate.office_name) == ("19.01", "BKPSDM Kabupaten Bangka")
    forged = request_bytes.replace(b"Bangka", b"Bangkx")
    with pytest.raises(CertificateError) as refused:
        _issue(parties, request=forged)
    assert refused.value.reason.startswith("request_")
