"""Printed documents: Qt painting without widgets (QtGui/QtCore only), shared by both faces.

The GUI (print preview) and the CLI verbs render the same PDF report, Berita Acara and
charts through this package. It may import ``models``; it never imports ``QtWidgets``,
``ui`` or the CLI (``tests/test_layering.py``).
"""
