"""The ``--self-test`` step that proves the bundle can print: the demo assessment's report
is painted to PDF with the bundled font (resources/fonts) and checked page by page.

``main.py`` runs it after the Qt step (which makes the QApplication); it uses the demo
assessment the core chain left in the context and is skipped when the chain broke first.
"""

from __future__ import annotations

import re

from models.selftest import Skipped, Step


def run_pdf_check(ctx) -> str:
    from documents.fonts import register_fonts
    from documents.qt_app import ensure_gui_application
    from documents.report_pdf import report_pdf_bytes
    from models.report_data import build_report

    if ctx is None or ctx.store is None or ctx.assessment is None:
        raise Skipped("data contoh tidak tersedia (langkah sebelumnya gagal)")
    ensure_gui_application()
    family = register_fonts()
    report = build_report(ctx.store, ctx.store.assessment(ctx.assessment.id))
    data = report_pdf_bytes(report)
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise RuntimeError("keluaran bukan PDF yang utuh")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    if pages < 3:
        raise RuntimeError(f"PDF hanya {pages} halaman")
    if b"DejaVu" not in data:
        raise RuntimeError(f"fon bawaan tidak tertanam di PDF (fon terdaftar: {family})")
    return f"{pages} halaman, {len(data) // 1024} KB, fon {family}"


PDF_STEP = Step("laporan PDF", 16, run_pdf_check)
