"""The data-safety campaign in CI: ``bench/reliability.py --quick`` (the full run is `make reliability`).

Run in its own process: the campaign forks its workers, which must not inherit this test
process's threads (Qt's, pytest's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.skipif(os.name == "nt", reason="fork and SIGKILL")
def test_quick_campaign_loses_nothing_acknowledged_and_detects_all_damage(tmp_path):
    from bench.reliability import QUICK_KILLS

    report = tmp_path / "reliability.md"
    result = subprocess.run([sys.executable, "-m", "bench.reliability", "--quick", "--json", "--out", str(report)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    figures = json.loads(result.stdout)
    assert figures["kills"] == QUICK_KILLS
    assert figures["acknowledged"] > QUICK_KILLS  # the children got real work done between kills
    assert figures["lost"] == 0, report.read_text()
    assert figures["damaged"] == 6 and figures["detected"] == 6, report.read_text()
    assert figures["restored"] == 6, report.read_text()
    assert figures["failures"] == [] and figures["ok"], report.read_text()
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "| acknowledged operations lost | 0 |" in report.read_text()
