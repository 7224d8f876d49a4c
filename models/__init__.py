"""Merit Luring headless core: instrument, scoring, store, evidence, packages.

Nothing in this package may import PySide6 or ``ui`` (enforced by a test), so the
whole core runs headless from ``python main.py VERB`` and from tests.
"""

APP_NAME = "Merit Luring"
APP_ID = "MeritLuring"
__version__ = "0.1.0"
