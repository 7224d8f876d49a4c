"""Demo data: a real kabupaten with a fully answered assessment and small evidence files,
so a newcomer sees a realistic state at once (``python main.py demo``)."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from models.settings import OPERATOR_NAME
from models.store import Store
from models.texts import Said

DEMO_OFFICE_CODE = "19.01"  # Kabupaten Bangka, Kepulauan Bangka Belitung
DEMO_OFFICE_NAME = "BKPSDM Kabupaten Bangka"
DEMO_YEAR = 2026
DEMO_OPERATOR = "Operator Contoh"
# A plausible office: strong on planning and digital data, weaker on talent management.
DEMO_LEVEL_PATTERN = {"A1": 3, "A2": 2, "A3": 3, "A4": 2, "A5": 3, "A6": 3, "A7": 2, "A8": 4}
DEMO_HISTORY = ((2021, 160.5, "Data contoh"), (2022, 212.0, "Data contoh"), (2023, 268.5, "Data contoh"))
# Demo keys: passphrases are public on purpose (README); never use them for real data.
DEMO_OFFICE_PASSPHRASE = "kantor-contoh-2026"
DEMO_PROVINCE_PASSPHRASE = "provinsi-contoh-2026"
DEMO_PROVINCE_DIR = "demo-province"
# The GUI's demo is a data folder of its own, inside the real one, marked by a file, so
# trying the app never writes into the office's real data and can be left at any time.
DEMO_DIR_NAME = "demo"
DEMO_MARKER = "DATA-CONTOH.txt"


def demo_data_dir(data_dir: Path) -> Path:
    return Path(data_dir) / DEMO_DIR_NAME


def is_demo_dir(data_dir: Path) -> bool:
    return (Path(data_dir) / DEMO_MARKER).is_file()


def open_demo(data_dir: Path) -> tuple[Store, dict]:
    """Open (creating and seeding it the first time) the demo folder beside the real data in
    ``data_dir``; returns its store, which the caller closes, and the seed summary."""
    from models.settings import MODE, MODE_OFFICE

    folder = demo_data_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / DEMO_MARKER
    if not marker.is_file():
        marker.write_text("Folder data contoh Merit Luring. Bukan data kantor; boleh dihapus.\n", "utf-8")
    store = Store(folder)
    try:
        info = seed_demo(store)
        store.set_setting(MODE, MODE_OFFICE)
    except BaseException:
        store.close()
        raise
    return store, info


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
    store.set_setting(OPERATOR_NAME, store.setting(OPERATOR_NAME) or DEMO_OPERATOR)
    for year, nilai, note in DEMO_HISTORY:
        store.record_legacy_result(office, year, nilai, note=note)
    assessment = store.latest_assessment(office, DEMO_YEAR) or store.create_assessment(
        office, DEMO_YEAR, who=DEMO_OPERATOR
    )
    instrument = store.instrument_of(assessment)
    if not assessment.locked:
        for gate in instrument.gates:  # the demo office has answered its opening questions
            if gate.id not in (assessment.gates or {}):
                store.set_gate(assessment, gate.id, gate.default, who=DEMO_OPERATOR)
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
    keys = seed_demo_keys(store, office)
    if not assessment.locked:
        from models.lifecycle import finalize
        from models.validation import can_finalize, validation_issues

        if can_finalize(validation_issues(store, assessment)):
            # The demo has no survey figure S: finalized as maturity only, as the audit trail says.
            assessment = finalize(store, assessment, DEMO_OPERATOR, without_survey=True)
    result = store.score(assessment)
    return {
        "office": f"{office.code} {office.name}",
        "year": assessment.year,
        "assessment_id": assessment.id,
        "answered": result.answered,
        "applicable": result.applicable,
        "index": result.index,
        "headline_kind": result.headline_kind,
        "band": result.band.label if result.band else None,
        "band_estimate": result.band_estimate.label if result.band_estimate else None,
        "provisional": result.provisional,
        "evidence_files": len(store.evidence(assessment)),
        "status": assessment.status,
        "revision": assessment.revision,
        **keys,
    }


def demo_province_dir(data_dir: Path) -> Path:
    return Path(data_dir) / DEMO_PROVINCE_DIR


def seed_demo_keys(store: Store, office) -> dict:
    """A demo province key pair, the office key, and the office enrolled with that province
    (certificate imported, province key trusted). Leaves existing keys alone."""
    from models import keys
    from models.certificates import issue_certificate, make_enrolment_request, read_enrolment_request

    data_dir = store.data_dir
    province_dir = demo_province_dir(data_dir)
    province_key_file = province_dir / "province.key"
    province_pub_file = province_dir / "province.pub"
    if province_key_file.is_file():
        province_private = keys.load_private_key(province_key_file, DEMO_PROVINCE_PASSPHRASE)
    else:
        province_private = keys.generate_private_key()
        keys.save_private_key(province_key_file, province_private, DEMO_PROVINCE_PASSPHRASE, role=keys.PROVINCE_ROLE)
    province_public = keys.public_key_of(province_private)
    keys.write_atomic(province_pub_file, province_public.to_minisign().encode("ascii"))
    trusted = keys.trusted_keys_dir(data_dir) / f"demo-province-{office.province_code}.pub"
    keys.write_atomic(trusted, province_public.to_minisign().encode("ascii"))

    office_key_file = keys.office_key_path(data_dir)
    certificate_file = keys.office_certificate_path(data_dir)
    summary = {"office_key": str(office_key_file), "office_passphrase": DEMO_OFFICE_PASSPHRASE,
               "province_key": str(province_key_file), "province_public_key": str(province_pub_file),
               "province_passphrase": DEMO_PROVINCE_PASSPHRASE}
    if office_key_file.is_file():
        office_public = keys.key_file_public_key(office_key_file)
        if not certificate_file.is_file():
            office_private = keys.load_private_key(office_key_file, DEMO_OFFICE_PASSPHRASE)
        else:
            office_private = None
    else:
        office_private = keys.generate_private_key()
        keys.save_private_key(office_key_file, office_private, DEMO_OFFICE_PASSPHRASE, role=keys.OFFICE_ROLE)
        office_public = keys.public_key_of(office_private)
        keys.write_atomic(keys.office_public_key_path(data_dir), office_public.to_minisign().encode("ascii"))
    if not certificate_file.is_file():
        request = read_enrolment_request(
            make_enrolment_request(office.code, office.name, office_public, office_private))
        certificate = issue_certificate(
            request, province_private, province_public, office.province_code,
            date(DEMO_YEAR, 1, 1), date(DEMO_YEAR + 10, 12, 31), f"DEMO-{office.code}-1")
        keys.write_atomic(certificate_file, certificate)
    summary["office_fingerprint"] = office_public.fingerprint
    summary["province_fingerprint"] = province_public.fingerprint
    return summary


DEMO_VERIFIER = "Verifikator Contoh"


def seed_demo_province(store: Store, office_data_dir: Path) -> dict:
    """Make this (empty or demo) installation the demo province of the demo office made by
    ``seed_demo`` in ``office_data_dir``: the demo province key copied in, province mode set,
    and the demo office's certificate recorded as enrolled, so the office's package imports
    here and results signed here import at the office (README, "the whole loop")."""
    from models import keys, regions
    from models.certificates import CertificateError, read_certificate
    from models.province_tables import EnrolledOffice
    from models.settings import MODE, MODE_PROVINCE, PROVINCE_CODE

    source = demo_province_dir(office_data_dir)
    certificate_file = keys.office_certificate_path(Path(office_data_dir))
    if not (source / "province.key").is_file() or not certificate_file.is_file():
        raise ValueError(Said("demo_no_office_data", folder=office_data_dir))
    try:
        certificate = read_certificate(certificate_file.read_bytes())
    except CertificateError as exc:
        raise ValueError(Said("demo_certificate_unreadable", file=certificate_file, reason=exc.said)) from exc
    code = certificate.province_code
    office = store.office()
    if office is not None and office.code != code:
        raise ValueError(Said("demo_folder_used", office=office.code))
    data_dir = store.data_dir
    for role_file, target in (("province.key", keys.private_key_path(data_dir, keys.PROVINCE_ROLE)),
                              ("province.pub", keys.public_key_path(data_dir, keys.PROVINCE_ROLE))):
        if not target.is_file():
            keys.write_atomic(target, (source / role_file).read_bytes(), mode=0o600 if role_file.endswith("key")
                              else None)
    with store.db.atomic():
        store.ensure_office(code, regions.region(code).name)
        store.set_setting(MODE, MODE_PROVINCE)
        store.set_setting(PROVINCE_CODE, code)
        store.set_setting(OPERATOR_NAME, store.setting(OPERATOR_NAME) or DEMO_VERIFIER)
        if EnrolledOffice.get_or_none(EnrolledOffice.serial == certificate.serial) is None:
            EnrolledOffice.create(
                serial=certificate.serial, office_code=certificate.office_code, office_name=certificate.office_name,
                public_key=certificate.office_public_key.to_base64(),
                key_fingerprint=certificate.office_public_key.fingerprint, valid_from=certificate.valid_from,
                valid_until=certificate.valid_until, certificate=certificate.raw, issued_by=DEMO_VERIFIER)
    return {"province": f"{code} {regions.region(code).name}",
            "province_key": str(keys.private_key_path(data_dir, keys.PROVINCE_ROLE)),
            "province_passphrase": DEMO_PROVINCE_PASSPHRASE,
            "enrolled_office": f"{certificate.office_code} {certificate.office_name} ({certificate.serial})",
            "operator": store.setting(OPERATOR_NAME)}
