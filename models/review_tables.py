"""Tables of issue 15: the province's review of a received assessment, and at the office the
verification results and receipts it imported.

Created by one migration appended to ``models.db.MIGRATIONS`` (``migrate``); later changes
are new migrations, never edits of this one's effect.
"""

from __future__ import annotations

from peewee import BlobField, FloatField, ForeignKeyField, IntegerField, TextField

from models.tables import Assessment, BaseModel, JsonField, UtcDateTimeField, utc_now


class ReviewItem(BaseModel):
    """Province: the verified level of one item of a received assessment, with its note
    (required when it differs from the office's level)."""

    assessment = ForeignKeyField(Assessment, backref="review_items", on_delete="CASCADE")
    item_id = TextField()
    verified_level = IntegerField()
    note = TextField(default="")
    reviewed_by = TextField(default="")
    reviewed_at = UtcDateTimeField(default=utc_now)

    class Meta:
        indexes = ((("assessment", "item_id"), True),)


class ReviewCorrection(BaseModel):
    """Province: the correction k the verifier set for a received assessment, and why."""

    assessment = ForeignKeyField(Assessment, backref="review_corrections", on_delete="CASCADE", unique=True)
    k = FloatField(null=True)
    reason = TextField(default="")
    set_by = TextField(default="")
    set_at = UtcDateTimeField(default=utc_now)


class VerificationResult(BaseModel):
    """Office: a verification result from the province, checked and matched to the revision
    it answers; ``raw`` is the signed file byte for byte."""

    assessment = ForeignKeyField(Assessment, backref="verification_results", on_delete="CASCADE")
    document_id = TextField(unique=True)
    package_id = TextField()
    package_sha256 = TextField()
    province_code = TextField()
    signer_key_id = TextField()
    reviewer = TextField(default="")
    reviewed_on = TextField(default="")
    self_index = FloatField(null=True)
    verified_index = FloatField(null=True)
    k = FloatField(null=True)
    k_reason = TextField(default="")
    items = JsonField(default=list)  # [{"item_id", "self_level", "verified_level", "note"}]
    verified = JsonField(default=dict)  # the file's "verified" member (index, predikat wording, ...)
    file_sha256 = TextField()
    raw = BlobField()
    imported_at = UtcDateTimeField(default=utc_now)
    imported_by = TextField(default="")


class ProvinceReceipt(BaseModel):
    """Office: a signed receipt from the province for an exported package."""

    assessment = ForeignKeyField(Assessment, backref="province_receipts", on_delete="CASCADE")
    document_id = TextField(unique=True)
    package_id = TextField()
    package_sha256 = TextField()
    province_code = TextField()
    received_at = UtcDateTimeField()
    received_by = TextField(default="")
    file_sha256 = TextField()
    raw = BlobField()
    imported_at = UtcDateTimeField(default=utc_now)


TABLES = (ReviewItem, ReviewCorrection, VerificationResult, ProvinceReceipt)


def migrate(db) -> None:
    db.create_tables(TABLES)
