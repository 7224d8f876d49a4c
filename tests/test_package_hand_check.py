"""The documented hand check (``docs/package-format.md`` §7, standard tools only) and the
app never disagree on a question of container or signature: the script is taken from the
document itself and run with the real tools (python3, cmp, unzip, head, wc, minisign) on
the valid package and on the hostile variants of the tamper tests."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from models import keys
from models.package.verify import verify_package
from tests.conftest import REPO
from tests.package_builders import read_entries
from tests.test_package_tamper import CASES, build_case, demo  # noqa: F401  (the fixture)

TOOLS = [shutil.which(tool) for tool in ("minisign", "unzip", "cmp", "head", "wc", "python3")]
pytestmark = pytest.mark.skipif(None in TOOLS, reason="minisign, unzip, cmp needed (Debian: minisign unzip)")


def documented_script() -> str:
    """§7's shell block, with the package and the province key as arguments."""
    text = (REPO / "docs" / "package-format.md").read_text("utf-8")
    section = text[text.index("## 7. Checking a package by hand"):text.index("## 8. Versions")]
    script = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    assert script.startswith("P=paket.merit\n") and script.count("province.pub") == 1
    return "set -e\n" + script.replace("P=paket.merit\n", 'P="$1"\n', 1).replace("province.pub", '"$2"')


HAND_CHECK = documented_script()


def hand_check(path, province_pub, workdir) -> bool:
    workdir.mkdir(exist_ok=True)
    result = subprocess.run(["sh", "-c", HAND_CHECK, "hand-check", str(path), str(province_pub)], cwd=workdir,
                            capture_output=True, timeout=60, check=False)
    return result.returncode == 0


def unzip_entries(path) -> dict[str, bytes]:
    """Every entry as ``unzip`` reads it (what a person checking by hand looks at)."""
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
    read_by_unzip = unzip_entries(demo.package)
    assert read_by_unzip == dict(read_entries(demo.package))
    assert list(read_by_unzip) == ["manifest.json", "certificate.json"] + [f["path"] for f in report.manifest["files"][1:]]


def test_hand_check_refuses_another_province(demo, tmp_path):  # noqa: F811
    other = tmp_path / "lain.pub"
    other.write_text(keys.public_key_of(keys.generate_private_key()).to_minisign())
    assert not hand_check(demo.package, other, tmp_path / "work")


# Office-signed variants whose fault is the container: the hand check refuses them too.
OFFICE_CONTAINER = {"entry_order", "missing_manifest", "missing_certificate", "duplicate_entry"}
# Office-signed variants whose fault is content no standard tool judges: the hand check
# passes (the office signed exactly these bytes, canonically), the app refuses. A sample.
CONTENT_SAMPLE = {"json_duplicate_key", "json_too_deep", "forbidden_name", "bad_display_name",
                  "trusted_comment_mismatch", "score_mismatch", "entry_order"}


def _selected():
    chosen, sampled = [], set()
    for reason, builder in CASES:
        office = getattr(builder, "office_signed", False)
        content = office and (reason not in OFFICE_CONTAINER or getattr(builder, "content_rule", False))
        if content and (reason not in CONTENT_SAMPLE or reason in sampled):
            continue
        if content:
            sampled.add(reason)
        chosen.append((reason, builder, "passes" if content else "refuses"))
    return chosen


SELECTED = _selected()


@pytest.mark.parametrize("reason, builder, by_hand", SELECTED,
                         ids=[f"{n:02d}-{c[0]}-{c[2]}" for n, c in enumerate(SELECTED)])
def test_hand_check_and_app_on_hostile_variants(demo, province_pub, tmp_path, reason, builder, by_hand):  # noqa: F811
    path = build_case(demo, tmp_path, builder)
    app = verify_package(path, [demo.province_public])
    assert (app.ok, app.reason) == (False, reason)
    assert hand_check(path, province_pub, tmp_path / "work") == (by_hand == "passes")


def test_the_selection_covers_every_container_and_signature_attack():
    refused = {reason for reason, _, by_hand in SELECTED if by_hand == "refuses"}
    assert {"prefix_data", "trailing_data", "gap_data", "extra_field", "header_mismatch", "header_not_canonical",
            "duplicate_entry", "overlapping_entries", "signature_malformed", "bad_signature", "wrong_key",
            "format_version_unsupported", "zip64_unsupported", "too_many_entries", "unsupported_compression",
            "encrypted_entry", "entry_order", "missing_manifest", "missing_certificate", "missing_signature"} <= refused
    assert {reason for reason, _, by_hand in SELECTED if by_hand == "passes"} == CONTENT_SAMPLE
