"""Silent damage made visible: a hash chain over the audit log, checked against the data.

Every :class:`~models.tables.AuditEntry` is sealed when it is written (``seal``): it carries
``state_hash``, the hash of the value it wrote, ``prev_hash``, the hash of the entry before
it, and ``entry_hash`` over both and all its own columns as stored. After each commit the
newest entry's id and hash are written beside the database (``merit.chain``, outside the
WAL): the database must always reach at least that far.

``check_history`` walks the chain and replays it: the answers, gates, S, k and status of
every assessment filled in this installation must equal what its history last wrote. A
byte flipped in an answer or in the log, or a lost ``-wal`` (the database falling short of
``merit.chain``), becomes a :class:`Mismatch` naming the item. Export refuses to go on
(``require_consistent_history`` raises :class:`HistoryMismatchError`) until the person
restores a backup or confirms the present data (``confirm_history``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from models.errors import HISTORY_MISMATCH, MeritError
from models.texts import Joined, Said

log = logging.getLogger("merit.history")

CHAIN_HEAD_FILENAME = "merit.chain"
ANSWER_DEFAULTS = {"level": None, "justification": "", "needs_review": False, "review_note": ""}
ASSESSMENT_FIELDS = ("survey", "correction", "status")
def _field_name(field: str) -> Said:
    if field.startswith("gate:"):
        return Said("history_field_gate", gate=field[5:])
    return Said(f"history_field_{field}")


class HistoryMismatchError(MeritError):
    """The data does not match its history; ``mismatches`` says where."""

    def __init__(self, mismatches: list[Mismatch]):
        self.mismatches = mismatches
        shown = Joined([m.label for m in mismatches[:5]], "; ")
        items = Said("history_more", shown=shown, more=len(mismatches) - 5) if len(mismatches) > 5 else shown
        super().__init__(HISTORY_MISMATCH, items=items)


@dataclass(frozen=True)
class Mismatch:
    assessment_id: int | None
    where: str  # "penilaian 2026 revisi 1" (a Said: each face words it) or ""
    item_id: str | None
    what: str  # a Said

    @property
    def label(self) -> Said:
        if self.item_id:
            if self.where:
                return Said("history_at_item", item=self.item_id, where=self.where, what=self.what)
            return Said("history_at_item_only", item=self.item_id, what=self.what)
        if self.where:
            return Said("history_at_data", where=self.where, what=self.what)
        return Said("history_at_data_only", what=self.what)


# --- hashing -------------------------------------------------------------------------------

def _digest(parts: list) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=True).encode("ascii")).hexdigest()


def state_digest(assessment_id, item_id, field, new_raw) -> str:
    return _digest([assessment_id, item_id, field, new_raw])


def entry_digest(prev_hash, assessment_id, item_id, field, old_raw, new_raw, who, at_raw, state_hash) -> str:
    return _digest([prev_hash, assessment_id, item_id, field, old_raw, new_raw, who, at_raw, state_hash])


def _last_hash(db) -> str:
    row = db.execute_sql("SELECT entry_hash FROM auditentry ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0] or "") if row else ""


def seal(entry) -> None:
    """Fill the chain columns of a new AuditEntry from its values as they will be stored."""
    from models.tables import AuditEntry

    db = AuditEntry._meta.database
    raw = _raw_of(entry)
    entry.prev_hash = _last_hash(db)
    entry.state_hash = state_digest(raw["assessment_id"], raw["item_id"], raw["field"], raw["new_value"])
    entry.entry_hash = entry_digest(entry.prev_hash, raw["assessment_id"], raw["item_id"], raw["field"],
                                    raw["old_value"], raw["new_value"], raw["who"], raw["at"], entry.state_hash)


def _raw_of(entry) -> dict:
    from models.tables import AuditEntry

    return {"assessment_id": entry.assessment_id, "item_id": entry.item_id, "field": entry.field,
            "old_value": AuditEntry.old_value.db_value(entry.old_value),
            "new_value": AuditEntry.new_value.db_value(entry.new_value),
            "who": entry.who, "at": AuditEntry.at.db_value(entry.at)}


# --- the head beside the database ----------------------------------------------------------

def head_path(data_dir: Path) -> Path:
    return Path(data_dir) / CHAIN_HEAD_FILENAME


def write_head(data_dir: Path, entry_id: int, entry_hash: str, item_id: str | None) -> None:
    """Best effort and without fsync: the head only ever lags the database after a power cut
    (it is written after the commit), which the check allows; it must never stop a save."""
    path = head_path(data_dir)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_text(json.dumps({"id": entry_id, "hash": entry_hash, "item_id": item_id}), "utf-8")
        os.replace(partial, path)
    except OSError as exc:
        log.warning("chain head not written: %r", exc)


def record_head_after_commit(entry) -> None:
    """Write the head once the entry's transaction commits (at once outside a transaction),
    from the newest entry then in the database: a savepoint rolled back after this entry
    was written must not leave the head naming an entry that never committed."""
    db = type(entry)._meta.database
    data_dir = Path(db.database).parent
    # peewee (pinned) keeps the callbacks due at commit in ``_state.commit_callbacks``; if a
    # release renamed it, every entry would write the head again: slower, never wrong.
    due = getattr(db._state, "commit_callbacks", ())
    if db.transaction_depth() and any(getattr(call, "chain_head", False) for call in due):
        # Already due after this commit: it reads the newest entry then, whichever wrote it
        # (an import of 500 packages writes two entries per package, one head per commit).
        return

    def write_after_commit() -> None:
        write_head_from_database(db, data_dir)

    write_after_commit.chain_head = True
    db.after_commit(write_after_commit)


def write_head_from_database(db, data_dir: Path) -> None:
    row = db.execute_sql("SELECT id, entry_hash, item_id FROM auditentry ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        head_path(data_dir).unlink(missing_ok=True)
    else:
        write_head(data_dir, row[0], row[1], row[2])


def _read_head(data_dir: Path) -> dict | None:
    try:
        return json.loads(head_path(data_dir).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"id": None, "hash": None, "item_id": None}  # unreadable: counts as not reached


# --- migration ------------------------------------------------------------------------------

def migrate(db) -> None:
    """Schema 3: the chain columns, and the chain computed over the existing log."""
    present = {row[1] for row in db.execute_sql("PRAGMA table_info(auditentry)").fetchall()}
    for column in ("prev_hash", "state_hash", "entry_hash"):
        if column not in present:
            db.execute_sql(f"ALTER TABLE auditentry ADD COLUMN {column} TEXT")
    reseal(db)


def reseal(db) -> None:
    """Compute every entry's chain columns again from the log as it stands."""
    prev = ""
    for row in _audit_rows(db):
        state = state_digest(row["assessment_id"], row["item_id"], row["field"], row["new_value"])
        digest = entry_digest(prev, row["assessment_id"], row["item_id"], row["field"], row["old_value"],
                              row["new_value"], row["who"], row["at"], state)
        db.execute_sql("UPDATE auditentry SET prev_hash = ?, state_hash = ?, entry_hash = ? WHERE id = ?",
                       (prev, state, digest, row["id"]))
        prev = digest


# --- checking -------------------------------------------------------------------------------

def _text(value):
    # Read as bytes: a flipped byte may leave text that is not UTF-8, which must not crash
    # the check; surrogateescape keeps such bytes distinct, so their hash differs.
    return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else value


def _audit_rows(db) -> list[dict]:
    columns = ("id", "assessment_id", "item_id", "field", "old_value", "new_value", "who", "at",
               "prev_hash", "state_hash", "entry_hash")
    cursor = db.execute_sql(
        "SELECT id, assessment_id, CAST(item_id AS BLOB), CAST(field AS BLOB), CAST(old_value AS BLOB), "
        "CAST(new_value AS BLOB), CAST(who AS BLOB), CAST(at AS BLOB), prev_hash, state_hash, entry_hash "
        "FROM auditentry ORDER BY id")
    return [dict(zip(columns, (_text(value) for value in row), strict=True)) for row in cursor.fetchall()]


def _decoded(raw):
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return _Unreadable(raw)


class _Unreadable:
    """A logged value that is no longer JSON: equal to nothing."""

    def __init__(self, raw):
        self.raw = raw

    def __eq__(self, other) -> bool:
        return False

    __hash__ = None


def check_history(store) -> list[Mismatch]:
    """Where the data and its history disagree (empty when they agree)."""
    db, data_dir = store.db, Path(store.data_dir)
    rows = _audit_rows(db)
    where = {row[0]: Said("history_where", year=row[1], revision=row[2]) for row in
             db.execute_sql("SELECT id, year, revision FROM assessment").fetchall()}
    mismatches = _chain_breaks(rows, where)
    mismatches += _head_not_reached(rows, data_dir, where)
    mismatches += _data_against_history(db, rows, where)
    if not mismatches and _read_head(data_dir) is None and rows:
        write_head(data_dir, rows[-1]["id"], rows[-1]["entry_hash"], rows[-1]["item_id"])
    return mismatches


def _chain_breaks(rows: list[dict], where: dict) -> list[Mismatch]:
    found, prev = [], ""
    for row in rows:
        state = state_digest(row["assessment_id"], row["item_id"], row["field"], row["new_value"])
        digest = entry_digest(prev, row["assessment_id"], row["item_id"], row["field"], row["old_value"],
                              row["new_value"], row["who"], row["at"], state)
        if (row["prev_hash"], row["state_hash"], row["entry_hash"]) != (prev, state, digest):
            found.append(Mismatch(row["assessment_id"], where.get(row["assessment_id"], ""), row["item_id"],
                                  Said("history_entry_broken", entry=row["id"])))
        prev = row["entry_hash"] or ""
    return found


def _head_not_reached(rows: list[dict], data_dir: Path, where: dict) -> list[Mismatch]:
    head = _read_head(data_dir)
    if head is None:
        return []
    by_id = {row["id"]: row for row in rows}
    reached = by_id.get(head.get("id"))
    if reached is not None and reached["entry_hash"] == head.get("hash"):
        return []
    return [Mismatch(None, "", head.get("item_id"), Said("history_head_missing"))]


def _data_against_history(db, rows: list[dict], where: dict) -> list[Mismatch]:
    expected: dict[int, dict[str, dict]] = {}
    expected_assessment: dict[int, dict[str, object]] = {}
    revisions = {(row[1], row[2], row[3]): row[0] for row in
                 db.execute_sql("SELECT id, office_id, year, revision FROM assessment").fetchall()}
    identity = {value: key for key, value in revisions.items()}
    for row in rows:
        assessment, field, item = row["assessment_id"], row["field"], row["item_id"]
        new = _decoded(row["new_value"])
        if field == "created":
            expected[assessment], expected_assessment[assessment] = {}, {}
        elif field == "reopened" and assessment in identity:
            office, year, _ = identity[assessment]
            source = revisions.get((office, year, (new or {}).get("revision", 0) - 1))
            expected[assessment] = {i: dict(f) for i, f in expected.get(source, {}).items()}
            expected_assessment[assessment] = {k: v for k, v in expected_assessment.get(source, {}).items()
                                               if k != "status"}
        elif assessment not in expected:
            continue  # imported, or older than its history: nothing to replay against
        elif item is not None and field in ANSWER_DEFAULTS:
            expected[assessment].setdefault(item, {})[field] = new
        elif item is None and (field.startswith("gate:") or field in ASSESSMENT_FIELDS):
            expected_assessment[assessment][field] = new
        elif item is None and field == "instrument_migrated" and isinstance((new or {}).get("gates"), dict):
            # A move to a newer release keeps only the gates it still knows (instrument_update).
            kept = {k: v for k, v in expected_assessment[assessment].items() if not k.startswith("gate:")}
            expected_assessment[assessment] = {**kept, **{f"gate:{g}": v for g, v in new["gates"].items()}}
    found = []
    answers: dict[int, dict[str, dict]] = {}
    for row in db.execute_sql("SELECT assessment_id, CAST(item_id AS BLOB), level, CAST(justification AS BLOB), "
                              "needs_review, CAST(review_note AS BLOB) FROM answer").fetchall():
        assessment, item, level, justification, flag, note = (_text(value) for value in row)
        answers.setdefault(assessment, {})[item] = {"level": level, "justification": justification,
                                                    "needs_review": bool(flag) if flag in (0, 1) else flag,
                                                    "review_note": note}
    for assessment, items in expected.items():
        present = answers.get(assessment, {})
        for item in sorted(set(items) | set(present)):
            wrote, has = items.get(item, {}), present.get(item, ANSWER_DEFAULTS)
            differing = [_field_name(f) for f, default in ANSWER_DEFAULTS.items() if wrote.get(f, default) != has[f]]
            if differing:
                found.append(Mismatch(assessment, where.get(assessment, ""), item,
                                      Said("history_fields_differ", fields=Joined(differing))))
        found += _assessment_against_history(db, assessment, expected_assessment.get(assessment, {}), where)
    return found


def _assessment_against_history(db, assessment: int, wrote: dict, where: dict) -> list[Mismatch]:
    row = db.execute_sql("SELECT CAST(gates AS BLOB), survey, correction, status FROM assessment WHERE id = ?",
                         (assessment,)).fetchone()
    if row is None:
        return [Mismatch(assessment, "", None, Said("history_assessment_missing", assessment=assessment))]
    gates = _decoded(_text(row[0]))
    present = {"survey": row[1], "correction": row[2], "status": _text(row[3])}
    differing = []
    for field, value in wrote.items():
        if field.startswith("gate:"):
            has = gates.get(field[5:]) if isinstance(gates, dict) else _Unreadable(gates)
        else:
            has = present[field]
        if value != has:
            differing.append(_field_name(field))
    if not differing:
        return []
    return [Mismatch(assessment, where.get(assessment, ""), None,
                     Said("history_fields_differ", fields=Joined(differing)))]


def require_consistent_history(store) -> None:
    """Raise :class:`HistoryMismatchError` when the data does not match its history (export
    calls this: a package must not carry silently damaged answers)."""
    mismatches = check_history(store)
    if mismatches:
        raise HistoryMismatchError(mismatches)


def confirm_history(store, who: str) -> int:
    """The person looked and accepts the data as it is now: the log is sealed again and an
    entry records each differing item's present value, so the history ends in the present
    data. Returns how many items were confirmed."""
    mismatches = check_history(store)
    with store.db.atomic():
        reseal(store.db)
        confirmed = _record_present_values(store, mismatches, who)
    write_head_from_database(store.db, store.data_dir)
    return confirmed


def _record_present_values(store, mismatches: list[Mismatch], who: str) -> int:
    from models.tables import Answer, Assessment, AuditEntry

    done = set()
    for mismatch in mismatches:
        key = (mismatch.assessment_id, mismatch.item_id)
        if mismatch.assessment_id is None or key in done:
            continue
        done.add(key)
        assessment = Assessment.get_or_none(Assessment.id == mismatch.assessment_id)
        if assessment is None:
            continue
        if mismatch.item_id is not None:
            answer = Answer.get_or_none((Answer.assessment == assessment) & (Answer.item_id == mismatch.item_id))
            for field, default in ANSWER_DEFAULTS.items():
                AuditEntry.create(assessment=assessment, item_id=mismatch.item_id, field=field, old_value=None,
                                  new_value=getattr(answer, field) if answer else default, who=who)
        else:
            for gate, value in (assessment.gates or {}).items():
                AuditEntry.create(assessment=assessment, item_id=None, field=f"gate:{gate}", old_value=None,
                                  new_value=value, who=who)
            for field in ASSESSMENT_FIELDS:
                AuditEntry.create(assessment=assessment, item_id=None, field=field, old_value=None,
                                  new_value=getattr(assessment, field), who=who)
        AuditEntry.create(assessment=assessment, item_id=mismatch.item_id, field="history_confirmed",
                          old_value=None, new_value={"reason": mismatch.what}, who=who)
    return len(done)
