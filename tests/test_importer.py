"""Importing packages: accepted, duplicate, superseded, rejected; nothing left behind."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from concurrent.futures import wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from models import importer, keys, province
from models.certificates import make_enrolment_request
from models.evidence_source import EvidenceUnavailable, evidence_source
from models.lifecycle import finalize, reopen
from models.package.write import export_package
from models.province_tables import PACKAGES_DIR, ReceivedPackage, received_package_path
from models.store import Store
from models.tables import Answer, Assessment, Evidence, database
from tests.package_builders import manifest_of, read_entries, resign, with_certificate, write_signed


@contextmanager
def active(store: Store) -> Iterator[Store]:
    """Point the tables at ``store`` for a moment: the peewee tables are bound to one
    process-wide database (the last Store opened), and these tests run several sites."""
    previous = database.obj
    database.initialize(store.db)
    try:
        yield store
    finally:
        database.initialize(previous)


def open_aside(directory: Path) -> Store:
    """Open a second store without taking the tables away from the current one."""
    previous = database.obj
    store = Store(directory)
    if previous is not None:
        database.initialize(previous)
    return store

FAST_KDF = {"memory_cost": 1024, "iterations": 1, "lanes": 1}
PROVINCE_PASS = "sandi-provinsi-19"


@dataclass
class ProvinceSite:
    store: Store
    private_key: object

    @classmethod
    def create(cls, directory: Path, code: str = "19", *, aside: bool = False) -> ProvinceSite:
        store = open_aside(directory) if aside else Store(directory)
        with active(store):
            province.init_province(store, code, PROVINCE_PASS, kdf_params=FAST_KDF)
        return cls(store, province.unlock(store, PROVINCE_PASS))

    def enrol(self, request: bytes, **validity) -> bytes:
        with active(self.store):
            return bytes(province.enrol(self.store, request, self.private_key, **validity).certificate)


@dataclass
class OfficeSite:
    """A kabupaten/kota installation: its own store, key and certificate."""

    store: Store
    private_key: object
    certificate: bytes = b""

    @classmethod
    def create(cls, directory: Path, code: str) -> OfficeSite:
        store = open_aside(directory)
        with active(store):
            store.ensure_office(code)
        return cls(store, keys.generate_private_key())

    def request(self) -> bytes:
        with active(self.store):
            office = self.store.office()
        return make_enrolment_request(office.code, office.name, keys.public_key_of(self.private_key),
                                      self.private_key)

    def answer(self, year: int, level: int, evidence: dict[str, bytes] | None = None) -> Assessment:
        """A complete assessment at ``level`` everywhere, with ``evidence`` {item: bytes}."""
        with active(self.store):
            return self._answer(year, level, evidence)

    def _answer(self, year: int, level: int, evidence: dict[str, bytes] | None) -> Assessment:
        office = self.store.office()
        assessment = self.store.latest_assessment(office, year) or self.store.create_assessment(office, year)
        instrument = self.store.instrument_of(assessment)
        for item in instrument.applicable_items(assessment.gates):
            self.store.set_answer(assessment, item.id, level=level, justification=f"Penjelasan {item.id}.")
        for position, (item_id, content) in enumerate((evidence or {}).items()):
            source = self.store.data_dir / f"bukti-{position}.pdf"
            source.write_bytes(content)
            self.store.add_evidence(assessment, item_id, source, label=f"Bukti {item_id}")
        return finalize(self.store, assessment, "Operator", without_survey=True)

    def export(self, assessment: Assessment, out: Path) -> Path:
        with active(self.store):
            return export_package(self.store, assessment, out, self.private_key, self.certificate)


def enrolled_office(tmp_path: Path, site: ProvinceSite, code: str) -> OfficeSite:
    office = OfficeSite.create(tmp_path / f"kantor-{code}", code)
    office.certificate = site.enrol(office.request())
    return office


@pytest.fixture
def site(tmp_path):
    opened = ProvinceSite.create(tmp_path / "provinsi")
    yield opened
    opened.store.close()


@pytest.fixture
def bangka(tmp_path, site):
    office = enrolled_office(tmp_path, site, "19.01")
    yield office
    office.store.close()


def leftovers(store: Store) -> list[str]:
    """The files under packages/, without the rejection record (models.rejections), which a
    refused package adds by design."""
    from models.rejections import FILE_NAME

    packages = store.data_dir / PACKAGES_DIR
    return sorted(p.name for p in packages.iterdir() if p.name != FILE_NAME) if packages.is_dir() else []


def blobs(store: Store) -> list[str]:
    root = store.evidence_store.root
    return sorted(p.name for p in root.glob("??/*")) if root.is_dir() else []


def test_accepted_package_is_stored_whole_with_rows(site, bangka, tmp_path):
    assessment = bangka.answer(2026, 3, {"A1.1": b"%PDF bukti satu", "A2.1": b"%PDF bukti dua" * 1000})
    package = bangka.export(assessment, tmp_path / "kirim" / "bangka.merit")
    outcome = importer.Importer(site.store).import_file(package)
    assert outcome.outcome == importer.ACCEPTED, outcome.message
    stored = site.store.data_dir / "packages" / f"{outcome.sha256}.merit"
    assert stored.read_bytes() == package.read_bytes()
    received = ReceivedPackage.get(ReceivedPackage.sha256 == outcome.sha256)
    imported = received.assessment
    assert (imported.office.code, imported.year, imported.revision, imported.status) == ("19.01", 2026, 1, "final")
    assert imported.office.name == "Kabupaten Bangka"
    assert Answer.select().where(Answer.assessment == imported).count() == len(bangka.store.answers(assessment))
    with active(bangka.store):
        office_index = bangka.store.score(assessment).index
    assert site.store.score(imported).index == office_index
    evidence = {row.item_id: row for row in Evidence.select().where(Evidence.assessment == imported)}
    assert set(evidence) == {"A1.1", "A2.1"}
    assert (evidence["A2.1"].size, evidence["A2.1"].label) == (len(b"%PDF bukti dua" * 1000), "Bukti A2.1")
    # The stored package is the evidence: written once, nothing copied into the evidence store.
    assert blobs(site.store) == []
    assert leftovers(site.store) == [stored.name]
    assert site.store.audit_trail(imported)[0].field == "imported"


def two_revisions(office: OfficeSite, tmp_path: Path) -> tuple[Path, Path, Assessment]:
    """Revision 1 and 2 of 2026 exported (``r1.merit``, ``r2.merit``), and revision 2 itself."""
    first = office.answer(2026, 2)
    first_package = office.export(first, tmp_path / "r1.merit")
    with active(office.store):
        second = reopen(office.store, first, "Operator")
        office.store.set_answer(second, "A1.1", level=4)
        second = finalize(office.store, second, "Operator", without_survey=True)
    return first_package, office.export(second, tmp_path / "r2.merit"), second


def test_duplicate_superseded_and_same_revision_exported_again(site, bangka, tmp_path):
    first_package, second_package, second = two_revisions(bangka, tmp_path)
    again_r2 = bangka.export(second, tmp_path / "r2-lagi.merit")  # same revision and content, other bytes

    copy = tmp_path / "lampiran-email" / "r2 (1).merit"  # the same file, arrived twice
    copy.parent.mkdir()
    copy.write_bytes(second_package.read_bytes())
    session = importer.Importer(site.store)
    outcomes = session.import_paths([second_package, second_package, copy, first_package, again_r2])
    assert [(o.outcome, o.reason) for o in outcomes] == [
        (importer.ACCEPTED, None), (importer.DUPLICATE, "same_file"),
        (importer.SUPERSEDED, "older_revision"), (importer.DUPLICATE, "same_revision")]
    # The older revision is kept too (listed, not consolidated); the repeated export is not.
    assert sorted(row.revision for row in ReceivedPackage.select()) == [1, 2]
    assert len(leftovers(site.store)) == 2
    assert importer.all_good(outcomes) is True
    assert importer.count_outcomes(outcomes) == {"accepted": 1, "duplicate": 2, "superseded": 1, "conflict": 0,
                                                 "rejected": 0}


def test_tampered_package_is_rejected_and_leaves_nothing(site, bangka, tmp_path):
    assessment = bangka.answer(2026, 3, {"A1.1": b"%PDF asli" * 100})
    package = bangka.export(assessment, tmp_path / "asli.merit")
    tampered = tmp_path / "ubah.merit"
    tampered.write_bytes(package.read_bytes().replace(b"%PDF asli", b"%PDF ASLI"))  # format 2 signs every byte
    outcome = importer.Importer(site.store).import_file(tampered)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "bad_signature")
    assert "berubah" in outcome.message
    assert leftovers(site.store) == [] and blobs(site.store) == []
    assert ReceivedPackage.select().count() == 0 and Assessment.select().count() == 0


def test_revoked_certificate_and_office_of_other_province(site, bangka, tmp_path):
    package = bangka.export(bangka.answer(2026, 2), tmp_path / "bangka.merit")
    province.revoke(site.store, "19.01", "kunci bocor")
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "certificate_revoked")

    aceh_province = ProvinceSite.create(tmp_path / "provinsi-aceh", "11", aside=True)
    aceh = enrolled_office(tmp_path, aceh_province, "11.01")
    foreign = aceh.export(aceh.answer(2026, 2), tmp_path / "aceh.merit")
    outcome = importer.Importer(site.store).import_file(foreign)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "office_not_in_province")
    assert "Aceh" in outcome.message
    # Even trusting Aceh's key, an office outside this province is refused.
    trusting = importer.Importer(site.store, trusted_keys=[province.public_key(aceh_province.store)])
    assert trusting.import_file(foreign).reason == "office_not_in_province"
    assert leftovers(site.store) == [] and Assessment.select().count() == 0
    aceh.store.close()
    aceh_province.store.close()


def test_certificate_outside_validity_is_rejected(site, tmp_path):
    office = enrolled_office(tmp_path, site, "19.02")
    expired = site.enrol(office.request(), valid_from=date(2020, 1, 1), valid_until=date(2021, 1, 1), replace=True)
    # Export refuses an expired certificate, so the package is re-signed carrying it.
    signed = office.export(office.answer(2026, 1), tmp_path / "baru.merit")
    package = write_signed(tmp_path / "lama.merit", with_certificate(read_entries(signed), expired),
                           office.private_key)
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "certificate_expired")
    office.store.close()


def test_garbage_and_unreadable_files_are_rejected(site, tmp_path):
    junk = tmp_path / "lampiran" / "bukan-paket.merit"
    junk.parent.mkdir()
    junk.write_bytes(b"ini bukan zip")
    (tmp_path / "lampiran" / "catatan.txt").write_text("diabaikan", "utf-8")
    outcomes = importer.Importer(site.store).import_paths([tmp_path / "lampiran"])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("bukan-paket.merit", importer.REJECTED, "not_zip")]
    assert leftovers(site.store) == []


def test_failure_while_writing_rows_removes_package_and_new_blobs(site, bangka, tmp_path, monkeypatch):
    package = bangka.export(bangka.answer(2026, 3, {"A3.1": b"%PDF satu-satunya"}), tmp_path / "p.merit")
    session = importer.Importer(site.store)

    def broken_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(province, "record_received_package", broken_disk)
    outcome = session.import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "disk_error")
    assert "ruang disk" in outcome.message
    assert leftovers(site.store) == [] and blobs(site.store) == []
    assert Assessment.select().count() == 0


def test_a_package_whose_rows_fail_leaves_nothing_and_the_next_is_still_accepted(site, bangka, tmp_path,
                                                                                   monkeypatch):
    belitung = enrolled_office(tmp_path, site, "19.02")
    folder = tmp_path / "kiriman"
    bangka.export(bangka.answer(2026, 3, {"A3.1": b"%PDF bangka"}), folder / "a-bangka.merit")
    belitung.export(belitung.answer(2026, 2, {"A3.1": b"%PDF belitung"}), folder / "b-belitung.merit")
    belitung.store.close()
    session = importer.Importer(site.store)
    write_rows = province.record_received_package

    def full_disk_for_bangka(store, manifest, **received):
        if received["source_name"] == "a-bangka.merit":
            raise OSError(28, "No space left on device")
        return write_rows(store, manifest, **received)

    monkeypatch.setattr(province, "record_received_package", full_disk_for_bangka)
    outcomes = session.import_paths([folder])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("a-bangka.merit", importer.REJECTED, "disk_error"), ("b-belitung.merit", importer.ACCEPTED, None)]
    assert leftovers(site.store) == [f"{outcomes[1].sha256}.merit"]
    assert [a.office.code for a in Assessment.select()] == ["19.02"]
    assert ReceivedPackage.select().count() == 1


def test_cancel_stops_between_and_inside_files(site, bangka, tmp_path):
    package = bangka.export(bangka.answer(2026, 3, {"A1.1": b"x" * 3_000_000}), tmp_path / "p.merit")
    seen = []
    with pytest.raises(importer.ImportCancelled):
        importer.Importer(site.store).import_paths(
            [package], progress=lambda done, total: seen.append(done), cancelled=lambda: bool(seen))
    assert leftovers(site.store) == [] and blobs(site.store) == []
    assert ReceivedPackage.select().count() == 0


def test_progress_reaches_total(site, bangka, tmp_path):
    package = bangka.export(bangka.answer(2026, 3, {"A1.1": b"y" * 2_500_000}), tmp_path / "p.merit")
    reports = []
    outcomes = importer.Importer(site.store).import_paths([tmp_path], progress=lambda d, t: reports.append((d, t)))
    assert [o.outcome for o in outcomes] == [importer.ACCEPTED]
    passes = importer.PASSES * package.stat().st_size
    assert reports[-1] == (passes, passes)
    assert all(a[0] <= b[0] for a, b in zip(reports, reports[1:], strict=False))


def test_leftovers_of_an_interrupted_import_are_swept(site):
    leftover = site.store.data_dir / "packages" / ".abc.partial"
    leftover.mkdir(parents=True)
    (leftover / "paket.merit").write_bytes(b"setengah")
    importer.Importer(site.store)
    assert leftovers(site.store) == []


def imported_evidence(site: ProvinceSite, office: OfficeSite, tmp_path: Path, contents: dict[str, bytes]):
    """Import an assessment with ``contents`` {item: bytes}; its Evidence rows by item and
    the stored package."""
    outcome = importer.Importer(site.store).import_file(office.export(office.answer(2026, 3, contents),
                                                                      tmp_path / "kirim.merit"))
    assert outcome.outcome == importer.ACCEPTED, outcome.message
    rows = {row.item_id: row for row in Evidence.select().where(Evidence.assessment == outcome.assessment_id)}
    return rows, site.store.data_dir / PACKAGES_DIR / f"{outcome.sha256}.merit"


def test_evidence_of_an_imported_assessment_opens_with_the_original_bytes(site, bangka, tmp_path):
    contents = {"A1.1": b"%PDF SK tim anjab", "A2.1": b"%PDF rencana kebutuhan " * 5000}
    rows, _package = imported_evidence(site, bangka, tmp_path, contents)
    for item_id, content in contents.items():
        source = evidence_source(site.store, rows[item_id])
        target = tmp_path / "lihat" / item_id / rows[item_id].original_name
        target.parent.mkdir(parents=True)
        reports: list[tuple[int, int]] = []
        assert source.copy_to(target, lambda done, total, seen=reports: seen.append((done, total))).read_bytes() \
            == content
        assert reports[-1] == (len(content), len(content))
    # A revision reopened from the imported one has no package of its own: the same content
    # is found in the package it came from.
    reopened = reopen(site.store, Assessment.get_by_id(rows["A2.1"].assessment_id), "Provinsi")
    copied = site.store.evidence(reopened, "A2.1")[0]
    assert evidence_source(site.store, copied).copy_to(tmp_path / "revisi.pdf").read_bytes() \
        == contents["A2.1"]
    # An office's own evidence (no package) comes from the evidence store, checked the same way.
    with active(bangka.store):
        own = bangka.store.evidence(bangka.store.latest_assessment(bangka.store.office(), 2026), "A1.1")[0]
        source = evidence_source(bangka.store, own)
    assert source.entry is None and source.copy_to(tmp_path / "milik.pdf").read_bytes() == contents["A1.1"]


def test_evidence_of_a_stored_package_altered_on_disk_is_refused(site, bangka, tmp_path):
    original = b"%PDF nilai asli " * 4000
    rows, package = imported_evidence(site, bangka, tmp_path, {"A1.1": original})
    evidence_source(site.store, rows["A1.1"])  # resolvable before the change

    # Rewritten in place, the signed manifest untouched: only the SHA-256 received at
    # import can tell.
    package.write_bytes(package.read_bytes().replace(b"nilai asli", b"nilai ubah"))
    target = tmp_path / "lihat.pdf"
    with pytest.raises(EvidenceUnavailable) as refused:
        evidence_source(site.store, rows["A1.1"]).copy_to(target)
    assert "tidak sama dengan yang diterima" in str(refused.value) and package.name in str(refused.value)
    assert "SHA-256" in str(refused.value)
    assert not target.exists()

    # Bytes flipped in place (the CRC-32 no longer matches either).
    data = bytearray(package.read_bytes())
    at = data.index(b"ubah")
    data[at:at + 4] = b"UBAH"
    package.write_bytes(bytes(data))
    with pytest.raises(EvidenceUnavailable, match="berkas tidak dibuka"):
        evidence_source(site.store, rows["A1.1"]).copy_to(target)
    assert not target.exists()

    package.unlink()
    with pytest.raises(EvidenceUnavailable, match="tidak ada lagi"):
        evidence_source(site.store, rows["A1.1"])


def test_only_certificates_this_province_issued_are_accepted(site, tmp_path):
    from datetime import date

    from models.certificates import issue_certificate, read_enrolment_request

    # A rogue key that this PC happens to trust (a demo key, a copied .pub) certifies 19.02.
    rogue = keys.generate_private_key()
    trusted_dir = keys.trusted_keys_dir(site.store.data_dir)
    trusted_dir.mkdir(parents=True, exist_ok=True)
    (trusted_dir / "rogue.pub").write_text(keys.public_key_of(rogue).to_minisign(), "ascii")
    office = OfficeSite.create(tmp_path / "kantor-palsu", "19.02")
    request = read_enrolment_request(office.request())
    office.certificate = issue_certificate(request, rogue, keys.public_key_of(rogue), "19",
                                           date(2026, 1, 1), date(2030, 1, 1), "19-9999")
    assessment = office.answer(2026, 3)
    package = office.export(assessment, tmp_path / "palsu.merit")
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "certificate_untrusted")

    # Signed by the province's own key but never recorded here (e.g. a registry restored from
    # an old backup): refused, because such a certificate could never be revoked.
    office.certificate = issue_certificate(request, site.private_key, province.public_key(site.store), "19",
                                           date(2026, 1, 1), date(2030, 1, 1), "19-8888")
    package = office.export(assessment, tmp_path / "tak-tercatat.merit")
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "certificate_unknown")
    assert leftovers(site.store) == [] and Assessment.select().count() == 0
    office.store.close()


def test_a_verified_package_whose_rows_cannot_be_stored_is_refused_and_the_batch_goes_on(site, bangka, tmp_path):
    belitung = enrolled_office(tmp_path, site, "19.02")
    folder = tmp_path / "kiriman"
    bangka.export(bangka.answer(2026, 3), folder / "a-bangka.merit")
    belitung.export(belitung.answer(2026, 2), folder / "b-belitung.merit")
    belitung.store.close()
    # The province PC already holds a row for 19.01 / 2026 / revision 1 (typed in locally).
    site.store.create_assessment(site.store.ensure_office("19.01"), 2026)
    outcomes = importer.Importer(site.store).import_paths([folder])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("a-bangka.merit", importer.REJECTED, "manifest_unusable"), ("b-belitung.merit", importer.ACCEPTED, None)]
    assert leftovers(site.store) == [f"{outcomes[1].sha256}.merit"]
    assert ReceivedPackage.select().count() == 1



def resigned_copy(office: OfficeSite, package: Path, target: Path, change) -> Path:
    """``package`` with its manifest changed by ``change`` and signed again by the office:
    verified like any package, so only the storing can trip over what was changed."""
    entries = read_entries(package)
    manifest = manifest_of(entries)
    change(manifest)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_signed(target, resign(entries, manifest), office.private_key)


def _answer_twice(manifest: dict) -> None:
    # Unanswered (level null), so the score check lets it through; the Answer table does not.
    manifest["answers"].append({**manifest["answers"][0], "level": None})


@pytest.mark.parametrize(("change", "reason", "fault"), [
    # Verification itself refuses an item answered twice (one rule with the Answer table's UNIQUE).
    (_answer_twice, "answers_invalid", "dua kali"),
    # Beyond 64 bits (no SQLite integer): format 2's strict JSON refuses them before any row.
    (lambda manifest: manifest.update(revision=10**20), "json_integer_range", "100000000000000000000"),
    (lambda manifest: manifest.update(year=10**20), "json_integer_range", "100000000000000000000"),
], ids=["answer-twice", "huge-revision", "huge-year"])
def test_a_package_whose_rows_raise_is_refused_and_the_rest_of_its_group_is_stored(site, bangka, tmp_path,
                                                                                     monkeypatch, change, reason,
                                                                                     fault):
    belitung = enrolled_office(tmp_path, site, "19.02")
    folder = tmp_path / "kiriman"
    belitung.export(belitung.answer(2026, 2, {"A1.1": b"%PDF belitung"}), folder / "a-belitung.merit")
    signed = bangka.export(bangka.answer(2026, 3, {"A1.1": b"%PDF bangka"}), tmp_path / "asli.merit")
    resigned_copy(bangka, signed, folder / "b-bangka.merit", change)
    belitung.store.close()
    # Both files in one group (one commit), whatever the helper threads' timing.
    ready_group, groups = importer.Importer._ready_group, []

    def whole_batch(pending):
        wait(list(pending))
        groups.append(len(pending))
        return ready_group(pending)

    monkeypatch.setattr(importer.Importer, "_ready_group", staticmethod(whole_batch))
    outcomes = importer.Importer(site.store).import_paths([folder])
    assert groups == [2]
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("a-belitung.merit", importer.ACCEPTED, None), ("b-bangka.merit", importer.REJECTED, reason)]
    assert fault in outcomes[1].message
    assert leftovers(site.store) == [f"{outcomes[0].sha256}.merit"]
    assert [a.office.code for a in Assessment.select()] == ["19.02"]
    assert ReceivedPackage.select().count() == 1


# --- every revision kept, conflicts, a batch that never stops -------------------------------

@pytest.mark.parametrize("newest_first", [False, True], ids=["in-order", "newest-first"])
def test_every_revision_is_kept_whatever_the_arrival_order(site, bangka, tmp_path, newest_first):
    from models import consolidate

    first, second, _ = two_revisions(bangka, tmp_path)
    arrival = [second, first] if newest_first else [first, second]
    outcomes = [importer.Importer(site.store).import_file(path) for path in arrival]
    expected = [importer.ACCEPTED, importer.SUPERSEDED] if newest_first else [importer.ACCEPTED] * 2
    assert [o.outcome for o in outcomes] == expected
    assert [(row.revision, row.source_name) for row in province.received_packages(site.store, 2026, "19.01")] == [
        (1, "r1.merit"), (2, "r2.merit")]
    assert len(leftovers(site.store)) == 2
    row = next(r for r in consolidate.consolidate(site.store, 2026).rows if r.code == "19.01")
    assert row.revision == 2 and row.conflicts == 0  # the consolidation uses the highest revision


def test_a_superseded_package_is_an_outcome_and_exits_0(site, bangka, tmp_path, capsys):
    first, second, _ = two_revisions(bangka, tmp_path)
    assert importer.Importer(site.store).import_file(second).outcome == importer.ACCEPTED
    capsys.readouterr()
    from cli import run

    try:
        code = run(["import", str(first), "--data-dir", str(site.store.data_dir), "--json"])
    finally:
        database.initialize(site.store.db)
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(o["outcome"], o["reason"]) for o in result["outcomes"]] == [(importer.SUPERSEDED, "older_revision")]
    assert ReceivedPackage.select().count() == 2


def test_a_different_file_for_a_held_revision_is_a_conflict_and_both_are_kept(site, bangka, tmp_path, capsys):
    from cli import run
    from models import consolidate

    signed = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "pertama.merit")

    def other_justification(manifest: dict) -> None:
        manifest["answers"][0]["justification"] = "Penjelasan yang lain."  # not scored: verifies as well

    other = resigned_copy(bangka, signed, tmp_path / "kirim" / "kedua.merit", other_justification)
    first = importer.Importer(site.store).import_file(signed)
    assert first.outcome == importer.ACCEPTED
    capsys.readouterr()
    try:  # a conflict needs a person: the import exits 1
        assert run(["import", str(other), "--data-dir", str(site.store.data_dir), "--json"]) == 1
    finally:
        database.initialize(site.store.db)
    [second] = json.loads(capsys.readouterr().out)["outcomes"]
    assert (second["outcome"], second["reason"]) == (importer.CONFLICT, "conflicting_revision")
    assert "pertama.merit" in second["message"] and importer.OUTCOME_LABELS[importer.CONFLICT] == "Konflik"
    # Both files kept byte for byte; one assessment, the first; the conflict recorded against it.
    for path, sha256 in ((signed, first.sha256), (other, second["sha256"])):
        assert received_package_path(site.store.data_dir, sha256).read_bytes() == path.read_bytes()
    assert Assessment.select().count() == 1
    [conflict] = province.package_conflicts(site.store, 2026)
    assert (conflict.sha256, conflict.source_name, conflict.held.sha256) == (second["sha256"], "kedua.merit",
                                                                              first.sha256)
    row = next(r for r in consolidate.consolidate(site.store, 2026).rows if r.code == "19.01")
    assert row.conflicts == 1 and row.assessment_id == first.assessment_id
    # The same conflicting file again is a duplicate, not a second conflict.
    repeated = importer.Importer(site.store).import_file(other)
    assert (repeated.outcome, repeated.reason, repeated.office_code, repeated.year, repeated.revision,
            repeated.sha256) == (importer.DUPLICATE, "same_file", "19.01", 2026, 1, second["sha256"])
    assert "konflik" in repeated.message and "kedua.merit" not in repeated.message
    # verify on the province judges the conflicting file at the time it was received.
    capsys.readouterr()
    try:
        assert run(["verify", str(other), "--data-dir", str(site.store.data_dir), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["received_at"] == conflict.received_at.isoformat()
        assert run(["province", "packages", "--data-dir", str(site.store.data_dir), "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert run(["import", str(tmp_path / "kirim"), "--data-dir", str(site.store.data_dir)]) == 0  # both held
    finally:
        database.initialize(site.store.db)
    assert [(r["source_name"], r["state"]) for r in rows] == [("pertama.merit", "terkini"), ("kedua.merit", "konflik")]


def test_one_hostile_file_between_two_good_ones_stops_nothing(site, bangka, tmp_path, monkeypatch):
    from models import logs

    belitung = enrolled_office(tmp_path, site, "19.02")
    folder = tmp_path / "kiriman"
    bangka.export(bangka.answer(2026, 3), folder / "a-bangka.merit")
    hostile = folder / "b-jahat.merit"
    hostile.write_bytes(b"PK\x03\x04 dibuat untuk membuat pemeriksa galat")
    belitung.export(belitung.answer(2026, 2), folder / "c-belitung.merit")
    belitung.store.close()
    real_verify = importer.verify_package

    def verifier_fault(path, *args, **kwargs):
        if path.name == "b-jahat.merit":
            raise RecursionError("maximum recursion depth exceeded")  # what a hostile file might provoke
        return real_verify(path, *args, **kwargs)

    monkeypatch.setattr(importer, "verify_package", verifier_fault)
    log_file = logs.start_log_file(site.store.data_dir)
    outcomes = importer.Importer(site.store).import_paths([folder])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("a-bangka.merit", importer.ACCEPTED, None), ("b-jahat.merit", importer.REJECTED, "internal_error"),
        ("c-belitung.merit", importer.ACCEPTED, None)]
    assert "Traceback" not in outcomes[1].message and "berkas log" in outcomes[1].message
    assert "RecursionError" in log_file.read_text("utf-8") and "Traceback" in log_file.read_text("utf-8")
    assert sorted(a.office.code for a in Assessment.select()) == ["19.01", "19.02"]
    assert len(leftovers(site.store)) == 2


def test_a_fault_while_storing_one_file_rejects_only_that_file(site, bangka, tmp_path, monkeypatch):
    belitung = enrolled_office(tmp_path, site, "19.02")
    folder = tmp_path / "kiriman"
    bangka.export(bangka.answer(2026, 3), folder / "a-bangka.merit")
    belitung.export(belitung.answer(2026, 2), folder / "b-belitung.merit")
    belitung.store.close()
    real_duplicate_check = importer.Importer._duplicate_file

    def fault_for_bangka(self, prepared):
        if prepared.path.name == "a-bangka.merit":
            raise KeyError("tak terduga")
        return real_duplicate_check(self, prepared)

    monkeypatch.setattr(importer.Importer, "_duplicate_file", fault_for_bangka)
    outcomes = importer.Importer(site.store).import_paths([folder])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("a-bangka.merit", importer.REJECTED, "internal_error"), ("b-belitung.merit", importer.ACCEPTED, None)]
    assert leftovers(site.store) == [f"{outcomes[1].sha256}.merit"]


def test_a_folder_named_like_a_package_is_reported(site, bangka, tmp_path, capsys):
    from cli import run

    folder = tmp_path / "flashdisk"
    bangka.export(bangka.answer(2026, 3), folder / "bangka.merit")
    (folder / "terbuka.merit").mkdir()  # an unpacked package, or a mail program's folder
    outcomes = importer.Importer(site.store).import_paths([folder])
    assert [(o.path.name, o.outcome, o.reason) for o in outcomes] == [
        ("bangka.merit", importer.ACCEPTED, None), ("terbuka.merit", importer.REJECTED, "not_a_file")]
    assert "folder" in outcomes[1].message
    capsys.readouterr()
    try:
        code = run(["import", str(folder), "--data-dir", str(site.store.data_dir)])
    finally:
        database.initialize(site.store.db)
    assert code == 1 and "terbuka.merit" in capsys.readouterr().out


def test_a_package_encrypted_to_the_province_is_decrypted_verified_and_kept_plain(site, bangka, tmp_path):
    from models.package.envelope import encrypt_package, is_encrypted

    plain = bangka.export(bangka.answer(2026, 3, {"A1.1": b"%PDF rahasia" * 100}), tmp_path / "asli.merit")
    sealed = encrypt_package(plain, province.public_key(site.store), tmp_path / "rahasia.merit")
    refused = importer.Importer(site.store).import_file(sealed)
    assert (refused.outcome, refused.reason) == (importer.REJECTED, "encrypted_package")
    outcome = importer.Importer(site.store, decrypt_with=site.private_key).import_file(sealed)
    assert outcome.outcome == importer.ACCEPTED, outcome.message
    stored = site.store.data_dir / importer.PACKAGES_DIR / f"{outcome.sha256}.merit"
    assert not is_encrypted(stored) and stored.read_bytes() == plain.read_bytes()
    tampered = tmp_path / "ubah.merit"
    tampered.write_bytes(sealed.read_bytes()[:-1] + bytes([sealed.read_bytes()[-1] ^ 1]))
    broken = importer.Importer(site.store, decrypt_with=site.private_key).import_file(tampered)
    assert (broken.outcome, broken.reason) == (importer.REJECTED, "decrypt_failed")
    assert leftovers(site.store) == [stored.name]  # nothing of the broken one


def test_one_read_budget_for_a_whole_batch(site, bangka, tmp_path):
    from models.package.container import ReadBudget

    first = bangka.export(bangka.answer(2026, 2, {"A1.1": b"%PDF a" * 50_000}), tmp_path / "satu.merit")
    second = bangka.export(bangka.answer(2027, 2, {"A1.1": b"%PDF b" * 50_000}), tmp_path / "dua.merit")
    budget = ReadBudget(max_bytes=int(1.5 * first.stat().st_size), seconds=600)
    session = importer.Importer(site.store, budget=budget)
    assert session.import_file(first).outcome == importer.ACCEPTED
    assert session.import_file(second).reason == "read_budget_exceeded"
    assert budget.spent <= budget.max_bytes + 1024 * 1024  # stopped within one chunk


def test_hostile_original_file_names_travel_as_safe_names_and_plain_text(site, bangka, tmp_path):
    """The office attached files whose names mean other files (or programs) elsewhere: the
    package holds only valid entry names, the original name as checked display text."""
    from models.package.names import display_name_problem, entry_name_problem

    names = ["CON.pdf", "aux", "laporan.pdf.", "rapor\u202efdp.exe", "Sama.PDF", "sama.pdf", "SK.pdf.bat"]
    with active(bangka.store):
        office = bangka.store.office()
        assessment = bangka.store.create_assessment(office, 2026)
        for item in bangka.store.instrument_of(assessment).applicable_items(assessment.gates):
            bangka.store.set_answer(assessment, item.id, level=3, justification=f"Penjelasan {item.id}.")
        for position, name in enumerate(names):
            folder = tmp_path / f"asal-{position}"
            folder.mkdir()
            (folder / name).write_bytes(b"%PDF " + name.encode())
            bangka.store.add_evidence(assessment, "A1.1", folder / name, label=f"Bukti {position}")
        assessment = finalize(bangka.store, assessment, "Operator", without_survey=True)
    package = bangka.export(assessment, tmp_path / "nama.merit")
    outcome = importer.Importer(site.store).import_file(package)
    assert outcome.outcome == importer.ACCEPTED, outcome.message
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    evidence = [entry for entry in manifest["files"] if entry["role"] == "evidence"]
    assert len(evidence) == len(names)
    assert all(entry_name_problem(entry["path"]) is None for entry in evidence)
    assert all(display_name_problem(entry["original_name"]) is None for entry in evidence)
    assert "raporfdp.exe" in {entry["original_name"] for entry in evidence}  # the override is gone


def test_the_cli_import_records_rejections_like_the_gui(site, tmp_path, capsys):
    """One home for the rejection record (the importer): a package from a sender this
    province does not trust, imported by the CLI, shows as 'Ditolak' in the consolidation."""
    from cli import run
    from models import consolidate
    from models.rejections import latest_rejections

    other = ProvinceSite.create(tmp_path / "provinsi-lain", aside=True)
    stranger = enrolled_office(tmp_path, other, "19.03")
    sent = stranger.export(stranger.answer(2026, 2), tmp_path / "kirim" / "19.03.merit")
    stranger.store.close()
    other.store.close()
    try:
        assert run(["import", str(sent), "--data-dir", str(site.store.data_dir), "--json"]) == 1
    finally:
        database.initialize(site.store.db)
    [outcome] = json.loads(capsys.readouterr().out)["outcomes"]
    assert outcome["outcome"] == importer.REJECTED
    rejected = latest_rejections(site.store.data_dir, 2026)
    assert rejected["19.03"].source_name == "19.03.merit"
    with active(site.store):
        rows = {row.code: row for row in consolidate.consolidate(site.store, 2026).rows}
    assert rows["19.03"].status == consolidate.REJECTED


# --- the same revision twice: a repeated export or another file? ---------------------------

def _renamed_evidence(entries, manifest):
    """The evidence file under another name, same bytes (listed the same way)."""
    entry = next(f for f in manifest["files"] if f["role"] == "evidence")
    old, entry["path"] = entry["path"], entry["path"].replace("/001-", "/002-")
    return [(entry["path"] if name == old else name, data) for name, data in entries]


def _other_evidence_bytes(entries, manifest):
    entry = next(f for f in manifest["files"] if f["role"] == "evidence")
    return resign(entries, manifest, {entry["path"]: b"%PDF-1.4 bukti lain"})


SAME_REVISION = [
    # only what changes on every export: the same assessment, a duplicate
    ("another package id", importer.DUPLICATE, lambda m: m.update(package_id="00000000-0000-4000-8000-000000000000")),
    ("another export time", importer.DUPLICATE, lambda m: m.update(created_at=m["created_at"][:-6] + "+07:00")),
    ("another app version", importer.DUPLICATE, lambda m: m["app"].update(version="9.9.9")),
    # what the assessment says: another file for a held revision, a conflict
    ("another office name", importer.CONFLICT, lambda m: m["office"].update(name="BKPSDM Bangka (lama)")),
    ("another finaliser", importer.CONFLICT, lambda m: m["assessment"].update(finalized_by="Orang lain")),
    ("another justification", importer.CONFLICT, lambda m: m["answers"][0].update(justification="Lain.")),
]


@pytest.mark.parametrize(("change", "outcome"), [case[2:0:-1] for case in SAME_REVISION],
                         ids=[case[0] for case in SAME_REVISION])
def test_the_same_revision_again_is_a_duplicate_only_when_it_says_the_same(site, bangka, tmp_path, change, outcome):
    signed = bangka.export(bangka.answer(2026, 3, {"A1.1": b"%PDF-1.4 bukti"}), tmp_path / "kirim" / "pertama.merit")
    again = resigned_copy(bangka, signed, tmp_path / "kirim" / "kedua.merit", change)
    session = importer.Importer(site.store)
    assert session.import_file(signed).outcome == importer.ACCEPTED
    result = session.import_file(again)
    assert result.outcome == outcome, result.message
    assert result.reason == ("same_revision" if outcome == importer.DUPLICATE else "conflicting_revision")
    assert (result.path, result.office_code, result.year, result.revision) == (again, "19.01", 2026, 1)


@pytest.mark.parametrize("change", [_renamed_evidence, _other_evidence_bytes], ids=["renamed", "other-bytes"])
def test_another_evidence_file_for_a_held_revision_is_a_conflict(site, bangka, tmp_path, change):
    signed = bangka.export(bangka.answer(2026, 3, {"A1.1": b"%PDF-1.4 bukti"}), tmp_path / "kirim" / "pertama.merit")
    entries = read_entries(signed)
    manifest = manifest_of(entries)
    changed = change(entries, manifest)
    again = write_signed(tmp_path / "kirim" / "kedua.merit", resign(changed, manifest), bangka.private_key)
    session = importer.Importer(site.store)
    assert session.import_file(signed).outcome == importer.ACCEPTED
    assert (session.import_file(again).outcome, importer.Importer(site.store).import_file(again).outcome) == (
        importer.CONFLICT, importer.DUPLICATE)


def test_a_repeated_export_under_a_new_certificate_is_a_duplicate(site, bangka, tmp_path):
    """The office enrolled again (a new certificate for the same key): its repeated export
    says the same about the assessment."""
    signed = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "pertama.merit")
    session = importer.Importer(site.store)
    assert session.import_file(signed).outcome == importer.ACCEPTED
    renewed = site.enrol(bangka.request(), replace=True)  # the first one revoked from now on
    again = write_signed(tmp_path / "kirim" / "kedua.merit", with_certificate(read_entries(signed), renewed),
                         bangka.private_key)
    result = importer.Importer(site.store).import_file(again)
    assert (result.outcome, result.reason) == (importer.DUPLICATE, "same_revision"), result.message


def test_a_held_package_gone_from_disk_makes_the_same_revision_a_conflict(site, bangka, tmp_path):
    """Not provably the same: both kept, a person decides."""
    assessment = bangka.answer(2026, 3)
    first = importer.Importer(site.store).import_file(bangka.export(assessment, tmp_path / "kirim" / "pertama.merit"))
    received_package_path(site.store.data_dir, first.sha256).unlink()
    again = bangka.export(assessment, tmp_path / "kirim" / "kedua.merit")  # the same revision exported again
    result = importer.Importer(site.store).import_file(again)
    assert (result.outcome, result.reason) == (importer.CONFLICT, "conflicting_revision")


def test_a_held_file_again_is_a_duplicate_even_after_its_certificate_is_revoked(site, bangka, tmp_path):
    """Held files are not judged again: the accepted one and the conflicting one, each
    arriving a second time after the office's certificate was revoked, are duplicates."""
    signed = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "pertama.merit")
    other = resigned_copy(bangka, signed, tmp_path / "kirim" / "kedua.merit",
                          lambda m: m["answers"][0].update(justification="Lain."))
    first = importer.Importer(site.store).import_file(signed)
    assert importer.Importer(site.store).import_file(other).outcome == importer.CONFLICT
    with active(site.store):
        province.revoke(site.store, "19.01", "kunci hilang")
    session = importer.Importer(site.store)
    accepted_again, conflicting_again = session.import_file(signed), session.import_file(other)
    assert (accepted_again.outcome, accepted_again.reason, accepted_again.office_code, accepted_again.year,
            accepted_again.revision, accepted_again.sha256, accepted_again.assessment_id) == (
        importer.DUPLICATE, "same_file", "19.01", 2026, 1, first.sha256, first.assessment_id)
    assert "19.01 tahun 2026 revisi 1" in accepted_again.message
    assert (conflicting_again.outcome, conflicting_again.reason) == (importer.DUPLICATE, "same_file")


def _revisions(office: OfficeSite, year: int, count: int, folder: Path) -> list[Path]:
    """Revisions 1..count of ``year`` exported, each answering A1.1 one level higher."""
    assessment = office.answer(year, 1)
    packages = [office.export(assessment, folder / f"{year}-r1.merit")]
    for number in range(2, count + 1):
        with active(office.store):
            assessment = reopen(office.store, assessment, "Operator")
            office.store.set_answer(assessment, "A1.1", level=number)
            assessment = finalize(office.store, assessment, "Operator", without_survey=True)
        packages.append(office.export(assessment, folder / f"{year}-r{number}.merit"))
    return packages


def test_a_revision_arriving_after_a_newer_one_is_superseded_by_the_newest(site, bangka, tmp_path):
    r1, r2, r3 = _revisions(bangka, 2026, 3, tmp_path / "kirim")
    outcomes = [importer.Importer(site.store).import_file(path) for path in (r1, r3, r2)]
    assert [(o.outcome, o.revision) for o in outcomes] == [
        (importer.ACCEPTED, 1), (importer.ACCEPTED, 3), (importer.SUPERSEDED, 2)]
    late = outcomes[2]
    assert (late.path, late.office_code, late.year, late.reason) == (r2, "19.01", 2026, "older_revision")
    assert late.assessment_id is not None and late.assessment_id == Assessment.get_by_id(late.assessment_id).id
    assert "terkini revisi 3" in late.message


def test_a_newer_revision_of_another_year_supersedes_nothing(site, bangka, tmp_path):
    last_year = _revisions(bangka, 2025, 2, tmp_path / "kirim")[-1]
    this_year = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "2026-r1.merit")
    session = importer.Importer(site.store)
    assert [session.import_file(path).outcome for path in (last_year, this_year)] == [importer.ACCEPTED] * 2


def test_packages_are_judged_with_the_province_s_own_instruments(site, bangka, tmp_path, monkeypatch):
    """The store's registry decides (the province's installed instruments), not the shipped
    list: without the package's instrument installed it is refused; with it, accepted with
    the office's name."""
    from models.instrument import InstrumentRegistry

    package = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "paket.merit")
    shipped = site.store.registry
    monkeypatch.setattr(site.store, "registry", InstrumentRegistry([]))
    refused = importer.Importer(site.store).import_file(package)
    assert (refused.outcome, refused.reason) == (importer.REJECTED, "unknown_instrument")
    monkeypatch.setattr(site.store, "registry", shipped)
    accepted = importer.Importer(site.store).import_file(package)
    assert accepted.outcome == importer.ACCEPTED
    assert (accepted.office_code, accepted.office_name) == ("19.01", "Kabupaten Bangka")


def test_a_fault_of_the_verifier_rejects_the_file_and_stores_nothing(site, bangka, tmp_path, monkeypatch):
    from models.package import verify

    package = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "paket.merit")

    def broken(*args, **kwargs):
        raise RuntimeError("rusak")

    monkeypatch.setattr(verify, "recompute_scores", broken)
    outcome = importer.Importer(site.store).import_file(package)
    assert (outcome.path, outcome.outcome, outcome.reason) == (package, importer.REJECTED, "internal_error")
    assert outcome.message == f"paket.merit: {importer.IMPORTER_REASONS['internal_error']}"
    assert outcome.office_code == "19.01"
    assert ReceivedPackage.select().count() == 0 and Assessment.select().count() == 0


def test_a_cancel_while_a_file_is_verified_stops_the_import(site, bangka, tmp_path):
    import sys

    package = bangka.export(bangka.answer(2026, 3), tmp_path / "kirim" / "paket.merit")

    def cancelled() -> bool:  # the user presses Batal once the signature check is under way
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") == "models.package.container":
                return True
            frame = frame.f_back
        return False

    with pytest.raises(importer.ImportCancelled):  # not a rejection of the file: the import stops
        importer.Importer(site.store).import_paths([package], cancelled=cancelled)
    assert ReceivedPackage.select().count() == 0 and Assessment.select().count() == 0
