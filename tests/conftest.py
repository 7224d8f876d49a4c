"""Shared fixtures. Tests run headless: Qt draws offscreen, data lives in temp dirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("MERIT_LURING_HOME", None)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test may touch the real user data dir or QSettings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MERIT_LURING_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("HOME", str(home))


# Argon2id at its real cost (64 MiB, 3 passes) takes ~0.1 s per key file; tests make and
# open hundreds. Tests that check the real cost ask for it with ``@pytest.mark.real_kdf``.
FAST_KDF = {"memory_cost": 64, "iterations": 1, "lanes": 1}


def pytest_configure(config):
    config.addinivalue_line("markers", "real_kdf: keep the production Argon2id cost for this test")


@pytest.fixture(autouse=True)
def _fast_key_derivation(request, monkeypatch):
    if request.node.get_closest_marker("real_kdf") is None:
        from models import keys

        monkeypatch.setattr(keys, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    from models.store import Store

    opened = Store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def instrument():
    from models.instrument import shipped_registry

    return shipped_registry().default()


@pytest.fixture
def legacy_instrument():
    from models.instrument import load_instrument

    return load_instrument(FIXTURES / "legacy-kasn-fixture.json")


@pytest.fixture
def office(store):
    return store.ensure_office("19.01")


@pytest.fixture
def assessment(store, office):
    return store.create_assessment(office, 2026, who="penguji")


@pytest.fixture(scope="session")
def signed_demo(tmp_path_factory):
    """The demo office's package, exported once for every package test module (read-only)."""
    from tests.test_package import demo_package_for_session

    return demo_package_for_session(tmp_path_factory.mktemp("signed-demo"))
