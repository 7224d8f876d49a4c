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
    from tests.test_package import make_demo_package

    return make_demo_package(tmp_path_factory.mktemp("signed-demo"))
