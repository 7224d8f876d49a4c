"""The export's printed SHA-256 comes from the write pass itself (issue 17): it equals the
file's hash, for a signed package and for its encrypted envelope, with no second read."""

from __future__ import annotations

import hashlib

from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE, DEMO_YEAR, seed_demo
from models.package.envelope import encrypt_package_hashed
from models.package.write import prepare_export, write_package_hashed
from models.store import Store


def test_written_hash_is_the_files_hash(tmp_path):
    data_dir = tmp_path / "data"
    with Store(data_dir) as store:
        seed_demo(store)
        assessment = store.latest_assessment(store.office(), DEMO_YEAR)
        office_key = keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
        prepared = prepare_export(store, assessment, keys.office_certificate_path(data_dir).read_bytes())
    out, sha256 = write_package_hashed(prepared, tmp_path / "paket.merit", office_key)
    assert sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    province = keys.generate_private_key()
    envelope, envelope_sha256 = encrypt_package_hashed(out, keys.public_key_of(province), tmp_path / "amplop.merit")
    assert envelope_sha256 == hashlib.sha256(envelope.read_bytes()).hexdigest() != sha256
