"""Merit Luring entry point: ``python main.py`` opens the window; ``python main.py VERB`` runs headless.

Only the chosen face is imported: the window never pays for the CLI's imports, nor a verb for Qt.
"""

from __future__ import annotations

import sys

# Options of the window (ui/app.py and Qt's own) whose value is the next word, so that
# word is not taken for a verb: ``main.py --data-dir D`` and ``main.py -platform offscreen``.
WINDOW_OPTIONS_WITH_VALUE = frozenset({
    "--data-dir", "--lang",
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-style", "-stylesheet",
    "-qwindowgeometry", "-qwindowtitle", "-qwindowicon", "-display", "-geometry", "-session",
})
# Asked of the CLI even without a verb: it is the one that knows the verbs and the version.
CLI_OPTIONS = frozenset({"-h", "--help", "--version"})


def wants_window(argv: list[str]) -> bool:
    """True for a bare ``main.py`` (options allowed); any other first word is a verb for the CLI."""
    words = iter(argv)
    for word in words:
        if word in CLI_OPTIONS:
            return False
        if word in WINDOW_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--self-test":
        return self_test()
    from models.paths import package_to_open

    if wants_window(argv) or package_to_open(argv) is not None:
        from ui.app import run_gui

        return run_gui(argv)
    from cli import run

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
