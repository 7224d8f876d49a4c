"""Fuzzing the package reader: mutations of a real signed package (byte flips, cuts,
insertions, deletions, and edits that know the ZIP structure). The property: the reader
rejects with a documented reason code, or accepts, and then every entry's content is
byte-identical to the original; never ``unexpected_error``, never more than 2 s.

CI runs ``FUZZ_CASES`` cases (default 2 000, deterministic); ``make fuzz`` runs 100 000
with fresh randomness (``MERIT_FUZZ_CASES``, ``MERIT_FUZZ_RANDOM=1``) and saves any crasher
into ``tests/fuzz_corpus/``. The hostile files found so far live there (``expected.json``
maps each to its reason; ``make_corpus.py`` rebuilds the hand-made ones) and are replayed
below.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.package.format import MANIFEST_NAME, REASONS
from models.package.inspect import inspect_package
from models.package.verify import verify_package
from tests.package_builders import manifest_of, read_entries, resign, write_signed

CORPUS = Path(__file__).parent / "fuzz_corpus"
FUZZ_CASES = int(os.environ.get("MERIT_FUZZ_CASES", "2000"))
RANDOM = os.environ.get("MERIT_FUZZ_RANDOM") == "1"
MAX_SECONDS = 2.0


class Base:
    """A small real package (the demo assessment with three evidence files), its bytes,
    each entry's content, and the keys that check it."""

    def __init__(self, demo_package, workdir: Path):
        entries = read_entries(demo_package.package)
        manifest = manifest_of(entries)
        kept = {f["path"] for f in manifest["files"][:4]}
        manifest["files"] = manifest["files"][:4]
        entries = resign([(n, d) for n, d in entries if n == MANIFEST_NAME or n in kept], manifest)
        self.path = write_signed(workdir / "fuzz-base.merit", entries, demo_package.office_key)
        self.data = self.path.read_bytes()
        self.entries = dict(entries)
        self.trusted = [demo_package.province_public]
        self.office_key = demo_package.office_key
        self.workdir = workdir
        # The positions a structure-aware mutation aims at: every header and the end record.
        self.headers = [i for i in range(len(self.data)) if self.data[i:i + 2] == b"PK"
                        and self.data[i + 2:i + 4] in (b"\x03\x04", b"\x01\x02", b"\x05\x06")]


@pytest.fixture(scope="module")
def base(signed_demo, tmp_path_factory):
    return Base(signed_demo, tmp_path_factory.mktemp("fuzz"))


# --- mutations -------------------------------------------------------------------------------

def _flip(data: bytes, position: int, mask: int) -> bytes:
    position %= len(data)
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1:]


def _field(data: bytes, headers: list[int], which: int, offset: int, width: int, value: int) -> bytes:
    """Overwrite one field of one ZIP structure with ``value`` (sizes, offsets, counts...)."""
    start = headers[which % len(headers)] + offset % 30
    width = min(width, len(data) - start)
    packed = value.to_bytes(8, "little")[:width]
    return data[:start] + packed + data[start + width:]


MUTATIONS = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 24), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 1 << 24)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 24), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 24), st.integers(1, 4096)),
    st.tuples(st.just("field"), st.integers(0, 200), st.integers(0, 45), st.sampled_from([1, 2, 4]),
              st.one_of(st.integers(0, 0xFFFFFFFF), st.sampled_from([0, 1, 0xFFFF, 0xFFFFFFFF, 10_000_000]))),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=256)),
    st.tuples(st.just("prepend"), st.binary(min_size=1, max_size=256)),
    st.tuples(st.just("splice"), st.integers(0, 1 << 24), st.integers(0, 1 << 24), st.integers(1, 512)),
)


def mutate(base: Base, steps) -> bytes:
    data = base.data
    for step in steps:
        kind, *args = step
        if kind == "flip" and data:
            data = _flip(data, *args)
        elif kind == "cut":
            data = data[:args[0] % (len(data) + 1)]
        elif kind == "insert":
            at = args[0] % (len(data) + 1)
            data = data[:at] + args[1] + data[at:]
        elif kind == "delete":
            at = args[0] % (len(data) + 1)
            data = data[:at] + data[at + args[1]:]
        elif kind == "field" and base.headers:
            data = _field(data, base.headers, *args)
        elif kind == "append":
            data += args[0]
        elif kind == "prepend":
            data = args[0] + data
        elif kind == "splice" and data:  # a copy of one part of the file pasted elsewhere
            source, target, length = args[0] % len(data), args[1] % (len(data) + 1), args[2]
            data = data[:target] + data[source:source + length] + data[target:]
    return data


def check(base: Base, data: bytes, path: Path) -> str | None:
    """The property, for one file; returns the verdict's reason (None when accepted)."""
    path.write_bytes(data)
    started = time.monotonic()
    report = verify_package(path, base.trusted)
    elapsed = time.monotonic() - started
    assert report.reason in REASONS or report.reason is None, report.reason
    assert report.reason != "unexpected_error", report.message
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} s"
    summary = inspect_package(path)
    assert summary.get("problem", {}).get("reason") != "unexpected_error", summary
    if report.ok:
        assert dict(read_entries(path)) == base.entries  # accepted means nothing changed
    return report.reason


def test_the_base_package_is_valid(base):
    assert check(base, base.data, base.workdir / "same.merit") is None
    assert len(base.data) < 64 * 1024


@settings(max_examples=FUZZ_CASES, deadline=None, derandomize=not RANDOM, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(steps=st.lists(MUTATIONS, min_size=1, max_size=3))
def test_fuzz_the_reader(base, steps):
    data = mutate(base, steps)
    try:
        check(base, data, base.workdir / "fuzz.merit")
    except AssertionError:
        save_crasher(data)
        raise


def save_crasher(data: bytes) -> Path:
    """A failing input, kept small, into the corpus (to be given its expected reason)."""
    import hashlib

    path = CORPUS / f"crash-{hashlib.sha256(data).hexdigest()[:16]}.merit"
    if len(data) <= 256 * 1024:
        CORPUS.mkdir(exist_ok=True)
        path.write_bytes(data)
    return path


# --- the regression corpus -------------------------------------------------------------------

def _corpus():
    expected = json.loads((CORPUS / "expected.json").read_text("utf-8"))
    return sorted(expected.items())


@pytest.mark.parametrize("name, reason", _corpus())
def test_corpus_file_keeps_its_reason(name, reason, tmp_path):
    """Each hostile file found so far: the same documented reason, fast, no crash."""
    started = time.monotonic()
    report = verify_package(CORPUS / name, [])
    assert (report.ok, report.reason) == (False, reason), report.message
    assert time.monotonic() - started < MAX_SECONDS
    assert inspect_package(CORPUS / name).get("problem", {}).get("reason") != "unexpected_error"


def test_every_corpus_file_is_listed_and_small():
    listed = {name for name, _ in _corpus()}
    present = {p.name for p in CORPUS.glob("*.merit")}
    assert listed == present
    assert all((CORPUS / name).stat().st_size <= 256 * 1024 for name in present)



def test_inspect_and_verify_commands_never_print_a_traceback(base, capsys):
    """Every corpus file, a fuzz-style odd manifest, and an unreadable path through the CLI."""
    from cli import run

    odd = base.workdir / "kantor-daftar.merit"
    manifest = manifest_of(list(base.entries.items()))
    manifest["office"] = ["bukan", "objek"]
    write_signed(odd, resign(list(base.entries.items()), manifest), base.office_key)
    files = [CORPUS / name for name, _ in _corpus()] + [odd, base.workdir / "tidak-ada.merit"]
    for path in files:
        for argv in (["inspect", str(path)], ["inspect", str(path), "--json"], ["verify", str(path), "--json"]):
            code = run(argv + ["--data-dir", str(base.workdir / "data")])
            out, err = capsys.readouterr()
            assert code in (0, 1, 2) and "Traceback" not in out + err, (argv, err)
