"""Regenerate the hand-made part of the regression corpus (``python -m
tests.fuzz_corpus.make_corpus``): the audit's hostile variants, built on the small fuzz
base package, each with the reason the reader must give. Crashers the fuzzer finds are
added next to them by ``tests.test_package_fuzz.save_crasher`` (list them in
``expected.json`` once fixed)."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from models.package.format import MANIFEST_NAME
from tests.package_builders import manifest_of, raw_zip, resign, signature_of, write_signed
from tests.test_package import make_demo_package
from tests.test_package_fuzz import CORPUS, Base


def variants(base: Base, office_key) -> dict[str, tuple[str, bytes]]:
    entries = list(base.entries.items())
    signature = signature_of(base.path)
    data = base.data

    def signed_manifest(change) -> bytes:
        changed = [(n, change(d) if n == MANIFEST_NAME else d) for n, d in entries]
        return write_signed(base.workdir / "c.merit", changed, office_key).read_bytes()

    def with_name(name: str, original: str = "a.pdf") -> bytes:
        manifest = manifest_of(entries)
        manifest["files"][-1]["path"], manifest["files"][-1]["original_name"] = name, original
        changed = resign(entries[:-1] + [(name, entries[-1][1])], manifest)
        return write_signed(base.workdir / "n.merit", changed, office_key).read_bytes()

    def version_1() -> bytes:
        path = base.workdir / "v1.merit"
        with zipfile.ZipFile(path, "w") as archive:
            for name, body in entries:
                archive.writestr(name, body, zipfile.ZIP_DEFLATED if name == MANIFEST_NAME else zipfile.ZIP_STORED)
        return path.read_bytes()

    other = manifest_of(entries)
    other["scores"]["index"] = 0.99
    end = data.rfind(b"PK\x05\x06")
    claims = (20_000).to_bytes(2, "little") * 2
    return {
        "prefix.merit": ("prefix_data", b"MZ\x90\x00 stub " + data),
        "suffix.merit": ("trailing_data", data + b"tambahan"),
        "janus-two-manifests.merit": ("duplicate_entry", raw_zip(
            entries + [(MANIFEST_NAME, json.dumps(other).encode())], signature)),
        "unicode-path-extra-0x7075.merit": ("extra_field", raw_zip(
            entries, signature, extra={2: b"up\x0a\x00\x01\x00\x00\x00\x00CON.exe"})),
        "hidden-after-entry.merit": ("gap_data", raw_zip(entries, signature, gap_after={2: bytes(1024)})),
        "data-descriptor.merit": ("header_not_canonical", raw_zip(entries, signature, flags={2: 0x08})),
        "format-1.merit": ("format_version_unsupported", version_1()),
        "claims-20000-entries.merit": ("too_many_entries", data[:end + 8] + claims + data[end + 12:]),
        "claims-zip64.merit": ("zip64_unsupported", data[:end + 8] + b"\xff\xff" * 2 + data[end + 12:]),
        "truncated.merit": ("zip_corrupt", data[: len(data) // 2]),
        "deep-json.merit": ("json_too_deep", signed_manifest(
            lambda d: d.replace(b'"revision": 1', b'"revision": ' + b"[" * 5000 + b"]" * 5000, 1))),
        "integer-5000-digits.merit": ("json_integer_range", signed_manifest(
            lambda d: d.replace(b'"revision": 1', b'"revision": ' + b"7" * 5000, 1))),
        "duplicate-key.merit": ("json_duplicate_key", signed_manifest(
            lambda d: d.replace(b'"year": 2026', b'"year": 2020, "year": 2026', 1))),
        "nan.merit": ("json_not_finite", signed_manifest(lambda d: d.replace(b'"revision": 1', b'"revision": NaN', 1))),
        "name-con.merit": ("forbidden_name", with_name("evidence/A1.1/CON")),
        "name-trailing-dot.merit": ("forbidden_name", with_name("evidence/A1.1/a.pdf.")),
        "display-name-rlo.merit": ("bad_display_name", with_name("evidence/A1.1/001-a.pdf", "rapor\u202efdp.exe")),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = make_demo_package(Path(folder))
        base = Base(demo, Path(folder))
        expected = {}
        for name, (reason, body) in variants(base, demo.office_key).items():
            (CORPUS / name).write_bytes(body)
            expected[name] = reason
    (CORPUS / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()

