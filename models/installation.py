"""First-run setup of an installation: who it works for and who operates it."""

from __future__ import annotations

from models.settings import MODE, MODE_OFFICE, MODE_PROVINCE, OPERATOR_NAME
from models.store import Store, StoreRuleError
from models.tables import Assessment


def configure_installation(store: Store, *, mode: str, region_code: str, office_name: str | None,
                           operator: str, legacy_results: dict[int, float] | None = None,
                           year: int | None = None, confirm_default_gates: bool = True) -> Assessment | None:
    """Record the office (or province), the operator, the mode and the past official KASN
    results in one transaction; an office also gets the assessment of ``year`` (the one
    already there, if any), which is returned."""
    if mode not in (MODE_OFFICE, MODE_PROVINCE):
        raise StoreRuleError(code="mode_unknown", mode=mode)
    if mode == MODE_OFFICE and year is None:
        raise StoreRuleError(code="year_missing")
    with store.db.atomic():
        office = store.ensure_office(region_code, office_name)
        store.set_setting(OPERATOR_NAME, " ".join(operator.split()))
        store.set_setting(MODE, mode)
        for past_year, nilai in (legacy_results or {}).items():
            store.record_legacy_result(office, past_year, nilai)
        if mode != MODE_OFFICE:
            return None
        return store.latest_assessment(office, year) or store.create_assessment(
            office, year, who=operator, confirm_default_gates=confirm_default_gates)
