"""A double-click on a .merit file (the installer's file association) opens the GUI on it."""

from __future__ import annotations

import pytest

import main
import ui.app
from models.paths import package_to_open


@pytest.fixture
def package(tmp_path):
    path = tmp_path / "Kiriman Bangka" / "merit-1901-2026-r1.MERIT"
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04")
    return path


def test_an_existing_merit_file_alone_is_a_package_to_open(package):
    assert package_to_open([str(package)]) == package


@pytest.mark.parametrize("argv", [
    [],
    ["verify"],
    ["--data-dir", "D:\\Data"],
])
def test_other_arguments_are_not_a_package(argv):
    assert package_to_open(argv) is None


def test_missing_wrong_suffix_or_extra_arguments_are_not_a_package(package, tmp_path):
    other = tmp_path / "catatan.txt"
    other.write_text("x")
    assert package_to_open([str(tmp_path / "hilang.merit")]) is None
    assert package_to_open([str(other)]) is None
    assert package_to_open([str(package.parent)]) is None
    assert package_to_open(["verify", str(package)]) is None
    assert package_to_open([str(package), "--json"]) is None


def test_main_opens_the_gui_with_the_package(package, monkeypatch):
    started = []
    monkeypatch.setattr(ui.app, "run_gui", lambda argv: started.append(argv) or 0)
    assert main.main([str(package)]) == 0
    assert started == [[str(package)]]


def test_main_sends_a_verb_with_a_package_to_the_cli(package, monkeypatch, capsys):
    monkeypatch.setattr(ui.app, "run_gui", lambda argv: pytest.fail("the GUI must not start"))
    assert main.main(["inspect", str(package)]) != 0  # not a real package: the CLI says so
