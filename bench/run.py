"""``make bench``: run every ``bench/bench_*.py`` and write ``docs/performance.md``.

Each benchmark module exposes ``run(workdir: Path) -> Section``. Results are ratios
against a baseline measured in the same run on the same machine (e.g. ``sha256sum``
over the same files), never absolute timings checked by unit tests.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "performance.md"


@dataclass
class Row:
    name: str
    value: str
    target: str = ""
    met: bool | None = None


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replaces: tuple[str, ...] = ()  # earlier titles of this section, dropped from the file on merge

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", "| measure | result | target | met |", "|---|---|---|---|"]
        for row in self.rows:
            met = "" if row.met is None else ("yes" if row.met else "**no**")
            lines.append(f"| {row.name} | {row.value} | {row.target} | {met} |")
        lines += [""] + [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def discover(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    return [n for n in names if not selected or any(s in n for s in selected)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="run only benchmarks whose name contains this")
    parser.add_argument("--out", default=str(OUTPUT))
    args = parser.parse_args(argv)
    sections = []
    failed = False
    names = discover(args.only)
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        with tempfile.TemporaryDirectory(prefix=f"merit-{name}-") as workdir:
            print(f"== {name}", flush=True)
            section = module.run(Path(workdir))
        sections.append(section)
        failed |= any(row.met is False for row in section.rows)
        print(section.markdown(), flush=True)
    header = [
        "# Performance",
        "",
        "Written by `make bench` (`python -m bench.run`); do not edit by hand. Every figure is a",
        "ratio against a baseline measured in the same run on the same machine, so results from",
        "different machines compare.",
        "",
        f"- run: {datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}: {', '.join(n.removeprefix('bench_') for n in names)}; "
        "the other sections keep the figures of their own last run",
        "",
    ]
    out = Path(args.out)
    kept = read_sections(out.read_text("utf-8")) if out.is_file() else {}
    Path(args.out).write_text("\n".join(header) + merge_sections(kept, sections), "utf-8")
    return 1 if failed else 0


def read_sections(text: str) -> dict[str, str]:
    """The ``## title`` sections of an earlier ``performance.md``, by title, in file order."""
    sections: dict[str, str] = {}
    title = None
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            title = line[3:].strip()
            sections[title] = ""
        if title is not None:
            sections[title] += line
    return sections


def merge_sections(kept: dict[str, str], ran: list[Section]) -> str:
    """A partial run (``bench.run gui``) replaces only the sections it ran and keeps the
    others as they were, so rerunning one benchmark never drops the rest."""
    fresh = {section.title: section.markdown() for section in ran}
    renamed = {old: section.title for section in ran for old in section.replaces}
    merged = []
    for title, text in kept.items():
        title = renamed.get(title, title)
        if title in fresh:
            merged.append(fresh.pop(title))
        elif title not in renamed.values():
            merged.append(text)
    merged += list(fresh.values())
    return "".join(text if text.endswith("\n") else text + "\n" for text in merged)


if __name__ == "__main__":
    sys.exit(main())
