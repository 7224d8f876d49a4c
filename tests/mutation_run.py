"""`make mutation`: mutmut over the modules that decide, one module at a time, each with
only the tests that exercise it (a test outside the selection can only kill more, so each
score is a lower bound). Each run happens in its own copy of the tree under
build/mutation/<module>/ (mutmut reads its test selection from pyproject.toml there), then
the per-module score is printed: killed / (killed + survived), timeouts counted as killed,
mutants not run left out.

    python -m tests.mutation_run [MODULE ...] [--children N] [--survivors]

`--survivors` prints each survivor's diff, for judging it (docs/testing.md)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTMUT = str(Path(sys.executable).with_name("mutmut"))
IMPORTER_DECISIONS = ["x_all_good", "x__content_of", "xǁImporterǁ_verify", "xǁImporterǁ_issued_here",
                      "xǁImporterǁ_duplicate_file", "xǁImporterǁ_decide_and_store", "xǁImporterǁ_same_content",
                      "xǁImporterǁ_in_province"]
PACKAGE_TESTS = ["tests/test_package_tamper.py", "tests/test_package_verify_rules.py", "tests/test_package_envelope.py"]
MODULES = {
    "scoring": (["models.scoring*"],
                ["tests/test_scoring.py", "tests/test_scoring_rules.py", "tests/test_one_score_rule.py"]),
    "validation": (["models.validation*"], ["tests/test_validation.py"]),
    "certificates": (["models.certificates*"],
                     ["tests/test_certificates.py", "tests/test_certificate_days.py",
                      "tests/test_certificate_import.py", "tests/test_trust.py", "tests/test_package_tamper.py"]),
    "verify": (["models.package.verify*"], PACKAGE_TESTS),
    "container": (["models.package.container*"], PACKAGE_TESTS + ["tests/test_package.py"]),
    "importer": ([f"models.importer.{name}*" for name in IMPORTER_DECISIONS], ["tests/test_importer.py"]),
}
LINE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+)$")
KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = {"not checked", "skipped"}
IGNORED = shutil.ignore_patterns(".git", "mutants", ".venv", ".venv-dist", "build", "dist", "__pycache__",
                                 ".hypothesis", ".pytest_cache", ".ruff_cache")


def prepare(module: str) -> Path:
    """A copy of the tree whose [tool.mutmut] selects only this module's tests."""
    folder = REPO / "build" / "mutation" / module
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(REPO, folder, ignore=IGNORED)
    tests = MODULES[module][1]
    config = folder / "pyproject.toml"
    text = config.read_text("utf-8")
    selection = "pytest_add_cli_args_test_selection = [\n" + "".join(f'    "{t}",\n' for t in tests) + "]\n"
    text, replaced = re.subn(r"pytest_add_cli_args_test_selection = \[.*?\]\n", lambda _: selection, text,
                             flags=re.DOTALL)
    assert replaced == 1, "pyproject.toml has no [tool.mutmut] test selection"
    config.write_text(text, "utf-8")
    return folder


def score(folder: Path, survivors: bool) -> tuple[Counter, list[str]]:
    output = subprocess.run([MUTMUT, "results", "--all", "true"], cwd=folder, capture_output=True, text=True,
                            check=True).stdout
    counts: Counter = Counter()
    left: list[str] = []
    for line in output.splitlines():
        match = LINE.match(line)
        if not match or match["status"] in NOT_RUN:
            continue
        killed = match["status"] in KILLED
        counts["killed" if killed else "other"] += 1
        if not killed:
            left.append(f"{match['name']}: {match['status']}")
            if survivors:
                shown = subprocess.run([MUTMUT, "show", match["name"]], cwd=folder, capture_output=True,
                                       text=True).stdout
                left.extend(f"      {row}" for row in shown.splitlines() if row[:2] in ("- ", "+ "))
    return counts, left


def main(argv: list[str]) -> int:
    children = argv[argv.index("--children") + 1] if "--children" in argv else "2"
    chosen = [a for a in argv if a in MODULES] or list(MODULES)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    report = []
    for module in chosen:
        folder = prepare(module)
        print(f"== {module}: {' '.join(MODULES[module][0])}", flush=True)
        subprocess.run([MUTMUT, "run", "--max-children", children, *MODULES[module][0]], cwd=folder, env=env,
                       stdout=subprocess.DEVNULL)
        counts, left = score(folder, "--survivors" in argv)
        report.append((module, counts, left))
    for module, counts, left in report:
        total = counts["killed"] + counts["other"]
        print(f"\n{module}: {counts['killed']}/{total} killed, score {counts['killed'] / max(total, 1):.1%}")
        for line in left:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
