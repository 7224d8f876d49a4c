"""What ``verify_package`` reports around the verdict: whose package a refused one is, a read
error or a fault of the verifier (never "valid"), the certificate's grace and a revocation at
the time asked about, progress, and the same through an encrypted package (issue 18:
mutation testing of ``models/package/verify.py``)."""

from __future__ import annotations

import errno
from datetime import UTC, datetime, time, timedelta

import pytest

from models import keys
from models.instrument import InstrumentRegistry
from models.package import verify as verify_module
from models.package.container import ReadBudget
from models.package.envelope import encrypt_package
from models.package.format import REASONS
from models.package.verify import verify_package
from tests.package_builders import manifest_of, read_entries, resign, with_certificate, write_signed

SERIAL = "DEMO-19.01-1"


def _verify(demo, path=None, **options):
    return verify_package(path or demo.package, [demo.province_public], **options)


def _last_valid_day(demo):
    return _verify(demo).certificate.valid_until


def test_the_valid_report_names_the_package_its_certificate_and_the_province_key(signed_demo):
    report = _verify(signed_demo)
    assert (report.ok, report.reason, report.notice) == (True, None, None)
    assert report.message.startswith("Paket sah: BKPSDM Kabupaten Bangka tahun 2026 revisi 1, ditandatangani")
    assert report.certificate.serial == SERIAL and report.province_key == signed_demo.province_public
    assert report.checked_files == len(manifest_of(read_entries(signed_demo.package))["files"])


def test_a_refused_report_still_says_whose_package_it_is(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    manifest = manifest_of(entries)
    manifest["office"]["code"] = "19.02"
    path = write_signed(tmp_path / "lain.merit", resign(entries, manifest), signed_demo.office_key)
    report = _verify(signed_demo, path)
    assert (report.ok, report.reason) == (False, "office_mismatch")
    assert "Manifest 19.02, sertifikat 19.01" in report.message
    assert report.manifest["office"]["code"] == "19.02"
    assert report.certificate.serial == SERIAL and report.province_key == signed_demo.province_public


def test_a_read_error_during_the_check_is_unreadable_never_valid(signed_demo, monkeypatch):
    def failing_disk(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(verify_module, "hash_container", failing_disk)
    report = _verify(signed_demo)
    assert (report.ok, report.reason) == (False, "unreadable")
    assert report.message == f"{REASONS['unreadable']} (Input/output error)"
    assert report.manifest["office"]["code"] == "19.01" and report.certificate.serial == SERIAL


def test_a_fault_of_the_verifier_is_unexpected_error_never_valid(signed_demo, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("rusak")

    monkeypatch.setattr(verify_module, "recompute_scores", broken)
    report = _verify(signed_demo)
    assert (report.ok, report.reason) == (False, "unexpected_error")
    assert report.message == f"{REASONS['unexpected_error']} (RuntimeError: rusak)"
    assert report.manifest["office"]["code"] == "19.01" and report.certificate.serial == SERIAL


def test_progress_runs_through_the_whole_file(signed_demo):
    seen = []
    assert _verify(signed_demo, progress=lambda done, total: seen.append((done, total))).ok
    assert seen and seen[-1][0] <= seen[-1][1] <= signed_demo.package.stat().st_size
    assert seen[-1][0] > signed_demo.package.stat().st_size // 2


def test_a_package_made_while_valid_is_accepted_within_the_grace_with_a_notice(signed_demo):
    last = _last_valid_day(signed_demo)
    within = _verify(signed_demo, on=last + timedelta(days=30))
    assert within.ok, within.message
    assert "masa tenggang 30 hari" in within.notice and within.notice in within.message
    assert _verify(signed_demo, on=last + timedelta(days=31)).reason == "certificate_expired"


def test_a_revocation_counts_from_its_time_at_the_time_asked_about(signed_demo):
    effective = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    revoked = {SERIAL: effective}
    assert _verify(signed_demo, revoked_serials=revoked, on=effective - timedelta(seconds=1)).ok
    late = _verify(signed_demo, revoked_serials=revoked, on=effective + timedelta(seconds=1))
    assert (late.ok, late.reason) == (False, "certificate_revoked")
    assert late.message.endswith(f"Nomor seri {SERIAL} sejak 2027-03-01 08:00 UTC.")
    always = _verify(signed_demo, revoked_serials={SERIAL}, on=effective)
    assert always.message.endswith(f"Nomor seri {SERIAL}.")


def test_a_revocation_of_the_day_asked_about_counts_to_its_end(signed_demo):
    day = datetime(2027, 3, 1, 23, 59, 59, tzinfo=UTC)
    assert _verify(signed_demo, revoked_serials={SERIAL: day}, on=day.date()).ok
    earlier = datetime.combine(day.date(), time(12, 0), tzinfo=UTC)
    assert _verify(signed_demo, revoked_serials={SERIAL: earlier}, on=day.date()).reason == "certificate_revoked"


# --- through an encrypted package: every option reaches the verification of the plain one ---

@pytest.fixture
def sealed(signed_demo, tmp_path):
    return encrypt_package(signed_demo.package, signed_demo.province_public, tmp_path / "rahasia.merit")


def test_an_encrypted_package_the_key_cannot_open_is_refused(signed_demo, sealed):
    report = _verify(signed_demo, sealed, decrypt_with=keys.generate_private_key())
    assert (report.ok, report.reason) == (False, "decrypt_failed")
    assert report.message.startswith(REASONS["decrypt_failed"])


def test_a_read_error_while_decrypting_is_unreadable(signed_demo, sealed, monkeypatch):
    def failing_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(verify_module, "decrypt_package", failing_disk)
    report = _verify(signed_demo, sealed, decrypt_with=signed_demo.province_key)
    assert (report.ok, report.reason) == (False, "unreadable")
    assert report.message == f"{REASONS['unreadable']} (No space left on device)"


def test_the_options_reach_the_decrypted_package(signed_demo, sealed):
    key = signed_demo.province_key
    last = _last_valid_day(signed_demo)
    assert _verify(signed_demo, sealed, decrypt_with=key).ok
    assert _verify(signed_demo, sealed, decrypt_with=key, on=last + timedelta(days=31)).reason == \
        "certificate_expired"
    assert _verify(signed_demo, sealed, decrypt_with=key, revoked_serials={SERIAL}).reason == "certificate_revoked"
    assert _verify(signed_demo, sealed, decrypt_with=key, cancelled=lambda: True).reason == "cancelled"
    assert _verify(signed_demo, sealed, decrypt_with=key,
                   budget=ReadBudget(max_bytes=1000, seconds=60)).reason == "read_budget_exceeded"
    assert _verify(signed_demo, sealed, decrypt_with=key,
                   registry=InstrumentRegistry([])).reason == "unknown_instrument"
    seen = []
    assert _verify(signed_demo, sealed, decrypt_with=key, progress=lambda done, total: seen.append(done)).ok
    assert seen


def test_a_certificate_that_is_not_json_is_certificate_malformed(signed_demo, tmp_path):
    entries = with_certificate(read_entries(signed_demo.package), b"{bukan json")
    path = write_signed(tmp_path / "x.merit", entries, signed_demo.office_key)
    assert _verify(signed_demo, path).reason == "certificate_malformed"


def test_a_manifest_that_is_not_an_object_is_manifest_malformed(signed_demo, tmp_path):
    entries = [(name, b"[]" if name == "manifest.json" else data) for name, data in read_entries(signed_demo.package)]
    path = write_signed(tmp_path / "x.merit", entries, signed_demo.office_key, comment="merit-luring package")
    assert _verify(signed_demo, path).reason == "manifest_malformed"


def test_the_verifier_s_own_time_zone_does_not_move_now(signed_demo):
    """A province PC set to WIT (UTC+9) judges at the true time: a revocation that takes
    effect in an hour does not count yet, one that took effect an hour ago does."""
    import os
    import time as clock

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Jayapura"
    clock.tzset()
    try:
        now = datetime.now(UTC)
        assert _verify(signed_demo, revoked_serials={SERIAL: now + timedelta(hours=1)}).ok
        assert _verify(signed_demo, revoked_serials={SERIAL: now - timedelta(hours=1)}).reason == \
            "certificate_revoked"
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        clock.tzset()
