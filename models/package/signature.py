"""The package signature (``docs/package-format.md`` §2.3): a minisign signature file,
prehashed ``ED`` algorithm, over every byte of the package before it (the archive comment
holds it). minisign prehashes with BLAKE2b-512, so writer and reader stream the file into
that digest and sign or check the digest, never holding the file in memory."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models.keys import (
    MINISIGN_PREHASHED_ALG,
    UNTRUSTED_SIGNATURE_COMMENT,
    PublicKey,
    SignatureError,
    key_id_hex,
    parse_minisign_signature,
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sign_digest(private_key: Ed25519PrivateKey, key_id: bytes, blake2b_digest: bytes, trusted_comment: str) -> bytes:
    """The minisign signature file for data whose BLAKE2b-512 is ``blake2b_digest``."""
    if any(c in trusted_comment for c in "\r\n"):
        raise ValueError("the trusted comment must be one line")
    signature = private_key.sign(blake2b_digest)
    global_signature = private_key.sign(signature + trusted_comment.encode("utf-8"))
    return (f"untrusted comment: {UNTRUSTED_SIGNATURE_COMMENT}\n"
            f"{_b64(MINISIGN_PREHASHED_ALG + key_id + signature)}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{_b64(global_signature)}\n").encode()


def signature_length(trusted_comment: str) -> int:
    """Length of ``sign_digest``'s output: fixed once the trusted comment is known (the end
    record announces it before the file can be hashed)."""
    return (len(f"untrusted comment: {UNTRUSTED_SIGNATURE_COMMENT}\n") + 101
            + len(f"trusted comment: {trusted_comment}\n".encode()) + 89)


def verify_digest(public_key: PublicKey, blake2b_digest: bytes, sig_bytes: bytes) -> str:
    """Check a prehashed minisign signature; returns the trusted comment. Legacy ``Ed``
    (unhashed) signatures are refused: they would need the whole file in memory."""
    parsed = parse_minisign_signature(sig_bytes)
    if parsed.algorithm != MINISIGN_PREHASHED_ALG:
        raise SignatureError("signature_malformed", "Tanda tangan paket harus algoritme minisign 'ED'.")
    if parsed.key_id != public_key.key_id:
        raise SignatureError("wrong_key", f"Tanda tangan dibuat dengan kunci {key_id_hex(parsed.key_id)}, bukan "
                                          f"kunci {public_key.key_id_hex} yang diharapkan.")
    public_key.verify(parsed.signature, blake2b_digest)
    public_key.verify(parsed.global_signature, parsed.signature + parsed.trusted_comment.encode("utf-8"))
    return parsed.trusted_comment
