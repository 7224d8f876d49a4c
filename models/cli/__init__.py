"""``python main.py VERB``: everything the core does, headless, with ``--json`` and exit codes.

Exit codes: 0 success; 1 a negative verdict (e.g. an invalid package); 2 bad usage or
input (the message names what is wrong); 3 the store cannot be used (corrupt, too new).
Each verb module exposes ``register(subparsers)``; the verb's handler returns the code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from models import __version__
from models.cli import core

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_STORE = 3

VERB_MODULES = [core]
VERB_MODULES.append(importlib.import_module("models.cli.province"))
VERB_MODULES.append(importlib.import_module("models.cli.package"))
VERB_MODULES.append(importlib.import_module("models.cli.reports"))


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
        return EXIT_USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``... --json | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
