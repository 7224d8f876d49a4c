"""The province's signed answers to a package: the verification result (``*.meritv``) and the
receipt (``*.meritr``), specified in ``docs/package-format.md`` §13.

The same discipline as the package, with the same code: a canonical ZIP (``container``,
its one entry ``manifest.json``), strict JSON (``strict_json``) and a whole-file minisign
signature in the archive comment (``signature``), here by the *province* key. The reader
refuses with a stable reason code; it judges the signer against the province keys the
reader trusts, never against a key the file names.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import texts
from models.files import write_atomic
from models.keys import PublicKey, SignatureError, key_id_hex, parse_minisign_signature, public_key_of
from models.package.container import CanonicalZipWriter, Layout, ReadBudget, hash_container, open_container
from models.package.format import MANIFEST_NAME, MAX_MANIFEST_BYTES, REASONS, Rejected
from models.package.signature import sign_digest, signature_length, verify_digest
from models.package.strict_json import StrictJSONError, loads_strict
from models.package.verify import require_member

RESULT_FORMAT = "merit-luring-verification-result"
RECEIPT_FORMAT = "merit-luring-receipt"
ANSWER_FORMAT_VERSION = 1
RESULT_SUFFIX = ".meritv"
RECEIPT_SUFFIX = ".meritr"
SUFFIXES = {RESULT_FORMAT: RESULT_SUFFIX, RECEIPT_FORMAT: RECEIPT_SUFFIX}
ANSWER_LAYOUT = Layout((MANIFEST_NAME,), evidence=False)
MAX_ANSWER_BYTES = MAX_MANIFEST_BYTES + 8192

# Sentences of the codes whose package wording would mislead here; the container's codes
# keep the package's sentences (``models.package.format.REASONS``).
ANSWER_REASONS = texts.ANSWER_REASONS  # the sentences live in the one catalogue, models/texts.py


def answer_reason_sentence(reason: str) -> str:
    return ANSWER_REASONS.get(reason) or REASONS.get(reason) or reason


class AnswerFileRejected(Exception):
    """A result or receipt failed a check: ``reason`` (stable code) and a sentence."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail  # technical (names, sizes): the log and the CLI; the GUI words the reason
        self.code = texts.reason_code("answer" if reason in ANSWER_REASONS else "package", reason)
        self.params: dict = {}
        self.message = answer_reason_sentence(reason) + (f" {detail}" if detail else "")
        super().__init__(self.message)


@dataclass(frozen=True)
class SignedAnswer:
    """A checked result or receipt: what it says, who signed it, the file's SHA-256."""

    kind: str  # RESULT_FORMAT | RECEIPT_FORMAT
    manifest: dict
    signer: PublicKey
    sha256: str
    raw: bytes

    @property
    def is_result(self) -> bool:
        return self.kind == RESULT_FORMAT


# --- the trusted comment --------------------------------------------------------------------

def answer_trusted_comment(manifest: dict) -> str:
    """One line naming what the file answers; the signature binds it (§13)."""
    package = manifest["package"]
    kind = "verification-result" if manifest["format"] == RESULT_FORMAT else "receipt"
    return (f"merit-luring {kind} {manifest['document_id']} package {package['package_id']} "
            f"office {package['office_code']} year {package['year']} revision {package['revision']} "
            f"created {manifest['created_at']}")


# --- writing --------------------------------------------------------------------------------

def answer_bytes(manifest: dict, private_key: Ed25519PrivateKey) -> bytes:
    """The whole signed file: manifest.json in a canonical ZIP, the province's signature as
    the archive comment (the file is small: built in memory)."""
    import json

    data = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    comment = answer_trusted_comment(manifest)
    public = public_key_of(private_key)
    handle = io.BytesIO()
    writer = CanonicalZipWriter(handle)
    writer.add(MANIFEST_NAME, [data], len(data))
    signed_length = writer.close_directory(signature_length(comment))
    signed = handle.getvalue()[:signed_length]
    return signed + sign_digest(private_key, public.key_id, hashlib.blake2b(signed, digest_size=64).digest(),
                                comment)


def write_answer_file(manifest: dict, out_path: Path, private_key: Ed25519PrivateKey) -> Path:
    """Sign and write atomically; the suffix of its kind is added when missing."""
    out_path = Path(out_path)
    suffix = SUFFIXES[manifest["format"]]
    if out_path.suffix != suffix:
        out_path = out_path.with_name(out_path.name + suffix)
    return write_atomic(out_path, answer_bytes(manifest, private_key))


# --- reading --------------------------------------------------------------------------------

_SHAPE = {
    RESULT_FORMAT: (("document_id", str), ("created_at", str), ("province.code", str), ("package.package_id", str),
                    ("package.sha256", str), ("package.office_code", str), ("package.year", int),
                    ("package.revision", int), ("instrument.sha256", str), ("items", list),
                    ("correction.reason", str), ("verified.index", (int, float)), ("self_assessed.index", (int, float)),
                    ("reviewer", str), ("reviewed_on", str)),
    RECEIPT_FORMAT: (("document_id", str), ("created_at", str), ("province.code", str), ("package.package_id", str),
                     ("package.sha256", str), ("package.office_code", str), ("package.year", int),
                     ("package.revision", int), ("received_at", str), ("received_by", str)),
}


def check_answer_shape(manifest: dict) -> None:
    for path, kind in _SHAPE[manifest["format"]]:
        require_member(manifest, path, kind)  # Rejected("manifest_malformed"), as the package's members
    if not re.fullmatch(r"[0-9a-f]{64}", manifest["package"]["sha256"]):
        raise AnswerFileRejected("manifest_malformed", "package.sha256 bukan SHA-256.")
    try:
        datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise AnswerFileRejected("manifest_malformed", "created_at bukan waktu ISO 8601.") from None
    if manifest["format"] == RESULT_FORMAT:
        k = manifest["correction"].get("k")
        if k is not None and (isinstance(k, bool) or not isinstance(k, (int, float)) or not 0 <= k <= 1):
            raise AnswerFileRejected("manifest_malformed", "correction.k harus 0–1 atau null.")
        seen = set()
        for position, item in enumerate(manifest["items"]):
            if not isinstance(item, dict) or not isinstance(item.get("item_id"), str) \
                    or item["item_id"] in seen or not isinstance(item.get("note", ""), str):
                raise AnswerFileRejected("manifest_malformed", f"items[{position}] tidak sah.")
            for name in ("self_level", "verified_level"):
                level = item.get(name)
                if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
                    raise AnswerFileRejected("manifest_malformed", f"items[{position}].{name} harus bilangan bulat.")
            seen.add(item["item_id"])


def read_answer_file(path: Path, trusted_province_keys: list[PublicKey]) -> SignedAnswer:
    """Check a result or receipt in order (container, manifest, signer, signature, shape,
    trusted comment); raises ``AnswerFileRejected``, never anything else for bad input
    (an OS error reading the file is ``unreadable``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AnswerFileRejected("unreadable", f"{path}: {exc.strerror or exc}.") from None
    if size > MAX_ANSWER_BYTES:
        raise AnswerFileRejected("package_too_large", f"{size} bita.")
    try:
        container = open_container(path, ReadBudget.for_package(size), ANSWER_LAYOUT)
        manifest_data = container.read_small(MANIFEST_NAME)
        manifest = _parse_manifest(manifest_data)
        try:
            parsed = parse_minisign_signature(container.signature)
        except SignatureError as exc:
            raise AnswerFileRejected("signature_malformed", str(exc)) from None
        signer = next((key for key in trusted_province_keys if key.key_id == parsed.key_id), None)
        if signer is None:
            raise AnswerFileRejected("untrusted_signer", f"Kunci {key_id_hex(parsed.key_id)}.")
        hashed = hash_container(container)
        try:
            comment = verify_digest(signer, hashed.blake2b, container.signature)
        except SignatureError as exc:
            raise AnswerFileRejected(exc.reason, str(exc)) from None
        check_answer_shape(manifest)
        if comment != answer_trusted_comment(manifest):
            raise AnswerFileRejected("trusted_comment_mismatch", f"Komentar: {comment[:200]!r}.")
        raw = path.read_bytes()
    except Rejected as rejected:
        raise AnswerFileRejected(rejected.reason, rejected.message.removeprefix(REASONS.get(rejected.reason, ""))
                                 .strip()) from None
    except OSError as exc:
        raise AnswerFileRejected("unreadable", f"{path}: {exc.strerror or exc}.") from None
    return SignedAnswer(manifest["format"], manifest, signer, hashlib.sha256(raw).hexdigest(), raw)


def _parse_manifest(data: bytes) -> dict:
    try:
        manifest = loads_strict(data)
    except StrictJSONError as exc:
        raise AnswerFileRejected("manifest_malformed" if exc.reason == "json_invalid" else exc.reason,
                                 exc.detail) from None
    if not isinstance(manifest, dict) or manifest.get("format") not in SUFFIXES:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise AnswerFileRejected("unknown_format", f"format = {str(found)[:80]!r}.")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise AnswerFileRejected("manifest_malformed", "format_version harus bilangan bulat.")
    if version != ANSWER_FORMAT_VERSION:
        raise AnswerFileRejected("unknown_format_version", f"Versi {version}, aplikasi ini membaca versi "
                                                           f"{ANSWER_FORMAT_VERSION}.")
    return manifest
