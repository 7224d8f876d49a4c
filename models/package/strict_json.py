"""Strict JSON for the manifest and the certificate (``docs/package-format.md`` §3.1):
RFC 8259 text that every JSON reader reads the same way, or a stable reason code.

Two readers must never see different values in one signed text, so what RFC 8259 leaves
open is refused: duplicate member names (Python keeps the last, others the first),
``NaN``/``Infinity`` (not JSON), numbers outside IEEE double or 64-bit integers (other
languages round them), and nesting beyond ``MAX_DEPTH`` (a recursion bomb).
"""

from __future__ import annotations

import json
import math

from models import texts

MAX_DEPTH = 16
INT_MIN, INT_MAX = -(2**63), 2**64 - 1
MAX_NUMBER_CHARS = 32

# reason code -> sentence (Bahasa Indonesia), merged into models.package.format.REASONS.
JSON_REASONS = texts.JSON_REASONS  # the sentences live in the one catalogue, models/texts.py


class StrictJSONError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{JSON_REASONS[reason]} ({detail})")
        self.reason = reason
        self.detail = detail
        self.code = texts.reason_code("package", reason)
        self.params: dict = {}


def _pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise StrictJSONError("json_duplicate_key", f"anggota {key[:60]!r}")
        result[key] = value
    return result


def _constant(name):
    raise StrictJSONError("json_not_finite", name)


def _integer(text: str) -> int:
    # Judged on the text first: int() of 5000 digits is refused by Python itself.
    if len(text) > MAX_NUMBER_CHARS:
        raise StrictJSONError("json_integer_range", f"{text[:20]}… ({len(text)} digit)")
    value = int(text)
    if not INT_MIN <= value <= INT_MAX:
        raise StrictJSONError("json_integer_range", text)
    return value


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise StrictJSONError("json_integer_range", f"{text[:20]}… ({len(text)} karakter)")
    value = float(text)
    if not math.isfinite(value):
        raise StrictJSONError("json_not_finite", text)
    return value


def _depth_ok(value, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return True


def loads_strict(data: bytes | str, max_depth: int = MAX_DEPTH):
    """Parse JSON strictly; raises ``StrictJSONError`` with a reason of ``JSON_REASONS``."""
    try:
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    except UnicodeDecodeError as exc:
        raise StrictJSONError("json_invalid", f"bukan UTF-8: {exc.reason}") from None
    if text.startswith("\ufeff"):
        raise StrictJSONError("json_invalid", "diawali BOM")
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer,
                           parse_float=_float)
    except StrictJSONError:
        raise
    except RecursionError:
        raise StrictJSONError("json_too_deep", f"lebih dari {max_depth} tingkat") from None
    except (json.JSONDecodeError, ValueError) as exc:
        raise StrictJSONError("json_invalid", str(exc)[:200]) from None
    if not _depth_ok(value, max_depth):
        raise StrictJSONError("json_too_deep", f"lebih dari {max_depth} tingkat")
    return value
