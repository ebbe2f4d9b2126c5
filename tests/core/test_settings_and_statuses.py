"""Settings survive damage; every status code the course lists has a plain meaning in both languages."""
import pytest

from desktop.core.settings import Settings
from desktop.core.statuses import meaning, status_class
from desktop.i18n import set_language

COURSE_CODES = (200, 400, 401, 403, 404, 405, 429, 500, 502, 503, 504)


def test_settings_round_trip_and_damage(tmp_path):
    Settings(language="ru", timeout_s=12).save(tmp_path)
    assert Settings.load(tmp_path).timeout_s == 12
    (tmp_path / "settings.json").write_text("{broken")
    assert Settings.load(tmp_path) == Settings()


def test_each_course_code_has_its_own_meaning_in_english_and_russian():
    english = {code: meaning(code) for code in COURSE_CODES}
    assert len(set(english.values())) == len(COURSE_CODES)
    set_language("ru")
    russian = {code: meaning(code) for code in COURSE_CODES}
    for code in COURSE_CODES:
        assert russian[code] != english[code], code
        assert any("а" <= ch <= "я" for ch in russian[code].lower())
    assert "токен" in russian[401].lower()
    assert "profile_id" in russian[404]


def test_status_classes():
    assert [status_class(c) for c in (200, 302, 404, 503)] == ["success", "redirect", "client-error", "server-error"]


def test_a_hostile_settings_file_gives_usable_values(tmp_path):
    import math

    from desktop.core.settings import Settings
    from tests.core.hostile import variants

    good = {"schema_version": 1, "language": "ru", "timeout_s": 30.0, "max_body_mb": 100, "preview_limit_mb": 2,
            "active_environment": "Sandbox", "max_file_mb": 16, "data_folder": ""}
    for label, raw in variants(good):
        (tmp_path / "settings.json").write_bytes(raw)
        s = Settings.load(tmp_path)
        assert math.isfinite(s.timeout_s) and s.timeout_s > 0, label
        assert min(s.max_body_mb, s.preview_limit_mb, s.max_file_mb) >= 1, label
        assert s.language in ("auto", "ru", "en"), label
        assert (tmp_path / "settings.json").read_bytes() == raw


@pytest.mark.parametrize("folder", [" ", "clients", "./x", "../up"])
def test_a_relative_or_blank_data_folder_keeps_the_apps_own(tmp_path, folder):
    import json

    from desktop.core.settings import Settings

    (tmp_path / "settings.json").write_text(json.dumps({"schema_version": 1, "data_folder": folder}))
    assert Settings.load(tmp_path).data_folder == ""
