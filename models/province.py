"""Province mode: the province key, its profile file, enrolment and revocation of offices.

* The province key lives at ``<data>/keys/province.key`` (passphrase-protected like the
  office key) and ``province.pub``; ``models.keys.load_trusted_keys`` already trusts it.
* The *profile* is what offices import at setup: province code and name, public key,
  the instruments in use and the revocation list. It is a signed envelope like the
  certificates (``models.certificates``): the body is signed by the province key itself,
  and both sides show ``PublicKey.fingerprint`` to compare by phone. Once an office trusts
  a key, ``read_profile(..., expected_key=...)`` accepts later profiles (new revocations)
  only from that same key.
* Enrolment turns an office's request into a certificate with the next serial
  (``"19-0001"``...), recorded in :class:`~models.province_tables.EnrolledOffice`;
  revocation marks it, and the next exported profile carries it.
* A received package becomes a final assessment with its answers, evidence rows, an
  audit entry and a :class:`~models.province_tables.ReceivedPackage` record
  (``record_received_package``, called by ``models.importer`` once it has verified it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import history, keys, regions
from models.certificates import (
    CertificateError,
    _envelope,
    _open_envelope,
    as_utc,
    issue_certificate,
    read_enrolment_request,
)
from models.instrument_delivery import InstrumentDeliveryError, delivered_files, install_instrument, trusted_registry
from models.province_tables import EnrolledOffice, ReceivedPackage
from models.settings import MODE, MODE_PROVINCE, PROFILE_SEQUENCE, PROVINCE_CODE
from models.store import Store
from models.tables import Answer, Assessment, AuditEntry, Evidence, utc_now
from models.texts import CodedError, Said

PROFILE_FORMAT = "merit-luring-province-profile"
# A profile may carry instrument files (tens of kB each), so it may be larger than an
# enrolment request or a certificate.
MAX_PROFILE_BYTES = 8 * 1024 * 1024
DEFAULT_VALIDITY_DAYS = 2 * 365


class ProvinceError(CodedError, ValueError):
    """A province operation cannot proceed; ``reason`` is a stable code for programs, ``code``
    and ``params`` word it (``models.texts``), the message is for the user (Bahasa Indonesia)."""

    def __init__(self, reason: str, *, code: str, **params):
        super().__init__(code=code, **params)
        self.reason = reason


# --- who this installation is ---------------------------------------------------------------

def province_code(store: Store) -> str | None:
    """The province this installation works for: the setting, else the setup's province office."""
    code = store.setting(PROVINCE_CODE)
    if code:
        return code
    office = store.office()
    if store.setting(MODE) == MODE_PROVINCE and office is not None and office.is_province:
        return office.code
    return None


def require_province_code(store: Store) -> str:
    code = province_code(store)
    if not code:
        raise ProvinceError("not_province", code="not_province")
    return code


def private_key_path(store: Store) -> Path:
    return keys.private_key_path(store.data_dir, keys.PROVINCE_ROLE)


def public_key_path(store: Store) -> Path:
    return keys.public_key_path(store.data_dir, keys.PROVINCE_ROLE)


def has_key(store: Store) -> bool:
    return private_key_path(store).is_file() and public_key_path(store).is_file()


def init_province(store: Store, code: str, passphrase: str, *, kdf_params: dict | None = None) -> keys.PublicKey:
    """Make this installation the province ``code`` and generate its key (once)."""
    try:
        region = regions.region(code)
    except KeyError:
        raise ProvinceError("unknown_region", code="province_code_unknown", region=code) from None
    if not region.is_province:
        raise ProvinceError("not_a_province", code="province_code_not_province", region=code, name=region.name)
    existing = province_code(store)
    if existing and existing != code:
        raise ProvinceError("other_province", code="other_province", province=existing)
    if has_key(store):
        raise ProvinceError("key_exists", code="province_key_exists", path=private_key_path(store))
    private_key = keys.generate_private_key()
    public = keys.public_key_of(private_key)
    keys.save_private_key(private_key_path(store), private_key, passphrase, role=keys.PROVINCE_ROLE,
                          kdf_params=kdf_params)
    keys.write_atomic(public_key_path(store), public.to_minisign().encode("ascii"))
    with store.db.atomic():
        store.ensure_office(code, store.office().name if store.office() and store.office().code == code else None)
        store.set_setting(MODE, MODE_PROVINCE)
        store.set_setting(PROVINCE_CODE, code)
    return public


def public_key(store: Store) -> keys.PublicKey:
    path = public_key_path(store)
    if not path.is_file():
        raise ProvinceError("no_key", code="province_no_key")
    return keys.load_public_key(path)


def unlock(store: Store, passphrase: str) -> Ed25519PrivateKey:
    """The province private key; raises ``keys.WrongPassphrase`` / ``keys.KeyFileError``."""
    return keys.load_private_key(private_key_path(store), passphrase)


# --- profile --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProvinceProfile:
    province_code: str
    province_name: str
    public_key: keys.PublicKey
    instruments: tuple[dict, ...]
    revoked: tuple[dict, ...]  # {"serial", "office_code", "revoked_at"}
    issued_at: str
    raw: bytes
    sequence: int = 0  # monotonic: an office refuses a profile older than the one it holds
    instrument_files: tuple[dict, ...] = ()  # instruments this province signed and delivers

    @property
    def fingerprint(self) -> str:
        return self.public_key.fingerprint

    @property
    def revoked_serials(self) -> frozenset[str]:
        return frozenset(entry["serial"] for entry in self.revoked)


def revoked_serials(store: Store) -> frozenset[str]:
    query = EnrolledOffice.select(EnrolledOffice.serial).where(EnrolledOffice.revoked_at.is_null(False))
    return frozenset(row.serial for row in query)


def registry_revocations(store: Store) -> dict[str, datetime]:
    """Every revoked serial of this province's registry with the time it takes effect:
    packages received before that time stay valid (``verify_package(revoked_serials=...)``)."""
    query = EnrolledOffice.select(EnrolledOffice.serial, EnrolledOffice.revoked_at).where(
        EnrolledOffice.revoked_at.is_null(False))
    return {row.serial: row.revoked_at for row in query}


def profile_revocations(data_dir: Path) -> dict[str, datetime | None]:
    """The revocation lists of the province profiles this installation trusts
    (``keys/trusted/province-*.profile.json``), serial -> effective time (None when a profile
    gives none: revoked from the start). A damaged profile is skipped, as its key would be."""
    found: dict[str, datetime | None] = {}
    folder = keys.trusted_keys_dir(data_dir)
    for path in sorted(folder.glob("province-*.profile.json")) if folder.is_dir() else []:
        try:
            profile = read_profile(path.read_bytes())
        except (OSError, ProvinceError):
            continue
        for entry in profile.revoked:
            try:
                effective = _parse_time(entry.get("revoked_at"))
            except ValueError:
                effective = None  # unreadable time: revoked from the start, the safe side
            _earliest(found, entry["serial"], effective)
    return found


def installation_revocations(data_dir: Path, store: Store | None = None) -> dict[str, datetime | None]:
    """Every revocation this installation knows: its own registry when it is a province
    (``store``), and the lists of the province profiles it trusts; the earliest time wins."""
    found = profile_revocations(data_dir)
    if store is not None and province_code(store):
        for serial, effective in registry_revocations(store).items():
            _earliest(found, serial, effective)
    return found


def _earliest(found: dict[str, datetime | None], serial: str, effective: datetime | None) -> None:
    if serial not in found:
        found[serial] = effective
    elif found[serial] is not None and (effective is None or effective < found[serial]):
        found[serial] = effective


def profile_body(store: Store) -> dict:
    code = require_province_code(store)
    public = public_key(store)
    instruments = [{"id": i.id, "version": i.version, "sha256": i.sha256}
                   for i in store.registry if not i.is_fixture]
    revoked = [{"serial": row.serial, "office_code": row.office_code,
                "revoked_at": row.revoked_at.isoformat()}
               for row in EnrolledOffice.select().where(EnrolledOffice.revoked_at.is_null(False))
               .order_by(EnrolledOffice.serial)]
    return {
        "province_code": code,
        "province_name": regions.region(code).name,
        "public_key": public.to_base64(),
        "key_id": public.key_id_hex,
        "fingerprint": public.fingerprint,
        "instruments": instruments,
        "revoked": revoked,
        "issued_at": utc_now().isoformat(),
        "instrument_files": delivered_files(store.data_dir, public),
    }


def make_profile(store: Store, private_key: Ed25519PrivateKey) -> bytes:
    """The signed profile file's bytes (current revocation list included)."""
    body = profile_body(store)
    public = public_key(store)
    if keys.public_key_of(private_key) != public:
        raise ProvinceError("wrong_key", code="province_wrong_key")
    body["sequence"] = store.setting(PROFILE_SEQUENCE) + 1
    store.set_setting(PROFILE_SEQUENCE, body["sequence"])
    return _envelope(PROFILE_FORMAT, body, private_key, public.key_id,
                     f"merit-luring province profile {body['province_code']} {body['issued_at']}")


def export_profile(store: Store, private_key: Ed25519PrivateKey, target: Path) -> Path:
    return keys.write_atomic(Path(target), make_profile(store, private_key))


def read_profile(data: bytes, expected_key: keys.PublicKey | None = None) -> ProvinceProfile:
    """Parse and check a profile: signed by the key it carries, and by ``expected_key`` when
    the reader already trusts one (a later profile bringing new revocations)."""
    what = "label_profile"
    try:
        body, body_bytes, signature = _open_envelope(data, PROFILE_FORMAT, "profile_malformed", what,
                                                     max_bytes=MAX_PROFILE_BYTES)
    except CertificateError as exc:
        raise ProvinceError(exc.reason, code=exc.code, **exc.params) from None
    what = Said(what)
    try:
        code = str(body["province_code"])
        public = keys.public_key_from_base64(str(body["public_key"]), what)
        region = regions.region(code)
        instruments = tuple(dict(entry) for entry in body.get("instruments", []))
        revoked = tuple({"serial": str(entry["serial"]), "office_code": str(entry["office_code"]),
                         "revoked_at": str(entry.get("revoked_at", ""))} for entry in body.get("revoked", []))
        sequence = int(body.get("sequence", 0))
        instrument_files = tuple(dict(entry) for entry in body.get("instrument_files", []))
    except (KeyError, TypeError, ValueError) as exc:
        raise ProvinceError("profile_malformed", code="profile_fields", what=what, detail=exc) from None
    if not region.is_province:
        raise ProvinceError("profile_malformed", code="profile_not_province", what=what, region=code)
    if expected_key is not None and public != expected_key:
        raise ProvinceError("profile_other_key", code="profile_other_key", what=what, name=region.name,
                            key=public.key_id_hex, trusted=expected_key.key_id_hex)
    try:
        keys.minisign_verify(public, body_bytes, signature)
    except keys.SignatureError:
        raise ProvinceError("profile_bad_signature", code="profile_bad_signature") from None
    return ProvinceProfile(code, region.name, public, instruments, revoked, str(body.get("issued_at", "")),
                           bytes(data), sequence, instrument_files)


def _checked_instrument_file(entry: dict, profile: ProvinceProfile) -> tuple[bytes, bytes]:
    try:
        data = str(entry["data"]).encode("utf-8")
        signature = str(entry["signature"]).encode("ascii")
        declared = str(entry["sha256"])
    except (KeyError, UnicodeEncodeError) as exc:
        raise ProvinceError("profile_malformed", code="profile_instrument_incomplete", detail=exc) from None
    if hashlib.sha256(data).hexdigest() != declared:
        raise ProvinceError("instrument_bad_signature", code="profile_instrument_hash")
    return data, signature


def trusted_profile_path(data_dir: Path, code: str) -> Path:
    return keys.trusted_keys_dir(data_dir) / f"province-{code}.profile.json"


def import_profile(data_dir: Path, data: bytes) -> ProvinceProfile:
    """The office side: check a profile and trust its province key from now on.

    A later profile of the same province (new revocations) must be signed by the key
    already trusted. Writes ``keys/trusted/province-<code>-<key id>.pub`` (the name the
    certificate import uses) and keeps the profile beside it."""
    peek = read_profile(data)
    stored = trusted_profile_path(data_dir, peek.province_code)
    expected = None
    held_sequence = 0
    if stored.is_file():
        try:
            held = read_profile(stored.read_bytes())
            expected, held_sequence = held.public_key, held.sequence
        except ProvinceError:
            expected = None  # a damaged copy is replaced by this checked one
    profile = read_profile(data, expected_key=expected)
    if profile.sequence < held_sequence:
        raise ProvinceError("profile_rollback", code="profile_rollback", sequence=profile.sequence,
                            held=held_sequence)
    # Every carried instrument is checked before anything is written: all or nothing.
    checked = [_checked_instrument_file(entry, profile) for entry in profile.instrument_files]
    held_instruments = trusted_registry(data_dir)
    for data_bytes, signature in checked:
        try:
            install_instrument(data_dir, data_bytes, signature, profile.public_key, profile.province_code,
                               held_instruments)
        except InstrumentDeliveryError as exc:
            raise ProvinceError(exc.reason, code=exc.code, **exc.params) from None
    trusted = keys.trusted_keys_dir(data_dir)
    keys.write_atomic(trusted / f"province-{profile.province_code}-{profile.public_key.key_id_hex}.pub",
                      profile.public_key.to_minisign().encode("ascii"))
    keys.write_atomic(stored, profile.raw)
    return profile


# --- enrolment ------------------------------------------------------------------------------

def next_serial(store: Store, code: str) -> str:
    prefix = f"{code}-"
    numbers = [int(row.serial[len(prefix):]) for row in EnrolledOffice.select(EnrolledOffice.serial)
               if row.serial.startswith(prefix) and row.serial[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


REPLACED_REASON = "diganti"


def valid_certificates(store: Store, office_code: str, at: datetime | None = None) -> list[EnrolledOffice]:
    """The office's certificates that are valid at ``at`` (now): not revoked, not expired."""
    day = (at or utc_now()).date()
    return list(EnrolledOffice.select().where(
        (EnrolledOffice.office_code == office_code) & EnrolledOffice.revoked_at.is_null()
        & (EnrolledOffice.valid_from <= day) & (EnrolledOffice.valid_until >= day)).order_by(EnrolledOffice.serial))


def certificates_to_replace(store: Store, request_bytes: bytes, *, replace: bool):
    """(the request, the valid certificates its office holds). Raises ProvinceError
    ``already_enrolled`` naming them unless ``replace``: a second valid certificate for one
    office would leave a lost key able to sign. Call it to ask before unlocking the key."""
    request = read_enrolment_request(bytes(request_bytes))
    held = valid_certificates(store, request.office_code)
    if held and not replace:
        names = [Said("held_certificate", serial=row.serial, valid_until=row.valid_until.isoformat(),
                      fingerprint=row.key_fingerprint) for row in held]
        raise ProvinceError("already_enrolled", code="already_enrolled", office=request.office_code,
                            name=request.office_name, held=names[0] if len(names) == 1 else ", ".join(names))
    return request, held


def enrol(store: Store, request_bytes: bytes, private_key: Ed25519PrivateKey, *,
          valid_from: date | None = None, valid_until: date | None = None, who: str = "",
          replace: bool = False) -> EnrolledOffice:
    """Issue a certificate for an office's request and record it; ``.certificate`` holds
    the bytes to send back to the office. Raises CertificateError / ProvinceError.

    An office holding a valid certificate already (a lost key, a new PC) is refused unless
    ``replace``: then its earlier certificates are revoked from now on (reason "diganti"),
    so a lost key can sign nothing the province accepts, while what was received before
    stays valid."""
    code = require_province_code(store)
    valid_from = valid_from or utc_now().date()
    valid_until = valid_until or valid_from + timedelta(days=DEFAULT_VALIDITY_DAYS)
    public = public_key(store)
    request, held = certificates_to_replace(store, request_bytes, replace=replace)
    with store.db.atomic():
        serial = next_serial(store, code)
        certificate = issue_certificate(request, private_key, public, code, valid_from, valid_until, serial)
        now = utc_now()
        for row in held:
            row.revoked_at = now
            row.revoke_reason = " ".join(filter(None, (f"{REPLACED_REASON} oleh {serial}", f"({who})" if who else "")))
            row.save()
        return EnrolledOffice.create(
            serial=serial,
            office_code=request.office_code,
            office_name=request.office_name,
            public_key=request.public_key.to_base64(),
            key_fingerprint=request.public_key.fingerprint,
            valid_from=valid_from,
            valid_until=valid_until,
            certificate=certificate,
            issued_by=who,
        )


def enrolled_offices(store: Store) -> list[EnrolledOffice]:
    return list(EnrolledOffice.select().order_by(EnrolledOffice.office_code, EnrolledOffice.serial))


def revoke(store: Store, serial_or_office: str, reason: str = "", who: str = "",
           effective_at: datetime | None = None) -> list[EnrolledOffice]:
    """Revoke one certificate (by serial) or every unrevoked one of an office (by code),
    from ``effective_at`` (default now; earlier when the key was lost before it was reported).
    Packages received before that time stay valid; any received from then on is refused."""
    query = EnrolledOffice.select().where(
        ((EnrolledOffice.serial == serial_or_office) | (EnrolledOffice.office_code == serial_or_office))
        & EnrolledOffice.revoked_at.is_null())
    rows = list(query)
    if not rows:
        raise ProvinceError("not_enrolled", code="not_enrolled", which=serial_or_office)
    now = utc_now()
    if effective_at is not None:
        effective_at = as_utc(effective_at)
        if effective_at > now:
            raise ProvinceError("revocation_in_future", code="revocation_in_future")
    with store.db.atomic():
        for row in rows:
            row.revoked_at = effective_at or now
            row.revoke_reason = " ".join(filter(None, (reason.strip(), f"({who})" if who else "")))
            row.save()
    return rows


# --- received packages ----------------------------------------------------------------------

def received_package_of(assessment: Assessment) -> ReceivedPackage | None:
    """The package an imported assessment came in (None for one made on this PC)."""
    return ReceivedPackage.select().where(ReceivedPackage.assessment == assessment).first()


def latest_received_year() -> int | None:
    """The latest assessment year any package was received for."""
    latest = ReceivedPackage.select(ReceivedPackage.year).order_by(ReceivedPackage.year.desc()).first()
    return latest.year if latest else None


def record_received_package(store: Store, manifest: dict, *, sha256: str, size: int, source_name: str,
                            certificate_serial: str, who: str = "") -> Assessment:
    """Write what a verified package says as rows: its office (if new), the assessment (final),
    its answers and evidence rows (the bytes stay in the stored package), an ``imported``
    audit entry and the ``ReceivedPackage`` record; returns the assessment.

    All or nothing: a savepoint inside the caller's transaction (the importer commits a
    group of packages at once), its own transaction otherwise. Whatever the manifest holds
    that the tables refuse raises here (``sqlite3.IntegrityError`` for an item answered
    twice, ``OverflowError`` for a number no SQLite integer holds, ``ValueError`` for a
    malformed time, ...) and leaves no row behind.

    The rows are the ones ``Model.create`` would write (each model instance's values through
    its fields' ``db_value``; audit entries sealed into the hash chain as ``AuditEntry.save``
    does), sent as prepared statements: building peewee's SQL text cost more than SQLite
    itself, on the one thread every import waits for (``_insert_row``)."""
    info = manifest["assessment"]
    now = utc_now()
    with store.db.atomic():
        office_id = store.ensure_office_id(manifest["office"]["code"], manifest["office"].get("name"))
        assessment = Assessment(
            office=office_id, year=manifest["year"], revision=manifest["revision"],
            instrument_id=manifest["instrument"]["id"], instrument_sha256=manifest["instrument"]["sha256"],
            status=Assessment.FINAL, gates=dict(info.get("gates") or {}), survey=info.get("survey"),
            correction=info.get("correction"), created_at=_parse_time(info.get("created_at")) or now,
            updated_at=now, finalized_at=_parse_time(info.get("finalized_at")),
        )
        assessment.id = _insert_row(store, assessment)
        _insert_rows(store, Answer, [{
            "assessment": assessment.id, "item_id": a["item_id"], "level": a.get("level"),
            "justification": a.get("justification") or "", "needs_review": bool(a.get("needs_review")),
            "review_note": a.get("review_note") or "", "updated_at": _parse_time(a.get("updated_at")) or now,
            "updated_by": a.get("updated_by") or "",
        } for a in manifest["answers"]])
        _insert_rows(store, Evidence, [{
            "assessment": assessment.id, "item_id": e["item_id"], "sha256": e["sha256"], "size": e["size"],
            "original_name": e.get("original_name") or Path(e["path"]).name,
            "label": e.get("label") or Path(e["path"]).stem,
            "media_type": e.get("media_type") or "application/octet-stream",
            "added_at": _parse_time(e.get("added_at")) or now, "added_by": e.get("added_by") or "",
        } for e in manifest["files"] if e.get("role") == "evidence"])
        if isinstance(manifest.get("scores"), dict):  # as verified; shown if the instrument goes missing later
            _insert_audit(store, AuditEntry(assessment=assessment.id, item_id=None, field="final_scores",
                                            old_value=None, new_value=manifest["scores"], who=who))
        _insert_audit(store, AuditEntry(assessment=assessment.id, item_id=None, field="imported", old_value=None,
                                        new_value={"package_sha256": sha256, "package_id": manifest.get("package_id"),
                                                   "file": source_name, "certificate_serial": certificate_serial},
                                        who=who))
        _insert_row(store, ReceivedPackage(
            sha256=sha256, office_code=manifest["office"]["code"], year=assessment.year,
            revision=assessment.revision, assessment=assessment.id, certificate_serial=certificate_serial,
            source_name=source_name, size=size, received_at=now, received_by=who,
        ))
    return assessment


def _parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _insert_sql(model, names: tuple[str, ...]) -> tuple[str, list]:
    fields = [model._meta.fields[name] for name in names]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})', fields


def _insert_rows(store: Store, model, rows: list[dict]) -> None:
    """One prepared INSERT run for every row (``executemany``): peewee's ``insert_many``
    builds the SQL text of all rows in Python, measured at milliseconds per package on
    the thread that every import waits for. Values go through each field's ``db_value``.
    Errors come from ``sqlite3`` itself, not wrapped in peewee's exception classes."""
    if not rows:
        return
    sql, fields = _insert_sql(model, tuple(rows[0]))
    store.db.cursor().executemany(
        sql, [tuple(field.db_value(row[field.name]) for field in fields) for row in rows])


def _insert_row(store: Store, instance) -> int:
    """Insert an unsaved model instance as ``instance.save(force_insert=True)`` would (every
    value it holds, defaults included, through its field's ``db_value``); returns the new id."""
    sql, fields = _insert_sql(type(instance), tuple(instance.__data__))
    cursor = store.db.cursor()
    cursor.execute(sql, tuple(field.db_value(instance.__data__[field.name]) for field in fields))
    return cursor.lastrowid


def _insert_audit(store: Store, entry: AuditEntry) -> None:
    """An audit entry written as ``AuditEntry.save`` writes it: sealed into the hash chain
    first, the chain head written beside the database after the commit."""
    history.seal(entry)
    entry.id = _insert_row(store, entry)
    history.record_head_after_commit(entry)


# --- every revision received, and conflicts ------------------------------------------------

CONFLICT_FIELD = "package_conflict"  # the audit entry that records a conflicting file


@dataclass(frozen=True)
class PackageConflict:
    """A second, different file claiming a revision the province already holds. Both files
    are kept under ``packages/``; the consolidation keeps using the first received (``held``)."""

    sha256: str
    office_code: str
    year: int
    revision: int
    source_name: str
    size: int
    certificate_serial: str
    received_at: datetime
    held: ReceivedPackage


def record_conflict(store: Store, held: ReceivedPackage, *, sha256: str, size: int, source_name: str,
                    certificate_serial: str, package_id: str | None = None, who: str = "") -> None:
    """Record a conflicting file (already kept at ``received_package_path``) as an audit entry
    of the assessment first received for that revision: no second assessment is made."""
    AuditEntry.create(assessment=held.assessment_id, item_id=None, field=CONFLICT_FIELD, old_value=None,
                      new_value={"package_sha256": sha256, "package_id": package_id, "file": source_name,
                                 "size": size, "certificate_serial": certificate_serial,
                                 "revision": held.revision, "held_sha256": held.sha256},
                      who=who)


def package_conflicts(store: Store, year: int | None = None, office_code: str | None = None) -> list[PackageConflict]:
    """Every conflict recorded, oldest first, optionally for one year and/or office."""
    query = (AuditEntry.select(AuditEntry, ReceivedPackage)
             .join(ReceivedPackage, on=(ReceivedPackage.assessment == AuditEntry.assessment))
             .where(AuditEntry.field == CONFLICT_FIELD).order_by(AuditEntry.at, AuditEntry.id))
    if year is not None:
        query = query.where(ReceivedPackage.year == year)
    if office_code is not None:
        query = query.where(ReceivedPackage.office_code == office_code)
    conflicts = []
    for entry in query:
        held = entry.receivedpackage
        value = entry.new_value or {}
        conflicts.append(PackageConflict(
            sha256=str(value.get("package_sha256", "")), office_code=held.office_code, year=held.year,
            revision=held.revision, source_name=str(value.get("file", "")), size=int(value.get("size") or 0),
            certificate_serial=str(value.get("certificate_serial", "")), received_at=entry.at, held=held))
    return conflicts


def received_packages(store: Store, year: int | None = None, office_code: str | None = None) -> list[ReceivedPackage]:
    """Every revision received, whatever the order it arrived in: by office, year, revision."""
    query = ReceivedPackage.select().order_by(ReceivedPackage.office_code, ReceivedPackage.year,
                                              ReceivedPackage.revision)
    if year is not None:
        query = query.where(ReceivedPackage.year == year)
    if office_code is not None:
        query = query.where(ReceivedPackage.office_code == office_code)
    return list(query)


def recheck_received(store: Store, received: ReceivedPackage):
    """Verify a package the province holds again, judged at the time the province received
    it (its own clock, the trusted one): a certificate revoked or replaced later, or expired
    since, does not undo what was received while it was valid."""
    from models.package.verify import verify_package
    from models.province_tables import received_package_path

    return verify_package(received_package_path(store.data_dir, received.sha256), [public_key(store)],
                          store.registry, on=received.received_at, revoked_serials=registry_revocations(store))
