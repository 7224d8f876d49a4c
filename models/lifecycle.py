"""Finalize and reopen: a final assessment is locked as revision N; reopening makes N+1.

Revision N stays final and read-only forever (its package may be at the province);
revision N+1 starts as a draft copy of N: gates, S and k, every answer and every
evidence row (the blobs are content-addressed, so nothing is copied on disk).
"""

from __future__ import annotations

import json

from models.store import Store, StoreRuleError
from models.tables import Answer, Assessment, Evidence, utc_now
from models.validation import ValidationIssue, validation_issues


class FinalizeBlocked(StoreRuleError):
    """Validation has blocking issues; ``issues`` lists them (each with a message)."""

    def __init__(self, assessment: Assessment, issues: list[ValidationIssue]):
        self.issues = issues
        lines = "\n".join(f"- {issue.message}" for issue in issues)
        super().__init__(code="finalize_blocked", year=assessment.year, revision=assessment.revision,
                         count=len(issues), lines=lines)


class SurveyMissing(StoreRuleError):
    """S is not entered: the final figure would be maturity only, with no predikat. The
    office may still finalize, but only when it says so (``without_survey=True``)."""

    def __init__(self, assessment: Assessment):
        super().__init__(code="survey_missing", year=assessment.year, revision=assessment.revision)


def needs_survey(store: Store, assessment: Assessment) -> bool:
    """NISM (and its predikat) needs S; only the maturity model has one."""
    return assessment.survey is None and store.instrument_of(assessment).model == "maturity_index"


def blocking_issues(store: Store, assessment: Assessment) -> list[ValidationIssue]:
    return [issue for issue in validation_issues(store, assessment) if issue.blocking]


def finalize(store: Store, assessment: Assessment, who: str, *, without_survey: bool = False) -> Assessment:
    """Lock ``assessment`` as final; raises FinalizeBlocked listing the blocking issues, and
    SurveyMissing when S is not entered unless ``without_survey`` confirms it (recorded in
    the audit trail)."""
    assessment = store.assessment(assessment.id)
    if assessment.status == Assessment.FINAL:
        raise StoreRuleError(code="already_final", year=assessment.year, revision=assessment.revision)
    issues = blocking_issues(store, assessment)
    if issues:
        raise FinalizeBlocked(assessment, issues)
    missing_survey = needs_survey(store, assessment)
    if missing_survey and not without_survey:
        raise SurveyMissing(assessment)
    with store.db.atomic():
        assessment.status = Assessment.FINAL
        assessment.finalized_at = utc_now()
        assessment.updated_at = assessment.finalized_at
        assessment.save()
        store._audit(assessment, None, "status", Assessment.DRAFT, Assessment.FINAL, who)  # noqa: SLF001
        # Kept so the revision can be shown as scored even if its instrument file is gone later.
        scores = json.loads(json.dumps(store.score(assessment).to_dict()))
        store._audit(assessment, None, "final_scores", None, scores, who)  # noqa: SLF001
        if missing_survey:
            store._audit(assessment, None, "finalized_without_survey", None,  # noqa: SLF001
                         {"confirmed": True, "headline": "maturity"}, who)
    return assessment


def reopen(store: Store, assessment: Assessment, who: str) -> Assessment:
    """A new draft revision N+1 copying revision N, which stays final."""
    assessment = store.assessment(assessment.id)
    if assessment.status != Assessment.FINAL:
        raise StoreRuleError(code="reopen_not_final", year=assessment.year, revision=assessment.revision)
    latest = store.latest_assessment(assessment.office, assessment.year)
    if latest.id != assessment.id:
        raise StoreRuleError(code="reopen_newer_open", revision=latest.revision, year=assessment.year)
    with store.db.atomic():
        revision = Assessment.create(
            office=assessment.office, year=assessment.year, revision=assessment.revision + 1,
            instrument_id=assessment.instrument_id, instrument_sha256=assessment.instrument_sha256,
            gates=dict(assessment.gates or {}), survey=assessment.survey, correction=assessment.correction,
        )
        for answer in assessment.answers:
            Answer.create(assessment=revision, item_id=answer.item_id, level=answer.level,
                          justification=answer.justification, needs_review=answer.needs_review,
                          review_note=answer.review_note, updated_at=answer.updated_at,
                          updated_by=answer.updated_by)
        for row in store.evidence(assessment):
            Evidence.create(assessment=revision, item_id=row.item_id, sha256=row.sha256, size=row.size,
                            original_name=row.original_name, label=row.label, media_type=row.media_type,
                            added_at=row.added_at, added_by=row.added_by)
        store._audit(revision, None, "reopened", {"from_revision": assessment.revision},  # noqa: SLF001
                     {"revision": revision.revision}, who)
    return revision
