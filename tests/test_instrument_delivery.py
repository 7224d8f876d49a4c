"""A province delivers an updated instrument through its signed profile; an office takes
it only from a trusted province, never older than what it holds, and moves an open draft
to it after a diff. Final revisions keep the instrument they were scored with."""

from __future__ import annotations

import json

import pytest

from cli import run
from models import keys, province
from models.instrument import shipped_registry
from models.instrument_delivery import trusted_registry, user_instrument_dir
from models.instrument_update import diff_instruments, migrate_assessment, newer_release
from models.lifecycle import finalize
from models.paths import resource_path
from models.store import InstrumentUnavailable, Store
from models.tables import Assessment

PASS = "sandi-provinsi-19"


def instrument_bytes(sequence: int, weights: dict[str, float] | None = None, version: str | None = None) -> bytes:
    """A second release of esm-2026: other weights (still summing to 1), a higher sequence."""
    raw = json.loads(resource_path("instruments", "esm-2026.json").read_bytes())
    raw["sequence"] = sequence
    raw["version"] = version or f"2026.{sequence}"
    for aspect in raw["aspects"]:
        if weights and aspect["id"] in weights:
            aspect["weight"] = weights[aspect["id"]]
    raw["changelog"].insert(0, {"version": raw["version"], "date": "2026-12-05", "changes": ["uji"]})
    return (json.dumps(raw, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# A1 up, A2 down: an office strong in aspect 1 gains.
NEW_WEIGHTS = {"A1": 0.2, "A2": 0.8 / 6 - 0.1}


# peewee binds the tables to one database at a time: a test keeps one Store open at once.


@pytest.fixture
def province_dir(tmp_path):
    with Store(tmp_path / "provinsi") as store:
        province.init_province(store, "19", PASS)
    return tmp_path / "provinsi"


@pytest.fixture
def office_dir(tmp_path):
    with Store(tmp_path / "kantor") as store:
        office = store.ensure_office("19.01")
        assessment = store.create_assessment(office, 2026, who="operator")
        instrument = store.instrument_of(assessment)
        for item in instrument.applicable_items(assessment.gates):
            store.set_answer(assessment, item.id, level=4 if item.aspect_id == "A1" else 1)
    return tmp_path / "kantor"


def deliver_and_export(province_dir, tmp_path, data: bytes | None, name="profil.json"):
    from models.instrument_delivery import deliver_instrument

    with Store(province_dir) as store:
        private = province.unlock(store, PASS)
        if data is not None:
            deliver_instrument(store.data_dir, data, private, "19", store.registry)
            store.registry = trusted_registry(store.data_dir)
        return province.export_profile(store, private, tmp_path / name)


def test_a_delivered_instrument_changes_the_index_with_no_code_change(province_dir, office_dir, tmp_path):
    with Store(office_dir) as office:
        draft = office.latest_assessment(office.office(), 2026)
        before = office.score(draft).index
    profile_path = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    profile = province.import_profile(office_dir, profile_path.read_bytes())
    assert profile.sequence == 1 and len(profile.instrument_files) == 1

    office = Store(office_dir)
    delivered = office.registry.get("esm-2026")
    assert delivered.version == "2026.3"
    signer = office.registry.signer_of(delivered)
    assert signer.province_code == "19" and signer.fingerprint == profile.fingerprint
    assert (user_instrument_dir(office.data_dir) / "esm-2026-3.json.signer.json").is_file()

    draft = office.assessment(draft.id)
    assert office.score(draft).index == before  # nothing moves before the office accepts
    target = newer_release(office, draft)
    assert target is delivered
    diff = diff_instruments(office.instrument_of(draft), target)
    assert [w[0] for w in diff.weights] == ["A1", "A2"] and not diff.items_added and not diff.items_removed
    assert "Bobot A1: 10,00% → 20,00%" in diff.lines()
    migrate_assessment(office, draft, target, "operator")
    draft = office.assessment(draft.id)
    assert draft.instrument_sha256 == target.sha256
    assert office.score(draft).index > before
    assert {a.item_id for a in draft.answers} and office.score(draft).answered == 30  # answers carried by code
    assert any(e.field == "instrument_migrated" for e in office.audit_trail(draft))
    office.close()


def test_an_older_profile_is_refused(province_dir, office_dir, tmp_path):
    first = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS), "profil-1.json")
    second = deliver_and_export(province_dir, tmp_path, None, "profil-2.json")
    province.import_profile(office_dir, second.read_bytes())
    with pytest.raises(province.ProvinceError) as refused:
        province.import_profile(office_dir, first.read_bytes())
    assert refused.value.reason == "profile_rollback"
    assert "lebih lama" in str(refused.value)


def test_a_profile_carrying_an_older_instrument_is_refused(province_dir, office_dir, tmp_path):
    # Sequence 1 is older than the shipped release (2) the office holds: a rollback.
    with pytest.raises(Exception) as refused:
        deliver_and_export(province_dir, tmp_path, instrument_bytes(1, NEW_WEIGHTS))
    assert getattr(refused.value, "reason", "") == "instrument_rollback"


def test_an_instrument_not_signed_by_the_profile_key_is_refused(province_dir, office_dir):
    from models.instrument import load_instrument_bytes
    from models.instrument_delivery import InstrumentDeliveryError, install_instrument, sign_instrument

    with Store(province_dir) as store:
        private = province.unlock(store, PASS)
    data = instrument_bytes(3, NEW_WEIGHTS)
    signature = sign_instrument(data, private, load_instrument_bytes(data))
    forged = data.replace(b'"weight": 0.2', b'"weight": 0.3', 1)
    with Store(office_dir) as office:
        with pytest.raises(InstrumentDeliveryError) as bad:
            install_instrument(office_dir, forged, signature, keys.public_key_of(private), "19", office.registry)
        assert bad.value.reason == "instrument_bad_signature"
        stranger = keys.generate_private_key()
        with pytest.raises(InstrumentDeliveryError):
            install_instrument(office_dir, data, signature, keys.public_key_of(stranger), "19", office.registry)
    assert not user_instrument_dir(office_dir).exists()


def test_an_unsigned_instrument_in_the_data_folder_is_never_used(office_dir):
    folder = user_instrument_dir(office_dir)
    folder.mkdir(parents=True)
    (folder / "esm-2026-9.json").write_bytes(instrument_bytes(9, NEW_WEIGHTS))
    office = Store(office_dir)
    assert office.registry.get("esm-2026").version == "2026.2"
    assert [path.name for path, _ in office.registry.refused] == ["esm-2026-9.json"]
    draft = office.latest_assessment(office.office(), 2026)
    assert newer_release(office, draft) is None
    office.close()


def test_final_revision_keeps_its_instrument_and_stored_scores(province_dir, office_dir, tmp_path):
    with Store(office_dir) as office:
        draft = office.latest_assessment(office.office(), 2026)
        for item in office.instrument_of(draft).applicable_items(draft.gates):
            office.set_answer(draft, item.id, level=0)
        final = finalize(office, draft, "kepala", without_survey=True)
        scored = office.score(final)
    profile_path = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    province.import_profile(office_dir, profile_path.read_bytes())
    office = Store(office_dir)
    final = office.assessment(final.id)
    assert newer_release(office, final) is None
    assert office.instrument_of(final).version == "2026.2"  # its own release, by SHA-256

    # Without its instrument file, a final revision is shown as stored, never re-scored.
    registry = trusted_registry(office.data_dir)
    registry._by_hash.pop(final.instrument_sha256)  # noqa: SLF001 - the file is gone
    office.registry = registry
    with pytest.raises(InstrumentUnavailable):
        office.instrument_of(final)
    shown = office.score(final)
    assert shown.index == scored.index and shown.instrument_sha256 == final.instrument_sha256
    assert shown.band_estimate.code == scored.band_estimate.code and shown.band is None
    assert final.status == Assessment.FINAL
    office.close()


def test_consolidation_says_when_offices_used_different_releases():
    from models import consolidate as cons

    rows = [cons.ConsolidatedRow("19.01", "A", cons.RECEIVED, index=0.5, headline_kind="nism",
                                 instrument="esm-2026 2026.2"),
            cons.ConsolidatedRow("19.02", "B", cons.RECEIVED, index=0.6, headline_kind="nism",
                                 instrument="esm-2026 2026.3")]
    note = cons._instrument_note(cons.Consolidation(2026, "19", "Babel", (), (), rows))  # noqa: SLF001
    assert note and "2026.2" in note[0][1] and "2026.3" in note[0][1]


def test_cli_diff_and_migrate(province_dir, office_dir, tmp_path, capsys):
    profile_path = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    new_file = tmp_path / "baru.json"
    new_file.write_bytes(instrument_bytes(3, NEW_WEIGHTS))
    data_dir = str(office_dir)
    assert run(["instrument", "diff", "esm-2026", str(new_file), "--data-dir", data_dir]) == 0
    assert "Bobot A1: 10,00% → 20,00%" in capsys.readouterr().out
    assert run(["--data-dir", data_dir, "province", "trust", str(profile_path)]) == 0
    capsys.readouterr()
    assert run(["instrument", "migrate", "--year", "2026", "--data-dir", data_dir]) == 0
    shown = capsys.readouterr().out
    assert "Bobot A1" in shown and "--yes" in shown and "Ditandatangani kunci provinsi 19" in shown
    assert run(["instrument", "migrate", "--year", "2026", "--yes", "--json", "--data-dir", data_dir]) == 0
    assert json.loads(capsys.readouterr().out)["migrated"] is True
    assert shipped_registry().default().version == "2026.2"  # the shipped files are untouched


def test_office_refuses_an_instrument_older_than_the_one_it_holds(province_dir, office_dir, tmp_path):
    from models.instrument import load_instrument_bytes
    from models.instrument_delivery import InstrumentDeliveryError, install_instrument, sign_instrument

    first = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    province.import_profile(office_dir, first.read_bytes())  # trusts the key, installs sequence 3
    with Store(province_dir) as store:
        private = province.unlock(store, PASS)

    def signed(data):
        return data, sign_instrument(data, private, load_instrument_bytes(data))

    with Store(office_dir) as office:
        install_instrument(office_dir, *signed(instrument_bytes(4, NEW_WEIGHTS)), keys.public_key_of(private), "19",
                           office.registry)
    with Store(office_dir) as office:
        assert office.registry.get("esm-2026").sequence == 4
        older = instrument_bytes(3, {"A1": 0.15, "A2": 0.8 / 6 - 0.05}, version="2026.3b")
        with pytest.raises(InstrumentDeliveryError) as refused:
            install_instrument(office_dir, *signed(older), keys.public_key_of(private), "19", office.registry)
        assert refused.value.reason == "instrument_rollback"


def test_unsigned_and_malformed_files_are_both_named_and_neither_scores(office_dir):
    """i13's rule (unsigned never scores) beside the rule that a malformed file is skipped and named."""
    folder = user_instrument_dir(office_dir)
    folder.mkdir(parents=True)
    (folder / "esm-2026-9.json").write_bytes(instrument_bytes(9, NEW_WEIGHTS))
    (folder / "rusak.json").write_text('{"id": "esm-2027", "aspects": [', "utf-8")
    with Store(office_dir) as office:
        assert office.registry.get("esm-2026").version == "2026.2" and "esm-2027" not in office.registry
        assert [path.name for path, _ in office.registry.refused] == ["esm-2026-9.json"]
        assert [skipped.path.name for skipped in office.registry.skipped] == ["rusak.json"]
        notices = office.notices
        assert any("rusak.json dilewati" in line for line in notices)
        assert any("esm-2026-9.json tidak dipakai" in line and "tanda tangan" in line for line in notices)


def test_signer_records_beside_delivered_files_are_not_instruments(province_dir, office_dir, tmp_path):
    profile_path = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    province.import_profile(office_dir, profile_path.read_bytes())
    with Store(office_dir) as office:
        assert office.notices == [] and office.registry.skipped == []
    # verify reads the data folder leniently: the .signer.json record is never taken for a bad instrument
    assert shipped_registry(user_instrument_dir(office_dir)).warnings == []


def test_moving_a_draft_keeps_its_history_consistent(province_dir, office_dir, tmp_path):
    from models.history import check_history

    profile_path = deliver_and_export(province_dir, tmp_path, instrument_bytes(3, NEW_WEIGHTS))
    province.import_profile(office_dir, profile_path.read_bytes())
    with Store(office_dir) as office:
        draft = office.latest_assessment(office.office(), 2026)
        migrate_assessment(office, draft, newer_release(office, draft), "operator")
        assert check_history(office) == []
