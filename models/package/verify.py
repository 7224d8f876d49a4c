"""Verifying a package in the documented order (``docs/package-format.md`` §5): container,
manifest format and shape, signature, certificate, every file's size and SHA-256, and the
scores recomputed from the answers with the instrument.

``verify_package`` never extracts and never raises for bad input: it returns a
``VerifyReport`` with a stable reason code and a sentence in Bahasa Indonesia.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from models.certificates import CertificateError, Revocations, judge_certificate, read_certificate, revocation_in_force
from models.evidence import CHUNK
from models.instrument import InstrumentRegistry, shipped_registry
from models.keys import PublicKey, SignatureError, minisign_verify
from models.package.container import HashingReader, check_container, open_entry, open_package_zip, read_small_entry
from models.package.format import (
    CERTIFICATE_NAME,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    REASONS,
    SIGNATURE_NAME,
    Cancelled,
    Progress,
    Rejected,
    VerifyReport,
    as_read_from_json,
)
from models.scoring import STORED_PLACES, ScoringInputError, score_recorded

# --- the manifest ---------------------------------------------------------------------------

def parse_manifest(data: bytes) -> dict:
    """The manifest object, judged on ``format`` and ``format_version`` only: nothing of an
    unknown version is read further (step 3)."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Rejected("manifest_malformed", f"Bukan JSON UTF-8 yang sah ({exc}).") from None
    if not isinstance(manifest, dict):
        raise Rejected("manifest_malformed", "Isi harus objek JSON.")
    if manifest.get("format") != FORMAT_NAME:
        raise Rejected("unknown_format", f"format = {manifest.get('format')!r}.")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Rejected("manifest_malformed", "format_version harus bilangan bulat.")
    if version != FORMAT_VERSION:
        raise Rejected("unknown_format_version",
                       f"Paket versi {version}, aplikasi ini membaca versi {FORMAT_VERSION}.")
    return manifest


def _require(manifest: dict, path: str, kind):
    value = manifest
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise Rejected("manifest_malformed", f"Kolom '{path}' tidak ada.")
        value = value[part]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Rejected("manifest_malformed", f"Kolom '{path}' jenisnya salah.")
    return value


def _check_manifest_shape(manifest: dict) -> list[dict]:
    for path, kind in (("package_id", str), ("created_at", str), ("office.code", str), ("year", int),
                       ("revision", int), ("instrument.id", str), ("instrument.sha256", str),
                       ("assessment.gates", dict), ("answers", list), ("scores", dict), ("files", list)):
        _require(manifest, path, kind)
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
        if name in seen or name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise Rejected("manifest_malformed", f"files[{position}]: path {name!r} ganda atau terlarang.")
        seen.add(name)
        if entry.get("role") == "evidence" and not isinstance(entry.get("item_id"), str):
            raise Rejected("manifest_malformed", f"files[{position}]: item_id wajib untuk bukti dukung.")
    if CERTIFICATE_NAME not in seen:
        raise Rejected("manifest_malformed", "certificate.json tidak tercantum dalam files.")
    return files


# --- the files ----------------------------------------------------------------------------

def _check_files(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], files: list[dict],
                 progress: Progress, cancelled: Cancelled) -> tuple[int, int]:
    listed = {entry["path"] for entry in files}
    present = set(entries) - {MANIFEST_NAME, SIGNATURE_NAME}
    missing = sorted(listed - present)
    if missing:
        raise Rejected("missing_file", f"Berkas: {', '.join(missing[:5])}.")
    extra = sorted(present - listed)
    if extra:
        raise Rejected("unlisted_file", f"Berkas: {', '.join(extra[:5])}.")
    for entry in files:
        if entries[entry["path"]].file_size != entry["size"]:
            raise Rejected("size_mismatch", f"Berkas {entry['path']}: {entries[entry['path']].file_size} bita, "
                                            f"manifest {entry['size']} bita.")
    total = sum(entry["size"] for entry in files)
    done = 0
    for entry in files:
        with open_entry(archive, entries[entry["path"]]) as stream:
            reader = HashingReader(stream, entry)
            while chunk := reader.read(CHUNK):
                if cancelled and cancelled():
                    raise Rejected("cancelled")
                done += len(chunk)
                if progress:
                    progress(done, total)
    return len(files), done


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
                   progress: Progress = None, cancelled: Cancelled = None) -> VerifyReport:
    """Check a package in the documented order; never raises for bad input.

    ``on`` is the trusted time the certificate and revocations are judged at: by default
    the verifier's clock (now, UTC); the province passes the time it received a package
    to re-check it. Never the package's own ``created_at``, which the signer chose (it
    only decides the grace of ``certificates.judge_certificate``). ``revoked_serials`` is
    a collection (revoked from the start) or a mapping serial -> effective time.
    """
    state: dict = {}
    try:
        with open_package_zip(Path(path)) as archive:
            return _verify(archive, state, trusted_province_keys, registry or shipped_registry(),
                           on or datetime.now(UTC), revoked_serials, progress, cancelled)
    except Rejected as rejected:
        return VerifyReport(False, rejected.reason, rejected.message, state.get("manifest"),
                            state.get("certificate"), state.get("province_key"))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        return VerifyReport(False, "zip_corrupt", f"{REASONS['zip_corrupt']} ({exc})", state.get("manifest"),
                            state.get("certificate"))
    except Exception as exc:  # noqa: BLE001 - bad input must never crash the caller (an import of 500 files)
        from models.logs import app_logger

        app_logger().exception("verify_package %s", path)
        return VerifyReport(False, "unexpected_error", f"{REASONS['unexpected_error']} ({type(exc).__name__}: {exc})",
                            state.get("manifest"), state.get("certificate"))


def _verify(archive, state, trusted, registry, on, revoked, progress, cancelled) -> VerifyReport:
    entries = check_container(archive)
    manifest_data = read_small_entry(archive, entries[MANIFEST_NAME])
    manifest = parse_manifest(manifest_data)
    state["manifest"] = manifest
    try:
        certificate = read_certificate(read_small_entry(archive, entries[CERTIFICATE_NAME]))
    except CertificateError as exc:
        raise Rejected("certificate_malformed", str(exc)) from None
    state["certificate"] = certificate
    signature = read_small_entry(archive, entries[SIGNATURE_NAME])
    try:
        minisign_verify(certificate.office_public_key, manifest_data, signature)
    except SignatureError as exc:
        raise Rejected(exc.reason, str(exc)) from None
    files = _check_manifest_shape(manifest)
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
    checked_files, checked_bytes = _check_files(archive, entries, files, progress, cancelled)
    recompute_scores(manifest, registry)
    office = manifest["office"]
    message = (f"Paket sah: {office.get('name', office['code'])} tahun {manifest['year']} revisi "
               f"{manifest['revision']}, ditandatangani kunci kantor "
               f"{certificate.office_public_key.fingerprint}, {checked_files} berkas utuh.")
    if notice:
        message += f" Catatan: {notice}"
    return VerifyReport(True, None, message, manifest, certificate, state["province_key"],
                        checked_files, checked_bytes, notice=notice)
