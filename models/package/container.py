"""The canonical ZIP container of format 2 (``docs/package-format.md`` §2): written byte
for byte the one way the format allows, and read without trusting it.

The reader judges the end record first (entry count, directory size, no ZIP64), then the
central directory, then every local header against its central twin, so every byte of
the file is accounted for before any content is read: no prefix, gap, suffix, extra field
or second directory can hide anything a different ZIP reader would see. It reads within a
``ReadBudget`` (bytes and seconds) and in fixed-size chunks, so memory stays flat.

Nothing is ever extracted by name, so no entry can be written outside a chosen place.
"""

from __future__ import annotations

import hashlib
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from models.package.format import (
    CERTIFICATE_NAME,
    ENCRYPTED_MAGIC,
    MANIFEST_NAME,
    MAX_COMMENT_BYTES,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_PACKAGE_BYTES,
    MAX_SMALL_BYTES,
    Rejected,
)
from models.package.lanes import Lanes
from models.package.names import entry_name_problem, fold

LOCAL_SIG, CENTRAL_SIG, END_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
ZIP64_END_SIG, ZIP64_LOCATOR_SIG = b"PK\x06\x06", b"PK\x06\x07"
LOCAL = struct.Struct("<4sHHHHHIIIHH")  # 30 bytes
CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")  # 46 bytes
END = struct.Struct("<4sHHHHIIH")  # 22 bytes
# The only values format 2 allows in the fixed fields (§2.1).
VERSION_NEEDED = 20
VERSION_MADE_BY = 0x0314  # Unix, ZIP 2.0
DOS_TIME, DOS_DATE = 0, 0x0021  # 1980-01-01 00:00: no time in the container, it is in the manifest
EXTERNAL_ATTR = 0o100644 << 16  # regular file, rw-r--r--
STORED = 0
READ_CHUNK = 1024 * 1024


# --- budgets ----------------------------------------------------------------------------------

_BUDGET_LOCK = threading.Lock()


@dataclass
class ReadBudget:
    """Bytes a reader may read from entries and a deadline, for one package or a whole
    batch (the importer shares one across its files). Exceeding it rejects the package."""

    max_bytes: int
    seconds: float
    spent: int = 0
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def for_package(cls, size: int) -> ReadBudget:
        # One pass over the file plus the small entries read twice; 60 s plus 5 MB/s.
        return cls(2 * size + MAX_MANIFEST_BYTES + 2 * MAX_SMALL_BYTES, 60 + size / 5e6)

    def spend(self, amount: int) -> None:
        with _BUDGET_LOCK:  # one budget may serve the importer's helper threads
            self.spent += amount
        if self.spent > self.max_bytes:
            raise Rejected("read_budget_exceeded", f"Batas {self.max_bytes} bita.")
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.seconds:
            raise Rejected("time_budget_exceeded", f"Batas {self.seconds:.0f} detik.")


# --- writing ----------------------------------------------------------------------------------

def local_header(name: bytes, size: int, crc: int) -> bytes:
    return LOCAL.pack(LOCAL_SIG, VERSION_NEEDED, 0, STORED, DOS_TIME, DOS_DATE, crc, size, size, len(name), 0) + name


def central_header(name: bytes, size: int, crc: int, offset: int) -> bytes:
    return CENTRAL.pack(CENTRAL_SIG, VERSION_MADE_BY, VERSION_NEEDED, 0, STORED, DOS_TIME, DOS_DATE, crc, size, size,
                        len(name), 0, 0, 0, 0, EXTERNAL_ATTR, offset) + name


def end_record(count: int, directory_size: int, directory_offset: int, comment_length: int) -> bytes:
    return END.pack(END_SIG, 0, 0, count, count, directory_size, directory_offset, comment_length)


class CanonicalZipWriter:
    """Writes the entries in order into a seekable binary file: local header (CRC patched
    once the data is written), the data, then the directory and the end record whose
    comment length announces the signature that ``finish`` appends."""

    def __init__(self, handle):
        self._handle = handle
        self._central: list[bytes] = []
        self._offset = 0
        self._entry: list = []  # the entry being written: name, declared size, bytes written

    @property
    def offset(self) -> int:
        """Bytes written so far (where the next entry's local header goes)."""
        return self._offset

    def add(self, name: str, chunks, size: int) -> None:
        """``chunks`` yields the entry's bytes; they must add up to ``size``."""
        self.begin(name, size)
        crc = 0
        for chunk in chunks:
            crc = zlib.crc32(chunk, crc)
            self.write(chunk)
        self.end(crc)

    def begin(self, name: str, size: int) -> None:
        """Start an entry: its local header, CRC-32 still 0 (``end`` patches it)."""
        raw = name.encode("ascii")
        self._entry = [raw, size, 0]
        self._handle.write(local_header(raw, size, 0))

    def write(self, data) -> None:
        """Some of the current entry's bytes, in order."""
        self._entry[2] += len(data)
        self._handle.write(data)

    def end(self, crc: int) -> None:
        """Close the entry with the CRC-32 of its bytes (the caller's: it may be taken
        while the bytes are written); raises ``ValueError`` when they did not add up to its size.
        Afterwards bytes ``offset`` before this call up to ``offset`` now are final."""
        raw, size, written = self._entry
        if written != size:
            raise ValueError(f"{raw.decode()}: {written} bytes written, {size} declared")
        start = self._offset
        end = start + LOCAL.size + len(raw) + size
        self._handle.seek(start + 14)
        self._handle.write(struct.pack("<I", crc))
        self._handle.seek(end)
        self._central.append(central_header(raw, size, crc, start))
        self._offset = end

    def close_directory(self, comment_length: int) -> int:
        """Write directory and end record; returns the signed length (the whole file so far)."""
        directory = b"".join(self._central)
        self._handle.write(directory)
        self._handle.write(end_record(len(self._central), len(directory), self._offset, comment_length))
        return self._offset + len(directory) + END.size


# --- reading ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    name: str
    header_offset: int
    data_offset: int
    size: int
    crc: int


@dataclass
class Container:
    path: Path
    size: int
    entries: list[Entry]
    signature: bytes  # the archive comment: a minisign signature file
    signed_length: int  # bytes 0 .. signed_length-1 are what the signature covers
    budget: ReadBudget

    @property
    def by_name(self) -> dict[str, Entry]:
        return {entry.name: entry for entry in self.entries}

    def read_small(self, name: str, handle=None) -> bytes:
        entry = self.by_name[name]
        self.budget.spend(entry.size)
        if handle is None:
            with open(self.path, "rb") as own:
                return _pread(own, entry.data_offset, entry.size)
        return _pread(handle, entry.data_offset, entry.size)


def _pread(handle, offset: int, size: int) -> bytes:
    handle.seek(offset)
    data = handle.read(size)
    if len(data) != size:
        raise Rejected("zip_corrupt", "Berkas terpotong.")
    return data


@dataclass(frozen=True)
class Layout:
    """Which entries a kind of file holds: ``fixed`` names first, in that order, then (only
    when ``evidence``) evidence entries. The package is one layout; the province's signed
    answers (``models.package.answer_file``) are another, the same container rules."""

    fixed: tuple[str, ...]
    evidence: bool


PACKAGE_LAYOUT = Layout((MANIFEST_NAME, CERTIFICATE_NAME), evidence=True)
# The reason a missing fixed entry is reported with.
_MISSING_REASONS = {MANIFEST_NAME: "missing_manifest", CERTIFICATE_NAME: "missing_certificate"}


def _size_limit(name: str) -> int:
    return {MANIFEST_NAME: MAX_MANIFEST_BYTES, CERTIFICATE_NAME: MAX_SMALL_BYTES}.get(name, MAX_ENTRY_BYTES)


def _find_end(tail: bytes, tail_start: int, size: int, looks_like_zip: bool) -> tuple[int, tuple]:
    """The end record: the last ``PK\\5\\6`` in the tail (the signature text cannot hold the
    bytes 5 and 6). Bytes after its comment are a suffix."""
    position = tail.rfind(END_SIG)
    if position < 0 or len(tail) - position < END.size:
        raise Rejected("zip_corrupt" if looks_like_zip else "not_zip",
                       "Catatan akhir ZIP tidak ditemukan.")
    record = END.unpack_from(tail, position)
    end = tail_start + position + END.size + record[7]
    if end < size:
        raise Rejected("trailing_data", f"{size - end} bita setelah catatan akhir ZIP.")
    if end > size:
        raise Rejected("zip_corrupt", "Komentar ZIP terpotong.")
    return tail_start + position, record


def open_container(path: Path, budget: ReadBudget | None = None, layout: Layout = PACKAGE_LAYOUT) -> Container:
    """Check every structural rule of §2 and return the entries; raises ``Rejected``.

    Reads the end record, then the directory (at most ``MAX_ENTRIES`` headers), then each
    local header: never more than a few MB whatever the file claims."""
    path = Path(path)
    try:
        size = path.stat().st_size
        handle = open(path, "rb")
    except OSError as exc:
        raise Rejected("unreadable", f"{path}: {exc.strerror or exc}.") from exc
    with handle:
        try:
            return _open(path, handle, size, budget or ReadBudget.for_package(size), layout)
        except OSError as exc:
            raise Rejected("unreadable", f"{path}: {exc.strerror or exc}.") from exc


def _open(path: Path, handle, size: int, budget: ReadBudget, layout: Layout = PACKAGE_LAYOUT) -> Container:
    if size == 0:
        raise Rejected("empty_file", f"{path.name}.")
    head = handle.read(len(ENCRYPTED_MAGIC))
    if head == ENCRYPTED_MAGIC:
        raise Rejected("encrypted_package", f"{path.name}.")
    if size > MAX_PACKAGE_BYTES:
        raise Rejected("package_too_large", f"{size} bita, batas {MAX_PACKAGE_BYTES}.")
    # As far back as any ZIP reader looks for the end record (a 64 KiB comment), and then some.
    tail_start = max(0, size - END.size - 0xFFFF - MAX_COMMENT_BYTES)
    tail = _pread(handle, tail_start, size - tail_start)
    end_offset, record = _find_end(tail, tail_start, size, head.startswith(LOCAL_SIG))
    _, disk, directory_disk, count_here, count, directory_size, directory_offset, comment_length = record
    # Judged before a single directory entry is parsed. A locator is looked for only where the
    # directory does not end at the end record (else those bytes are a directory entry's).
    locator = directory_offset + directory_size != end_offset and end_offset >= 20 \
        and _pread(handle, end_offset - 20, 4) == ZIP64_LOCATOR_SIG
    if locator or 0xFFFF in (count, count_here) or 0xFFFFFFFF in (directory_size, directory_offset):
        raise Rejected("zip64_unsupported")
    if disk or directory_disk or count_here != count:
        raise Rejected("header_not_canonical", "Arsip multi-disk.")
    if count > MAX_ENTRIES:
        raise Rejected("too_many_entries", f"{count} berkas, batas {MAX_ENTRIES}.")
    if comment_length == 0:
        raise Rejected(_unsigned_reason(handle), "Arsip tidak membawa tanda tangan format 2.")
    if directory_offset + directory_size > end_offset or directory_size < CENTRAL.size * count \
            or directory_size > (CENTRAL.size + 256) * count:
        raise Rejected("zip_corrupt", "Ukuran atau letak direktori pusat tidak masuk akal.")
    if directory_offset + directory_size < end_offset:
        shift = end_offset - directory_offset - directory_size
        # Every offset off by the same amount: bytes glued before the archive (a second
        # archive, an executable stub), which some readers skip and others read.
        if _pread(handle, directory_offset + shift, 4) == CENTRAL_SIG:
            raise Rejected("prefix_data", f"{shift} bita sebelum arsip.")
        raise Rejected("gap_data", f"{shift} bita sebelum catatan akhir.")
    directory = _pread(handle, directory_offset, directory_size)
    entries = _parse_directory(directory, count, layout)
    _check_layout(handle, entries, directory_offset, layout)
    signature = tail[end_offset - tail_start + END.size:]
    return Container(path, size, entries, signature, end_offset + END.size, budget)


def _unsigned_reason(handle) -> str:
    """A ZIP with no signature in its comment: a format 1 package (deflated manifest.json
    first) or a package whose signature was taken away."""
    header = _pread(handle, 0, LOCAL.size + len(MANIFEST_NAME))
    fields = LOCAL.unpack_from(header)
    if fields[0] == LOCAL_SIG and header[LOCAL.size:] == MANIFEST_NAME.encode() and fields[3] == 8:
        return "format_version_unsupported"
    return "missing_signature"


def _parse_directory(directory: bytes, count: int, layout: Layout = PACKAGE_LAYOUT) -> list[Entry]:
    entries: list[Entry] = []
    folded: set[str] = set()
    position = 0
    for _ in range(count):
        if len(directory) - position < CENTRAL.size:
            raise Rejected("zip_corrupt", "Direktori pusat terpotong.")
        (signature, made_by, needed, flags, method, mtime, mdate, crc, compressed, size, name_length, extra_length,
         comment_length, disk, internal, external, offset) = CENTRAL.unpack_from(directory, position)
        if signature != CENTRAL_SIG:
            raise Rejected("zip_corrupt", "Tanda direktori pusat salah.")
        raw = directory[position + CENTRAL.size:position + CENTRAL.size + name_length]
        position += CENTRAL.size + name_length + extra_length + comment_length
        name = _name(raw, layout)
        if extra_length:
            raise Rejected("extra_field", f"Nama: {name!r}.")
        if flags & 0x1:
            raise Rejected("encrypted_entry", f"Nama: {name!r}.")
        if method != STORED:
            raise Rejected("unsupported_compression", f"Nama: {name!r} (metode {method}).")
        if fold(name) in folded:
            raise Rejected("duplicate_entry", f"Nama: {name!r}.")
        folded.add(fold(name))
        if size > _size_limit(name):
            raise Rejected("entry_too_large", f"Nama: {name!r}.")
        if (made_by, needed, flags, mtime, mdate, comment_length, disk, internal, external) != (
                VERSION_MADE_BY, VERSION_NEEDED, 0, DOS_TIME, DOS_DATE, 0, 0, 0, EXTERNAL_ATTR) \
                or compressed != size:
            raise Rejected("header_not_canonical", f"Nama: {name!r}.")
        data_offset = offset + LOCAL.size + len(raw)
        entries.append(Entry(name, offset, data_offset, size, crc))
    if position != len(directory):
        raise Rejected("zip_corrupt", "Panjang direktori pusat tidak cocok.")
    return entries


def _name(raw: bytes, layout: Layout = PACKAGE_LAYOUT) -> str:
    try:
        name = raw.decode("ascii")
    except UnicodeDecodeError:
        raise Rejected("forbidden_name", f"Nama bukan ASCII: {raw[:80]!r}.") from None
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise Rejected("absolute_path", f"Nama: {name!r}.")
    if ".." in name.replace("\\", "/").split("/"):
        raise Rejected("path_traversal", f"Nama: {name!r}.")
    if name not in layout.fixed:
        if not layout.evidence:
            raise Rejected("unlisted_file", f"Nama: {name!r}.")
        problem = entry_name_problem(name)
        if problem:
            raise Rejected("forbidden_name", f"Nama: {name!r} ({problem}).")
    return name


def _check_layout(handle, entries: list[Entry], directory_offset: int, layout: Layout = PACKAGE_LAYOUT) -> None:
    """Entries back to back from byte 0 up to the directory, each local header the exact
    twin of its central one: no byte anywhere that one ZIP reader sees and another skips."""
    expected = 0
    for entry in entries:
        if entry.header_offset != expected:
            if expected == 0:
                raise Rejected("prefix_data", f"{entry.header_offset} bita sebelum berkas pertama.")
            if entry.header_offset > expected:
                raise Rejected("gap_data", f"{entry.header_offset - expected} bita sebelum {entry.name}.")
            raise Rejected("overlapping_entries", f"Nama: {entry.name!r}.")
        raw = entry.name.encode("ascii")
        if _pread(handle, entry.header_offset, LOCAL.size + len(raw)) != local_header(raw, entry.size, entry.crc):
            raise Rejected("header_mismatch", f"Nama: {entry.name!r}.")
        expected = entry.data_offset + entry.size
    if expected != directory_offset:
        if expected < directory_offset:
            raise Rejected("gap_data", f"{directory_offset - expected} bita setelah berkas terakhir.")
        raise Rejected("overlapping_entries", "Direktori pusat menimpa berkas.")
    present = {e.name for e in entries}
    for position, name in enumerate(layout.fixed):
        if len(entries) < len(layout.fixed) or entries[position].name != name:
            raise Rejected(_MISSING_REASONS.get(name, "missing_file") if name not in present else "entry_order")


# --- one pass over the signed bytes -----------------------------------------------------------

@dataclass
class PassResult:
    blake2b: bytes  # BLAKE2b-512 of the signed bytes (minisign's prehash)
    sha256: dict[str, str]  # entry name -> hex SHA-256 of its data
    crc_ok: dict[str, bool]


class _EntryHash:
    def __init__(self):
        self.sha256 = hashlib.sha256()
        self.crc = 0

    def update(self, data) -> None:
        self.sha256.update(data)
        self.crc = zlib.crc32(data, self.crc)


_WHOLE, _ENTRY = 0, 1  # lanes: BLAKE2b-512 of the signed bytes; SHA-256 and CRC-32 of each entry


def hash_container(container: Container, progress=None, cancelled=None) -> PassResult:
    """Read the signed bytes once, in order: the whole-file prehash for the signature and
    each entry's SHA-256 and CRC-32 on the way (memory flat, budget charged).

    This thread reads each chunk (into a reused buffer) and charges the budget; BLAKE2b-512
    of the signed bytes runs on one lane, each entry's SHA-256 and CRC-32 on another, so the
    pass costs about what the slower of the two does alone (``models.package.lanes``)."""
    whole = hashlib.blake2b(digest_size=64)
    hashes: list[tuple[Entry, _EntryHash]] = []
    spans = [(e.data_offset, e.data_offset + e.size, e) for e in container.entries]
    position = 0
    chunk_size = READ_CHUNK
    with open(container.path, "rb", buffering=0) as handle, Lanes(2, size=chunk_size, work=container.signed_length) as lanes:
        for start, stop, entry in spans + [(container.signed_length, container.signed_length, None)]:
            header = _read_span(handle, position, start, container)  # headers: small
            if header:
                lanes.run(_WHOLE, whole.update, header)
            if entry is None:
                break
            entry_hash = _EntryHash()
            hashes.append((entry, entry_hash))
            handle.seek(start)
            remaining = stop - start
            while remaining:
                buffer = lanes.buffer()
                length = handle.readinto(memoryview(buffer)[:min(chunk_size, remaining)])
                if not length:
                    lanes.give_back(buffer)
                    raise Rejected("zip_corrupt", "Berkas terpotong.")
                remaining -= length
                try:
                    container.budget.spend(length)
                    if cancelled and cancelled():
                        raise Rejected("cancelled")
                except Rejected:
                    lanes.give_back(buffer)
                    raise
                lanes.feed(buffer, length, [(_WHOLE, whole.update), (_ENTRY, entry_hash.update)])
                if progress:
                    progress(stop - remaining, container.signed_length)
            position = stop
        lanes.wait()
    return PassResult(whole.digest(), {entry.name: h.sha256.hexdigest() for entry, h in hashes},
                      {entry.name: h.crc == entry.crc for entry, h in hashes})


@dataclass
class CopiedPass:
    """What ``copy_hashing`` learnt while it wrote a copy: the hashes ``hash_container``
    would compute over that copy, valid for the structure ``plan`` (read from the source
    before copying) only; ``matches`` says whether the copy has that structure."""

    plan: Container
    result: PassResult
    sha256: str  # of the whole copy
    written: int  # bytes written, every byte read

    def matches(self, copy: Container) -> bool:
        """The copy, opened and judged on its own, has the planned structure: same size,
        entries (names, offsets, sizes, CRC-32), signed length and signature. Then the
        hashes taken from the bytes written are the hashes of its entries and signed bytes."""
        plan = self.plan
        return (self.written == copy.size == plan.size and copy.entries == plan.entries
                and copy.signed_length == plan.signed_length and copy.signature == plan.signature)


def copy_hashing(plan: Container, writer, *, chunk_size: int = READ_CHUNK, progress=None,
                 cancelled=None) -> CopiedPass:
    """Copy ``plan.path`` (whose structure ``plan`` is, as ``open_container`` read it) to the
    binary file ``writer`` in one read, hashing every chunk from the buffer it is written
    from: SHA-256 of the whole file, and what ``hash_container`` computes (BLAKE2b-512 of
    the signed bytes, each entry's SHA-256 and CRC-32) for the entries ``plan`` names.

    Every byte read is written and hashed, up to the end of the source even if it grew; the
    bytes verified are the bytes written. The source may change while it is copied: the
    hashes then belong to the copy only if it still has the planned structure, which the
    caller checks on the copy itself (``CopiedPass.matches``), else it reads the copy again.
    Charges no budget (the verifier charges the signed bytes when it uses the result)."""
    whole = hashlib.blake2b(digest_size=64)
    file_sha = hashlib.sha256()
    hashes: list[tuple[Entry, _EntryHash]] = []
    # Spans of the file in order, each with the lanes its bytes go to besides the file's SHA-256.
    spans: list[tuple[int, _EntryHash | None, bool]] = []  # (end, entry hash, signed)
    position = 0
    for entry in plan.entries:
        if entry.data_offset > position:
            spans.append((entry.data_offset, None, True))
        entry_hash = _EntryHash()
        hashes.append((entry, entry_hash))
        spans.append((entry.data_offset + entry.size, entry_hash, True))
        position = entry.data_offset + entry.size
    spans.append((plan.signed_length, None, True))
    spans.append((-1, None, False))  # the signature, and whatever follows if the source grew
    written = 0
    with open(plan.path, "rb", buffering=0) as reader, \
            Lanes(3, size=chunk_size, work=plan.size) as lanes:
        for end, entry_hash, signed in spans:
            while end < 0 or written < end:
                buffer = lanes.buffer()
                want = chunk_size if end < 0 else min(chunk_size, end - written)
                length = reader.readinto(memoryview(buffer)[:want])
                if not length:
                    lanes.give_back(buffer)
                    break
                view = memoryview(buffer)[:length]
                try:
                    if cancelled and cancelled():
                        raise Rejected("cancelled")
                    done = 0
                    while done < length:
                        done += writer.write(view[done:])
                except BaseException:
                    lanes.give_back(buffer)
                    raise
                written += length
                calls = [(2, file_sha.update)]
                if signed:
                    calls.append((_WHOLE, whole.update))
                if entry_hash is not None:
                    calls.append((_ENTRY, entry_hash.update))
                lanes.feed(buffer, length, calls)
                if progress:
                    progress(written, plan.size)
            if end >= 0 and written < end:
                break  # the source is shorter than planned: the copy will not match
        lanes.wait()
    result = PassResult(whole.digest(), {entry.name: h.sha256.hexdigest() for entry, h in hashes},
                        {entry.name: h.crc == entry.crc for entry, h in hashes})
    return CopiedPass(plan, result, file_sha.hexdigest(), written)


def _read_span(handle, start: int, stop: int, container: Container) -> bytes:
    if stop <= start:
        return b""
    container.budget.spend(stop - start)
    return _pread(handle, start, stop - start)


class EntryReader:
    """Streams one entry's bytes from a verified package; at EOF raises ``Rejected`` when
    size or SHA-256 differ from ``expected`` (the file may have changed since)."""

    def __init__(self, path: Path, entry: Entry, expected: dict, budget: ReadBudget | None = None):
        self._handle = open(path, "rb")
        self._handle.seek(entry.data_offset)
        self._remaining = entry.size
        self._entry = entry
        self._expected = expected
        self._digest = hashlib.sha256()
        self._budget = budget
        self._done = False

    def read(self, size: int = -1) -> bytes:
        if self._done:
            return b""
        want = self._remaining if size < 0 else min(size, self._remaining)
        chunk = self._handle.read(want) if want else b""
        if len(chunk) != want:
            raise Rejected("zip_corrupt", f"Berkas {self._entry.name} terpotong.")
        if self._budget:
            self._budget.spend(len(chunk))
        self._digest.update(chunk)
        self._remaining -= len(chunk)
        if not self._remaining:
            self._finish()
        return chunk

    def _finish(self) -> None:
        self._done = True
        if self._entry.size != self._expected["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry.name}.")
        if self._digest.hexdigest() != self._expected["sha256"]:
            raise Rejected("hash_mismatch", f"Berkas {self._entry.name}.")

    def close(self) -> None:
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

