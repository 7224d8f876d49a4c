"""The office's day under a real X server (Xvfb, the xcb platform), in two processes:
first start → wizard → three items with evidence; restart → finalize → export → reopen →
attach. Fails on a crash, an error dialog or a traceback; screenshots stay in
``build/journey/`` (CI keeps them as artefacts). See ``tests/ui/journey_x11.py``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

OUT = REPO / "build" / "journey"


@pytest.fixture
def x_display(tmp_path):
    """A fresh Xvfb at 1366x768; skipped (with the reason) only if none can start."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make test installs it: apt package xvfb)")
    for number in range(90, 130):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None \
                and not Path(f"/tmp/.X11-unix/X{number}").exists():
            time.sleep(0.05)
        if server.poll() is None and Path(f"/tmp/.X11-unix/X{number}").exists():
            try:
                yield f":{number}"
            finally:
                server.terminate()
                server.wait(10)
            return
        server.kill()
        server.wait(10)
    pytest.skip("Xvfb could not start on any display :90–:129")


def _phase(phase: str, data_dir: Path, display: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONFAULTHANDLER": "1"}
    env.pop("QT_SCALE_FACTOR", None)
    return subprocess.run([sys.executable, str(REPO / "tests" / "ui" / "journey_x11.py"), phase, str(data_dir),
                           str(OUT)], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_office_journey_under_a_real_x_server(x_display, tmp_path):
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    data_dir = tmp_path / "data"
    for phase in ("first", "second"):
        run = _phase(phase, data_dir, x_display)
        (OUT / f"{phase}-stderr.txt").write_text(run.stderr, "utf-8")
        assert run.returncode == 0, f"{phase}: exit {run.returncode}\n{run.stderr[-4000:]}"
        assert "Traceback" not in run.stderr, run.stderr[-4000:]
        result = json.loads((OUT / f"{phase}-result.json").read_text("utf-8"))
        assert result["failures"] == [] and result["exit_code"] == 0, result
    demo_dir = tmp_path / "coba"
    run = _phase("demo", demo_dir, x_display)  # the sample data, then back out to the wizard
    (OUT / "demo-stderr.txt").write_text(run.stderr, "utf-8")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-4000:]
    result = json.loads((OUT / "demo-result.json").read_text("utf-8"))
    assert result["failures"] == [] and result["steps"] == ["data-contoh", "kembali-ke-pengaturan-awal"], result
    from models.demo import is_demo_dir
    from models.store import Store

    assert is_demo_dir(demo_dir / "demo")
    with Store(demo_dir) as real:  # the real data folder got no office, no assessment
        assert real.office() is None and real.assessments() == []
    shots = sorted(path.name for path in OUT.glob("*.png"))
    assert "first-03-wizard-operator.png" in shots and any("tiga-berkas-besar" in name for name in shots)
    assert (tmp_path / "berkas" / "paket.merit").stat().st_size > 0
