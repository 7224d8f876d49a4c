"""The checklist before finalizing: what blocks it and what only deserves a look."""

from __future__ import annotations

from dataclasses import dataclass

from models.store import Store
from models.tables import Assessment

UNANSWERED = "unanswered"
NO_EVIDENCE = "no_evidence"
NO_EVIDENCE_EXPLAINED = "no_evidence_explained"
NEEDS_REVIEW = "needs_review"
NOT_REVIEWED = "not_reviewed_this_year"  # carried forward from last year and not touched


@dataclass(frozen=True)
class ValidationIssue:
    kind: str
    item_id: str
    message: str
    blocking: bool


def validation_issues(store: Store, assessment: Assessment) -> list[ValidationIssue]:
    """Unanswered items; answers above the lowest level without evidence (blocking unless
    a justification explains it); answers carried from last year and not reviewed; items
    flagged for review. In instrument order."""
    instrument = store.instrument_of(assessment)
    answers = store.answers(assessment)
    evidence_counts = store.evidence_counts(assessment)
    issues: list[ValidationIssue] = []
    for item in instrument.applicable_items(assessment.gates):
        answer = answers.get(item.id)
        if answer is None or answer.level is None:
            issues.append(ValidationIssue(UNANSWERED, item.id, f"{item.id} belum dijawab.", True))
        elif instrument.expects_evidence(answer.level) and not evidence_counts.get(item.id):
            if answer.justification.strip():
                issues.append(ValidationIssue(
                    NO_EVIDENCE_EXPLAINED, item.id,
                    f"{item.id} tingkat {answer.level} tanpa bukti dukung (ada penjelasan).", False))
            else:
                issues.append(ValidationIssue(
                    NO_EVIDENCE, item.id,
                    f"{item.id} tingkat {answer.level} tanpa bukti dukung dan tanpa penjelasan.", True))
        if answer is not None and answer.carried_unreviewed:
            issues.append(ValidationIssue(
                NOT_REVIEWED, item.id,
                f"{item.id} dibawa dari tahun lalu dan belum ditinjau tahun ini; periksa lalu konfirmasi.", True))
        if answer is not None and answer.needs_review:
            note = f": {answer.review_note}" if answer.review_note else ""
            issues.append(ValidationIssue(NEEDS_REVIEW, item.id, f"{item.id} ditandai perlu ditinjau{note}.", True))
    return issues


def can_finalize(issues: list[ValidationIssue]) -> bool:
    return not any(issue.blocking for issue in issues)
