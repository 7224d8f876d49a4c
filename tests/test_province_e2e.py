"""End to end, by files and verbs: a province, three offices, and the packages that must fail.

Province 19 (Kepulauan Bangka Belitung) and each office have their own data directory; the
only things that cross are files (enrolment request, certificate, profile, packages), as
on a flash drive. Every step is the real verb (``cli.run``, the same code as
``python main.py VERB``); only the answering of items, which has no verb, uses the Store.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from cli import run
from models.store import Store

YEAR = 2026
PASSPHRASE = "kata-sandi-uji-coba"
# code -> (level for every item, evidence files {item: bytes})
OFFICES = {
    "19.01": (3, {"A1.1": b"%PDF anjab abk", "A3.2": b"%PDF kinerja"}),
    "19.02": (2, {"A2.1": b"%PDF talenta"}),
    "19.71": (4, {"A8.1": b"%PDF sistem informasi" * 2000}),
}
REVOKED_OFFICE = "19.04"
FOREIGN_OFFICE = "11.01"  # Kabupaten Simeulue, Aceh


def verb(capsys, *argv) -> tuple[int, str]:
    capsys.readouterr()
    code = run([str(a) for a in argv])
    return code, capsys.readouterr().out


def json_verb(capsys, *argv):
    code, out = verb(capsys, *argv, "--json")
    return code, json.loads(out)


def answered_office(directory: Path, code: str, level: int, evidence: dict[str, bytes]) -> None:
    with Store(directory) as store:
        office = store.ensure_office(code)
        assessment = store.create_assessment(office, YEAR)
        for item in store.instrument_of(assessment).applicable_items(assessment.gates):
            store.set_answer(assessment, item.id, level=level, justification=f"Dokumen {item.id} tersedia.")
        for position, (item_id, content) in enumerate(evidence.items()):
            source = directory / f"scan-{position}.pdf"
            source.write_bytes(content)
            store.add_evidence(assessment, item_id, source)


def office_sends_package(capsys, work: Path, province_dir: Path, code: str, level: int,
                         evidence: dict[str, bytes]) -> Path:
    """Profile, keys, enrolment by files with the province, finalize, export."""
    province_code = code.split(".")[0]
    profile = work / "surel" / f"profil-{province_code}.json"
    if not profile.is_file():
        assert verb(capsys, "province", "profile", "--out", profile, "--data-dir", province_dir)[0] == 0
    office_dir = work / f"kantor-{code}"
    answered_office(office_dir, code, level, evidence)
    assert verb(capsys, "keys", "init", "--data-dir", office_dir)[0] == 0
    request = work / "surel" / f"permintaan-{code}.json"
    assert verb(capsys, "enrol", "request", "--out", request, "--data-dir", office_dir)[0] == 0
    certificate = work / "surel" / f"sertifikat-{code}.json"
    result, enrolled = json_verb(capsys, "province", "enrol", request, "--out", certificate,
                                 "--data-dir", province_dir)
    assert result == 0 and enrolled["office_code"] == code
    # At setup the office imports the province profile; both read the fingerprint by phone.
    result, trusted = json_verb(capsys, "province", "trust", profile, "--data-dir", office_dir)
    assert result == 0 and trusted["province_code"] == province_code
    result, imported = json_verb(capsys, "enrol", "import", certificate, "--data-dir", office_dir)
    assert result == 0
    assert imported["office_fingerprint"] == enrolled["fingerprint"]
    assert imported["province_fingerprint"] == trusted["fingerprint"]
    # No survey figure S in these offices: finalize refuses until told so explicitly.
    assert verb(capsys, "finalize", "--year", YEAR, "--data-dir", office_dir)[0] == 2
    assert verb(capsys, "finalize", "--year", YEAR, "--without-survey", "--data-dir", office_dir)[0] == 0
    package = work / f"paket-{code}.merit"
    assert verb(capsys, "export", "--year", YEAR, "--out", package, "--data-dir", office_dir)[0] == 0
    return package


def tamper(package: Path, target: Path) -> Path:
    """A copy whose first evidence file changed after signing (same length, in place)."""
    with zipfile.ZipFile(package) as source:
        entry = next(info for info in source.infolist() if info.filename.startswith("evidence/"))
    data = bytearray(package.read_bytes())
    data[entry.header_offset + 30 + len(entry.filename)] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def test_province_collects_checks_and_consolidates(tmp_path, capsys, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", PASSPHRASE)
    province_dir = tmp_path / "bkd-provinsi"
    result, init = json_verb(capsys, "province", "init", "--province", "19", "--data-dir", province_dir)
    assert result == 0
    result, profile = json_verb(capsys, "province", "profile", "--out", tmp_path / "profil-19.json",
                                "--data-dir", province_dir)
    assert result == 0 and profile["fingerprint"] == init["fingerprint"] and profile["revoked"] == []

    flash_drive = tmp_path / "flashdisk"
    flash_drive.mkdir()
    packages = {code: office_sends_package(capsys, tmp_path, province_dir, code, level, evidence)
                for code, (level, evidence) in OFFICES.items()}
    for package in packages.values():
        package.rename(flash_drive / package.name)
    tamper(flash_drive / "paket-19.02.merit", flash_drive / "paket-19.02-salinan.merit")

    revoked = office_sends_package(capsys, tmp_path, province_dir, REVOKED_OFFICE, 3, {})
    revoked.rename(flash_drive / revoked.name)
    result, revocation = json_verb(capsys, "province", "revoke", REVOKED_OFFICE, "--reason", "laptop hilang",
                                   "--data-dir", province_dir)
    assert result == 0 and len(revocation) == 1
    result, profile = json_verb(capsys, "province", "profile", "--out", tmp_path / "profil-19-baru.json",
                                "--data-dir", province_dir)
    assert profile["revoked"] == [revocation[0]["serial"]]

    aceh_dir = tmp_path / "bkd-aceh"
    assert verb(capsys, "province", "init", "--province", "11", "--data-dir", aceh_dir)[0] == 0
    foreign = office_sends_package(capsys, tmp_path, aceh_dir, FOREIGN_OFFICE, 4, {})
    (flash_drive / "lampiran surel").mkdir()  # folders below the chosen one are searched too
    foreign.rename(flash_drive / "lampiran surel" / foreign.name)

    result, imported = json_verb(capsys, "import", flash_drive, "--data-dir", province_dir)
    assert result == 1  # something was rejected
    outcomes = {Path(o["path"]).name: (o["outcome"], o["reason"]) for o in imported["outcomes"]}
    assert outcomes == {
        "paket-19.01.merit": ("accepted", None),
        "paket-19.02.merit": ("accepted", None),
        "paket-19.71.merit": ("accepted", None),
        "paket-19.02-salinan.merit": ("rejected", "bad_signature"),
        f"paket-{REVOKED_OFFICE}.merit": ("rejected", "certificate_revoked"),
        f"paket-{FOREIGN_OFFICE}.merit": ("rejected", "office_not_in_province"),
    }
    assert imported["counts"] == {"accepted": 3, "duplicate": 0, "superseded": 0, "conflict": 0, "rejected": 3}
    stored = sorted(p.name for p in (province_dir / "packages").iterdir() if p.name != "rejected.jsonl")
    assert len(stored) == 3 and all(not name.startswith(".") for name in stored)
    # the CLI import records the three refusals like the GUI (models.rejections, one home)
    assert len((province_dir / "packages" / "rejected.jsonl").read_text("utf-8").splitlines()) == 3

    # Importing the same three again: all duplicates, exit 0.
    again = [flash_drive / f"paket-{code}.merit" for code in OFFICES]
    result, second = json_verb(capsys, "import", *again, "--data-dir", province_dir)
    assert result == 0 and second["counts"]["duplicate"] == 3

    xlsx = tmp_path / "konsolidasi-2026.xlsx"
    result, table = json_verb(capsys, "consolidate", "--year", YEAR, "--xlsx", xlsx, "--data-dir", province_dir)
    assert result == 0 and table["total"] == 7 and table["received"] == 3
    rows = {row["code"]: row for row in table["rows"]}
    assert (rows["19.01"]["index"], rows["19.01"]["band"], rows["19.01"]["band_estimate"]) == (0.75, None, "perkiraan: Menengah")
    assert (rows["19.02"]["index"], rows["19.02"]["band"], rows["19.02"]["band_estimate"]) == (0.5, None, "perkiraan: Lanjutan")
    assert (rows["19.71"]["index"], rows["19.71"]["band"], rows["19.71"]["band_estimate"]) == (1.0, None, "perkiraan: Tinggi")
    assert rows["19.01"]["aspects"] == [0.75] * 8 and rows["19.01"]["completeness"] == 1.0
    assert all(rows[code]["certificate_state"] == "berlaku" for code in OFFICES)
    assert {code for code, row in rows.items() if row["status"] == "missing"} == {"19.03", "19.05", "19.06"}
    # the revoked office's package arrived and was refused: 'Ditolak', not 'Belum mengirim'
    assert rows[REVOKED_OFFICE]["status"] == "rejected"

    sheet = load_workbook(xlsx).active
    header = [cell.value for cell in sheet[1]]
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(by_code) == 7
    assert by_code["19.01"]["Indeks"] == 0.75 and by_code["19.01"]["Predikat"] == "perkiraan: Menengah"
    assert by_code["19.71"]["Indeks"] == 1.0 and by_code["19.71"]["Sertifikat"] == "berlaku"
    assert by_code["19.04"]["Status"] == "Ditolak" and by_code["19.04"]["Indeks"] is None  # refused, no score
