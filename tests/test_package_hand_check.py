"""The documented hand check (``docs/package-format.md`` §7, standard tools only: python3's
zipfile, head, wc, unzip, minisign) and the app never disagree: run as a script with the
real tools on the valid package and on every hostile variant of the tamper tests."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from models.package.verify import verify_package
from tests.package_builders import read_entries
from tests.test_package_tamper import CASES, build_case, demo  # noqa: F401  (the fixture)

TOOLS = [shutil.which(tool) for tool in ("minisign", "unzip", "head", "wc")]
pytestmark = pytest.mark.skipif(None in TOOLS, reason="minisign, unzip, head, wc needed (Debian: minisign unzip)")

# §7 verbatim, with the province key given as a file. Exit 0: the office signed every byte
# and the province certified the office key.
HAND_CHECK = r"""
set -e
P="$1"; PROVINCE="$2"
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).comment)' "$P" > paket.minisig
head -c $(( $(wc -c < "$P") - $(wc -c < paket.minisig) )) "$P" > paket.signed
unzip -p "$P" certificate.json > certificate.json
python3 -c 'import json; d = json.load(open("certificate.json"));
open("body", "w", newline="").write(d["body"]); open("body.minisig", "w", newline="").write(d["signature"])
print(json.loads(d["body"])["office_public_key"])' > office.key
minisign -Vm body -p "$PROVINCE" -q
minisign -Vm paket.signed -x paket.minisig -P "$(cat office.key)" -q
"""


def hand_check(path, province_pub, workdir) -> bool:
    workdir.mkdir(exist_ok=True)
    result = subprocess.run(["sh", "-c", HAND_CHECK, "hand-check", str(path), str(province_pub)], cwd=workdir,
                            capture_output=True, timeout=60, check=False)
    return result.returncode == 0


def unzip_entries(path, workdir) -> dict[str, bytes]:
    """Every entry as ``unzip`` reads it (what a person checking by hand would look at)."""
    names = subprocess.run(["unzip", "-Z1", str(path)], capture_output=True, check=True, text=True).stdout.split()
    return {name: subprocess.run(["unzip", "-p", str(path), name], capture_output=True, check=True).stdout
            for name in names}


@pytest.fixture(scope="module")
def province_pub(signed_demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("province") / "province.pub"
    path.write_text(signed_demo.province_public.to_minisign())
    return path


def test_hand_check_accepts_the_valid_package_and_reads_what_the_app_reads(demo, province_pub, tmp_path):  # noqa: F811
    assert hand_check(demo.package, province_pub, tmp_path / "work")
    report = verify_package(demo.package, [demo.province_public])
    assert report.ok
    assert unzip_entries(demo.package, tmp_path) == dict(read_entries(demo.package))
    assert list(unzip_entries(demo.package, tmp_path)) == ["manifest.json", "certificate.json"] + [
        f["path"] for f in report.manifest["files"][1:]]


# The hostile variants an outsider (no office key) can make: the hand check must reject each,
# as the app does. Variants signed with the office key itself are the office's own word:
# the hand check proves who signed them; the app additionally refuses their layout or
# content (asserted per reason in test_package_tamper).
OUTSIDER = [(reason, builder) for reason, builder in CASES if not getattr(builder, "office_signed", False)]


@pytest.mark.parametrize("reason, builder", OUTSIDER, ids=[f"{n:02d}-{c[0]}" for n, c in enumerate(OUTSIDER)])
def test_hand_check_and_app_agree_on_every_outsider_variant(demo, province_pub, tmp_path, reason, builder):  # noqa: F811
    path = build_case(demo, tmp_path, builder)
    app = verify_package(path, [demo.province_public])
    assert (app.ok, app.reason) == (False, reason)
    assert not hand_check(path, province_pub, tmp_path / "work")


def test_outsider_variants_include_every_container_attack():
    reasons = {reason for reason, _ in OUTSIDER}
    assert {"prefix_data", "trailing_data", "gap_data", "extra_field", "header_mismatch", "duplicate_entry",
            "overlapping_entries", "signature_malformed", "bad_signature", "format_version_unsupported",
            "zip64_unsupported", "too_many_entries"} <= reasons
