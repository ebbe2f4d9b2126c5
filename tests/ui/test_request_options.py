"""The request's transport options in the window: loaded from and written to the model, the warning shown when off."""
from __future__ import annotations

from desktop.core.models import Request
from desktop.ui.request_options import RequestOptions


def test_options_round_trip_and_warn(qtbot):
    options = RequestOptions()
    qtbot.addWidget(options)
    options.load_model(Request(verify=False, follow_redirects=False, omit_headers=["Accept"]))
    assert options.to_model() == {"verify": False, "follow_redirects": False, "omit_headers": ["Accept"]}
    assert not options.warning.isHidden() and "Accept" in options.omitted.text()
    assert "⚠" in options.title()
    with qtbot.waitSignal(options.edited):
        options.verify.setChecked(True)
    assert options.warning.isHidden() and options.title() == "Options"


def test_window_carries_the_options(window):
    window.load_model(Request(url="https://h/x", verify=False, follow_redirects=False))
    request = window.to_model()
    assert (request.verify, request.follow_redirects) == (False, False)
    assert "⚠" in window.request_tabs.tabText(window.request_tabs.indexOf(window.options))
