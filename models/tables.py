"""Peewee tables of the local store. Schema changes go through ``models.db.MIGRATIONS``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from peewee import (
    SQL,
    BooleanField,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class JsonField(TextField):
    """JSON stored as text with sorted keys, so equal values have equal bytes."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class UtcDateTimeField(DateTimeField):
    """Stored as ISO-8601 text in UTC; returned timezone-aware."""

    def db_value(self, value):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="seconds")

    def python_value(self, value):
        if value is None or isinstance(value, datetime):
            return value
        return datetime.fromisoformat(value)


class BaseModel(Model):
    class Meta:
        database = database


class Setting(BaseModel):
    """Small typed values of this installation (mode, operator name, ...), JSON-encoded."""

    key = TextField(primary_key=True)
    value = JsonField(null=True)


class Office(BaseModel):
    code = TextField(unique=True)  # Kemendagri code: "19.01" (kab/kota) or "19" (province)
    name = TextField()
    province_code = TextField()
    province_name = TextField()
    created_at = UtcDateTimeField(default=utc_now)

    @property
    def is_province(self) -> bool:
        return self.code == self.province_code


class Assessment(BaseModel):
    DRAFT = "draft"
    FINAL = "final"

    office = ForeignKeyField(Office, backref="assessments", on_delete="CASCADE")
    year = IntegerField()
    revision = IntegerField(default=1)
    instrument_id = TextField()
    instrument_sha256 = TextField()
    status = TextField(default=DRAFT)
    gates = JsonField(default=dict)
    survey = FloatField(null=True)  # employee survey figure S (0-1), when known
    correction = FloatField(null=True)  # verifier's correction k (0-1), when set
    created_at = UtcDateTimeField(default=utc_now)
    updated_at = UtcDateTimeField(default=utc_now)
    finalized_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("office", "year", "revision"), True),)

    @property
    def locked(self) -> bool:
        return self.status != self.DRAFT


class Answer(BaseModel):
    assessment = ForeignKeyField(Assessment, backref="answers", on_delete="CASCADE")
    item_id = TextField()
    level = IntegerField(null=True)
    justification = TextField(default="")
    needs_review = BooleanField(default=False)
    review_note = TextField(default="")
    updated_at = UtcDateTimeField(default=utc_now)
    updated_by = TextField(default="")
    # Carried forward from last year's assessment and not touched this year ("belum ditinjau
    # tahun ini"): blocks finalizing until edited or confirmed (models.carry_forward). The SQL
    # default too, so that inserts naming only the older columns (the importer's) still work.
    carried_unreviewed = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])

    class Meta:
        indexes = ((("assessment", "item_id"), True),)


class Evidence(BaseModel):
    assessment = ForeignKeyField(Assessment, backref="evidence", on_delete="CASCADE")
    item_id = TextField()
    sha256 = TextField(index=True)
    size = IntegerField()
    original_name = TextField()
    label = TextField()
    media_type = TextField()
    added_at = UtcDateTimeField(default=utc_now)
    added_by = TextField(default="")
    removed_at = UtcDateTimeField(null=True)  # soft delete, so removal can be undone


class AuditEntry(BaseModel):
    assessment = ForeignKeyField(Assessment, backref="audit", on_delete="CASCADE")
    item_id = TextField(null=True)  # None for assessment-wide changes (gates, S, k, status)
    field = TextField()
    old_value = JsonField(null=True)
    new_value = JsonField(null=True)
    who = TextField(default="")
    at = UtcDateTimeField(default=utc_now)
    # The hash chain (models.history): filled when the entry is written, checked at start
    # and before export, so silent damage to the log or the answers is noticed.
    prev_hash = TextField(null=True)
    state_hash = TextField(null=True)
    entry_hash = TextField(null=True)

    def save(self, *args, **kwargs):
        from models import history

        new = self.id is None
        if new:
            history.seal(self)
        saved = super().save(*args, **kwargs)
        if new:
            history.record_head_after_commit(self)
        return saved


class LegacyResult(BaseModel):
    """A past official result on the KASN 100-400 scale, kept for year-over-year views."""

    office = ForeignKeyField(Office, backref="legacy_results", on_delete="CASCADE")
    year = IntegerField()
    nilai = FloatField()
    category = TextField()
    aspect_scores = JsonField(null=True)  # {"1": 37.5, ...} when known
    note = TextField(default="")

    class Meta:
        indexes = ((("office", "year"), True),)


INITIAL_TABLES = (Setting, Office, Assessment, Answer, Evidence, AuditEntry, LegacyResult)
