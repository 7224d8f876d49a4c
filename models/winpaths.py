"""Windows file-name rules, checked the same on every OS (``ntpath``, ``PureWindowsPath``).

Offices run Merit Luring on Windows, but names come from users and from packages made on
other machines: an evidence file called ``CON.pdf``, ``laporan. `` or ``a:b``, or a path
that outgrows Windows' 260-character limit, fails there only. Everything that turns such
data into a file name goes through ``windows_safe_name``; ``windows_name_problem`` and
``windows_path_problem`` say, in words, why a name or path would fail.
"""

from __future__ import annotations

import ntpath
import re
import unicodedata
from pathlib import PureWindowsPath

# Device names Windows reserves in every folder, with or without an extension ("CON.txt").
WINDOWS_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
WINDOWS_FORBIDDEN_CHARACTERS = frozenset('<>:"/\\|?*')
# MAX_PATH: the longest path (drive, folders, name) classic Win32 programs and Explorer accept,
# including the terminating NUL, so 259 visible characters.
WINDOWS_MAX_PATH = 260
# Bidirectional controls turn "x\u202efdp.exe" into what reads as "xexe.pdf": never in a name.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_control(char: str) -> bool:
    return ord(char) < 32 or char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cf")


def windows_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be one file or folder name on Windows, or None if it can."""
    if not name:
        return "nama kosong"
    if name in (".", ".."):
        return "nama khusus . atau .."
    bad = sorted({char for char in name if char in WINDOWS_FORBIDDEN_CHARACTERS or _is_control(char)})
    if bad:
        return "berisi karakter terlarang " + " ".join(repr(char) for char in bad)
    if name[-1] in ". ":
        return "diakhiri titik atau spasi"
    if name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED_NAMES:
        return f"nama perangkat yang dicadangkan Windows ({name.split('.')[0].upper()})"
    if len(name) > 255:
        return "lebih dari 255 karakter"
    return None


def windows_safe_name(name: str, limit: int = 120, fallback: str = "berkas") -> str:
    """``name`` made into a valid Windows file name of at most ``limit`` characters.

    Letters of any script are kept (Windows stores names in Unicode); forbidden and control
    characters become ``_``, bidirectional controls are dropped, trailing dots and spaces go,
    a reserved device name gets a leading ``_``, and a long name is cut keeping its extension.
    """
    # The last component after either separator; a drive ("C:") is not split off, its colon
    # becomes "_" below like any other.
    text = unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1])
    text = "".join(char for char in text if char not in BIDI_CONTROLS)
    text = "".join("_" if char in WINDOWS_FORBIDDEN_CHARACTERS or _is_control(char) else char for char in text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(". ").lstrip(" ")
    if not text or set(text) <= {".", "_", " "}:
        text = fallback
    stem, dot, extension = text.rpartition(".")
    if not dot or not stem:
        stem, extension = text, ""
    # The extension yields to the limit too: at least two characters of stem and the dot remain.
    extension = extension[:min(10, max(0, limit - 3))].rstrip(" ")
    room = limit - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(". ") or fallback[:room]
    if stem.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED_NAMES:
        stem = "_" + stem[: room - 1]
    return f"{stem}.{extension}" if extension else stem


def windows_path_problem(path: str) -> str | None:
    """Why ``path`` (a full path as Windows will see it) is unsafe to use, or None.

    Drive-relative paths (``C:data``) and rooted paths without a drive (``\\data``) depend on
    the current folder of a drive, so the same setting means different folders over time.
    """
    pure = PureWindowsPath(path)
    drive, rest = ntpath.splitdrive(path)
    if drive and not pure.root:
        return f"{path}: relatif terhadap folder aktif drive {drive} (tulis {drive}\\…)"
    if not drive:
        return f"{path}: tidak diawali huruf drive atau \\\\server\\share"
    if len(path) >= WINDOWS_MAX_PATH:
        return f"{path}: {len(path)} karakter, batas Windows {WINDOWS_MAX_PATH - 1}"
    for part in PureWindowsPath(rest).parts[1:]:
        problem = windows_name_problem(part)
        if problem:
            return f"{path}: bagian {part!r} {problem}"
    return None
