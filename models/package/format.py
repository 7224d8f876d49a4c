"""What a ``.merit`` package is, for every module that writes or reads one: names,
limits, the stable reason codes with their sentences, the errors, ``VerifyReport``.

The format itself is specified in ``docs/package-format.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models import texts
from models.texts import CodedError

if TYPE_CHECKING:  # the GUI's start reads SUFFIX through the tables: no cryptography for that
    from models.certificates import OfficeCertificate
    from models.keys import PublicKey

FORMAT_NAME = "merit-luring-package"
FORMAT_VERSION = 2
SUFFIX = ".merit"
MANIFEST_NAME = "manifest.json"
CERTIFICATE_NAME = "certificate.json"
FIXED_NAMES = (MANIFEST_NAME, CERTIFICATE_NAME)
# The first bytes of a package encrypted to the province (docs/package-format.md §11).
ENCRYPTED_MAGIC = b"MERITENC"

# Caps a reader enforces before reading any content (resource exhaustion). Format 2 has
# no compression and no ZIP64: what is read is never more than the file's own size.
MAX_ENTRIES = 10_000
# Below 2 GiB: readers with signed 32-bit offsets read it, and Python's zipfile rebuilds it
# without ZIP64 fields (the hand check, docs/package-format.md §7, compares that rebuild).
MAX_PACKAGE_BYTES = 2**31 - 1 - 0x10000
MAX_ENTRY_BYTES = 1900 * 1024**2  # zipfile adds ZIP64 fields from 2 GiB / 1.05 on
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_SMALL_BYTES = 64 * 1024  # the certificate
MAX_COMMENT_BYTES = 4096  # the signature in the archive comment
MAX_TRUSTED_COMMENT = 512

REASONS = texts.PACKAGE_REASONS  # the sentences live in the one catalogue, models/texts.py
# Reasons that say nothing about the package itself (exit code 2 in the CLI).
IO_REASONS = {"unreadable", "cancelled", "unexpected_error"}


def reason_is_io(reason: str | None) -> bool:
    return reason in IO_REASONS


class PackageError(CodedError, RuntimeError):
    """Export could not be done: ``code`` and ``params`` (``models.texts``); ``str()`` is the
    sentence in Bahasa Indonesia."""


class PackageCancelled(PackageError):
    pass


class CertificateRefused(PackageError):
    """The office certificate cannot sign this export (unreadable, another office's or key's,
    or not valid on the day of export): the province would reject the package."""


class Rejected(Exception):
    """A package failed a check: ``reason`` (stable code) and a sentence."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail  # technical (names, sizes, hashes): the log and the CLI; the GUI words the reason
        self.code = texts.reason_code("package", reason)
        self.params: dict = {}
        self.message = REASONS[reason] + (f" {detail}" if detail else "")
        super().__init__(self.message)


@dataclass
class VerifyReport:
    ok: bool
    reason: str | None
    message: str
    manifest: dict | None = None
    certificate: OfficeCertificate | None = None
    province_key: PublicKey | None = None
    checked_files: int = 0
    checked_bytes: int = 0
    notice: str | None = None  # accepted with a remark (a late package within the grace days)

    def to_dict(self) -> dict:
        manifest = self.manifest or {}
        return {
            "ok": self.ok,
            "reason": self.reason,
            "message": self.message,
            "package_id": manifest.get("package_id"),
            "office": manifest.get("office"),
            "year": manifest.get("year"),
            "revision": manifest.get("revision"),
            "certificate": self.certificate.summary() if self.certificate else None,
            "province_key_id": self.province_key.key_id_hex if self.province_key else None,
            "checked_files": self.checked_files,
            "checked_bytes": self.checked_bytes,
            "notice": self.notice,
        }


# The callbacks of every long step (export, verify, import): progress(done, total) in bytes,
# and cancelled() polled between chunks.
Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


def trusted_comment(manifest: dict) -> str:
    office = manifest["office"]["code"]
    return (f"merit-luring package {manifest['package_id']} office {office} year {manifest['year']} "
            f"revision {manifest['revision']} created {manifest['created_at']}")


def as_read_from_json(data):
    """The value as it reads back from JSON (tuples become lists, ...): declared and
    recomputed scores are compared in this form."""
    return json.loads(json.dumps(data, ensure_ascii=False))
