"""Test-wide set-up: offscreen Qt, no proxies for loopback, the shared corpora, an isolated data folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NO_PROXY"] = "127.0.0.1,localhost"
os.environ["no_proxy"] = "127.0.0.1,localhost"

REPO = Path(__file__).resolve().parent.parent
# WAPPI_SHARED points at the shared folder when the checkout does not sit beside it (a git worktree, say).
SHARED = Path(os.environ.get("WAPPI_SHARED") or REPO.parent / "shared")


@pytest.fixture
def shared_dir() -> Path:
    """../shared next to the repo; a fresh user clone has none, so tests that need it skip."""
    if not SHARED.is_dir():
        pytest.skip("../shared (course, API fact sheet, corpora) is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data, config and cache folders, so nothing touches the agent's real files."""
    monkeypatch.setenv("WAPPI_DESK_HOME", str(tmp_path / "wappi-home"))
    return tmp_path / "wappi-home"


@pytest.fixture(autouse=True)
def memory_keyring():
    """The OS keyring is replaced by an in-memory one (tests/core/keyring_memory.py), so no test touches a real
    password store; tests/integration/ starts a real Secret Service where that is the point."""
    import keyring

    from tests.core.keyring_memory import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def english():
    """Tests assert on English text unless they switch the language themselves."""
    from desktop import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def loopback():
    """A real HTTP server on 127.0.0.1 that records every request (tests/loopback.py)."""
    from tests.loopback import start

    server = start()
    yield server
    server.close()


@pytest.fixture
def window(qtbot):
    """The real main window, made the way the app makes it (with the embedded sandbox running)."""
    from desktop.app import make_app
    from desktop.core.settings import Settings

    win = make_app(Settings(language="en"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.desk.close()
