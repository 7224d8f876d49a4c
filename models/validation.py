"""The checklist before finalizing: what blocks it and what only deserves a look."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.store import Store
from models.tables import Assessment
from models.texts import say

UNANSWERED = "unanswered"
NO_EVIDENCE = "no_evidence"
NO_EVIDENCE_EXPLAINED = "no_evidence_explained"
NEEDS_REVIEW = "needs_review"
NOT_REVIEWED = "not_reviewed_this_year"  # carried forward from last year and not touched
UNCONFIRMED_GATE = "unconfirmed_gate"


@dataclass(frozen=True)
class ValidationIssue:
    """One finding of the check before finalizing: what, where, and whether it blocks."""

    kind: str
    item_id: str
    message: str
    blocking: bool
    # what the message is built from (heading, level, note, question, default), so a face
    # can word the same issue in its own language by ``kind``
    params: dict = field(default_factory=dict, compare=False, hash=False)


def validation_issues(store: Store, assessment: Assessment) -> list[ValidationIssue]:
    """Unanswered items; answers above the lowest level without evidence (blocking unless
    a justification explains it); answers carried from last year and not reviewed; items
    flagged for review. In instrument order."""
    instrument = store.instrument_of(assessment)
    answers = store.answers(assessment)
    evidence_counts = store.evidence_counts(assessment)
    issues: list[ValidationIssue] = []
    def issue(kind: str, item_id: str, blocking: bool, **params) -> None:
        issues.append(ValidationIssue(kind, item_id, say(issue_code(kind), **shown_params(kind, params)), blocking,
                                      params))

    for gate in unconfirmed_gates(instrument, assessment.gates):
        shown = next((item for item in instrument.items if item.applies_when and item.applies_when.gate == gate.id),
                     None) or next(item for item in instrument.items if item.aspect_id == gate.aspect_id)
        issue(UNCONFIRMED_GATE, shown.id, True, question=gate.question, default=gate.label_of(gate.default))
    for item in instrument.applicable_items(assessment.gates):
        answer = answers.get(item.id)
        if answer is None or answer.level is None:
            issue(UNANSWERED, item.id, True, heading=item.heading)
        elif instrument.expects_evidence(answer.level) and not evidence_counts.get(item.id):
            if answer.justification.strip():
                issue(NO_EVIDENCE_EXPLAINED, item.id, False, heading=item.heading, level=answer.level)
            else:
                issue(NO_EVIDENCE, item.id, True, heading=item.heading, level=answer.level)
        if answer is not None and answer.carried_unreviewed:
            issue(NOT_REVIEWED, item.id, True, heading=item.heading)
        if answer is not None and answer.needs_review:
            issue(NEEDS_REVIEW, item.id, True, heading=item.heading, note=answer.review_note)
    return issues


def issue_code(kind: str) -> str:
    """The catalogue code (``models.texts``) of an issue's sentence."""
    return f"issue_{kind}"


def shown_params(kind: str, params: dict) -> dict:
    """The sentence's parameters: a review note is said after a colon, or not at all."""
    if kind == NEEDS_REVIEW:
        return {**params, "note": f": {params['note']}" if params.get("note") else ""}
    return params


def unconfirmed_gates(instrument, gates) -> list:
    """Gates nobody has answered yet: absent from the assessment's ``gates`` (they count at
    their default meanwhile)."""
    return [gate for gate in instrument.gates if gate.id not in (gates or {})]


def can_finalize(issues: list[ValidationIssue]) -> bool:
    return not any(issue.blocking for issue in issues)
