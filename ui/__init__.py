"""The Qt layer of Merit Luring: widgets, dialogs, item models and background workers.

Thin by rule: every decision about data lives in :mod:`models`; this package only shows it
and forwards the user's changes to :class:`models.store.Store` (see ``ui/autosave.py``).
"""
