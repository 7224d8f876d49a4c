"""The Berita Acara: one page that binds a wet-ink signature to exactly one package file.

It states the exported package (office, year, revision, package id, the SHA-256 of the
file and its index) with a QR code of id and hash. The province checks a paper against
the packages it imported by typing the hash (or pasting the text a scanner read from
the QR code): ``lookup_received_package``. Qt-free; the PDF is ``documents.berita_acara_pdf``.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from models.evidence import CHUNK
from models.instrument import InstrumentRegistry, shipped_registry
from models.report_data import headline_statement
from models.scoring import ScoreResult, ScoringInputError, score_recorded
from models.store import Store
from models.texts import CodedError, Said

QR_PREFIX = "MERIT-BA"
MANIFEST = "manifest.json"
MANIFEST_LIMIT = 16 * 1024 * 1024
MIN_PREFIX = 16  # hex digits a person must type at least: 64 bits, no accidental match


class BeritaAcaraError(CodedError, ValueError):
    """The file is not a readable package: ``code`` and ``params`` (``models.texts``)."""


@dataclass(frozen=True)
class BeritaAcara:
    package_name: str
    package_id: str
    sha256: str  # of the whole package file: what the signature on paper binds to
    size: int
    office_name: str
    office_code: str
    province_name: str
    year: int
    revision: int
    status: str
    created_at: str
    headline: str  # the headline line (estimate wording when S is missing)
    provisional: str | None

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.package_id, self.sha256)


def qr_payload(package_id: str, sha256: str) -> str:
    return f"{QR_PREFIX}:1;id={package_id};sha256={sha256}"


def grouped_hash(sha256: str, group: int = 4) -> str:
    """``1a2b 3c4d ...``: easier to read aloud and to type back."""
    return " ".join(sha256[i:i + group] for i in range(0, len(sha256), group))


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _manifest(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MANIFEST_LIMIT:
                raise BeritaAcaraError(code="berita_acara_manifest_too_big", file=path.name)
            manifest = json.loads(archive.read(info).decode("utf-8"))
    except (OSError, zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BeritaAcaraError(code="berita_acara_unreadable", file=path.name, detail=exc) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("package_id"), str):
        raise BeritaAcaraError(code="berita_acara_manifest_incomplete", file=path.name)
    return manifest


def _headline(manifest: dict, registry: InstrumentRegistry) -> tuple[str, str | None]:
    """The headline recomputed by the engine from the package's answers (the words are those
    of every other surface); the scores the package states if its own instrument (by
    SHA-256) is unknown: never re-scored with another release of the same id."""
    info = manifest.get("instrument") or {}
    instrument = registry.by_hash(str(info.get("sha256")))
    assessment = manifest.get("assessment") or {}
    if instrument is not None:
        levels = {a.get("item_id"): a.get("level") for a in manifest.get("answers") or [] if isinstance(a, dict)}
        try:
            result = score_recorded(instrument, assessment.get("gates"), levels, survey=assessment.get("survey"),
                                    correction=assessment.get("correction"))
        except (ScoringInputError, TypeError):
            result = None
        if result is not None:
            statement = headline_statement(result, instrument)
            return statement.line, statement.provisional
    scores = manifest.get("scores") or {}
    try:
        stated = ScoreResult.from_dict(scores)
    except (KeyError, TypeError, ValueError, AttributeError):
        stated = None
    if stated is not None and (stated.band is not None or stated.band_estimate is not None):
        statement = headline_statement(stated)
        return statement.line + " (angka yang dinyatakan paket)", statement.provisional
    # Neither recomputed nor readable: the figure alone, never a band beside it.
    return f"Indeks {scores.get('index')} (angka yang dinyatakan paket)", None


def berita_acara_of_package(path: Path, registry: InstrumentRegistry | None = None) -> BeritaAcara:
    path = Path(path)
    manifest = _manifest(path)
    sha256, size = file_sha256(path)
    office = manifest.get("office") or {}
    headline, provisional = _headline(manifest, registry or shipped_registry())
    return BeritaAcara(
        package_name=path.name, package_id=manifest["package_id"], sha256=sha256, size=size,
        office_name=str(office.get("name", "")), office_code=str(office.get("code", "")),
        province_name=str(office.get("province_name", "")), year=int(manifest.get("year") or 0),
        revision=int(manifest.get("revision") or 0), status=str((manifest.get("assessment") or {}).get("status", "")),
        created_at=str(manifest.get("created_at", "")), headline=headline, provisional=provisional)


# --- the province checks a paper ---------------------------------------------------------------

FOUND = "found"
NOT_FOUND = "not_found"
AMBIGUOUS = "ambiguous"
INVALID = "invalid"


@dataclass(frozen=True)
class TypedReference:
    sha256_prefix: str
    package_id: str | None


def parse_reference(text: str) -> TypedReference | None:
    """What a person typed or a scanner read: the QR text (``MERIT-BA:1;id=...;sha256=...``)
    or the hash, whole or its first digits, with any spaces, dashes or line breaks."""
    match = re.search(r"sha256=([0-9a-fA-F]{64})", text)
    if match:
        package_id = re.search(r"id=([0-9a-fA-F-]{36})", text)
        return TypedReference(match.group(1).lower(), package_id.group(1).lower() if package_id else None)
    digits = re.sub(r"[\s\-:]+", "", text).lower()
    if MIN_PREFIX <= len(digits) <= 64 and re.fullmatch(r"[0-9a-f]+", digits):
        return TypedReference(digits, None)
    return None


@dataclass(frozen=True)
class LookupResult:
    status: str  # FOUND | NOT_FOUND | AMBIGUOUS | INVALID
    message: str  # the plain answer, in Bahasa Indonesia (a models.texts.Said: the GUI words it by code)
    package: object = None  # the ReceivedPackage when found
    package_id: str | None = None


def lookup_received_package(store: Store, text: str) -> LookupResult:
    """Which imported package a Berita Acara names (province mode)."""
    from models.importer import PACKAGES_DIR
    from models.package.format import SUFFIX
    from models.province_tables import ReceivedPackage

    reference = parse_reference(text)
    if reference is None:
        return LookupResult(INVALID, Said("lookup_invalid", digits=MIN_PREFIX))
    rows = list(ReceivedPackage.select().where(ReceivedPackage.sha256.startswith(reference.sha256_prefix)))
    if not rows:
        return LookupResult(NOT_FOUND, Said("lookup_not_found"))
    if len(rows) > 1:
        return LookupResult(AMBIGUOUS, Said("lookup_ambiguous", count=len(rows)))
    row = rows[0]
    package_id = None
    stored = store.data_dir / PACKAGES_DIR / f"{row.sha256}{SUFFIX}"
    if stored.is_file():
        try:
            package_id = _manifest(stored).get("package_id")
        except BeritaAcaraError:
            package_id = None
    if reference.package_id and package_id and reference.package_id != package_id.lower():
        return LookupResult(NOT_FOUND, Said("lookup_id_differs"), row, package_id)
    return LookupResult(FOUND, Said("lookup_found", office=row.office_code, year=row.year, revision=row.revision,
                                    received=f"{row.received_at:%d-%m-%Y}", file=row.source_name), row, package_id)
