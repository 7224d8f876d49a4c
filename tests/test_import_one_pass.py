"""The import's one pass (issue 17): the copy of a package is written and every hash the
verifier needs is taken from the same buffers, so the copy is not read again; its rows are
written as prepared statements. The bytes verified must be the bytes stored, whatever the
source does meanwhile, and the rows must be the ones the ORM wrote before."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from models import history, importer, province
from models.package import container as container_module
from models.package import lanes
from models.package.container import copy_hashing, hash_container, open_container
from models.package.verify import verify_package
from models.province_tables import ReceivedPackage, received_package_path
from models.tables import Answer, Assessment, AuditEntry, Evidence, utc_now
from tests.test_importer import (  # noqa: F401  (fixtures)
    ProvinceSite,
    active,
    bangka,
    enrolled_office,
    leftovers,
    site,
)

EVIDENCE = {"A1.1": os.urandom(700_000), "A1.2": os.urandom(500_000)}


@pytest.fixture
def package(bangka, tmp_path):  # noqa: F811
    return bangka.export(bangka.answer(2026, 3, EVIDENCE), tmp_path / "kirim.merit")


@pytest.mark.parametrize("threaded", [False, True], ids=["inline", "lanes"])
def test_the_copy_s_hashes_are_those_a_second_read_of_the_copy_gives(package, tmp_path, monkeypatch, threaded):
    if threaded:  # the lanes' threads, as for a package of 16 MiB and more
        monkeypatch.setattr(lanes, "THREADED_FROM", 0)
    plan = open_container(package)
    with open(tmp_path / "salinan.merit", "wb", buffering=0) as writer:
        copied = copy_hashing(plan, writer, chunk_size=64 * 1024)
    copy = open_container(tmp_path / "salinan.merit")
    assert (tmp_path / "salinan.merit").read_bytes() == package.read_bytes()
    assert copied.matches(copy) and copied.written == package.stat().st_size
    assert copied.sha256 == hashlib.sha256(package.read_bytes()).hexdigest()
    assert copied.result == hash_container(copy)


def test_a_copy_of_another_structure_is_not_matched(package, bangka, tmp_path):  # noqa: F811
    plan = open_container(package)
    with open(tmp_path / "salinan.merit", "wb", buffering=0) as writer:
        copied = copy_hashing(plan, writer)
    other = bangka.export(bangka.answer(2027, 2, {"A1.1": b"lain"}), tmp_path / "lain.merit")
    assert not copied.matches(open_container(other))


@pytest.mark.parametrize("differs", ["size", "entries", "signed_length", "signature", "written"])
def test_the_copy_matches_only_with_every_part_of_its_structure_as_planned(package, tmp_path, differs):
    """Each part alone decides: a copy that differs from the plan in any one of them is
    read again rather than trusted to the hashes taken."""
    import dataclasses

    plan = open_container(package)
    with open(tmp_path / "salinan.merit", "wb", buffering=0) as writer:
        copied = copy_hashing(plan, writer)
    copy = open_container(tmp_path / "salinan.merit")
    assert copied.matches(copy)
    if differs == "written":
        assert not dataclasses.replace(copied, written=copied.written + 1).matches(copy)
        return
    changed = {"size": copy.size + 1, "entries": copy.entries[:-1], "signed_length": copy.signed_length - 1,
               "signature": copy.signature[:-1] + b"x"}[differs]
    assert not copied.matches(dataclasses.replace(copy, **{differs: changed}))


class _ShortWriter:
    """A file object that takes at most ``most`` bytes a call, as a pipe or a full disk's
    last write may: the copy must still be whole."""

    def __init__(self, target, most: int):
        self.target, self.most = target, most

    def write(self, data) -> int:
        return self.target.write(bytes(data[:self.most]))


def test_a_writer_taking_part_of_each_chunk_still_gets_every_byte(package, tmp_path):
    plan = open_container(package)
    with open(tmp_path / "salinan.merit", "wb", buffering=0) as target:
        copied = copy_hashing(plan, _ShortWriter(target, 10_000), chunk_size=64 * 1024)
    assert (tmp_path / "salinan.merit").read_bytes() == package.read_bytes()
    assert copied.matches(open_container(tmp_path / "salinan.merit"))


def test_the_pass_reports_progress_to_the_file_s_size_and_stops_when_cancelled(package, tmp_path):
    from models.package.format import Rejected

    plan = open_container(package)
    seen: list[tuple[int, int]] = []
    with open(tmp_path / "salinan.merit", "wb", buffering=0) as writer:
        copy_hashing(plan, writer, chunk_size=64 * 1024, progress=lambda done, total: seen.append((done, total)))
    size = package.stat().st_size
    assert seen[-1] == (size, size) and all(total == size for _, total in seen) and len(seen) > 2
    with open(tmp_path / "halt.merit", "wb", buffering=0) as writer, pytest.raises(Rejected) as refused:
        copy_hashing(plan, writer, chunk_size=64 * 1024, cancelled=lambda: True)
    assert refused.value.reason == "cancelled"


def _change_source_after_first_chunk(monkeypatch, change) -> list[bool]:
    """Run ``change(source)`` while the importer copies it: after its first chunk is written."""
    real = importer.copy_hashing
    done: list[bool] = []

    def copying(plan, writer, *, progress=None, **kwargs):
        def report(written, total):
            if not done:
                change(plan.path)
                done.append(True)
            progress(written, total)

        return real(plan, writer, progress=report, **kwargs)

    monkeypatch.setattr(importer, "copy_hashing", copying)
    return done


def _flip_byte(path: Path, offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


def test_a_byte_changed_while_copied_is_caught_in_the_bytes_stored(site, package, monkeypatch):  # noqa: F811
    """The hashes come from the buffers written: a byte of evidence changed in the source
    after the copy began is in the copy and in the signed bytes' hash, and the package is
    refused by its signature (checked before the entries' hashes)."""
    last_entry = open_container(package).entries[-1]
    done = _change_source_after_first_chunk(monkeypatch, lambda path: _flip_byte(path, last_entry.data_offset + 10))
    outcome = importer.Importer(site.store).import_paths([package])[0]
    assert done and (outcome.outcome, outcome.reason) == (importer.REJECTED, "bad_signature")
    assert leftovers(site.store) == [] and ReceivedPackage.select().count() == 0


def test_a_source_cut_short_while_copied_is_refused(site, package, monkeypatch):  # noqa: F811
    size = package.stat().st_size
    done = _change_source_after_first_chunk(monkeypatch, lambda path: os.truncate(path, size // 2))
    outcome = importer.Importer(site.store).import_paths([package])[0]
    assert done and outcome.outcome == importer.REJECTED
    assert leftovers(site.store) == [] and ReceivedPackage.select().count() == 0


def test_a_source_replaced_after_it_was_planned_is_stored_as_copied(site, bangka, package, tmp_path,  # noqa: F811
                                                                     monkeypatch):
    """Another package put in its place between reading its structure and copying it: the
    hashes taken do not fit the copy's structure, so the copy is read again and verified on
    its own; what is stored and recorded is the file copied, consistently."""
    other = bangka.export(bangka.answer(2027, 4, {"A1.1": b"tahun berikut" * 1000}), tmp_path / "lain.merit")
    real = importer.open_container
    read_again = []

    def planned_then_replaced(path, *args, **kwargs):
        plan = real(path, *args, **kwargs)
        if Path(path) == package:
            os.replace(other, package)
        return plan

    real_hash = container_module.hash_container
    monkeypatch.setattr(importer, "open_container", planned_then_replaced)
    monkeypatch.setattr("models.package.verify.hash_container",
                        lambda *args, **kwargs: read_again.append(True) or real_hash(*args, **kwargs))
    outcome = importer.Importer(site.store).import_paths([package])[0]
    assert outcome.outcome == importer.ACCEPTED and read_again
    stored = received_package_path(site.store.data_dir, outcome.sha256)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == outcome.sha256
    assert stored.read_bytes() == package.read_bytes()  # the replacement
    assert verify_package(stored, [province.public_key(site.store)]).manifest["year"] == 2027
    assert Assessment.get_by_id(outcome.assessment_id).year == 2027


def test_an_unchanged_package_is_not_read_again(site, package, monkeypatch):  # noqa: F811
    monkeypatch.setattr("models.package.verify.hash_container",
                        lambda *args, **kwargs: pytest.fail("the copy was read again"))
    outcome = importer.Importer(site.store).import_paths([package])[0]
    assert outcome.outcome == importer.ACCEPTED
    stored = received_package_path(site.store.data_dir, outcome.sha256)
    assert stored.read_bytes() == package.read_bytes()


# --- the rows -------------------------------------------------------------------------------

def _rows_as_the_orm_wrote_them(store, manifest: dict, *, sha256: str, size: int, source_name: str,
                                certificate_serial: str, who: str) -> None:
    """``province.record_received_package`` as it was before the prepared statements (the
    reference the new one must equal row for row)."""
    info = manifest["assessment"]
    now = utc_now()
    with store.db.atomic():
        office = store.ensure_office(manifest["office"]["code"], manifest["office"].get("name"))
        assessment = Assessment.create(
            office=office, year=manifest["year"], revision=manifest["revision"],
            instrument_id=manifest["instrument"]["id"], instrument_sha256=manifest["instrument"]["sha256"],
            status=Assessment.FINAL, gates=dict(info.get("gates") or {}), survey=info.get("survey"),
            correction=info.get("correction"), created_at=province._parse_time(info.get("created_at")) or now,
            updated_at=now, finalized_at=province._parse_time(info.get("finalized_at")))
        for a in manifest["answers"]:
            Answer.create(assessment=assessment, item_id=a["item_id"], level=a.get("level"),
                          justification=a.get("justification") or "", needs_review=bool(a.get("needs_review")),
                          review_note=a.get("review_note") or "",
                          updated_at=province._parse_time(a.get("updated_at")) or now,
                          updated_by=a.get("updated_by") or "")
        for e in manifest["files"]:
            if e.get("role") == "evidence":
                Evidence.create(assessment=assessment, item_id=e["item_id"], sha256=e["sha256"], size=e["size"],
                                original_name=e.get("original_name") or Path(e["path"]).name,
                                label=e.get("label") or Path(e["path"]).stem,
                                media_type=e.get("media_type") or "application/octet-stream",
                                added_at=province._parse_time(e.get("added_at")) or now,
                                added_by=e.get("added_by") or "")
        AuditEntry.create(assessment=assessment, item_id=None, field="final_scores", old_value=None,
                          new_value=manifest["scores"], who=who)
        AuditEntry.create(assessment=assessment, item_id=None, field="imported", old_value=None,
                          new_value={"package_sha256": sha256, "package_id": manifest.get("package_id"),
                                     "file": source_name, "certificate_serial": certificate_serial}, who=who)
        ReceivedPackage.create(sha256=sha256, office_code=office.code, year=assessment.year,
                               revision=assessment.revision, assessment=assessment,
                               certificate_serial=certificate_serial, source_name=source_name, size=size,
                               received_at=now, received_by=who)


# Columns holding the time of writing (and the chain hashes over it): equal only to the second.
NOW_COLUMNS = {"office": {"created_at"}, "assessment": {"updated_at"}, "auditentry": {"at", "entry_hash", "prev_hash"},
               "receivedpackage": {"received_at"}}


def _dump(store) -> dict[str, list[dict]]:
    tables = {}
    for table in ("office", "assessment", "answer", "evidence", "auditentry", "receivedpackage"):
        cursor = store.db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id')
        names = [column[0] for column in cursor.description]
        tables[table] = [{name: value for name, value in zip(names, row, strict=True)
                          if name not in NOW_COLUMNS.get(table, ())} for row in cursor.fetchall()]
    return tables


def test_the_rows_are_those_the_orm_wrote(site, package, tmp_path):  # noqa: F811
    outcome = importer.Importer(site.store, who="Petugas").import_paths([package])[0]
    assert outcome.outcome == importer.ACCEPTED
    imported = _dump(site.store)
    assert len(imported["answer"]) > 10 and len(imported["evidence"]) == 2 and len(imported["auditentry"]) == 2
    reference_site = ProvinceSite.create(tmp_path / "rujukan", aside=True)
    try:
        with active(reference_site.store):
            manifest = verify_package(package, [province.public_key(site.store)]).manifest
            _rows_as_the_orm_wrote_them(reference_site.store, manifest, sha256=outcome.sha256,
                                        size=package.stat().st_size, source_name=package.name,
                                        certificate_serial=imported["receivedpackage"][0]["certificate_serial"],
                                        who="Petugas")
            assert _dump(reference_site.store) == imported
    finally:
        reference_site.store.close()
    assert history.check_history(site.store) == []  # the chain sealed over the rows as stored


def test_a_group_writes_the_chain_head_once_and_it_names_the_newest_entry(site, bangka, tmp_path,  # noqa: F811
                                                                         monkeypatch):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for revision, level in enumerate((2, 3, 4), start=1):
        bangka.export(bangka.answer(2026 + revision, level), folder / f"{revision}.merit")
    heads = []
    real = history.write_head
    monkeypatch.setattr(history, "write_head", lambda *args: heads.append(args) or real(*args))
    session = importer.Importer(site.store)
    monkeypatch.setattr(importer.Importer, "_ready_group", staticmethod(
        lambda pending: [pending.popleft().result() for _ in range(len(pending))]))  # all three in one group
    outcomes = session.import_paths([folder])
    assert [o.outcome for o in outcomes] == [importer.ACCEPTED] * 3
    newest = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert AuditEntry.select().count() == 6 and len(heads) == 1
    assert heads[0][1:] == (newest.id, newest.entry_hash, None)
    assert history.check_history(site.store) == []


def test_cancelling_stops_the_copy_of_a_file_that_is_no_package_too(site, tmp_path):  # noqa: F811
    """A file whose structure cannot be read is copied plainly (and judged on its copy): the
    user's cancel reaches that copy as well, and nothing of it stays."""
    junk = tmp_path / "bukan-paket.merit"
    junk.write_bytes(os.urandom(3 * 1024 * 1024))
    with pytest.raises(importer.ImportCancelled):
        importer.Importer(site.store).import_file(junk, cancelled=lambda: True)
    assert leftovers(site.store) == [] and ReceivedPackage.select().count() == 0
