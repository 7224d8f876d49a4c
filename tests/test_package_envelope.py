"""Optional confidentiality: a signed package encrypted to the province's key, streamed in
sealed chunks; any change to the ciphertext is ``decrypt_failed``."""

from __future__ import annotations

import pytest

from models import keys
from models.package.envelope import (
    CHUNK_SIZE,
    HEADER,
    TAG,
    decrypt_package,
    encrypt_package,
    is_encrypted,
    x25519_private_of,
    x25519_public_of,
)
from models.package.format import Rejected
from models.package.verify import verify_package
from tests.test_package_tamper import demo  # noqa: F401  (the fixture)


def test_the_x25519_keys_derived_from_ed25519_match():
    for _ in range(20):
        private = keys.generate_private_key()
        derived_public = x25519_private_of(private).public_key().public_bytes_raw()
        assert x25519_public_of(keys.public_key_of(private)).public_bytes_raw() == derived_public


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE])
def test_round_trip_at_chunk_boundaries(tmp_path, size):
    province = keys.generate_private_key()
    plain = tmp_path / "p.bin"
    plain.write_bytes(bytes(range(256)) * (size // 256) + bytes(size % 256))
    sealed = encrypt_package(plain, keys.public_key_of(province), tmp_path / "p.merit")
    assert is_encrypted(sealed)
    chunks = max(1, -(-size // CHUNK_SIZE))  # the last chunk, full or not, carries the final flag
    assert sealed.stat().st_size == HEADER.size + size + TAG * chunks
    assert decrypt_package(sealed, province, tmp_path / "out.bin").read_bytes() == plain.read_bytes()


@pytest.fixture
def sealed(demo, tmp_path):  # noqa: F811
    return encrypt_package(demo.package, demo.province_public, tmp_path / "rahasia.merit")


def test_an_encrypted_package_verifies_with_the_province_key_only(demo, sealed):  # noqa: F811
    assert verify_package(sealed, [demo.province_public]).reason == "encrypted_package"
    report = verify_package(sealed, [demo.province_public], decrypt_with=demo.province_key)
    assert report.ok, report.message
    other = verify_package(sealed, [demo.province_public], decrypt_with=keys.generate_private_key())
    assert other.reason == "decrypt_failed"


def _tamper(data: bytes, how: str) -> bytes:
    body = HEADER.size
    unit = CHUNK_SIZE + TAG
    return {
        "flip in header": data[:20] + bytes([data[20] ^ 1]) + data[21:],
        "flip in first chunk": data[:body + 5] + bytes([data[body + 5] ^ 1]) + data[body + 6:],
        "flip in tag": data[:-1] + bytes([data[-1] ^ 1]),
        "truncated at a chunk boundary": data[:body + unit],
        "truncated mid chunk": data[:-100],
        "chunks swapped": data[:body] + data[body + unit:body + 2 * unit] + data[body:body + unit]
        + data[body + 2 * unit:],
        "chunk repeated": data[:body + unit] + data[body:],
        "bytes appended": data + b"\0" * 16,
        "header only": data[:body],
    }[how]


@pytest.mark.parametrize("how", ["flip in header", "flip in first chunk", "flip in tag", "truncated at a chunk boundary",
                                 "truncated mid chunk", "chunks swapped", "chunk repeated", "bytes appended",
                                 "header only"])
def test_tampered_ciphertext_is_decrypt_failed(demo, sealed, tmp_path, how):  # noqa: F811
    assert sealed.stat().st_size > HEADER.size + CHUNK_SIZE + TAG  # the demo package spans two chunks
    changed = tmp_path / "ubah.merit"
    changed.write_bytes(_tamper(sealed.read_bytes(), how))
    with pytest.raises(Rejected) as rejected:
        decrypt_package(changed, demo.province_key, tmp_path / "out.merit")
    assert rejected.value.reason == "decrypt_failed"
    assert not (tmp_path / "out.merit").exists()
    report = verify_package(changed, [demo.province_public], decrypt_with=demo.province_key)
    assert report.reason == "decrypt_failed"


def test_each_encryption_uses_a_fresh_ephemeral_key(demo, tmp_path):  # noqa: F811
    one = encrypt_package(demo.package, demo.province_public, tmp_path / "1.merit").read_bytes()
    two = encrypt_package(demo.package, demo.province_public, tmp_path / "2.merit").read_bytes()
    assert one[:17] == two[:17] and one[17:49] != two[17:49] and one[HEADER.size:] != two[HEADER.size:]
