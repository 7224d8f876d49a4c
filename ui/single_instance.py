"""One window per data folder, and a second start brings it forward.

The data folder's lock (``models.lock``) decides who owns the folder. The owner's window also
listens on a local socket named after the folder (:class:`ActivationServer`); a second GUI
started on the same folder, refused by the lock, asks that window to come forward
(:func:`activate_running_instance`) and exits quietly. Only when no window answers (an older
version, a CLI verb holding the folder) does it say "sudah terbuka" as before.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models import APP_ID

log = logging.getLogger("merit.ui")

MESSAGE = b"activate\n"
WAIT_MS = 1000  # the second start waits this long for the first window
READ_MS = 200  # the first window waits this long for the second start's message


def server_name(data_dir) -> str:
    """The socket's name: the same for every spelling of one folder, short enough for every OS."""
    try:
        folder = str(Path(data_dir).resolve())
    except OSError:
        folder = str(Path(data_dir).absolute())
    digest = hashlib.sha256(folder.casefold().encode("utf-8")).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


class ActivationServer(QObject):
    """Listens for a second start on the same folder; ``activationRequested`` each time."""

    activationRequested = Signal()

    def __init__(self, data_dir, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = None  # made by listen(): QtNetwork loads after the window has painted

    def listen(self) -> bool:
        """Start listening (we hold the folder's lock, so a leftover socket file is stale)."""
        if self.server is not None and self.server.isListening():
            return True
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_new_connection)
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.warning("Single-instance server not listening: %s", self.server.errorString())
            return False
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _on_new_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            # the caller writes at once and waits for us: a short blocking read, no per-socket slots
            if socket.bytesAvailable() or socket.waitForReadyRead(READ_MS):
                asked = bytes(socket.readAll().data()).startswith(MESSAGE.strip())
            else:
                asked = False
            socket.abort()
            socket.deleteLater()
            if asked:
                self.activationRequested.emit()


def bring_forward(window) -> None:
    """Show ``window`` in front (restored if minimised)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def activate_running_instance(data_dir, wait_ms: int = WAIT_MS) -> bool:
    """Ask the window that owns ``data_dir`` to come forward; True when it was asked."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(wait_ms):
        return False
    socket.write(MESSAGE)
    written = socket.waitForBytesWritten(wait_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(wait_ms)
    return written
