"""What "open this evidence" may hand to the system opener: a document, never a program.

Evidence names come from users and, in province mode, from packages made elsewhere. The
system opener (Windows' ShellExecute, ``xdg-open``) *runs* ``.exe``, ``.bat``, ``.lnk``,
``.js``, ``.hta``, ``.msi`` … files. So the copy made for viewing gets a name of our own
making, and it is opened directly only when its extension is one of the document types
below; anything else is copied under a neutral extension and its folder is opened instead,
so the user sees the file but nothing runs by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.winpaths import windows_safe_name

# Documents, images and plain data an office attaches as evidence.
VIEWABLE_EXTENSIONS = frozenset({
    "pdf", "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
    "txt", "csv", "rtf",
})
# Appended to a copy that must not be opened directly: no program is registered for it.
NEUTRAL_EXTENSION = "bukti"


@dataclass(frozen=True)
class EvidenceView:
    """How to show one evidence file: its temp copy's file name, and whether to open that
    copy (``open_folder`` False) or only the folder holding it (True)."""

    copy_name: str
    open_folder: bool


def extension_of(name: str) -> str:
    """The lower-case extension Windows would act on ("" for none)."""
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def plan_evidence_view(original_name: str) -> EvidenceView:
    """The copy name and what to open for evidence stored as ``original_name``."""
    name = windows_safe_name(original_name, limit=120, fallback="bukti")
    if extension_of(name) in VIEWABLE_EXTENSIONS:
        return EvidenceView(copy_name=name, open_folder=False)
    return EvidenceView(copy_name=f"{windows_safe_name(name, limit=110)}.{NEUTRAL_EXTENSION}", open_folder=True)
