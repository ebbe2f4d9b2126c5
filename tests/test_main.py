"""`wappi-desk` itself: help, version, the self-check's own help, unknown words, no traceback ever."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def wappi_desk(*args, home, lang="C.UTF-8", cwd=None):
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(PYTHONPATH=str(REPO), WAPPI_DESK_HOME=str(home), LANG=lang)
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=60,
                          env=env, cwd=cwd or REPO)


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["help"]])
def test_help_lists_the_options_and_commands_and_exits_0(args, tmp_path):
    done = wappi_desk(*args, home=tmp_path)
    assert done.returncode == 0
    for word in ("--self-check", "--version", "--help", "run", "import", "export", "sandbox"):
        assert word in done.stdout


def test_version_exits_0(tmp_path):
    done = wappi_desk("--version", home=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("wappi-desk ")


def test_self_check_help_explains_and_does_not_run_the_check(tmp_path):
    done = wappi_desk("--self-check", "--help", home=tmp_path)
    assert done.returncode == 0
    assert "usage: wappi-desk --self-check" in done.stdout and "self-check:" not in done.stdout


def test_an_unknown_word_is_named_and_exits_2(tmp_path):
    done = wappi_desk("--bogus", home=tmp_path)
    assert done.returncode == 2 and "«--bogus» is not a command or an option" in done.stderr


@pytest.mark.parametrize("args", [
    ["sandbox", "--data-dir", "/proc/nope"],
    ["sandbox", "--data-dir", __file__],
    ["import", __file__, "--client", "A", "--store", "/proc/nope"],
    ["run", "x", "--timeout", "0"],
    ["run", "x", "--timeout", "-1"],
    ["export", "..", "-o", "/proc/nope/f.json"],
    ["sandbox", "--data-dir", ""],
    ["import", __file__, "--client", "A", "--store", ""],
    ["run", "x", "--store", ""],
    ["run", "/proc/1/fdinfo/x"],
    ["run", "x", "--store", "/proc/1/fdinfo"],
    ["import", __file__, "--client", "A", "--store", "/proc/1/fdinfo"],
    ["export", "A", "-o", "f.json", "--store", "/proc/1/fdinfo"],
    ["run", "x", "--nope"],
    ["run", "x", "--var"],
])
def test_bad_arguments_end_in_words_not_a_traceback(args, tmp_path):
    # Run in tmp_path: nothing may land in the current directory either.
    done = wappi_desk(*args, home=tmp_path / "home", cwd=tmp_path)
    assert done.returncode in (1, 2)
    assert done.stderr.strip() and "Traceback" not in done.stderr + done.stdout
    assert "Something went wrong" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["home"])


def test_the_command_line_speaks_russian_under_a_russian_locale(tmp_path):
    done = wappi_desk("--help", home=tmp_path, lang="ru_RU.UTF-8")
    assert "параметры:" in done.stdout and "показать эту справку и выйти" in done.stdout
    done = wappi_desk("run", "x", "--timeout", "0", home=tmp_path, lang="ru_RU.UTF-8")
    assert done.returncode == 2 and "«0» — не время ожидания" in done.stderr


def test_the_agents_language_setting_wins_over_the_locale(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text('{"schema_version": 1, "language": "en"}')
    done = wappi_desk("--help", home=tmp_path, lang="ru_RU.UTF-8")
    assert "options:" in done.stdout


def test_the_window_starts_with_the_collector_paused_and_hands_it_back_after_the_first_paint(tmp_path):
    # The window's own start, as `python -m desktop` runs it, reports the collector once the window is drawn.
    script = """
import gc, sys
import desktop.__main__ as main_module
resume = main_module.resume_collector
def reported():
    paused = not gc.isenabled()
    resume()
    print("paused", paused, "enabled", gc.isenabled(), "frozen", gc.get_freeze_count() > 0, flush=True)
    from PySide6.QtWidgets import QApplication
    QApplication.instance().quit()
main_module.resume_collector = reported
sys.exit(main_module.main([]))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "WAPPI_DESK_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert "paused True enabled True frozen True" in done.stdout, done.stdout + done.stderr
