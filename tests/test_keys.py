"""Office keys: encrypted key files, fingerprints, minisign signatures (and the real tool)."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess

import pytest

from models import keys


@pytest.fixture
def key_file(tmp_path):
    private_key = keys.generate_private_key()
    path = keys.office_key_path(tmp_path / "data")
    keys.save_private_key(path, private_key, "kata sandi rahasia", role=keys.OFFICE_ROLE)
    return path, private_key


def test_key_file_round_trip_records_kdf_and_cipher(key_file):
    path, private_key = key_file
    document = json.loads(path.read_text("utf-8"))
    assert document["format"] == keys.KEY_FILE_FORMAT and document["version"] == 1
    assert document["kdf"]["name"] == "argon2id"
    assert {"salt", "memory_cost", "iterations", "lanes"} <= set(document["kdf"])
    assert document["cipher"]["name"] == "chacha20-poly1305" and document["cipher"]["nonce"]
    public = keys.public_key_of(private_key)
    assert document["key_id"] == public.key_id_hex
    loaded = keys.load_private_key(path, "kata sandi rahasia")
    assert keys.public_key_of(loaded) == public
    assert keys.key_file_public_key(path) == public
    assert not list(path.parent.glob("*.partial"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows relies on the profile folder's ACL")
def test_private_key_files_are_owner_only_from_the_first_byte(tmp_path):
    path = tmp_path / "office.key"
    path.write_text("old")
    path.chmod(0o644)
    previous = os.umask(0)  # a permissive umask must not widen it
    try:
        keys.save_private_key(path, keys.generate_private_key(), "kata sandi rahasia", role="office")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.real_kdf
def test_default_kdf_is_argon2id_with_real_cost(tmp_path):
    path = tmp_path / "k.key"
    keys.save_private_key(path, keys.generate_private_key(), "kata sandi rahasia", role="office")
    kdf = json.loads(path.read_text("utf-8"))["kdf"]
    assert kdf["memory_cost"] >= 65536 and kdf["iterations"] >= 3


def test_wrong_passphrase_is_clear_and_changes_nothing(key_file):
    path, _ = key_file
    before = path.read_bytes()
    with pytest.raises(keys.WrongPassphrase, match="Kata sandi salah"):
        keys.load_private_key(path, "bukan sandinya")
    assert path.read_bytes() == before
    assert issubclass(keys.WrongPassphrase, keys.KeyFileError)


def test_public_key_swapped_in_key_file_is_refused(key_file, tmp_path):
    path, _ = key_file
    document = json.loads(path.read_text("utf-8"))
    document["public_key"] = keys.public_key_of(keys.generate_private_key()).to_base64()
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(keys.KeyFileError):
        keys.load_private_key(path, "kata sandi rahasia")


@pytest.mark.parametrize("content, message", [
    (None, "tidak ada"),
    ("bukan json", "rusak"),
    (json.dumps({"format": "lain"}), "bukan berkas kunci"),
    (json.dumps({"format": keys.KEY_FILE_FORMAT, "version": 99}), "versi"),
])
def test_unusable_key_files_name_the_problem(tmp_path, content, message):
    path = tmp_path / "office.key"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(keys.KeyFileError, match=message):
        keys.load_private_key(path, "kata sandi rahasia")


def test_short_passphrase_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "office.key"
    with pytest.raises(keys.KeyFileError, match="terlalu pendek"):
        keys.save_private_key(path, keys.generate_private_key(), "pendek", role="office")
    assert not path.exists()


def test_fingerprint_is_eight_groups_of_four_digits_and_distinct():
    first = keys.public_key_of(keys.generate_private_key())
    second = keys.public_key_of(keys.generate_private_key())
    assert re.fullmatch(r"\d{4}( \d{4}){7}", first.fingerprint)
    assert first.fingerprint != second.fingerprint
    assert keys.load_public_key(first.to_minisign()).fingerprint == first.fingerprint


def test_load_public_key_accepts_file_text_line_and_key_file(key_file, tmp_path):
    path, private_key = key_file
    public = keys.public_key_of(private_key)
    pub_file = tmp_path / "office.pub"
    pub_file.write_text(public.to_minisign(), "utf-8")
    assert keys.load_public_key(pub_file) == public
    assert keys.load_public_key(str(pub_file)) == public
    assert keys.load_public_key(public.to_minisign()) == public
    assert keys.load_public_key(public.to_base64()) == public
    assert keys.load_public_key(path) == public
    with pytest.raises(keys.KeyFileError):
        keys.load_public_key("untrusted comment: x\nQUJD\n")


def test_minisign_sign_verify_and_failures():
    private_key = keys.generate_private_key()
    public = keys.public_key_of(private_key)
    signature = keys.minisign_sign(private_key, public.key_id, b"data", "komentar tepercaya")
    assert keys.minisign_verify(public, b"data", signature) == "komentar tepercaya"
    with pytest.raises(keys.SignatureError) as changed:
        keys.minisign_verify(public, b"Data", signature)
    assert changed.value.reason == "bad_signature"
    forged_comment = signature.replace(b"komentar tepercaya", b"komentar palsu!!!!")
    with pytest.raises(keys.SignatureError) as comment:
        keys.minisign_verify(public, b"data", forged_comment)
    assert comment.value.reason == "bad_signature"
    other = keys.public_key_of(keys.generate_private_key())
    with pytest.raises(keys.SignatureError) as wrong:
        keys.minisign_verify(other, b"data", signature)
    assert wrong.value.reason == "wrong_key"
    with pytest.raises(keys.SignatureError) as malformed:
        keys.minisign_verify(public, b"data", b"bukan tanda tangan")
    assert malformed.value.reason == "signature_malformed"


MINISIGN = shutil.which("minisign")


@pytest.mark.skipif(MINISIGN is None, reason="minisign binary not installed (Debian package 'minisign')")
def test_minisign_tool_verifies_our_signature_and_we_verify_its(tmp_path):
    private_key = keys.generate_private_key()
    public = keys.public_key_of(private_key)
    data = tmp_path / "manifest.json"
    data.write_bytes(b'{"contoh": true}\n')
    (tmp_path / "manifest.json.minisig").write_bytes(
        keys.minisign_sign(private_key, public.key_id, data.read_bytes(), "paket contoh"))
    result = subprocess.run([MINISIGN, "-Vm", str(data), "-P", public.to_base64()],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "paket contoh" in result.stdout
    # and the other way: a key and signature made by minisign itself
    subprocess.run([MINISIGN, "-G", "-W", "-p", str(tmp_path / "m.pub"), "-s", str(tmp_path / "m.key")],
                   capture_output=True, check=True)
    other = tmp_path / "other.txt"
    other.write_bytes(b"ditandatangani minisign\n")
    subprocess.run([MINISIGN, "-S", "-s", str(tmp_path / "m.key"), "-m", str(other), "-t", "dari alat"],
                   capture_output=True, check=True)
    theirs = keys.load_public_key(tmp_path / "m.pub")
    assert keys.minisign_verify(theirs, other.read_bytes(), (tmp_path / "other.txt.minisig").read_bytes()) \
        == "dari alat"
