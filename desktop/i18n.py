"""One translation entry point for core and UI: `_()` looks English source text up in the Qt .ts catalogues."""
from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.core.paths import resource_root

LANGUAGES = ("ru", "en")

_language = "en"
_catalog: dict[str, str] = {}


def catalog_dir() -> Path:
    return resource_root() / "resources" / "i18n"


def load_catalog(lang: str) -> dict[str, str]:
    """Every source -> translation pair of the .ts files in resources/i18n/<lang>/."""
    pairs: dict[str, str] = {}
    folder = catalog_dir() / lang
    if not folder.is_dir():
        return pairs
    for path in sorted(folder.glob("*.ts")):
        root = ET.parse(path).getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            pairs[source] = translation.text
    return pairs


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    code = locale.getlocale()[0] or ""
    return "ru" if code.lower().startswith("ru") else "en"


def set_language(lang: str) -> str:
    """Switch the language ("ru", "en" or "auto"); returns the one in force."""
    global _language, _catalog
    if lang not in LANGUAGES:
        lang = system_language()
    _language = lang
    _catalog = load_catalog(lang) if lang != "en" else {}
    return lang


def language() -> str:
    return _language


def _(text: str) -> str:
    """The UI-language form of an English source string."""
    return _catalog.get(text, text)


def pick(value: str | dict | None) -> str:
    """A localized value from a file: either plain text or {"ru": ..., "en": ...}."""
    if isinstance(value, dict):
        return str(value.get(_language) or value.get("en") or value.get("ru") or next(iter(value.values()), ""))
    return "" if value is None else str(value)
