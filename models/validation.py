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
UNCONFIRMED_GATE = "unconfirmed_gate"


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
    for gate in unconfirmed_gates(instrument, assessment.gates):
        shown = next((item for item in instrument.items if item.applies_when and item.applies_when.gate == gate.id),
                     None) or next(item for item in instrument.items if item.aspect_id == gate.aspect_id)
        issues.append(ValidationIssue(
            UNCONFIRMED_GATE, shown.id,
            f"Pertanyaan pembuka «{gate.question}» belum dikonfirmasi (sementara dihitung "
            f"«{gate.label_of(gate.default)}»).", True))
    for item in instrument.applicable_items(assessment.gates):
        answer = answers.get(item.id)
        if answer is None or answer.level is None:
            issues.append(ValidationIssue(UNANSWERED, item.id, f"{item.heading}: belum dijawab.", True))
        elif instrument.expects_evidence(answer.level) and not evidence_counts.get(item.id):
            if answer.justification.strip():
                issues.append(ValidationIssue(
                    NO_EVIDENCE_EXPLAINED, item.id,
                    f"{item.heading}: tingkat {answer.level} tanpa bukti dukung (ada penjelasan).", False))
            else:
                issues.append(ValidationIssue(
                    NO_EVIDENCE, item.id,
                    f"{item.heading}: tingkat {answer.level} tanpa bukti dukung dan tanpa penjelasan.", True))
        if answer is not None and answer.carried_unreviewed:
            issues.append(ValidationIssue(
                NOT_REVIEWED, item.id,
                f"{item.heading}: dibawa dari tahun lalu dan belum ditinjau tahun ini; periksa lalu konfirmasi.",
                True))
        if answer is not None and answer.needs_review:
            note = f": {answer.review_note}" if answer.review_note else ""
            issues.append(ValidationIssue(NEEDS_REVIEW, item.id, f"{item.heading}: ditandai perlu ditinjau{note}.", True))
    return issues


def unconfirmed_gates(instrument, gates) -> list:
    """Gates nobody has answered yet: absent from the assessment's ``gates`` (they count at
    their default meanwhile)."""
    return [gate for gate in instrument.gates if gate.id not in (gates or {})]


def can_finalize(issues: list[ValidationIssue]) -> bool:
    return not any(issue.blocking for issue in issues)
