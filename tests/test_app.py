"""Application assembly: the sandbox comes up beside the window, the first send waits for it, a failed start is told."""
import socket

import httpx

from desktop.app import DeskApp, SandboxStart
from desktop.core.paths import Paths
from desktop.core.settings import Settings


def _paths(tmp_path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")


def test_the_sandbox_environment_points_at_the_sandbox_that_starts_beside_the_window(qtbot, tmp_path):
    desk = DeskApp(_paths(tmp_path), Settings(language="en"))
    try:
        window = desk.make_window()
        qtbot.addWidget(window)
        sandbox_env = desk.environments[0]
        assert sandbox_env.get("base_url").value == desk.sandbox_start.base_url
        # The first send through the app's client waits for the start and reaches the sandbox.
        answer = desk.client.get(sandbox_env.get("base_url").value + "/api/sync/get/status", params={"profile_id": sandbox_env.get("profile_id").value},
                                 headers={"Authorization": desk.sandbox.token})
        assert answer.status_code == 200 and answer.json()["authorized"] is True
        qtbot.waitUntil(lambda: hasattr(window, "sandbox_log_action"), timeout=30000)
    finally:
        desk.close()


def test_the_sandbox_listens_on_the_port_reserved_for_it(qtbot, tmp_path):
    start = SandboxStart(tmp_path)
    try:
        sandbox = start.wait()
        assert sandbox is not None and sandbox.port == start.port
        other = socket.socket()
        try:
            other.bind(("127.0.0.1", start.port))
            raise AssertionError("the sandbox's port was free for another socket")
        except OSError:
            pass
        finally:
            other.close()
        assert httpx.get(start.base_url + "/nope").status_code == 404
    finally:
        start.wait().stop()


def test_a_window_made_later_gets_the_log_at_once_and_a_failed_start_is_told(qtbot, tmp_path):
    start = SandboxStart(tmp_path / "ok")
    start.wait()
    desk = DeskApp(_paths(tmp_path), Settings(language="en"))
    try:
        window = desk.make_window()
        qtbot.addWidget(window)
        start.attach(window)
        assert hasattr(window, "sandbox_log_action")
        # A data folder that is a file: the sandbox cannot keep its credentials there and says so in words.
        blocker = tmp_path / "file"
        blocker.write_text("x")
        broken = SandboxStart(blocker)
        broken.attach(window)
        # Its address is known before it starts (the port is reserved): a first Send may go there at once.
        assert window.sandbox_url == broken.base_url
        assert broken.wait() is None
        qtbot.waitUntil(lambda: "sandbox could not start" in window.statusBar().currentMessage(), timeout=30000)
        # «Repeat in sandbox» then says there is none instead of sending to a dead address.
        assert window.sandbox_url == ""
    finally:
        start.sandbox.stop()
        desk.close()

