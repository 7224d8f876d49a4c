"""Tampered, hostile and malformed packages: each is rejected with its own reason code, no
crash, and nothing is written anywhere (verification never extracts).

Two kinds of attacker: an outsider who edits a valid package without the office key (the
signature, which covers every byte, would catch it anyway: the reader names the specific
structural fault first), and an office that signs a hostile file with its own key (only
the strict reader stands in the way)."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import date, timedelta

import pytest

from models import keys
from models.certificates import _envelope, issue_certificate, make_enrolment_request, read_enrolment_request
from models.package.container import ReadBudget
from models.package.format import CERTIFICATE_NAME, MANIFEST_NAME, REASONS
from models.package.strict_json import MAX_DEPTH
from models.package.verify import verify_package
from tests.package_builders import (
    manifest_of,
    raw_zip,
    read_entries,
    resign,
    signature_of,
    with_evidence,
    write_signed,
)


@pytest.fixture
def demo(signed_demo):
    return signed_demo


# --- builders: each returns the bytes of the hostile file ---------------------------------------

def _outsider(change):
    """A valid package's entries laid out with one oddity, carrying the original signature."""
    def build(demo, tmp_path):
        return raw_zip(read_entries(demo.package), signature_of(demo.package), **change(demo))
    return build


def _content_rule(builder):
    """Marks an office-signed variant whose fault is in what the manifest claims (here: the
    order of files), which the hand check does not judge."""
    builder.content_rule = True
    return builder


def _signed(change):
    """Entries changed by ``change(demo, entries)`` and signed by the office key itself."""
    def build(demo, tmp_path):
        entries = change(demo, read_entries(demo.package))
        return write_signed(tmp_path / "signed.merit", entries, demo.office_key).read_bytes()
    build.office_signed = True
    return build


def _edit_manifest(change):
    def entries(demo, entries):
        manifest = manifest_of(entries)
        change(manifest)
        return resign(entries, manifest)
    return _signed(entries)


def _manifest_text(change):
    """The manifest bytes edited as text (what json.dumps cannot write), office-signed."""
    def entries(demo, entries):
        return [(n, change(d) if n == MANIFEST_NAME else d) for n, d in entries]
    return _signed(entries)


def _certificate_text(change):
    def entries(demo, entries):
        return resign(entries, manifest_of(entries), {CERTIFICATE_NAME: change(dict(entries)[CERTIFICATE_NAME])})
    return _signed(entries)


def _evidence_named(name, original="bukti.pdf"):
    def entries(demo, entries):
        return with_evidence(entries, manifest_of(entries), name, b"%PDF-1.4 bukti", original)
    return _signed(entries)


def _bytes(change):
    def build(demo, tmp_path):
        return change(demo.package.read_bytes())
    return build


def _two_manifests(demo, tmp_path):
    """Janus: a second, also office-signed manifest that another reader would pick."""
    entries = read_entries(demo.package)
    other = manifest_of(entries)
    other["scores"]["index"] = 0.99
    return raw_zip(entries + [(MANIFEST_NAME, json.dumps(other).encode())], signature_of(demo.package))


def _second_manifest(demo, entries):
    """Janus by the office itself: both manifests under its own whole-file signature."""
    other = manifest_of(entries)
    other["scores"]["index"] = 0.99
    return entries + [(MANIFEST_NAME, json.dumps(other).encode())]


def _hidden_after_entry(demo, tmp_path):
    """1 MiB after an entry's declared end (the audit's 200 MB, smaller), offsets consistent."""
    return raw_zip(read_entries(demo.package), signature_of(demo.package), gap_after={3: bytes(1 << 20)})


def _local_name_differs(demo, tmp_path):
    entries = read_entries(demo.package)
    victim = entries[3][0].encode()
    return raw_zip(entries, signature_of(demo.package), local_names={3: victim[:-1] + b"X"})


def _deflated(demo, tmp_path):
    data = bytearray(demo.package.read_bytes())
    data[8:10] = b"\x08\x00"  # method of the first local header
    central = data.find(b"PK\x01\x02")
    data[central + 10:central + 12] = b"\x08\x00"
    return bytes(data)


def _version_1(demo, tmp_path):
    path = tmp_path / "v1.merit"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in read_entries(demo.package):
            archive.writestr(name, data, zipfile.ZIP_DEFLATED if name == MANIFEST_NAME else zipfile.ZIP_STORED)
    return path.read_bytes()


def _unsigned(demo, tmp_path):
    return raw_zip(read_entries(demo.package))


def _overlapping(demo, tmp_path):
    """Two directory entries pointing at one local header (same bytes, two names)."""
    data = raw_zip(read_entries(demo.package), signature_of(demo.package))
    offsets = [i for i in range(len(data)) if data.startswith(b"PK\x01\x02", i)]
    last, before = offsets[-1], offsets[-2]
    patched = bytearray(data)
    patched[last + 42:last + 46] = data[before + 42:before + 46]
    return bytes(patched)


def _manifest_claims_17_mib(data: bytes) -> bytes:
    central = data.find(b"PK\x01\x02")
    size = (17 * 1024**2).to_bytes(4, "little")
    return data[:central + 20] + size + size + data[central + 28:]


def _zip64_records(data: bytes) -> bytes:
    """A ZIP64 end record and locator slipped in before the end record (counts left small)."""
    import struct

    end = data.rfind(b"PK\x05\x06")
    record = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, 1, 1, 0, 0)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    return data[:end] + record + locator + data[end:]


def _claims_entries(count):
    def build(demo, tmp_path):
        data = bytearray(demo.package.read_bytes())
        end = data.rfind(b"PK\x05\x06")
        data[end + 8:end + 12] = count.to_bytes(2, "little") * 2
        return bytes(data)
    return build


def _with_certificate(demo, entries, certificate: bytes):
    return resign(entries, manifest_of(entries), {CERTIFICATE_NAME: certificate})


def _certificate(demo, valid_from, valid_until, province=None):
    office_public = keys.public_key_of(demo.office_key)
    request = read_enrolment_request(make_enrolment_request("19.01", "BKPSDM Kabupaten Bangka", office_public,
                                                            demo.office_key))
    province = province or demo.province_key
    return issue_certificate(request, province, keys.public_key_of(province), "19", valid_from, valid_until,
                             "19-0099")


def _forged_certificate(demo, entries):
    attacker = keys.generate_private_key()
    body = json.loads(json.loads(demo.certificate)["body"])
    body["valid_until"] = "2099-12-31"
    forged = _envelope("merit-luring-office-certificate", body, attacker, demo.province_public.key_id, "palsu")
    return _with_certificate(demo, entries, forged)


def _flip_evidence_byte(data: bytes) -> bytes:
    position = data.find(b"%PDF")
    return data[:position + 2] + bytes([data[position + 2] ^ 0x20]) + data[position + 3:]


def _swap_evidence_order(demo, entries):
    manifest = manifest_of(entries)
    entries = resign(entries, manifest)
    return entries[:2] + [entries[3], entries[2]] + entries[4:]


def _case_twins(demo, entries):
    """``Sama.pdf`` and ``sama.PDF``: one file on Windows and macOS."""
    once = with_evidence(entries, manifest_of(entries), "evidence/A1.1/Sama.pdf", b"1")
    return with_evidence(once, manifest_of(once), "evidence/A1.1/sama.PDF", b"2")


def _deep(depth):
    return b'{"a":' * depth + b"1" + b"}" * depth


def _wrong_hash(demo, entries):
    manifest = manifest_of(entries)
    manifest["files"][1]["sha256"] = "0" * 64
    return resign(entries, manifest)


def _wrong_size(demo, entries):
    manifest = manifest_of(entries)
    manifest["files"][1]["size"] += 1
    return resign(entries, manifest)


def _gate_answer_level(level):
    def change(manifest):
        manifest["answers"][0]["level"] = level
    return change


def _trusted_comment(demo, tmp_path):
    return write_signed(tmp_path / "c.merit", read_entries(demo.package), demo.office_key,
                        comment="merit-luring package lain office 19.99 year 2020 revision 9").read_bytes()


_trusted_comment.office_signed = True


def _wrong_key(demo, tmp_path):
    return write_signed(tmp_path / "k.merit", read_entries(demo.package), keys.generate_private_key()).read_bytes()


CASES = [
    # the file
    ("empty_file", lambda demo, tmp: b""),
    ("not_zip", lambda demo, tmp: b"%PDF-1.4 bukan paket"),
    ("zip_corrupt", _bytes(lambda data: data[: len(data) // 2])),
    ("format_version_unsupported", _version_1),
    ("missing_signature", _unsigned),
    # every byte accounted for (audit: prefix, suffix, gaps, comment, extra fields, hidden data, Janus)
    ("prefix_data", _bytes(lambda data: b"MZ stub or another archive " + data)),
    ("prefix_data", lambda demo, tmp: demo.package.read_bytes() + demo.package.read_bytes()),
    ("trailing_data", _bytes(lambda data: data + b"PK tail"),),
    ("trailing_data", _bytes(lambda data: data + bytes(4096))),
    ("gap_data", _outsider(lambda demo: {"gap_after": {1: b"hidden"}})),
    ("gap_data", _hidden_after_entry),
    ("gap_data", _outsider(lambda demo: {"gap_after": {61: b"after the last entry"}})),
    ("extra_field", _outsider(lambda demo: {"extra": {2: b"up\x09\x00\x01\x00\x00\x00\x00evil"}})),  # 0x7075
    ("extra_field", _outsider(lambda demo: {"extra": {0: b"\xfe\xca\x00\x00"}})),
    ("header_mismatch", _outsider(lambda demo: {"extra": {}, "local_extra": {4: b"up\x00\x00"}})),
    ("header_mismatch", _local_name_differs),
    ("header_not_canonical", _outsider(lambda demo: {"flags": {3: 0x08}})),  # data descriptor
    ("encrypted_entry", _outsider(lambda demo: {"flags": {3: 0x01}})),
    ("signature_malformed", lambda demo, tmp: raw_zip(read_entries(demo.package),
                                                      signature_of(demo.package) + b"more comment text\n")),
    ("entry_too_large", _bytes(_manifest_claims_17_mib)),
    ("duplicate_entry", _two_manifests),
    ("duplicate_entry", _signed(_second_manifest)),
    ("overlapping_entries", _overlapping),
    ("unsupported_compression", _deflated),
    ("zip64_unsupported", _claims_entries(0xFFFF)),
    ("zip64_unsupported", _bytes(_zip64_records)),
    ("too_many_entries", _claims_entries(20_000)),
    ("entry_order", _signed(lambda demo, entries: [entries[1], entries[0]] + entries[2:])),
    ("entry_order", _content_rule(_signed(_swap_evidence_order))),
    ("missing_manifest", _signed(lambda demo, entries: entries[1:])),
    ("missing_certificate", _signed(lambda demo, entries: entries[:1] + entries[2:])),
    # names (audit: Windows device names, trailing dots, case/NFC folding, control and bidi)
    ("forbidden_name", _evidence_named("evidence/A1.1/CON")),
    ("forbidden_name", _evidence_named("evidence/A1.1/aux.txt")),
    ("forbidden_name", _evidence_named("evidence/NUL/001-a.pdf")),
    ("forbidden_name", _evidence_named("evidence/A1.1/a.pdf.")),
    ("forbidden_name", _evidence_named("evidence/A1.1/a\x01.pdf")),
    ("forbidden_name", _evidence_named("evidence/A1.1/rapor\u202efdp.exe")),
    ("forbidden_name", _evidence_named("autorun.exe")),
    ("absolute_path", _evidence_named("/etc/cron.d/jahat")),
    ("absolute_path", _evidence_named("C:/Windows/jahat.exe")),
    ("path_traversal", _evidence_named("evidence/../../jahat.txt")),
    ("duplicate_entry", _signed(_case_twins)),
    ("bad_display_name", _evidence_named("evidence/A1.1/999-rapor.pdf", "rapor\u202efdp.exe")),
    ("bad_display_name", _evidence_named("evidence/A1.1/999-rapor.pdf", "rapor\x07.pdf")),
    ("bad_display_name", _evidence_named("evidence/A1.1/999-rapor.pdf", "r" * 300 + ".pdf")),
    # strict JSON (audit: duplicate keys, 5000-digit integer, deep nesting, NaN)
    ("json_duplicate_key", _manifest_text(lambda d: d.replace(b'"year": 2026', b'"year": 2020, "year": 2026', 1))),
    ("json_not_finite", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": NaN', 1))),
    ("json_not_finite", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": 1e999', 1))),
    ("json_integer_range", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": ' + b"9" * 5000, 1))),
    ("json_integer_range", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": 18446744073709551616',
                                                                1))),
    ("json_too_deep", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": ' + _deep(MAX_DEPTH), 1))),
    ("json_too_deep", _manifest_text(lambda d: d.replace(b'"revision": 1', b'"revision": ' + _deep(100_000), 1))),
    ("json_duplicate_key", _certificate_text(lambda d: d.replace(b'"version": 1', b'"version": 1, "version": 1'))),
    ("manifest_malformed", _manifest_text(lambda d: b"{bukan json")),
    ("manifest_malformed", _manifest_text(lambda d: b"\xff\xfe")),
    ("manifest_malformed", _edit_manifest(lambda m: m["files"][1].pop("sha256"))),
    ("unknown_format", _edit_manifest(lambda m: m.update(format="paket-lain"))),
    ("unknown_format_version", _edit_manifest(lambda m: m.update(format_version=3))),
    ("format_version_unsupported", _edit_manifest(lambda m: m.update(format_version=1))),
    # signature and certificate
    ("trusted_comment_mismatch", _trusted_comment),
    ("bad_signature", _bytes(_flip_evidence_byte)),
    ("bad_signature", _bytes(lambda data: data.replace(b'"level": 3', b'"level": 4', 1))),
    ("wrong_key", _wrong_key),
    ("certificate_malformed", _certificate_text(lambda d: b"{}")),
    ("certificate_bad_signature", _signed(_forged_certificate)),
    ("certificate_expired", _signed(lambda demo, entries: _with_certificate(
        demo, entries, _certificate(demo, date(2020, 1, 1), date(2021, 12, 31))))),
    ("certificate_not_yet_valid", _signed(lambda demo, entries: _with_certificate(
        demo, entries, _certificate(demo, date.today() + timedelta(days=30), date.today() + timedelta(days=400))))),
    ("office_mismatch", _edit_manifest(lambda m: m["office"].update(code="19.02"))),
    # the files, as the office signed them
    ("missing_file", _signed(lambda demo, entries: entries[:3] + entries[4:])),
    ("unlisted_file", _signed(lambda demo, entries: entries + [("evidence/A1.1/999-tambahan.pdf", b"x")])),
    ("size_mismatch", _signed(_wrong_size)),
    ("hash_mismatch", _signed(_wrong_hash)),
    ("unknown_instrument", _edit_manifest(lambda m: m["instrument"].update(sha256="0" * 64))),
    ("answers_invalid", _edit_manifest(_gate_answer_level(9))),
    ("answers_invalid", _edit_manifest(lambda m: m["answers"].append({"item_id": "Z9.9", "level": 1}))),
    ("answers_invalid", _edit_manifest(lambda m: m["files"][1].update(item_id="Z9.9"))),
    ("score_mismatch", _edit_manifest(lambda m: m["scores"].update(index=0.99))),
    ("score_mismatch", _edit_manifest(lambda m: m["scores"]["aspects"][0].update(score=1.0))),
]


def build_case(demo, tmp_path, builder) -> os.PathLike:
    path = tmp_path / "paket.merit"
    path.write_bytes(builder(demo, tmp_path))
    for leftover in tmp_path.glob("*.merit"):
        if leftover != path:
            leftover.unlink()
    return path


@pytest.mark.parametrize("reason, builder", CASES, ids=[f"{n:02d}-{case[0]}" for n, case in enumerate(CASES)])
def test_tampered_package_is_rejected_with_its_reason(demo, tmp_path, monkeypatch, reason, builder):
    path = build_case(demo, tmp_path, builder)
    monkeypatch.chdir(tmp_path)
    snapshot = lambda: sorted(tmp_path.rglob("*"))  # noqa: E731
    before = snapshot()
    report = verify_package(path, [demo.province_public])
    assert (report.ok, report.reason) == (False, reason), report.message
    assert report.message.startswith(REASONS[reason])
    assert snapshot() == before


def test_the_cases_cover_every_verdict():
    tested_elsewhere = {"certificate_untrusted", "certificate_revoked", "unreadable", "package_too_large",
                        "read_budget_exceeded", "time_budget_exceeded", "encrypted_package", "decrypt_failed",
                        "cancelled"}
    not_reachable = {"unexpected_error"}  # a fault of the verifier: the fuzz test asserts it never happens
    assert {reason for reason, _ in CASES} | tested_elsewhere == set(REASONS) - not_reachable


def test_json_invalid_is_reported_as_the_manifest_or_certificate_reason():
    from models.package.strict_json import StrictJSONError, loads_strict

    with pytest.raises(StrictJSONError) as error:
        loads_strict(b"{,}")
    assert error.value.reason == "json_invalid"
    assert loads_strict(b'{"a": [1, 2.5, -9223372036854775808, 18446744073709551615]}')["a"][2] == -(2**63)


def test_foreign_province_and_revoked_serial(demo):
    foreign = keys.public_key_of(keys.generate_private_key())
    assert verify_package(demo.package, [foreign]).reason == "certificate_untrusted"
    assert verify_package(demo.package, []).reason == "certificate_untrusted"
    revoked = verify_package(demo.package, [demo.province_public], revoked_serials={"DEMO-19.01-1"})
    assert revoked.reason == "certificate_revoked"
    assert revoked.certificate.serial == "DEMO-19.01-1"  # the report still says whose package it is


def test_untouched_rebuild_still_verifies(demo, tmp_path):
    """The rebuild helpers change nothing that matters (so the cases above test one thing each)."""
    rebuilt = write_signed(tmp_path / "copy.merit", read_entries(demo.package), demo.office_key)
    assert rebuilt.read_bytes() == demo.package.read_bytes()
    assert raw_zip(read_entries(demo.package), signature_of(demo.package)) == demo.package.read_bytes()
    assert verify_package(rebuilt, [demo.province_public]).ok


def test_missing_file_is_an_io_error_not_a_verdict(tmp_path):
    report = verify_package(tmp_path / "tidak-ada.merit", [])
    assert report.reason == "unreadable" and not report.ok


def test_a_file_over_2_gib_is_refused_from_its_size_alone(tmp_path):
    path = tmp_path / "besar.merit"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(3 * 1024**3)  # sparse: costs no disk
    assert verify_package(path, []).reason == "package_too_large"


def test_budgets_stop_reading(demo):
    tiny = ReadBudget(max_bytes=10_000, seconds=60)
    assert verify_package(demo.package, [demo.province_public], budget=tiny).reason == "read_budget_exceeded"
    spent = ReadBudget(max_bytes=1 << 30, seconds=0)
    assert verify_package(demo.package, [demo.province_public], budget=spent).reason == "time_budget_exceeded"
    batch = ReadBudget(max_bytes=int(2.5 * demo.package.stat().st_size), seconds=60)
    assert verify_package(demo.package, [demo.province_public], budget=batch).ok
    assert verify_package(demo.package, [demo.province_public], budget=batch).reason == "read_budget_exceeded"


def test_cancel_during_the_pass(demo):
    report = verify_package(demo.package, [demo.province_public], cancelled=lambda: True)
    assert report.reason == "cancelled"



def test_every_reason_is_documented_in_the_format():
    """docs/package-format.md §12 lists exactly the codes of REASONS, with their sentences."""
    import re

    from tests.conftest import REPO

    text = (REPO / "docs" / "package-format.md").read_text("utf-8")
    table = text[text.index("## 12. Every reason code"):]
    assert set(re.findall(r"^\| `([a-z0-9_]+)` \|", table, re.MULTILINE)) == set(REASONS)
    documented = dict(re.findall(r"^\| `([a-z0-9_]+)` \| (.*) \|$", table, re.MULTILINE))
    assert {code: sentence for code, sentence in documented.items() if sentence != REASONS[code]} == {}
