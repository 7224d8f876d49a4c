"""Start-up survives bad files: a malformed instrument in <data>/instruments/ is skipped and named."""

from __future__ import annotations

import subprocess
import sys

from models.store import Store
from tests.conftest import REPO


def _bad_instrument(data_dir):
    folder = data_dir / "instruments"
    folder.mkdir(parents=True)
    (folder / "rusak.json").write_text('{"id": "esm-2027", "aspects": [', "utf-8")


def test_a_malformed_instrument_file_is_skipped_and_named(data_dir):
    _bad_instrument(data_dir)
    with Store(data_dir) as store:
        assert store.registry.default().id == "esm-2026"
        assert [s.path.name for s in store.registry.skipped] == ["rusak.json"]
        assert "rusak.json" in store.registry.warnings[0] and "dilewati" in store.registry.warnings[0]


def test_store_commands_go_on_with_a_warning_line_not_a_traceback(data_dir):
    _bad_instrument(data_dir)
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "demo", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Peringatan: Berkas instrumen rusak.json dilewati" in result.stderr



def test_verify_with_a_malformed_instrument_gives_its_verdict_not_a_traceback(data_dir, tmp_path):
    _bad_instrument(data_dir)
    not_a_package = tmp_path / "bukan-paket.merit"
    not_a_package.write_bytes(b"ini bukan zip")
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "verify", str(not_a_package),
                             "--data-dir", str(data_dir)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert "Traceback" not in result.stderr
    assert "rusak.json dilewati" in result.stderr
    assert result.returncode == 1 and "TIDAK SAH" in result.stderr  # a verdict on the package
