"""The province's consolidated view: one row per kabupaten/kota of the official list.

Every kabupaten/kota of the province gets a row for the chosen year, including those that
sent nothing (``status == "missing"``), so the province sees at once who is missing. A
received row carries the latest accepted revision's score (recomputed from the stored
answers by the same engine as the office), completeness, when it arrived, the state of
the certificate it was signed under, and the change against the previous year.

Exports: XLSX (openpyxl: header, band colours, frozen header row) and CSV (``;``-separated,
decimal comma, UTF-8 with BOM: what Excel in an Indonesian locale opens correctly). Both are
written to a temp file, fsynced and renamed, so a full disk never leaves half a file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from models import regions
from models.files import atomic_file
from models.formatting import date_id, decimal_id, text_colour_on
from models.provenance import OFFICIAL_CHANNEL, PROVENANCE_SUMMARY
from models.province import REPLACED_REASON, package_conflicts
from models.province import province_code as this_province
from models.province_tables import EnrolledOffice, ReceivedPackage
from models.rejections import latest_rejections
from models.review import review_figures
from models.scoring import score_recorded
from models.store import InstrumentUnavailable, Store
from models.tables import Answer, Assessment, Office, utc_now
from models.texts import Said

RECEIVED = "received"
MISSING = "missing"
REJECTED = "rejected"  # a package arrived but was refused (models.rejections); no score

CERT_VALID = "berlaku"
CERT_EXPIRED = "kedaluwarsa"
CERT_REVOKED = "dicabut"
CERT_REPLACED = "diganti"  # revoked because the office was enrolled with a new key
CERT_UNKNOWN = "tidak terdaftar"

ALL_PROVINCES = "*"  # consolidate every kabupaten/kota of the country (the benchmark's view)
CANCEL_CHECK_ROWS = 32  # how many packages are scored between two looks at ``cancelled``


class ConsolidationCancelled(RuntimeError):
    """``consolidate`` stopped because its caller asked (a window closed, a newer year chosen)."""


@dataclass(frozen=True)
class ConsolidatedRow:
    code: str
    name: str  # the official kabupaten/kota name
    status: str  # RECEIVED | MISSING | REJECTED
    rejection_reason: str = ""  # REJECTED: the reason code of the newest refused package
    office_name: str = ""
    assessment_id: int | None = None
    index: float | None = None
    headline_kind: str = ""
    band_code: str = ""
    band_label: str = ""
    band_color: str = ""
    provisional: bool = False
    aspects: tuple[float | None, ...] = ()
    answered: int = 0
    applicable: int = 0
    revision: int | None = None
    received_at: datetime | None = None
    certificate_state: str = ""
    certificate_serial: str | None = None
    previous_index: float | None = None
    # Other files received for the same office and year claiming a revision already held
    # (``province.package_conflicts``): the row shows the first received; a person decides.
    conflicts: int = 0
    # The province's review of this revision (``models.review``): index with the verified
    # levels and k (None until the review starts), items reviewed of the applicable ones.
    verified_index: float | None = None
    reviewed: int = 0
    band_estimated: bool = False  # maturity without S: band_label is an estimate, not a predikat
    previous_kind: str = ""
    instrument: str = ""  # "id versi" the row was scored with
    nism_negative: bool = False

    @property
    def received(self) -> bool:
        return self.status == RECEIVED

    @property
    def ranking_group(self) -> int:
        """NISM (or legacy nilai) rows rank among themselves, maturity-only rows apart:
        the two figures are not comparable."""
        return 1 if self.headline_kind == "maturity" else 0

    @property
    def completeness(self) -> float | None:
        if not self.received:
            return None
        return self.answered / self.applicable if self.applicable else 1.0

    @property
    def change(self) -> float | None:
        """Against last year only when both figures are of the same kind (NISM vs NISM)."""
        if self.index is None or self.previous_index is None or self.previous_kind != self.headline_kind:
            return None
        return round(self.index - self.previous_index, 6)

    @property
    def verification_gap(self) -> float | None:
        """Verified minus self-assessed index (negative: the province found less)."""
        if self.index is None or self.verified_index is None:
            return None
        return round(self.verified_index - self.index, 6)

    @property
    def review_progress(self) -> str:
        return f"{self.reviewed}/{self.applicable} butir ditinjau" if self.received else ""


@dataclass
class Consolidation:
    year: int
    province_code: str
    province_name: str
    aspect_ids: tuple[str, ...]
    aspect_titles: tuple[str, ...]
    rows: list[ConsolidatedRow] = field(default_factory=list)

    @property
    def received_count(self) -> int:
        return sum(1 for row in self.rows if row.received)

    @property
    def instrument_versions(self) -> list[str]:
        """The instrument releases the received rows were scored with ("id version")."""
        return sorted({row.instrument for row in self.rows if row.received and row.instrument})

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "received": self.received_count,
            "total": len(self.rows),
            "aspects": [{"id": i, "title": t} for i, t in zip(self.aspect_ids, self.aspect_titles, strict=True)],
            "rows": [_row_dict(row) for row in self.rows],
        }


def _row_dict(row: ConsolidatedRow) -> dict:
    return {
        "code": row.code,
        "name": row.name,
        "status": row.status,
        "office_name": row.office_name,
        "index": row.index,
        "headline_kind": row.headline_kind,
        "band": None if row.band_estimated else (row.band_label or None),
        "band_estimate": row.band_label if row.band_estimated else None,
        "ranking_group": row.ranking_group if row.received else None,
        "instrument": row.instrument or None,
        "nism_negative": row.nism_negative,
        "provisional": row.provisional,
        "aspects": list(row.aspects),
        "answered": row.answered,
        "applicable": row.applicable,
        "completeness": row.completeness,
        "revision": row.revision,
        "received_at": row.received_at.isoformat() if row.received_at else None,
        "certificate_state": row.certificate_state,
        "certificate_serial": row.certificate_serial,
        "previous_index": row.previous_index,
        "previous_kind": row.previous_kind or None,
        "change": row.change,
        "conflicts": row.conflicts,
        "verified_index": row.verified_index,
        "verification_gap": row.verification_gap,
        "reviewed": row.reviewed,
    }


def _release_name(store: Store, result) -> str:
    """"id version" of the release a row was scored with (its SHA-256 prefix if unknown here)."""
    instrument = store.registry.by_hash(result.instrument_sha256)
    return f"{result.instrument_id} {instrument.version if instrument else result.instrument_sha256[:12]}"


def certificate_state(enrolled: EnrolledOffice | None, on: datetime | None = None) -> str:
    if enrolled is None:
        return CERT_UNKNOWN
    if enrolled.revoked:
        return CERT_REPLACED if enrolled.revoke_reason.startswith(REPLACED_REASON) else CERT_REVOKED
    if (on or utc_now()).date() > enrolled.valid_until:
        return CERT_EXPIRED
    return CERT_VALID


def _latest_received(codes: set[str], year: int) -> dict[str, ReceivedPackage]:
    """The newest accepted revision per office for ``year``."""
    latest: dict[str, ReceivedPackage] = {}
    query = ReceivedPackage.select().where(ReceivedPackage.year == year).order_by(ReceivedPackage.revision)
    for package in query:
        if package.office_code in codes:
            latest[package.office_code] = package
    return latest


# A received package's scores, by (package file SHA-256, instrument SHA-256): the package's
# bytes fix its answers, gates, S and k, so its scores never change; a refresh after an
# import scores only the new packages instead of all 514 again.
_scores_of_package: dict[tuple[str, str], object] = {}


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ConsolidationCancelled()  # never shown: the window that asked is gone or asked again


def _scored(store: Store, packages: dict[str, ReceivedPackage],
            cancelled: Callable[[], bool] | None = None) -> dict[str, tuple]:
    """Score each package's assessment from two queries in all (assessments with their
    offices, then every answered level of the packages not scored before, as plain
    tuples): a national view has 514. ``cancelled()`` is asked every ``CANCEL_CHECK_ROWS``."""
    ids = [package.assessment_id for package in packages.values()]
    if not ids:
        return {}
    assessments = {a.id: a for a in Assessment.select(Assessment, Office).join(Office).where(Assessment.id.in_(ids))}
    # A received revision is final: it is scored with the instrument its SHA-256 names, or not at all.
    keys = {code: (package.sha256, assessments[package.assessment_id].instrument_sha256)
            for code, package in packages.items()}
    unscored = [packages[code].assessment_id for code, key in keys.items() if key not in _scores_of_package]
    levels: dict[int, dict[str, int]] = {assessment_id: {} for assessment_id in unscored}
    if unscored:
        query = (Answer.select(Answer.assessment, Answer.item_id, Answer.level)
                 .where(Answer.assessment.in_(unscored) & Answer.level.is_null(False)).tuples())
        for assessment_id, item_id, level in query:
            levels[assessment_id][item_id] = level
    scored = {}
    for number, (code, package) in enumerate(packages.items()):
        if number % CANCEL_CHECK_ROWS == 0:
            _check(cancelled)
        assessment = assessments[package.assessment_id]
        try:
            instrument = store.instrument_of(assessment)
        except InstrumentUnavailable:  # never re-scored with another release: the scores as received
            scored[code] = (assessment, store.score(assessment))
            continue
        if keys[code] not in _scores_of_package:
            _scores_of_package[keys[code]] = score_recorded(
                instrument, assessment.gates, levels[assessment.id], survey=assessment.survey,
                correction=assessment.correction)
        scored[code] = (assessment, _scores_of_package[keys[code]])
    return scored


def consolidate(store: Store, year: int, province_code: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> Consolidation:
    """Rows for every kabupaten/kota of ``province_code`` (default: this installation's).

    ``cancelled()`` (optional) is asked between the steps and while scoring; when it says
    yes, :class:`ConsolidationCancelled` is raised (the GUI consolidates in a worker thread
    and stops it when its window closes or a newer refresh supersedes it)."""
    province_code = province_code or this_province(store)
    if not province_code:
        raise ValueError(Said("consolidate_no_province"))
    if province_code == ALL_PROVINCES:
        places = tuple(r for r in regions.all_regions() if not r.is_province)
        province_name = "Seluruh Indonesia"
    else:
        places = regions.kabkota_of(province_code)
        province_name = regions.region(province_code).name
    codes = {place.code for place in places}
    current = _latest_received(codes, year)
    previous = _latest_received(codes, year - 1)
    scored = _scored(store, current, cancelled)
    _check(cancelled)
    reviews = review_figures(store, [assessment for assessment, _ in scored.values()])
    previous_scored = _scored(store, previous, cancelled)
    _check(cancelled)
    enrolled = {row.serial: row for row in EnrolledOffice.select()}
    conflicts: dict[str, int] = {}
    for conflict in package_conflicts(store, year):
        conflicts[conflict.office_code] = conflicts.get(conflict.office_code, 0) + 1
    refused = latest_rejections(store.data_dir, year)
    now = utc_now()
    columns: tuple | None = None  # the aspects (id, title) of the first received row's result
    rows = []
    for place in places:
        package = current.get(place.code)
        if package is None:
            rejection = refused.get(place.code)
            if rejection is not None:
                rows.append(ConsolidatedRow(place.code, place.name, REJECTED, rejection_reason=rejection.reason,
                                            revision=rejection.revision, received_at=rejection.at))
            else:
                rows.append(ConsolidatedRow(place.code, place.name, MISSING))
            continue
        assessment, result = scored[place.code]
        if columns is None:
            columns = tuple((aspect.id, aspect.title) for aspect in result.aspects)
        before = previous_scored.get(place.code)
        rows.append(ConsolidatedRow(
            code=place.code,
            name=place.name,
            status=RECEIVED,
            office_name=assessment.office.name,
            assessment_id=assessment.id,
            index=result.index,
            headline_kind=result.headline_kind,
            band_code=result.shown_band.code,
            band_label=(result.band.display if result.band is not None
                        else f"perkiraan: {result.band_estimate.display}"),
            band_color=result.shown_band.color,
            band_estimated=result.band is None,
            nism_negative=result.nism_negative,
            instrument=_release_name(store, result),
            provisional=result.provisional,
            aspects=tuple(aspect.score for aspect in result.aspects),
            answered=result.answered,
            applicable=result.applicable,
            revision=package.revision,
            received_at=package.received_at,
            certificate_state=certificate_state(enrolled.get(package.certificate_serial), now),
            certificate_serial=package.certificate_serial,
            previous_index=before[1].index if before else None,
            conflicts=conflicts.get(place.code, 0),
            verified_index=reviews[assessment.id].verified_index,
            reviewed=reviews[assessment.id].reviewed,
            previous_kind=before[1].headline_kind if before else "",
        ))
    if columns is None:
        columns = tuple((aspect.id, aspect.title) for aspect in store.registry.default().aspects)
    return Consolidation(
        year=year,
        province_code=province_code,
        province_name=province_name,
        aspect_ids=tuple(aspect_id for aspect_id, _ in columns),
        aspect_titles=tuple(title for _, title in columns),
        rows=rows,
    )


# --- exports -------------------------------------------------------------------------------

STATUS_LABELS = {RECEIVED: "Diterima", MISSING: "Belum mengirim", REJECTED: "Ditolak"}
KIND_LABELS = {"nism": "NISM", "maturity": "Maturitas (tanpa survei)", "nilai": "Nilai"}


LEGEND = (
    ("Jenis indeks", "NISM = 75% maturitas + 25% nilai survei S − koreksi k. 'Maturitas (tanpa survei)' = "
                     "nilai survei S belum diisi; angka ini tidak sebanding dengan NISM dan diperingkat terpisah."),
    ("Predikat", "Pita predikat hanya berlaku untuk NISM. Pada baris maturitas tertulis 'perkiraan: …' = "
                 "perkiraan predikat bila nilai survei sama dengan maturitas."),
    ("Sementara", "ya = angka memakai bobot aspek yang belum resmi (bagian sama dari sisa bobot), "
                  "bukan nilai resmi."),
    ("Perubahan", "Selisih terhadap tahun sebelumnya, hanya bila kedua tahun berjenis indeks sama."),
    ("Konflik berkas", "Jumlah berkas lain yang diterima untuk kantor dan tahun yang sama dengan revisi yang "
                       "sudah ada; baris memakai berkas yang pertama diterima, keduanya disimpan untuk diperiksa."),
    ("Instrumen", "Id dan versi instrumen yang dipakai menilai baris ini; kantor dapat memakai versi berbeda "
                  "dalam satu tahun."),
    ("Asal angka", PROVENANCE_SUMMARY),
    ("Catatan resmi", OFFICIAL_CHANNEL),
)


def export_headers(consolidation: Consolidation) -> list[str]:
    return [
        "Kode", "Kabupaten/Kota", "Status", "Indeks", "Jenis indeks", "Predikat", "Sementara",
        *(f"{aspect_id} {title}" for aspect_id, title in
          zip(consolidation.aspect_ids, consolidation.aspect_titles, strict=True)),
        "Kelengkapan", "Revisi", "Diterima pada", "Sertifikat",
        f"Indeks {consolidation.year - 1}", "Perubahan", "Konflik berkas", "Instrumen",
        "Indeks hasil verifikasi", "Selisih verifikasi − mandiri", "Butir ditinjau",
    ]


# Rows whose verified index falls furthest below the self-assessed one are highlighted.
LARGEST_GAPS = 3


def largest_gap_codes(consolidation: Consolidation, count: int = LARGEST_GAPS) -> set[str]:
    """The codes of the ``count`` rows with the largest drop from self-assessed to verified."""
    drops = sorted((row.verification_gap, row.code) for row in consolidation.rows
                   if row.verification_gap is not None and row.verification_gap < 0)
    return {code for _, code in drops[:count]}


def _export_values(row: ConsolidatedRow, aspect_count: int) -> list:
    """One row's cells as numbers/text (None for empty), shared by XLSX and CSV."""
    aspects = list(row.aspects) if row.received else [None] * aspect_count
    return [
        row.code, row.name, STATUS_LABELS[row.status], row.index,
        KIND_LABELS.get(row.headline_kind, ""), row.band_label,
        ("ya" if row.provisional else "tidak") if row.received else None,
        *aspects, row.completeness, row.revision,
        row.received_at.astimezone().replace(tzinfo=None) if row.received_at else None,
        row.certificate_state or None, row.previous_index, row.change,
        (row.conflicts or None) if row.received else None, row.instrument or None,
        row.verified_index, row.verification_gap,
        (f"{row.reviewed}/{row.applicable}" if row.received else None),
    ]


def write_xlsx(consolidation: Consolidation, target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Konsolidasi {consolidation.year}"[:31]
    headers = export_headers(consolidation)
    sheet.append(headers)
    header_fill = PatternFill("solid", fgColor="1F3B57")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    aspect_count = len(consolidation.aspect_ids)
    index_col, band_col = 4, 6
    first_aspect = 8
    completeness_col = first_aspect + aspect_count
    received_col = completeness_col + 2
    missing_font = Font(italic=True, color="808080")
    verified_col = headers.index("Indeks hasil verifikasi") + 1  # found by name: columns come and go
    gap_fill = PatternFill("solid", fgColor="F4B183")
    largest_gaps = largest_gap_codes(consolidation)
    for row in consolidation.rows:
        sheet.append(_export_values(row, aspect_count))
        excel_row = sheet.max_row
        for column in (index_col, *range(first_aspect, first_aspect + aspect_count),
                       received_col + 2, received_col + 3):
            sheet.cell(excel_row, column).number_format = "0.00"
        sheet.cell(excel_row, completeness_col).number_format = "0%"
        sheet.cell(excel_row, received_col).number_format = "dd/mm/yyyy hh:mm"
        for column in (verified_col, verified_col + 1):
            sheet.cell(excel_row, column).number_format = "0.000"
        if row.code in largest_gaps:
            sheet.cell(excel_row, verified_col + 1).fill = gap_fill
        if row.received and row.band_color:
            band = sheet.cell(excel_row, band_col)
            band.fill = PatternFill("solid", fgColor=row.band_color.lstrip("#").upper())
            band.font = Font(bold=True, color=text_colour_on(row.band_color).lstrip("#").upper())
        elif not row.received:
            for cell in sheet[excel_row]:
                cell.font = missing_font
    widths = [8, 28, 16, 9, 14, 12, 10, *([14] * aspect_count), 12, 8, 17, 14, 12, 11, 10, 16, 12, 12, 10]
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.row_dimensions[1].height = 48
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{sheet.max_row}"
    legend = workbook.create_sheet("Keterangan")
    legend.append(["Kolom", "Arti"])
    for cell in legend[1]:
        cell.font = Font(bold=True)
    for name, meaning in (*LEGEND, *_instrument_note(consolidation)):
        legend.append([name, meaning])
    legend.column_dimensions["A"].width = 16
    legend.column_dimensions["B"].width = 110
    with atomic_file(target) as partial:
        workbook.save(partial)
    return Path(target)


def _instrument_note(consolidation: Consolidation) -> tuple[tuple[str, str], ...]:
    used = consolidation.instrument_versions
    if len(used) > 1:
        return (("Perhatian", "Kabupaten/kota tahun ini dinilai dengan versi instrumen berbeda: "
                 + "; ".join(used) + ". Angka antarversi tidak sepenuhnya sebanding."),)
    return ()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return decimal_id(value, 4)
    if isinstance(value, datetime):
        return date_id(value)
    return str(value)


def write_csv(consolidation: Consolidation, target: Path) -> Path:
    aspect_count = len(consolidation.aspect_ids)
    with atomic_file(target) as partial:
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(export_headers(consolidation))
            for row in consolidation.rows:
                writer.writerow([_csv_cell(value) for value in _export_values(row, aspect_count)])
            # The legend after one empty row, as the XLSX has it on its own sheet.
            writer.writerow([])
            writer.writerow(["Keterangan"])
            for name, meaning in (*LEGEND, *_instrument_note(consolidation)):
                writer.writerow([name, meaning])
    return Path(target)
