"""Starting a new year's assessment from last year's answers and evidence.

The new assessment (revision 1, draft) takes last year's gates, levels and justifications
for every item the current instrument still has, and re-links last year's evidence: blobs
are content-addressed, so the new rows point at the same files and nothing is copied.
Each carried answer is marked *belum ditinjau tahun ini* (``Answer.carried_unreviewed``)
until it is edited or confirmed; finalizing is blocked while any is left
(``models.validation.NOT_REVIEWED``). S and k are not carried: they belong to one year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.store import Store, StoreRuleError
from models.tables import Answer, Assessment, Evidence, Office


@dataclass(frozen=True)
class CarryForwardSummary:
    assessment: Assessment
    from_year: int
    from_revision: int
    answers: int
    evidence: int
    skipped_items: tuple[str, ...]  # answered last year, unknown to the current instrument
    missing_blobs: int  # evidence rows whose file is not in this installation's store


def source_assessment(store: Store, office: Office, year: int) -> Assessment:
    """Last year's assessment to carry: its latest final revision, else its latest."""
    rows = list(Assessment.select().where((Assessment.office == office) & (Assessment.year == year))
                .order_by(Assessment.revision.desc()))
    if not rows:
        raise StoreRuleError(code="carry_no_assessment", year=year, office=office.name)
    finals = [row for row in rows if row.status == Assessment.FINAL]
    return (finals or rows)[0]


def start_from_previous(store: Store, office: Office, from_year: int, who: str,
                        to_year: int | None = None) -> CarryForwardSummary:
    """Create the assessment of ``to_year`` (default ``from_year + 1``) from ``from_year``'s."""
    source = source_assessment(store, office, from_year)
    to_year = from_year + 1 if to_year is None else to_year
    if to_year <= from_year:
        raise StoreRuleError(code="carry_year_not_after", to_year=to_year, from_year=from_year)
    instrument = store.registry.default()
    gates = {gate_id: value for gate_id, value in (source.gates or {}).items()
             if any(gate.id == gate_id and value in gate.values for gate in instrument.gates)}
    skipped: list[str] = []
    carried_ids: set[str] = set()
    with store.transaction():
        target = store.create_assessment(office, to_year, instrument, who=who)
        target.gates = instrument.resolve_gates(gates)
        Assessment.update(gates=target.gates).where(Assessment.id == target.id).execute()
        for answer in source.answers:
            same_item = instrument.has_item(answer.item_id)
            if not same_item or (answer.level is not None and not instrument.in_scale(answer.level)):
                skipped.append(answer.item_id)
                continue
            Answer.create(assessment=target, item_id=answer.item_id, level=answer.level,
                          justification=answer.justification, carried_unreviewed=True, updated_by=who)
            carried_ids.add(answer.item_id)
        relinked = missing = 0
        for row in store.evidence(source):
            if row.item_id not in carried_ids:
                continue
            if not store.evidence_store.has(row.sha256):
                missing += 1
                continue
            Evidence.create(assessment=target, item_id=row.item_id, sha256=row.sha256, size=row.size,
                            original_name=row.original_name, label=row.label, media_type=row.media_type,
                            added_by=who)
            relinked += 1
        store._audit(target, None, "carried_forward", None,  # noqa: SLF001 - the store's audit trail
                     {"from_year": from_year, "from_revision": source.revision, "answers": len(carried_ids),
                      "evidence": relinked, "instrument_from": source.instrument_id}, who)
    return CarryForwardSummary(target, from_year, source.revision, len(carried_ids), relinked,
                               tuple(skipped), missing)


def unreviewed_items(store: Store, assessment: Assessment) -> list[str]:
    return [answer.item_id for answer in store.answers(assessment).values() if answer.carried_unreviewed]


def confirm_reviewed(store: Store, assessment: Assessment, item_ids: Iterable[str], who: str) -> int:
    """The office looked at these carried answers and keeps them as they are; how many."""
    store._check_editable(assessment)  # noqa: SLF001 - the same rule as every edit
    wanted = set(item_ids)
    confirmed = 0
    with store.transaction():
        for answer in store.answers(assessment).values():
            if answer.item_id in wanted and answer.carried_unreviewed:
                Answer.update(carried_unreviewed=False).where(Answer.id == answer.id).execute()
                store._audit(assessment, answer.item_id, "reviewed", True, False, who)  # noqa: SLF001
                confirmed += 1
    return confirmed
