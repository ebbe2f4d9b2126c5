"""SecretStore against a real Secret Service (gnome-keyring-daemon) in a private D-Bus session, and without one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SESSION_SCRIPT = Path(__file__).with_name("keyring_session.py")
# The whole run, daemon start included; a hanging keyring would otherwise hold the test for 120 s or more.
RUN_LIMIT = 60

# A session bus with no service directories: nothing can be activated, so no Secret Service at all.
BARE_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def need(*programs: str) -> None:
    for program in programs:
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not installed (Debian packages: dbus-daemon/dbus-x11 and gnome-keyring)")


def run_in_session(tmp_path: Path, mode: str, bus_config: str | None = None) -> dict:
    """Run keyring_session.py MODE under dbus-run-session with a private HOME and runtime folders."""
    home, data, runtime = tmp_path / "home", tmp_path / "data", tmp_path / "run"
    for folder in (home, data, runtime):
        folder.mkdir()
    runtime.chmod(0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(REPO),
        "LANG": "C.UTF-8",
    }
    command = ["dbus-run-session"]
    if bus_config is not None:
        config = tmp_path / "bus.conf"
        config.write_text(bus_config.format(tmp=tmp_path), encoding="utf-8")
        command.append(f"--config-file={config}")
    command += ["--", sys.executable, str(SESSION_SCRIPT), mode]
    done = subprocess.run(command, check=False, env=env, capture_output=True, text=True, timeout=RUN_LIMIT, cwd=tmp_path)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, f"session failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return json.loads(lines[-1])


def test_store_read_delete_with_a_real_secret_service(tmp_path):
    need("dbus-run-session", "gnome-keyring-daemon")
    result = run_in_session(tmp_path, "unlocked")
    assert result["where"] == "keyring", result
    assert result["backend"] == "keyring.backends.SecretService.Keyring"
    assert result["read_back_matches"] is True
    assert result["after_delete"] is None
    # The token was stored by the daemon, not in any file we can read as text.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"integration-token" not in path.read_bytes(), path


def test_session_without_a_secret_service_is_reported(tmp_path):
    need("dbus-run-session")
    result = run_in_session(tmp_path, "none", BARE_BUS_CONFIG)
    assert result["where"] == "none" and result["reason"] == "no_backend", result
    assert "gnome-keyring" in result["message"]


def test_secret_service_that_never_answers_is_bounded(tmp_path):
    need("dbus-run-session")
    result = run_in_session(tmp_path, "silent", BARE_BUS_CONFIG)
    assert result["where"] == "none" and result["reason"] == "timeout", result
    assert "did not answer within 2 seconds" in result["message"]


def test_session_with_a_locked_secret_service_is_reported(tmp_path):
    """Default session bus: D-Bus starts gnome-keyring on demand, locked, and its unlock prompt cannot appear."""
    need("dbus-run-session", "gnome-keyring-daemon")
    result = run_in_session(tmp_path, "none")
    assert result["where"] == "none" and result["reason"] in ("locked", "timeout"), result
    assert "unlock" in result["message"]


def test_the_command_line_runner_reads_a_clients_token_from_the_secret_service(tmp_path):
    """`wappi-desk run` uses the same secret store as the window: no --var, no token in shell history."""
    need("dbus-run-session", "gnome-keyring-daemon")
    result = run_in_session(tmp_path, "cli")
    assert result["exit"] == 0, result
    assert result["arrived"] == ["cli-keyring-token-5d1e"]
    assert result["paths"] == ["/status?token=cli-keyring-token-5d1e"]
    assert result["token_in_output"] is False and result["token_on_disk"] is False
