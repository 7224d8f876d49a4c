"""Indonesian number and date formatting (decimal comma, dot for thousands)."""

from __future__ import annotations

from datetime import datetime

from models.instrument import round_half_up

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember")


def decimal_id(value: float | None, places: int = 2) -> str:
    """``1234.5`` -> ``1.234,50``; ``None`` -> ``–``."""
    if value is None:
        return "–"
    text = f"{round_half_up(value, places):,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent_id(fraction: float, places: int = 0) -> str:
    return f"{decimal_id(fraction * 100, places)}%"


def date_id(moment: datetime, with_time: bool = True) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    text = f"{local.day} {MONTHS_ID[local.month - 1]} {local.year}"
    return f"{text} {local:%H.%M}" if with_time else text
