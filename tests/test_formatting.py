"""Indonesian numbers and the one text-colour rule used on band colours everywhere."""

from __future__ import annotations

import pytest

from models.formatting import decimal_id, percent_id, text_colour_on


@pytest.mark.parametrize(("background", "text"), [
    ("#ffffff", "#000000"), ("#000000", "#ffffff"), ("#f1c40f", "#000000"),  # yellow: dark text
    ("#1e8449", "#ffffff"), ("#c0392b", "#ffffff"), ("#aed6f1", "#000000"),
])
def test_text_colour_reads_on_the_band_colour(background, text):
    assert text_colour_on(background) == text
    assert text_colour_on(background.lstrip("#").upper()) == text


def test_decimal_comma_and_thousands_dot():
    assert decimal_id(1234.5) == "1.234,50"
    assert decimal_id(None) == "–"
    assert percent_id(0.645, 1) == "64,5%"


def test_sizes_read_in_bytes_kb_mb_gb_and_dates_one_way():
    from datetime import date

    from models.formatting import date_id, size_id

    assert size_id(830) == "830 B"
    assert size_id(12 * 1024 + 100) == "12 KB"  # never "0,0 MB"
    assert size_id(int(4.3 * 1024 * 1024)) == "4,3 MB"
    assert size_id(int(1.25 * 1024 ** 3)) == "1,3 GB"
    assert date_id(date(2026, 12, 2)) == "2 Desember 2026"
