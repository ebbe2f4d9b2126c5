"""UI fixtures: the real main window, made the way the app makes it."""
import pytest

from desktop.app import make_app
from desktop.core.settings import Settings


@pytest.fixture
def window(qtbot):
    win = make_app(Settings(language="en", active_environment="Test"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.desk.close()
