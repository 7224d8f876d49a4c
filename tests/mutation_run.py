"""`make mutation`: mutmut over the modules that decide, one module at a time, each with
only the tests that exercise it (a test outside the selection can only kill more, so each
score is a lower bound). Each run happens in its own copy of the tree under
build/mutation/<module>/ (mutmut reads its test selection from pyproject.toml there), then
the per-module score is printed: killed / (killed + survived), timeouts counted as killed,
mutants not run left out.

    python -m tests.mutation_run [MODULE ...] [--children N] [--survivors] [--functions F,G,...]
                                [--rerun-survivors]

`--survivors` prints each survivor's diff, for judging it (docs/testing.md).
Each run records every selected mutant's status in build/mutation/<module>-results.json.
`--rerun-survivors` runs, against the current tests, only the mutants that did not die in the
runs recorded there (survivors, and those an interrupted run did not reach) and keeps the
others' status (a test added can only kill more); with `--not-rerun FILE` the survivors named
there (judged message text or equivalent, docs/testing.md) stay survivors without running
again. `--functions`
narrows the chosen modules to those functions (`name` or `Class.method`, as in the source).
Where a module is run only in part by default, MODULES names the functions.

The demo package that most package tests start from is built once per run, with the
unmutated tree, and copied by every mutant's test session (tests/test_package.py,
DEMO_CACHE_ENV): the reader under test then faces a correct package, as it would one from
another office, and each mutant saves the ~1 s build."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.test_package import DEMO_CACHE_ENV

REPO = Path(__file__).resolve().parent.parent
MUTMUT = str(Path(sys.executable).with_name("mutmut"))


def patterns(module: str, functions: list[str]) -> list[str]:
    """mutmut's mutant-name patterns for these functions of ``models.<module>``."""
    def one(function: str) -> str:
        owner, _, name = function.rpartition(".")
        return f"models.{module}.xǁ{owner}ǁ{name}__mutmut_*" if owner else f"models.{module}.x_{name}__mutmut_*"
    return [one(function) for function in functions]


IMPORTER_DECISIONS = ["all_good", "_content_of", "Importer._verify", "Importer._issued_here",
                      "Importer._duplicate_file", "Importer._decide_and_store", "Importer._same_content",
                      "Importer._in_province", "Importer._copy"]
# The reader: every function that judges a file's bytes (local_header too: each local header is
# compared with it). The writer (central_header, end_record, CanonicalZipWriter) decides nothing
# about a received file; a fault there makes packages the reader refuses.
CONTAINER_READER = ["ReadBudget.for_package", "ReadBudget.spend", "ReadBudget.check_time", "local_header",
                    "Container.by_name", "Container.read_small", "_pread", "_size_limit", "_find_end",
                    "open_container", "_open", "_unsigned_reason", "_parse_directory", "_name", "_check_layout",
                    "hash_container", "_read_span", "EntryReader.__init__", "EntryReader.read",
                    "EntryReader._finish", "CopiedPass.matches", "copy_hashing"]
PACKAGE_TESTS = ["tests/test_package_tamper.py", "tests/test_package_verify_rules.py", "tests/test_package_envelope.py",
                 "tests/test_package_container_rules.py", "tests/test_package_manifest_shape.py",
                 "tests/test_package_verify_report.py"]
MODULES = {
    "scoring": (["models.scoring.*"],
                ["tests/test_scoring.py", "tests/test_scoring_rules.py", "tests/test_one_score_rule.py"]),
    "validation": (["models.validation.*"], ["tests/test_validation.py"]),
    "certificates": (["models.certificates.*"],
                     ["tests/test_certificates.py", "tests/test_certificate_days.py", "tests/test_certificate_issue.py",
                      "tests/test_certificate_readers.py",
                      "tests/test_certificate_import.py", "tests/test_trust.py", "tests/test_package_tamper.py"]),
    "verify": (["models.package.verify.*"], PACKAGE_TESTS + ["tests/test_import_one_pass.py"]),
    "container": (patterns("package.container", CONTAINER_READER),
                  PACKAGE_TESTS + ["tests/test_package.py", "tests/test_package_names.py",
                                   "tests/test_package_fuzz.py::test_corpus_file_keeps_its_reason",
                                   "tests/test_import_one_pass.py"]),
    "importer": (patterns("importer", IMPORTER_DECISIONS), ["tests/test_importer.py",
                                                            "tests/test_importer_province_claim.py",
                                                            "tests/test_import_one_pass.py"]),
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


def statuses(folder: Path, with_not_run: bool = False) -> dict[str, str]:
    """Each mutant run in ``folder``: name -> mutmut's status (mutants not run left out)."""
    output = subprocess.run([MUTMUT, "results", "--all", "true"], cwd=folder, capture_output=True, text=True,
                            check=True).stdout
    return {match["name"]: match["status"] for match in map(LINE.match, output.splitlines())
            if match and (with_not_run or match["status"] not in NOT_RUN)}


def results_file(module: str) -> Path:
    """Every mutant's latest status for the module, across runs: a re-run of survivors
    updates the statuses it re-ran and keeps the others."""
    return REPO / "build" / "mutation" / f"{module}-results.json"


def score(folder: Path, merged: dict[str, str], survivors: bool) -> tuple[Counter, list[str]]:
    counts: Counter = Counter()
    left: list[str] = []
    for name, status in sorted(merged.items()):
        killed = status in KILLED
        counts["killed" if killed else "other"] += 1
        if not killed:
            left.append(f"{name}: {status}")
            if survivors:
                shown = subprocess.run([MUTMUT, "show", name], cwd=folder, capture_output=True, text=True).stdout
                left.extend(f"      {row}" for row in shown.splitlines() if row[:2] in ("- ", "+ "))
    return counts, left


def selection_of(module: str, functions: list[str] | None) -> list[str]:
    selection = MODULES[module][0]
    if functions:
        selection = patterns(selection[0].removeprefix("models.").split(".x")[0].removesuffix(".*"), functions)
    return selection


def main(argv: list[str]) -> int:
    children = argv[argv.index("--children") + 1] if "--children" in argv else "2"
    functions = argv[argv.index("--functions") + 1].split(",") if "--functions" in argv else None
    chosen = [a for a in argv if a in MODULES] or list(MODULES)
    report = []
    for module in chosen:
        selection, before = selection_of(module, functions), {}
        if "--rerun-survivors" in argv:
            before = json.loads(results_file(module).read_text("utf-8"))
            kept = set()
            if "--not-rerun" in argv:  # survivors judged message text or equivalent: not run again
                kept = set(Path(argv[argv.index("--not-rerun") + 1]).read_text("utf-8").split())
            # the survivors, and the selected mutants an interrupted run did not reach
            selection = [name for name, status in before.items() if status not in KILLED and name not in kept]
            print(f"== {module}: {sum(s in KILLED for s in before.values())} of {len(before)} killed before, "
                  f"re-running {len(selection)} survivors", flush=True)
        else:
            print(f"== {module}: {' '.join(selection)}", flush=True)
        folder = prepare(module)
        demo = folder.with_name(f"{module}-demo")
        shutil.rmtree(demo, ignore_errors=True)
        subprocess.run([sys.executable, "-c", f"from tests.test_package import build_demo_cache; "
                        f"from pathlib import Path; build_demo_cache(Path({str(demo)!r}))"],
                       cwd=folder, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", DEMO_CACHE_ENV: str(demo)}
        if selection:
            subprocess.run([MUTMUT, "run", "--max-children", children, *selection], cwd=folder, env=env,
                           stdout=subprocess.DEVNULL)
        found = statuses(folder, with_not_run=True)
        if not before:  # a first run: every selected mutant, "not checked" where it was not reached
            before = {name: status for name, status in found.items()
                      if any(fnmatch.fnmatch(name, pattern) for pattern in selection)}
        merged = {**before, **{name: status for name, status in found.items() if name in before
                               and status not in NOT_RUN}}
        results_file(module).write_text(json.dumps(merged, indent=0, sort_keys=True), "utf-8")
        run = {name: status for name, status in merged.items() if status not in NOT_RUN}
        counts, left = score(folder, run, "--survivors" in argv)
        counts["not_run"] = len(merged) - len(run)
        report.append((module, counts, left))
    for module, counts, left in report:
        total = counts["killed"] + counts["other"]
        print(f"\n{module}: {counts['killed']}/{total} killed, score {counts['killed'] / max(total, 1):.1%}"
              f" ({counts['not_run']} selected mutants not run)")
        for line in left:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
