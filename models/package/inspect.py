"""What a package *says* about itself (``python main.py inspect``): nothing trusted,
nothing hashed, every problem reported rather than raised."""

from __future__ import annotations

import zipfile
from pathlib import Path

from models.certificates import CertificateError, read_certificate
from models.keys import SignatureError, key_id_hex, parse_minisign_signature
from models.package.container import check_container, open_package_zip, read_small_entry
from models.package.format import CERTIFICATE_NAME, MANIFEST_NAME, REASONS, SIGNATURE_NAME, Rejected
from models.package.verify import parse_manifest


def inspect_package(path: Path) -> dict:
    """What the package *says* about itself, nothing trusted and nothing hashed."""
    path = Path(path)
    summary: dict = {"path": str(path), "trusted": False}
    try:
        summary["size"] = path.stat().st_size
        with open_package_zip(path) as archive:
            infos = archive.infolist()
            summary["entries"] = len(infos)
            summary["uncompressed_bytes"] = sum(info.file_size for info in infos)
            try:
                entries = check_container(archive)
            except Rejected as rejected:
                summary["container_problem"] = {"reason": rejected.reason, "message": rejected.message}
                return summary
            manifest = parse_manifest(read_small_entry(archive, entries[MANIFEST_NAME]))
            files = manifest.get("files") if isinstance(manifest.get("files"), list) else []
            evidence = [f for f in files if isinstance(f, dict) and f.get("role") == "evidence"]
            scores = manifest.get("scores") if isinstance(manifest.get("scores"), dict) else {}
            summary["manifest"] = {
                key: manifest.get(key) for key in ("format", "format_version", "package_id", "app", "created_at",
                                                   "office", "year", "revision", "instrument")
            }
            summary["manifest"]["scores"] = {key: scores.get(key) for key in
                                             ("headline_kind", "index", "maturity", "nism", "provisional",
                                              "answered", "applicable")}
            for key in ("band", "band_estimate"):
                summary["manifest"]["scores"][key] = (scores.get(key) or {}).get("label") \
                    if isinstance(scores.get(key), dict) else None
            summary["manifest"]["answers"] = len(manifest.get("answers") or [])
            summary["manifest"]["evidence_files"] = len(evidence)
            summary["manifest"]["evidence_bytes"] = sum(f.get("size", 0) for f in evidence
                                                        if isinstance(f.get("size"), int))
            try:
                parsed = parse_minisign_signature(read_small_entry(archive, entries[SIGNATURE_NAME]))
                summary["signature"] = {"key_id": key_id_hex(parsed.key_id),
                                        "trusted_comment": parsed.trusted_comment}
            except SignatureError as exc:
                summary["signature"] = {"problem": str(exc)}
            try:
                summary["certificate"] = read_certificate(read_small_entry(archive, entries[CERTIFICATE_NAME])).summary()
            except CertificateError as exc:
                summary["certificate"] = {"problem": str(exc)}
    except Rejected as rejected:
        summary["problem"] = {"reason": rejected.reason, "message": rejected.message}
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        summary["problem"] = {"reason": "zip_corrupt", "message": f"{REASONS['zip_corrupt']} ({exc})"}
    return summary
