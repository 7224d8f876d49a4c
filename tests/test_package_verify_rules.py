"""What an office could claim in its own signed package and the province must still catch:
a band, an aspect's answered/applicable counts or a NISM that the answers do not give; and
what the reader must accept (an empty evidence file, a package with S and k) or refuse at
exactly its limits. Each variant is signed by the office key itself, so the signature holds
and only the verifier's own checks stand in the way."""

from __future__ import annotations

import copy
import hashlib
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.instrument import shipped_registry
from models.package import container as container_module
from models.package.container import EntryReader, open_container
from models.package.format import MAX_ENTRY_BYTES, MAX_PACKAGE_BYTES, MAX_SMALL_BYTES, Rejected, as_read_from_json
from models.package.read_evidence import iter_package_evidence
from models.package.verify import recompute_scores, verify_package
from models.scoring import score_recorded
from tests.package_builders import manifest_of, raw_zip, read_entries, resign, with_evidence, write_signed

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def registry():
    return shipped_registry()


def _claim(manifest: dict, registry) -> dict:
    """The scores the exporter writes for the manifest's answers, S and k."""
    instrument = registry.by_hash(manifest["instrument"]["sha256"])
    assessment = manifest["assessment"]
    levels = {answer["item_id"]: answer["level"] for answer in manifest["answers"]}
    result = score_recorded(instrument, assessment["gates"], levels, survey=assessment.get("survey"),
                            correction=assessment.get("correction"))
    return as_read_from_json(result.to_dict())


def _signed_variant(demo, tmp_path, change, name="varian.merit"):
    entries = read_entries(demo.package)
    manifest = manifest_of(entries)
    change(manifest)
    return write_signed(tmp_path / name, resign(entries, manifest), demo.office_key)


def _with_survey(registry, survey, correction):
    def change(manifest):
        manifest["assessment"].update(survey=survey, correction=correction)
        manifest["scores"] = _claim(manifest, registry)
    return change


def _verify(demo, path):
    return verify_package(path, [demo.province_public])


# --- the claimed scores ----------------------------------------------------------------------

def test_a_package_with_survey_and_correction_verifies_with_its_nism(signed_demo, tmp_path, registry):
    path = _signed_variant(signed_demo, tmp_path, _with_survey(registry, 0.8, 0.05))
    report = _verify(signed_demo, path)
    assert report.ok, report.message
    scores = report.manifest["scores"]
    assert scores["headline_kind"] == "nism"
    assert scores["nism"] == pytest.approx(0.75 * scores["maturity"] + 0.25 * 0.8 - 0.05, abs=1e-6)


@pytest.mark.parametrize("change", [
    lambda s: s.update(nism=round(s["nism"] + 0.01, 6), index=round(s["index"] + 0.01, 6)),  # a better NISM
    lambda s: s.update(survey=0.9),          # another S than the one the assessment records
    lambda s: s.update(correction=0.0),      # the correction left out of the claim
    lambda s: s.update(maturity=round(s["maturity"] + 0.05, 6)),
    lambda s: s.update(headline_kind="maturity"),
])
def test_a_claimed_nism_the_answers_do_not_give_is_refused(signed_demo, tmp_path, registry, change):
    def claim(manifest):
        _with_survey(registry, 0.8, 0.05)(manifest)
        change(manifest["scores"])
    report = _verify(signed_demo, _signed_variant(signed_demo, tmp_path, claim))
    assert (report.ok, report.reason) == (False, "score_mismatch"), report.message


@pytest.mark.parametrize("change", [
    lambda s: s.update(band={**(s.get("band") or {}), "code": "maju", "label": "Maju"}),  # a better band
    lambda s: s.update(band={"code": "tinggi"}),
    lambda s: s["aspects"][0].update(answered=s["aspects"][0]["answered"] - 1),
    lambda s: s["aspects"][2].update(applicable=s["aspects"][2]["applicable"] + 1),
    lambda s: s["aspects"][-1].update(id="A9"),
    lambda s: s["aspects"].pop(),
    lambda s: s.update(answered=s["answered"] - 1),
    lambda s: s.update(applicable=s["applicable"] + 1),
    lambda s: s.update(unanswered=["A1.1"]),
    lambda s: s.update(provisional=not s["provisional"]),
    lambda s: s.update(model="weighted_sum"),
])
def test_a_claimed_band_or_count_the_answers_do_not_give_is_refused(signed_demo, tmp_path, change):
    def claim(manifest):
        change(manifest["scores"])
    report = _verify(signed_demo, _signed_variant(signed_demo, tmp_path, claim))
    assert (report.ok, report.reason) == (False, "score_mismatch"), report.message


def test_figures_are_compared_at_the_stored_precision(signed_demo, tmp_path):
    # 1e-9 off is float noise from another summation order, not a different claim.
    def claim(manifest):
        manifest["scores"]["index"] += 1e-9
        manifest["scores"]["aspects"][0]["score"] += 1e-9
    assert _verify(signed_demo, _signed_variant(signed_demo, tmp_path, claim)).ok


@st.composite
def answers_survey_correction(draw, instrument, gates):
    items = [item.id for item in instrument.applicable_items(gates)]
    levels = draw(st.dictionaries(st.sampled_from(items), st.integers(0, 4) | st.none()))
    survey = draw(st.none() | st.floats(0, 1) | st.sampled_from([0, 1]))
    correction = draw(st.none() | st.floats(0, 1))
    return levels, survey, correction


@HYPOTHESIS
@given(data=st.data())
def test_recomputation_at_verification_equals_the_claim_for_any_answers_s_and_k(signed_demo, registry, data):
    base = manifest_of(read_entries(signed_demo.package))
    instrument = registry.by_hash(base["instrument"]["sha256"])
    gates = data.draw(st.sampled_from([{}, {"bayar_tpp": "tidak"}, {"jenis_instansi": "provinsi"}]))
    levels, survey, correction = data.draw(answers_survey_correction(instrument, instrument.resolve_gates(gates)))
    manifest = copy.deepcopy(base)
    manifest["assessment"].update(gates=gates, survey=survey, correction=correction)
    manifest["answers"] = [{"item_id": item_id, "level": level} for item_id, level in levels.items()]
    manifest["scores"] = _claim(manifest, registry)
    recomputed = recompute_scores(manifest, registry)
    assert recomputed == manifest["scores"]
    if survey is not None:
        assert recomputed["nism"] is not None and recomputed["headline_kind"] == "nism"
    # Any one level changed by the office after scoring is caught.
    if levels and any(level is not None for level in levels.values()):
        item_id = next(i for i, level in levels.items() if level is not None)
        tampered = copy.deepcopy(manifest)
        for answer in tampered["answers"]:
            if answer["item_id"] == item_id:
                answer["level"] = (answer["level"] + 1) % 5
        with pytest.raises(Rejected) as rejected:
            recompute_scores(tampered, registry)
        assert rejected.value.reason == "score_mismatch"


def test_an_answer_given_twice_or_to_an_unknown_item_is_refused(signed_demo, registry):
    manifest = manifest_of(read_entries(signed_demo.package))
    twice = copy.deepcopy(manifest)
    twice["answers"].append(dict(twice["answers"][0]))
    for bad in (twice,):
        with pytest.raises(Rejected) as rejected:
            recompute_scores(bad, registry)
        assert rejected.value.reason == "answers_invalid"
    for answers in ([{"item_id": 7, "level": 1}], [{"level": 1}], ["A1.1"], [{"item_id": "A1.1", "level": "4"}]):
        bad = copy.deepcopy(manifest)
        bad["answers"] = answers
        with pytest.raises(Rejected) as rejected:
            recompute_scores(bad, registry)
        assert rejected.value.reason == "answers_invalid"
    survey = copy.deepcopy(manifest)
    survey["assessment"]["survey"] = 1.5
    with pytest.raises(Rejected) as rejected:
        recompute_scores(survey, registry)
    assert rejected.value.reason == "answers_invalid"
    wrong_id = copy.deepcopy(manifest)
    wrong_id["instrument"]["id"] = "esm-2019"
    with pytest.raises(Rejected) as rejected:
        recompute_scores(wrong_id, registry)
    assert rejected.value.reason == "unknown_instrument"


# --- the files ---------------------------------------------------------------------------------

def test_an_empty_evidence_file_is_a_valid_file_and_streams_out_empty(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    entries = with_evidence(entries, manifest_of(entries), "evidence/A8.2/999-kosong.pdf", b"", "kosong.pdf",
                            item_id="A8.2")
    path = write_signed(tmp_path / "kosong.merit", entries, signed_demo.office_key)
    report = _verify(signed_demo, path)
    assert report.ok, report.message
    assert report.checked_files == len(manifest_of(entries)["files"])
    assert report.checked_bytes == sum(entry["size"] for entry in manifest_of(entries)["files"])
    streamed = {item.entry["path"]: item.stream.read() for item in iter_package_evidence(path, report.manifest)}
    assert streamed["evidence/A8.2/999-kosong.pdf"] == b""
    assert streamed["evidence/A8.2/999-kosong.pdf"] is not None and len(streamed) == report.checked_files - 1


def test_a_path_listed_twice_in_the_manifest_is_refused(signed_demo, tmp_path):
    def twice(manifest):
        manifest["files"].append(dict(manifest["files"][1]))
    assert _verify(signed_demo, _signed_variant(signed_demo, tmp_path, twice)).reason == "manifest_malformed"


def test_evidence_for_an_item_the_instrument_does_not_have_is_refused(signed_demo, tmp_path):
    entries = read_entries(signed_demo.package)
    entries = with_evidence(entries, manifest_of(entries), "evidence/A1.1/999-x.pdf", b"x", item_id="Z9.9")
    report = _verify(signed_demo, write_signed(tmp_path / "z.merit", entries, signed_demo.office_key))
    assert report.reason == "answers_invalid"


def test_the_streaming_reader_names_a_size_change_and_a_cut_file(signed_demo, tmp_path):
    report = _verify(signed_demo, signed_demo.package)
    container = open_container(signed_demo.package)
    listed = next(entry for entry in report.manifest["files"] if entry["role"] == "evidence")
    entry = container.by_name[listed["path"]]
    with EntryReader(signed_demo.package, entry, {**listed, "size": listed["size"] + 1}) as stream, \
            pytest.raises(Rejected) as rejected:
        stream.read()
    assert rejected.value.reason == "size_mismatch"
    with EntryReader(signed_demo.package, entry, listed) as stream:
        assert hashlib.sha256(b"".join(iter(lambda: stream.read(5), b""))).hexdigest() == listed["sha256"]
        assert stream.read() == b""
    # The package cut short after it was verified: the stream stops with zip_corrupt.
    cut = tmp_path / "cut.merit"
    cut.write_bytes(signed_demo.package.read_bytes()[:entry.data_offset + entry.size // 2])
    with EntryReader(cut, entry, listed) as stream, pytest.raises(Rejected) as rejected:
        stream.read()
    assert rejected.value.reason == "zip_corrupt"


# --- the limits, exactly at them ----------------------------------------------------------------

def test_the_total_size_limit_is_the_file_s_size_not_an_entry_s(tmp_path):
    at_limit, over = tmp_path / "pas.merit", tmp_path / "lebih.merit"
    for path, size in ((at_limit, MAX_PACKAGE_BYTES), (over, MAX_PACKAGE_BYTES + 1)):
        with open(path, "wb") as handle:
            handle.write(b"PK\x03\x04")
            handle.truncate(size)  # sparse: costs no disk
    assert verify_package(over, []).reason == "package_too_large"
    assert verify_package(at_limit, []).reason != "package_too_large"


@pytest.mark.parametrize(("name", "limit"), [("evidence/A1.1/001-a.pdf", MAX_ENTRY_BYTES),
                                             ("certificate.json", MAX_SMALL_BYTES)])
def test_an_entry_is_refused_just_over_its_limit_and_not_at_it(tmp_path, name, limit):
    def reason(size):
        entries = [("manifest.json", b"{}"), ("certificate.json", b"{}"), ("evidence/A1.1/001-a.pdf", b"x")]
        data = raw_zip(entries, b"x" * 10)
        raw = name.encode()
        position = data.rindex(b"PK\x01\x02", 0, data.rindex(raw))  # the entry's central record
        assert data[position + 46:position + 46 + len(raw)] == raw
        path = tmp_path / "klaim.merit"
        path.write_bytes(data[:position + 20] + struct.pack("<II", size, size) + data[position + 28:])
        try:
            open_container(path)
        except Rejected as rejected:
            return rejected.reason
        return None
    assert reason(limit + 1) == "entry_too_large"
    assert reason(limit) != "entry_too_large"


def test_names_that_differ_only_in_case_are_one_file(tmp_path):
    entries = [("manifest.json", b"{}"), ("certificate.json", b"{}"), ("evidence/A1.1/Sama.pdf", b"1"),
               ("evidence/a1.1/sama.PDF", b"2")]
    path = tmp_path / "kembar.merit"
    path.write_bytes(raw_zip(entries, b"x" * 10))
    with pytest.raises(Rejected) as rejected:
        open_container(path)
    assert rejected.value.reason == "duplicate_entry"
    entries[3] = ("evidence/A1.1/sama2.pdf", b"2")
    path.write_bytes(raw_zip(entries, b"x" * 10))
    assert [entry.name for entry in open_container(path).entries][2:] == ["evidence/A1.1/Sama.pdf",
                                                                         "evidence/A1.1/sama2.pdf"]


def test_the_reader_reads_in_chunks_within_its_budget(signed_demo, monkeypatch):
    monkeypatch.setattr(container_module, "READ_CHUNK", 7)
    assert _verify(signed_demo, signed_demo.package).ok


@pytest.mark.parametrize(("change", "ok"), [
    (lambda s: s.update(band=None), False),                        # no band claimed for a NISM
    (lambda s: s["aspects"].__setitem__(0, "A1"), False),          # an aspect that is no object
    (lambda s: s.update(aspects=None), False),
    (lambda s: s["band"].update(label="Label lain", color="#000000"), True),  # display only: the code is the claim
])
def test_the_band_is_judged_by_its_code_and_a_malformed_claim_is_a_mismatch(signed_demo, tmp_path, registry,
                                                                            change, ok):
    def claim(manifest):
        _with_survey(registry, 0.8, 0.05)(manifest)
        change(manifest["scores"])
    report = _verify(signed_demo, _signed_variant(signed_demo, tmp_path, claim))
    assert (report.ok, report.reason) == ((True, None) if ok else (False, "score_mismatch")), report.message
