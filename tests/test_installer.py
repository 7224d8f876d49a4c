"""The Windows installer script and the release workflow agree with the code they ship.

ISCC only runs on Windows (the release workflow); these checks run everywhere so a rename
in the code cannot silently break the installer's promises."""

from __future__ import annotations

import re

from models import APP_ID
from models.package.format import SUFFIX
from tests.conftest import REPO

ISS = (REPO / "installer" / "MeritLuring.iss").read_text("utf-8")
WORKFLOW = (REPO / ".github" / "workflows" / "release.yml").read_text("utf-8")


def _setup(key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", ISS, re.MULTILINE)
    assert match, key
    return match.group(1).strip()


def test_per_user_install_without_administrator_rights():
    assert _setup("PrivilegesRequired") == "lowest"
    assert _setup("DefaultDirName").startswith("{localappdata}\\Programs\\")
    assert "HKLM" not in ISS and "{commonprograms}" not in ISS and "{autopf}" not in ISS


def test_floor_is_windows_10_1809_x64():
    assert _setup("MinVersion") == "10.0.17763"
    assert _setup("ArchitecturesAllowed") == "x64compatible"


def test_program_and_association_match_the_bundle():
    assert f'#define AppExe "{APP_ID}.exe"' in ISS  # build.spec names the GUI after APP_ID
    assert f'Subkey: "Software\\Classes\\{SUFFIX}"' in ISS
    assert re.search(r'shell\\open\\command"; .*ValueData: """\{app\}\\\{#AppExe\}"" ""%1"""', ISS)


def test_uninstaller_names_the_data_folder_the_app_uses():
    """platformdirs puts the data in %LOCALAPPDATA%\\<APP_ID> (tests/test_windows_rules.py)."""
    assert f"ExpandConstant('{{localappdata}}\\{APP_ID}')" in ISS
    assert "TIDAK DIHAPUS" in ISS
    assert "[UninstallDelete]" not in ISS  # nothing of the data folder is ever deleted


def test_workflow_passes_the_version_from_the_code_and_checks_the_frozen_bundle():
    assert "import models; print(models.__version__)" in WORKFLOW
    assert '"/DAppVersion=$env:APP_VERSION" installer\\MeritLuring.iss' in WORKFLOW
    assert "MeritLuring.exe -ArgumentList '--self-test'" in WORKFLOW
    assert "MeritLuring-cli.exe --version" in WORKFLOW
    assert 'python: ["3.11", "3.12", "3.13"]' in WORKFLOW
