"""Tampered and malformed packages: each is rejected with its own reason code, no crash,
and nothing is written anywhere (verification never extracts)."""

from __future__ import annotations

import json
import stat
import struct
import zipfile
from datetime import date, timedelta

import pytest

from models import keys
from models.certificates import _envelope, issue_certificate, make_enrolment_request, read_enrolment_request
from models.package.format import CERTIFICATE_NAME, MANIFEST_NAME, REASONS, SIGNATURE_NAME
from models.package.verify import verify_package
from tests.test_package import make_demo_package, manifest_of, read_entries, resign, with_certificate, write_entries


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return make_demo_package(tmp_path_factory.mktemp("tamper-base"))


def _evidence(entries, index=0):
    return [info for info, _ in entries if info.filename.startswith("evidence/")][index]


def _info(name, compress=zipfile.ZIP_STORED):
    info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
    info.compress_type = compress
    return info


def _with_certificate(demo, entries, certificate: bytes):
    return with_certificate(entries, certificate, demo.office_key)


def _certificate(demo, valid_from, valid_until, province=None):
    office_public = keys.public_key_of(demo.office_key)
    request = read_enrolment_request(make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", office_public,
                                                            demo.office_key))
    province = province or demo.province_key
    return issue_certificate(request, province, keys.public_key_of(province), "19", valid_from, valid_until,
                             "19-0099")


def _edit_manifest(change):
    def build(demo, entries):
        manifest = manifest_of(entries)
        change(manifest)
        return resign(entries, manifest, demo.office_key)
    return build


def _flip_evidence_byte_in_place(demo, path):
    data = bytearray(demo.package.read_bytes())
    with zipfile.ZipFile(demo.package) as archive:
        info = [i for i in archive.infolist() if i.filename.startswith("evidence/")][2]
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0x20
    path.write_bytes(bytes(data))


# Each case: (expected reason, builder). A builder gets (demo, entries) and returns new
# entries, or gets (demo, path) and writes the file itself when marked RAW.
RAW = object()


def _link_entry(demo, entries):
    link = _info("evidence/A1.1/999-tautan.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return entries + [(link, b"/etc/passwd")]


def _encrypted(demo, path):
    """zipfile never writes the 'encrypted' flag itself: set it in both headers by hand."""
    name = b"evidence/A1.1/999-rahasia.pdf"
    write_entries(path, read_entries(demo.package) + [(_info(name.decode()), b"x" * 100)])
    data = bytearray(path.read_bytes())
    for signature, flag_offset, name_offset in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        local = 0
        while (local := data.find(signature, local)) >= 0:
            if data[local + name_offset:local + name_offset + len(name)] == name:
                data[local + flag_offset] |= 0x1
            local += 4
    path.write_bytes(bytes(data))


def _zip_bomb(demo, entries):
    return entries + [(_info("evidence/A1.1/999-bom.pdf", zipfile.ZIP_DEFLATED), bytes(20 * 1024 * 1024))]


def _same_size_other_bytes(demo, entries):
    victim = _evidence(entries, 1)
    return [(i, bytes(len(d)) if i is victim else d) for i, d in entries]


def _forged_certificate(demo, entries):
    attacker = keys.generate_private_key()
    body = json.loads(json.loads(demo.certificate)["body"])
    body["valid_until"] = "2099-12-31"
    forged = _envelope("merit-luring-office-certificate", body, attacker, demo.province_public.key_id, "palsu")
    return _with_certificate(demo, entries, forged)


def _gate_answer_level(level):
    def change(manifest):
        manifest["answers"][0]["level"] = level
    return change


def _nul_in_name(demo, path):
    """A stored name with a NUL after it: zipfile would show 'certificate.json' alone."""
    entries = [(_info(CERTIFICATE_NAME + "X") if i.filename == CERTIFICATE_NAME else i, d)
               for i, d in read_entries(demo.package)]
    write_entries(path, entries)
    data = path.read_bytes().replace((CERTIFICATE_NAME + "X").encode(), CERTIFICATE_NAME.encode() + b"\0")
    path.write_bytes(data)


CASES = [
    ("empty_file", RAW, lambda demo, path: path.write_bytes(b"")),
    ("not_zip", RAW, lambda demo, path: path.write_bytes(b"%PDF-1.4 bukan paket")),
    ("zip_corrupt", RAW, lambda demo, path: path.write_bytes(demo.package.read_bytes()[: demo.package.stat().st_size // 2])),
    ("too_many_entries", "entries", lambda demo, entries: entries + [
        (_info(f"evidence/X/{n:05d}.txt"), b"") for n in range(10_001)]),
    ("duplicate_entry", "entries", lambda demo, entries: entries + [(_info(MANIFEST_NAME), b"{}")]),
    ("absolute_path", "entries", lambda demo, entries: entries + [(_info("/etc/cron.d/jahat"), b"x")]),
    ("path_traversal", "entries", lambda demo, entries: entries + [(_info("evidence/../../jahat.txt"), b"x")]),
    ("link_entry", "entries", _link_entry),
    ("forbidden_name", "entries", lambda demo, entries: entries + [(_info("autorun.exe"), b"MZ")]),
    ("forbidden_name", RAW, _nul_in_name),
    ("encrypted_entry", RAW, _encrypted),
    ("unsupported_compression", "entries", lambda demo, entries: entries + [
        (_info("evidence/A1.1/999-bz.pdf", zipfile.ZIP_BZIP2), b"x" * 100)]),
    ("entry_too_large", "entries", lambda demo, entries: [
        (i, d + b"#" * 70_000 if i.filename == SIGNATURE_NAME else d) for i, d in entries]),
    ("compression_ratio", "entries", _zip_bomb),
    ("missing_manifest", "entries", lambda demo, entries: [(i, d) for i, d in entries if i.filename != MANIFEST_NAME]),
    ("missing_signature", "entries", lambda demo, entries: [(i, d) for i, d in entries
                                                            if i.filename != SIGNATURE_NAME]),
    ("missing_certificate", "entries", lambda demo, entries: [(i, d) for i, d in entries
                                                              if i.filename != CERTIFICATE_NAME]),
    ("manifest_malformed", "entries", lambda demo, entries: [
        (i, b"{bukan json" if i.filename == MANIFEST_NAME else d) for i, d in entries]),
    ("unknown_format", "entries", _edit_manifest(lambda m: m.update(format="paket-lain"))),
    ("unknown_format_version", "entries", _edit_manifest(lambda m: m.update(format_version=2))),
    ("certificate_malformed", "entries", lambda demo, entries: [
        (i, b"{}" if i.filename == CERTIFICATE_NAME else d) for i, d in entries]),
    ("signature_malformed", "entries", lambda demo, entries: [
        (i, b"bukan tanda tangan" if i.filename == SIGNATURE_NAME else d) for i, d in entries]),
    ("bad_signature", "entries", lambda demo, entries: [
        (i, d.replace(b'"level": 3', b'"level": 4', 1) if i.filename == MANIFEST_NAME else d) for i, d in entries]),
    ("wrong_key", "entries", lambda demo, entries: resign(entries, manifest_of(entries), keys.generate_private_key())),
    ("certificate_bad_signature", "entries", _forged_certificate),
    ("certificate_expired", "entries", lambda demo, entries: _with_certificate(
        demo, entries, _certificate(demo, date(2020, 1, 1), date(2021, 12, 31)))),
    ("certificate_not_yet_valid", "entries", lambda demo, entries: _with_certificate(
        demo, entries, _certificate(demo, date.today() + timedelta(days=30), date.today() + timedelta(days=400)))),
    ("office_mismatch", "entries", _edit_manifest(lambda m: m["office"].update(code="19.02"))),
    ("missing_file", "entries", lambda demo, entries: [(i, d) for i, d in entries if i is not _evidence(entries)]),
    ("unlisted_file", "entries", lambda demo, entries: entries + [(_info("evidence/A1.1/999-tambahan.pdf"), b"x")]),
    ("size_mismatch", "entries", lambda demo, entries: [
        (i, d + b"tambahan" if i is _evidence(entries) else d) for i, d in entries]),
    ("hash_mismatch", RAW, _flip_evidence_byte_in_place),
    ("hash_mismatch", "entries", _same_size_other_bytes),
    ("unknown_instrument", "entries", _edit_manifest(lambda m: m["instrument"].update(sha256="0" * 64))),
    ("answers_invalid", "entries", _edit_manifest(_gate_answer_level(9))),
    ("answers_invalid", "entries", _edit_manifest(lambda m: m["answers"].append({"item_id": "Z9.9", "level": 1}))),
    ("answers_invalid", "entries", _edit_manifest(lambda m: m["files"][1].update(item_id="Z9.9"))),
    ("score_mismatch", "entries", _edit_manifest(lambda m: m["scores"].update(index=0.99))),
    ("score_mismatch", "entries", _edit_manifest(lambda m: m["scores"]["aspects"][0].update(score=1.0))),
    ("manifest_malformed", "entries", _edit_manifest(lambda m: m["files"][1].pop("sha256"))),
]


def _build(demo, tmp_path, kind, builder):
    path = tmp_path / "paket.merit"
    if kind is RAW:
        builder(demo, path)
    else:
        write_entries(path, builder(demo, read_entries(demo.package)))
    return path


@pytest.mark.parametrize("reason, kind, builder", CASES,
                         ids=[f"{n:02d}-{case[0]}" for n, case in enumerate(CASES)])
def test_tampered_package_is_rejected_with_its_reason(demo, tmp_path, monkeypatch, reason, kind, builder):
    path = _build(demo, tmp_path, kind, builder)
    monkeypatch.chdir(tmp_path)
    # This test's own folder in full, and the folder above it (other tests' leftovers may
    # still be settling deeper down, so only its top level is compared).
    snapshot = lambda: (sorted(tmp_path.rglob("*")), sorted(tmp_path.parent.iterdir()))  # noqa: E731
    before = snapshot()
    report = verify_package(path, [demo.province_public])
    assert (report.ok, report.reason) == (False, reason), report.message
    assert report.message.startswith(REASONS[reason])
    assert snapshot() == before


def test_the_cases_cover_every_verdict():
    tested_elsewhere = {"certificate_untrusted", "certificate_revoked", "unreadable"}  # tests below
    not_built = {"package_too_large", "cancelled", "unexpected_error"}  # 32 GiB; not verdicts
    assert {reason for reason, _, _ in CASES} | tested_elsewhere == set(REASONS) - not_built
    assert len(CASES) >= 25


def test_foreign_province_and_revoked_serial(demo):
    foreign = keys.public_key_of(keys.generate_private_key())
    assert verify_package(demo.package, [foreign]).reason == "certificate_untrusted"
    assert verify_package(demo.package, []).reason == "certificate_untrusted"
    revoked = verify_package(demo.package, [demo.province_public], revoked_serials={"DEMO-19.01-1"})
    assert revoked.reason == "certificate_revoked"
    assert revoked.certificate.serial == "DEMO-19.01-1"  # the report still says whose package it is


def test_untouched_copy_still_verifies(demo, tmp_path):
    """The rebuild helper itself changes nothing that matters (so the cases above test one thing each)."""
    path = write_entries(tmp_path / "copy.merit", read_entries(demo.package))
    assert verify_package(path, [demo.province_public]).ok
    resigned = write_entries(tmp_path / "resigned.merit",
                             resign(read_entries(demo.package), manifest_of(read_entries(demo.package)),
                                    demo.office_key))
    assert verify_package(resigned, [demo.province_public]).ok


def test_missing_file_is_an_io_error_not_a_verdict(tmp_path):
    report = verify_package(tmp_path / "tidak-ada.merit", [])
    assert report.reason == "unreadable" and not report.ok
