"""Merit Luring entry point: ``python main.py`` opens the window; ``python main.py VERB`` runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--self-test":
        return self_test()
    from models.cli import run, verbs

    wants_gui = not any(arg in verbs() or arg in ("-h", "--help", "--version") for arg in argv)
    if wants_gui:
        from ui.app import run_gui

        return run_gui(argv)
    return run(argv)


def self_test() -> int:
    """Headless check of an installed bundle; exit codes in models/selftest.py."""
    from documents.selftest import PDF_STEP
    from models.selftest import console_report, run_self_test
    from ui.selftest_qt import QT_STEP

    # The Qt step first: it makes the QApplication that the PDF step then paints with.
    return run_self_test(console_report(), extra_steps=[QT_STEP, PDF_STEP])


if __name__ == "__main__":
    sys.exit(main())
