"""Documents are painted by Qt: a QApplication (pytest-qt's ``qapp``) must exist first, so a
later widget test never meets a bare QGuiApplication."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from models.demo import seed_demo


@pytest.fixture(autouse=True)
def _application(qapp):
    from documents.fonts import register_fonts

    register_fonts()
    return qapp


@pytest.fixture
def demo(store):
    summary = seed_demo(store)
    return store.assessment(summary["assessment_id"])


def pdf_text(path: Path, mode: str = "-layout") -> str:
    """The text of the PDF; ``-raw`` keeps drawing order, so a value wrapped over two lines
    stays together whatever stands beside it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    return subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) tidak terpasang")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
