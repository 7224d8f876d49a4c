"""Clearing what our own crashes left in the data folder, run at store open with the lock held.

* Temporary files (``*.partial``: evidence being copied, backups being taken, restores,
  durable writes, exports into the data folder, import copies) are removed: while we hold
  the folder's lock and no other ``Store`` of this process is open, nobody is writing them.
* A stored package ``packages/<sha256>.merit`` that no ``ReceivedPackage`` row names (an
  import cut off between placing the file and committing its rows) is not deleted but
  moved to ``packages/unreferenced/``, and reported, so that nothing disappears unseen.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from models.files import fsync_dir
from models.texts import Said

log = logging.getLogger("merit.cleanup")

PACKAGES_DIR = "packages"
UNREFERENCED_DIR = "unreferenced"
TEMP_PATTERNS = ("*.partial", ".*.partial", "*.restore-partial")


@dataclass
class Cleaned:
    """What a start swept up: temp files removed and unreferenced packages set aside."""

    removed: list[Path] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)  # where each unreferenced package went

    @property
    def notices(self) -> list[str]:
        return [Said("package_set_aside", file=path.name, folder=path.parent) for path in self.set_aside]


def _temp_dirs(data_dir: Path) -> list[Path]:
    """The data folder and its direct subfolders (``evidence/ab/`` holds only blobs)."""
    directories = [data_dir]
    directories += [child for child in sorted(data_dir.iterdir()) if child.is_dir()]
    trusted = data_dir / "keys" / "trusted"
    if trusted.is_dir():
        directories.append(trusted)
    return directories


def remove_temp_files(data_dir: Path) -> list[Path]:
    removed = []
    for directory in _temp_dirs(data_dir):
        for pattern in TEMP_PATTERNS:
            for leftover in directory.glob(pattern):
                try:
                    if leftover.is_dir():
                        shutil.rmtree(leftover)
                    else:
                        leftover.unlink()
                except OSError as exc:  # not ours to fight over: try again next start
                    log.warning("could not remove %s: %r", leftover, exc)
                    continue
                removed.append(leftover)
    return removed


def set_aside_unreferenced_packages(data_dir: Path, referenced: set[str]) -> list[Path]:
    packages = data_dir / PACKAGES_DIR
    if not packages.is_dir():
        return []
    moved = []
    for package in sorted(packages.glob("*.merit")):
        if package.stem in referenced:
            continue
        target_dir = packages / UNREFERENCED_DIR
        target_dir.mkdir(exist_ok=True)
        target = target_dir / package.name
        os.replace(package, target)  # same folder tree: a rename, never a copy-and-delete
        moved.append(target)
    if moved:
        fsync_dir(packages)
        fsync_dir(packages / UNREFERENCED_DIR)
    return moved


def sweep_leftovers(data_dir: Path, referenced_packages: set[str]) -> Cleaned:
    cleaned = Cleaned(remove_temp_files(data_dir), set_aside_unreferenced_packages(data_dir, referenced_packages))
    for path in cleaned.removed:
        log.info("removed leftover temp file %s", path)
    for path in cleaned.set_aside:
        log.warning("unreferenced package set aside: %s", path)
    return cleaned
