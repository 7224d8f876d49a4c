"""Opening evidence hands the system opener a document or a folder, never a program."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.evidence_viewer import NEUTRAL_EXTENSION, VIEWABLE_EXTENSIONS, extension_of, plan_evidence_view
from models.winpaths import windows_name_problem

# What Windows runs, or lets run, when such a file is "opened".
RUNNABLE = {"exe", "com", "bat", "cmd", "lnk", "url", "scr", "pif", "msi", "js", "jse", "vbs", "vbe", "wsf",
            "hta", "ps1", "cpl", "reg", "jar", "docm", "xlsm", "iso", "zip", "html", "svg", "chm", "appref-ms"}


@pytest.mark.parametrize("name", ["SK Tim.pdf", "x.PDF", "foto.JPeg", "rekap.xlsx", "notulen.docx", "data.csv",
                                  "scan.tif", "catatan.txt", "paparan.pptx", "laporan.odt"])
def test_documents_are_opened_directly_under_their_name(name):
    view = plan_evidence_view(name)
    assert view == plan_evidence_view(name)
    assert not view.open_folder
    assert view.copy_name == name


@pytest.mark.parametrize(("name", "shown_as"), [
    ("x.pdf.bat", "x.pdf.bat.bukti"),
    ("x.lnk", "x.lnk.bukti"),
    ("x\u202efdp.exe", "xfdp.exe.bukti"),  # reads as "xexe.pdf" but is a program
    ("laporan.pdf.exe ", "laporan.pdf.exe.bukti"),
    ("setup.msi", "setup.msi.bukti"),
    ("makro.xlsm", "makro.xlsm.bukti"),
    ("tanpa-ekstensi", "tanpa-ekstensi.bukti"),
    ("CON.bat", "_CON.bat.bukti"),
])
def test_anything_else_opens_the_folder_with_a_neutral_copy(name, shown_as):
    view = plan_evidence_view(name)
    assert view.open_folder
    assert view.copy_name == shown_as
    assert extension_of(view.copy_name) == NEUTRAL_EXTENSION


def test_allow_list_holds_no_runnable_type():
    assert not VIEWABLE_EXTENSIONS & RUNNABLE
    assert NEUTRAL_EXTENSION not in VIEWABLE_EXTENSIONS | RUNNABLE


@given(st.text(max_size=300))
def test_any_name_gives_a_valid_copy_name_that_cannot_run(name):
    view = plan_evidence_view(name)
    assert windows_name_problem(view.copy_name) is None
    assert len(view.copy_name) <= 121 + len(NEUTRAL_EXTENSION)
    opened_extension = extension_of(view.copy_name)
    if view.open_folder:
        assert opened_extension == NEUTRAL_EXTENSION
    else:
        assert opened_extension in VIEWABLE_EXTENSIONS
