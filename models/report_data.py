"""What the office hands to its leadership, as plain data: the content of the PDF report
(``documents.report_pdf``), shared with the worksheet and the Berita Acara.

Qt-free. ``headline_statement`` is the one place that words the headline: with the survey
figure S missing the headline is the maturity M, and the predikat is only an *estimate*
("perkiraan predikat bila nilai survei sama dengan maturitas"), never the predikat.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from models.figures import CORRECTION_WAITING_PHRASE, ESTIMATE_PHRASE, NEGATIVE_NISM_PHRASE
from models.formatting import date_id, decimal_id
from models.instrument import Instrument
from models.scoring import ScoreResult
from models.settings import OPERATOR_NAME
from models.store import Store
from models.tables import Assessment, utc_now
from models.texts import Said
from models.year_over_year import HistoryEntry, YearComparison, compare_with_previous, office_history, signed

ESTIMATE_WORDING = ESTIMATE_PHRASE  # "perkiraan predikat bila nilai survei sama dengan maturitas"
PROVISIONAL_WORDING = ("SEMENTARA: bobot aspek {aspects} belum resmi (bobot sementara dipakai sampai "
                       "lampiran resmi terbit); angka ini perkiraan, bukan nilai resmi.")
STATUS_WORDS = {Assessment.DRAFT: "draf (masih dapat diubah)", Assessment.FINAL: "final (terkunci)"}


@dataclass(frozen=True)
class Headline:
    """The headline figure in words, for every surface that prints it."""

    name: str  # "Indeks Sistem Merit (NISM)" | "Maturitas (M)" | "Nilai"
    figure: str  # "0,72"
    predikat: str | None  # the band, only when it is the real predikat (NISM, or the legacy nilai)
    estimate: str | None  # with S missing: the band NISM would have if S equalled M (``band_estimate``)
    detail: str  # "M 0,66 · S 0,80 · k 0,00", or what is missing
    provisional: str | None  # the SEMENTARA sentence when provisional weights are used
    band_word: str = Said("band_word_predikat")  # "kategori" on the legacy 100–400 scale
    color: str = ""  # the predikat's colour, else the estimate's (``ScoreResult.shown_band``)
    # How far the next band is, worded for the figure: on maturity it is the next *estimated*
    # band ("menuju perkiraan Tinggi"), never as if a predikat applied; None at the top.
    next_step: str | None = None
    flag: str | None = None  # NISM below zero: said beside the predikat

    @property
    def line(self) -> str:
        """One line: ``NISM 0,72 — predikat Menengah`` / ``Maturitas (M) 0,66 — perkiraan ...: Menengah``."""
        words = {"name": self.name, "figure": self.figure}
        if self.predikat:
            words.update(band_word=self.band_word, predikat=self.predikat)
            return Said("headline_line_band_flag", flag=self.flag, **words) if self.flag else \
                Said("headline_line_band", **words)
        if self.estimate:
            return Said("headline_line_estimate", estimate_phrase=ESTIMATE_WORDING, estimate=self.estimate, **words)
        return Said("headline_line", **words)


def _next_step(result: ScoreResult, places: int) -> str | None:
    upper = result.next_band
    if upper is None:
        return None
    missing, minimum = decimal_id(upper.missing, places), decimal_id(upper.min, places)
    if result.headline_kind == "nilai":
        return f"Kurang {missing} poin menuju kategori {upper.label} (mulai {minimum})."
    if result.band_is_estimate:
        return (f"Kurang {missing} menuju perkiraan {upper.label} (mulai {minimum}), bila nilai survei sama "
                "dengan maturitas; predikat baru ada setelah nilai survei S diisi.")
    return f"Kurang {missing} menuju {upper.label} (mulai {minimum})."


def headline_statement(result: ScoreResult, instrument: Instrument | None = None) -> Headline:
    """The headline of ``result`` in words. ``instrument`` gives the places and the legacy
    headline label; without it (a package whose instrument is not at hand) the result alone."""
    places = instrument.precision if instrument is not None else (1 if result.model == "weighted_sum" else 2)
    figure = decimal_id(result.index, places)
    provisional = None
    if result.provisional:
        numbers = [str(a.number) for a in result.aspects if a.id in result.provisional_aspects]
        provisional = PROVISIONAL_WORDING.format(aspects=", ".join(numbers))
    color = result.shown_band.color if result.shown_band is not None else ""
    next_step = _next_step(result, places)
    if result.headline_kind == "nilai":
        low, high = result.index_range
        label = (instrument.headline_label if instrument is not None else "") or Said("headline_name_nilai")
        return Headline(label, figure, result.band.display, None,
                        f"skala {decimal_id(low, 0)}–{decimal_id(high, 0)}", provisional,
                        band_word=Said("band_word_kategori"),
                        color=color, next_step=next_step)
    if result.headline_kind == "nism":
        return Headline(Said("headline_name_nism"), figure, result.band.label, None,
                        f"maturitas M {decimal_id(result.maturity, places)} · survei S "
                        f"{decimal_id(result.survey, places)} · koreksi k {decimal_id(result.correction or 0.0, places)}",
                        provisional, color=color, next_step=next_step,
                        flag=NEGATIVE_NISM_PHRASE if result.nism_negative else None)
    # S unknown: no predikat. The estimate is the band NISM would have if S equalled M
    # (k waits for S and is not applied: ``correction_waiting``).
    detail = "NISM belum dapat dihitung: nilai survei kepegawaian S belum diisi"
    if result.correction_waiting:
        detail += f"; {CORRECTION_WAITING_PHRASE} ({decimal_id(result.correction, places)})"
    estimate = result.band_estimate.label if result.band_estimate is not None else None
    return Headline(Said("headline_name_maturity"), figure, None, estimate, detail, provisional, color=color,
                    next_step=next_step)


@dataclass(frozen=True)
class EvidenceLine:
    name: str
    label: str
    size: int
    sha256: str

    @property
    def sha_prefix(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class ItemLine:
    id: str
    aspect_id: str
    subaspect: str
    title: str
    applicable: bool
    level: int | None
    descriptor: str  # of the chosen level; "" when unanswered or not applicable
    justification: str
    evidence: tuple[EvidenceLine, ...]
    needs_review: bool
    review_note: str
    not_reviewed_this_year: bool  # carried forward and not touched yet
    change: str  # year over year, "+1" / "±0" / "–"
    gate_note: str = ""  # why it does not apply
    code: str = ""  # Item.code ("1.1", "4.1-KK"): how every surface names the item
    heading: str = ""  # Item.heading: code and title, as the GUI shows it


@dataclass(frozen=True)
class AspectLine:
    id: str
    number: int
    title: str
    weight: float
    provisional: bool
    score: float | None
    answered: int
    applicable: int
    change: str


@dataclass(frozen=True)
class AuditSummary:
    entries: int
    first_at: datetime | None
    last_at: datetime | None
    by_person: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    finalized_by: str
    finalized_at: datetime | None


@dataclass(frozen=True)
class ReportData:
    office_name: str
    office_code: str
    province_name: str
    year: int
    revision: int
    status: str
    status_words: str
    instrument: Instrument
    result: ScoreResult
    headline: Headline
    aspects: tuple[AspectLine, ...]
    items: tuple[ItemLine, ...]
    audit: AuditSummary
    comparison: YearComparison | None
    history: tuple[HistoryEntry, ...]
    operator: str
    generated_at: datetime = field(default_factory=utc_now)

    @property
    def title(self) -> str:
        return f"Laporan Penilaian Mandiri Sistem Merit {self.year}"

    def items_of(self, aspect_id: str) -> list[ItemLine]:
        return [item for item in self.items if item.aspect_id == aspect_id]


AUDIT_KINDS = {"level": "tingkat", "justification": "penjelasan", "needs_review": "tanda tinjau",
               "review_note": "catatan tinjau", "evidence_added": "bukti ditambah",
               "evidence_removed": "bukti dihapus", "evidence_restored": "bukti dipulihkan",
               "evidence_label": "label bukti", "survey": "nilai survei S", "correction": "koreksi k",
               "status": "status", "created": "dibuat", "reopened": "revisi dibuka",
               "carried_forward": "dibawa dari tahun lalu", "reviewed": "ditinjau ulang",
               "final_scores": "skor final disimpan", "finalized_without_survey": "finalisasi tanpa nilai survei S",
               "instrument_migrated": "instrumen dipindahkan"}


def _audit_summary(store: Store, assessment: Assessment) -> AuditSummary:
    entries = store.audit_trail(assessment)
    people = Counter(entry.who or "(tanpa nama)" for entry in entries)
    kinds = Counter("gerbang" if entry.field.startswith("gate:") else AUDIT_KINDS.get(entry.field, entry.field)
                    for entry in entries)
    finals = [entry for entry in entries if entry.field == "status" and entry.new_value == Assessment.FINAL]
    times = [entry.at for entry in entries]
    return AuditSummary(len(entries), min(times) if times else None, max(times) if times else None,
                        tuple(people.most_common()), tuple(kinds.most_common()),
                        finals[0].who if finals else "", assessment.finalized_at)


def build_report(store: Store, assessment: Assessment) -> ReportData:
    """Everything the report prints about one revision, read once from the store."""
    assessment = store.assessment(assessment.id)
    instrument = store.instrument_of(assessment)
    result = store.score(assessment)
    comparison = compare_with_previous(store, assessment)
    answers = store.answers(assessment)
    evidence: dict[str, list[EvidenceLine]] = {}
    for row in store.evidence(assessment):
        evidence.setdefault(row.item_id, []).append(EvidenceLine(row.original_name, row.label, row.size, row.sha256))
    gates = instrument.resolve_gates(assessment.gates)
    items = []
    for item in instrument.items:
        answer = answers.get(item.id)
        applies = item.applies(gates)
        level = answer.level if answer is not None and applies else None
        gate_note = ""
        if not applies:
            gate = instrument.gate(item.applies_when.gate)
            gate_note = f"tidak berlaku: {gate.question} — {gate.label_of(gates.get(gate.id, ''))}"
        change = comparison.item_delta(item.id) if comparison else None
        items.append(ItemLine(
            id=item.id, code=item.code, heading=item.heading, aspect_id=item.aspect_id, subaspect=item.subaspect,
            title=item.title, applicable=applies,
            level=level, descriptor=item.descriptor(level) if level is not None else "",
            justification=answer.justification if answer else "",
            evidence=tuple(evidence.get(item.id, ())) if applies else (),
            needs_review=bool(answer and answer.needs_review), review_note=answer.review_note if answer else "",
            not_reviewed_this_year=bool(answer is not None and getattr(answer, "carried_unreviewed", False)),
            change=signed(change, 0) if comparison and applies else "–", gate_note=gate_note))
    aspects = tuple(
        AspectLine(a.id, a.number, a.title, a.weight, a.provisional, a.score, a.answered, a.applicable,
                   signed(comparison.aspects[a.id].delta, instrument.precision + 1) if comparison else "–")
        for a in result.aspects)
    office = assessment.office
    return ReportData(
        office_name=office.name, office_code=office.code, province_name=office.province_name,
        year=assessment.year, revision=assessment.revision, status=assessment.status,
        status_words=STATUS_WORDS.get(assessment.status, assessment.status), instrument=instrument,
        result=result, headline=headline_statement(result, instrument), aspects=aspects, items=tuple(items),
        audit=_audit_summary(store, assessment), comparison=comparison,
        history=tuple(office_history(store, office)), operator=store.setting(OPERATOR_NAME))


def format_size(size: int) -> str:
    """``532 B`` / ``12,4 KB`` / ``3,1 MB``: how evidence sizes read on paper."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{decimal_id(size / 1024, 1)} KB"
    return f"{decimal_id(size / (1024 * 1024), 1)} MB"


def when(moment: datetime | None) -> str:
    return date_id(moment) if moment else "–"
