"""One translation entry point for core, CLI and UI: gettext over the compiled catalogues (`_`, `ngettext`)."""
from __future__ import annotations

import gettext
import io
import locale
import os
from functools import lru_cache
from pathlib import Path

from desktop.core.paths import resource_root

LANGUAGES = ("ru", "en")
DOMAIN = "wappi-desk"  # the same name as desktop.catalogs.DOMAIN, without importing Babel at start-up

_language = "en"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def catalog_dir() -> Path:
    return resource_root() / "resources" / "i18n"


@lru_cache(maxsize=None)
def translation(lang: str) -> gettext.NullTranslations:
    """The catalogue of one language, independent of the UI language (a reply written in the client's language)."""
    if lang not in LANGUAGES or lang == "en":
        return gettext.NullTranslations()
    localedir = catalog_dir()
    try:
        from desktop import catalogs
    except ImportError:  # a frozen bundle ships only the compiled .mo, without Babel
        catalogs = None
    if catalogs is not None and catalogs.is_stale(localedir, lang):
        # A checkout whose .po files changed after install: compile in memory rather than show stale text.
        return gettext.GNUTranslations(io.BytesIO(catalogs.mo_bytes(localedir, lang)))
    return gettext.translation(DOMAIN, str(localedir), languages=[lang], fallback=True)


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    code = locale.getlocale()[0] or ""
    return "ru" if code.lower().startswith("ru") else "en"


def set_language(lang: str) -> str:
    """Switch the language ("ru", "en" or "auto"); returns the one in force."""
    global _language, _translation
    if lang not in LANGUAGES:
        lang = system_language()
    _language = lang
    _translation = translation(lang)
    return lang


def language() -> str:
    return _language


def _(text: str) -> str:
    """The UI-language form of an English source string."""
    return _translation.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The UI-language form for a count: `ngettext("{n} request", "{n} requests", n).format(n=n)`."""
    return _translation.ngettext(singular, plural, n)


def pick(value: str | dict | None) -> str:
    """A localized value from a file: either plain text or {"ru": ..., "en": ...}."""
    if isinstance(value, dict):
        return str(value.get(_language) or value.get("en") or value.get("ru") or next(iter(value.values()), ""))
    return "" if value is None else str(value)
