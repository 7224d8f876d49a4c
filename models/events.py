"""Plain listeners for the Qt-free models (napari's habit: the model emits, the view listens).

A GUI adapter turns the events into Qt signals; the CLI and tests subscribe directly.
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str, object], None]


class EventSource:
    """``subscribe(listener)``; ``listener(event, payload)`` on every ``_emit``."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(event, payload)`` on every change; returns the unsubscribe call."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: str, payload: object = None) -> None:
        for listener in list(self._listeners):
            listener(event, payload)
