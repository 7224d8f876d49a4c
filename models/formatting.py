"""Indonesian number and date formatting (decimal comma, dot for thousands)."""

from __future__ import annotations

from datetime import date, datetime

from models.instrument import round_half_up

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def decimal_id(value: float | None, places: int = 2) -> str:
    """``1234.5`` -> ``1.234,50``; ``None`` -> ``–``."""
    if value is None:
        return "–"
    text = f"{round_half_up(value, places):,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent_id(fraction: float, places: int = 0) -> str:
    return f"{decimal_id(fraction * 100, places)}%"


def date_id(moment: datetime | date, with_time: bool = True, months: tuple[str, ...] = MONTHS_ID) -> str:
    """The one date format on every surface: ``2 Desember 2026`` (``14.05`` added for a moment);
    ``months``: the month names of the reader's language (documents are always Indonesian)."""
    if not isinstance(moment, datetime):  # a calendar date (a certificate's validity)
        return f"{moment.day} {months[moment.month - 1]} {moment.year}"
    local = moment.astimezone() if moment.tzinfo else moment
    text = f"{local.day} {months[local.month - 1]} {local.year}"
    return f"{text} {local:%H.%M}" if with_time else text


def size_id(size: int) -> str:
    """A file size people read: ``830 B``, ``12 KB``, ``4,3 MB``, ``1,2 GB`` (1 KB = 1024 B)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{decimal_id(size / 1024, 0)} KB"
    if size < 1024 ** 3:
        return f"{decimal_id(size / 1024 ** 2, 1)} MB"
    return f"{decimal_id(size / 1024 ** 3, 1)} GB"


def text_colour_on(background: str) -> str:
    """``#000000`` or ``#ffffff``, whichever reads better on the ``#rrggbb`` background
    (WCAG relative luminance): the band colours on screen and in the XLSX alike."""
    value = background.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#000000" if luminance > 0.4 else "#ffffff"


def quote_short(value: object, limit: int = 40) -> str:
    """A value quoted in an error message: at most ``limit`` characters of its repr, so a
    huge bad value (a 100 MB string) is never echoed back whole."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} karakter)"


def clip(text: str, limit: int = 40) -> str:
    """A name (a key, an id) shown in a message, cut to ``limit`` characters."""
    text = str(text)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} karakter)"
