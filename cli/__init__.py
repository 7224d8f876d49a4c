"""``python main.py VERB``: everything the core does, headless, with ``--json`` and exit codes.

Exit codes (``cli.exit_codes.ExitCode``):

====  ===========  ============================================================================
   0  OK           success
   1  INVALID      a negative verdict: an invalid package, a blocked finalize, a rejected import
   2  USAGE        bad usage or input: an unknown verb, a missing argument, an unreadable file
                   or a folder that cannot be written (the message names it)
   3  STORE        the store cannot be used (corrupt, too new)
   4  INTERNAL     an unexpected error: one line on stderr, the traceback in the log file
 130  INTERRUPTED  stopped with Ctrl-C
====  ===========  ============================================================================

Each verb module exposes ``register(subparsers)``; the verb's handler returns the code.
"""

from __future__ import annotations

import argparse
import os
import sys

from cli import core, package, province
from cli.exit_codes import ExitCode
from models import __version__

VERB_MODULES = [core, province, package]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Merit Luring: penilaian mandiri Sistem Merit secara luring.",
    )
    parser.add_argument("--version", action="version", version=f"Merit Luring {__version__}")
    parser.add_argument("--data-dir", help="folder data (bawaan: $MERIT_LURING_HOME atau folder data pengguna)")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    for module in VERB_MODULES:
        module.register(subparsers)
    return parser


def verbs() -> set[str]:
    return set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
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
