"""The mended PySide6 import hook answers exactly as shiboken's own check, without keeping sources in memory."""
import json
import linecache
import sys
import types

import pytest

from desktop.ui import import_hook


@pytest.fixture
def original():
    if not import_hook.mend():
        pytest.skip("this PySide6 has no __feature__ import hook to mend")
    return import_hook.shiboken_check


def test_same_answers_as_shibokens_check(original, tmp_path):
    import desktop.core.models
    import desktop.ui.response_view

    made = types.ModuleType("made_here")  # no file at all
    for module in (desktop.ui.response_view, desktop.core.models, json, sys, made, import_hook):
        linecache.clearcache()
        assert import_hook.uses_pyside(module) == bool(original(module)), module
    # A file that is not text, where shiboken's check would raise from inside an import, is simply "no".
    damaged = tmp_path / "damaged.py"
    damaged.write_bytes(b"\xff\xfe PySide6")
    broken = types.ModuleType("broken")
    broken.__file__ = str(damaged)
    assert import_hook.uses_pyside(broken) is False


def test_the_check_keeps_no_source(tmp_path):
    import desktop.ui.history_panel

    linecache.clearcache()
    assert import_hook.uses_pyside(desktop.ui.history_panel)
    assert linecache.cache == {}


def test_the_app_mends_the_hook_before_it_imports_the_rest():
    import desktop.app  # noqa: F401

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        pytest.skip("this PySide6 has no __feature__ import hook")
    assert feature._mod_uses_pyside is import_hook.uses_pyside
