"""The instrument's profiling section ("Profiling Data Penghargaan Instansi Pemerintah"):
asked and saved as data, **never scored** (it does not enter the maturity index nor NISM).

The blocks come from the instrument file's ``profiling`` list. An assessment's answers are
kept as one JSON value in the key/value ``Setting`` table under ``profiling/<assessment
id>`` (no schema change), written in one transaction with its audit entry:
``{block_id: {"answer": "ya" | "tidak" | None, "rows": [{field: text, ...}, ...]}}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.instrument import Instrument
from models.store import Store, StoreRuleError
from models.tables import Assessment, AuditEntry, Setting

YES, NO = "ya", "tidak"


@dataclass(frozen=True)
class ProfilingBlock:
    """One block of the profiling section: its question and the fields of its rows."""

    id: str
    number: int
    title: str
    description: str
    question: str
    fields: tuple[str, ...]


def profiling_blocks(instrument: Instrument) -> tuple[ProfilingBlock, ...]:
    blocks = []
    for raw in instrument.raw.get("profiling", []) or []:
        blocks.append(ProfilingBlock(str(raw["id"]), int(raw.get("number", 0)), str(raw.get("title", "")),
                                     str(raw.get("description", "")), str(raw.get("question", "")),
                                     tuple(str(f) for f in raw.get("fields", []))))
    return tuple(blocks)


def has_profiling(store: Store, assessment: Assessment) -> bool:
    """Whether the assessment's instrument asks the profiling section."""
    return bool(profiling_blocks(store.instrument_of(assessment)))


def _key(assessment: Assessment) -> str:
    return f"profiling/{assessment.id}"


def load_profiling(store: Store, assessment: Assessment) -> dict:
    row = Setting.get_or_none(Setting.key == _key(assessment))
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def save_profiling(store: Store, assessment: Assessment, block_id: str, answer: str | None,
                   rows: list[dict], who: str = "") -> None:
    """Record one block's answer and rows (empty rows dropped); refused on a final assessment."""
    if assessment.locked:
        raise StoreRuleError(code="profile_final", year=assessment.year, revision=assessment.revision)
    if answer not in (YES, NO, None):
        raise StoreRuleError(code="profile_bad_answer", answer=answer)
    kept = [{str(k): str(v).strip() for k, v in row.items()} for row in rows]
    kept = [row for row in kept if any(row.values())]
    data = load_profiling(store, assessment)
    old = data.get(block_id)
    new = {"answer": answer, "rows": kept if answer == YES else []}
    if old == new:
        return
    data[block_id] = new
    with store.db.atomic():
        Setting.insert(key=_key(assessment), value=data).on_conflict_replace().execute()
        AuditEntry.create(assessment=assessment, item_id=None, field=f"profiling:{block_id}",
                          old_value=old, new_value=new, who=who)


def copy_profiling(store: Store, source: Assessment, target: Assessment) -> None:
    """A reopened revision starts with the profile of the one it was copied from."""
    data = load_profiling(store, source)
    if data and not load_profiling(store, target):
        Setting.insert(key=_key(target), value=data).on_conflict_replace().execute()
