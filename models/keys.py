"""Ed25519 keys of an office (or a province): generation, encrypted key files, minisign.

* A private key never leaves the PC it was made on. Its file is JSON: the 32-byte seed
  encrypted with ChaCha20-Poly1305 under a key derived from the passphrase by Argon2id;
  the KDF parameters and salt are in the file, so a stronger default later still reads
  old files. The associated data binds the ciphertext to the key id and public key.
* Public keys and signatures use minisign's formats, so ``minisign -V`` can check a
  package manifest by hand: a public key is ``"Ed" || key id (8 bytes) || key (32)``
  in base64; a signature is the prehashed ``"ED"`` algorithm (Ed25519 over the
  BLAKE2b-512 of the data) plus a global signature over signature || trusted comment.
* ``PublicKey.fingerprint`` is eight groups of four digits, readable over the phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from models.files import write_atomic  # noqa: F401  (callers use keys.write_atomic)
from models.texts import CodedError, Said

KEY_FILE_FORMAT = "merit-luring-private-key"
KEY_FILE_VERSION = 1
KEYS_DIR = "keys"
TRUSTED_DIR = "trusted"
OFFICE_ROLE = "office"
PROVINCE_ROLE = "province"

# RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): ~0.1 s here, far
# beyond what a stolen key file lets an attacker try per second.
DEFAULT_KDF = {"memory_cost": 65536, "iterations": 3, "lanes": 4}
MIN_PASSPHRASE_LENGTH = 8
PRIVATE_KEY_MODE = 0o600

MINISIGN_PUBLIC_ALG = b"Ed"
MINISIGN_PREHASHED_ALG = b"ED"
MINISIGN_LEGACY_ALG = b"Ed"
UNTRUSTED_SIGNATURE_COMMENT = "signature from Merit Luring key"
FINGERPRINT_CONTEXT = b"merit-luring fingerprint v1\x00"
PUBLIC_KEY_LABEL = Said("public_key_label")  # "what" in a message about a key not read from a file


class KeyFileError(CodedError, ValueError):
    """A key file cannot be used: ``code`` and ``params`` (``models.texts``); the Indonesian
    message names the file."""


class WrongPassphrase(KeyFileError):
    """params: key (the key file's name)."""

    def __init__(self, message: str = "", key: str = ""):
        super().__init__(code="wrong_passphrase", key=key)


class SignatureError(ValueError):
    """A signature is malformed, made by another key or does not match the data.

    ``reason`` is ``signature_malformed``, ``wrong_key`` or ``bad_signature``."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


# --- paths --------------------------------------------------------------------------------

def keys_dir(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_DIR


def private_key_path(data_dir: Path, role: str = OFFICE_ROLE) -> Path:
    return keys_dir(data_dir) / f"{role}.key"


def public_key_path(data_dir: Path, role: str = OFFICE_ROLE) -> Path:
    return keys_dir(data_dir) / f"{role}.pub"


def office_key_path(data_dir: Path) -> Path:
    return private_key_path(data_dir, OFFICE_ROLE)


def office_public_key_path(data_dir: Path) -> Path:
    return public_key_path(data_dir, OFFICE_ROLE)


def office_certificate_path(data_dir: Path) -> Path:
    return keys_dir(data_dir) / "office-certificate.json"


def trusted_keys_dir(data_dir: Path) -> Path:
    """Province public keys this installation trusts (``*.pub``, minisign format)."""
    return keys_dir(data_dir) / TRUSTED_DIR


# --- public keys --------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError, AttributeError) as exc:
        raise KeyFileError(code="key_not_base64", what=what) from exc


def key_id_hex(key_id: bytes) -> str:
    """The key id as minisign prints it (little-endian 64-bit number in upper-case hex)."""
    return key_id[::-1].hex().upper()


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in minisign blobs
    raw: bytes  # 32-byte Ed25519 public key
    _key: Ed25519PublicKey | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if len(self.key_id) != 8 or len(self.raw) != 32:
            raise KeyFileError(code="public_key_bad_length")
        try:
            object.__setattr__(self, "_key", Ed25519PublicKey.from_public_bytes(self.raw))
        except ValueError as exc:
            raise KeyFileError(code="public_key_invalid") from exc

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)

    def to_base64(self) -> str:
        """The minisign public key line: base64("Ed" || key id || key)."""
        return _b64(MINISIGN_PUBLIC_ALG + self.key_id + self.raw)

    def to_minisign(self) -> str:
        return f"untrusted comment: minisign public key {self.key_id_hex}\n{self.to_base64()}\n"

    @property
    def fingerprint(self) -> str:
        """Eight groups of four digits from SHA-256 of the public key, read over the phone."""
        digest = hashlib.sha256(FINGERPRINT_CONTEXT + self.raw).digest()
        groups = [int.from_bytes(digest[i:i + 4], "big") % 10000 for i in range(0, 32, 4)]
        return " ".join(f"{group:04d}" for group in groups)

    def verify(self, signature: bytes, data: bytes) -> None:
        """Raw Ed25519 check; raises SignatureError('bad_signature')."""
        try:
            self._key.verify(signature, data)
        except InvalidSignature:
            raise SignatureError("bad_signature", "Tanda tangan tidak cocok dengan data.") from None


def public_key_of(private_key: Ed25519PrivateKey) -> PublicKey:
    raw = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    # Derived, not random as in minisign: the same key always has the same id.
    return PublicKey(hashlib.blake2b(raw, digest_size=8).digest(), raw)


def public_key_from_base64(line: str, what: str = PUBLIC_KEY_LABEL) -> PublicKey:
    blob = _unb64(line, what)
    if len(blob) != 42 or blob[:2] != MINISIGN_PUBLIC_ALG:
        raise KeyFileError(code="public_key_not_minisign", what=what)
    return PublicKey(blob[2:10], blob[10:])


def load_public_key(path_or_text: Path | str) -> PublicKey:
    """A minisign ``.pub`` file (path or its text), a bare base64 line, or a key file
    of ours (its public part)."""
    what = PUBLIC_KEY_LABEL
    text = path_or_text
    if isinstance(path_or_text, Path) or (
        isinstance(path_or_text, str) and "\n" not in path_or_text.strip() and Path(path_or_text).is_file()
    ):
        path = Path(path_or_text)
        what = str(path)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyFileError(code="public_key_unreadable", path=path) from exc
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
            return public_key_from_base64(data["public_key"], what)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise KeyFileError(code="public_key_json_without_key", what=what) from exc
    lines = [line.strip() for line in stripped.splitlines() if line.strip()]
    if lines and lines[0].startswith("untrusted comment:"):
        lines = lines[1:]
    if len(lines) != 1:
        raise KeyFileError(code="public_key_not_minisign_file", what=what)
    return public_key_from_base64(lines[0], what)


def load_trusted_keys(data_dir: Path) -> list[PublicKey]:
    """Every readable ``*.pub`` in ``<data>/keys/trusted/``, plus this installation's
    own province key (``<data>/keys/province.pub``) when it is a province."""
    candidates = sorted(trusted_keys_dir(data_dir).glob("*.pub")) if trusted_keys_dir(data_dir).is_dir() else []
    own = public_key_path(data_dir, PROVINCE_ROLE)
    if own.is_file():
        candidates.append(own)
    keys: list[PublicKey] = []
    for path in candidates:
        try:
            key = load_public_key(path)
        except KeyFileError:
            continue
        if key not in keys:
            keys.append(key)
    return keys


# --- private keys -------------------------------------------------------------------------

def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _seed_of(private_key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _derive(passphrase: str, salt: bytes, kdf: dict) -> bytes:
    return Argon2id(
        salt=salt, length=32, iterations=int(kdf["iterations"]), lanes=int(kdf["lanes"]),
        memory_cost=int(kdf["memory_cost"]),
    ).derive(passphrase.encode("utf-8"))


def _associated_data(role: str, public: PublicKey) -> bytes:
    return f"{KEY_FILE_FORMAT}/{KEY_FILE_VERSION}/{role}/".encode() + public.key_id + public.raw


def save_private_key(path: Path, private_key: Ed25519PrivateKey, passphrase: str, *, role: str,
                     kdf_params: dict | None = None) -> Path:
    """Write the encrypted key file atomically (``kdf_params`` only to make tests fast)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise KeyFileError(code="passphrase_too_short", minimum=MIN_PASSPHRASE_LENGTH)
    public = public_key_of(private_key)
    kdf = dict(kdf_params or DEFAULT_KDF)
    salt = os.urandom(16)
    nonce = os.urandom(12)
    ciphertext = ChaCha20Poly1305(_derive(passphrase, salt, kdf)).encrypt(
        nonce, _seed_of(private_key), _associated_data(role, public))
    document = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "role": role,
        "key_id": public.key_id_hex,
        "public_key": public.to_base64(),
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "kdf": {"name": "argon2id", "salt": _b64(salt), "length": 32, **kdf},
        "cipher": {"name": "chacha20-poly1305", "nonce": _b64(nonce)},
        "ciphertext": _b64(ciphertext),
    }
    # Owner-only from the first byte (on Windows the profile folder's ACL protects it:
    # docs/package-format.md §9).
    return write_atomic(Path(path), (json.dumps(document, indent=2) + "\n").encode("utf-8"), PRIVATE_KEY_MODE)


class KeyExists(KeyFileError):
    pass


def create_office_key(data_dir: Path, passphrase: str, *, kdf_params: dict | None = None) -> PublicKey:
    """Create this office's signing key (private part encrypted with ``passphrase``).

    Refuses to replace an existing key: certificates the province issued for it, and
    packages signed with it, would no longer match."""
    path = office_key_path(data_dir)
    if path.exists():
        raise KeyExists(code="office_key_exists", path=path)
    private_key = generate_private_key()
    save_private_key(path, private_key, passphrase, role=OFFICE_ROLE, kdf_params=kdf_params)
    public = public_key_of(private_key)
    write_atomic(office_public_key_path(data_dir), public.to_minisign().encode("ascii"))
    return public


def read_key_file(path: Path) -> dict:
    """The key file's JSON, checked for format and version (nothing decrypted)."""
    path = Path(path)
    try:
        document = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise KeyFileError(code="key_file_missing", path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeyFileError(code="key_file_unreadable", path=path) from exc
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise KeyFileError(code="key_file_not_ours", path=path)
    if document.get("version") != KEY_FILE_VERSION:
        raise KeyFileError(code="key_file_version", path=path, version=repr(document.get("version")))
    return document


def load_private_key(path: Path, passphrase: str) -> Ed25519PrivateKey:
    """Decrypt the key file; ``WrongPassphrase`` when the passphrase does not open it."""
    path = Path(path)
    document = read_key_file(path)
    try:
        kdf = document["kdf"]
        cipher = document["cipher"]
        if kdf["name"] != "argon2id" or cipher["name"] != "chacha20-poly1305":
            raise KeyFileError(code="key_file_method", path=path)
        public = public_key_from_base64(document["public_key"], str(path))
        salt = _unb64(kdf["salt"], str(path))
        nonce = _unb64(cipher["nonce"], str(path))
        ciphertext = _unb64(document["ciphertext"], str(path))
        role = document["role"]
        key = _derive(passphrase, salt, kdf)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, KeyFileError):
            raise
        raise KeyFileError(code="key_file_incomplete", path=path) from exc
    try:
        seed = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, _associated_data(role, public))
    except InvalidTag:
        raise WrongPassphrase(key=path.name) from None
    private_key = Ed25519PrivateKey.from_private_bytes(seed)
    if public_key_of(private_key) != public:
        raise KeyFileError(code="key_file_mismatch", path=path)
    return private_key


def key_file_public_key(path: Path) -> PublicKey:
    """The public key recorded in a private key file (no passphrase needed)."""
    document = read_key_file(path)
    return public_key_from_base64(document.get("public_key", ""), str(path))


class KeyUnlock:
    """A private key file being decrypted in a background thread: Argon2id (64 MiB, ~0,1-0,5 s
    by design) releases the GIL, so a caller can do its other work meanwhile (export writes
    and hashes the package) and take the key only when it signs. ``public`` is read from the
    file at once (no passphrase needed); ``key()`` waits and raises what decryption raised
    (``WrongPassphrase``, ``KeyFileError``)."""

    def __init__(self, path: Path, passphrase: str):
        import threading

        self.public = key_file_public_key(path)
        self._key: Ed25519PrivateKey | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._decrypt, args=(Path(path), passphrase), daemon=True,
                                        name="merit-key-unlock")
        self._thread.start()

    def _decrypt(self, path: Path, passphrase: str) -> None:
        try:
            self._key = load_private_key(path, passphrase)
        except BaseException as exc:  # noqa: BLE001 - raised by key() in the caller's thread
            self._error = exc

    @property
    def failed(self) -> bool:
        """Decryption has ended with an error (``key()`` raises it)."""
        return not self._thread.is_alive() and self._error is not None

    def key(self) -> Ed25519PrivateKey:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._key


# --- minisign signatures ------------------------------------------------------------------

def minisign_sign(private_key: Ed25519PrivateKey, key_id: bytes, data: bytes, trusted_comment: str,
                  untrusted_comment: str = UNTRUSTED_SIGNATURE_COMMENT) -> bytes:
    """A minisign signature file (prehashed ``ED``) over ``data``."""
    if "\n" in trusted_comment or "\r" in trusted_comment or "\n" in untrusted_comment:
        raise ValueError("comments must be one line")
    signature = private_key.sign(hashlib.blake2b(data, digest_size=64).digest())
    comment = trusted_comment.encode("utf-8")
    global_signature = private_key.sign(signature + comment)
    return (
        f"untrusted comment: {untrusted_comment}\n"
        f"{_b64(MINISIGN_PREHASHED_ALG + key_id + signature)}\n"
        f"trusted comment: {trusted_comment}\n"
        f"{_b64(global_signature)}\n"
    ).encode()


@dataclass(frozen=True)
class MinisignSignature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def parse_minisign_signature(sig_bytes: bytes) -> MinisignSignature:
    def malformed(detail: str) -> SignatureError:  # detail: a code of models.texts
        return SignatureError("signature_malformed", Said("signature_file_invalid", detail=Said(detail)))

    try:
        text = sig_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise malformed("detail_not_utf8") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if len(lines) != 4 or not lines[0].startswith("untrusted comment:") \
            or not lines[2].startswith("trusted comment: "):
        raise malformed("detail_four_lines")
    try:
        blob = base64.b64decode(lines[1], validate=True)
        global_signature = base64.b64decode(lines[3], validate=True)
    except (binascii.Error, ValueError):
        raise malformed("detail_not_base64") from None
    if len(blob) != 74 or blob[:2] not in (MINISIGN_PREHASHED_ALG, MINISIGN_LEGACY_ALG) \
            or len(global_signature) != 64:
        raise malformed("detail_length_algorithm")
    return MinisignSignature(blob[:2], blob[2:10], blob[10:], lines[2][len("trusted comment: "):],
                             global_signature)


def minisign_verify(public_key: PublicKey, data: bytes, sig_bytes: bytes) -> str:
    """Check a minisign signature file; returns the trusted comment or raises SignatureError."""
    parsed = parse_minisign_signature(sig_bytes)
    if parsed.key_id != public_key.key_id:
        raise SignatureError(
            "wrong_key",
            f"Tanda tangan dibuat dengan kunci {key_id_hex(parsed.key_id)}, bukan kunci "
            f"{public_key.key_id_hex} yang diharapkan.")
    message = hashlib.blake2b(data, digest_size=64).digest() if parsed.algorithm == MINISIGN_PREHASHED_ALG else data
    public_key.verify(parsed.signature, message)
    public_key.verify(parsed.global_signature, parsed.signature + parsed.trusted_comment.encode("utf-8"))
    return parsed.trusted_comment
