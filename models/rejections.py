"""A record of the packages the province rejected, so the consolidated view can show an
office whose package arrived but was refused as *Ditolak* instead of *Belum mengirim*.

Deliberately small and separate (no table, no migration, so it cannot collide with schema
work elsewhere): one JSON line per rejected file in ``<data>/packages/rejected.jsonl``,
appended durably. ``record_rejections`` takes the importer's outcomes (it reads only
plain attributes); ``latest_rejections`` gives, per office code and year, the newest one.
The office and year are what the package *claims*: a rejected package proves nothing, and
the consolidated view says so ("ditolak", never a score).
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

FILE_NAME = "rejected.jsonl"
REJECTED = "rejected"


@dataclass(frozen=True)
class Rejection:
    office_code: str
    year: int | None
    revision: int | None
    reason: str
    source_name: str
    at: datetime


def rejections_path(data_dir: Path) -> Path:
    return Path(data_dir) / "packages" / FILE_NAME


def record_rejections(data_dir: Path, outcomes) -> int:
    """Append the rejected ``outcomes`` that name an office; returns how many were written."""
    lines = []
    now = datetime.now(UTC).isoformat()
    for outcome in outcomes:
        if getattr(outcome, "outcome", None) != REJECTED or not getattr(outcome, "office_code", None):
            continue
        lines.append(json.dumps({
            "office_code": str(outcome.office_code), "year": outcome.year, "revision": outcome.revision,
            "reason": outcome.reason or "", "source_name": Path(outcome.path).name, "at": now,
        }, ensure_ascii=False))
    if not lines:
        return 0
    path = rejections_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return len(lines)


def latest_rejections(data_dir: Path, year: int) -> dict[str, Rejection]:
    """Per office code, the newest rejection of a package claiming ``year``."""
    path = rejections_path(data_dir)
    found: dict[str, Rejection] = {}
    if not path.is_file():
        return found
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            raw = json.loads(line)
            if raw.get("year") != year:
                continue
            rejection = Rejection(str(raw["office_code"]), raw.get("year"), raw.get("revision"),
                                  str(raw.get("reason", "")), str(raw.get("source_name", "")),
                                  datetime.fromisoformat(raw["at"]))
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line after a power cut: skip it
        found[rejection.office_code] = rejection
    return found


def archive_damaged(path: Path) -> bool:
    """True when the file is not an intact ZIP archive (truncated, bytes changed in transit):
    every member's CRC is checked. Used to tell a damaged copy from an intact file whose
    sender is merely not trusted, which the package check reports alike."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is not None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return True
    except Exception:  # noqa: BLE001 - zlib errors and the like: damaged all the same
        return True
