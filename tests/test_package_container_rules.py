"""The container reader's own rules, each shown with a file someone could hand the province:
a directory that claims more than it holds, an archive that starts late, a last entry that
runs into the directory, a package without evidence; the read budget at its exact limit;
a file cut short while it is read; evidence streamed in small reads (issue 18: mutation
testing of ``models/package/container.py``)."""

from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

import pytest

from models.package import container as container_module
from models.package.answer_file import AnswerFileRejected, read_answer_file
from models.package.container import ReadBudget, hash_container, open_container
from models.package.format import MANIFEST_NAME, Rejected
from models.package.read_evidence import iter_package_evidence
from models.package.verify import verify_package
from tests.package_builders import manifest_of, raw_zip, read_entries, resign, signature_of, write_signed


def _verdict(demo, data: bytes, tmp_path, **options):
    path = tmp_path / "paket.merit"
    path.write_bytes(data)
    report = verify_package(path, [demo.province_public], **options)
    return report.reason


def _raw(demo, **oddities) -> bytes:
    return raw_zip(read_entries(demo.package), signature_of(demo.package), **oddities)


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
    opened = open_container(path)
    path.write_bytes(data[: opened.entries[-1].data_offset + 1])
    with pytest.raises(Rejected) as refused:
        hash_container(opened)
    assert refused.value.reason == "zip_corrupt"


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
