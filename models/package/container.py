"""The ZIP container of a package, read without trusting it: the structural rules of
``docs/package-format.md`` §2 judged on the central directory alone, bounded reads of the
small entries, and a reader that re-checks an entry's size and SHA-256 as it streams.

Nothing is ever extracted by name, so no entry can be written outside a chosen place.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from pathlib import Path

from models.package.format import (
    CERTIFICATE_NAME,
    EVIDENCE_NAME,
    FIXED_NAMES,
    MANIFEST_NAME,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_SMALL_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    SIGNATURE_NAME,
    Rejected,
)


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _check_name(name: str) -> None:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise Rejected("absolute_path", f"Nama: {name!r}.")
    if ".." in re.split(r"[\\/]", name):
        raise Rejected("path_traversal", f"Nama: {name!r}.")
    if name not in FIXED_NAMES and not EVIDENCE_NAME.fullmatch(name):
        raise Rejected("forbidden_name", f"Nama: {name!r}.")


def check_container(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every structural rule, from the central directory alone; returns name -> entry."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise Rejected("too_many_entries", f"{len(infos)} berkas, batas {MAX_ENTRIES}.")
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        # zipfile cuts a name at NUL and turns "\\" into "/" on Windows before we see it:
        # judge the bytes as stored, so every platform's verifier agrees.
        if info.orig_filename != name:
            raise Rejected("forbidden_name", f"Nama: {info.orig_filename!r}.")
        if _is_link(info):
            raise Rejected("link_entry", f"Nama: {name!r}.")
        _check_name(name)
        if name in entries or name.casefold() in folded:
            raise Rejected("duplicate_entry", f"Nama: {name!r}.")
        entries[name] = info
        folded.add(name.casefold())
        if info.flag_bits & 0x1:
            raise Rejected("encrypted_entry", f"Nama: {name!r}.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Rejected("unsupported_compression", f"Nama: {name!r}.")
        limit = {MANIFEST_NAME: MAX_MANIFEST_BYTES, SIGNATURE_NAME: MAX_SMALL_BYTES,
                 CERTIFICATE_NAME: MAX_SMALL_BYTES}.get(name, MAX_ENTRY_BYTES)
        if info.file_size > limit:
            raise Rejected("entry_too_large", f"Nama: {name!r}.")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Rejected("package_too_large")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Rejected("compression_ratio", f"Nama: {name!r}.")
    for name, reason in ((MANIFEST_NAME, "missing_manifest"), (SIGNATURE_NAME, "missing_signature"),
                         (CERTIFICATE_NAME, "missing_certificate")):
        if name not in entries:
            raise Rejected(reason)
    return entries


def read_small_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The bytes of an entry whose size ``check_container`` has capped (manifest, signature,
    certificate)."""
    try:
        with archive.open(info) as stream:
            return stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Rejected("zip_corrupt", f"Berkas {info.filename}: {exc}.") from exc


def open_package_zip(path: Path) -> zipfile.ZipFile:
    """The file as a ZIP, after what can be judged before its directory is read
    (``unreadable``, ``empty_file``, ``not_zip``, ``zip_corrupt``)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise Rejected("unreadable", f"{path}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise Rejected("empty_file", f"{path.name}.")
    if head not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise Rejected("not_zip", f"{path.name}.")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise Rejected("zip_corrupt", f"{path.name}: {exc}.") from exc


class HashingReader:
    """Reads a ZIP entry, hashing; at EOF raises Rejected when size or SHA-256 differ."""

    def __init__(self, stream, entry: dict):
        self._stream = stream
        self._entry = entry
        self._digest = hashlib.sha256()
        self._size = 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._stream.read(size)
        except zipfile.BadZipFile as exc:  # CRC-32 mismatch: the bytes changed
            raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}: {exc}.") from exc
        except (EOFError, OSError, ValueError) as exc:
            raise Rejected("zip_corrupt", f"Berkas {self._entry['path']}: {exc}.") from exc
        self._digest.update(chunk)
        self._size += len(chunk)
        if self._size > self._entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry['path']}.")
        if not chunk or size < 0:
            self._finish()
        return chunk

    def _finish(self) -> None:
        if self._size != self._entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {self._entry['path']}.")
        if self._digest.hexdigest() != self._entry["sha256"]:
            raise Rejected("hash_mismatch", f"Berkas {self._entry['path']}.")


def open_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A stream of one entry; a broken local header is ``zip_corrupt``, not a crash."""
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Rejected("zip_corrupt", f"Berkas {info.filename}: {exc}.") from exc
