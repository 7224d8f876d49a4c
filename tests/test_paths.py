"""Resources are found the same way frozen (PyInstaller sets ``sys._MEIPASS``) and unfrozen."""

from __future__ import annotations

import sys

from models import paths
from models.instrument import load_instrument
from tests.conftest import REPO


def test_unfrozen_resources_are_the_repository_folder(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resources_root() == REPO / "resources"
    instrument_file = paths.resource_path("instruments", "esm-2026.json")
    assert instrument_file == REPO / "resources" / "instruments" / "esm-2026.json"
    assert load_instrument(instrument_file).id == "esm-2026"


def test_frozen_resources_are_under_meipass(monkeypatch, tmp_path):
    # A fake bundle: the same layout build.spec produces (``<_MEIPASS>/resources/...``).
    bundle = tmp_path / "_internal"
    instruments = bundle / "resources" / "instruments"
    instruments.mkdir(parents=True)
    (instruments / "marker.txt").write_text("dari bundel", "utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert paths.resources_root() == bundle / "resources"
    found = paths.resource_path("instruments", "marker.txt")
    assert found == instruments / "marker.txt"
    assert found.read_text("utf-8") == "dari bundel"
    # Nothing falls back to the source tree while frozen.
    assert REPO not in paths.resource_path("instruments", "esm-2026.json").parents


def test_build_spec_bundles_resources_where_resource_path_looks():
    # build.spec copies resources/ to "resources" inside the bundle, which is what
    # resources_root() joins onto _MEIPASS; a rename on either side breaks the bundle.
    spec = (REPO / "build.spec").read_text("utf-8")
    assert paths.resources_root().name == "resources"
    assert '(str(ROOT / "resources"), "resources")' in spec
