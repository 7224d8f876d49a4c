"""The 514-package national set for the province benchmarks, built once and kept under
``build/bench-cache/`` between runs.

Making the packages (514 offices, each with its own key, certificate, answers, 2 MB of
random evidence, finalised and exported) is the slow part of ``bench.run import``; it
measures nothing. The packages and the 38 province public keys are kept in a folder named
after ``GENERATOR_VERSION`` (bump it whenever what ``_make_packages`` writes changes, or
when the package format changes) and the Python and instrument they were made with; a
half-written folder never counts (``done`` is written last). ``province_store`` also keeps
one province store with all of them imported, for the journey and view benchmarks when run
alone (``python -m bench.province_views``).

``MERIT_BENCH_CACHE=0`` builds into the work folder instead (nothing kept).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from datetime import date
from pathlib import Path

GENERATOR_VERSION = 1
EVIDENCE_BYTES = 2 * 1024 * 1024  # per package, in two files; "a few MB" scaled to keep the run short
YEAR = 2026
ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = ROOT / "build" / "bench-cache"


def _key() -> str:
    """What the cached packages depend on: this generator, the package format and the instrument."""
    from models.package.format import FORMAT_VERSION

    digest = hashlib.sha256(f"{GENERATOR_VERSION}|{FORMAT_VERSION}|{EVIDENCE_BYTES}|{YEAR}".encode())
    for path in sorted((ROOT / "resources" / "instruments").glob("*.json")):
        digest.update(path.read_bytes())
    return f"national-v{GENERATOR_VERSION}-{digest.hexdigest()[:12]}"


def cache_enabled() -> bool:
    return os.environ.get("MERIT_BENCH_CACHE", "1") != "0"


def make_packages(workdir: Path, count: int | None = None) -> tuple[Path, list]:
    """The packages of the first ``count`` kabupaten/kota (all 514 by default) in
    ``workdir/packages``; returns (folder, the 38 province public keys)."""
    from models import keys, regions
    from models.certificates import issue_certificate, make_enrolment_request
    from models.lifecycle import finalize
    from models.package.write import export_package
    from models.store import Store

    province_keys = {}
    for place in regions.provinces():
        private = keys.generate_private_key()
        province_keys[place.code] = (private, keys.public_key_of(private))
    out = workdir / "packages"
    out.mkdir(parents=True)
    sources = workdir / "sources"
    sources.mkdir()
    with Store(workdir / "offices", evidence_limit_bytes=EVIDENCE_BYTES) as store:
        instrument = store.registry.default()
        places = [r for r in regions.all_regions() if not r.is_province][:count]
        for number, place in enumerate(places):
            office_private = keys.generate_private_key()
            office_public = keys.public_key_of(office_private)
            province_private, province_public = province_keys[place.province_code]
            request = make_enrolment_request(place.code, f"BKPSDM {place.name}", office_public, office_private)
            certificate = issue_certificate(request, province_private, province_public, place.province_code,
                                            date(YEAR, 1, 1), date(YEAR + 2, 12, 31), f"B-{number:04d}")
            with store.db.atomic():  # one commit per office keeps setup fast
                office = store.ensure_office(place.code, f"BKPSDM {place.name}")
                assessment = store.create_assessment(office, YEAR, instrument)
                applicable = instrument.applicable_items(assessment.gates)
                for position, item in enumerate(applicable):
                    store.set_answer(assessment, item.id, level=(number + position) % 5,
                                     justification=f"Dokumen {item.id} tersedia.")
                for half in range(2):
                    source = sources / f"bukti-{number}-{half}.pdf"
                    source.write_bytes(os.urandom(EVIDENCE_BYTES // 2))
                    store.add_evidence(assessment, applicable[half].id, source)
                    source.unlink()
            assessment = finalize(store, assessment, "Bench", without_survey=True)
            export_package(store, assessment, out / f"{place.code}.merit", office_private, certificate)
    shutil.rmtree(workdir / "offices")  # only the packages are needed from here on
    shutil.rmtree(sources)
    (workdir / "province-keys.txt").write_text("".join(public.to_base64() + "\n"
                                                       for _, public in province_keys.values()), "utf-8")
    return out, [public for _, public in province_keys.values()]


def _read_keys(folder: Path) -> list:
    from models import keys

    lines = (folder / "province-keys.txt").read_text("utf-8").split()
    return [keys.public_key_from_base64(line) for line in lines]


def packages(workdir: Path) -> tuple[Path, list, bool]:
    """(folder of the 514 packages, the 38 province public keys, whether they came from the
    cache). The folder is the cache's own: read it, never write to it."""
    if not cache_enabled():
        folder, trusted = make_packages(workdir)
        return folder, trusted, False
    cached = CACHE_ROOT / _key()
    if (cached / "done").is_file():
        return cached / "packages", _read_keys(cached), True
    for stale in CACHE_ROOT.glob("national-*") if CACHE_ROOT.is_dir() else ():
        shutil.rmtree(stale, ignore_errors=True)  # older generators: 1 GB each
    building = CACHE_ROOT / (_key() + ".part")
    shutil.rmtree(building, ignore_errors=True)
    folder, trusted = make_packages(building)
    building.rename(cached)
    (cached / "done").write_text("ok\n", "utf-8")
    return cached / "packages", trusted, False


def import_all(folder: Path, trusted: list, target: Path) -> None:
    """A province store at ``target`` with every package of ``folder`` imported."""
    from models import importer, regions
    from models.store import Store

    with Store(target) as store:
        session = importer.Importer(store, trusted_keys=trusted, require_enrolled=False,
                                    province_codes=[p.code for p in regions.provinces()])
        session.import_paths([folder])


def province_store(workdir: Path) -> Path:
    """A copy (in ``workdir``) of a province store holding all 514 packages, imported once
    into the cache and copied from there afterwards (the benchmarks may write to it)."""
    folder, trusted, _ = packages(workdir)
    if not cache_enabled():
        import_all(folder, trusted, workdir / "province")
        return workdir / "province"
    cached = CACHE_ROOT / _key() / "province"
    if not (CACHE_ROOT / _key() / "province-done").is_file():
        shutil.rmtree(cached, ignore_errors=True)
        import_all(folder, trusted, cached)
        (CACHE_ROOT / _key() / "province-done").write_text("ok\n", "utf-8")
    target = workdir / "province"
    shutil.copytree(cached, target, ignore=shutil.ignore_patterns("merit.lock"), copy_function=_link_or_copy)
    return target


def _link_or_copy(source: str, target: str) -> None:
    """Stored packages never change once written: link them; copy the database and the rest."""
    if source.endswith(".merit"):
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copy2(source, target)


if __name__ == "__main__":  # python -m bench.national_store: build (or find) the cache and say where
    import tempfile

    with tempfile.TemporaryDirectory(prefix="merit-national-") as scratch:
        print(province_store(Path(scratch)), file=sys.stderr)
    print(CACHE_ROOT / _key())
