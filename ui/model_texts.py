"""Messages built in models/, worded again at the face by their stable code, so the English
UI shows English (issue 12, item 10).

models/ keeps a code and the parameters with every message it builds, and its words are in
the one catalogue ``models.texts.TEXTS``: errors (``models.errors.MeritError``,
``models.texts.CodedError`` such as ``PackageError``, ``models.store.StoreRuleError``: ``code``,
``params``), returned sentences (``models.texts.Said``: a ``str`` with ``code`` and ``params``),
the checklist (``models.validation.ValidationIssue``: ``kind``, ``params``). ``python -m ui.translations update`` copies the catalogue
into the ``models`` context of ``merit_en.ts``; here each template is translated at call time
by that context, so a language switch applies. The CLI prints models' own (Indonesian) words.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from models import errors, store, texts, validation
from models.lifecycle import FinalizeBlocked
from models.texts import Joined, Said
from ui.i18n import date_text

CONTEXT = "models"  # the .ts context the catalogue is copied into


def _fill(template: str, params) -> str:
    return texts.fill(template, params)


def worded(code: str, params: dict | None = None) -> str | None:
    """The catalogue's sentence for ``code`` in the user's language (None for an unknown code);
    a parameter that is itself a :class:`Said` is worded too."""
    template = texts.TEXTS.get(code)
    if template is None:
        return None
    shown = {key: date_text(value) if isinstance(value, date) else said_text(value)
             for key, value in (params or {}).items()}
    return _fill(QCoreApplication.translate(CONTEXT, template), shown)


def said_text(value) -> str:
    """A sentence models/ returned, in the user's language when it carries its code."""
    if isinstance(value, Said):
        return worded(value.code, value.params) or str(value)
    if isinstance(value, Joined):
        return value.sep.join(said_text(part) for part in value)
    return value if isinstance(value, str) else str(value)


def without_detail(said):
    """``said`` without its technical ``detail`` parameter (names, hashes: for the log and the
    CLI), as the GUI words a rejection by its reason."""
    if isinstance(said, Said) and "detail" in said.params:
        return Said(said.code, **{**said.params, "detail": ""})
    return said


def _texts_of(codes) -> dict[str, str]:
    return {code: QCoreApplication.translate(CONTEXT, texts.TEXTS[code]) for code in codes}


def error_texts() -> dict[str, str]:
    """``models.errors.CATALOGUE`` in the user's language (translated at call time)."""
    return _texts_of(errors.CATALOGUE)


def rule_texts() -> dict[str, str]:
    """``models.store.RULE_TEXTS`` in the user's language."""
    return _texts_of(store.RULE_TEXTS)


def issue_texts() -> dict[str, str]:
    """The checklist's sentences by ``ValidationIssue.kind`` (``models.validation``)."""
    kinds = (validation.UNCONFIRMED_GATE, validation.UNANSWERED, validation.NO_EVIDENCE_EXPLAINED,
             validation.NO_EVIDENCE, validation.NOT_REVIEWED, validation.NEEDS_REVIEW)
    return {kind: QCoreApplication.translate(CONTEXT, texts.TEXTS[validation.issue_code(kind)]) for kind in kinds}


def error_text(exc: errors.MeritError) -> str:
    return worded(exc.code, exc.params) or exc.message


def rule_text(exc: store.StoreRuleError) -> str:
    if isinstance(exc, FinalizeBlocked):  # its list of problems, each worded by its kind
        lines = "\n".join(f"- {issue_text(issue)}" for issue in exc.issues)
        return worded(exc.code, {**exc.params, "lines": lines}) or str(exc)
    return worded(getattr(exc, "code", ""), exc.params) or str(exc)


def issue_text(issue: validation.ValidationIssue) -> str:
    template = issue_texts().get(issue.kind)
    if template is None or not issue.params:
        return issue.message
    return _fill(template, validation.shown_params(issue.kind, issue.params))


def model_text(exc: BaseException) -> str | None:
    """The user's-language words for an error models/ built, by its code; None when it has none."""
    if isinstance(exc, errors.MeritError):
        return error_text(exc)
    if isinstance(exc, store.StoreRuleError) and exc.code:
        return rule_text(exc)
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in texts.TEXTS:  # a CodedError, StoreIOError, InstrumentUnavailable
        return worded(code, getattr(exc, "params", None))
    if len(exc.args) == 1 and isinstance(exc.args[0], Said):  # raised with a returned sentence
        return said_text(exc.args[0])
    return None
