"""The per-module score of the last `make mutation` run (mutmut's results, grouped by
module): killed / (killed + survived), timeouts counted as killed, mutants not run left
out. `--survivors` lists each survivor's diff, for judging it (docs/testing.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

MUTMUT = str(Path(sys.executable).with_name("mutmut"))
LINE = re.compile(r"^\s*(?P<name>\S+)__mutmut_\d+: (?P<status>.+)$")
KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = {"not checked", "skipped"}


def module_of(name: str) -> str:
    return re.split(r"\.x[_ǁ]", name, maxsplit=1)[0]


def results() -> list[tuple[str, str]]:
    output = subprocess.run([MUTMUT, "results", "--all", "true"], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            rows.append((line.split(":")[0].strip(), match["status"].strip()))
    return rows


def main(argv: list[str]) -> int:
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors: list[str] = []
    for name, status in results():
        if status in NOT_RUN:
            continue
        verdict = "killed" if status in KILLED else status
        by_module[module_of(name)][verdict] += 1
        if verdict != "killed":
            survivors.append(f"{name}: {status}")
    print(f"{'module':32} {'killed':>7} {'other':>7} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        total = sum(counts.values())
        print(f"{module:32} {counts['killed']:7} {total - counts['killed']:7} {counts['killed'] / total:7.1%}")
    print(f"\n{len(survivors)} not killed:")
    for line in survivors:
        print("   ", line)
        if "--survivors" in argv:
            shown = subprocess.run([MUTMUT, "show", line.split(":")[0]], capture_output=True, text=True).stdout
            print("\n".join(f"        {row}" for row in shown.splitlines() if row[:2] in ("- ", "+ ")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
