"""Enrolment of an office with its province, offline and by file.

1. The office exports an *enrolment request*: office code, name and public key, signed by
   the office key itself (proof that the office holds the private key).
2. The province reads it, checks that signature, and issues an *office certificate*:
   the same facts plus province code, province key id, validity dates and a serial,
   signed by the province key.
3. The office imports the certificate; every package carries it, so anyone holding the
   province's public key can check who made a package.

Both files are JSON envelopes ``{"format", "version", "body", "signature"}`` where
``body`` is a JSON *text* (a string) and ``signature`` a minisign signature file over its
exact UTF-8 bytes, so no JSON canonicalisation is ever needed to check them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import regions
from models.keys import (
    KeyFileError,
    PublicKey,
    SignatureError,
    key_id_hex,
    minisign_sign,
    minisign_verify,
    parse_minisign_signature,
    public_key_from_base64,
)
from models.texts import CodedError, Said

REQUEST_FORMAT = "merit-luring-enrolment-request"
CERTIFICATE_FORMAT = "merit-luring-office-certificate"
ENVELOPE_VERSION = 1
MAX_ENVELOPE_BYTES = 64 * 1024
# Days after a certificate's last day in which a package made while it was valid is still
# accepted (with a notice): a package finished on the last day and carried by flash drive
# arrives late. Judged on the verifier's clock, so an expired key cannot back-date for ever.
GRACE_DAYS = 30
# A signed creation time this far ahead of the verifier's clock is an office PC's wrong clock.
CLOCK_SKEW = timedelta(days=1)


class CertificateError(CodedError, ValueError):
    """A request or certificate is unusable; ``reason`` is a stable code for programs, ``code``
    and ``params`` word it (``models.texts``), the message is a sentence in Bahasa Indonesia."""

    def __init__(self, reason: str, *, code: str, **params):
        super().__init__(code=code, **params)
        self.reason = reason


def _malformed(reason: str, what: str, detail: str, **params) -> CertificateError:
    """``what`` is malformed; ``what`` and ``detail`` are codes of ``models.texts``."""
    return CertificateError(reason, code="envelope_invalid", what=Said(what), detail=Said(detail, **params))


def _envelope(format_name: str, body: dict, private_key: Ed25519PrivateKey, key_id: bytes,
              trusted_comment: str) -> bytes:
    body_text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True)
    signature = minisign_sign(private_key, key_id, body_text.encode("utf-8"), trusted_comment)
    document = {"format": format_name, "version": ENVELOPE_VERSION, "body": body_text,
                "signature": signature.decode("ascii")}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _open_envelope(data: bytes, format_name: str, reason: str, what: str,
                   max_bytes: int = MAX_ENVELOPE_BYTES) -> tuple[dict, bytes, bytes]:
    """(body dict, body bytes, signature bytes) of an envelope, checked for shape only."""
    if len(data) > max_bytes:
        raise _malformed(reason, what, "detail_too_big")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _malformed(reason, what, "detail_not_json") from None
    if not isinstance(document, dict) or document.get("format") != format_name:
        raise _malformed(reason, what, "detail_format", format=format_name)
    if document.get("version") != ENVELOPE_VERSION:
        raise CertificateError(reason, code="envelope_version", what=Said(what),
                               version=repr(document.get("version")))
    body_text, signature = document.get("body"), document.get("signature")
    if not isinstance(body_text, str) or not isinstance(signature, str):
        raise _malformed(reason, what, "detail_parts_missing")
    try:
        body = json.loads(body_text)
    except json.JSONDecodeError:
        raise _malformed(reason, what, "detail_body_not_json") from None
    if not isinstance(body, dict):
        raise _malformed(reason, what, "detail_body_not_object")
    return body, body_text.encode("utf-8"), signature.encode("utf-8")


def _text(body: dict, name: str, reason: str, what: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _malformed(reason, what, "detail_field_missing", name=name)
    return value


def _date(body: dict, name: str, reason: str, what: str) -> date:
    try:
        return date.fromisoformat(_text(body, name, reason, what))
    except ValueError:
        raise _malformed(reason, what, "detail_field_not_date", name=name) from None


def _public_key(body: dict, name: str, reason: str, what: str) -> PublicKey:
    try:
        return public_key_from_base64(_text(body, name, reason, what), Said(what))
    except KeyFileError:
        raise _malformed(reason, what, "detail_field_not_key", name=name) from None


# --- enrolment request ----------------------------------------------------------------------

@dataclass(frozen=True)
class EnrolmentRequest:
    office_code: str
    office_name: str
    public_key: PublicKey
    created_at: str
    raw: bytes


def make_enrolment_request(office_code: str, office_name: str, public_key: PublicKey,
                           private_key: Ed25519PrivateKey) -> bytes:
    """The request file, signed by the office key so the province knows the office holds it."""
    body = {
        "office_code": office_code,
        "office_name": office_name,
        "public_key": public_key.to_base64(),
        "key_id": public_key.key_id_hex,
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    return _envelope(REQUEST_FORMAT, body, private_key, public_key.key_id,
                     f"merit-luring enrolment request {office_code}")


def read_enrolment_request(data: bytes) -> EnrolmentRequest:
    """Parse and check a request (a signed one must be signed by the key it carries)."""
    reason, what = "request_malformed", "label_request"
    try:
        document = json.loads(data.decode("utf-8"))
        unsigned = (isinstance(document, dict) and document.get("format") == REQUEST_FORMAT
                    and isinstance(document.get("body"), str) and document.get("signature") is None)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _malformed(reason, what, "detail_not_json") from None
    if unsigned:
        raise CertificateError("request_unsigned", code="request_unsigned")
    body, body_bytes, signature = _open_envelope(data, REQUEST_FORMAT, reason, what)
    office_code = _text(body, "office_code", reason, what)
    try:
        regions.region(office_code)
    except KeyError:
        raise _malformed(reason, what, "detail_region_unknown", region=office_code) from None
    if "." not in office_code:
        raise _malformed(reason, what, "detail_region_is_province", region=office_code)
    public_key = _public_key(body, "public_key", reason, what)
    try:
        minisign_verify(public_key, body_bytes, signature)
    except SignatureError:
        raise CertificateError("request_bad_signature", code="request_bad_signature") from None
    return EnrolmentRequest(office_code, _text(body, "office_name", reason, what), public_key,
                            str(body.get("created_at", "")), bytes(data))


# --- office certificate ---------------------------------------------------------------------

@dataclass(frozen=True)
class OfficeCertificate:
    office_code: str
    office_name: str
    office_public_key: PublicKey
    province_code: str
    province_key_id: str  # hex, as minisign prints it
    valid_from: date
    valid_until: date  # inclusive
    serial: str
    issued_at: str
    raw: bytes  # the certificate file bytes, as carried in packages
    body_bytes: bytes
    signature: bytes

    def summary(self) -> dict:
        return {
            "office_code": self.office_code,
            "office_name": self.office_name,
            "office_key_id": self.office_public_key.key_id_hex,
            "office_fingerprint": self.office_public_key.fingerprint,
            "province_code": self.province_code,
            "province_key_id": self.province_key_id,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "serial": self.serial,
            "issued_at": self.issued_at,
        }

    def signed_by(self, trusted_province_keys) -> PublicKey | None:
        """The trusted key whose signature on this certificate checks, else None."""
        for key in trusted_province_keys:
            if key.key_id_hex != self.province_key_id:
                continue
            try:
                minisign_verify(key, self.body_bytes, self.signature)
            except SignatureError:
                continue
            return key
        return None

    def check(self, trusted_province_keys, on: date) -> PublicKey:
        """Raise CertificateError unless a trusted province key signed this certificate and
        ``on`` lies within its validity; returns that province key."""
        candidates = [key for key in trusted_province_keys if key.key_id_hex == self.province_key_id]
        if not candidates:
            raise CertificateError("certificate_untrusted", code="certificate_untrusted", office=self.office_code,
                                   key=self.province_key_id)
        key = self.signed_by(candidates)
        if key is None:
            raise CertificateError("certificate_bad_signature", code="certificate_bad_signature",
                                   office=self.office_code)
        if on < self.valid_from:
            raise CertificateError("certificate_not_yet_valid", code="certificate_not_yet_valid",
                                   office=self.office_code, valid_from=self.valid_from.isoformat(), day=on.isoformat())
        if on > self.valid_until:
            raise CertificateError("certificate_expired", code="certificate_expired", office=self.office_code,
                                   valid_until=self.valid_until.isoformat(), day=on.isoformat())
        return key


def as_utc(moment: datetime | date) -> datetime:
    """A date (the verifier asserting a day: its end, so revocations of that day count) or a
    datetime (naive read as UTC) as an aware UTC datetime."""
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(23, 59, 59), tzinfo=UTC)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def judge_certificate(certificate: OfficeCertificate, trusted_province_keys, *, at: datetime | date,
                      created_at: datetime | None = None) -> tuple[PublicKey, str | None]:
    """The trusted province key that signed ``certificate`` and a notice (or None), judged at
    ``at``: the verifier's clock, or the time the province received the package. Never at a
    time the signer chose alone: ``created_at`` (signed by the office) only decides the grace
    for a package that arrives within GRACE_DAYS after the last valid day, and only when it
    lies inside the validity and not ahead of ``at``. Raises CertificateError otherwise."""
    at = as_utc(at)
    day = at.date()
    if day <= certificate.valid_until:
        return certificate.check(trusted_province_keys, day), None
    signer = certificate.check(trusted_province_keys, certificate.valid_until)  # trust first, then time
    late = (day - certificate.valid_until).days
    created = as_utc(created_at) if created_at is not None else None
    made_while_valid = (created is not None and certificate.valid_from <= created.date() <= certificate.valid_until
                        and created <= at + CLOCK_SKEW)
    if late <= GRACE_DAYS and made_while_valid:
        return signer, Said("certificate_grace_notice", office=certificate.office_code,
                            valid_until=certificate.valid_until.isoformat(), created=created.date().isoformat(),
                            late=late, grace=GRACE_DAYS)
    raise CertificateError(
        "certificate_expired",
        code="certificate_expired_past_grace" if made_while_valid else "certificate_expired_made_late",
        office=certificate.office_code, valid_until=certificate.valid_until.isoformat(), day=day.isoformat(),
        grace=GRACE_DAYS)


Revocations = Collection[str] | Mapping[str, datetime | None]


def revocation_in_force(revocations: Revocations, serial: str, at: datetime | date) -> tuple[bool, datetime | None]:
    """(revoked at ``at``, its effective time or None). A plain collection of serials revokes
    from the start; a mapping gives each serial the time from which it takes effect (None:
    from the start), so what the province received before that time stays valid."""
    if serial not in revocations:
        return False, None
    effective = revocations[serial] if isinstance(revocations, Mapping) else None
    if effective is None:
        return True, None
    effective = as_utc(effective)
    # Times are kept to the second: a receipt in the same second as the revocation is the
    # province's own record of what came first, and counts as before it.
    return as_utc(at) > effective, effective


def issue_certificate(request: EnrolmentRequest | bytes, province_private_key: Ed25519PrivateKey,
                      province_public_key: PublicKey, province_code: str, valid_from: date,
                      valid_until: date, serial: str) -> bytes:
    """The certificate file for ``request``, signed by the province key."""
    if isinstance(request, (bytes, bytearray)):
        request = read_enrolment_request(bytes(request))
    if valid_until < valid_from:
        raise CertificateError("certificate_malformed", code="certificate_dates_reversed")
    try:
        office_province = regions.province_of(request.office_code).code
    except KeyError:
        office_province = None
    if office_province != province_code:
        raise CertificateError("certificate_office_mismatch", code="certificate_office_outside",
                               office=request.office_code, province=province_code)
    if not serial.strip():
        raise CertificateError("certificate_malformed", code="certificate_serial_empty")
    body = {
        "office_code": request.office_code,
        "office_name": request.office_name,
        "office_public_key": request.public_key.to_base64(),
        "office_key_id": request.public_key.key_id_hex,
        "province_code": province_code,
        "province_key_id": province_public_key.key_id_hex,
        "valid_from": valid_from.isoformat(),
        "valid_until": valid_until.isoformat(),
        "serial": serial,
        "issued_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    return _envelope(CERTIFICATE_FORMAT, body, province_private_key, province_public_key.key_id,
                     f"merit-luring office certificate {serial} for {request.office_code}")


def read_certificate(data: bytes) -> OfficeCertificate:
    """Parse a certificate (shape only: ``check`` decides whether to trust it)."""
    reason, what = "certificate_malformed", "label_certificate"
    body, body_bytes, signature = _open_envelope(data, CERTIFICATE_FORMAT, reason, what)
    try:
        parsed = parse_minisign_signature(signature)
    except SignatureError:
        raise _malformed(reason, what, "detail_province_signature") from None
    province_key_id = _text(body, "province_key_id", reason, what)
    if key_id_hex(parsed.key_id) != province_key_id:
        raise _malformed(reason, what, "detail_province_key_id")
    valid_from = _date(body, "valid_from", reason, what)
    valid_until = _date(body, "valid_until", reason, what)
    if valid_until < valid_from:
        raise _malformed(reason, what, "detail_dates_reversed")
    return OfficeCertificate(
        office_code=_text(body, "office_code", reason, what),
        office_name=_text(body, "office_name", reason, what),
        office_public_key=_public_key(body, "office_public_key", reason, what),
        province_code=_text(body, "province_code", reason, what),
        province_key_id=province_key_id,
        valid_from=valid_from,
        valid_until=valid_until,
        serial=_text(body, "serial", reason, what),
        issued_at=str(body.get("issued_at", "")),
        raw=bytes(data),
        body_bytes=body_bytes,
        signature=signature,
    )


def import_office_certificate(data_dir, office_code: str, data: bytes,
                              province_key: PublicKey | None = None) -> tuple[OfficeCertificate, PublicKey]:
    """Check a certificate from the province against this office (its code and key file) and
    a trusted province key (already trusted, or ``province_key``), then keep it at
    ``<data>/keys/office-certificate.json``; ``province_key`` becomes trusted. Returns the
    certificate and the province key that signed it. Raises CertificateError (nothing kept)
    or KeyFileError when the office has no key yet."""
    from models import keys

    certificate = read_certificate(data)
    own = keys.key_file_public_key(keys.office_key_path(data_dir))
    if certificate.office_public_key != own:
        raise CertificateError("certificate_wrong_key", code="certificate_wrong_key",
                               key=certificate.office_public_key.key_id_hex, own=own.key_id_hex)
    if certificate.office_code != office_code:
        raise CertificateError("certificate_office_mismatch", code="certificate_other_office",
                               office=certificate.office_code, own=office_code)
    trusted = keys.load_trusted_keys(data_dir) + ([province_key] if province_key else [])
    if not trusted:
        raise CertificateError("province_key_missing", code="province_key_missing")
    signer = certificate.check(trusted, datetime.now(UTC).date())
    if province_key is not None and signer == province_key:
        keys.write_atomic(keys.trusted_keys_dir(data_dir) / f"province-{certificate.province_code}-"
                                                            f"{signer.key_id_hex}.pub",
                          signer.to_minisign().encode("ascii"))
    keys.write_atomic(keys.office_certificate_path(data_dir), bytes(data))
    return certificate, signer
