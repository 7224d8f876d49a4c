"""The bench's bookkeeping: ``bench.run`` rewrites only the sections it ran, so a partial run keeps
the others; several runs of a journey combine step by step."""

from __future__ import annotations

from bench.run import Row, Section, main, merge_sections, read_sections


def test_partial_run_keeps_the_other_sections_in_place():
    earlier = "# Performance\n\n- run: then\n\n## A\n\nold a\n## B\n\nold b\n## C\n\nold c\n"
    kept = read_sections(earlier)
    assert list(kept) == ["A", "B", "C"]
    merged = merge_sections(kept, [Section("B", [Row("x", "1")]), Section("D")])
    assert merged.index("## A") < merged.index("## B") < merged.index("## C") < merged.index("## D")
    assert "old a" in merged and "old c" in merged and "old b" not in merged and "| x | 1 |" in merged


def test_a_renamed_section_replaces_its_old_title():
    kept = read_sections("## Old name\n\nold\n## Other\n\nother\n")
    merged = merge_sections(kept, [Section("New name", replaces=("Old name",))])
    assert "Old name" not in merged and merged.index("## New name") < merged.index("## Other")


def test_main_with_no_matching_benchmark_keeps_the_file(tmp_path):
    out = tmp_path / "performance.md"
    out.write_text("# Performance\n\n## Kept\n\nfigures\n", "utf-8")
    assert main(["no-such-benchmark", "--out", str(out)]) == 0
    assert "## Kept\n\nfigures" in out.read_text("utf-8")


def test_journey_best_of_takes_each_steps_least_disturbed_time_and_the_calmest_runs_events():
    from bench.journey import best_of

    calm = {"steps": [{"step": "open", "ms": 90.0, "cpu_ms": 70.0}, {"step": "undo", "ms": 40.0, "cpu_ms": 30.0}],
            "slow_events": []}
    busy = {"steps": [{"step": "open", "ms": 80.0, "cpu_ms": 75.0}, {"step": "undo", "ms": 170.0, "cpu_ms": 29.0}],
            "slow_events": [{"ms": 127.0, "step": "undo", "event": "UpdateRequest", "receiver": "MainWindow"}]}
    merged = best_of([busy, calm])
    assert merged["steps"] == [{"step": "open", "ms": 80.0, "cpu_ms": 70.0}, {"step": "undo", "ms": 40.0, "cpu_ms": 29.0}]
    assert merged["slow_events"] == [] and merged["runs"] == 2
