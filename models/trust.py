"""What this installation trusts, and when: the verdicts that depend on more than the package.

* ``verify_here``: verify a package with every revocation this installation knows (its own
  registry on a province PC, the revocation lists of the province profiles it trusts), at
  the verifier's clock; on a province PC a package it already holds is judged at the time
  the province received it (``ReceivedPackage.received_at``, its own trusted clock), so
  re-checking it after a later revocation or expiry still passes.
* ``office_certificate_status``: the office's certificate judged against the key present,
  today, with the revocations it knows (what ``keys show`` says).

The rules themselves are in ``models.certificates`` (``judge_certificate``,
``revocation_in_force``) and ``docs/package-format.md`` §5.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from models import keys, province
from models.certificates import CertificateError, judge_certificate, read_certificate, revocation_in_force
from models.instrument import InstrumentRegistry
from models.package.format import Cancelled, Progress, VerifyReport
from models.package.verify import verify_package
from models.province_tables import ReceivedPackage
from models.store import Store

CERTIFICATE_VALID = "valid"
CERTIFICATE_OTHER_KEY = "other_key"  # issued for another office key than the one on this PC


@dataclass
class Verdict:
    report: VerifyReport
    judged_at: datetime | date  # the trusted time the certificate and revocations were judged at
    received_at: datetime | None = None  # when the province received this very file, if it holds it

    def to_dict(self) -> dict:
        return {**self.report.to_dict(), "judged_at": self.judged_at.isoformat(),
                "received_at": self.received_at.isoformat() if self.received_at else None}


def verify_here(path: Path, data_dir: Path, *, store: Store | None = None,
                trusted_keys: list[keys.PublicKey] | None = None, revoked: Iterable[str] = (),
                on: date | datetime | None = None, registry: InstrumentRegistry | None = None,
                progress: Progress = None, cancelled: Cancelled = None, decrypt_with=None) -> Verdict:
    """Verify ``path`` as this installation: its trusted keys (unless given), every revocation
    it knows plus ``revoked`` (from the start), at ``on`` when the verifier asserts a time,
    else at the province's receipt time for a package it holds, else now (UTC).
    ``decrypt_with`` (the province's private key) opens a package encrypted to it."""
    revocations = province.installation_revocations(data_dir, store)
    for serial in revoked:
        revocations[serial] = None
    received_at = None
    if on is None and store is not None and province.province_code(store):
        received_at = _received_at(store, Path(path))
    judged_at = on or received_at or datetime.now(UTC)
    report = verify_package(Path(path), keys.load_trusted_keys(data_dir) if trusted_keys is None else trusted_keys,
                            registry, on=judged_at, revoked_serials=revocations, progress=progress,
                            cancelled=cancelled, decrypt_with=decrypt_with)
    return Verdict(report, judged_at, received_at)


def _received_at(store: Store, path: Path) -> datetime | None:
    """When the province received this very file (a package or a conflicting file), if it did."""
    from models.evidence import hash_file

    try:
        sha256 = hash_file(path)[0]
    except OSError:
        return None  # verification says why the file cannot be read
    held = ReceivedPackage.get_or_none(ReceivedPackage.sha256 == sha256)
    if held is not None:
        return held.received_at
    return next((c.received_at for c in province.package_conflicts(store) if c.sha256 == sha256), None)


def office_certificate_status(data_dir: Path) -> dict | None:
    """The office certificate at ``keys/office-certificate.json`` judged now: against the
    office key present (a certificate for another key does not sign for this one), the
    trusted province keys and the revocations of the trusted profiles. None when there is
    no certificate; ``status`` is ``valid``, ``other_key`` or a certificate reason code."""
    path = keys.office_certificate_path(data_dir)
    if not path.is_file():
        return None
    try:
        certificate = read_certificate(path.read_bytes())
    except (OSError, CertificateError) as exc:
        return {"path": str(path), "problem": str(exc)}
    info = {"path": str(path), **certificate.summary()}
    try:
        own = keys.key_file_public_key(keys.office_key_path(data_dir))
    except keys.KeyFileError:
        own = None
    if own is not None and own != certificate.office_public_key:
        return {**info, "status": CERTIFICATE_OTHER_KEY, "status_message": (
            f"tidak cocok dengan kunci ini: sertifikat untuk kunci {certificate.office_public_key.key_id_hex} "
            f"(sidik jari {certificate.office_public_key.fingerprint}), kunci kantor ini {own.key_id_hex}. "
            "Kirim permintaan pendaftaran baru ('enrol request') agar provinsi menerbitkan sertifikat untuk "
            "kunci ini.")}
    now = datetime.now(UTC)
    try:
        _signer, notice = judge_certificate(certificate, keys.load_trusted_keys(data_dir), at=now)
    except CertificateError as exc:
        return {**info, "status": exc.reason, "status_message": str(exc)}
    revoked, effective = revocation_in_force(province.profile_revocations(data_dir), certificate.serial, now)
    if revoked:
        since = f" sejak {effective:%d-%m-%Y}" if effective else ""
        return {**info, "status": "certificate_revoked", "status_message": (
            f"dicabut oleh provinsi{since}: minta sertifikat baru ('enrol request').")}
    return {**info, "status": CERTIFICATE_VALID, "status_message": "sah", "notice": notice}
