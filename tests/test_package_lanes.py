"""The hashing lanes (``models.package.lanes``): export and verify hash on several threads for
large packages and inline for small ones. Test packages are small, so here the threaded path
is forced (``THREADED_FROM = 0``) and must give exactly what the inline path gives: the same
bytes written, the same digests, the same verdicts on a tampered file."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest

from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE, DEMO_PROVINCE_PASSPHRASE, DEMO_YEAR, demo_province_dir, seed_demo
from models.package import lanes as lanes_module
from models.package.container import hash_container, open_container
from models.package.format import PackageError
from models.package.verify import verify_package
from models.package.write import prepare_export, write_package_hashed
from models.store import Store


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("lanes")
    data_dir = root / "data"
    with Store(data_dir) as store:
        seed_demo(store)
        assessment = store.latest_assessment(store.office(), DEMO_YEAR)
        prepared = prepare_export(store, assessment, keys.office_certificate_path(data_dir).read_bytes())
    return root, data_dir, prepared


def _write(exported, name, threaded, monkeypatch, key=None):
    root, data_dir, prepared = exported
    monkeypatch.setattr(lanes_module, "THREADED_FROM", 0 if threaded else 1 << 60)
    key = key or keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
    return write_package_hashed(prepared, root / name, key)


def test_threaded_and_inline_write_the_same_file_and_hash(exported, monkeypatch):
    inline, inline_sha = _write(exported, "inline.merit", False, monkeypatch)
    threaded, threaded_sha = _write(exported, "threaded.merit", True, monkeypatch)
    # Ed25519 is deterministic: the same manifest, key and bytes give the same file
    assert inline.read_bytes() == threaded.read_bytes()
    assert inline_sha == threaded_sha == hashlib.sha256(threaded.read_bytes()).hexdigest()


def test_threaded_export_with_a_key_still_decrypting_signs_what_verifies(exported, monkeypatch):
    _, data_dir, _ = exported
    unlocking = keys.KeyUnlock(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
    out, sha = _write(exported, "unlocking.merit", True, monkeypatch, key=unlocking)
    province = keys.load_private_key(demo_province_dir(data_dir) / "province.key", DEMO_PROVINCE_PASSPHRASE)
    report = verify_package(out, [keys.public_key_of(province)])
    assert report.ok, report.message
    assert sha == hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_wrong_passphrase_stops_a_threaded_export_and_leaves_nothing(exported, monkeypatch):
    root, data_dir, _ = exported
    unlocking = keys.KeyUnlock(keys.office_key_path(data_dir), "bukan kata sandinya")
    with pytest.raises(keys.WrongPassphrase):
        _write(exported, "salah.merit", True, monkeypatch, key=unlocking)
    assert not list(root.glob("*salah*"))


def test_threaded_export_refuses_a_changed_blob_and_leaves_nothing(exported, monkeypatch, tmp_path):
    root, data_dir, prepared = exported
    entry, blob = prepared.blobs[0]
    original = blob.read_bytes()
    try:
        blob.write_bytes(bytes([original[0] ^ 1]) + original[1:])
        with pytest.raises(PackageError, match="SHA-256 berubah"):
            _write(exported, "rusak.merit", True, monkeypatch)
    finally:
        blob.write_bytes(original)
    assert not list(root.glob("*rusak*")) and not list(root.glob(".*partial"))


@pytest.mark.parametrize("threaded", [False, True])
def test_the_verify_pass_gives_the_same_digests_and_verdicts(signed_demo, monkeypatch, tmp_path, threaded):
    monkeypatch.setattr(lanes_module, "THREADED_FROM", 0 if threaded else 1 << 60)
    data = signed_demo.package.read_bytes()
    container = open_container(signed_demo.package)
    hashed = hash_container(container)
    assert hashed.blake2b == hashlib.blake2b(data[:container.signed_length], digest_size=64).digest()
    for entry in container.entries:
        content = data[entry.data_offset:entry.data_offset + entry.size]
        assert hashed.sha256[entry.name] == hashlib.sha256(content).hexdigest()
        assert hashed.crc_ok[entry.name]
    assert verify_package(signed_demo.package, [signed_demo.province_public]).ok
    # one flipped byte inside the last evidence entry: the signature no longer holds
    last = container.entries[-1]
    tampered = bytearray(data)
    tampered[last.data_offset] ^= 0xFF
    path = tmp_path / "diubah.merit"
    path.write_bytes(bytes(tampered))
    report = verify_package(path, [signed_demo.province_public])
    assert (report.ok, report.reason) == (False, "bad_signature")


def test_each_lane_sees_every_chunk_in_order():
    seen: list[list[int]] = [[], []]
    with lanes_module.Lanes(2, size=4) as lanes:
        for number in range(3 * lanes_module.DEPTH):  # more chunks than buffers: they come back
            buffer = lanes.buffer()
            buffer[:1] = bytes([number])
            lanes.feed(buffer, 4, [(0, lambda view: seen[0].append(view[0])),
                                   (1, lambda view: (time.sleep(0.0005), seen[1].append(view[0])))])
        lanes.wait()
        assert seen == [list(range(3 * lanes_module.DEPTH))] * 2


def test_a_lane_error_is_raised_by_wait_once_and_the_buffers_keep_flowing():
    def broken(view):
        raise ValueError("lane rusak")

    fed = 0
    with lanes_module.Lanes(2, size=4) as lanes:
        for _ in range(3 * lanes_module.DEPTH):  # would hang if a failed lane kept its buffers
            lanes.feed(lanes.buffer(), 4, [(0, lambda view: None), (1, broken)])
            fed += 1
        with pytest.raises(ValueError, match="lane rusak"):
            lanes.wait()
        lanes.wait()
    assert fed == 3 * lanes_module.DEPTH
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("merit-hash")]
