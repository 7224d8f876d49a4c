"""Office: importing the province's verification result or receipt, and showing it.

A file is accepted only when (in this order) it is a valid signed document by a province key
this installation trusts (``models.package.answer_file``: tampering, another province's key
and a damaged file each have their own reason code), it answers this office, it answers a
package this office exported (``models.export_record``: the package id *and* the SHA-256 of
the exported file), and, for a result, that package is the latest revision of its year the
office exported (a result for an older revision is refused: the province has a newer one)
and its verified index recomputes. A receipt for any exported revision is kept: it proves
when that file arrived.

The office's own answers never change: the result is kept beside them. The item editor, the
score panel, a reopened revision and next year's carry forward read it through
``result_at_hand`` (the nearest result for this office up to this assessment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models import texts
from models.review_tables import ProvinceReceipt, VerificationResult
from models.scoring import STORED_PLACES, ScoringInputError, score_recorded
from models.settings import OPERATOR_NAME
from models.store import Store
from models.tables import Assessment, AuditEntry, Office
from models.texts import Said

if TYPE_CHECKING:
    from models.package.answer_file import SignedAnswer

RESULT_IMPORTED_FIELD = "verification_result_imported"
RECEIPT_IMPORTED_FIELD = "receipt_imported"

# The office-side reason codes (the file's own are in models.package.answer_file).
MATCH_REASONS = texts.MATCH_REASONS  # the sentences live in the one catalogue, models/texts.py


class AnswerImportRejected(Exception):
    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail  # technical (ids, hashes): the log and the CLI; the GUI words the reason
        self.code = texts.reason_code("match", reason)
        self.params: dict = {}
        self.message = MATCH_REASONS[reason] + (f" {detail}" if detail else "")
        super().__init__(self.message)


@dataclass(frozen=True)
class AnswerImport:
    """The outcome of importing a file from the province, told to the person."""

    ok: bool
    reason: str | None
    message: str
    kind: str | None = None  # "result" | "receipt"
    assessment_id: int | None = None
    already: bool = False

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def import_answer_file(store: Store, path: Path) -> AnswerImport:
    """Check and keep a verification result or receipt; never raises for a bad file."""
    # Here, not at the top: the window's start shows receipts without loading cryptography.
    from models import keys
    from models.package.answer_file import AnswerFileRejected, read_answer_file

    path = Path(path)
    try:
        signed = read_answer_file(path, keys.load_trusted_keys(store.data_dir))
        assessment = _match(store, signed)
        kind = "result" if signed.is_result else "receipt"
        already = _keep(store, signed, assessment)
    except (AnswerFileRejected, AnswerImportRejected) as exc:
        return AnswerImport(False, exc.reason, Said("answer_rejected", file=path.name, reason=Said(exc.code),
                                                    detail=f" {exc.detail}" if exc.detail else ""))
    package = signed.manifest["package"]
    message = Said("answer_already_imported" if already else "answer_imported",
                   what=Said("label_result" if kind == "result" else "label_receipt"),
                   year=package["year"], revision=package["revision"])
    return AnswerImport(True, None, message, kind, assessment.id, already)


def _match(store: Store, signed: SignedAnswer) -> Assessment:
    from models.export_record import exported_by_id, exported_packages  # not needed to open an assessment

    manifest = signed.manifest
    package = manifest["package"]
    office = store.office()
    if office is None or office.is_province:
        raise AnswerImportRejected("not_office")
    if package["office_code"] != office.code:
        raise AnswerImportRejected("other_office", f"Berkas untuk {package['office_code']}, kantor ini {office.code}.")
    exported = exported_by_id(store.data_dir, package["package_id"])
    if not exported:
        raise AnswerImportRejected("unknown_package", f"Id paket {package['package_id']}.")
    if not any(entry.sha256 == package["sha256"] for entry in exported):
        raise AnswerImportRejected("package_hash_mismatch", f"SHA-256 {package['sha256'][:12]}….")
    assessment = store.assessment_revision(office, package["year"], package["revision"])
    if assessment is None:
        raise AnswerImportRejected("unknown_package", f"Penilaian {package['year']} revisi {package['revision']} "
                                                      "tidak ada di instalasi ini.")
    if signed.is_result:
        latest = max((entry.revision for entry in exported_packages(store.data_dir)
                      if entry.office_code == office.code and entry.year == package["year"]), default=0)
        if package["revision"] < latest:
            raise AnswerImportRejected("older_revision", f"Revisi {package['revision']}, terbaru yang diekspor "
                                                         f"revisi {latest}.")
        _check_verified_index(store, assessment, manifest)
    return assessment


def _check_verified_index(store: Store, assessment: Assessment, manifest: dict) -> None:
    instrument = store.instrument_of(assessment)
    levels = {item_id: row.level for item_id, row in store.answers(assessment).items()}
    for item in manifest["items"]:
        if not instrument.has_item(item["item_id"]):
            raise AnswerImportRejected("answers_invalid", f"Butir {item['item_id']!r}.")
        levels[item["item_id"]] = item.get("verified_level")
    try:
        result = score_recorded(instrument, assessment.gates, levels, survey=assessment.survey,
                                correction=manifest["correction"].get("k"))
    except ScoringInputError as exc:
        raise AnswerImportRejected("answers_invalid", str(exc)) from None
    declared = manifest["verified"]["index"]
    if round(result.index, STORED_PLACES) != round(float(declared), STORED_PLACES):
        raise AnswerImportRejected("score_mismatch", f"Dinyatakan {declared!r}, hitung ulang {result.index!r}.")


def _keep(store: Store, signed: SignedAnswer, assessment: Assessment) -> bool:
    """Record the file (one transaction with its audit entry); True when it was already kept."""
    manifest = signed.manifest
    package = manifest["package"]
    table = VerificationResult if signed.is_result else ProvinceReceipt
    if table.get_or_none(table.document_id == manifest["document_id"]) is not None:
        return True
    who = store.setting(OPERATOR_NAME) or ""
    with store.db.atomic():
        common = {"assessment": assessment, "document_id": manifest["document_id"],
                  "package_id": package["package_id"], "package_sha256": package["sha256"],
                  "province_code": manifest["province"]["code"], "file_sha256": signed.sha256, "raw": signed.raw}
        if signed.is_result:
            VerificationResult.create(
                **common, signer_key_id=signed.signer.key_id_hex, reviewer=manifest["reviewer"],
                reviewed_on=manifest["reviewed_on"], self_index=manifest["self_assessed"]["index"],
                verified_index=manifest["verified"]["index"], k=manifest["correction"].get("k"),
                k_reason=manifest["correction"].get("reason") or "",
                items=[{"item_id": i["item_id"], "self_level": i.get("self_level"),
                        "verified_level": i.get("verified_level"), "note": i.get("note") or ""}
                       for i in manifest["items"]],
                verified=manifest["verified"], imported_by=who)
        else:
            ProvinceReceipt.create(**common, received_at=datetime.fromisoformat(manifest["received_at"]),
                                   received_by=manifest["received_by"])
        AuditEntry.create(assessment=assessment, item_id=None,
                          field=RESULT_IMPORTED_FIELD if signed.is_result else RECEIPT_IMPORTED_FIELD,
                          old_value=None, new_value={"document_id": manifest["document_id"],
                                                     "file_sha256": signed.sha256}, who=who)
    return False


# --- reading it back ------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifiedItem:
    """One item of a verification result: the office's level and the province's."""

    item_id: str
    self_level: int | None
    verified_level: int | None
    note: str

    @property
    def differs(self) -> bool:
        return self.verified_level != self.self_level

    def line(self) -> str:
        """The item editor's small line."""
        if not self.differs:
            text = Said("verified_item_accepted", level=self.verified_level)
        else:
            own = Said("level_unanswered") if self.self_level is None else self.self_level
            text = Said("verified_item_differs", level=self.verified_level, own=own)
        return Said("verified_item_noted", text=text, note=self.note) if self.note else text


@dataclass(frozen=True)
class ResultAtHand:
    """A verification result as the office reads it: for which revision, by whom, each item."""

    row: VerificationResult
    year: int
    revision: int

    @property
    def same_assessment_label(self) -> str:
        return Said("revision_label", year=self.year, revision=self.revision)

    def item(self, item_id: str) -> VerifiedItem | None:
        for entry in self.row.items or []:
            if entry.get("item_id") == item_id:
                return VerifiedItem(item_id, entry.get("self_level"), entry.get("verified_level"),
                                    entry.get("note") or "")
        return None

    @property
    def verified_statement(self) -> str:
        return str((self.row.verified or {}).get("statement") or "")


def result_at_hand(assessment: Assessment) -> ResultAtHand | None:
    """The nearest verification result of this office up to this assessment: its own, else
    an earlier revision's (a reopened revision), else an earlier year's (carried forward)."""
    query = (VerificationResult.select(VerificationResult, Assessment)
             .join(Assessment).join(Office)
             .where((Office.id == assessment.office_id)
                    & ((Assessment.year < assessment.year)
                       | ((Assessment.year == assessment.year) & (Assessment.revision <= assessment.revision))))
             .order_by(Assessment.year.desc(), Assessment.revision.desc(), VerificationResult.imported_at.desc(),
                       VerificationResult.id.desc()))
    row = query.first()
    if row is None:
        return None
    return ResultAtHand(row, row.assessment.year, row.assessment.revision)


def receipt_of(assessment: Assessment) -> ProvinceReceipt | None:
    """The earliest receipt the province issued for this revision (proof of when it arrived)."""
    return (ProvinceReceipt.select().where(ProvinceReceipt.assessment == assessment)
            .order_by(ProvinceReceipt.received_at).first())


def receipt_label(assessment: Assessment) -> str:
    """``diterima provinsi 5 Desember 2026`` for the assessment list, or empty."""
    receipt = receipt_of(assessment)
    if receipt is None:
        return ""
    moment = receipt.received_at
    day = (moment.astimezone() if moment.tzinfo else moment).date()  # the day where the office is
    return Said("receipt_label", date=day)  # a date: each face words the month in its language
