"""Every user-facing string has a Russian translation, placeholders survive, plurals follow each language's rule."""
import re
from pathlib import Path

import pytest

from desktop import catalogs
from desktop.i18n import _, catalog_dir, ngettext, pick, set_language, translation

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


def test_every_string_is_translated_to_russian():
    gaps = catalogs.missing(catalog_dir(), PACKAGE, "ru")
    assert not gaps, "texts with no Russian translation (run python tools/i18n_missing.py):\n" + "\n".join(
        f"{where}: {text}" for text, where in gaps.items()
    )


def test_catalogues_agree_with_each_other():
    catalogs.merged(catalog_dir(), "ru")  # raises CatalogError when two areas translate one text differently


def test_translations_keep_their_placeholders():
    for message in catalogs.merged(catalog_dir(), "ru"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{\w*\}", sources[-1]))
        for target in targets:
            assert set(re.findall(r"\{\w*\}", target)) <= wanted | set(re.findall(r"\{\w*\}", sources[0])), message.id
            assert wanted - {"{n}"} <= set(re.findall(r"\{\w*\}", target)), message.id


def test_switching_language_switches_text():
    set_language("ru")
    assert _("Send") == "Отправить"
    assert pick({"ru": "Статус", "en": "Status"}) == "Статус"
    set_language("en")
    assert _("Send") == "Send"


def test_a_language_can_be_used_without_switching_the_ui():
    set_language("en")
    assert translation("ru").gettext("Send") == "Отправить"
    assert _("Send") == "Send"


@pytest.mark.parametrize(
    "n, russian",
    [
        (1, "В «A» импортирован 1 запрос."), (2, "В «A» импортировано 2 запроса."), (5, "В «A» импортировано 5 запросов."),
        (11, "В «A» импортировано 11 запросов."), (21, "В «A» импортирован 21 запрос."), (22, "В «A» импортировано 22 запроса."),
    ],
)
def test_russian_plural_forms(n, russian):
    set_language("ru")
    assert ngettext("{count} request imported into «{client}».", "{count} requests imported into «{client}».", n).format(count=n, client="A") == russian


@pytest.mark.parametrize("n, english", [(0, "0 requests imported into «A»."), (1, "1 request imported into «A»."), (21, "21 requests imported into «A».")])
def test_english_plural_forms(n, english):
    set_language("en")
    assert ngettext("{count} request imported into «{client}».", "{count} requests imported into «{client}».", n).format(count=n, client="A") == english


def test_stale_catalogue_is_compiled_in_memory(tmp_path, monkeypatch):
    folder = tmp_path / "resources" / "i18n" / "ru"
    folder.mkdir(parents=True)
    (folder / "x.po").write_text('msgid "Send"\nmsgstr "Пуск"\n', encoding="utf-8")
    monkeypatch.setenv("WAPPI_DESK_RESOURCES", str(tmp_path))
    translation.cache_clear()
    try:
        assert translation("ru").gettext("Send") == "Пуск"
    finally:
        monkeypatch.undo()
        translation.cache_clear()
