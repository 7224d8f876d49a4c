"""The container reader's own rules, each shown with a file someone could hand the province:
a directory that claims more than it holds, an archive that starts late, a last entry that
runs into the directory, a package without evidence; the read budget at its exact limit;
a file cut short while it is read; evidence streamed in small reads (issue 18: mutation
testing of ``models/package/container.py``)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import struct
import zipfile
from types import SimpleNamespace

import pytest

from models.package import container as container_module
from models.package.answer_file import ANSWER_LAYOUT, AnswerFileRejected, read_answer_file
from models.package.container import ReadBudget, hash_container, open_container
from models.package.format import MANIFEST_NAME, MAX_ENTRIES, MAX_MANIFEST_BYTES, MAX_SMALL_BYTES, Rejected
from models.package.read_evidence import iter_package_evidence
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


def _verdict(demo, data: bytes, tmp_path, **options):
    path = tmp_path / "paket.merit"
    path.write_bytes(data)
    report = verify_package(path, [demo.province_public], **options)
    return report.reason


def _raw(demo, **oddities) -> bytes:
    return raw_zip(read_entries(demo.package), signature_of(demo.package), **oddities)


END = struct.Struct("<4sHHHHIIH")
END_FIELDS = ("signature", "disk", "directory_disk", "count_here", "count", "directory_size", "directory_offset",
              "comment_length")


def _end_changed(demo, **changes) -> bytes:
    """The demo package (as the office signed it) with fields of its end record changed."""
    data, comment = _raw(demo), signature_of(demo.package)
    at = len(data) - len(comment) - END.size
    fields = dict(zip(END_FIELDS, END.unpack_from(data, at), strict=True))
    fields.update(changes)
    return data[:at] + END.pack(*fields.values()) + comment


def _before_end(demo, junk: bytes, counted: bool) -> bytes:
    """Bytes between the directory and the end record; ``counted``: the end record's
    directory size includes them."""
    data, comment = _raw(demo), signature_of(demo.package)
    at = len(data) - len(comment) - END.size
    fields = dict(zip(END_FIELDS, END.unpack_from(data, at), strict=True))
    if counted:
        fields["directory_size"] += len(junk)
    return data[:at] + junk + END.pack(*fields.values()) + comment


def _added_entry(name: str):
    """One more entry after the demo's, not re-signed (an outsider's edit)."""
    return lambda demo: raw_zip(read_entries(demo.package) + [(name, b"x")], signature_of(demo.package))


def _alone(name: str):
    return lambda demo: raw_zip([(name, b"x")], b"untrusted comment: x\n")


def _empty_zip(demo) -> bytes:
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    return buffer.getvalue()


def _locator_only(demo) -> bytes:
    """A ZIP64 end locator right before an end record at offset 20, nothing else."""
    return b"PK\x06\x07" + bytes(16) + END.pack(b"PK\x05\x06", 0, 0, 0, 0, 0, 0, 0)


def _longest_comment(suffix: int):
    """The end record followed by a 65 535-byte comment and ``suffix`` more bytes: the
    farthest back any reader looks for an end record, and one byte beyond."""
    def build(demo):
        data, comment = _raw(demo), signature_of(demo.package)
        at = len(data) - len(comment) - END.size
        fields = dict(zip(END_FIELDS, END.unpack_from(data, at), strict=True))
        fields["comment_length"] = 0xFFFF
        return data[:at] + END.pack(*fields.values()) + b"c" * 0xFFFF + b"s" * suffix
    return build


ARCHIVES = [
    # the end record
    ("on another disk", "header_not_canonical", lambda demo: _end_changed(demo, disk=1)),
    ("directory on another disk", "header_not_canonical", lambda demo: _end_changed(demo, directory_disk=1)),
    ("two counts that differ", "header_not_canonical",
     lambda demo: _end_changed(demo, count_here=len(read_entries(demo.package)) - 1)),
    ("directory at 0xFFFFFFFF", "zip64_unsupported", lambda demo: _end_changed(demo, directory_offset=0xFFFFFFFF)),
    ("a ZIP64 locator before the end record", "zip64_unsupported", _locator_only),
    ("exactly the most entries, claimed", "zip_corrupt",
     lambda demo: _end_changed(demo, count=MAX_ENTRIES, count_here=MAX_ENTRIES)),
    ("one entry more than allowed, claimed", "too_many_entries",
     lambda demo: _end_changed(demo, count=MAX_ENTRIES + 1, count_here=MAX_ENTRIES + 1)),
    ("directory larger than the bytes before the end", "zip_corrupt",
     lambda demo: _end_changed(demo, directory_size=len(_raw(demo)))),
    ("bytes between directory and end record", "gap_data", lambda demo: _before_end(demo, b"junk!", False)),
    ("bytes at the end of the directory, counted", "zip_corrupt", lambda demo: _before_end(demo, b"junk!", True)),
    ("end record cut short", "zip_corrupt",
     lambda demo: _raw(demo)[: len(_raw(demo)) - len(signature_of(demo.package)) - 10]),
    ("signature cut short", "zip_corrupt", lambda demo: _raw(demo)[:-10]),
    ("an empty ZIP (22 bytes, shorter than a first header)", "zip_corrupt", _empty_zip),
    ("longest comment, then 4096 bytes", "trailing_data", _longest_comment(4096)),
    ("longest comment, then 4097 bytes", "zip_corrupt", _longest_comment(4097)),
    # names, judged before the signature
    ("a name with a backslash first", "absolute_path", _added_entry("\\Windows\\jahat.exe")),
    ("a drive name alone", "absolute_path", _added_entry("C:")),
    ("a one-letter name", "forbidden_name", _added_entry("a")),
    ("traversal with backslashes", "path_traversal", _added_entry("evidence/A1.1\\..\\..\\jahat.txt")),
    ("a device name, not re-signed", "forbidden_name", _added_entry("evidence/A1.1/CON")),
    ("a name holding a ZIP64 locator", "forbidden_name", _added_entry("evidence/A1.1/PK\x06\x07" + "a" * 16)),
    # the directory's size per entry: 46 bytes and a name of at most 256
    ("one entry with an empty name", "forbidden_name", _alone("")),
    ("one entry with a 256-byte name", "forbidden_name", _alone("evidence/A1.1/" + "a" * 242)),
    ("one entry with a 257-byte name", "zip_corrupt", _alone("evidence/A1.1/" + "a" * 243)),
]


@pytest.mark.parametrize("reason, build", [case[1:] for case in ARCHIVES], ids=[case[0] for case in ARCHIVES])
def test_a_hostile_archive_is_refused_with_its_reason(signed_demo, tmp_path, reason, build):
    assert _verdict(signed_demo, build(signed_demo), tmp_path) == reason


def test_evidence_that_is_itself_a_zip_does_not_confuse_the_reader(signed_demo, tmp_path):
    """A .docx or .xlsx holds its own end record; only the package's last one counts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as inner:
        inner.writestr("word/document.xml", "<w:document/>")
    entries = read_entries(signed_demo.package)
    entries = with_evidence(entries, manifest_of(entries), "evidence/A1.1/999-laporan.docx", buffer.getvalue(),
                            "laporan.docx")
    path = write_signed(tmp_path / "docx.merit", entries, signed_demo.office_key)
    report = verify_package(path, [signed_demo.province_public])
    assert report.ok, report.message


def test_the_default_budget_is_the_documented_one():
    """docs/package-format.md §2.4: twice the size plus 16 MiB and two 64 KiB, and 60 s plus
    1 s per 5 MB."""
    budget = ReadBudget.for_package(100_000_000)
    assert budget.max_bytes == 200_000_000 + MAX_MANIFEST_BYTES + 2 * MAX_SMALL_BYTES == 216_908_288
    assert budget.seconds == 80.0
    assert ReadBudget.for_package(0).seconds == 60.0


# --- the directory ---------------------------------------------------------------------------

def test_a_directory_that_claims_one_entry_more_than_it_holds_is_corrupt(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    assert _verdict(signed_demo, _raw(signed_demo, count=len(entries) + 1), tmp_path) == "zip_corrupt"


def test_a_directory_entry_without_its_signature_is_corrupt(signed_demo, tmp_path):
    data = bytearray(_raw(signed_demo))
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)
    data[second:second + 4] = b"PK\x01\x09"
    assert _verdict(signed_demo, bytes(data), tmp_path) == "zip_corrupt"


def test_an_entry_with_an_empty_name_is_a_forbidden_name(signed_demo, tmp_path):
    """Its directory record is exactly 46 bytes: it is read, and refused for its name."""
    entries = read_entries(signed_demo.package) + [("", b"x")]
    assert _verdict(signed_demo, raw_zip(entries, signature_of(signed_demo.package)), tmp_path) == "forbidden_name"


# --- every byte accounted for ----------------------------------------------------------------

def test_an_archive_that_starts_late_is_prefix_data(signed_demo, tmp_path):
    """Offsets that count the stub (consistent in themselves): still bytes before the first
    entry that one reader shows and another skips."""
    data = _raw(signed_demo, prefix=b"MZ" + bytes(62), prefix_in_offsets=True)
    assert _verdict(signed_demo, data, tmp_path) == "prefix_data"


def test_a_last_entry_that_runs_into_the_directory_overlaps(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    last = len(entries) - 1
    data = _raw(signed_demo, sizes={last: len(entries[last][1]) + 10})
    assert _verdict(signed_demo, data, tmp_path) == "overlapping_entries"


def test_a_package_without_evidence_is_valid(signed_demo, tmp_path):
    """Only manifest and certificate: the two fixed entries are all there is."""
    entries = read_entries(signed_demo.package)
    manifest = manifest_of(entries)
    manifest["files"] = manifest["files"][:1]
    bare = resign(entries[:2], manifest)
    path = write_signed(tmp_path / "tanpa-bukti.merit", bare, signed_demo.office_key)
    report = verify_package(path, [signed_demo.province_public])
    assert report.ok, report.message
    assert report.checked_files == 1


def test_a_signed_answer_file_holds_its_manifest_only(tmp_path):
    """The province's answer files use the same reader with another layout: an evidence
    entry in one is refused before anything is trusted."""
    manifest = json.dumps({"format": "merit-luring-result", "format_version": 1}).encode()
    path = tmp_path / "hasil.merit-hasil"
    path.write_bytes(raw_zip([(MANIFEST_NAME, manifest), ("evidence/A1.1/001-a.pdf", b"%PDF")], b"x" * 10))
    with pytest.raises(AnswerFileRejected) as refused:
        read_answer_file(path, [])
    assert refused.value.reason == "unlisted_file"
    path.write_bytes(raw_zip([(MANIFEST_NAME, manifest)], b"x" * 10))
    assert [entry.name for entry in open_container(path, layout=ANSWER_LAYOUT).entries] == [MANIFEST_NAME]


# --- the read budget -------------------------------------------------------------------------

def test_a_byte_budget_of_exactly_what_verification_reads_is_enough(signed_demo):
    ample = ReadBudget(max_bytes=1 << 30, seconds=600)
    assert verify_package(signed_demo.package, [signed_demo.province_public], budget=ample).ok
    needed = ample.spent
    exact = ReadBudget(max_bytes=needed, seconds=600)
    assert verify_package(signed_demo.package, [signed_demo.province_public], budget=exact).ok
    short = ReadBudget(max_bytes=needed - 1, seconds=600)
    assert verify_package(signed_demo.package, [signed_demo.province_public],
                          budget=short).reason == "read_budget_exceeded"


def test_the_deadline_is_the_last_moment_allowed(signed_demo, monkeypatch):
    clock = SimpleNamespace(now=100.0)
    monkeypatch.setattr(container_module, "time", SimpleNamespace(monotonic=lambda: clock.now))
    on_time = ReadBudget(max_bytes=1 << 30, seconds=5, started=95.0)  # exactly 5 s spent
    assert verify_package(signed_demo.package, [signed_demo.province_public], budget=on_time).ok
    clock.now = 100.001
    late = ReadBudget(max_bytes=1 << 30, seconds=5, started=95.0)
    assert verify_package(signed_demo.package, [signed_demo.province_public],
                          budget=late).reason == "time_budget_exceeded"


# --- the pass over the signed bytes ----------------------------------------------------------

def test_a_file_cut_short_after_it_was_opened_is_corrupt(signed_demo, tmp_path):
    """The file changes between the directory check and the hash pass (another program
    writing it): the pass stops at the missing bytes instead of hashing fewer."""
    path = tmp_path / "paket.merit"
    data = signed_demo.package.read_bytes()
    path.write_bytes(data)
    for cut in ("in the data", "in a header"):
        path.write_bytes(data)
        opened = open_container(path)
        last = opened.entries[-1]
        path.write_bytes(data[: last.data_offset + 1 if cut == "in the data" else last.header_offset + 5])
        with pytest.raises(Rejected) as refused:
            hash_container(opened)
        assert refused.value.reason == "zip_corrupt", cut


def test_a_read_error_inside_the_container_is_unreadable(signed_demo, monkeypatch):
    def failing_disk(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(container_module, "_open", failing_disk)
    report = verify_package(signed_demo.package, [signed_demo.province_public])
    assert (report.ok, report.reason) == (False, "unreadable")
    assert str(signed_demo.package) in report.message and "Input/output error" in report.message


def test_progress_within_a_large_entry_only_counts_up(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    big = bytes(range(256)) * (6 * 1024)  # 1.5 MiB: read in two chunks
    entries = with_evidence(entries, manifest_of(entries), "evidence/A1.1/999-besar.pdf", big, "besar.pdf")
    opened = open_container(write_signed(tmp_path / "besar.merit", entries, signed_demo.office_key))
    done = []
    hash_container(opened, progress=lambda position, total: done.append(position))
    assert done == sorted(done) and done[-1] <= opened.signed_length
    assert any(e.data_offset < position < e.data_offset + e.size for position in done for e in opened.entries)


def test_progress_counts_up_to_the_end_of_the_last_entry(signed_demo):
    opened = open_container(signed_demo.package)
    seen = []
    hash_container(opened, progress=lambda done, total: seen.append((done, total)))
    done = [d for d, _ in seen]
    assert {total for _, total in seen} == {opened.signed_length}
    assert done == sorted(done) and 0 < done[0]
    last = opened.entries[-1]
    assert done[-1] == last.data_offset + last.size
    assert set(done) >= {e.data_offset + e.size for e in opened.entries if e.size}


# --- streaming evidence out ------------------------------------------------------------------

def test_evidence_streams_in_the_sizes_asked_for(signed_demo):
    report = verify_package(signed_demo.package, [signed_demo.province_public])
    streams = iter_package_evidence(signed_demo.package, report.manifest)
    item = next(streams)
    size = item.entry["size"]
    assert size > 10
    assert item.stream.read(0) == b""
    first = item.stream.read(5)
    assert len(first) == 5
    rest = item.stream.read()
    assert len(first + rest) == size
    assert hashlib.sha256(first + rest).hexdigest() == item.entry["sha256"]
    assert item.stream.read() == b"" and item.stream.read(5) == b""
    streams.close()


def test_streaming_evidence_is_charged_to_the_budget(signed_demo):
    report = verify_package(signed_demo.package, [signed_demo.province_public])
    small = ReadBudget(max_bytes=3, seconds=600)  # opening the container reads no entry
    streams = iter_package_evidence(signed_demo.package, report.manifest, small)
    item = next(streams)
    assert item.stream.read(3) and small.spent == 3
    with pytest.raises(Rejected) as refused:
        item.stream.read(1)
    assert refused.value.reason == "read_budget_exceeded"
    streams.close()
