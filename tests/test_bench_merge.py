"""``bench.run`` rewrites only the sections it ran, so a partial run keeps the others."""

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
