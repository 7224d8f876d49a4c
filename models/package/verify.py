"""Verifying a package in the documented order (``docs/package-format.md`` §5): the
canonical container, manifest and certificate as strict JSON, the signature over every byte
(one pass that also hashes each entry), manifest shape, names and trusted comment, the
certificate, every file's size and SHA-256, and the scores recomputed with the instrument.

``verify_package`` never extracts and never raises for bad input: it returns a
``VerifyReport`` with a stable reason code and a sentence in Bahasa Indonesia.
"""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models.certificates import (
    CertificateError,
    OfficeCertificate,
    Revocations,
    judge_certificate,
    read_certificate,
    revocation_in_force,
)
from models.instrument import InstrumentRegistry, shipped_registry
from models.keys import PublicKey, SignatureError, key_id_hex, parse_minisign_signature
from models.package.container import Container, CopiedPass, PassResult, ReadBudget, hash_container, open_container
from models.package.envelope import decrypt_package, is_encrypted
from models.package.format import (
    CERTIFICATE_NAME,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    REASONS,
    Cancelled,
    Progress,
    Rejected,
    VerifyReport,
    as_read_from_json,
    trusted_comment,
)
from models.package.names import display_name_problem, entry_name_problem
from models.package.signature import verify_digest
from models.package.strict_json import StrictJSONError, loads_strict
from models.scoring import STORED_PLACES, ScoringInputError, score_recorded

# --- the manifest ---------------------------------------------------------------------------

def parse_manifest(data: bytes) -> dict:
    """The manifest object, judged on ``format`` and ``format_version`` only: nothing of an
    unknown version is read further (step 3)."""
    try:
        manifest = loads_strict(data)
    except StrictJSONError as exc:
        reason = "manifest_malformed" if exc.reason == "json_invalid" else exc.reason
        raise Rejected(reason, f"manifest.json: {exc.detail}.") from None
    if not isinstance(manifest, dict):
        raise Rejected("manifest_malformed", "Isi harus objek JSON.")
    if manifest.get("format") != FORMAT_NAME:
        raise Rejected("unknown_format", f"format = {str(manifest.get('format'))[:80]!r}.")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Rejected("manifest_malformed", "format_version harus bilangan bulat.")
    if version == 1:
        raise Rejected("format_version_unsupported")
    if version != FORMAT_VERSION:
        raise Rejected("unknown_format_version",
                       f"Paket versi {version}, aplikasi ini membaca versi {FORMAT_VERSION}.")
    return manifest


def parse_certificate(data: bytes) -> OfficeCertificate:
    """The certificate, its envelope and its body both strict JSON (§3.1)."""
    try:
        envelope = loads_strict(data)
        if isinstance(envelope, dict) and isinstance(envelope.get("body"), str):
            loads_strict(envelope["body"])
    except StrictJSONError as exc:
        reason = "certificate_malformed" if exc.reason == "json_invalid" else exc.reason
        raise Rejected(reason, f"certificate.json: {exc.detail}.") from None
    try:
        return read_certificate(data)
    except CertificateError as exc:
        raise Rejected("certificate_malformed", str(exc)) from None


def require_member(manifest: dict, path: str, kind):
    value = manifest
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise Rejected("manifest_malformed", f"Kolom '{path}' tidak ada.")
        value = value[part]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Rejected("manifest_malformed", f"Kolom '{path}' jenisnya salah.")
    return value


def check_manifest_shape(manifest: dict) -> list[dict]:
    for path, kind in (("package_id", str), ("created_at", str), ("office.code", str), ("year", int),
                       ("revision", int), ("instrument.id", str), ("instrument.sha256", str),
                       ("assessment.gates", dict), ("answers", list), ("scores", dict), ("files", list)):
        require_member(manifest, path, kind)
    try:
        datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise Rejected("manifest_malformed", "created_at bukan waktu ISO 8601.") from None
    files = manifest["files"]
    seen: set[str] = set()
    for position, entry in enumerate(files):
        if not isinstance(entry, dict):
            raise Rejected("manifest_malformed", f"files[{position}] harus objek.")
        name, size, sha = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(name, str) or not isinstance(size, int) or isinstance(size, bool) or size < 0 \
                or not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise Rejected("manifest_malformed", f"files[{position}]: path, size, sha256 wajib dan sah.")
        if name in seen or name == MANIFEST_NAME:
            raise Rejected("manifest_malformed", f"files[{position}]: path {name!r} ganda atau terlarang.")
        seen.add(name)
        if position == 0 and (name != CERTIFICATE_NAME or entry.get("role") != "certificate"):
            raise Rejected("manifest_malformed", "files[0] harus certificate.json.")
        if position > 0:
            if entry.get("role") != "evidence" or not isinstance(entry.get("item_id"), str):
                raise Rejected("manifest_malformed", f"files[{position}]: role evidence dan item_id wajib.")
            if entry_name_problem(name):
                raise Rejected("forbidden_name", f"files[{position}]: {name[:120]!r}.")
            problem = display_name_problem(entry.get("original_name"))
            if problem:
                raise Rejected("bad_display_name", f"files[{position}]: {problem}.")
    if not files:
        raise Rejected("manifest_malformed", "certificate.json tidak tercantum dalam files.")
    return files


# --- the files ----------------------------------------------------------------------------

def _check_files(container: Container, files: list[dict], hashed: PassResult) -> tuple[int, int]:
    """The entries after manifest and certificate are exactly ``files``, in that order."""
    present = [entry.name for entry in container.entries[1:]]
    listed = [entry["path"] for entry in files]
    present_set, listed_set = set(present), set(listed)
    missing = [name for name in listed if name not in present_set]
    if missing:
        raise Rejected("missing_file", f"Berkas: {', '.join(missing[:5])}.")
    extra = [name for name in present if name not in listed_set]
    if extra:
        raise Rejected("unlisted_file", f"Berkas: {', '.join(extra[:5])}.")
    if present != listed:
        raise Rejected("entry_order", "Urutan berkas berbeda dengan manifest.")
    entries = container.by_name
    for entry in files:
        if entries[entry["path"]].size != entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {entry['path']}: {entries[entry['path']].size} bita, "
                                            f"manifest {entry['size']} bita.")
        if hashed.sha256[entry["path"]] != entry["sha256"] or not hashed.crc_ok[entry["path"]]:
            raise Rejected("hash_mismatch", f"Berkas {entry['path']}.")
    return len(files), sum(entry["size"] for entry in files)


# --- scores ---------------------------------------------------------------------------------

SCORE_FIELDS = ("model", "headline_kind", "index", "maturity", "nism", "survey", "correction",
                "answered", "applicable", "unanswered", "provisional")


def _score_digest(scores: dict) -> dict:
    """The figures a verifier recomputes and compares (numbers at STORED_PLACES)."""
    def number(value):
        return round(value, STORED_PLACES) if isinstance(value, float) else value

    # Packages written before ``band_estimate`` existed carried maturity's band as ``band``;
    # comparing the band shown (predikat, else estimate) keeps them verifiable.
    band = scores.get("band") or scores.get("band_estimate")
    return {
        **{name: number(scores.get(name)) for name in SCORE_FIELDS},
        "band": band.get("code") if isinstance(band, dict) else band,
        "aspects": [
            (a.get("id"), number(a.get("score")), a.get("answered"), a.get("applicable"))
            if isinstance(a, dict) else a for a in (scores.get("aspects") or [])
        ],
    }


def recompute_scores(manifest: dict, registry: InstrumentRegistry) -> dict:
    instrument = registry.by_hash(manifest["instrument"]["sha256"])
    if instrument is None or instrument.id != manifest["instrument"]["id"]:
        raise Rejected("unknown_instrument",
                       f"{manifest['instrument']['id']} (SHA-256 {manifest['instrument']['sha256'][:12]}…).")
    assessment = manifest["assessment"]
    try:
        levels = {}
        for answer in manifest["answers"]:
            item_id, level = answer.get("item_id"), answer.get("level")
            if not isinstance(item_id, str) or not instrument.has_item(item_id):
                raise Rejected("answers_invalid", f"Item {item_id!r} tidak ada dalam instrumen.")
            if item_id in levels:
                raise Rejected("answers_invalid", f"Item {item_id} dijawab dua kali.")
            levels[item_id] = level
        # Answers of gated-out items are kept for the record; the one rule leaves them out.
        result = score_recorded(instrument, assessment.get("gates"), levels,
                                survey=assessment.get("survey"), correction=assessment.get("correction"))
    except ScoringInputError as exc:
        raise Rejected("answers_invalid", str(exc)) from None
    except (AttributeError, TypeError, KeyError) as exc:
        raise Rejected("answers_invalid", f"Struktur jawaban salah ({exc}).") from None
    for entry in manifest["files"]:
        if entry.get("role") == "evidence" and not instrument.has_item(entry["item_id"]):
            raise Rejected("answers_invalid", f"Bukti dukung {entry['path']} untuk item {entry['item_id']!r} "
                                              "yang tidak ada dalam instrumen.")
    recomputed = as_read_from_json(result.to_dict())
    if _score_digest(recomputed) != _score_digest(manifest["scores"]):
        raise Rejected("score_mismatch",
                       f"Dinyatakan {manifest['scores'].get('index')!r}, hitung ulang {recomputed['index']!r}.")
    return recomputed


# --- verify ---------------------------------------------------------------------------------

def verify_package(path: Path, trusted_province_keys: list[PublicKey], registry: InstrumentRegistry | None = None,
                   *, on: date | datetime | None = None, revoked_serials: Revocations = (),
                   progress: Progress = None, cancelled: Cancelled = None,
                   budget: ReadBudget | None = None, decrypt_with: Ed25519PrivateKey | None = None,
                   copied: CopiedPass | None = None) -> VerifyReport:
    """Check a package in the documented order; never raises for bad input.

    ``on`` is the trusted time the certificate and revocations are judged at: by default
    the verifier's clock (now, UTC); the province passes the time it received a package
    to re-check it. Never the package's own ``created_at``, which the signer chose (it
    only decides the grace of ``certificates.judge_certificate``). ``revoked_serials`` is
    a collection (revoked from the start) or a mapping serial -> effective time.
    ``budget`` caps the bytes read and the time spent (one for a whole import batch may be
    shared); by default one sized for this file. With ``decrypt_with`` (the province's
    private key) a package encrypted to it is decrypted to a temp file and that verified.
    ``copied``: the hashes taken while ``path`` was written (``container.copy_hashing``, the
    importer's one pass); used instead of reading the file again only if ``path``, opened
    and judged here, has the structure they were taken for; else the file is read again.
    """
    state: dict = {}
    if decrypt_with is not None and Path(path).is_file() and is_encrypted(Path(path)):
        with tempfile.TemporaryDirectory(prefix="merit-dekripsi-") as folder:
            try:
                plain = decrypt_package(Path(path), decrypt_with, Path(folder) / Path(path).name)
            except Rejected as rejected:
                return VerifyReport(False, rejected.reason, rejected.message)
            except OSError as exc:
                return VerifyReport(False, "unreadable", f"{REASONS['unreadable']} ({exc.strerror or exc})")
            return verify_package(plain, trusted_province_keys, registry, on=on, revoked_serials=revoked_serials,
                                  progress=progress, cancelled=cancelled, budget=budget)
    try:
        container = open_container(Path(path), budget)
        return _verify(container, state, trusted_province_keys, registry or shipped_registry(),
                       on or datetime.now(UTC), revoked_serials, progress, cancelled, copied)
    except Rejected as rejected:
        return VerifyReport(False, rejected.reason, rejected.message, state.get("manifest"),
                            state.get("certificate"), state.get("province_key"))
    except OSError as exc:
        return VerifyReport(False, "unreadable", f"{REASONS['unreadable']} ({exc.strerror or exc})",
                            state.get("manifest"), state.get("certificate"))
    except Exception as exc:  # noqa: BLE001 - bad input must never crash the caller (an import of 500 files)
        from models.logs import app_logger

        app_logger().exception("verify_package %s", path)
        return VerifyReport(False, "unexpected_error", f"{REASONS['unexpected_error']} ({type(exc).__name__}: {exc})",
                            state.get("manifest"), state.get("certificate"))


def _verify(container: Container, state, trusted, registry, on, revoked, progress, cancelled,
            copied: CopiedPass | None = None) -> VerifyReport:
    with open(container.path, "rb") as handle:
        manifest_data = container.read_small(MANIFEST_NAME, handle)
        certificate_data = container.read_small(CERTIFICATE_NAME, handle)
    manifest = parse_manifest(manifest_data)
    state["manifest"] = manifest
    certificate = parse_certificate(certificate_data)
    state["certificate"] = certificate
    try:
        parsed = parse_minisign_signature(container.signature)
        if parsed.key_id != certificate.office_public_key.key_id:  # before reading gigabytes
            raise SignatureError("wrong_key", f"Tanda tangan dibuat dengan kunci {key_id_hex(parsed.key_id)}, "
                                              f"bukan kunci kantor {certificate.office_public_key.key_id_hex}.")
        if copied is not None and copied.matches(container):
            container.budget.spend(container.signed_length)  # what hash_container would have read
            hashed = copied.result
        else:
            hashed = hash_container(container, progress, cancelled)
        comment = verify_digest(certificate.office_public_key, hashed.blake2b, container.signature)
    except SignatureError as exc:
        raise Rejected(exc.reason, str(exc)) from None
    files = check_manifest_shape(manifest)
    if comment != trusted_comment(manifest):
        raise Rejected("trusted_comment_mismatch", f"Komentar: {comment[:200]!r}.")
    try:
        state["province_key"], notice = judge_certificate(
            certificate, trusted, at=on, created_at=datetime.fromisoformat(manifest["created_at"]))
    except CertificateError as exc:
        raise Rejected(exc.reason, str(exc)) from None
    revoked_now, effective = revocation_in_force(revoked, certificate.serial, on)
    if revoked_now:
        since = f" sejak {effective:%Y-%m-%d %H:%M} UTC" if effective else ""
        raise Rejected("certificate_revoked", f"Nomor seri {certificate.serial}{since}.")
    if manifest["office"]["code"] != certificate.office_code:
        raise Rejected("office_mismatch",
                       f"Manifest {manifest['office']['code']}, sertifikat {certificate.office_code}.")
    checked_files, checked_bytes = _check_files(container, files, hashed)
    recompute_scores(manifest, registry)
    office = manifest["office"]
    message = (f"Paket sah: {office.get('name', office['code'])} tahun {manifest['year']} revisi "
               f"{manifest['revision']}, ditandatangani kunci kantor "
               f"{certificate.office_public_key.fingerprint}, {checked_files} berkas utuh.")
    if notice:
        message += f" Catatan: {notice}"
    return VerifyReport(True, None, message, manifest, certificate, state["province_key"],
                        checked_files, checked_bytes, notice=notice)
