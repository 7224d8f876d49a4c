"""One rule for the levels that count, whoever scores: the office's store and its open session,
the package's recomputation at verification, and the province's consolidation.

The answers are chosen to hit every branch of the rule: a gate switches items off while
their answers are kept (so that undoing the gate restores them), items stay unanswered, and
S and k are known, so the NISM is computed too."""

from __future__ import annotations

from models import importer
from models.consolidate import consolidate
from models.instrument import shipped_registry
from models.lifecycle import finalize
from models.package.verify import recompute_scores
from models.session import AssessmentSession
from tests.package_builders import manifest_of, read_entries
from tests.test_importer import ProvinceSite, active, enrolled_office

PATTERN = (4, 3, 0, 2, 1, 3)


def test_store_session_package_and_consolidation_score_alike(tmp_path):
    site = ProvinceSite.create(tmp_path / "provinsi")
    office = enrolled_office(tmp_path, site, "19.01")
    store = office.store
    with active(store):
        assessment = store.create_assessment(store.office(), 2026)
        instrument = store.instrument_of(assessment)
        for position, item in enumerate(instrument.applicable_items(assessment.gates)):
            if position % 7 == 5:
                continue  # left unanswered: counts at the lowest level and is listed
            store.set_answer(assessment, item.id, level=PATTERN[position % len(PATTERN)],
                             justification=f"Penjelasan {item.id}.")
        # A6.3 is answered above, then switched off: its answer is kept but must not count.
        store.set_gate(assessment, "bayar_tpp", "tidak")
        store.set_survey_and_correction(assessment, 0.7, 0.05)
        office_result = store.score(assessment)
        session_result = AssessmentSession(store, assessment).score()
        assert store.answer(assessment, "A6.3").level is not None
        assert "A6.3" in {entry.item_id for entry in office_result.not_applicable}
        assert office_result.unanswered and office_result.nism is not None

    assert session_result == office_result
    expected = office_result.to_dict()

    with active(store):
        # Finalizing needs every item answered; the package path scores what the manifest holds.
        for item_id in office_result.unanswered:
            store.set_answer(assessment, item_id, level=instrument.scale_min)
        complete = store.score(assessment)
        assessment = finalize(store, assessment, "Operator", without_survey=True)
    package = office.export(assessment, tmp_path / "bangka.merit")
    recomputed = recompute_scores(manifest_of(read_entries(package)), shipped_registry())
    assert recomputed["index"] == complete.index and recomputed["nism"] == complete.nism
    assert [a["score"] for a in recomputed["aspects"]] == [a.score for a in complete.aspects]
    assert recomputed["not_applicable"] == [
        {"item_id": n.item_id, "gate": n.gate, "value": n.value} for n in complete.not_applicable]

    outcome = importer.Importer(site.store).import_file(package)
    assert outcome.outcome == importer.ACCEPTED, outcome.message
    with active(site.store):
        row = next(row for row in consolidate(site.store, 2026).rows if row.code == "19.01")
    assert (row.index, row.headline_kind, row.band_code) == (complete.index, "nism", complete.band.code)
    assert row.aspects == tuple(a.score for a in complete.aspects)
    assert (row.answered, row.applicable) == (complete.answered, complete.applicable)
    # The unanswered-at-lowest floor: completing at the lowest level does not move the index.
    assert complete.index == expected["index"]
