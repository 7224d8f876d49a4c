"""Building packages for the tests: read a package's entries, change them, and write them
back as a canonical format-2 package signed by a chosen key (so each hostile variant
differs from a valid package in exactly one way)."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import keys
from models.package.format import CERTIFICATE_NAME, MANIFEST_NAME, trusted_comment
from models.package.signature import sign_digest, signature_length
from models.package.write import manifest_bytes


def read_entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def manifest_of(entries) -> dict:
    return json.loads(dict(entries)[MANIFEST_NAME])


def write_signed(path: Path, entries, private_key: Ed25519PrivateKey, comment: str | None = None) -> Path:
    """``entries`` as a canonical package signed by ``private_key`` (trusted comment from
    the manifest unless given). Names are written as given, hostile ones too."""
    if comment is None:
        try:
            comment = trusted_comment(manifest_of(entries))
        except (KeyError, TypeError, ValueError, RecursionError):
            comment = "merit-luring package"
    length = signature_length(comment)
    signed = raw_zip(entries, bytes(length))[:-length]
    digest = hashlib.blake2b(signed, digest_size=64).digest()
    Path(path).write_bytes(signed + sign_digest(private_key, keys.public_key_of(private_key).key_id, digest, comment))
    return Path(path)


def resign(entries, manifest: dict, replace: dict[str, bytes] | None = None, *, relist: bool = True):
    """Entries with ``manifest`` in place (and files in ``replace`` swapped); with
    ``relist`` the manifest's size and SHA-256 of swapped files are updated too."""
    replace = dict(replace or {})
    if relist:
        for entry in manifest["files"]:
            if entry["path"] in replace:
                data = replace[entry["path"]]
                entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    swapped = {MANIFEST_NAME: manifest_bytes(manifest), **replace}
    return [(name, swapped.get(name, body)) for name, body in entries]


def with_certificate(entries, certificate: bytes):
    """Entries carrying another certificate, its size and SHA-256 listed in the manifest
    (sign with ``write_signed``): how a test gets a package export refuses to write (an
    expired certificate)."""
    return resign(entries, manifest_of(entries), {CERTIFICATE_NAME: certificate})


def with_evidence(entries, manifest: dict, name: str, data: bytes, original_name: str = "bukti.pdf",
                  item_id: str = "A1.1"):
    """Entries plus one evidence file, listed in the manifest like the writer lists it."""
    manifest["files"].append({"path": name, "role": "evidence", "size": len(data),
                              "sha256": hashlib.sha256(data).hexdigest(), "item_id": item_id, "label": "Bukti",
                              "original_name": original_name, "media_type": "application/pdf",
                              "added_at": None, "added_by": "penguji"})
    return resign(entries + [(name, data)], manifest)


def raw_zip(entries, comment: bytes = b"", *, prefix: bytes = b"", gap_after: dict | None = None,
            extra: dict | None = None, local_extra: dict | None = None, flags: dict | None = None,
            local_names: dict | None = None, suffix: bytes = b"", count: int | None = None,
            sizes: dict | None = None, prefix_in_offsets: bool = False) -> bytes:
    """A stored ZIP laid out by hand, offsets consistent, with the given oddities (by entry
    index): bytes after an entry's data, extra fields (central and local, or local only),
    general-purpose flags, another name in the local header, another size declared in both
    headers; bytes before and after (``prefix_in_offsets``: the offsets count the prefix, an
    archive that starts late but is consistent in itself)."""
    gap_after, extra, local_extra = gap_after or {}, extra or {}, local_extra or {}
    flags, local_names, sizes = flags or {}, local_names or {}, sizes or {}
    base = 0 if prefix_in_offsets else len(prefix)
    body, central = bytearray(prefix), bytearray()
    for index, (name, data) in enumerate(entries):
        raw = name.encode("utf-8") if isinstance(name, str) else name
        local_raw = local_names.get(index, raw)
        crc = zlib.crc32(data)
        field = extra.get(index, b"")
        local_field = local_extra.get(index, field)
        offset = len(body) - base
        flag = flags.get(index, 0)
        size = sizes.get(index, len(data))
        body += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flag, 0, 0, 0x21, crc, size, size,
                            len(local_raw), len(local_field)) + local_raw + local_field + data
        body += gap_after.get(index, b"")
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 0x0314, 20, flag, 0, 0, 0x21, crc, size,
                               size, len(raw), len(field), 0, 0, 0, 0o100644 << 16, offset) + raw + field
    number = len(entries) if count is None else count
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, number, number, len(central),
                      len(body) - base, len(comment))
    return bytes(body + central + end + comment + suffix)


def signature_of(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.comment


__all__ = ["CERTIFICATE_NAME", "manifest_of", "read_entries", "resign", "with_evidence", "write_signed"]
