"""Reading the JSON answer file of ``main.py score`` safely.

The file comes from anyone: it is capped in size before it is read whole, a key given
twice is refused (JSON would silently keep the last one), a UTF-8 byte-order mark (what
Notepad writes) is accepted, and every message is in Bahasa Indonesia and quotes at most
a short prefix of a bad value.
"""

from __future__ import annotations

import json
from pathlib import Path

from models.formatting import quote_short

MAX_ANSWER_FILE_BYTES = 1024 * 1024  # 31 items need a few kB; 1 MB leaves room for any real file
ANSWER_FILE_KEYS = {"instrument", "gates", "answers", "survey", "correction"}

# json's own messages are English; the common ones in the user's language.
_JSON_MESSAGES = {
    "Expecting value": "nilai diharapkan",
    "Expecting property name enclosed in double quotes": "nama kunci harus diapit tanda kutip ganda",
    "Expecting ',' delimiter": "tanda koma diharapkan",
    "Expecting ':' delimiter": "tanda titik dua diharapkan",
    "Unterminated string starting at": "teks tidak ditutup",
    "Invalid control character at": "karakter kendali tidak sah",
    "Extra data": "ada data setelah akhir JSON",
    "Invalid \\escape": "urutan escape tidak sah",
}


class AnswerFileError(ValueError):
    """The answer file cannot be used; the message names the file and the problem."""


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _json_message(message: str) -> str:
    return _JSON_MESSAGES.get(message, message)


def read_answer_file(path: Path, limit: int = MAX_ANSWER_FILE_BYTES) -> dict:
    """The answer file's object; raises AnswerFileError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise AnswerFileError(f"{path}: berkas terlalu besar ({size} bita; batas {limit} bita)")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat
    except OSError as exc:
        raise AnswerFileError(f"{path}: tidak dapat dibaca ({exc.strerror})") from exc
    if len(data) > limit:
        raise AnswerFileError(f"{path}: berkas terlalu besar (lebih dari {limit} bita)")
    try:
        text = data.decode("utf-8-sig")  # a BOM at the start is accepted and dropped
    except UnicodeDecodeError as exc:
        raise AnswerFileError(f"{path}: bukan teks UTF-8 (bita ke-{exc.start})") from exc
    try:
        parsed = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        raise AnswerFileError(f"{path}: kunci {quote_short(exc.key)} muncul dua kali") from None
    except json.JSONDecodeError as exc:
        raise AnswerFileError(f"{path}: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}: "
                              f"{_json_message(exc.msg)})") from None
    except RecursionError:
        raise AnswerFileError(f"{path}: bukan JSON yang sah (bersarang terlalu dalam)") from None
    return check_answer_data(parsed, str(path))


def check_answer_data(data: object, origin: str) -> dict:
    if not isinstance(data, dict):
        raise AnswerFileError(f"{origin}: isi harus objek JSON")
    unknown = sorted(set(data) - ANSWER_FILE_KEYS)
    if unknown:
        shown = ", ".join(quote_short(key) for key in unknown[:5])
        raise AnswerFileError(f"{origin}: kunci tidak dikenal: {shown}")
    if "instrument" not in data:
        raise AnswerFileError(f"{origin}: kunci 'instrument' wajib ada")
    for key, kind in (("instrument", str), ("gates", dict), ("answers", dict)):
        if key in data and not isinstance(data[key], kind):
            raise AnswerFileError(f"{origin}: '{key}' harus {'teks' if kind is str else 'objek'}")
    return data
