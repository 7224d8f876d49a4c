"""A certificate's first and last valid day, the grace for a package made on the last day
and checked late, and a revocation's exact second: the days a province clerk and an
office argue about."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models import keys
from models.certificates import (
    GRACE_DAYS,
    CertificateError,
    issue_certificate,
    judge_certificate,
    make_enrolment_request,
    read_certificate,
    read_enrolment_request,
    revocation_in_force,
)

FIRST, LAST = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture(scope="module")
def signed():
    office, province = keys.generate_private_key(), keys.generate_private_key()
    request = read_enrolment_request(make_enrolment_request("19.01", "BKPSDM", keys.public_key_of(office), office))
    certificate = read_certificate(issue_certificate(request, province, keys.public_key_of(province), "19",
                                                     FIRST, LAST, "19-0007"))
    return certificate, keys.public_key_of(province)


def _reason(call) -> str | None:
    try:
        call()
    except CertificateError as error:
        return error.reason
    return None


def test_valid_from_the_first_day_to_the_last_day_inclusive(signed):
    certificate, province = signed
    assert certificate.check([province], FIRST) == province
    assert certificate.check([province], LAST) == province
    assert _reason(lambda: certificate.check([province], FIRST - timedelta(days=1))) == "certificate_not_yet_valid"
    assert _reason(lambda: certificate.check([province], LAST + timedelta(days=1))) == "certificate_expired"


@pytest.mark.parametrize("at", [FIRST, LAST, datetime(2026, 1, 1, 0, 0, tzinfo=UTC),
                                datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)])
def test_judged_on_the_first_or_last_day_it_is_valid_without_a_remark(signed, at):
    certificate, province = signed
    # Even a package claiming another creation day: inside the validity only the day counts.
    assert judge_certificate(certificate, [province], at=at, created_at=datetime(2026, 6, 1, tzinfo=UTC)) == \
        (province, None)
    assert judge_certificate(certificate, [province], at=at) == (province, None)


def test_the_day_before_the_first_is_not_yet_valid_whatever_the_package_says(signed):
    certificate, province = signed
    assert _reason(lambda: judge_certificate(certificate, [province], at=datetime(2025, 12, 31, 23, 0, tzinfo=UTC),
                                             created_at=datetime(2026, 1, 1, tzinfo=UTC))) == \
        "certificate_not_yet_valid"


@pytest.mark.parametrize(("created", "late", "accepted"), [
    (datetime(2026, 12, 31, 12, 0, tzinfo=UTC), 1, True),             # made on the last day
    (datetime(2026, 1, 1, 0, 0, tzinfo=UTC), GRACE_DAYS, True),      # made on the first day, last day of grace
    (datetime(2026, 12, 31, 12, 0, tzinfo=UTC), GRACE_DAYS + 1, False),  # one day past the grace
    (datetime(2027, 1, 1, 0, 0, tzinfo=UTC), 1, False),              # made after the validity
    (datetime(2025, 12, 31, 23, 0, tzinfo=UTC), 1, False),           # made before it began
    (None, 1, False),                                                 # no creation time: no grace
])
def test_grace_for_a_package_made_while_valid(signed, created, late, accepted):
    certificate, province = signed
    at = datetime.combine(LAST + timedelta(days=late), datetime.min.time(), tzinfo=UTC) + timedelta(hours=10)
    if accepted:
        key, notice = judge_certificate(certificate, [province], at=at, created_at=created)
        assert key == province and notice and f"{late} hari" in notice
    else:
        assert _reason(lambda: judge_certificate(certificate, [province], at=at, created_at=created)) == \
            "certificate_expired"


def test_an_untrusted_certificate_gets_no_grace(signed):
    certificate, _ = signed
    stranger = keys.public_key_of(keys.generate_private_key())
    assert _reason(lambda: judge_certificate(certificate, [stranger], at=LAST + timedelta(days=2),
                                             created_at=datetime(2026, 12, 31, tzinfo=UTC))) == "certificate_untrusted"


def test_a_revocation_counts_from_its_second_on():
    effective = datetime(2026, 5, 1, 8, 0, 0, tzinfo=UTC)
    revocations = {"19-0007": effective}
    assert revocation_in_force(revocations, "19-0007", effective) == (False, effective)
    assert revocation_in_force(revocations, "19-0007", effective + timedelta(seconds=1)) == (True, effective)
    assert revocation_in_force(revocations, "19-0007", effective - timedelta(seconds=1)) == (False, effective)
    # A day asked about is its end: a revocation during that day counts.
    assert revocation_in_force(revocations, "19-0007", date(2026, 5, 1)) == (True, effective)
    assert revocation_in_force(revocations, "19-0007", date(2026, 4, 30)) == (False, effective)
    last_minute = datetime(2026, 5, 1, 23, 59, 30, tzinfo=UTC)  # to the day's very last second
    assert revocation_in_force({"19-0007": last_minute}, "19-0007", date(2026, 5, 1)) == (True, last_minute)
    assert revocation_in_force(revocations, "19-0008", date(2030, 1, 1)) == (False, None)
    assert revocation_in_force({"19-0007": None}, "19-0007", date(2000, 1, 1)) == (True, None)
    assert revocation_in_force({"19-0007"}, "19-0007", date(2000, 1, 1)) == (True, None)
    naive = datetime(2026, 5, 1, 8, 0, 1)  # read as UTC
    assert revocation_in_force(revocations, "19-0007", naive) == (True, effective)


def test_times_in_another_zone_are_compared_as_the_same_instant(monkeypatch):
    import time as clock
    from datetime import timezone

    effective = datetime(2026, 5, 1, 8, 0, 0, tzinfo=UTC)
    wib = timezone(timedelta(hours=7))  # a province clock in Western Indonesia Time
    revocations = {"19-0007": effective}
    assert revocation_in_force(revocations, "19-0007", datetime(2026, 5, 1, 15, 0, 30, tzinfo=wib))[0] is True
    assert revocation_in_force(revocations, "19-0007", datetime(2026, 5, 1, 14, 59, 59, tzinfo=wib))[0] is False
    assert revocation_in_force({"19-0007": datetime(2026, 5, 1, 15, 0, tzinfo=wib)}, "19-0007",
                               datetime(2026, 5, 1, 8, 0, 1, tzinfo=UTC))[0] is True
    # A naive time is UTC whatever zone the PC is set to.
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    clock.tzset()
    try:
        assert revocation_in_force(revocations, "19-0007", datetime(2026, 5, 1, 8, 0, 30))[0] is True
        assert revocation_in_force(revocations, "19-0007", datetime(2026, 5, 1, 7, 59, 59))[0] is False
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_a_key_claiming_the_province_s_key_id_does_not_hide_the_real_one(signed):
    """Two trusted keys with the same 8-byte key id (one made to collide): the certificate is
    judged by the one whose signature checks, whichever is listed first."""
    certificate, province = signed
    impostor = keys.PublicKey(province.key_id, keys.public_key_of(keys.generate_private_key()).raw)
    stranger = keys.public_key_of(keys.generate_private_key())
    for trusted in ([impostor, province], [stranger, impostor, province], [province, impostor]):
        assert certificate.check(trusted, FIRST) == province
        assert certificate.signed_by(trusted) == province
    assert certificate.signed_by([stranger, impostor]) is None
    assert _reason(lambda: certificate.check([impostor], FIRST)) == "certificate_bad_signature"
