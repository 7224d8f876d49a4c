"""The few colours that carry meaning, in one place: success is green, an error red, a
notice (a change just made, with its undo) a calm yellow. Text never relies on colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

SUCCESS_STYLE = "color: #1e6b30; background: #e6f4ea; border: 1px solid #a8d5b5; border-radius: 3px; padding: 4px;"
ERROR_STYLE = "color: #8c1d18; background: #fce8e6; border: 1px solid #f1b0aa; border-radius: 3px; padding: 4px;"
NOTICE_STYLE = "color: #3c3c3c; background: #fff4ce; border: 1px solid #e0c36b; border-radius: 3px; padding: 2px 6px;"
DEMO_STYLE = "color: #ffffff; background: #8a4baf; padding: 3px 8px; font-weight: bold;"

SUCCESS, ERROR, PROGRESS = "success", "error", "progress"


def show_status(label: QLabel, text: str, kind: str) -> None:
    """A status line: ``SUCCESS`` green, ``ERROR`` red, ``PROGRESS`` plain (work under way)."""
    label.setText(text)
    label.setProperty("error", kind == ERROR)
    label.setProperty("kind", kind)
    label.setStyleSheet({SUCCESS: SUCCESS_STYLE, ERROR: ERROR_STYLE}.get(kind, ""))
