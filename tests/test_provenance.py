"""Every figure and text of the shipped instrument says what it rests on, and the
project's own wording is kept apart from instrument text."""

from __future__ import annotations

import json

from cli import run
from models.instrument import instrument_provenance, shipped_registry
from models.paths import resource_path
from models.provenance import OFFICIAL_CHANNEL, PROVENANCE_KINDS, PROVENANCE_SUMMARY
from tests.conftest import REPO


def raw_instrument() -> dict:
    return json.loads(resource_path("instruments", "esm-2026.json").read_bytes())


def test_every_weight_band_table_and_text_block_carries_a_provenance():
    raw = raw_instrument()
    assert set(raw["provenance_legend"]) == set(PROVENANCE_KINDS)
    scoring = raw["scoring"]
    assert scoring["bands_basis"]["provenance"] == "reported"  # P23
    assert scoring["formula_basis"]["provenance"] == "reported"  # P22
    assert scoring["aggregation_basis"]["provenance"] == "provisional"
    for aspect in raw["aspects"]:
        assert aspect["provenance"] in PROVENANCE_KINDS
        assert aspect["weight_basis"]["provenance"] in PROVENANCE_KINDS and aspect["weight_basis"]["source"]
        for item in aspect["items"]:
            assert item["provenance"] == "transcription", item["id"]  # G1
    assert all(gate["provenance"] == "transcription" for gate in raw["gates"])
    kinds = {a["id"]: a["weight_basis"]["provenance"] for a in raw["aspects"]}
    assert kinds == {"A1": "regulation", "A8": "reported",
                     **{f"A{n}": "provisional" for n in range(2, 8)}}
    assert raw["aspects"][0]["provenance"] == "regulation"  # aspect 1 text matched word for word (P21)


def test_project_wording_is_a_note_not_instrument_text(instrument):
    # A6.4d level 2 is truncated in the source: the source text stays, the completion is a note.
    level = instrument.item("A6.4d").levels[2]
    assert level.descriptor.startswith("Pegawai ASN yang memenuhi persyaratan")
    assert "jaminan kesehatan" in level.project_note
    # Evidence lists are the source's; the project's per-document split is a note.
    assert instrument.item("A4.3").evidence[0].startswith("Dokumen Analisis Kebutuhan Diklat (AKD); Analisis")
    assert len(instrument.item("A6.4b").evidence) == 2 and instrument.item("A6.4b").evidence_project_note
    assert instrument.item("A3.3").evidence[1] == "c. Contoh Hasil penilaian atasan/unit kerja organisasi"
    assert not instrument.gate("jenis_instansi").note and instrument.gate("jenis_instansi").project_note
    incident = instrument.gate("kecelakaan_kerja")
    assert incident.question.endswith("(jika ya, lanjut ke pertanyaan jaminan kecelakaan)") and incident.project_note
    project_strings = [lv for item in instrument.items for lv in item.levels if lv.project_note]
    project_strings += [i for i in instrument.items if i.evidence_project_note]
    project_strings += [g for g in instrument.gates if g.project_note]
    assert len(project_strings) == 1 + 4 + 3  # A6.4d L2; 4 evidence lists; 3 gate notes


def test_changelog_no_longer_claims_the_ladders_were_written_out():
    first = next(entry for entry in raw_instrument()["changelog"] if entry["version"] == "2026.1")
    assert not any(change.startswith(("A6.3 skor 0–3", "A6.4a skor 0–2", "A6.4b pertanyaan dan skor"))
                   for change in first["changes"])
    assert any("kata demi kata dari transkripsi" in change for change in first["changes"])


def test_instrument_json_and_text_say_where_figures_come_from(capsys):
    assert run(["instrument", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["aspects"][7]["weight_basis"]["provenance"] == "reported"
    assert data["scoring"]["bands_basis"]["provenance"] == "reported"
    assert run(["instrument"]) == 0
    text = capsys.readouterr().out
    assert "Pita predikat: dilaporkan" in text and "[dilaporkan]" in text and "[peraturan]" in text
    assert "(catatan proyek:" in text and OFFICIAL_CHANNEL in text


def test_manifest_provenance_block(instrument):
    block = instrument_provenance(instrument)
    assert block["bands"] == "reported" and block["weights"]["A8"] == "reported"
    assert block["sequence"] == instrument.sequence == 2


def test_the_old_release_is_kept_so_its_packages_still_verify():
    registry = shipped_registry()
    old = registry.by_hash("dd1fa7b39a97fcf398352aa86bad18176d82b2b3e7a2393cf37040f47241185d")
    assert old is not None and old.version == "2026.1"
    assert registry.default().version == "2026.2"  # the highest sequence of an id wins


def test_user_guide_carries_the_shared_statements():
    guide = (REPO / "docs" / "user-guide.md").read_text("utf-8")
    assert OFFICIAL_CHANNEL in guide and PROVENANCE_SUMMARY in guide
