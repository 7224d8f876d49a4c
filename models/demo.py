"""Demo data: a real kabupaten with a fully answered assessment and small evidence files,
so a newcomer sees a realistic state at once (``python main.py demo``)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from models.store import Store

DEMO_OFFICE_CODE = "19.01"  # Kabupaten Bangka, Kepulauan Bangka Belitung
DEMO_OFFICE_NAME = "BKPSDM Kabupaten Bangka"
DEMO_YEAR = 2026
DEMO_OPERATOR = "Operator Contoh"
# A plausible office: strong on planning and digital data, weaker on talent management.
DEMO_LEVEL_PATTERN = {"A1": 3, "A2": 2, "A3": 3, "A4": 2, "A5": 3, "A6": 3, "A7": 2, "A8": 4}
DEMO_HISTORY = ((2021, 160.5, "Data contoh"), (2022, 212.0, "Data contoh"), (2023, 268.5, "Data contoh"))


def _minimal_pdf(title: str) -> bytes:
    """A small valid one-page PDF naming the document, so it opens in any viewer."""
    safe = re.sub(r"[()\\]", "", title)[:80]
    stream = f"BT /F1 14 Tf 50 780 Td (Bukti dukung - contoh) Tj 0 -24 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _file_name(text: str) -> str:
    words = re.sub(r"[^\w\s-]", " ", text).split()
    return "_".join(words[:6])[:60] or "bukti"


def seed_demo(store: Store) -> dict:
    """Create (or complete) the demo office, its history and a fully answered assessment."""
    office = store.office() or store.ensure_office(DEMO_OFFICE_CODE, DEMO_OFFICE_NAME)
    store.set_setting("operator_name", store.setting("operator_name") or DEMO_OPERATOR)
    for year, nilai, note in DEMO_HISTORY:
        store.record_legacy_result(office, year, nilai, note=note)
    assessment = store.latest_assessment(office, DEMO_YEAR) or store.create_assessment(
        office, DEMO_YEAR, who=DEMO_OPERATOR
    )
    instrument = store.instrument_of(assessment)
    if not assessment.locked:
        existing = store.answers(assessment)
        applicable = instrument.applicable_items(assessment.gates)
        with tempfile.TemporaryDirectory(prefix="merit-demo-") as scratch:
            for position, item in enumerate(applicable):
                if existing.get(item.id) and existing[item.id].level is not None:
                    continue
                base = DEMO_LEVEL_PATTERN.get(item.aspect_id, 2)
                level = max(instrument.scale_min, min(instrument.scale_max, base + (position % 3) - 1))
                store.set_answer(
                    assessment, item.id, level=level,
                    justification=f"Dokumen pendukung {item.title.lower()} tersedia dan telah ditetapkan.",
                    who=DEMO_OPERATOR,
                )
                if level > instrument.scale_min:
                    for document in item.evidence[:2]:
                        path = Path(scratch) / f"{item.id}_{_file_name(document)}.pdf"
                        path.write_bytes(_minimal_pdf(f"{item.id} {document}"))
                        store.add_evidence(assessment, item.id, path, who=DEMO_OPERATOR, label=document[:120])
    result = store.score(assessment)
    return {
        "office": f"{office.code} {office.name}",
        "year": assessment.year,
        "assessment_id": assessment.id,
        "answered": result.answered,
        "applicable": result.applicable,
        "index": result.index,
        "band": result.band.label,
        "evidence_files": len(store.evidence(assessment)),
    }
