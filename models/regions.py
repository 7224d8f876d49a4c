"""The official list of provinces and kabupaten/kota (Kepmendagri 2025), shipped as data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from models.paths import resource_path
from models.texts import Said

REGIONS_FILE = ("regions", "wilayah-kepmendagri-2025.tsv")


@dataclass(frozen=True)
class Region:
    """A province or a kabupaten/kota, by its code."""

    code: str  # "19" for a province, "19.01" for a kabupaten/kota
    name: str

    @property
    def is_province(self) -> bool:
        return "." not in self.code

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]


@lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    with open(resource_path(*REGIONS_FILE), encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return tuple(Region(row["kode"].strip(), row["nama"].strip()) for row in rows)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in all_regions()}


def region(code: str) -> Region:
    try:
        return _by_code()[code]
    except KeyError:
        raise KeyError(Said("region_unknown", region=code)) from None


def provinces() -> tuple[Region, ...]:
    return tuple(r for r in all_regions() if r.is_province)


def kabkota_of(province_code: str) -> tuple[Region, ...]:
    return tuple(r for r in all_regions() if not r.is_province and r.province_code == province_code)


def province_of(code: str) -> Region:
    return region(code.split(".")[0])
