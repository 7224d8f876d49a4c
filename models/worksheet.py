"""The worksheet (Kertas Kerja) as XLSX, and the evidence as a folder tree per item code.

Both serve re-entry in the national system: the worksheet follows the official Kertas
Kerja's columns (aspect, sub-aspect, item, chosen level, its descriptor, justification,
evidence file names) with aspect subtotals, formatted to print (A4 landscape, header rows
repeated, fit to width); the evidence folder holds ``<item code>/<nn>-<file name>`` with
names every Windows accepts, ready to upload item by item. Qt-free.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.files import atomic_file
from models.formatting import decimal_id, percent_id, text_colour_on
from models.report_data import build_report, format_size
from models.store import Store
from models.tables import Assessment

COLUMNS = (  # (title, width in characters)
    ("No", 5), ("Aspek", 22), ("Sub-aspek", 24), ("Kode", 10), ("Pertanyaan", 40), ("Tingkat", 8),
    ("Deskriptor tingkat terpilih", 46), ("Penjelasan", 40), ("Bukti dukung (nama berkas)", 42),
)
HEADER_ROW = 4  # rows 1-3: title, office, headline
LEVEL_COLUMN = 6


def write_worksheet(store: Store, assessment: Assessment, path: Path) -> Path:
    """Write the worksheet of ``assessment`` to ``path`` (temp file, fsync, rename)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    report = build_report(store, assessment)
    places = report.instrument.precision
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Kertas Kerja {report.year}"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    sheet["A1"] = f"Kertas Kerja Evaluasi Sistem Merit {report.year} — {report.instrument.short_title}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (f"{report.office_name} ({report.office_code}), Provinsi {report.province_name} · "
                   f"revisi {report.revision} · {report.status_words}")
    sheet["A3"] = report.headline.line + (f" · {report.headline.provisional}" if report.headline.provisional else "")
    sheet["A3"].font = bold
    for column, (title, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=title)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = width

    row = HEADER_ROW + 1
    number = 0
    for aspect in report.aspects:
        for item in report.items_of(aspect.id):
            number += 1
            question = report.instrument.item(item.id).question
            if not item.applicable:
                level, descriptor = "TB", item.gate_note
            else:
                level = item.level if item.level is not None else "–"
                descriptor = item.descriptor
            names = "\n".join(f"{ev.name} ({format_size(ev.size)})" for ev in item.evidence)
            values = (number, f"{aspect.number}. {aspect.title}", item.subaspect or item.title, item.code, question,
                      level, descriptor, item.justification, names)
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                cell.alignment = wrap
                cell.border = border
            sheet.cell(row=row, column=LEVEL_COLUMN).alignment = Alignment(horizontal="center", vertical="top")
            row += 1
        # The aspect's subtotal: its maturity (the mean of level/4) and its weight.
        score = "tidak berlaku" if aspect.score is None else decimal_id(aspect.score, places)
        weight = percent_id(aspect.weight, 1) + (" sementara" if aspect.provisional else "")
        label = (f"Subtotal aspek {aspect.number}: skor {score} · bobot {weight} · "
                 f"{aspect.answered}/{aspect.applicable} butir dijawab")
        sheet.cell(row=row, column=2, value=label).font = bold
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(COLUMNS))
        colour = report.instrument.band_for(aspect.score).color if aspect.score is not None else "#dddddd"
        fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
        for column in range(1, len(COLUMNS) + 1):
            sheet.cell(row=row, column=column).fill = fill
            sheet.cell(row=row, column=column).border = border
        sheet.cell(row=row, column=2).font = Font(bold=True, color=text_colour_on(colour).lstrip("#").upper())
        row += 1
    sheet.cell(row=row, column=2, value=report.headline.line).font = Font(bold=True, size=12)
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(COLUMNS))

    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    sheet.oddHeader.left.text = f"{report.office_name} — Kertas Kerja {report.year}"
    path = Path(path)
    with atomic_file(path) as partial:
        workbook.save(partial)
    return path


# --- the evidence as a folder tree -----------------------------------------------------------

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
NAME_LIMIT = 100  # characters of one name; keeps <folder>/<item>/<nn>-<name> far below MAX_PATH


def windows_safe_name(text: str, limit: int = NAME_LIMIT) -> str:
    """A file or folder name Windows accepts: no ``<>:"/\\|?*`` or control characters, no
    trailing dot or space, not a reserved device name (``CON``, ``COM1``...), not too long.
    Letters outside ASCII stay (NTFS and zip tools keep them)."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "_", cleaned).strip().rstrip(". ")
    if not cleaned:
        cleaned = "berkas"
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = f"_{stem}"
    if len(stem) + len(dot) + len(suffix) > limit:
        suffix = suffix[:10]
        stem = stem[: limit - len(suffix) - 1].rstrip(". ")
    return f"{stem}{dot}{suffix}" if suffix else stem


@dataclass(frozen=True)
class EvidenceExport:
    directory: Path
    files: int
    bytes: int
    folders: tuple[str, ...]


def export_evidence_tree(store: Store, assessment: Assessment, directory: Path,
                         progress: Callable[[int, int], None] | None = None) -> EvidenceExport:
    """Copy every evidence file of ``assessment`` to ``directory/<item code>/<nn>-<name>``,
    checking each file's SHA-256 on the way (a changed blob is never handed out)."""
    from models.evidence_source import evidence_source

    directory = Path(directory)
    rows = store.evidence(assessment)
    items = store.instrument_of(assessment).items
    order = {item.id: position for position, item in enumerate(items)}
    codes = {item.id: item.code for item in items}  # folders named as the GUI names the item
    rows.sort(key=lambda row: (order.get(row.item_id, 1 << 30), row.id))
    total = sum(row.size for row in rows)
    done = 0
    counters: dict[str, int] = {}
    folders: list[str] = []
    for row in rows:
        folder = windows_safe_name(codes.get(row.item_id, row.item_id), 40)
        if folder not in counters:
            folders.append(folder)
            (directory / folder).mkdir(parents=True, exist_ok=True)
        counters[folder] = counters.get(folder, 0) + 1
        target = directory / folder / f"{counters[folder]:02d}-{windows_safe_name(row.original_name)}"
        evidence_source(store, row).copy_to(target)
        done += row.size
        if progress:
            progress(done, total)
    return EvidenceExport(directory, len(rows), total, tuple(folders))
