"""UI language: Bahasa Indonesia is the source language, English ships as a translation.

Qt ships no Indonesian translation of its own standard buttons (OK, Cancel, Yes, ...), so
``resources/translations/qtbase_id.qm`` (ours) supplies them. ``python -m ui.translations
update`` regenerates both catalogues.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from models import APP_ID
from models.formatting import MONTHS_EN, MONTHS_ID, date_id
from models.paths import resource_path

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_KEY = "ui/language"
TRANSLATIONS_DIR = "translations"
# Per language: the catalogues to install, in order.
CATALOGUES = {"id": ("qtbase_id",), "en": ("merit_en",)}
LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def app_settings() -> QSettings:
    """The per-user UI settings: always an INI file (never the Windows registry), named
    independently of the QApplication's organisation and application names."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID)


def saved_language() -> str:
    value = app_settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"bahasa tidak dikenal: '{language}'")
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def install_translations(app: QApplication, language: str = DEFAULT_LANGUAGE) -> None:
    """Replace the installed catalogues with those of ``language`` ("id" or "en")."""
    global _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    directory = str(resource_path(TRANSLATIONS_DIR))
    for name in CATALOGUES[language]:
        translator = QTranslator(app)
        # A missing catalogue falls back to the source texts rather than failing to start.
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(LOCALES[language])
    _language = language


def current_language() -> str:
    return _language


def month_names() -> tuple[str, ...]:
    """The month names of the window's language (for ``date_id`` off the GUI thread)."""
    return MONTHS_EN if _language == "en" else MONTHS_ID


def date_text(moment: datetime | date, with_time: bool = True) -> str:
    """A date on screen in the one format, with the month in the window's language."""
    return date_id(moment, with_time, month_names())
