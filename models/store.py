"""The local store: one office (or province), its assessments, answers, evidence, audit.

``Store`` is the one door to persistent state for the GUI, the CLI and the package code.
Every change to an answer, a gate, S/k or evidence is written in one transaction together
with its :class:`~models.tables.AuditEntry`, so the audit trail never disagrees with the data.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from models import regions
from models.cleanup import Cleaned, sweep_leftovers
from models.db import (
    BEFORE_RESTORE_COPY,
    OpenedDatabase,
    Restored,
    StoreBusyError,
    StoreError,
    StoreIOError,
    backup_rotating,
    changed_since_last_backup,
    open_database,
    restore_backup,
)
from models.errors import classify
from models.evidence import MIB, EvidenceStore, StoredBlob
from models.formatting import decimal_id
from models.instrument import Instrument, InstrumentRegistry, round_half_up
from models.instrument_delivery import trusted_registry
from models.lock import DataDirBusy, DataDirLock
from models.paths import resource_path
from models.province_tables import ReceivedPackage
from models.scoring import ScoreResult, score_recorded
from models.settings import EVIDENCE_LIMIT_MB, SettingDef
from models.tables import (
    Answer,
    Assessment,
    AuditEntry,
    Evidence,
    LegacyResult,
    Office,
    Setting,
    utc_now,
)
from models.texts import TEXTS, Said, say

log = logging.getLogger("merit.store")

EVIDENCE_DIR = "evidence"
USER_INSTRUMENT_DIR = "instruments"


# The common rules by stable code; their words are in the one catalogue (models/texts.py),
# which the GUI words again in the user's language (ui/model_texts.py) and the CLI prints.
ASSESSMENT_LOCKED = "assessment_locked"
ITEM_NOT_APPLICABLE = "item_not_applicable"
LEVEL_OUT_OF_RANGE = "level_out_of_range"
UNKNOWN_ITEM = "unknown_item"
RULE_TEXTS = {code: TEXTS[code] for code in (ASSESSMENT_LOCKED, ITEM_NOT_APPLICABLE, LEVEL_OUT_OF_RANGE,
                                             UNKNOWN_ITEM)}


class StoreRuleError(ValueError):
    """A change the rules forbid (locked assessment, gated-out item, ...); message for the user.
    models/ always gives a ``code`` of ``models.texts.TEXTS`` and its ``params``; a face may
    pass a sentence of its own, already in the user's language."""

    def __init__(self, message: str = "", *, code: str = "", **params):
        if not message and code not in TEXTS:
            raise KeyError(f"no text for code {code!r}")
        super().__init__(message or say(code, **params))
        self.code = code
        self.params = params


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()


@dataclass(frozen=True)
class LegacyScale:
    """The legacy KASN 100-400 scale and its categories, for recorded history."""

    raw: dict

    @property
    def range(self) -> tuple[float, float]:
        low, high = self.raw["range"]
        return float(low), float(high)

    def category_for(self, nilai: float) -> dict:
        """The category of the value as recorded, unrounded: 174.95 is still I Buruk."""
        chosen = self.raw["bands"][0]
        for band in self.raw["bands"]:
            if nilai >= band["min"]:
                chosen = band
        return chosen

    def nilai_text(self, nilai: float) -> str:
        """The value with its own decimals (at least the scale's precision), never rounded
        into another category: 174.95 -> "174,95", not "175,0" beside "I Buruk"."""
        category = self.category_for(nilai)
        places = max(self.raw["precision"], _decimals_of(nilai))
        while places < 6 and self.category_for(round_half_up(nilai, places)) is not category:
            places += 1
        shown = round_half_up(nilai, places)
        if self.category_for(shown) is not category:
            shown = math.floor(nilai * 10 ** places) / 10 ** places  # cut, never round up across a border
        return decimal_id(shown, places)

    def with_category(self, nilai: float) -> str:
        category = self.category_for(nilai)
        return f"{self.nilai_text(nilai)} — {category['roman']} {category['label']}"

    def aspect_problem(self, aspect_scores: dict[str, float] | None, nilai: float | None = None) -> Said | None:
        """Why recorded per-aspect values cannot be right, or None. Aspects 1-5 have known
        maxima (and minima of a quarter of it: every item scores at least 1); aspects 6-8
        together are at most ``unknown_aspects_max_combined``; the parts never exceed the whole."""
        if not aspect_scores:
            return None
        maxima = {str(a["number"]): a for a in self.raw["aspects"]}
        unknown_total = 0.0
        for number, value in aspect_scores.items():
            aspect = maxima.get(str(number))
            if aspect is None:
                return Said("legacy_unknown_aspect", number=number, count=len(maxima))
            if value < 0:
                return Said("legacy_aspect_negative", number=number, title=aspect["title"], value=decimal_id(value, 1))
            if aspect["max"] is None:
                unknown_total += value
                continue
            low, high = aspect["max"] / 4, aspect["max"]
            if not low <= value <= high:
                return Said("legacy_aspect_out_of_range", number=number, title=aspect["title"],
                            value=self._plain(value), low=self._plain(low), high=self._plain(high))
        combined = self.raw.get("unknown_aspects_max_combined")
        if combined is not None and unknown_total > combined:
            return Said("legacy_unknown_aspects_over", total=self._plain(unknown_total), limit=self._plain(combined))
        total = sum(aspect_scores.values())
        if nilai is not None and total > nilai + 1e-6:
            return Said("legacy_aspects_over_total", total=self._plain(total), nilai=self._plain(nilai))
        return None

    @staticmethod
    def _plain(value: float) -> str:
        return decimal_id(value, max(1, _decimals_of(value)))


def _decimals_of(value: float) -> int:
    """How many decimals the value has as typed (37.5 -> 1, 174.95 -> 2), at most 6."""
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def legacy_scale() -> LegacyScale:
    return LegacyScale(json.loads(resource_path("scales", "kasn-2019.json").read_text("utf-8")))


def restore_store(data_dir: Path, backup: Path, *, lock_wait: float = 0.0) -> Restored:
    """Go back to ``backup`` (Pengaturan > Cadangan and ``merit restore`` alike): with the data
    folder's lock held, so never under another window or command, and never under a
    ``Store`` of this process that is still open (close it first: the app reopens after).
    The present data is copied first as ``merit.sqlite.sebelum-pulih-<time>``."""
    lock = DataDirLock(Path(data_dir))
    try:
        lock.acquire(lock_wait)
    except DataDirBusy as exc:
        raise StoreBusyError(code=exc.code, **exc.params) from exc
    except OSError as exc:
        raise StoreIOError(classify(exc)) from exc
    try:
        if not lock.first_user:
            raise StoreError(code="store_still_open")
        return restore_backup(Path(data_dir), Path(backup), kept_as=BEFORE_RESTORE_COPY)
    finally:
        lock.release()


class InstrumentUnavailable(KeyError):
    """A final revision's own instrument (by SHA-256) is not at hand."""

    code = "instrument_unavailable"

    def __init__(self, assessment: Assessment):
        super().__init__(assessment.instrument_sha256)
        self.assessment = assessment
        self.params = {"instrument": assessment.instrument_id, "sha": assessment.instrument_sha256[:12]}

    def __str__(self) -> str:
        return say(self.code, **self.params)


class Store:
    def __init__(
        self,
        data_dir: Path,
        *,
        evidence_limit_bytes: int | None = None,
        registry: InstrumentRegistry | None = None,
        lock_wait: float = 0.0,
    ):
        """Open the store for writing: takes the data folder's lock (``models.lock``), waiting
        up to ``lock_wait`` seconds for another process to let go (:class:`StoreBusyError`)."""
        self.data_dir = Path(data_dir)
        self._lock = DataDirLock(self.data_dir)
        try:
            self._lock.acquire(lock_wait)
        except DataDirBusy as exc:
            raise StoreBusyError(code=exc.code, **exc.params) from exc
        except OSError as exc:
            raise StoreIOError(classify(exc)) from exc
        try:
            self._opened: OpenedDatabase = open_database(self.data_dir)
        except BaseException:
            self._lock.release()
            raise
        self.db = self._opened.db
        self._settings: dict[str, object] = {}  # setting key -> value read (setting())
        try:
            if evidence_limit_bytes is None:  # the limit set in Pengaturan, else its default
                evidence_limit_bytes = self.setting(EVIDENCE_LIMIT_MB) * MIB
            self.evidence_store = EvidenceStore(self.data_dir / EVIDENCE_DIR, evidence_limit_bytes)
            # Shipped instruments plus those a trusted province signed; any other JSON in
            # <data>/instruments is never used for scoring (instrument_delivery), and a
            # malformed one is skipped and named (registry.skipped/warnings).
            self.registry = registry or trusted_registry(self.data_dir)
        except BaseException:
            self.close()
            raise
        self.cleaned = Cleaned()
        try:
            if self._lock.first_user:  # nobody else can be writing our temp files now
                self.cleaned = sweep_leftovers(self.data_dir, self._referenced_packages())
            else:
                self.evidence_store.sweep_partials()
        except OSError as exc:  # tidying up must never keep the day's work from starting
            log.warning("leftovers not cleared: %r", exc)

    @property
    def notices(self) -> list[str]:
        """What a person should know after opening: files skipped or not used, packages set aside."""
        return self.registry.warnings + self.cleaned.notices

    def _referenced_packages(self) -> set[str]:
        return {row.sha256 for row in ReceivedPackage.select(ReceivedPackage.sha256)}

    # --- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Checkpoint the WAL into the database file, close, and give the folder back."""
        if not self.db.is_closed():
            self.db.checkpoint()
            self.db.close()
        self._lock.release()

    def checkpoint(self) -> None:
        """Fold the WAL into the database file (the GUI calls it when idle)."""
        self.db.checkpoint()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def transaction(self):
        """Several Store changes as one (``with store.transaction(): ...``): all or none."""
        return self.db.atomic()

    def release_thread_connection(self) -> None:
        """Close the calling worker thread's own connection when its work is done."""
        if not self.db.is_closed():
            self.db.close()

    @property
    def pre_migration_backup(self) -> Path | None:
        return self._opened.pre_migration_backup

    def backup(self) -> Path | None:
        """A rotating automatic backup (the GUI takes one at every start); None when the store
        is still empty (see ``db.backup_rotating``)."""
        return backup_rotating(self.db, self.data_dir)

    def backup_if_changed(self) -> Path | None:
        """:meth:`backup`, unless nothing was written since the newest automatic backup
        (then None): a start that changes nothing must not rotate good backups out."""
        if not changed_since_last_backup(self.data_dir):
            return None
        return self.backup()

    # --- settings ------------------------------------------------------------------------

    def setting(self, setting: SettingDef):
        """The value of a setting declared in ``models.settings`` (its default when unset).
        Read once, then kept: the folder's lock makes this Store its only writer, and every
        change comes through :meth:`set_setting` (the operator's name is read on every save)."""
        if setting.key not in self._settings:
            row = Setting.get_or_none(Setting.key == setting.key)
            self._settings[setting.key] = setting.coerce(None if row is None else row.value)
        return self._settings[setting.key]

    def set_setting(self, setting: SettingDef, value) -> None:
        self._settings.pop(setting.key, None)
        Setting.insert(key=setting.key, value=setting.coerce(value)).on_conflict_replace().execute()
        self._settings.pop(setting.key, None)
        if setting is EVIDENCE_LIMIT_MB:  # enforced at once, not only from the next start
            self.evidence_store.limit_bytes = self.setting(EVIDENCE_LIMIT_MB) * MIB

    # --- office --------------------------------------------------------------------------

    def office(self) -> Office | None:
        """The office this installation works for (the first one set up)."""
        return Office.select().order_by(Office.id).first()

    def ensure_office(self, code: str, name: str | None = None) -> Office:
        """The Office row for region ``code`` (created from the official list if new)."""
        return Office.get_by_id(self.ensure_office_id(code, name))

    def ensure_office_id(self, code: str, name: str | None = None) -> int:
        """The id of the Office row for region ``code``: created from the official list if
        new (``KeyError`` for a code not on it), renamed to ``name`` when given and different.
        Prepared statements: a province's import asks it once per package."""
        region, province = regions.region(code), regions.province_of(code)
        cursor = self.db.cursor()
        row = cursor.execute('SELECT "id", "name" FROM "office" WHERE "code" = ?', (code,)).fetchone()
        if row is None:
            return Office.insert(code=code, name=name or region.name, province_code=province.code,
                                 province_name=province.name).execute()
        if name and row[1] != name:
            cursor.execute('UPDATE "office" SET "name" = ? WHERE "id" = ?', (name, row[0]))
        return row[0]

    # --- history (legacy scale) --------------------------------------------------------

    def record_legacy_result(
        self,
        office: Office,
        year: int,
        nilai: float,
        aspect_scores: dict[str, float] | None = None,
        note: str = "",
    ) -> LegacyResult:
        scale = legacy_scale()
        low, high = scale.range
        if not low <= nilai <= high:
            raise StoreRuleError(code="legacy_out_of_scale", nilai=f"{nilai:g}", low=f"{low:g}", high=f"{high:g}")
        problem = scale.aspect_problem(aspect_scores, nilai)
        if problem:
            raise StoreRuleError(code=problem.code, **problem.params)
        category = scale.category_for(nilai)
        with self.db.atomic():
            LegacyResult.delete().where(
                (LegacyResult.office == office) & (LegacyResult.year == year)
            ).execute()
            return LegacyResult.create(
                office=office,
                year=year,
                nilai=nilai,
                category=f"{category['roman']} {category['label']}",
                aspect_scores=aspect_scores,
                note=note,
            )

    def legacy_results(self, office: Office) -> list[LegacyResult]:
        return list(office.legacy_results.order_by(LegacyResult.year))

    def remove_legacy_result(self, office: Office, year: int) -> bool:
        """Forget the recorded result of ``year``; False when there was none."""
        removed = LegacyResult.delete().where(
            (LegacyResult.office == office) & (LegacyResult.year == year)).execute()
        return bool(removed)

    def set_legacy_history(self, office: Office, results: dict[int, float]) -> None:
        """Make the recorded history exactly ``results`` (year -> nilai), in one transaction."""
        with self.db.atomic():
            existing = {row.year: row.nilai for row in self.legacy_results(office)}
            for year in existing.keys() - results.keys():
                self.remove_legacy_result(office, year)
            for year, nilai in results.items():
                if existing.get(year) != nilai:
                    self.record_legacy_result(office, year, nilai)

    # --- assessments ---------------------------------------------------------------------

    def create_assessment(self, office: Office, year: int, instrument: Instrument | None = None,
                          who: str = "", confirm_default_gates: bool = True) -> Assessment:
        """A new draft. The GUI passes ``confirm_default_gates=False``: its gates start
        unconfirmed (absent from ``gates``; scored at their default, flagged by validation
        until the office answers them)."""
        instrument = instrument or self.registry.default()
        if Assessment.select().where((Assessment.office == office) & (Assessment.year == year)).exists():
            raise StoreRuleError(code="assessment_exists", year=year, office=office.name)
        with self.db.atomic():
            assessment = Assessment.create(
                office=office,
                year=year,
                revision=1,
                instrument_id=instrument.id,
                instrument_sha256=instrument.sha256,
                gates=instrument.default_gates() if confirm_default_gates else {},
            )
            self._audit(assessment, None, "created", None, {"year": year, "instrument": instrument.id}, who)
        return assessment

    def assessments(self, office: Office | None = None) -> list[Assessment]:
        query = Assessment.select()
        if office is not None:
            query = query.where(Assessment.office == office)
        return list(query.order_by(Assessment.year.desc(), Assessment.revision.desc()))

    def latest_assessment(self, office: Office, year: int) -> Assessment | None:
        return (
            Assessment.select()
            .where((Assessment.office == office) & (Assessment.year == year))
            .order_by(Assessment.revision.desc())
            .first()
        )

    def assessment_revision(self, office: Office, year: int, revision: int) -> Assessment | None:
        return Assessment.get_or_none((Assessment.office == office) & (Assessment.year == year)
                                      & (Assessment.revision == revision))

    def assessment(self, assessment_id: int) -> Assessment:
        return Assessment.get_by_id(assessment_id)

    def instrument_of(self, assessment: Assessment) -> Instrument:
        """The instrument the assessment is scored with, by SHA-256. A final revision is
        never re-scored with another release of its id: without its own file it raises
        InstrumentUnavailable (show its stored scores, ``final_scores``). A draft falls
        back to the current release of its id."""
        instrument = self.registry.by_hash(assessment.instrument_sha256)
        if instrument is None:
            if assessment.status == Assessment.FINAL:
                raise InstrumentUnavailable(assessment)
            instrument = self.registry.get(assessment.instrument_id)
        return instrument

    def final_scores(self, assessment: Assessment) -> dict | None:
        """The scores recorded when the revision was finalized (audit entry ``final_scores``)."""
        entry = (AuditEntry.select().where((AuditEntry.assessment == assessment)
                                           & (AuditEntry.field == "final_scores"))
                 .order_by(AuditEntry.id.desc()).first())
        return entry.new_value if entry else None

    def _check_editable(self, assessment: Assessment) -> None:
        # Read the status from the database: the caller's object may predate a finalize.
        assessment.status = Assessment.select(Assessment.status).where(Assessment.id == assessment.id).scalar()
        if assessment.locked:
            raise StoreRuleError(code=ASSESSMENT_LOCKED, year=assessment.year, revision=assessment.revision)

    def _audit(self, assessment, item_id, field, old, new, who) -> None:
        AuditEntry.create(assessment=assessment, item_id=item_id, field=field,
                          old_value=old, new_value=new, who=who)

    def _touch(self, assessment: Assessment) -> None:
        assessment.updated_at = utc_now()
        Assessment.update(updated_at=assessment.updated_at).where(Assessment.id == assessment.id).execute()

    # --- answers -------------------------------------------------------------------------

    def answers(self, assessment: Assessment) -> dict[str, Answer]:
        return {answer.item_id: answer for answer in assessment.answers}

    def answer(self, assessment: Assessment, item_id: str) -> Answer | None:
        return Answer.get_or_none((Answer.assessment == assessment) & (Answer.item_id == item_id))

    def set_answer(
        self,
        assessment: Assessment,
        item_id: str,
        *,
        level=UNSET,
        justification=UNSET,
        needs_review=UNSET,
        review_note=UNSET,
        who: str = "",
    ) -> Answer:
        """Change any of an item's fields; each changed field gets an audit entry."""
        self._check_editable(assessment)
        instrument = self.instrument_of(assessment)
        if not instrument.has_item(item_id):
            raise StoreRuleError(code=UNKNOWN_ITEM, item=item_id, instrument=instrument.id)
        if level is not UNSET and level is not None:
            if not instrument.in_scale(level):
                raise StoreRuleError(code=LEVEL_OUT_OF_RANGE, level=level, low=instrument.scale_min,
                                     high=instrument.scale_max)
            if not instrument.item(item_id).applies(instrument.resolve_gates(assessment.gates)):
                raise StoreRuleError(code=ITEM_NOT_APPLICABLE, item=item_id)
        changes = {
            name: value
            for name, value in (
                ("level", level),
                ("justification", justification),
                ("needs_review", needs_review),
                ("review_note", review_note),
            )
            if value is not UNSET
        }
        with self.db.atomic():
            answer, _ = Answer.get_or_create(assessment=assessment, item_id=item_id)
            changed = False
            for name, value in changes.items():
                old = getattr(answer, name)
                if old != value:
                    self._audit(assessment, item_id, name, old, value, who)
                    setattr(answer, name, value)
                    changed = True
            if changed:
                answer.carried_unreviewed = False  # touched this year: reviewed
                answer.updated_at = utc_now()
                answer.updated_by = who
                answer.save()
                self._touch(assessment)
        return answer

    def set_gate(self, assessment: Assessment, gate_id: str, value: str, who: str = "") -> None:
        """Answer a gate. Answers of items it switches off are kept (not counted) for undo."""
        self._check_editable(assessment)
        gate = self.instrument_of(assessment).gate(gate_id)
        if value not in gate.values:
            raise StoreRuleError(code="gate_bad_value", value=value, gate=gate_id)
        gates = dict(assessment.gates)
        old = gates.get(gate_id)
        if old == value:
            return
        gates[gate_id] = value
        with self.db.atomic():
            assessment.gates = gates
            Assessment.update(gates=gates).where(Assessment.id == assessment.id).execute()
            self._audit(assessment, None, f"gate:{gate_id}", old, value, who)
            self._touch(assessment)

    def set_survey_and_correction(self, assessment: Assessment, survey: float | None,
                                  correction: float | None, who: str = "") -> None:
        self._check_editable(assessment)
        for name, value in (("survey", survey), ("correction", correction)):
            if value is not None and not 0.0 <= value <= 1.0:
                raise StoreRuleError(code="fraction_out_of_range", name=name)
        with self.db.atomic():
            for name, value in (("survey", survey), ("correction", correction)):
                old = getattr(assessment, name)
                if old != value:
                    self._audit(assessment, None, name, old, value, who)
                    setattr(assessment, name, value)
            Assessment.update(survey=survey, correction=correction).where(
                Assessment.id == assessment.id).execute()
            self._touch(assessment)

    # --- evidence ------------------------------------------------------------------------

    def add_evidence(
        self,
        assessment: Assessment,
        item_id: str,
        source: Path,
        who: str = "",
        label: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Evidence:
        """Copy ``source`` into the evidence store and attach it to ``item_id``."""
        self._check_editable(assessment)
        self._check_item(assessment, item_id)
        source = Path(source)
        blob = self.evidence_store.add(source, progress=progress, cancelled=cancelled)
        return self.attach_blob(assessment, item_id, blob, source.name, who=who, label=label)

    def attach_blob(self, assessment: Assessment, item_id: str, blob: StoredBlob, original_name: str,
                    who: str = "", label: str | None = None) -> Evidence:
        """Record a blob already in the evidence store (the GUI copies and hashes off the GUI
        thread with ``evidence_store.add`` and attaches on the GUI thread)."""
        self._check_editable(assessment)
        self._check_item(assessment, item_id)
        if not self.evidence_store.has(blob.sha256):
            raise StoreRuleError(code="evidence_blob_missing", name=original_name)
        with self.db.atomic():
            evidence = Evidence.create(
                assessment=assessment,
                item_id=item_id,
                sha256=blob.sha256,
                size=blob.size,
                original_name=original_name,
                label=label or Path(original_name).stem,
                media_type=blob.media_type,
                added_by=who,
            )
            self._audit(assessment, item_id, "evidence_added", None,
                        {"id": evidence.id, "name": original_name, "sha256": blob.sha256}, who)
            self._touch(assessment)
        return evidence

    def _check_item(self, assessment: Assessment, item_id: str) -> None:
        if not self.instrument_of(assessment).has_item(item_id):
            raise StoreRuleError(code=UNKNOWN_ITEM, item=item_id, instrument=self.instrument_of(assessment).id)

    def evidence(self, assessment: Assessment, item_id: str | None = None) -> list[Evidence]:
        query = Evidence.select().where((Evidence.assessment == assessment) & Evidence.removed_at.is_null())
        if item_id is not None:
            query = query.where(Evidence.item_id == item_id)
        return list(query.order_by(Evidence.id))

    def evidence_by_id(self, evidence_id: int) -> Evidence:
        return Evidence.get_by_id(evidence_id)

    def evidence_counts(self, assessment: Assessment) -> dict[str, int]:
        """Items with evidence and how many each: counted by SQLite (opening an assessment
        needs no Evidence row)."""
        query = (Evidence.select(Evidence.item_id, peewee.fn.COUNT(Evidence.id))
                 .where((Evidence.assessment == assessment) & Evidence.removed_at.is_null())
                 .group_by(Evidence.item_id))
        return dict(query.tuples())

    def evidence_path(self, evidence: Evidence) -> Path:
        return self.evidence_store.path_of(evidence.sha256)

    def _evidence_row(self, evidence_id: int) -> Evidence:
        evidence = Evidence.get_by_id(evidence_id)
        self._check_editable(evidence.assessment)
        return evidence

    def rename_evidence(self, evidence_id: int, label: str, who: str = "") -> Evidence:
        evidence = self._evidence_row(evidence_id)
        label = label.strip()
        if not label:
            raise StoreRuleError(code="evidence_label_empty")
        if label != evidence.label:
            with self.db.atomic():
                self._audit(evidence.assessment, evidence.item_id, "evidence_label", evidence.label, label, who)
                evidence.label = label
                evidence.save()
                self._touch(evidence.assessment)
        return evidence

    def remove_evidence(self, evidence_id: int, who: str = "") -> Evidence:
        """Soft delete (the blob stays), so ``restore_evidence`` can undo it."""
        evidence = self._evidence_row(evidence_id)
        with self.db.atomic():
            evidence.removed_at = utc_now()
            evidence.save()
            self._audit(evidence.assessment, evidence.item_id, "evidence_removed",
                        {"id": evidence.id, "name": evidence.original_name}, None, who)
            self._touch(evidence.assessment)
        return evidence

    def restore_evidence(self, evidence_id: int, who: str = "") -> Evidence:
        evidence = self._evidence_row(evidence_id)
        with self.db.atomic():
            evidence.removed_at = None
            evidence.save()
            self._audit(evidence.assessment, evidence.item_id, "evidence_restored", None,
                        {"id": evidence.id, "name": evidence.original_name}, who)
            self._touch(evidence.assessment)
        return evidence

    # --- audit and scores ----------------------------------------------------------------

    def audit_trail(self, assessment: Assessment, item_id: str | None = None, *,
                    after_id: int | None = None) -> list[AuditEntry]:
        """Newest first; ``after_id``: only entries written after that one (a view that already
        shows the older ones asks for what is new, not for the whole history again)."""
        query = AuditEntry.select().where(AuditEntry.assessment == assessment)
        if item_id is not None:
            query = query.where(AuditEntry.item_id == item_id)
        if after_id is not None:
            query = query.where(AuditEntry.id > after_id)
        return list(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))

    def recorded_levels(self, assessment: Assessment) -> dict[str, int | None]:
        """Every stored level, counted or not (``score_recorded`` picks those that count)."""
        return {answer.item_id: answer.level for answer in assessment.answers}

    def score(self, assessment: Assessment) -> ScoreResult:
        try:
            instrument = self.instrument_of(assessment)
        except InstrumentUnavailable:
            stored = self.final_scores(assessment)
            if stored is None:
                raise
            return ScoreResult.from_dict(stored)  # as scored then; never re-scored with another release
        return score_recorded(instrument, assessment.gates, self.recorded_levels(assessment),
                              survey=assessment.survey, correction=assessment.correction)

    def referenced_blobs(self) -> set[str]:
        return {row.sha256 for row in Evidence.select(Evidence.sha256).distinct()}

