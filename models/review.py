"""Province: reviewing a received assessment item by item, and what it sends back.

:class:`ReviewSession` follows ``models.session``'s pattern without Qt: the review in memory,
each change written at once (one transaction with its audit entry, so a review survives a
power cut and is resumed where it stopped), changes reported to plain listeners. The
verifier accepts the office's level or sets another one (a note is then required), and sets
the correction k with its reason. The verified index uses the same scoring rule as every
other score (``scoring.score_recorded``): the verified levels where reviewed, else the
office's, the office's S, and the verifier's k.

When every applicable item is reviewed the province exports the signed verification result
(``export_result``, ``*.meritv``); for any package it received it can issue a signed receipt
(``issue_receipt``, ``*.meritr``). Both are ``models.package.answer_file`` documents.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models import __version__, keys, regions
from models.events import EventSource
from models.evidence import hash_file
from models.instrument import Instrument
from models.package.answer_file import (
    ANSWER_FORMAT_VERSION,
    RECEIPT_FORMAT,
    RESULT_FORMAT,
    write_answer_file,
)
from models.province_tables import ReceivedPackage
from models.report_data import headline_statement
from models.review_tables import ReviewCorrection, ReviewItem
from models.scoring import ScoreResult, score_recorded
from models.settings import OPERATOR_NAME
from models.store import InstrumentUnavailable, Store
from models.tables import Assessment, AuditEntry, utc_now
from models.texts import CodedError, Said

REVIEW_LEVEL_FIELD = "review:level"
REVIEW_CORRECTION_FIELD = "review:correction"

# Events, with their payloads.
ITEM_REVIEWED = "item_reviewed"  # item id
CORRECTION_CHANGED = "correction_changed"  # None
SCORE_CHANGED = "score_changed"  # the verified ScoreResult



class ReviewError(CodedError, ValueError):
    """A review change or export the rules refuse: ``code`` and ``params`` (``models.texts``);
    the message is for the user."""


@dataclass(frozen=True)
class ItemReview:
    item_id: str
    self_level: int | None
    verified_level: int | None  # None: not reviewed yet
    note: str = ""

    @property
    def reviewed(self) -> bool:
        return self.verified_level is not None

    @property
    def differs(self) -> bool:
        return self.reviewed and self.verified_level != self.self_level


def _now() -> datetime:
    return utc_now()


def package_id_of(assessment: Assessment) -> str | None:
    """The package id of the package a received assessment came in (its ``imported`` entry)."""
    entry = (AuditEntry.select().where((AuditEntry.assessment == assessment) & (AuditEntry.field == "imported"))
             .order_by(AuditEntry.id).first())
    return (entry.new_value or {}).get("package_id") if entry else None


def received_of(assessment: Assessment) -> ReceivedPackage:
    received = ReceivedPackage.get_or_none(ReceivedPackage.assessment == assessment)
    if received is None:
        raise ReviewError(code="review_not_received", office=assessment.office.code, year=assessment.year,
                          revision=assessment.revision)
    return received


def verified_levels(self_levels: dict[str, int | None], rows: dict[str, ReviewItem]) -> dict[str, int | None]:
    """The verified level where an item is reviewed, else the office's."""
    return {**self_levels, **{item_id: row.verified_level for item_id, row in rows.items()}}


def verified_score(instrument: Instrument, assessment: Assessment, self_levels: dict[str, int | None],
                   rows: dict[str, ReviewItem], k: float | None) -> ScoreResult:
    """The verified score: the one scoring rule over the verified levels, the office's gates
    and S, and the verifier's k."""
    return score_recorded(instrument, assessment.gates, verified_levels(self_levels, rows),
                          survey=assessment.survey, correction=k)


class ReviewSession(EventSource):
    """The review of one received assessment: its state, its autosave, its verified score."""

    def __init__(self, store: Store, assessment: Assessment):
        super().__init__()
        self.store = store
        self.assessment = assessment
        self.received = received_of(assessment)
        self.instrument: Instrument = store.instrument_of(assessment)
        self.gates = self.instrument.resolve_gates(assessment.gates)
        self.self_levels = {item_id: row.level for item_id, row in store.answers(assessment).items()}
        self.rows: dict[str, ReviewItem] = {
            row.item_id: row for row in ReviewItem.select().where(ReviewItem.assessment == assessment)}
        self.correction_row = ReviewCorrection.get_or_none(ReviewCorrection.assessment == assessment)

    # --- reading -----------------------------------------------------------------------------

    @property
    def who(self) -> str:
        return self.store.setting(OPERATOR_NAME) or ""

    @property
    def items(self) -> list[str]:
        """The applicable items, in instrument order: the ones a verifier reviews."""
        return [item.id for item in self.instrument.applicable_items(self.gates)]

    def item(self, item_id: str) -> ItemReview:
        row = self.rows.get(item_id)
        return ItemReview(item_id, self.self_levels.get(item_id), row.verified_level if row else None,
                          row.note if row else "")

    @property
    def k(self) -> float | None:
        return self.correction_row.k if self.correction_row else None

    @property
    def k_reason(self) -> str:
        return self.correction_row.reason if self.correction_row else ""

    def progress(self) -> tuple[int, int]:
        """(items reviewed, applicable items): "12/31 butir ditinjau"."""
        items = self.items
        return sum(1 for item_id in items if item_id in self.rows), len(items)

    @property
    def complete(self) -> bool:
        reviewed, total = self.progress()
        return reviewed == total

    def verified_levels(self) -> dict[str, int | None]:
        return verified_levels(self.self_levels, self.rows)

    def self_score(self) -> ScoreResult:
        return self.store.score(self.assessment)

    def verified_score(self) -> ScoreResult:
        return verified_score(self.instrument, self.assessment, self.self_levels, self.rows, self.k)

    # --- changing ----------------------------------------------------------------------------

    def set_item(self, item_id: str, level: int, note: str = "") -> ItemReview:
        """Record the verified level of ``item_id``; a note is required when it differs from
        the office's level. One transaction with its audit entry."""
        if not self.instrument.has_item(item_id):
            raise ReviewError(code="unknown_item", item=item_id, instrument=self.instrument.id)
        if item_id not in self.items:
            raise ReviewError(code="review_item_not_applicable", item=item_id)
        if isinstance(level, bool) or not isinstance(level, int) or not self.instrument.in_scale(level):
            raise ReviewError(code="level_out_of_range", level=level, low=self.instrument.scale_min,
                              high=self.instrument.scale_max)
        note = (note or "").strip()
        if level != self.self_levels.get(item_id) and not note:
            raise ReviewError(code="review_note_needed", item=item_id, level=level,
                              own=self._level_text(self.self_levels.get(item_id)))
        old = self.item(item_id)
        if old.verified_level == level and old.note == note:
            return old
        now = _now()
        values = {"verified_level": level, "note": note, "reviewed_by": self.who, "reviewed_at": now}
        # Written first, kept in memory only once committed: a failed write (disk full, lock)
        # leaves the review as it was on disk, and the caller says so.
        with self.store.db.atomic():
            ReviewItem.insert(assessment=self.assessment, item_id=item_id, **values).on_conflict(
                conflict_target=[ReviewItem.assessment, ReviewItem.item_id], update=values).execute()
            AuditEntry.create(assessment=self.assessment, item_id=item_id, field=REVIEW_LEVEL_FIELD,
                              old_value={"level": old.verified_level, "note": old.note} if old.reviewed else None,
                              new_value={"level": level, "note": note}, who=self.who, at=now)
        self.rows[item_id] = ReviewItem.get((ReviewItem.assessment == self.assessment)
                                            & (ReviewItem.item_id == item_id))
        self._emit(ITEM_REVIEWED, item_id)
        self._emit(SCORE_CHANGED, self.verified_score())
        return self.item(item_id)

    def accept(self, item_id: str, note: str | None = None) -> ItemReview:
        """The office's level stands (an unanswered item is verified at the lowest level,
        as it is scored, and needs a note)."""
        level = self.self_levels.get(item_id)
        current = self.item(item_id)
        return self.set_item(item_id, self.instrument.scale_min if level is None else level,
                             current.note if note is None else note)

    def accept_remaining(self) -> int:
        """Accept the office's level for every item not reviewed yet (answered ones only)."""
        count = 0
        for item_id in self.items:
            if item_id not in self.rows and self.self_levels.get(item_id) is not None:
                self.accept(item_id, "")
                count += 1
        return count

    def set_correction(self, k: float | None, reason: str = "") -> None:
        """The correction k (0–1) and why; a reason is required for any k above 0."""
        reason = (reason or "").strip()
        if k is not None and (isinstance(k, bool) or not 0 <= float(k) <= 1):
            raise ReviewError(code="review_k_out_of_range", k=k)
        if k and not reason:
            raise ReviewError(code="review_k_needs_reason")
        k = None if k is None else float(k)
        if self.correction_row is not None and (self.correction_row.k, self.correction_row.reason) == (k, reason):
            return
        now = _now()
        old = {"k": self.k, "reason": self.k_reason} if self.correction_row else None
        values = {"k": k, "reason": reason, "set_by": self.who, "set_at": now}
        with self.store.db.atomic():  # as in set_item: memory follows what was committed
            ReviewCorrection.insert(assessment=self.assessment, **values).on_conflict(
                conflict_target=[ReviewCorrection.assessment], update=values).execute()
            AuditEntry.create(assessment=self.assessment, item_id=None, field=REVIEW_CORRECTION_FIELD,
                              old_value=old, new_value={"k": k, "reason": reason}, who=self.who, at=now)
        self.correction_row = ReviewCorrection.get(ReviewCorrection.assessment == self.assessment)
        self._emit(CORRECTION_CHANGED)
        self._emit(SCORE_CHANGED, self.verified_score())

    @staticmethod
    def _level_text(level: int | None) -> str:
        return Said("level_unanswered") if level is None else str(level)


# --- for the province's tables --------------------------------------------------------------

@dataclass(frozen=True)
class ReviewSummary:
    reviewed: int
    total: int
    verified_index: float | None  # None until the review has started (an item or k recorded)
    largest_gaps: tuple[tuple[str, int], ...]  # (item id, verified − self level), largest drop first

    @property
    def progress_text(self) -> str:
        return f"{self.reviewed}/{self.total} butir ditinjau"


def review_summary(store: Store, assessment: Assessment) -> ReviewSummary:
    return review_figures(store, [assessment])[assessment.id]


def review_figures(store: Store, assessments: list[Assessment]) -> dict[int, ReviewSummary]:
    """Each assessment's review progress, verified index and largest gaps, from two queries
    for all (the consolidated table has a row per kabupaten/kota); the answers are read only
    for assessments whose review has started."""
    ids = [assessment.id for assessment in assessments]
    rows: dict[int, dict[str, ReviewItem]] = {}
    for row in ReviewItem.select().where(ReviewItem.assessment.in_(ids)):
        rows.setdefault(row.assessment_id, {})[row.item_id] = row
    corrections = {row.assessment_id: row
                   for row in ReviewCorrection.select().where(ReviewCorrection.assessment.in_(ids))}
    figures = {}
    for assessment in assessments:
        try:
            instrument = store.instrument_of(assessment)
        except InstrumentUnavailable:  # shown with its stored scores; no instrument, no verified score
            figures[assessment.id] = ReviewSummary(0, 0, None, ())
            continue
        applicable = {item.id for item in instrument.applicable_items(instrument.resolve_gates(assessment.gates))}
        reviewed = rows.get(assessment.id, {})
        correction = corrections.get(assessment.id)
        if not reviewed and correction is None:
            figures[assessment.id] = ReviewSummary(0, len(applicable), None, ())
            continue
        self_levels = {item_id: answer.level for item_id, answer in store.answers(assessment).items()}
        gaps = sorted(((item_id, row.verified_level - (self_levels.get(item_id) or 0))
                       for item_id, row in reviewed.items() if row.verified_level != self_levels.get(item_id)),
                      key=lambda pair: (pair[1], pair[0]))
        score = verified_score(instrument, assessment, self_levels, reviewed, correction.k if correction else None)
        figures[assessment.id] = ReviewSummary(sum(1 for item_id in reviewed if item_id in applicable),
                                               len(applicable), score.index, tuple(gaps))
    return figures


# --- the signed verification result ---------------------------------------------------------

def _province_member(store: Store, public: keys.PublicKey) -> dict:
    from models.province import require_province_code

    code = require_province_code(store)
    return {"code": code, "name": regions.region(code).name, "key_id": public.key_id_hex}


def _package_member(assessment: Assessment, received: ReceivedPackage, package_id: str) -> dict:
    office = assessment.office
    return {"package_id": package_id, "sha256": received.sha256, "size": received.size,
            "office_code": office.code, "office_name": office.name, "year": assessment.year,
            "revision": assessment.revision}


def _score_member(result: ScoreResult, instrument: Instrument) -> dict:
    headline = headline_statement(result, instrument)
    return {"index": result.index, "headline_kind": result.headline_kind, "maturity": result.maturity,
            "nism": result.nism, "survey": result.survey, "correction": result.correction,
            "predikat": headline.predikat, "predikat_estimate": headline.estimate, "statement": headline.line,
            "provisional": result.provisional}


def result_manifest(session: ReviewSession, public: keys.PublicKey, reviewer: str,
                    created: datetime | None = None) -> dict:
    """The manifest of the verification result (docs/package-format.md §13); refuses an
    incomplete review."""
    reviewed, total = session.progress()
    if reviewed < total:
        raise ReviewError(code="review_incomplete", reviewed=reviewed, total=total)
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError(code="review_no_reviewer")
    package_id = package_id_of(session.assessment)
    if not package_id:
        raise ReviewError(code="review_package_id_missing")
    created = (created or datetime.now(UTC)).replace(microsecond=0)
    instrument = session.instrument
    return {
        "format": RESULT_FORMAT,
        "format_version": ANSWER_FORMAT_VERSION,
        "document_id": str(uuid.uuid4()),
        "app": {"name": "Merit Luring", "version": __version__},
        "created_at": created.isoformat(),
        "province": _province_member(session.store, public),
        "package": _package_member(session.assessment, session.received, package_id),
        "instrument": {"id": instrument.id, "version": instrument.version, "sha256": instrument.sha256},
        "items": [{"item_id": review.item_id, "self_level": review.self_level,
                   "verified_level": review.verified_level, "note": review.note}
                  for review in map(session.item, session.items)],
        "correction": {"k": session.k, "reason": session.k_reason},
        "self_assessed": _score_member(session.self_score(), instrument),
        "verified": _score_member(session.verified_score(), instrument),
        "reviewer": reviewer,
        "reviewed_on": created.date().isoformat(),
    }


def _province_public_key(store: Store, private_key: Ed25519PrivateKey) -> keys.PublicKey:
    """This province's public key, when ``private_key`` is its twin (else ReviewError)."""
    from models.province import public_key

    public = public_key(store)
    if keys.public_key_of(private_key) != public:
        raise ReviewError(code="province_wrong_key")
    return public


def export_result(store: Store, assessment: Assessment, private_key: Ed25519PrivateKey, out_path: Path,
                  reviewer: str | None = None) -> Path:
    """Sign the verification result of a completely reviewed assessment with the province key."""
    public = _province_public_key(store, private_key)
    session = ReviewSession(store, assessment)
    manifest = result_manifest(session, public, reviewer if reviewer is not None else session.who)
    return write_answer_file(manifest, out_path, private_key)


def default_result_name(assessment: Assessment) -> str:
    return f"hasil-verifikasi-{assessment.office.code.replace('.', '')}-{assessment.year}-r{assessment.revision}"


# --- the signed receipt ---------------------------------------------------------------------

def received_for_file(path: Path) -> ReceivedPackage:
    """The received package a file is (by its SHA-256); raises ReviewError when none."""
    try:
        sha256 = hash_file(Path(path))[0]
    except OSError as exc:
        raise ReviewError(code="review_file_unreadable", path=path, detail=exc.strerror or exc) from exc
    received = ReceivedPackage.get_or_none(ReceivedPackage.sha256 == sha256)
    if received is None:
        raise ReviewError(code="review_not_received_file", file=Path(path).name)
    return received


def receipt_manifest(store: Store, received: ReceivedPackage, public: keys.PublicKey,
                     created: datetime | None = None) -> dict:
    assessment = received.assessment
    package_id = package_id_of(assessment)
    if not package_id:
        raise ReviewError(code="review_package_id_missing")
    created = (created or datetime.now(UTC)).replace(microsecond=0)
    return {
        "format": RECEIPT_FORMAT,
        "format_version": ANSWER_FORMAT_VERSION,
        "document_id": str(uuid.uuid4()),
        "app": {"name": "Merit Luring", "version": __version__},
        "created_at": created.isoformat(),
        "province": _province_member(store, public),
        "package": _package_member(assessment, received, package_id),
        "received_at": received.received_at.astimezone(UTC).isoformat(timespec="seconds"),
        "received_by": received.received_by or "",
    }


def issue_receipt(store: Store, received: ReceivedPackage, private_key: Ed25519PrivateKey, out_path: Path) -> Path:
    public = _province_public_key(store, private_key)
    return write_answer_file(receipt_manifest(store, received, public), out_path, private_key)


def default_receipt_name(received: ReceivedPackage) -> str:
    return f"tanda-terima-{received.office_code.replace('.', '')}-{received.year}-r{received.revision}"
