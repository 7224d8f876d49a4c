"""Optional confidentiality (``docs/package-format.md`` §11): a signed package encrypted to
the province's key, sign inside, encrypt outside.

HPKE-style: an ephemeral X25519 key agrees a secret with the province's X25519 key (the
birational map of its Ed25519 key, so nothing new has to be distributed), HKDF-SHA256
derives the key, and the package is sealed in 64 KiB chunks with ChaCha20-Poly1305. Each
chunk's nonce is its counter and a final-chunk flag, and every chunk authenticates the
header, so a flipped bit, a dropped, repeated or reordered chunk, a cut-off end or bytes
added after it all fail (``decrypt_failed``). Memory stays at one chunk either way.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from models.files import atomic_file
from models.keys import PublicKey, public_key_of
from models.package.format import ENCRYPTED_MAGIC, Rejected

ENVELOPE_VERSION = 1
CHUNK_SIZE = 64 * 1024
TAG = 16
HEADER = struct.Struct("<8sB8s32sI")  # magic, version, recipient key id, ephemeral X25519 key, chunk size
INFO = b"merit-luring package encryption v1"
FIELD_PRIME = 2**255 - 19


def x25519_public_of(public: PublicKey) -> X25519PublicKey:
    """The Montgomery form u = (1 + y) / (1 - y) of an Ed25519 public key (RFC 7748 §4.1),
    as libsodium's ``crypto_sign_ed25519_pk_to_curve25519``."""
    y = int.from_bytes(public.raw, "little") & ((1 << 255) - 1)
    if y == 1:
        raise ValueError("the identity point has no X25519 form")
    u = (1 + y) * pow(1 - y, FIELD_PRIME - 2, FIELD_PRIME) % FIELD_PRIME
    return X25519PublicKey.from_public_bytes(u.to_bytes(32, "little"))


def x25519_private_of(private_key: Ed25519PrivateKey) -> X25519PrivateKey:
    """The X25519 scalar of an Ed25519 key: the first half of SHA-512(seed) (X25519 clamps
    it as Ed25519 does), as libsodium's ``crypto_sign_ed25519_sk_to_curve25519``."""
    seed = private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return X25519PrivateKey.from_private_bytes(hashlib.sha512(seed).digest()[:32])


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _key(shared: bytes, ephemeral: bytes, recipient: bytes, key_id: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=INFO + key_id).derive(shared)


def _nonce(counter: int, final: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(ENCRYPTED_MAGIC)) == ENCRYPTED_MAGIC


def encrypt_package(path: Path, recipient: PublicKey, out: Path) -> Path:
    """Encrypt the (signed) package at ``path`` to ``recipient`` (the province key) into
    ``out``, durably (temp file, fsync, rename)."""
    return encrypt_package_hashed(path, recipient, out)[0]


def encrypt_package_hashed(path: Path, recipient: PublicKey, out: Path) -> tuple[Path, str]:
    """:func:`encrypt_package`, also returning the SHA-256 (hex) of the envelope as written."""
    written = hashlib.sha256()
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = _raw(ephemeral.public_key())
    recipient_x = x25519_public_of(recipient)
    key = _key(ephemeral.exchange(recipient_x), ephemeral_raw, _raw(recipient_x), recipient.key_id)
    header = HEADER.pack(ENCRYPTED_MAGIC, ENVELOPE_VERSION, recipient.key_id, ephemeral_raw, CHUNK_SIZE)
    aead = ChaCha20Poly1305(key)
    with atomic_file(Path(out)) as partial, open(path, "rb") as source, open(partial, "wb") as target:
        target.write(header)
        written.update(header)
        counter = 0
        chunk = source.read(CHUNK_SIZE)
        while True:
            following = source.read(CHUNK_SIZE)
            final = not following
            sealed = aead.encrypt(_nonce(counter, final), chunk, header)
            target.write(sealed)
            written.update(sealed)
            if final:
                break
            chunk, counter = following, counter + 1
    return Path(out), written.hexdigest()


def decrypt_package(path: Path, private_key: Ed25519PrivateKey, out: Path) -> Path:
    """Decrypt an encrypted package with the province's key into ``out`` (a temp file of
    the caller's); raises ``Rejected("decrypt_failed")`` and leaves nothing at ``out`` when
    the envelope is not for this key or any byte of it changed."""
    out = Path(out)
    try:
        with open(path, "rb") as source, open(out, "wb") as target:
            _decrypt(source, target, private_key)
    except Rejected:
        out.unlink(missing_ok=True)
        raise
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return out


def _decrypt(source, target, private_key: Ed25519PrivateKey) -> None:
    header = source.read(HEADER.size)
    if len(header) != HEADER.size:
        raise Rejected("decrypt_failed", "Kepala amplop terpotong.")
    magic, version, key_id, ephemeral_raw, chunk_size = HEADER.unpack(header)
    if magic != ENCRYPTED_MAGIC or version != ENVELOPE_VERSION or chunk_size != CHUNK_SIZE:
        raise Rejected("decrypt_failed", f"Versi amplop {version} tidak dikenal.")
    own = public_key_of(private_key)
    if key_id != own.key_id:
        raise Rejected("decrypt_failed", "Paket dienkripsi untuk kunci provinsi lain.")
    scalar = x25519_private_of(private_key)
    try:
        shared = scalar.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
    except ValueError:
        raise Rejected("decrypt_failed", "Kunci sementara amplop tidak sah.") from None
    aead = ChaCha20Poly1305(_key(shared, ephemeral_raw, _raw(scalar.public_key()), key_id))
    counter = 0
    sealed = source.read(CHUNK_SIZE + TAG)
    while True:
        following = source.read(CHUNK_SIZE + TAG)
        final = not following
        try:
            target.write(aead.decrypt(_nonce(counter, final), sealed, header))
        except InvalidTag:
            raise Rejected("decrypt_failed", f"Potongan {counter} diubah, hilang atau tertukar.") from None
        if final:
            return
        sealed, counter = following, counter + 1
