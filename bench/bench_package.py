"""Export and verify of a package as whole CLI commands, at two sizes, against honest
baselines over the same bytes.

Evidence is incompressible random data (like scans and PDFs) in 5 MB files attached to the
demo office's assessment: ``SIZES_MB`` in all, 200 MB (a large office package) and 1 GB, so
the fixed cost of a command (start, imports, store, Argon2id) and its streaming rate can be
told apart. Measured in the same run, interleaved, best of ``REPEATS`` each:

* SHA-256 with OpenSSL (``hashlib``, in process, 1 MiB reads) over the evidence blobs: what
  reading and hashing every byte costs at best. (``sha256sum`` of coreutils is several times
  slower than OpenSSL on CPUs with SHA extensions, so ratios against it flattered us.)
* a durable copy of the same blobs (write + fsync each file): what writing them costs at best.
* BLAKE2b-512 (``hashlib``, in process, 1 MiB reads) of the package file: the signature's
  prehash, which format 2 needs over every byte as one sequential stream. It runs at about
  half the speed of SHA-256, so it, not SHA-256, is the real limit of verify.
* ``main.py export --year 2026 --out F`` as a child process, timed from its start to its exit:
  Python start, imports, store open, the Argon2id key decryption (64 MiB, by design; in a
  thread while the package is written), the streamed write with its SHA-256 checks of each
  blob, BLAKE2b-512 and SHA-256 of the file in the same pass, fsync, rename and the printed
  SHA-256 (no second read).
* ``main.py verify F`` the same way (every byte hashed: BLAKE2b-512 for the signature,
  SHA-256 and CRC-32 per entry, on two threads).

Targets (issue 17): export ≥ 0,7× the slower of SHA-256 and the durable copy; verify ≥ 0,7×
SHA-256. Each child reports its own peak RSS.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.bench_import import _durable_copy_seconds, _openssl_sha256_seconds
from bench.child_peak import PEAK_KB
from bench.run import Row, Section
from models.formatting import decimal_id

ROOT = Path(__file__).resolve().parent.parent
SIZES_MB = (200, 1000)
FILE_MB = 5
REPEATS = 3
THROUGHPUT_TARGET = 0.70
RSS_TARGET_MB = 200
TITLE = "Signed package: export and verify of 200 MB and 1 GB of evidence, whole commands"
OLD_TITLES = ("Signed package: export and verify of 200 MB of evidence",
              "Signed package: export and verify of 200 MB of evidence, whole commands")

# The CLI as a user runs it, plus its own peak RSS on stderr at exit.
CLI_CHILD = PEAK_KB + r"""
import atexit, runpy, sys

atexit.register(lambda: sys.stderr.write(f"\nmaxrss_kb={peak_kb()}\n"))
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""
IDLE_CHILD = PEAK_KB + r"""
import sys
from models.store import Store
Store(sys.argv[1]).close()
print(f"maxrss_kb={peak_kb()}")
"""


def _prepare(workdir: Path, evidence_mb: int) -> tuple[Path, list[Path], int]:
    sys.path.insert(0, str(ROOT))
    from models.demo import DEMO_OPERATOR, seed_demo
    from models.lifecycle import finalize, reopen
    from models.store import Store

    data_dir = workdir / "data"
    scratch = workdir / "scratch"
    scratch.mkdir(parents=True)
    with Store(data_dir) as store:
        seed_demo(store)
        office = store.office()
        assessment = reopen(store, store.latest_assessment(office, 2026), DEMO_OPERATOR)
        items = [a.item_id for a in assessment.answers if a.level and a.level > 0]
        store.evidence_store.limit_bytes = FILE_MB * 1024 * 1024 * 2
        for number in range(evidence_mb // FILE_MB):
            source = scratch / f"scan-{number:03d}.pdf"
            source.write_bytes(os.urandom(FILE_MB * 1024 * 1024))
            store.add_evidence(assessment, items[number % len(items)], source, who=DEMO_OPERATOR)
            source.unlink()
        finalize(store, assessment, DEMO_OPERATOR, without_survey=True)
        blobs = [store.evidence_path(row) for row in store.evidence(assessment)
                 if row.size >= FILE_MB * 1024 * 1024]
        total = sum(row.size for row in store.evidence(assessment))
    return data_dir, blobs, total


def _maxrss_kb(text: str) -> int:
    return next(int(line.split("=", 1)[1]) for line in reversed(text.splitlines()) if line.startswith("maxrss_kb="))


def _cli(args: list[str], env: dict) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CLI_CHILD, *args], cwd=ROOT, env=env, capture_output=True,
                            text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"main.py {args[0]} exited {result.returncode}: {result.stderr.strip()[-400:]}")
    return {"seconds": seconds, "maxrss_kb": _maxrss_kb(result.stderr), "stdout": result.stdout}


def _blake2b_seconds(path: Path) -> float:
    started = time.perf_counter()
    digest = hashlib.blake2b(digest_size=64)
    with open(path, "rb") as reader:
        while chunk := reader.read(1024 * 1024):
            digest.update(chunk)
    return time.perf_counter() - started


def _argon2id_seconds(data_dir: Path) -> float:
    """The office key's decryption alone, in process (what export pays by design)."""
    from models import keys
    from models.demo import DEMO_OFFICE_PASSPHRASE

    started = time.perf_counter()
    keys.load_private_key(keys.office_key_path(data_dir), DEMO_OFFICE_PASSPHRASE)
    return time.perf_counter() - started


class _Case:
    """One evidence size: its store, its baselines and its commands, best of the rounds."""

    def __init__(self, workdir: Path, evidence_mb: int):
        self.mb, self.workdir = evidence_mb, workdir
        self.data_dir, self.blobs, self.total = _prepare(workdir, evidence_mb)
        self.package = workdir / "out" / "bench.merit"
        self.blob_bytes = sum(p.stat().st_size for p in self.blobs)
        self.sha256, self.copy, self.blake2b, self.exports, self.verifies = [], [], [], [], []

    def round(self, env: dict) -> None:
        if not self.blobs:  # the fixed-cost case: the commands only
            self._commands(env)
            return
        self.sha256.append(_openssl_sha256_seconds(self.blobs))
        self.copy.append(_durable_copy_seconds(self.blobs, self.workdir / "copy"))
        self._commands(env)

    def _commands(self, env: dict) -> None:
        self.package.unlink(missing_ok=True)
        self.exports.append(_cli(["export", "--year", "2026", "--out", str(self.package), "--data-dir",
                                  str(self.data_dir), "--json"], env))
        if self.blobs:
            self.blake2b.append(_blake2b_seconds(self.package))
        self.verifies.append(_cli(["verify", str(self.package), "--data-dir", str(self.data_dir), "--json"], env))

    @property
    def size(self) -> int:
        return self.package.stat().st_size

    def rates(self) -> dict[str, float]:
        return {"sha256": self.blob_bytes / min(self.sha256), "copy": self.blob_bytes / min(self.copy),
                "blake2b": self.size / min(self.blake2b),
                "export": self.total / min(r["seconds"] for r in self.exports),
                "verify": self.size / min(r["seconds"] for r in self.verifies)}

    def seconds(self, which: str) -> float:
        return min(r["seconds"] for r in (self.exports if which == "export" else self.verifies))


def run(workdir: Path) -> Section:
    section = Section(TITLE, replaces=OLD_TITLES)
    # The demo assessment with no added evidence: what a command costs before any byte streams.
    fixed = _Case(workdir / "fixed", 0)
    cases = [_Case(workdir / f"{mb}mb", mb) for mb in SIZES_MB]
    from models.demo import DEMO_OFFICE_PASSPHRASE

    env = {**os.environ, "MERIT_LURING_PASSPHRASE": DEMO_OFFICE_PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installation runs from compiled .pyc files
    for case in cases:
        _openssl_sha256_seconds(case.blobs)  # warm the page cache for every side alike
    for _ in range(REPEATS):  # interleaved: the shared machine's load moves from minute to minute
        for case in [fixed, *cases]:
            case.round(env)
    argon2 = min(_argon2id_seconds(fixed.data_dir) for _ in range(REPEATS))
    last = cases[-1]
    printed = json.loads(last.exports[-1]["stdout"])["sha256"]
    with open(last.package, "rb") as reader:
        hash_ok = printed == hashlib.file_digest(reader, "sha256").hexdigest()
    idle = subprocess.run([sys.executable, "-c", IDLE_CHILD, str(cases[0].data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    mb = 1024 * 1024
    target = f"≥ {decimal_id(THROUGHPUT_TARGET)}×"
    rates_text = []
    for case in cases:
        rates = case.rates()
        slower = min(rates["sha256"], rates["copy"])
        slower_name = "SHA-256" if rates["sha256"] <= rates["copy"] else "durable copy"
        export_ratio, verify_ratio = rates["export"] / slower, rates["verify"] / rates["sha256"]
        label = f"{case.mb} MB" if case.mb < 1000 else f"{case.mb / 1000:.0f} GB"
        section.rows += [
            Row(f"{label}: export, whole command ÷ the slower of SHA-256 and durable copy (here: {slower_name})",
                f"{decimal_id(export_ratio)}×", target, export_ratio >= THROUGHPUT_TARGET),
            Row(f"{label}: verify, whole command ÷ SHA-256 (OpenSSL)", f"{decimal_id(verify_ratio)}×", target,
                verify_ratio >= THROUGHPUT_TARGET),
            Row(f"{label}: verify ÷ BLAKE2b-512 of the file (the format's real limit: its signature's prehash)",
                f"{decimal_id(rates['verify'] / rates['blake2b'])}×"),
            Row(f"{label}: BLAKE2b-512 ÷ SHA-256 (the best verify can reach against SHA-256)",
                f"{decimal_id(rates['blake2b'] / rates['sha256'])}×"),
        ]
        rates_text.append(
            f"{label}: SHA-256 {rates['sha256'] / mb:.0f} MB/s, durable copy {rates['copy'] / mb:.0f} MB/s, "
            f"BLAKE2b-512 {rates['blake2b'] / mb:.0f} MB/s, export {rates['export'] / mb:.0f} MB/s "
            f"({decimal_id(case.seconds('export'))} s), verify {rates['verify'] / mb:.0f} MB/s "
            f"({decimal_id(case.seconds('verify'))} s)")
    large = cases[-1]
    large_rates = large.rates()
    large_slower = min(large_rates["sha256"], large_rates["copy"])
    # The streaming part: the whole command less the same command on the demo package alone.
    export_stream = large.total / max(large.seconds("export") - fixed.seconds("export"), 1e-9)
    verify_stream = large.size / max(large.seconds("verify") - fixed.seconds("verify"), 1e-9)
    section.rows += [
        Row(f"fixed cost of the whole command on the demo package ({decimal_id(fixed.size / 1e6, 1)} MB): export; verify",
            f"{decimal_id(fixed.seconds('export'))} s; {decimal_id(fixed.seconds('verify'))} s"),
        Row("1 GB, streaming part only (less the fixed cost): export ÷ the slower baseline",
            f"{decimal_id(export_stream / large_slower)}×"),
        Row("1 GB, streaming part only (less the fixed cost): verify ÷ SHA-256; ÷ BLAKE2b-512",
            f"{decimal_id(verify_stream / large_rates['sha256'])}×; "
            f"{decimal_id(verify_stream / large_rates['blake2b'])}×"),
        Row("SHA-256 printed by export = SHA-256 of the file (taken in the write pass)", "yes" if hash_ok else "no",
            "yes", hash_ok),
    ]
    export_rss = max(r["maxrss_kb"] for case in [fixed, *cases] for r in case.exports) / 1024
    verify_rss = max(r["maxrss_kb"] for case in [fixed, *cases] for r in case.verifies) / 1024
    section.rows += [
        Row("export peak RSS (either size)", f"{export_rss:.0f} MB", f"< {RSS_TARGET_MB} MB", export_rss < RSS_TARGET_MB),
        Row("verify peak RSS (either size)", f"{verify_rss:.0f} MB", f"< {RSS_TARGET_MB} MB", verify_rss < RSS_TARGET_MB),
    ]
    section.notes += [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} (rerun alone: `bench.run package`) on a 2-core machine shared "
        f"with other builds, so absolute times vary from run to run; both sizes and every baseline take turns, "
        f"best of {REPEATS} each, warm page cache. Evidence files of {FILE_MB} MB added to the demo's: "
        + "; ".join(f"{case.total / mb:.0f} MB in all, package {case.size / mb:.0f} MB" for case in cases) + ".",
        "Absolute rates, best of each: " + "; ".join(rates_text) + ".",
        "What each figure includes. Export and verify are the whole CLI commands, timed from process start to "
        "exit: Python start and imports, store open, for export the Argon2id decryption of the office key "
        f"(64 MiB by design; {decimal_id(argon2)} s alone in this run, run in a thread while the package is written) "
        "and the printed SHA-256 (taken in the write pass, no second read). SHA-256 and BLAKE2b-512 are "
        "in-process reads of files already in the page cache; the durable copy writes and fsyncs each evidence "
        "file. Rates are bytes of evidence (export) or of the package (verify) per second. The fixed cost is "
        "the same command on the demo package with no evidence added; the streaming part is the 1 GB "
        "command's time less that.",
        "Why verify cannot reach 0,7× SHA-256: format 2 signs the whole file with minisign, whose prehash is "
        "BLAKE2b-512, one sequential stream that no thread can split and that runs at about half the speed of "
        "OpenSSL's SHA-256 here. Verify runs it on one thread and each entry's SHA-256 and CRC-32 on another, "
        "so on an idle machine it approaches BLAKE2b-512 of the file (verify ÷ BLAKE2b-512 → 1×); changing the "
        "prehash would be a new format. The 0,7× SHA-256 target is kept above, unmet, as stated by the issue.",
        "Export hashes every byte four ways (each blob's SHA-256 against the store, CRC-32, the file's "
        "BLAKE2b-512 for the signature and its SHA-256 that is printed and recorded) on three threads beside "
        "the writing one, and starts writing the file to disk while it is still written; on 2 cores that "
        "hashing, not the disk, sets its pace, and at 200 MB the fixed cost weighs as much as the bytes.",
        f"Peak RSS of a child that only opens the store: {_maxrss_kb(idle.stdout) / 1024:.0f} MB. Export's peak "
        "includes the Argon2id key decryption; evidence is streamed in 1 MiB chunks through 12 reused buffers, "
        "so the peak does not grow with evidence size.",
        "Earlier figures against coreutils `sha256sum` (kept for reference only; `sha256sum` is far slower than "
        "OpenSSL, so they flattered us, and they left out key decryption and the CLI's second read for the "
        "printed hash): export 0,83×, verify 1,21× (format 1: 1,44×, 2,23×). Before the hashing threads "
        "(2026-12-05 02:10, 200 MB): export 0,26×, verify 0,21× SHA-256.",
    ]
    return section


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="merit-bench-package-") as directory:
        print(run(Path(directory)).markdown())
