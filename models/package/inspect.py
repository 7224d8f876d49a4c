"""What a package *says* about itself (``python main.py inspect``): nothing trusted,
nothing hashed, every problem reported rather than raised."""

from __future__ import annotations

from pathlib import Path

from models.keys import SignatureError, key_id_hex, parse_minisign_signature
from models.package.container import open_container
from models.package.format import CERTIFICATE_NAME, MANIFEST_NAME, REASONS, Rejected
from models.package.verify import parse_certificate, parse_manifest


def inspect_package(path: Path) -> dict:
    """What the package *says* about itself, nothing trusted and nothing hashed. Never
    raises: every problem, even a fault of this code, is reported in the summary."""
    path = Path(path)
    summary: dict = {"path": str(path), "trusted": False}
    try:
        _inspect(path, summary)
    except Rejected as rejected:
        summary["problem"] = {"reason": rejected.reason, "message": rejected.message}
    except Exception as exc:  # noqa: BLE001 - inspect shows hostile files: a report, never a traceback
        summary["problem"] = {"reason": "unexpected_error",
                              "message": f"{REASONS['unexpected_error']} ({type(exc).__name__})"}
    return summary


def _inspect(path: Path, summary: dict) -> None:
    summary["size"] = path.stat().st_size
    container = open_container(path)
    summary["entries"] = len(container.entries)
    summary["uncompressed_bytes"] = sum(entry.size for entry in container.entries)
    manifest = parse_manifest(container.read_small(MANIFEST_NAME))
    files = manifest.get("files") if isinstance(manifest.get("files"), list) else []
    evidence = [f for f in files if isinstance(f, dict) and f.get("role") == "evidence"]
    scores = manifest.get("scores") if isinstance(manifest.get("scores"), dict) else {}
    summary["manifest"] = {
        key: manifest.get(key) for key in ("format", "format_version", "package_id", "app", "created_at",
                                           "office", "year", "revision", "instrument")
    }
    if not isinstance(manifest.get("office"), dict):  # shown as office.code, office.name
        summary["manifest"]["office"] = None
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
        parsed = parse_minisign_signature(container.signature)
        summary["signature"] = {"key_id": key_id_hex(parsed.key_id), "trusted_comment": parsed.trusted_comment}
    except SignatureError as exc:
        summary["signature"] = {"problem": str(exc)}
    try:
        summary["certificate"] = parse_certificate(container.read_small(CERTIFICATE_NAME)).summary()
    except Rejected as rejected:
        summary["certificate"] = {"problem": rejected.message}
