"""Moving an open assessment to a newer release of its instrument, after a plain diff.

``diff_instruments`` says what changed between two instruments in words a head of office
reads (weights, bands, descriptors, questions, items and gates added or removed);
``newer_release`` finds the release an open draft could move to; ``migrate_assessment``
moves it, carrying the answers by item code, and records it in the audit trail. Final
revisions never move: they keep the instrument they were scored with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.formatting import decimal_id, percent_id
from models.instrument import Instrument
from models.store import Store, StoreRuleError
from models.tables import Assessment, utc_now


@dataclass
class InstrumentDiff:
    """What changes between an assessment's instrument and a newer release of it."""

    old: Instrument
    new: Instrument
    weights: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    bands: list[str] = field(default_factory=list)
    items_added: list[str] = field(default_factory=list)
    items_removed: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    descriptors: list[tuple[str, int, str, str]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    gates: list[str] = field(default_factory=list)
    scoring: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any((self.weights, self.bands, self.items_added, self.items_removed, self.questions,
                        self.descriptors, self.evidence, self.gates, self.scoring))

    def lines(self) -> list[str]:
        """The diff in plain Indonesian, one change a line."""
        out = [f"Dari {self.old.id} versi {self.old.version} (urutan {self.old.sequence}, "
               f"SHA-256 {self.old.sha256[:12]}…) ke {self.new.id} versi {self.new.version} "
               f"(urutan {self.new.sequence}, SHA-256 {self.new.sha256[:12]}…)"]
        if self.empty:
            return [*out, "Tidak ada perubahan isi."]
        for aspect_id, before, after in self.weights:
            out.append(f"Bobot {aspect_id}: {_percent(before)} → {_percent(after)}")
        out += [f"Pita predikat: {text}" for text in self.bands]
        out += [f"Aturan skor: {text}" for text in self.scoring]
        # items are named as everywhere else (Item.code / Item.heading: "1.1 Analisis Jabatan")
        out += [f"Butir baru: {self.new.item(item_id).heading}" for item_id in self.items_added]
        out += [f"Butir dihapus: {self.old.item(item_id).heading} (jawabannya disimpan tetapi tidak dihitung)"
                for item_id in self.items_removed]
        out += [f"Pertanyaan berubah: {self.new.item(item_id).heading}" for item_id in self.questions]
        out += [f"Deskriptor {self.new.item(item_id).code} tingkat {level}: «{before}» → «{after}»"
                for item_id, level, before, after in self.descriptors]
        out += [f"Bukti dukung yang diharapkan berubah: {self.new.item(item_id).heading}"
                for item_id in self.evidence]
        out += [f"Pertanyaan pembuka: {text}" for text in self.gates]
        return out


def _percent(weight: float | None) -> str:
    return "–" if weight is None else percent_id(weight, 2)


def diff_instruments(old: Instrument, new: Instrument) -> InstrumentDiff:
    diff = InstrumentDiff(old, new)
    old_aspects = {a.id: a for a in old.aspects}
    new_aspects = {a.id: a for a in new.aspects}
    for aspect_id in [*old_aspects, *(a for a in new_aspects if a not in old_aspects)]:
        before = old_aspects.get(aspect_id)
        after = new_aspects.get(aspect_id)
        if before is None or after is None or abs(before.weight - after.weight) > 1e-9:
            diff.weights.append((aspect_id, before.weight if before else None, after.weight if after else None))
    old_bands = [(b.code, b.label, b.min) for b in old.bands]
    new_bands = [(b.code, b.label, b.min) for b in new.bands]
    if old_bands != new_bands:
        diff.bands.append(" · ".join(f"{label} ≥ {decimal_id(low)}" for _, label, low in new_bands))
    for name, before, after in (("model", old.model, new.model),
                                ("porsi maturitas", old.maturity_share, new.maturity_share),
                                ("porsi survei", old.survey_share, new.survey_share),
                                ("skala", (old.scale_min, old.scale_max), (new.scale_min, new.scale_max))):
        if before != after:
            diff.scoring.append(f"{name} {before} → {after}")
    old_items = {i.id: i for i in old.items}
    new_items = {i.id: i for i in new.items}
    diff.items_added = [item_id for item_id in new_items if item_id not in old_items]
    diff.items_removed = [item_id for item_id in old_items if item_id not in new_items]
    for item_id, after in new_items.items():
        before = old_items.get(item_id)
        if before is None:
            continue
        if before.question != after.question:
            diff.questions.append(item_id)
        old_levels = {lv.level: lv.descriptor for lv in before.levels}
        for level in after.levels:
            if old_levels.get(level.level) != level.descriptor:
                diff.descriptors.append((item_id, level.level, old_levels.get(level.level, "–"), level.descriptor))
        if before.evidence != after.evidence:
            diff.evidence.append(item_id)
    old_gates = {g.id: g for g in old.gates}
    new_gates = {g.id: g for g in new.gates}
    for gate_id in new_gates.keys() - old_gates.keys():
        diff.gates.append(f"{gate_id} baru")
    for gate_id in old_gates.keys() - new_gates.keys():
        diff.gates.append(f"{gate_id} dihapus")
    for gate_id in new_gates.keys() & old_gates.keys():
        if (old_gates[gate_id].question, old_gates[gate_id].values) != (new_gates[gate_id].question,
                                                                       new_gates[gate_id].values):
            diff.gates.append(f"{gate_id} berubah")
    diff.gates.sort()
    return diff


def newer_release(store: Store, assessment: Assessment) -> Instrument | None:
    """The release an open draft could move to: the current one of its id, if it is not
    the one the draft uses. Final revisions keep theirs (None)."""
    if assessment.status != Assessment.DRAFT or assessment.instrument_id not in store.registry:
        return None
    current = store.registry.get(assessment.instrument_id)
    if current.sha256 == assessment.instrument_sha256:
        return None
    used = store.registry.by_hash(assessment.instrument_sha256)
    if used is not None and used.sequence >= current.sequence:
        return None
    return current


def migrate_assessment(store: Store, assessment: Assessment, instrument: Instrument, who: str) -> Assessment:
    """Move a draft to ``instrument``: answers stay keyed by item code (those of removed
    items are kept but no longer count), gates keep their values where the new release
    still knows them; one audit entry records from which release to which."""
    assessment = store.assessment(assessment.id)
    if assessment.status != Assessment.DRAFT:
        raise StoreRuleError(code="migrate_final", year=assessment.year, revision=assessment.revision)
    if instrument.id != assessment.instrument_id:
        raise StoreRuleError(code="migrate_other_instrument", instrument=instrument.id, current=assessment.instrument_id)
    if instrument.sha256 == assessment.instrument_sha256:
        return assessment
    old = store.registry.by_hash(assessment.instrument_sha256)
    gates = {gate_id: value for gate_id, value in (assessment.gates or {}).items()
             if gate_id in {g.id for g in instrument.gates} and value in instrument.gate(gate_id).values}
    with store.db.atomic():
        before = {"version": old.version if old else None, "sha256": assessment.instrument_sha256}
        assessment.instrument_sha256 = instrument.sha256
        assessment.gates = gates
        assessment.updated_at = utc_now()
        assessment.save()
        store._audit(assessment, None, "instrument_migrated", before,  # noqa: SLF001
                     {"version": instrument.version, "sha256": instrument.sha256,
                      "sequence": instrument.sequence, "gates": gates}, who)
    return assessment
