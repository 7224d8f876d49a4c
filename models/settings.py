"""Every setting of an installation, declared once (Picard's habit).

A declaration names the key stored in the ``Setting`` table, the type, the default and the
title shown to people. The GUI's pages and the CLI read and write through the declaration
(``store.setting(OPERATOR_NAME)``); nobody spells a key or a default again.

Per-user display state (window geometry, last folder, language) is not installation data:
it lives in the GUI's QSettings file.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.texts import Said


@dataclass(frozen=True)
class SettingDef:
    """One setting: its key, type, default, title and allowed range."""

    key: str
    type: type
    default: object
    title: str
    limits: tuple[int, int] | None = None  # inclusive range of a number
    editable: bool = True  # False: set by the first-run setup only

    def coerce(self, value):
        """``value`` as this setting's type; the default for a missing (``None``) value."""
        if value is None:
            return self.default
        if self.type is bool:
            return bool(value)
        if self.type is int and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise TypeError(Said("setting_not_int", key=self.key, value=repr(value)))
        if self.type is str and not isinstance(value, str):
            raise TypeError(Said("setting_not_text", key=self.key, value=repr(value)))
        value = self.type(value)
        if self.limits is not None and not self.limits[0] <= value <= self.limits[1]:
            raise ValueError(f"{self.key}: {value} di luar rentang {self.limits[0]}–{self.limits[1]}")
        return value


MODE_OFFICE = "office"
MODE_PROVINCE = "province"

MODE = SettingDef("mode", str, "", "Mode instalasi (kantor kabupaten/kota atau provinsi)", editable=False)
OPERATOR_NAME = SettingDef("operator_name", str, "", "Nama operator (dicatat pada setiap perubahan)")
PROVINCE_CODE = SettingDef("province_code", str, "", "Kode provinsi (mode provinsi)", editable=False)
# Province mode: the sequence of the last exported profile; offices refuse a lower one (rollback).
PROFILE_SEQUENCE = SettingDef("profile_sequence", int, 0, "Nomor urut profil provinsi terakhir", editable=False)
EVIDENCE_LIMIT_MB = SettingDef("evidence_limit_mb", int, 50, "Batas ukuran satu berkas bukti dukung (MB)",
                               limits=(1, 2048))

ALL = (MODE, OPERATOR_NAME, PROVINCE_CODE, EVIDENCE_LIMIT_MB)


def by_key(key: str) -> SettingDef:
    for setting in ALL:
        if setting.key == key:
            return setting
    raise KeyError(key)
