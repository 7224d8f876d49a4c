"""The name rules of a package, one place for writer and reader (no Qt): entry names that
mean the same file on Windows, macOS and Linux, the safe entry name made from an office's
original file name, and the checks on the original name kept as display-only text.

Specified in ``docs/package-format.md`` §2.2.
"""

from __future__ import annotations

import re
import unicodedata

from models.evidence_viewer import plan_evidence_view

# Device names Windows reserves in every folder, with or without an extension ("aux.txt").
RESERVED_STEMS = frozenset(["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
                           + [f"COM{n}" for n in range(1, 10)] + [f"LPT{n}" for n in range(1, 10)]
                           + ["COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"])
COMPONENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
MAX_ITEM_COMPONENT = 32
MAX_FILE_COMPONENT = 128
MAX_ENTRY_NAME = 200
MAX_DISPLAY_NAME = 255  # characters of an original file name (NTFS, ext4 and APFS allow 255)
# Bidirectional controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C): "rapor\u202Efdp.exe".
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def component_problem(part: str, limit: int) -> str | None:
    """Why ``part`` cannot be one component of an entry name, or None."""
    if not part or len(part) > limit:
        return "panjang"
    if not COMPONENT.fullmatch(part):
        return "karakter"
    if part.endswith((".", " ")):
        return "titik/spasi di akhir"
    if part.split(".", 1)[0].upper() in RESERVED_STEMS:
        return "nama perangkat Windows"
    return None


def entry_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be an evidence entry name (``evidence/<item>/<file>``), or None."""
    parts = name.split("/")
    if len(name) > MAX_ENTRY_NAME or len(parts) != 3 or parts[0] != "evidence":
        return "bentuk"
    return (component_problem(parts[1], MAX_ITEM_COMPONENT)
            or component_problem(parts[2], MAX_FILE_COMPONENT))


def fold(name: str) -> str:
    """The key two names collide on (case-insensitive file systems, NFC/NFD)."""
    return unicodedata.normalize("NFC", name).casefold()


def safe_component(text: str, limit: int) -> str:
    """A valid component made from any text: ASCII letters, digits and ``._-``, no
    reserved device name, no trailing dot (so it names the same file on every OS)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_text).strip("._-") or "berkas"
    if len(cleaned) > limit:
        stem, dot, ext = cleaned.rpartition(".")
        ext = ext[:10] if dot and stem else ""
        cleaned = cleaned[: limit - len(ext) - 1].rstrip("._-") + ("." + ext if ext else "")
    cleaned = cleaned.rstrip(".")
    if cleaned.split(".", 1)[0].upper() in RESERVED_STEMS:
        cleaned = "_" + cleaned[: limit - 1]
    return cleaned


def evidence_entry_name(item_id: str, position: int, original_name: str) -> str:
    return (f"evidence/{safe_component(item_id, MAX_ITEM_COMPONENT)}/"
            f"{position:03d}-{safe_component(original_name, MAX_FILE_COMPONENT - 4)}")


def display_name_problem(text: object) -> str | None:
    """Why an evidence ``original_name`` (display-only) is not acceptable text, or None.

    It is shown to people and suggests a name when saving a copy, never opened as is:
    no control or bidirectional characters (they hide an ``.exe`` behind ``.pdf``), no
    path separators, at most ``MAX_DISPLAY_NAME`` characters."""
    if not isinstance(text, str) or not text.strip():
        return "kosong"
    if len(text) > MAX_DISPLAY_NAME:
        return "terlalu panjang"
    for char in text:
        if char in BIDI or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return f"karakter kendali U+{ord(char):04X}"
    if "/" in text or "\\" in text:
        return "pemisah folder"
    return None


def display_name_safe(text: str) -> str:
    """``text`` with what ``display_name_problem`` refuses removed (the writer's side)."""
    kept = "".join("_" if c in "/\\" else c for c in text
                   if c not in BIDI and unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
    return kept.strip()[:MAX_DISPLAY_NAME] or "berkas"


def viewer_file_name(original_name: str) -> str:
    """The file name a temp copy gets before the system opener sees it. One decision with
    the evidence viewer (``models.evidence_viewer.plan_evidence_view``): the original name
    made valid on Windows, kept when its extension is a document kind, else given the
    neutral ``.bukti`` extension (so ``rapor.pdf.bat``, a ``.lnk`` or a right-to-left
    override never runs anything, and only the folder is opened)."""
    return plan_evidence_view(original_name).copy_name
