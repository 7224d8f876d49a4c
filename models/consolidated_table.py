"""The consolidated table's cells as plain data: every row's display texts and sort keys.

Made once per consolidation, in the refresh's worker thread (``table_cells``), so that the
Qt model in ``ui/province/consolidated_view.py`` only looks a cell up: a national table has
514 rows of 16 to 26 columns, and a view asks for each shown cell again on every repaint,
sort and column measure. The words of the cells (statuses, certificate states, month
names) come translated from the face that shows them (``TableWords``).

Columns: code, name, status, index, band, one per aspect, then ``TAIL``. Display texts use
the decimal comma; sort keys are ``(0, number, "")`` or ``(1, 0, text)`` so that numbers
sort before texts, and a row that sent nothing sorts below every received one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import consolidate as cons
from models.formatting import MONTHS_ID, date_id, decimal_id, percent_id

COL_CODE, COL_NAME, COL_STATUS, COL_INDEX, COL_BAND = range(5)
FIRST_ASPECT = 5
TAIL = ("completeness", "revision", "received_at", "certificate", "change", "verified", "gap", "reviewed")
MISSING_SORT = float("-inf")
MATURITY_GROUP_OFFSET = 1e6


@dataclass(frozen=True)
class TableWords:
    """The words the cells show, in the reader's language."""

    received: str = "Diterima"
    conflict: str = "Diterima — konflik"
    missing: str = "Belum mengirim"
    rejected: str = "Ditolak"
    not_applicable: str = "t/b"
    certificates: dict[str, str] = field(default_factory=dict)  # state -> label (the state itself if absent)
    months: tuple[str, ...] = MONTHS_ID


@dataclass(frozen=True)
class TableCells:
    """``texts[i]`` and ``keys[i]``: every column of ``consolidation.rows[i]``."""

    consolidation: cons.Consolidation
    texts: list[list[str]]
    keys: list[list[tuple]]
    largest_gaps: set[str]


def column_count(aspect_count: int) -> int:
    return FIRST_ASPECT + aspect_count + len(TAIL)


def tail_of(column: int, aspect_count: int) -> str | None:
    """The ``TAIL`` name of ``column``, None for the columns before it."""
    offset = column - FIRST_ASPECT - aspect_count
    return TAIL[offset] if offset >= 0 else None


def table_cells(consolidation: cons.Consolidation, words: TableWords) -> TableCells:
    aspect_count = len(consolidation.aspect_ids)
    texts = [row_texts(row, aspect_count, words) for row in consolidation.rows]
    keys = [[_comparable(key) for key in row_sort_keys(row, aspect_count)] for row in consolidation.rows]
    return TableCells(consolidation, texts, keys, cons.largest_gap_codes(consolidation))


def _comparable(key) -> tuple:
    """Numbers before texts, so a column mixing them (none do today) still sorts."""
    return (0, key, "") if isinstance(key, (int, float)) else (1, 0, str(key))


def raw_key(comparable: tuple):
    """The sort key ``_comparable`` was made from."""
    return comparable[1] if comparable[0] == 0 else comparable[2]


def _status_text(row: cons.ConsolidatedRow, words: TableWords) -> str:
    if row.status == cons.REJECTED:
        return words.rejected
    if row.received and row.conflicts:
        return words.conflict
    return words.received if row.received else words.missing


def row_texts(row: cons.ConsolidatedRow, aspect_count: int, words: TableWords) -> list[str]:
    """Every column's text of ``row``."""
    head = [row.code, row.name, _status_text(row, words)]
    if not row.received:
        return head + [""] * (column_count(aspect_count) - len(head))
    kind = " M" if row.ranking_group else ""  # maturity without S: not the same figure as NISM
    mark = "*" if row.provisional else ""
    aspects = [decimal_id(value) if value is not None else words.not_applicable
               for value in (row.aspects[aspect] if aspect < len(row.aspects) else None
                             for aspect in range(aspect_count))]
    change = row.change
    return head + [decimal_id(row.index) + kind + mark, row.band_label] + aspects + [
        percent_id(row.completeness),
        str(row.revision),
        date_id(row.received_at, True, words.months),
        words.certificates.get(row.certificate_state, row.certificate_state),
        "–" if change is None else ("+" if change > 0 else "") + decimal_id(change),
        "–" if row.verified_index is None else decimal_id(row.verified_index, 3),
        "–" if row.verification_gap is None else decimal_id(row.verification_gap, 3),
        f"{row.reviewed}/{row.applicable}",
    ]


def row_sort_keys(row: cons.ConsolidatedRow, aspect_count: int) -> list:
    """Every column's raw sort key of ``row`` (numbers sort numerically)."""
    head = [row.code, row.name, 1 if row.received else 0]
    if not row.received:
        return head + [MISSING_SORT] * (column_count(aspect_count) - len(head))
    # NISM and maturity-only rows sort as two groups, never interleaved (one float: maturity
    # rows sit a fixed span below).
    index = row.index - MATURITY_GROUP_OFFSET * row.ranking_group
    aspects = [MISSING_SORT if value is None else value
               for value in (row.aspects[aspect] if aspect < len(row.aspects) else None
                             for aspect in range(aspect_count))]
    change = row.change
    return head + [index, index] + aspects + [
        row.completeness,
        row.revision,
        row.received_at.timestamp(),
        row.certificate_state,
        MISSING_SORT if change is None else change,
        MISSING_SORT if row.verified_index is None else row.verified_index,
        MISSING_SORT if row.verification_gap is None else row.verification_gap,
        row.reviewed,
    ]
