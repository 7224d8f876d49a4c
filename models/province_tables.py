"""Tables of province mode: the offices it enrolled and the packages it received.

Created by one migration appended to ``models.db.MIGRATIONS`` (``migrate``); later changes
to these tables are new migrations, never edits of this one's effect.
"""

from __future__ import annotations

from pathlib import Path

from peewee import BlobField, DateField, ForeignKeyField, IntegerField, TextField

from models.package.format import SUFFIX
from models.tables import Assessment, BaseModel, UtcDateTimeField, utc_now

PACKAGES_DIR = "packages"  # under the data directory


class EnrolledOffice(BaseModel):
    """One certificate the province issued to a kabupaten/kota office (one row per serial)."""

    serial = TextField(unique=True)
    office_code = TextField(index=True)
    office_name = TextField()
    public_key = TextField()  # the office's public key, minisign text form
    key_fingerprint = TextField()
    valid_from = DateField()
    valid_until = DateField()  # inclusive
    certificate = BlobField()  # the certificate bytes exactly as issued
    issued_at = UtcDateTimeField(default=utc_now)
    issued_by = TextField(default="")
    revoked_at = UtcDateTimeField(null=True)
    revoke_reason = TextField(default="")

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class ReceivedPackage(BaseModel):
    """A package the province accepted, kept whole at ``<data>/packages/<sha256>.merit``."""

    sha256 = TextField(unique=True)
    office_code = TextField(index=True)
    year = IntegerField()
    revision = IntegerField()
    assessment = ForeignKeyField(Assessment, backref="received_packages", on_delete="CASCADE")
    certificate_serial = TextField()
    source_name = TextField()  # the file name it arrived under
    size = IntegerField()
    received_at = UtcDateTimeField(default=utc_now)
    received_by = TextField(default="")

    class Meta:
        indexes = ((("office_code", "year", "revision"), True),)


def received_package_path(data_dir: Path, sha256: str) -> Path:
    """Where an accepted package is kept, byte for byte (it is the evidence of its assessment)."""
    return Path(data_dir) / PACKAGES_DIR / f"{sha256}{SUFFIX}"


TABLES = (EnrolledOffice, ReceivedPackage)


def migrate(db) -> None:
    db.create_tables(TABLES)
