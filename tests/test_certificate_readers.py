"""What the readers of an enrolment request and of an office certificate refuse, and how
they say it: each file below is one a careless or hostile sender could hand over (too big by
one byte, not text, a body that is not a string, a field that is a number or blank, dates
the wrong way round, a key id that is not the signer's). Each is refused with its reason
code and the sentence the user reads, never with a bare ``KeyError`` or ``TypeError``; a
file exactly at the size limit is read (issue 18: mutation testing of the readers of
``models/certificates.py``)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from models import keys
from models.certificates import (
    CERTIFICATE_FORMAT,
    MAX_ENVELOPE_BYTES,
    REQUEST_FORMAT,
    CertificateError,
    _envelope,
    issue_certificate,
    make_enrolment_request,
    read_certificate,
    read_enrolment_request,
)

CERTIFICATE = "Sertifikat kantor"
REQUEST = "Permintaan pendaftaran"


@pytest.fixture(scope="module")
def parties():
    office, province = keys.generate_private_key(), keys.generate_private_key()
    return office, keys.public_key_of(office), province, keys.public_key_of(province)


def _body(parties, **changes) -> dict:
    """A certificate body as the province issues it, with ``changes`` (None: left out)."""
    _, office_public, _, province_public = parties
    body = {"office_code": "19.01", "office_name": "BKPSDM Kabupaten Bangka",
            "office_public_key": office_public.to_base64(), "office_key_id": office_public.key_id_hex,
            "province_code": "19", "province_key_id": province_public.key_id_hex,
            "valid_from": "2027-01-01", "valid_until": "2027-12-31", "serial": "19-0042",
            "issued_at": "2026-12-01T08:00:00+00:00"}
    body.update(changes)
    return {name: value for name, value in body.items() if value is not None}


def _signed(parties, **changes) -> bytes:
    """A certificate file signed by the province key over ``_body(changes)``."""
    _, _, province, province_public = parties
    return _envelope(CERTIFICATE_FORMAT, _body(parties, **changes), province, province_public.key_id, "uji")


def _request(parties, **changes) -> bytes:
    """A request file signed by the office key over its body with ``changes`` (None: left out)."""
    office, office_public, _, _ = parties
    body = {"office_code": "19.01", "office_name": "BKPSDM Kabupaten Bangka",
            "public_key": office_public.to_base64(), "key_id": office_public.key_id_hex,
            "created_at": "2026-11-30T09:15:00+00:00"}
    body.update(changes)
    body = {name: value for name, value in body.items() if value is not None}
    return _envelope(REQUEST_FORMAT, body, office, office_public.key_id, "uji")


def _document(data: bytes, **changes) -> bytes:
    """The envelope ``data`` with its outer keys changed (None: left out)."""
    document = {**json.loads(data), **changes}
    return json.dumps({name: value for name, value in document.items() if value is not None}).encode()


def _padded(data: bytes, size: int) -> bytes:
    """``data`` followed by JSON whitespace up to ``size`` bytes: the same document."""
    assert len(data) <= size
    return data + b" " * (size - len(data))


def _refused(reader, data: bytes) -> CertificateError:
    with pytest.raises(CertificateError) as refused:
        reader(data)
    return refused.value


def _invalid(what: str, detail: str) -> str:
    return f"{what} tidak sah: {detail}."


# --- the envelope ---------------------------------------------------------------------------

@pytest.mark.parametrize("reader, make, reason, what", [
    (read_certificate, _signed, "certificate_malformed", CERTIFICATE),
    (read_enrolment_request, _request, "request_malformed", REQUEST),
])
def test_a_file_exactly_at_the_size_limit_is_read_one_byte_more_is_not(parties, reader, make, reason, what):
    data = make(parties)
    assert reader(_padded(data, MAX_ENVELOPE_BYTES)).office_code == "19.01"
    error = _refused(reader, _padded(data, MAX_ENVELOPE_BYTES + 1))
    assert (error.reason, str(error)) == (reason, _invalid(what, "berkas terlalu besar"))


@pytest.mark.parametrize("reader, reason, what", [
    (read_certificate, "certificate_malformed", CERTIFICATE),
    (read_enrolment_request, "request_malformed", REQUEST),
])
@pytest.mark.parametrize("data", [b"\xff\xfe{}", b'{"format": ', b"", "{}".encode("utf-16")])
def test_a_file_that_is_not_json_text(reader, reason, what, data):
    error = _refused(reader, data)
    assert (error.reason, str(error)) == (reason, _invalid(what, "bukan JSON yang sah"))


@pytest.mark.parametrize("document", [[1], "teks", {"format": "merit-luring-enrolment-request"}, {"version": 1}])
def test_a_certificate_of_another_format(document):
    error = _refused(read_certificate, json.dumps(document).encode())
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, "format bukan 'merit-luring-office-certificate'"))


@pytest.mark.parametrize("version, shown", [(2, "2"), ("1", "'1'"), (None, "None")])
def test_a_certificate_of_another_version_names_it(parties, version, shown):
    data = _document(_signed(parties), version=version)
    error = _refused(read_certificate, data)
    assert (error.reason, str(error)) == \
        ("certificate_malformed", f"{CERTIFICATE} versi {shown} tidak dikenal; perbarui aplikasi.")


@pytest.mark.parametrize("reader, make, reason, what", [
    (read_certificate, _signed, "certificate_malformed", CERTIFICATE),
    (read_enrolment_request, _request, "request_malformed", REQUEST),
])
@pytest.mark.parametrize("change", ["body as object", "body as bytes list", "no body", "signature as number",
                                    "signature as list"])
def test_a_body_or_signature_that_is_not_text(parties, reader, make, reason, what, change):
    document = json.loads(make(parties))
    if change == "body as object":
        document["body"] = json.loads(document["body"])  # only the signature is a string
    elif change == "body as bytes list":
        document["body"] = list(document["body"].encode())
    elif change == "no body":
        del document["body"]
    elif change == "signature as number":
        document["signature"] = 12345  # only the body is a string
    else:
        document["signature"] = document["signature"].splitlines()
    error = _refused(reader, json.dumps(document).encode())
    assert (error.reason, str(error)) == (reason, _invalid(what, "bagian 'body' atau 'signature' tidak ada"))


@pytest.mark.parametrize("reader, make, reason, what", [
    (read_certificate, _signed, "certificate_malformed", CERTIFICATE),
    (read_enrolment_request, _request, "request_malformed", REQUEST),
])
@pytest.mark.parametrize("body, detail", [("[1, 2]", "isi 'body' harus objek"), ('"19.01"', "isi 'body' harus objek"),
                                          ("null", "isi 'body' harus objek"), ("{", "isi 'body' bukan JSON")])
def test_a_body_that_is_not_an_object(parties, reader, make, reason, what, body, detail):
    error = _refused(reader, _document(make(parties), body=body))
    assert (error.reason, str(error)) == (reason, _invalid(what, detail))


# --- the certificate ------------------------------------------------------------------------

def test_a_certificate_signed_by_the_province_is_read_with_every_fact(parties):
    _, office_public, _, province_public = parties
    data = _signed(parties)
    certificate = read_certificate(data)
    assert certificate.summary() == {
        "office_code": "19.01", "office_name": "BKPSDM Kabupaten Bangka", "office_key_id": office_public.key_id_hex,
        "office_fingerprint": office_public.fingerprint, "province_code": "19",
        "province_key_id": province_public.key_id_hex, "valid_from": "2027-01-01", "valid_until": "2027-12-31",
        "serial": "19-0042", "issued_at": "2026-12-01T08:00:00+00:00"}
    assert certificate.raw == data
    assert certificate.check([province_public], date(2027, 6, 1)) == province_public


def test_a_certificate_without_an_issue_time_shows_none_rather_than_a_word(parties):
    assert read_certificate(_signed(parties, issued_at=None)).summary()["issued_at"] == ""


NOT_TEXT = [None, "", "   ", 1901, ["19.01"], {"kode": "19.01"}, True]


@pytest.mark.parametrize("name", ["office_code", "office_name", "office_public_key", "province_code",
                                  "province_key_id", "serial"])
@pytest.mark.parametrize("value", NOT_TEXT)
def test_a_certificate_field_missing_blank_or_not_text(parties, name, value):
    error = _refused(read_certificate, _signed(parties, **{name: value}))
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, f"kolom '{name}' kosong atau tidak ada"))


@pytest.mark.parametrize("name", ["valid_from", "valid_until"])
@pytest.mark.parametrize("value", ["2027-02-30", "31-12-2027", "besok", 20271231, *NOT_TEXT])
def test_a_certificate_date_that_is_not_a_day(parties, name, value):
    """A date missing, blank or not text is not a day either, and is told so."""
    error = _refused(read_certificate, _signed(parties, **{name: value}))
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, f"kolom '{name}' bukan tanggal YYYY-MM-DD"))


def test_a_certificate_whose_dates_are_reversed_is_refused_one_day_is_not(parties):
    error = _refused(read_certificate, _signed(parties, valid_from="2027-12-31", valid_until="2027-12-30"))
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, "tanggal akhir berlaku sebelum tanggal mulai"))
    one_day = read_certificate(_signed(parties, valid_from="2027-12-31", valid_until="2027-12-31"))
    assert one_day.valid_from == one_day.valid_until == date(2027, 12, 31)


@pytest.mark.parametrize("key", ["bukan-kunci", "AAAA", keys.public_key_of(keys.generate_private_key()).to_minisign()])
def test_a_certificate_whose_office_key_is_not_a_key(parties, key):
    error = _refused(read_certificate, _signed(parties, office_public_key=key))
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, "kolom 'office_public_key' bukan kunci publik"))


def test_a_certificate_naming_another_key_id_than_its_signature(parties):
    other = keys.public_key_of(keys.generate_private_key())
    error = _refused(read_certificate, _signed(parties, province_key_id=other.key_id_hex))
    assert (error.reason, str(error)) == \
        ("certificate_malformed", _invalid(CERTIFICATE, "id kunci provinsi tidak cocok dengan tanda tangan"))


def test_a_certificate_whose_signature_is_not_minisign(parties):
    error = _refused(read_certificate, _document(_signed(parties), signature="untrusted comment: x\nrusak\n"))
    assert (error.reason, str(error)) == ("certificate_malformed", _invalid(CERTIFICATE, "tanda tangan provinsi rusak"))


# --- the request ----------------------------------------------------------------------------

def test_a_request_is_read_with_its_creation_time_and_bytes(parties):
    _, office_public, _, _ = parties
    data = _request(parties)
    request = read_enrolment_request(data)
    assert (request.office_code, request.office_name, request.public_key) == \
        ("19.01", "BKPSDM Kabupaten Bangka", office_public)
    assert (request.created_at, request.raw) == ("2026-11-30T09:15:00+00:00", data)


def test_a_request_without_a_creation_time_shows_none_rather_than_a_word(parties):
    assert read_enrolment_request(_request(parties, created_at=None)).created_at == ""


@pytest.mark.parametrize("code", ["19.99", "99.01", "1901", "19.01 "])
def test_a_request_for_an_unknown_region_names_it(parties, code):
    error = _refused(read_enrolment_request, _request(parties, office_code=code))
    assert (error.reason, str(error)) == \
        ("request_malformed", _invalid(REQUEST, f"kode wilayah '{code}' tidak dikenal"))


@pytest.mark.parametrize("code", ["19", "31"])
def test_a_request_for_a_province_is_not_an_office(parties, code):
    error = _refused(read_enrolment_request, _request(parties, office_code=code))
    assert (error.reason, str(error)) == \
        ("request_malformed", _invalid(REQUEST, f"kode '{code}' adalah provinsi, bukan kabupaten/kota"))


@pytest.mark.parametrize("name", ["office_code", "office_name", "public_key"])
@pytest.mark.parametrize("value", [None, "", "  ", 1901, ["19.01"]])
def test_a_request_field_missing_blank_or_not_text(parties, name, value):
    error = _refused(read_enrolment_request, _request(parties, **{name: value}))
    assert (error.reason, str(error)) == \
        ("request_malformed", _invalid(REQUEST, f"kolom '{name}' kosong atau tidak ada"))


@pytest.mark.parametrize("key", ["bukan-kunci", "AAAA"])
def test_a_request_whose_key_is_not_a_key_keeps_its_reason(parties, key):
    error = _refused(read_enrolment_request, _request(parties, public_key=key))
    assert (error.reason, str(error)) == \
        ("request_malformed", _invalid(REQUEST, "kolom 'public_key' bukan kunci publik"))


# --- issuing ----------------------------------------------------------------------------------

def test_issuing_for_an_office_outside_the_province_names_both(parties):
    office, office_public, province, province_public = parties
    request = make_enrolment_request("31.71", "BKD Jakarta Pusat", office_public, office)
    with pytest.raises(CertificateError) as refused:
        issue_certificate(request, province, province_public, "19", date(2027, 1, 1), date(2027, 12, 31), "19-1")
    assert (refused.value.reason, str(refused.value)) == \
        ("certificate_office_mismatch", "Kantor 31.71 tidak berada di provinsi 19.")


def test_an_issued_certificate_file_says_what_a_reader_of_the_json_sees(parties):
    """The body is the file a person (or minisign) reads: the office key id as minisign prints
    it, and the issue time in UTC to the second."""
    office, office_public, province, province_public = parties
    request = make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", office_public, office)
    before = datetime.now(UTC).replace(microsecond=0)
    data = issue_certificate(request, province, province_public, "19", date(2027, 1, 1), date(2027, 12, 31), "19-7")
    after = datetime.now(UTC)
    body = json.loads(json.loads(data)["body"])
    assert (body["office_key_id"], body["province_key_id"]) == (office_public.key_id_hex, province_public.key_id_hex)
    issued = datetime.fromisoformat(body["issued_at"])
    assert issued.utcoffset() == timedelta(0) and issued.microsecond == 0
    assert before <= issued <= after
    assert read_certificate(data).issued_at == body["issued_at"]
