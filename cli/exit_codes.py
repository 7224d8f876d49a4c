"""The exit codes of ``python main.py VERB``, by name (listed in the ``cli`` docstring and the README).

Its own module, importing nothing of the CLI, so every verb module can use it without a cycle.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1  # a negative verdict: an invalid package, a blocked finalize, a rejected or conflicting import
    USAGE = 2  # bad usage or input: the message names the argument, file or folder
    STORE = 3  # the store cannot be used (corrupt, too new)
    INTERNAL = 4  # an unexpected error of ours: one line on stderr, the traceback in the log file
    INTERRUPTED = 130  # Ctrl-C, as shells report a SIGINT
