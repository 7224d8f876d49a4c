"""Instruments a province delivers through its signed profile, as TUF delivers targets.

* The province adds an instrument file: it signs the file's bytes with its key
  (``sign_instrument``) and keeps it in its own ``<data>/instruments/``; every profile it
  exports then carries the file and its signature.
* An office that imports the profile installs each carried instrument
  (``install_instrument``): the signature must verify with the province key of the
  profile, the file must be a valid instrument, and it must not be older (``sequence``)
  than the release of that id the office already holds (rollback). The file is kept as
  ``<data>/instruments/<id>-<sequence>.json`` beside its signature (``.minisig``) and a
  record of who signed it (``.signer.json``).
* Only signed files count: ``trusted_registry`` loads the shipped instruments plus every
  file of ``<data>/instruments/`` whose signature verifies with a key this installation
  trusts. Any other JSON there is never used for scoring (listed in ``refused``); a file
  that is not a valid instrument at all is skipped and named (``skipped``), as for any
  registry. Both are told to a person through ``warnings``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.files import write_atomic
from models.instrument import (
    SIGNER_SUFFIX,
    Instrument,
    InstrumentError,
    InstrumentRegistry,
    SkippedInstrument,
    instrument_files,
    load_instrument_bytes,
    shipped_registry,
)
from models.tables import utc_now
from models.texts import CodedError, Said

if TYPE_CHECKING:
    from models import keys

# ``keys`` (cryptography, ~20 ms) is imported where a signature is made or checked: the
# window's start builds the registry of shipped instruments and needs none.

USER_INSTRUMENT_DIR = "instruments"
SIGNATURE_SUFFIX = ".minisig"


class InstrumentDeliveryError(CodedError, ValueError):
    """An instrument that must not be installed; ``reason`` is a stable code, ``code`` and
    ``params`` word it (``models.texts``)."""

    def __init__(self, reason: str, *, code: str, **params):
        super().__init__(code=code, **params)
        self.reason = reason


@dataclass(frozen=True)
class Signer:
    """Which province key signed a delivered instrument."""

    province_code: str
    key_id: str
    fingerprint: str
    installed_at: str = ""


class TrustedRegistry(InstrumentRegistry):
    """The shipped instruments plus the delivered ones whose signature verifies."""

    def __init__(self):
        super().__init__([])
        self.signers: dict[str, Signer] = {}  # sha256 -> who signed it
        self.refused: list[tuple[Path, str]] = []  # files never used for scoring, and why

    def signer_of(self, instrument: Instrument) -> Signer | None:
        return self.signers.get(instrument.sha256)

    @property
    def warnings(self) -> list[str]:
        """Malformed files skipped (named), then valid files left unused for want of a
        trusted signature: one line each, for a person."""
        return super().warnings + [Said("instrument_unused", file=path.name, reason=reason)
                                   for path, reason in self.refused]


def user_instrument_dir(data_dir: Path) -> Path:
    return Path(data_dir) / USER_INSTRUMENT_DIR


def sign_instrument(data: bytes, private_key, instrument: Instrument) -> bytes:
    from models import keys

    public = keys.public_key_of(private_key)
    return keys.minisign_sign(private_key, public.key_id, data,
                              f"merit-luring instrument {instrument.id} {instrument.version} "
                              f"sequence {instrument.sequence}")


def _verified_signer(data: bytes, signature: bytes, trusted: list[keys.PublicKey]) -> keys.PublicKey | None:
    from models import keys

    for key in trusted:
        try:
            keys.minisign_verify(key, data, signature)
        except keys.SignatureError:
            continue
        return key
    return None


def trusted_registry(data_dir: Path) -> TrustedRegistry:
    """Shipped instruments, then each delivered file signed by a trusted province key."""
    registry = TrustedRegistry()
    for instrument in shipped_registry().all_versions():
        registry.add(instrument)
    folder = user_instrument_dir(data_dir)
    if not folder.is_dir():
        return registry
    from models import keys

    trusted = keys.load_trusted_keys(data_dir)
    for path in instrument_files(folder):
        signature_path = path.with_name(path.name + SIGNATURE_SUFFIX)
        try:
            data = path.read_bytes()
            signature = signature_path.read_bytes() if signature_path.is_file() else None
        except OSError as exc:
            registry.refused.append((path, Said("instrument_unreadable", detail=exc.strerror)))
            continue
        try:  # read as data only: whatever it holds, it scores nothing unless its signature verifies
            instrument = load_instrument_bytes(data, origin=str(path), path=path)
        except (InstrumentError, KeyError, TypeError, ValueError) as exc:
            registry.skipped.append(SkippedInstrument(path, str(exc)))
            continue
        if signature is None:
            registry.refused.append((path, Said("instrument_unsigned")))
            continue
        key = _verified_signer(data, signature, trusted)
        if key is None:
            registry.refused.append((path, Said("instrument_untrusted_signature")))
            continue
        registry.add(instrument)
        registry.signers[instrument.sha256] = _signer_record(path, key)
    return registry


def _signer_record(path: Path, key: keys.PublicKey) -> Signer:
    record_path = path.with_name(path.name + SIGNER_SUFFIX)
    try:
        record = json.loads(record_path.read_text("utf-8"))
    except (OSError, ValueError):
        record = {}
    # The key is the one that verified just now; the record only adds the province code.
    return Signer(str(record.get("province_code", "")), key.key_id_hex, key.fingerprint,
                  str(record.get("installed_at", "")))


def install_instrument(data_dir: Path, data: bytes, signature: bytes, signer: keys.PublicKey,
                       province_code: str, held: InstrumentRegistry) -> tuple[Instrument, bool]:
    """Check and keep a delivered instrument; (instrument, newly installed). Raises
    InstrumentDeliveryError: bad signature, invalid file, or older than the one held."""
    from models import keys

    try:
        keys.minisign_verify(signer, data, signature)
    except keys.SignatureError:
        raise InstrumentDeliveryError("instrument_bad_signature", code="instrument_bad_signature") from None
    try:
        instrument = load_instrument_bytes(data, origin="instrumen dari profil provinsi")
    except InstrumentError as exc:
        raise InstrumentDeliveryError("instrument_invalid", code="instrument_invalid", detail=str(exc)) from None
    if held.by_hash(instrument.sha256) is not None:
        return instrument, False
    if instrument.id in held:
        current = held.get(instrument.id)
        if instrument.sequence < current.sequence:
            raise InstrumentDeliveryError(
                "instrument_rollback", code="instrument_rollback", instrument=instrument.id,
                version=instrument.version, sequence=instrument.sequence, current=current.version,
                current_sequence=current.sequence)
        if instrument.sequence == current.sequence:
            raise InstrumentDeliveryError("instrument_conflict", code="instrument_conflict",
                                          instrument=instrument.id, sequence=instrument.sequence)
    folder = user_instrument_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{instrument.id}-{instrument.sequence}.json"
    # Signature and record first: the JSON is what makes it count, and it is written last.
    write_atomic(target.with_name(target.name + SIGNATURE_SUFFIX), signature)
    record = {"province_code": province_code, "key_id": signer.key_id_hex, "fingerprint": signer.fingerprint,
              "sha256": instrument.sha256, "installed_at": utc_now().isoformat()}
    write_atomic(target.with_name(target.name + SIGNER_SUFFIX),
                 (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    write_atomic(target, data)
    return instrument, True


def delivered_files(data_dir: Path, key: keys.PublicKey) -> list[dict]:
    """The instrument files signed by ``key`` (a province's own), as a profile carries them."""
    registry = trusted_registry(data_dir)
    entries = []
    for sha256, signer in sorted(registry.signers.items()):
        if signer.key_id != key.key_id_hex:
            continue
        instrument = registry.by_hash(sha256)
        data = instrument.path.read_bytes()
        signature = instrument.path.with_name(instrument.path.name + SIGNATURE_SUFFIX).read_bytes()
        entries.append({"id": instrument.id, "version": instrument.version, "sequence": instrument.sequence,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "data": data.decode("utf-8"), "signature": signature.decode("ascii")})
    return entries


def read_for_delivery(data: bytes) -> Instrument:
    """An instrument file a province is about to sign, read and checked (what a face shows
    before asking for the province key); ``InstrumentDeliveryError`` if it is not sound."""
    try:
        return load_instrument_bytes(data, origin="berkas instrumen")
    except InstrumentError as exc:
        raise InstrumentDeliveryError("instrument_invalid", code="instrument_invalid", detail=str(exc)) from None


def deliver_instrument(data_dir: Path, data: bytes, private_key, province_code: str,
                       held: InstrumentRegistry) -> Instrument:
    """Province side: sign an instrument file with the province key and keep it, so that
    every profile exported from now on carries it. Same checks as an office applies."""
    from models import keys

    instrument = read_for_delivery(data)
    signature = sign_instrument(data, private_key, instrument)
    installed, _ = install_instrument(data_dir, data, signature, keys.public_key_of(private_key), province_code,
                                      held)
    return installed
