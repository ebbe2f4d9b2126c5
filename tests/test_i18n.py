"""Every user-facing string of the package has a Russian translation, and placeholders survive translation."""
import re

from desktop.i18n import load_catalog, pick, set_language, _
from tools.i18n_missing import literals, missing


def test_every_string_is_translated_to_russian():
    gaps = missing("ru")
    assert not gaps, "strings with no Russian translation (run python tools/i18n_missing.py):\n" + "\n".join(
        f"{where}: {text}" for text, where in gaps.items()
    )


def test_translations_keep_their_placeholders():
    catalog = load_catalog("ru")
    for source in literals():
        if source in catalog:
            assert set(re.findall(r"\{\w*\}", source)) == set(re.findall(r"\{\w*\}", catalog[source])), source


def test_switching_language_switches_text():
    set_language("ru")
    assert _("Send") == "Отправить"
    assert pick({"ru": "Статус", "en": "Status"}) == "Статус"
    set_language("en")
    assert _("Send") == "Send"
