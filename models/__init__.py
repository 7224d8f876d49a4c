"""Merit Luring headless core: instrument, scoring, store, evidence, packages.

Nothing in this package may import PySide6 or ``ui`` (enforced by a test), so the
whole core runs headless from ``python main.py VERB`` and from tests.
"""

APP_NAME = "Merit Luring"
APP_ID = "MeritLuring"
__version__ = "0.1.0"

# Details of failures are logged under "merit"; until the application sets up its log file,
# they must go nowhere rather than to a person's terminal (Python's last-resort handler).
import logging as _logging  # noqa: E402

_logging.getLogger("merit").addHandler(_logging.NullHandler())
