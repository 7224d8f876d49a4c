"""Windows rules, checked on every OS: file names built from user or package data, paths
under the data folder, replacing a file another program holds open, and where the data
folder is (``%LOCALAPPDATA%``, as the installer's uninstall note says)."""

from __future__ import annotations

import json
import ntpath
import os
import types
from pathlib import PureWindowsPath

import platformdirs
import platformdirs.windows
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import APP_ID, files, paths
from models.instrument import InstrumentError, load_instrument_bytes
from models.package.format import SUFFIX
from models.package.write import default_file_name, evidence_entry_name
from models.winpaths import (
    WINDOWS_MAX_PATH,
    WINDOWS_RESERVED_NAMES,
    windows_name_problem,
    windows_path_problem,
    windows_safe_name,
)
from tests.conftest import REPO

# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["CON", "con", "Prn.txt", "AUX.tar.gz", "NUL", "COM1", "lpt9.pdf", "COM1 .doc"])
def test_reserved_device_names_are_refused_and_made_safe(name):
    assert "dicadangkan" in windows_name_problem(name)
    safe = windows_safe_name(name)
    assert windows_name_problem(safe) is None
    assert safe.startswith("_")


@pytest.mark.parametrize(("name", "expected"), [
    ("laporan. ", "laporan"),
    ("laporan.pdf...", "laporan.pdf"),
    ("a:b.pdf", "a_b.pdf"),  # a colon would address an NTFS alternate data stream
    ('SK "tim" <final>?.pdf', "SK _tim_ _final__.pdf"),
    ("..\\..\\Windows\\x.pdf", "x.pdf"),
    ("../../etc/x.pdf", "x.pdf"),
    ("x\u202efdp.exe", "xfdp.exe"),
    ("Penilaian Mandiri – Kab. Bangka.docx", "Penilaian Mandiri – Kab. Bangka.docx"),
    ("", "berkas"),
    ("...", "berkas"),
])
def test_safe_name_examples(name, expected):
    assert windows_safe_name(name) == expected


@pytest.mark.parametrize(("name", "problem"), [
    ("laporan.", "titik atau spasi"),
    ("laporan ", "titik atau spasi"),
    ("a:b", "terlarang"),
    ("a\tb", "terlarang"),
    ("x\u202efdp.exe", "terlarang"),
    ("..", "khusus"),
    ("x" * 256, "255"),
])
def test_name_problems_are_named(name, problem):
    assert problem in windows_name_problem(name)


@given(st.text(max_size=300), st.integers(min_value=8, max_value=200))
def test_any_text_becomes_a_valid_windows_name_within_the_limit(text, limit):
    safe = windows_safe_name(text, limit=limit)
    assert windows_name_problem(safe) is None, (text, safe)
    assert len(safe) <= limit
    assert PureWindowsPath(safe).name == safe  # one component: no folder, no drive


def test_a_long_extension_yields_to_a_short_limit():
    # Found by hypothesis in CI: the extension alone once left no room under the limit.
    assert windows_safe_name("00.000000", limit=8) == "00.00000"


def test_long_name_is_cut_keeping_its_extension():
    safe = windows_safe_name("Surat Keputusan " * 20 + ".pdf", limit=60)
    assert len(safe) <= 60 and safe.endswith(".pdf")


# --- names the app builds from user and package data --------------------------------------------


@given(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.-]{0,20}", fullmatch=True), st.integers(1, 999), st.text(max_size=200))
def test_evidence_entry_names_are_valid_windows_paths(item_id, position, original_name):
    """A package unzipped on Windows must give valid folders and files; item ids that are no
    valid folder name are refused when the instrument loads (next test)."""
    name = evidence_entry_name(item_id, position, original_name)
    folder, file_name = name.split("/")[1:]
    assert windows_name_problem(file_name) is None, name
    if windows_name_problem(item_id.strip("._-")) is None:
        assert windows_name_problem(folder) is None, name


@pytest.mark.parametrize("item_id", ["CON", "aux", "COM1.1", "NUL-"])
def test_instrument_refuses_item_ids_that_cannot_be_folders_on_windows(item_id):
    raw = json.loads((REPO / "resources" / "instruments" / "esm-2026.json").read_bytes())
    raw["aspects"][0]["items"][0]["id"] = item_id
    with pytest.raises(InstrumentError, match="nama folder di Windows"):
        load_instrument_bytes(json.dumps(raw).encode())


def test_shipped_instrument_item_ids_are_valid_folder_names():
    raw = json.loads((REPO / "resources" / "instruments" / "esm-2026.json").read_bytes())
    for aspect in raw["aspects"]:
        for item in aspect["items"]:
            assert windows_name_problem(item["id"]) is None


@pytest.mark.parametrize(("office_code", "year", "revision"), [("19.01", 2026, 1), ("91.71", 2030, 12)])
def test_default_export_file_name_is_valid_on_windows(office_code, year, revision):
    name = default_file_name(office_code, year, revision)
    assert name.endswith(SUFFIX)
    assert windows_name_problem(name) is None


# --- paths -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "problem"), [
    ("C:foo", "relatif terhadap folder aktif drive C:"),
    ("\\DataMerit", "huruf drive"),
    ("D:\\Data\\CON\\merit.sqlite", "dicadangkan"),
    ("D:\\Data \\merit.sqlite", "titik atau spasi"),
    ("C:\\" + "a\\" * 130 + "merit.sqlite", "batas Windows 259"),
])
def test_path_problems(path, problem):
    assert problem in windows_path_problem(path)


@pytest.mark.parametrize("path", ["C:\\Users\\ani\\AppData\\Local\\MeritLuring\\merit.sqlite",
                                  "\\\\server\\share\\MeritLuring\\backups\\auto-1.sqlite"])
def test_sound_paths_have_no_problem(path):
    assert windows_path_problem(path) is None


def test_data_folder_paths_stay_under_max_path_for_a_long_user_name():
    """The longest paths the app makes under its data folder (evidence blobs and their temp
    files, rotating backups) fit in 259 characters for a 32-character Windows user name."""
    data = ntpath.join("C:\\Users", "n" * 32, "AppData", "Local", APP_ID)
    sha = "f" * 64
    longest = [
        ntpath.join(data, "evidence", sha[:2], sha),
        ntpath.join(data, "evidence", f".{'e' * 32}.partial"),
        ntpath.join(data, "backups", "pre-migration-20261231-235959-v99.sqlite"),
        ntpath.join(data, "packages", f"{sha}.merit"),
        ntpath.join(data, "merit.sqlite-wal"),
    ]
    for path in longest:
        assert windows_path_problem(path) is None, path
        assert len(path) < WINDOWS_MAX_PATH - 60, path  # room for a deeper profile folder


def test_reserved_names_include_every_com_and_lpt_port():
    assert {f"COM{n}" for n in range(1, 10)} <= WINDOWS_RESERVED_NAMES
    assert {f"LPT{n}" for n in range(1, 10)} <= WINDOWS_RESERVED_NAMES


# --- the data folder on Windows ------------------------------------------------------------------


def test_windows_data_folder_is_under_localappdata(monkeypatch):
    """What platformdirs does on win32, run here: the known-folder lookup is faked, the path
    arithmetic is ntpath's. The data must be in LOCALAPPDATA (not the roaming APPDATA)."""
    known_folders = {"CSIDL_LOCAL_APPDATA": "C:\\Users\\ani\\AppData\\Local",
                     "CSIDL_APPDATA": "C:\\Users\\ani\\AppData\\Roaming"}
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", known_folders.__getitem__)
    monkeypatch.setattr(platformdirs.windows, "os", types.SimpleNamespace(path=ntpath, environ=os.environ))

    assert paths.platform_data_dir() == "C:\\Users\\ani\\AppData\\Local\\MeritLuring"


def test_data_dir_defaults_to_the_platform_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(paths, "platform_data_dir", lambda: str(tmp_path / "platform"))
    assert paths.resolve_data_dir() == tmp_path / "platform"


# --- replacing a file another program holds open -----------------------------------------------


def _refuse_replace(monkeypatch, refusals: int):
    """os.replace as Windows does it while another program has the target open."""
    real_replace = os.replace
    calls = []

    def replace(source, target):
        calls.append(target)
        if len(calls) <= refusals:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(files.time, "sleep", lambda seconds: None)
    return calls


def test_write_succeeds_when_the_other_program_lets_go(monkeypatch, tmp_path):
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"lama")
    calls = _refuse_replace(monkeypatch, refusals=3)
    files.write_atomic(target, b"baru")
    assert target.read_bytes() == b"baru"
    assert len(calls) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]


def test_write_gives_up_with_a_plain_message_and_keeps_the_old_file(monkeypatch, tmp_path):
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"lama")
    calls = _refuse_replace(monkeypatch, refusals=1000)
    with pytest.raises(files.FileInUseError) as caught:
        files.write_atomic(target, b"baru")
    assert len(calls) == files.REPLACE_ATTEMPTS
    assert "berkas sedang dibuka program lain; tutup program itu lalu coba lagi" in str(caught.value)
    assert caught.value.path == target
    assert isinstance(caught.value, PermissionError)  # callers that catch OSError still do
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]  # no temp file left behind


def test_retries_wait_between_attempts(monkeypatch, tmp_path):
    _refuse_replace(monkeypatch, refusals=1000)
    pauses = []
    monkeypatch.setattr(files.time, "sleep", pauses.append)
    with pytest.raises(files.FileInUseError):
        files.write_atomic(tmp_path / "x.json", b"{}")
    assert pauses == [files.REPLACE_PAUSE_SECONDS] * (files.REPLACE_ATTEMPTS - 1)
    assert sum(pauses) <= 3  # bounded: the user is told within seconds


def test_permission_errors_are_not_retried_off_windows(monkeypatch, tmp_path):
    calls = _refuse_replace(monkeypatch, refusals=1000)
    monkeypatch.setattr(files, "WINDOWS", False)
    with pytest.raises(PermissionError) as caught:
        files.write_atomic(tmp_path / "x.json", b"{}")
    assert not isinstance(caught.value, files.FileInUseError)
    assert len(calls) == 1

