"""How a score is put into words, the same on every surface (CLI, self-test, demo, XLSX).

Predikat bands are defined on NISM (and the legacy nilai has its categories). Maturity M
alone has no predikat: it gets an *estimate*, always named as one, so that "0,64
Menengah" is never printed for a figure that is not NISM.
"""

from __future__ import annotations

from models.formatting import decimal_id
from models.scoring import ScoreResult
from models.texts import Said

# Said: the Indonesian itself, with its code for a face that words it in another language
ESTIMATE_PHRASE = Said("estimate_phrase")
NEGATIVE_NISM_PHRASE = Said("negative_nism")
CORRECTION_WAITING_PHRASE = Said("correction_waiting")
KIND_NAMES = {"nism": "Indeks Sistem Merit (NISM)", "maturity": "Maturitas (tanpa survei)", "nilai": "Nilai"}


def band_text(result: ScoreResult) -> str:
    """The predikat, or the estimate named as one; never the predikat of maturity."""
    if result.band is not None:
        text = result.band.display
        if result.nism_negative:
            text += f" ({NEGATIVE_NISM_PHRASE})"
        return text
    if result.band_estimate is not None:
        return f"{ESTIMATE_PHRASE}: {result.band_estimate.display}"
    return ""


def headline_text(result: ScoreResult, places: int | None = None) -> str:
    """One line: kind, figure, predikat or estimate, sementara when provisional."""
    places = places if places is not None else (1 if result.model == "weighted_sum" else 2)
    line = f"{KIND_NAMES[result.headline_kind]}: {decimal_id(result.index, places)} — {band_text(result)}"
    if result.provisional:
        line += " (SEMENTARA: bobot aspek belum resmi)"
    return line
