"""What this office exported: one line per package written (its id, the SHA-256 of the file,
office, year, revision, when), so a verification result or a receipt from the province can
be matched to the very file it answers (``models.verification``).

Kept beside the database as JSON lines (``<data>/exported-packages.jsonl``), appended and
fsynced by ``models.package.write.write_package`` itself, which runs in the GUI's worker
thread and touches no database. A line cut short by a power cut is skipped when read.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.files import fsync_dir

RECORD_FILENAME = "exported-packages.jsonl"


@dataclass(frozen=True)
class ExportedPackage:
    package_id: str
    sha256: str
    size: int
    office_code: str
    year: int
    revision: int
    exported_at: str
    file_name: str


def record_path(data_dir: Path) -> Path:
    return Path(data_dir) / RECORD_FILENAME


def record_export(data_dir: Path, manifest: dict, sha256: str, size: int, file_name: str) -> ExportedPackage:
    """Append the package just written (``manifest`` is its manifest) and fsync."""
    entry = ExportedPackage(manifest["package_id"], sha256, size, manifest["office"]["code"], manifest["year"],
                            manifest["revision"], datetime.now(UTC).replace(microsecond=0).isoformat(), file_name)
    path = record_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry.__dict__, ensure_ascii=False, sort_keys=True)
    new_file = not path.exists()
    with open(path, "a", encoding="utf-8") as handle:
        # A line cut by a power cut is kept apart from the next one.
        if handle.tell() and not _ends_with_newline(path):
            handle.write("\n")
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    if new_file:
        fsync_dir(path.parent)
    return entry


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def exported_packages(data_dir: Path) -> list[ExportedPackage]:
    """Every package recorded, oldest first (unreadable lines skipped)."""
    path = record_path(data_dir)
    if not path.is_file():
        return []
    found = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            found.append(ExportedPackage(**json.loads(line)))
        except (ValueError, TypeError):
            continue
    return found


def exported_by_id(data_dir: Path, package_id: str) -> list[ExportedPackage]:
    return [entry for entry in exported_packages(data_dir) if entry.package_id == package_id]
