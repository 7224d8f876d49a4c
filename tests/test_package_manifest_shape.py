"""The manifest's shape (``docs/package-format.md`` §4), each rule shown with a manifest the
office's own key signed: a missing or mistyped member, a file list that lies about itself.
A signed package is refused for its shape before any file is trusted (issue 18: mutation
testing of ``models/package/verify.py``)."""

from __future__ import annotations

import pytest

from models.package.format import REASONS
from models.package.verify import verify_package
from tests.package_builders import manifest_of, read_entries, resign, write_signed


def _without(path):
    def change(manifest):
        *parents, last = path.split(".")
        target = manifest
        for part in parents:
            target = target[part]
        del target[last]
    return change


def _set(path, value):
    def change(manifest):
        *parents, last = path.split(".")
        target = manifest
        for part in parents:
            target = target[part]
        target[last] = value
    return change


def _file(position, **values):
    def change(manifest):
        manifest["files"][position].update(values)
    return change


def _file_drop(position, key):
    def change(manifest):
        del manifest["files"][position][key]
    return change


def _files(change_list):
    def change(manifest):
        manifest["files"] = change_list(manifest["files"])
    return change


REQUIRED = ["package_id", "created_at", "office.code", "year", "revision", "instrument.id", "instrument.sha256",
            "assessment.gates", "answers", "scores", "files"]

CASES = [
    *[(f"no {path}", "manifest_malformed", _without(path)) for path in REQUIRED],
    # a member of the wrong kind (a bool is not a number here)
    ("year as text", "manifest_malformed", _set("year", "2026")),
    ("year true", "manifest_malformed", _set("year", True)),
    ("revision true", "manifest_malformed", _set("revision", True)),
    ("package_id a number", "manifest_malformed", _set("package_id", 7)),
    ("answers an object", "manifest_malformed", _set("answers", {})),
    ("gates a list", "manifest_malformed", _set("assessment.gates", [])),
    ("office a string", "manifest_malformed", _set("office", "code")),
    ("office a list", "manifest_malformed", _set("office", ["code", "name"])),
    ("created_at not a time", "manifest_malformed", _set("created_at", "kemarin sore")),
    ("format_version true", "manifest_malformed", _set("format_version", True)),
    ("format_version as text", "manifest_malformed", _set("format_version", "2")),
    # the file list
    ("no files at all", "manifest_malformed", _files(lambda files: [])),
    ("a file entry that is text", "manifest_malformed", _files(lambda files: [files[0], files[1]["path"]] + files[2:])),
    ("size true", "manifest_malformed", _file(1, size=True)),
    ("size negative", "manifest_malformed", _file(1, size=-1)),
    ("size as text", "manifest_malformed", _file(1, size="12")),
    ("path a number", "manifest_malformed", _file(1, path=5)),
    ("no path", "manifest_malformed", _file_drop(1, "path")),
    ("sha256 in capitals", "manifest_malformed", lambda m: m["files"][1].update(sha256=m["files"][1]["sha256"].upper())),
    ("sha256 short", "manifest_malformed", lambda m: m["files"][1].update(sha256=m["files"][1]["sha256"][:63])),
    ("no sha256", "manifest_malformed", _file_drop(1, "sha256")),
    ("a path listed twice", "manifest_malformed", lambda m: m["files"][2].update(path=m["files"][1]["path"])),
    ("the manifest listed", "manifest_malformed", _file(1, path="manifest.json")),
    ("first file not the certificate", "manifest_malformed", _files(lambda files: files[1:] + files[:1])),
    ("certificate with another role", "manifest_malformed", _file(0, role="evidence")),
    ("evidence with the certificate's role", "manifest_malformed", _file(1, role="certificate")),
    ("evidence without a role", "manifest_malformed", _file_drop(1, "role")),
    ("evidence without item_id", "manifest_malformed", _file_drop(1, "item_id")),
    ("item_id a number", "manifest_malformed", _file(1, item_id=11)),
    ("a device name listed", "forbidden_name", _file(1, path="evidence/A1.1/CON")),
    ("a path outside evidence/", "forbidden_name", _file(1, path="bukti/A1.1/001-a.pdf")),
    ("a control character shown", "bad_display_name", _file(1, original_name="rapor\x1b.pdf")),
]


@pytest.mark.parametrize("reason, change", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_signed_manifest_of_the_wrong_shape_is_refused(signed_demo, tmp_path, reason, change):
    entries = read_entries(signed_demo.package)
    manifest = manifest_of(entries)
    change(manifest)
    path = write_signed(tmp_path / "paket.merit", resign(entries, manifest, relist=False), signed_demo.office_key)
    report = verify_package(path, [signed_demo.province_public])
    assert (report.ok, report.reason) == (False, reason), report.message
    assert report.message.startswith(REASONS[reason])


def test_the_shape_rules_refuse_nothing_the_writer_makes(signed_demo, tmp_path):
    """The same path through resign and write_signed, unchanged: valid (so each case above
    is refused for its one change)."""
    entries = read_entries(signed_demo.package)
    path = write_signed(tmp_path / "paket.merit", resign(entries, manifest_of(entries), relist=False),
                        signed_demo.office_key)
    assert verify_package(path, [signed_demo.province_public]).ok
