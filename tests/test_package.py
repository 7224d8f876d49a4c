"""The signed package: demo round trip, export rules, crash safety, evidence streaming, CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE, DEMO_PROVINCE_PASSPHRASE, DEMO_YEAR, demo_province_dir, seed_demo
from models.package.format import CertificateRefused, PackageCancelled, PackageError, Rejected
from models.package.inspect import inspect_package
from models.package.read_evidence import import_evidence, iter_package_evidence
from models.package.verify import verify_package
from models.package.write import check_certificate_current, export_package
from models.store import Store
from tests.conftest import REPO
from tests.package_builders import read_entries, write_signed


@dataclass
class DemoPackage:
    data_dir: Path
    package: Path
    office_key: Ed25519PrivateKey
    province_key: Ed25519PrivateKey
    province_public: keys.PublicKey
    certificate: bytes


def make_demo_package(root: Path) -> DemoPackage:
    """The demo office, enrolled and finalized, exported once (the store is closed after)."""
    data_dir = root / "data"
    with Store(data_dir) as store:
        seed_demo(store)
        assessment = store.latest_assessment(store.office(), DEMO_YEAR)
        office_key = keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
        certificate = keys.office_certificate_path(data_dir).read_bytes()
        package = export_package(store, assessment, root / "out" / "demo.merit", office_key, certificate)
    province_key = keys.load_private_key(demo_province_dir(data_dir) / "province.key", DEMO_PROVINCE_PASSPHRASE)
    return DemoPackage(data_dir, package, office_key, province_key, keys.public_key_of(province_key), certificate)


# `make mutation` runs the package tests once per mutant; building the demo package each time
# (about 1 s) dominated. tests/mutation_run.py builds it once with the unmutated tree into this
# folder and every run copies it: the package under test is then a correct one, as a package
# from another office would be. Outside `make mutation` the variable is unset.
DEMO_CACHE_ENV = "MERIT_TEST_DEMO_PACKAGE"
_SEEDS = "seeds.json"


def build_demo_cache(folder: Path) -> None:
    demo = make_demo_package(folder)
    seeds = {"office": keys._seed_of(demo.office_key).hex(), "province": keys._seed_of(demo.province_key).hex()}
    (folder / _SEEDS).write_text(json.dumps(seeds), "utf-8")  # written last: the cache is complete


def demo_package_for_session(root: Path) -> DemoPackage:
    cache = os.environ.get(DEMO_CACHE_ENV)
    if not cache or not (Path(cache) / _SEEDS).is_file():
        return make_demo_package(root)
    shutil.copytree(cache, root, dirs_exist_ok=True)
    seeds = json.loads((root / _SEEDS).read_text("utf-8"))
    office_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seeds["office"]))
    province_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seeds["province"]))
    data_dir = root / "data"
    return DemoPackage(data_dir, root / "out" / "demo.merit", office_key, province_key,
                       keys.public_key_of(province_key), keys.office_certificate_path(data_dir).read_bytes())


@pytest.fixture
def demo_package(signed_demo) -> DemoPackage:
    return signed_demo  # read-only, built once per session (tests/conftest.py)


def test_demo_round_trip_verifies(demo_package):
    report = verify_package(demo_package.package, [demo_package.province_public])
    assert report.ok, report.message
    assert report.reason is None and report.message.startswith("Paket sah")
    manifest = report.manifest
    assert manifest["format"] == "merit-luring-package" and manifest["format_version"] == 2
    assert manifest["office"]["code"] == "19.01" and manifest["year"] == DEMO_YEAR and manifest["revision"] == 1
    assert manifest["instrument"]["id"] == "esm-2026" and len(manifest["instrument"]["sha256"]) == 64
    assert len(manifest["answers"]) == 30 and manifest["scores"]["answered"] == 30
    evidence = [f for f in manifest["files"] if f["role"] == "evidence"]
    assert len(evidence) == report.checked_files - 1 > 20
    assert report.certificate.serial == "DEMO-19.01-1"
    assert report.province_key == demo_package.province_public
    with zipfile.ZipFile(demo_package.package) as archive:
        names = archive.namelist()
        assert names[:2] == ["manifest.json", "certificate.json"]
        assert names[2:] == [f["path"] for f in evidence]
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
        assert archive.comment.startswith(b"untrusted comment:")


def test_package_stays_verifiable_after_the_certificate_expires(demo_package):
    report = verify_package(demo_package.package, [demo_package.province_public])
    created = date.fromisoformat(report.manifest["created_at"][:10])
    assert verify_package(demo_package.package, [demo_package.province_public], on=created).ok
    late = verify_package(demo_package.package, [demo_package.province_public], on=date(2040, 1, 1))
    assert late.reason == "certificate_expired"  # only when asked about a later date


def test_inspect_summarises_without_trusting(demo_package):
    summary = inspect_package(demo_package.package)
    assert summary["trusted"] is False
    assert summary["manifest"]["office"]["code"] == "19.01"
    assert summary["manifest"]["evidence_files"] > 20
    assert summary["certificate"]["serial"] == "DEMO-19.01-1"
    assert summary["signature"]["key_id"] == keys.public_key_of(demo_package.office_key).key_id_hex


def test_evidence_streams_out_of_a_verified_package(demo_package, tmp_path):
    from models.evidence import EvidenceStore

    report = verify_package(demo_package.package, [demo_package.province_public])
    listed = [f for f in report.manifest["files"] if f["role"] == "evidence"]
    streamed = []
    for item in iter_package_evidence(demo_package.package, report.manifest):
        data = b""
        while chunk := item.stream.read(7):
            data += chunk
        streamed.append((item.entry["path"], len(data)))
    assert streamed == [(f["path"], f["size"]) for f in listed]
    target = EvidenceStore(tmp_path / "evidence")
    stored = import_evidence(target, demo_package.package, report.manifest)
    assert len(stored) == len(listed)
    for entry in listed:
        assert target.path_of(entry["sha256"]).stat().st_size == entry["size"]
    assert not list((tmp_path / "evidence").glob(".*.partial"))


def test_streaming_rechecks_hashes(demo_package, tmp_path):
    report = verify_package(demo_package.package, [demo_package.province_public])
    entries = read_entries(demo_package.package)
    victim = next(name for name, _ in entries if name.startswith("evidence/"))
    changed = write_signed(tmp_path / "changed.merit", [
        (name, data[:-1] + bytes([data[-1] ^ 1]) if name == victim else data) for name, data in entries],
        demo_package.office_key)
    with pytest.raises(Rejected) as rejected:
        for item in iter_package_evidence(changed, report.manifest):
            while item.stream.read(1 << 16):
                pass
    assert rejected.value.reason == "hash_mismatch"


# --- export rules -------------------------------------------------------------------------------

@pytest.fixture
def enrolled(data_dir):
    with Store(data_dir) as store:
        seed_demo(store)
        office_key = keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
        certificate = keys.office_certificate_path(data_dir).read_bytes()
        yield store, store.latest_assessment(store.office(), DEMO_YEAR), office_key, certificate


def test_export_refuses_a_draft_and_a_foreign_certificate(enrolled, tmp_path):
    from models.lifecycle import reopen

    store, assessment, office_key, certificate = enrolled
    draft = reopen(store, assessment, "penguji")
    with pytest.raises(PackageError, match="belum difinalisasi"):
        export_package(store, draft, tmp_path / "x.merit", office_key, certificate)
    with pytest.raises(PackageError, match="bukan untuk kunci kantor ini"):
        export_package(store, assessment, tmp_path / "x.merit", keys.generate_private_key(), certificate)
    assert not list(tmp_path.glob("*.merit"))


def test_export_refuses_a_certificate_that_does_not_cover_today(enrolled, tmp_path):
    from models.certificates import issue_certificate, make_enrolment_request, read_enrolment_request

    store, assessment, office_key, _ = enrolled
    province = keys.load_private_key(demo_province_dir(store.data_dir) / "province.key", DEMO_PROVINCE_PASSPHRASE)
    request = read_enrolment_request(make_enrolment_request("19.01", "BKPSDM", keys.public_key_of(office_key),
                                                            office_key))
    expired = issue_certificate(request, province, keys.public_key_of(province), "19", date(2020, 1, 1),
                                date(2021, 12, 31), "19-0050")
    with pytest.raises(PackageError, match="tidak mencakup hari ini"):
        check_certificate_current(expired)
    assert check_certificate_current(expired, today=date(2021, 6, 1)).serial == "19-0050"
    keys.office_certificate_path(store.data_dir).write_bytes(expired)
    store.close()  # the CLI is another process: it needs the data folder to itself
    refused = _run("export", "--year", "2026", "--out", str(tmp_path / "x.merit"), "--data-dir", str(store.data_dir),
                   env={"MERIT_LURING_PASSPHRASE": DEMO_OFFICE_PASSPHRASE})
    assert refused.returncode == 2 and "tidak mencakup hari ini" in refused.stderr
    assert not (tmp_path / "x.merit").exists()


def test_export_itself_refuses_a_certificate_that_cannot_sign(enrolled, tmp_path):
    """Whichever face calls it, export writes no package under an expired certificate, nor
    under one for another office or another key."""
    from models.certificates import issue_certificate, make_enrolment_request, read_enrolment_request

    store, assessment, office_key, _ = enrolled
    province = keys.load_private_key(demo_province_dir(store.data_dir) / "province.key", DEMO_PROVINCE_PASSPHRASE)

    def certificate(office_code: str, key: Ed25519PrivateKey, valid_until: date) -> bytes:
        request = read_enrolment_request(make_enrolment_request(office_code, "BKPSDM", keys.public_key_of(key), key))
        return issue_certificate(request, province, keys.public_key_of(province), "19", date(2020, 1, 1),
                                 valid_until, f"19-{office_code}")

    out = tmp_path / "out" / "x.merit"
    refusals = [
        (certificate("19.01", office_key, date(2021, 12, 31)), "tidak mencakup hari ini"),
        (certificate("19.02", office_key, date(2099, 12, 31)), "untuk kantor 19.02, bukan 19.01"),
        (certificate("19.01", keys.generate_private_key(), date(2099, 12, 31)), "bukan untuk kunci kantor ini"),
        (b"bukan sertifikat", "Sertifikat"),
    ]
    for certificate_bytes, message in refusals:
        with pytest.raises(CertificateRefused, match=message):
            export_package(store, assessment, out, office_key, certificate_bytes)
        assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_cancelled_export_leaves_nothing(enrolled, tmp_path):
    store, assessment, office_key, certificate = enrolled
    calls = []
    with pytest.raises(PackageCancelled):
        export_package(store, assessment, tmp_path / "out" / "x.merit", office_key, certificate,
                       progress=lambda done, total: calls.append((done, total)), cancelled=lambda: len(calls) >= 5)
    assert list((tmp_path / "out").iterdir()) == []


def test_a_corrupted_blob_in_the_store_stops_the_export(enrolled, tmp_path):
    store, assessment, office_key, certificate = enrolled
    blob = store.evidence_path(store.evidence(assessment)[3])
    blob.write_bytes(blob.read_bytes().replace(b"PDF", b"PDX", 1))
    with pytest.raises(PackageError, match="rusak"):
        export_package(store, assessment, tmp_path / "out" / "x.merit", office_key, certificate)
    assert list((tmp_path / "out").iterdir()) == []


# A child process opens the demo store and key, then runs the tail given by each test.
EXPORT_IN_CHILD = """
import os, resource, signal, sys
from pathlib import Path
from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE
from models.package.format import PackageError
from models.package.write import export_package
from models.store import Store

data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
store = Store(data_dir)
assessment = store.latest_assessment(store.office(), 2026)
key = keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
certificate = keys.office_certificate_path(data_dir).read_bytes()
"""

KILL_MIDWAY = EXPORT_IN_CHILD + """
def progress(done, total):
    if done > total // 2:
        os.kill(os.getpid(), signal.SIGKILL)

export_package(store, assessment, out, key, certificate, progress=progress)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_export_killed_midway_leaves_no_package(enrolled, tmp_path):
    store, assessment, office_key, certificate = enrolled
    out_dir = tmp_path / "flashdisk"
    store.close()  # the child is another process: it needs the data folder to itself
    result = subprocess.run([sys.executable, "-c", KILL_MIDWAY, str(store.data_dir), str(out_dir / "paket.merit")],
                            cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == -9, result.stderr
    assert list(out_dir.glob("*.merit")) == []
    assert len(list(out_dir.glob(".*.partial"))) == 1  # the half-written temp file, not named *.merit
    package = export_package(store, assessment, out_dir / "paket.merit", office_key, certificate)
    assert [p.name for p in out_dir.iterdir()] == ["paket.merit"]  # the next export swept the leftover
    assert verify_package(package, keys.load_trusted_keys(store.data_dir)).ok


FULL_DISK = EXPORT_IN_CHILD + """
# From here on no file of this process may grow past 20 kB: the OS answers EFBIG, as a full disk answers ENOSPC.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
try:
    export_package(store, assessment, out, key, certificate)
except PackageError as exc:
    print(exc)
    sys.exit(7)
"""


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE")
def test_export_onto_a_full_disk_fails_cleanly(enrolled, tmp_path):
    store, *_ = enrolled
    out_dir = tmp_path / "flashdisk"
    store.close()  # the child is another process: it needs the data folder to itself
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(store.data_dir), str(out_dir / "paket.merit")],
                            cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 7, result.stderr
    assert "Periksa ruang disk" in result.stdout
    assert list(out_dir.iterdir()) == []  # neither a package nor a temp file


# --- CLI ----------------------------------------------------------------------------------------

def _run(*argv, env=None, input_text=None):
    return subprocess.run([sys.executable, "main.py", *argv], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, input=input_text, check=False, timeout=120)


def test_cli_demo_export_verify_inspect(tmp_path):
    data = tmp_path / "data"
    assert _run("demo", "--data-dir", str(data)).returncode == 0
    passphrase = tmp_path / "sandi.txt"
    passphrase.write_text(DEMO_OFFICE_PASSPHRASE + "\n", "utf-8")
    out = tmp_path / "paket.merit"
    export = _run("export", "--year", "2026", "--out", str(out), "--passphrase-file", str(passphrase),
                  "--data-dir", str(data), "--json")
    assert export.returncode == 0, export.stderr
    assert json.loads(export.stdout)["package"] == str(out)
    trust = str(demo_province_dir(data) / "province.pub")
    verify = _run("verify", str(out), "--trust", trust, "--json")
    assert verify.returncode == 0, verify.stderr
    assert json.loads(verify.stdout)["ok"] is True
    foreign = tmp_path / "foreign.pub"
    foreign.write_text(keys.public_key_of(keys.generate_private_key()).to_minisign(), "utf-8")
    untrusted = _run("verify", str(out), "--trust", str(foreign))
    assert untrusted.returncode == 1 and "certificate_untrusted" in untrusted.stderr
    assert _run("verify", str(tmp_path / "tidak-ada.merit")).returncode == 2
    assert _run("verify", str(out), "--trust", str(passphrase)).returncode == 2
    inspect = _run("inspect", str(out), "--json")
    assert inspect.returncode == 0 and json.loads(inspect.stdout)["manifest"]["year"] == 2026
    said = json.loads(inspect.stdout)["manifest"]
    assert said["scores"]["band"] is None and said["scores"]["band_estimate"]  # the demo has no S
    assert said["instrument"]["provenance"]["bands"] == "reported"
    text = _run("inspect", str(out)).stdout
    assert "SEMENTARA" in text and "perkiraan predikat bila nilai survei sama dengan maturitas" in text
    wrong = _run("export", "--year", "2026", "--out", str(tmp_path / "b.merit"), "--data-dir", str(data),
                 env={"MERIT_LURING_PASSPHRASE": "bukan-sandinya"})
    assert wrong.returncode == 2 and "Kata sandi salah" in wrong.stderr
    assert not (tmp_path / "b.merit").exists()


def test_cli_keys_enrol_finalize_reopen(tmp_path, data_dir):
    from models.certificates import issue_certificate, read_enrolment_request
    from models.validation import validation_issues

    env = {"MERIT_LURING_PASSPHRASE": "sandi kantor baru"}
    with Store(data_dir) as store:
        office = store.ensure_office("19.02")
        assessment = store.create_assessment(office, 2026)
        store.set_answer(assessment, "A1.1", level=2)
    args = ("--data-dir", str(data_dir))
    init = _run("keys", "init", "--json", *args, env=env)
    assert init.returncode == 0, init.stderr
    fingerprint = json.loads(init.stdout)["fingerprint"]
    assert _run("keys", "init", *args, env=env).returncode == 2  # never overwrites a key
    request_file = tmp_path / "permintaan.json"
    assert _run("enrol", "request", "--out", str(request_file), *args, env=env).returncode == 0
    request = read_enrolment_request(request_file.read_bytes())
    assert request.office_code == "19.02" and request.public_key.fingerprint == fingerprint

    province = keys.generate_private_key()
    province_pub = tmp_path / "provinsi.pub"
    province_pub.write_text(keys.public_key_of(province).to_minisign(), "utf-8")
    certificate = tmp_path / "sertifikat.json"
    certificate.write_bytes(issue_certificate(request, province, keys.public_key_of(province), "19",
                                              date(2026, 1, 1), date(2030, 12, 31), "19-0002"))
    assert _run("enrol", "import", str(certificate), *args).returncode == 2  # province key not trusted yet
    imported = _run("enrol", "import", str(certificate), "--province-key", str(province_pub), *args)
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(_run("keys", "show", "--json", *args).stdout)
    assert shown["fingerprint"] == fingerprint and shown["certificate"]["status"] == "valid"

    blocked = _run("finalize", "--year", "2026", "--json", *args)
    assert blocked.returncode == 1
    with Store(data_dir) as store:
        expected = {i.item_id for i in validation_issues(store, store.latest_assessment(store.office(), 2026))
                    if i.blocking}
    assert {i["item_id"] for i in json.loads(blocked.stdout)["issues"]} == expected
    assert _run("export", "--year", "2026", "--out", str(tmp_path / "x.merit"), *args, env=env).returncode == 2
    assert _run("reopen", "--year", "2026", *args).returncode == 2  # a draft cannot be reopened


def test_an_export_leaves_another_running_export_s_temp_file_alone(enrolled, tmp_path):
    store, assessment, office_key, certificate = enrolled
    out_dir = tmp_path / "bersama"
    out_dir.mkdir()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = out_dir / f".lain.merit.{running.pid}-abcdef.partial"  # another export, still writing
        theirs.write_bytes(b"sebagian")
        export_package(store, assessment, out_dir / "paket.merit", office_key, certificate)
        assert theirs.exists()
    finally:
        running.kill()
        running.wait()
    export_package(store, assessment, out_dir / "paket.merit", office_key, certificate)
    assert not theirs.exists()  # its process is gone: a leftover now


def test_evidence_of_a_format_1_package_stored_before_still_streams_checked(demo_package, tmp_path):
    """A province keeps the packages it imported under format 1; their evidence stays
    readable, each file checked against the SHA-256 recorded at import."""
    entries = read_entries(demo_package.package)
    manifest = json.loads(dict(entries)["manifest.json"])
    stored = tmp_path / "format-1.merit"
    with zipfile.ZipFile(stored, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data, zipfile.ZIP_DEFLATED if name == "manifest.json" else zipfile.ZIP_STORED)
    assert verify_package(stored, [demo_package.province_public]).reason == "format_version_unsupported"
    streamed = {item.entry["path"]: item.stream.read() for item in iter_package_evidence(stored, manifest)}
    assert streamed == {name: data for name, data in entries if name.startswith("evidence/")}
    changed = dict(manifest, files=[dict(manifest["files"][1], sha256="0" * 64)])
    with pytest.raises(Rejected) as rejected:
        for item in iter_package_evidence(stored, changed):
            item.stream.read()
    assert rejected.value.reason == "hash_mismatch"
