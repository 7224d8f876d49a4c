"""Shipped instruments are trusted at start by their SHA-256 (issue 17): the list of digests
is kept in sync here, where every shipped file is also validated in full."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.instrument import (
    SHIPPED_DIGESTS_FILE,
    InstrumentError,
    InstrumentRegistry,
    check_shipped_digests,
    shipped_digests,
)
from models.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_digest_list_matches_every_shipped_instrument_and_each_validates():
    check_shipped_digests(resource_path("instruments"))
    check_shipped_digests(resource_path("instruments", "archive"))
    assert "esm-2026.json" in shipped_digests(resource_path("instruments"))


def _shipped_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "instruments"
    directory.mkdir()
    for name in ("esm-2026.json", "instrument.schema.json", SHIPPED_DIGESTS_FILE):
        (directory / name).write_bytes(resource_path("instruments", name).read_bytes())
    return directory


def test_changed_bytes_are_validated_in_full_not_trusted(tmp_path):
    directory = _shipped_copy(tmp_path)
    path = directory / "esm-2026.json"
    raw = json.loads(path.read_text("utf-8"))
    raw["aspects"][0]["unexpected"] = True  # the schema forbids extra fields; semantics do not look
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(InstrumentError, match="unexpected"):
        InstrumentRegistry([directory])
    with pytest.raises(InstrumentError):
        check_shipped_digests(directory)


def test_a_stale_digest_list_fails_the_check(tmp_path):
    directory = _shipped_copy(tmp_path)
    (directory / SHIPPED_DIGESTS_FILE).write_text("0" * 64 + "  esm-2026.json\n" + "1" * 64 + "  gone.json\n")
    with pytest.raises(InstrumentError, match="esm-2026.json"):
        check_shipped_digests(directory)


def test_start_path_never_imports_jsonschema_or_the_cli():
    code = ("import sys; from models.instrument import shipped_registry; shipped_registry().default(); "
            "import ui.app, ui.main_window; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'cli')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": "/tmp"})
    assert result.stdout.strip() == "[]"
