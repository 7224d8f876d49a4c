"""``python main.py VERB``: everything the core does, headless, with ``--json`` and exit codes.

Exit codes (``cli.exit_codes.ExitCode``):

====  ===========  ============================================================================
   0  OK           success
   1  INVALID      a negative verdict: an invalid package, a blocked finalize, an import with a
                   rejected or conflicting file
   2  USAGE        bad usage or input: an unknown verb, a missing argument, an unreadable file
                   or a folder that cannot be written (the message names it)
   3  STORE        the store cannot be used (corrupt, too new)
   4  INTERNAL     an unexpected error: one line on stderr, the traceback in the log file
 130  INTERRUPTED  stopped with Ctrl-C
====  ===========  ============================================================================

Each verb module exposes ``register(subparsers)``; the verb's handler returns the code.
A verb imports only its own module (``VERBS``): ``verify`` does not pay for the report's or
the review's imports, and ``--help`` without a verb registers them all.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from cli.common import data_dir_of, fail, os_error_message
from cli.exit_codes import ExitCode
from models import __version__, logs

# The module (under cli/) that registers each verb, in the order --help lists them
# (tests/test_cli.py checks this against what the modules register).
VERBS = {
    **dict.fromkeys(["instrument", "score", "demo", "history", "backup", "restore"], "core"),
    **dict.fromkeys(["answer", "gate", "evidence", "check", "settings"], "assessment"),
    **dict.fromkeys(["province", "import", "consolidate"], "province"),
    **dict.fromkeys(["keys", "enrol", "finalize", "reopen", "export", "verify", "inspect"], "package"),
    **dict.fromkeys(["report", "berita-acara", "worksheet", "plan", "new-year", "reviewed"], "reports"),
    **dict.fromkeys(["review", "receipt", "import-result"], "review"),
}
VERB_MODULES = list(dict.fromkeys(VERBS.values()))


class _Parser(argparse.ArgumentParser):
    """argparse's parser, ending a usage error with the named exit code."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: galat: {message}\n")


def build_parser(verb: str | None = None) -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser of ``verb`` (of every verb when None or unknown), and every verb's name."""
    parser = _Parser(
        prog="main.py",
        description="Merit Luring: penilaian mandiri Sistem Merit secara luring.",
    )
    parser.add_argument("--version", action="version", version=f"Merit Luring {__version__}")
    parser.add_argument("--data-dir", help="folder data (bawaan: $MERIT_LURING_HOME atau folder data pengguna)")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    for name in [VERBS[verb]] if verb in VERBS else VERB_MODULES:
        importlib.import_module(f"cli.{name}").register(subparsers)
    return parser, list(VERBS)


def _first_word(argv: list[str]) -> str | None:
    """The verb the command line names (the first word that is no option), if any."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def run(argv: list[str]) -> int:
    verb = _first_word(argv)
    parser, known = build_parser(verb)
    unknown = verb if verb is not None and verb not in known else None
    if unknown is not None:
        parser.print_usage(sys.stderr)
        fail(f"perintah tidak dikenal: '{unknown}'. Perintah yang ada: {', '.join(known)} (lihat 'main.py --help').")
        return ExitCode.USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed --help, --version or the usage error
        return ExitCode.OK if not exc.code else ExitCode.USAGE
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``... --json | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except OSError as exc:
        message = os_error_message(exc)
        if message is None:
            return _unexpected_error(args, argv)
        if _start_log(args):
            logs.app_logger().info("main.py %s: %s", " ".join(argv), exc)  # the OS's own words, for whoever helps
        fail(message)
        return ExitCode.USAGE
    except Exception:
        return _unexpected_error(args, argv)


def _start_log(args) -> Path | None:
    """The log file of the data folder ``args`` name, started now; None when none can be written."""
    try:
        return logs.start_log_file(data_dir_of(args))
    except Exception:  # the log is there to explain an error, never to add one
        return None


def _unexpected_error(args, argv: list[str]) -> ExitCode:
    """One plain line for the user; the traceback goes to the log file, never to the terminal."""
    error = sys.exc_info()[1]
    log_file = _start_log(args)
    if log_file:
        logs.app_logger().exception("Galat tak terduga: main.py %s", " ".join(argv))
        print(f"Galat tak terduga; rinciannya dicatat di {log_file}", file=sys.stderr)
    else:
        print(f"Galat tak terduga ({type(error).__name__}: {error}); rinciannya tidak dapat dicatat",
              file=sys.stderr)
    return ExitCode.INTERNAL
