"""The Berita Acara binds a paper to one package file; the province finds it by its hash."""

from __future__ import annotations

import shutil

import pytest

from documents.berita_acara_pdf import write_berita_acara_pdf
from models import keys
from models.berita_acara import (
    AMBIGUOUS,
    FOUND,
    INVALID,
    NOT_FOUND,
    berita_acara_of_package,
    file_sha256,
    grouped_hash,
    lookup_received_package,
    parse_reference,
)
from models.demo import DEMO_OFFICE_PASSPHRASE
from models.package.write import export_package
from models.province_tables import ReceivedPackage
from tests.documents.conftest import pdf_pages, pdf_text


@pytest.fixture
def package(store, demo, tmp_path):
    private_key = keys.load_private_key(keys.office_key_path(store.data_dir), DEMO_OFFICE_PASSPHRASE)
    certificate = keys.office_certificate_path(store.data_dir).read_bytes()
    return export_package(store, demo, tmp_path / "paket.merit", private_key, certificate)


def test_berita_acara_states_the_package_and_its_hash(store, demo, package, tmp_path):
    paper = berita_acara_of_package(package)
    sha256, size = file_sha256(package)
    assert (paper.sha256, paper.size, paper.year, paper.revision) == (sha256, size, demo.year, demo.revision)
    assert paper.qr_payload == f"MERIT-BA:1;id={paper.package_id};sha256={sha256}"
    assert "perkiraan predikat" in paper.headline  # the demo has no survey figure
    target = write_berita_acara_pdf(paper, tmp_path / "berita-acara.pdf")
    assert pdf_pages(target) == 1
    text = pdf_text(target, "-raw")
    assert sha256 in "".join(text.split())
    assert paper.package_id in "".join(text.split()) and demo.office.name in text and "BERITA ACARA" in text


def test_a_file_that_is_not_a_package_is_refused(tmp_path):
    from models.berita_acara import BeritaAcaraError

    bogus = tmp_path / "bukan.merit"
    bogus.write_bytes(b"bukan zip")
    with pytest.raises(BeritaAcaraError):
        berita_acara_of_package(bogus)


def _received(store, demo, package) -> str:
    sha256, size = file_sha256(package)
    (store.data_dir / "packages").mkdir(exist_ok=True)
    shutil.copyfile(package, store.data_dir / "packages" / f"{sha256}.merit")
    ReceivedPackage.create(sha256=sha256, office_code=demo.office.code, year=demo.year, revision=demo.revision,
                           assessment=demo, certificate_serial="S-1", source_name=package.name, size=size)
    return sha256


def test_province_finds_the_package_by_typed_hash_or_qr_text(store, demo, package):
    sha256 = _received(store, demo, package)
    paper = berita_acara_of_package(package)
    typed = grouped_hash(sha256[:20]).upper()  # typed from paper, in groups, in capitals
    assert lookup_received_package(store, typed).status == FOUND
    by_qr = lookup_received_package(store, "  " + paper.qr_payload + "\n")
    assert by_qr.status == FOUND and by_qr.package_id == paper.package_id
    forged = paper.qr_payload.replace(paper.package_id, "00000000-0000-0000-0000-000000000000")
    assert lookup_received_package(store, forged).status == NOT_FOUND
    assert lookup_received_package(store, "f" * 64).status == NOT_FOUND
    assert lookup_received_package(store, "1234").status == INVALID


def test_too_short_a_prefix_shared_by_two_packages_asks_for_more(store, demo, package):
    sha256 = _received(store, demo, package)
    twin = sha256[:16] + "0" * 48 if sha256[16] != "0" else sha256[:16] + "1" * 48
    ReceivedPackage.create(sha256=twin, office_code=demo.office.code, year=demo.year, revision=demo.revision + 1,
                           assessment=demo, certificate_serial="S-1", source_name="lain.merit", size=1)
    assert lookup_received_package(store, sha256[:16]).status == AMBIGUOUS
    assert lookup_received_package(store, sha256[:17]).status == FOUND


def test_reference_parsing():
    assert parse_reference("ab" * 32).sha256_prefix == "ab" * 32
    assert parse_reference("AB12-CD34 EF56 7890 1234").sha256_prefix == "ab12cd34ef5678901234"
    assert parse_reference("hash saya") is None


def test_the_printed_qr_code_reads_back_as_id_and_hash(package, tmp_path):
    import subprocess

    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg/pdftoppm tidak terpasang")
    paper = berita_acara_of_package(package)
    pdf = write_berita_acara_pdf(paper, tmp_path / "ba.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "ba")], check=True)
    read = subprocess.run(["zbarimg", "-q", "--raw", str(next(tmp_path.glob("ba-*.png")))],
                          capture_output=True, text=True)
    assert read.stdout.strip() == paper.qr_payload


def test_a_hash_full_of_f_prints_as_plain_letters(tmp_path):
    """DejaVu Sans would join "ff" into one ligature glyph: a copied hash would not match."""
    from models.berita_acara import BeritaAcara

    paper = BeritaAcara("p.merit", "ffffffff-ffff-4fff-bfff-ffffffffffff", "f" * 64, 1, "Kantor", "19.01", "Prov",
                        2026, 1, "final", "2026-01-01T00:00:00+00:00", "Nilai", None)
    text = "".join(pdf_text(write_berita_acara_pdf(paper, tmp_path / "f.pdf"), "-raw").split())
    assert "f" * 64 in text and paper.package_id in text


def test_a_package_whose_instrument_release_is_unknown_is_worded_from_its_stated_scores(store, demo, package):
    """Never re-scored with another release of the same id: the scores the package states,
    with the estimate named as one (the demo has no S), never a predikat."""
    from models.instrument import InstrumentRegistry

    paper = berita_acara_of_package(package, InstrumentRegistry([]))
    result = store.score(demo)
    assert "angka yang dinyatakan paket" in paper.headline
    assert "perkiraan predikat" in paper.headline and result.band_estimate.label in paper.headline
    assert "predikat " + result.band_estimate.label not in paper.headline
