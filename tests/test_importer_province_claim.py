"""Whose province a certificate names decides before the registry does (issue 18: a survivor
of ``Importer._verify`` that would accept such a package when the registry is not required)."""

from __future__ import annotations

from models import certificates, importer, province
from tests.test_importer import ProvinceSite, enrolled_office, site  # noqa: F401  (fixture)


def test_a_certificate_naming_another_province_for_one_of_ours_is_refused(site, tmp_path, monkeypatch):  # noqa: F811
    """A province key this one trusts (Aceh's, as a national collector might) certifies
    office 19.05, which lies in this province: the certificate is not this province's to
    give, whether or not the registry is required."""
    aceh = ProvinceSite.create(tmp_path / "provinsi-aceh", "11", aside=True)
    real = certificates.regions.province_of
    with monkeypatch.context() as patched:  # only a forged issuer would sign this: issuing refuses it
        patched.setattr(certificates.regions, "province_of",
                        lambda code: real("11.01") if code == "19.05" else real(code))
        office = enrolled_office(tmp_path, aceh, "19.05")
    package = office.export(office.answer(2026, 2), tmp_path / "lintas.merit")
    for require_enrolled in (True, False):
        outcome = importer.Importer(site.store, trusted_keys=[province.public_key(aceh.store)],
                                    require_enrolled=require_enrolled).import_file(package)
        assert (outcome.outcome, outcome.reason) == (importer.REJECTED, "office_not_in_province"), require_enrolled
    assert importer.Assessment.select().count() == 0
    office.store.close()
    aceh.store.close()


def test_the_same_revision_under_another_instrument_is_other_content(site, tmp_path):  # noqa: F811
    """Two exports of one revision are the same content only when they rest on the same
    instrument: the same answers under another release (another id, version or SHA-256)
    are a different assessment, so the second file is a conflict to keep, not a duplicate."""
    import json

    from models.package.format import MANIFEST_NAME
    from tests.package_builders import read_entries

    office = enrolled_office(tmp_path, site, "19.02")
    package = office.export(office.answer(2026, 2), tmp_path / "satu.merit")
    manifest = json.loads(dict(read_entries(package))[MANIFEST_NAME])
    again = {**manifest, "created_at": "2026-12-06T08:00:00Z", "package_id": "lain"}
    assert importer._content_of(again) == importer._content_of(manifest)  # what changes on every export
    for field, value in (("id", "nism-2026-salinan"), ("version", "9.9"), ("sha256", "0" * 64)):
        other = {**manifest, "instrument": {**manifest["instrument"], field: value}}
        assert importer._content_of(other) != importer._content_of(manifest), field
    office.store.close()
