"""Hostile packages: what refusing them costs (time, peak RSS, bytes read).

The files of the format-1 audit, rebuilt cheaply: a sparse 670 MB file whose end records
claim 10 million entries (ZIP64), the same without ZIP64 claiming 65 534 entries, and an
11.6 MB package of 9 900 deflated entries of 1 MiB each (9.9 GiB inflated). Each is
verified in a child process (as the CLI does) that reports its verdict, its own peak RSS
and the bytes its read budget was charged. Targets from issue 10: refuse the 10-million
file in < 1 s and < 100 MB; inflate nothing beyond the budget.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from bench.child_peak import PEAK_KB
from bench.run import Row, Section
from models.formatting import decimal_id

ROOT = Path(__file__).resolve().parent.parent
SECONDS_TARGET = 1.0
RSS_TARGET_MB = 100
CLAIMED_ENTRIES = 10_000_000
SPARSE_BYTES = 670 * 1000 * 1000
BOMB_ENTRIES = 9_900

CHILD = PEAK_KB + r"""
import json, sys, time
from pathlib import Path
from models.package.container import ReadBudget
from models.package.verify import verify_package

path = Path(sys.argv[1])
budget = ReadBudget.for_package(path.stat().st_size)
start = time.perf_counter()
report = verify_package(path, [], budget=budget)
seconds = time.perf_counter() - start
print(json.dumps({"reason": report.reason, "seconds": seconds, "spent": budget.spent,
                  "maxrss_kb": peak_kb()}))
"""

IDLE = PEAK_KB + r"""
import json
import models.package.verify  # noqa: F401
print(json.dumps({"maxrss_kb": peak_kb()}))
"""


def _child(code: str, *argv: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _sparse_claiming(path: Path, entries: int, zip64: bool) -> Path:
    """A sparse file that starts like a ZIP and ends in end records claiming ``entries``
    entries whose directory fills the whole file (46 bytes + a 20-byte name each)."""
    directory_size = min(entries * 66, SPARSE_BYTES - 200)
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(SPARSE_BYTES)
        handle.seek(SPARSE_BYTES)
        if zip64:
            record = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries,
                                 directory_size, SPARSE_BYTES - directory_size)
            locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, SPARSE_BYTES, 1)
            handle.write(record + locator + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF,
                                                         0xFFFFFFFF, 0xFFFFFFFF, 0))
        else:
            handle.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, entries, entries, directory_size,
                                     SPARSE_BYTES - directory_size, 0))
    return path


def _deflate_bomb(path: Path) -> Path:
    """9 900 entries, each 1 MiB of zeros deflated to about 1 KB (format 1's ratio cap only
    looked at entries above 1 MiB), 9.9 GiB inflated in all."""
    plain = bytes(1024 * 1024)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packed.compress(plain) + packed.flush()
    crc = zlib.crc32(plain)
    body, central = bytearray(), bytearray()
    for index in range(BOMB_ENTRIES):
        name = f"evidence/A1.1/{index:04d}-nol.pdf".encode()
        offset = len(body)
        body += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), len(plain),
                            len(name), 0) + name + data
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 0x0314, 20, 0, 8, 0, 0x21, crc, len(data),
                               len(plain), len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name
    comment = b"untrusted comment: palsu\n"  # a signature-sized comment, so the directory is judged
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, BOMB_ENTRIES, BOMB_ENTRIES, len(central), len(body),
                      len(comment))
    path.write_bytes(bytes(body + central + end + comment))
    return path


def _most_entries(path: Path) -> Path:
    """The most a reader will look at: 10 000 stored entries, every header checked, then a
    manifest that is not JSON (what costs most before the signature pass)."""
    from models.package.container import CanonicalZipWriter

    comment = b"untrusted comment: palsu\n"
    entries = [("manifest.json", b"{"), ("certificate.json", b"{}")] + [
        (f"evidence/A1.1/{index:05d}-berkas.pdf", b"%PDF") for index in range(9_998)]
    with open(path, "w+b") as handle:
        writer = CanonicalZipWriter(handle)
        for name, data in entries:
            writer.add(name, [data], len(data))
        writer.close_directory(len(comment))
        handle.write(comment)
    return path


def run(workdir: Path) -> Section:
    section = Section("Hostile packages: refused from their end records, nothing inflated")
    mb = 1000 * 1000
    cases = [
        ("10 000 000 entries claimed (ZIP64), sparse 670 MB",
         _sparse_claiming(workdir / "ten-million.merit", CLAIMED_ENTRIES, zip64=True)),
        ("65 534 entries claimed (no ZIP64), sparse 670 MB",
         _sparse_claiming(workdir / "many.merit", 65_534, zip64=False)),
        (f"{BOMB_ENTRIES} × 1 MiB deflated (9.9 GiB inflated)", _deflate_bomb(workdir / "bomb.merit")),
        ("10 000 stored entries, all headers checked", _most_entries(workdir / "most.merit")),
    ]
    idle = _child(IDLE)
    for label, path in cases:
        result = min((_child(CHILD, str(path)) for _ in range(3)), key=lambda r: r["seconds"])
        rss = result["maxrss_kb"] / 1024
        seconds_met = result["seconds"] < SECONDS_TARGET
        section.rows += [
            Row(f"{label}: verdict", f"`{result['reason']}`", "a documented code", result["reason"] is not None),
            Row(f"{label}: time to refuse", f"{decimal_id(result['seconds'] * 1000, 1)} ms",
                f"< {decimal_id(SECONDS_TARGET)} s", seconds_met),
            Row(f"{label}: peak RSS", f"{rss:.0f} MB", f"< {RSS_TARGET_MB} MB", rss < RSS_TARGET_MB),
            Row(f"{label}: bytes read from entries / inflated", f"{result['spent']:,} / 0".replace(",", "."),
                "≤ its budget", result["spent"] <= 2 * path.stat().st_size),
        ]
    section.notes += [
        f"File sizes: {', '.join(f'{path.name} {path.stat().st_size / mb:.1f} MB' for _, path in cases)} "
        "(the sparse ones occupy almost no disk). Best of 3 child processes each.",
        f"Peak RSS of a child that only imports the verifier: {idle['maxrss_kb'] / 1024:.0f} MB; refusing adds "
        "nothing measurable. Format 1 (zipfile) parsed the whole directory first: the audit measured 144 s and "
        "5.35 GiB for the 10-million file, and 9.9 GiB inflated for the deflate file.",
        "Format 2 judges count, sizes and ZIP64 from the end record before reading any directory entry, and "
        "allows no compression at all: the deflated entries are refused as `unsupported_compression` "
        "(first entry) without inflating a byte. The read budget (bytes and seconds, per package or per import "
        "batch) bounds everything after.",
    ]
    return section


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="merit-bench-hostile-") as directory:
        print(run(Path(directory)).markdown())
