"""Run inside a private D-Bus session: set up a Secret Service situation, exercise SecretStore, print JSON.

Usage: python keyring_session.py unlocked|silent|none   (see tests/integration/test_keyring_secret_service.py)
"""
from __future__ import annotations

import json
import select
import subprocess
import sys
import time

SILENT_OWNER = """
import sys, time
from jeepney import DBus
from jeepney.io.blocking import open_dbus_connection
connection = open_dbus_connection(bus="SESSION")
connection.send_and_get_reply(DBus().RequestName("org.freedesktop.secrets"), timeout=10)
print("ready", flush=True)
time.sleep(120)  # owns the name and never answers, like a daemon waiting on an unlock prompt
"""


def exercise(timeout: float) -> dict:
    from desktop.core.secrets import SecretStore

    store = SecretStore(timeout=timeout)
    started = time.monotonic()
    status = store.status()
    result = {"where": status.where, "backend": status.backend, "reason": status.reason, "message": status.message}
    if status.ok:
        token = "integration-token-ёж\nsecond line"
        store.set("client/with slash", "token", token)
        result["read_back_matches"] = store.get("client/with slash", "token") == token
        store.delete("client/with slash", "token")
        result["after_delete"] = store.get("client/with slash", "token")
        store.delete("client/with slash", "token")  # already gone: no error
    result["seconds"] = time.monotonic() - started
    return result


def main(mode: str) -> None:
    helper = None
    if mode == "unlocked":
        # The daemon forks and keeps running; its output goes nowhere so nothing waits on a pipe it holds.
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            input=b"some-password", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30, check=True,
        )
    elif mode == "silent":
        helper = subprocess.Popen([sys.executable, "-c", SILENT_OWNER], stdout=subprocess.PIPE)
        ready, _, _ = select.select([helper.stdout], [], [], 20)
        if not ready or helper.stdout.readline().strip() != b"ready":
            raise SystemExit("the silent name owner did not start")
    try:
        result = exercise(timeout=2.0)
    finally:
        if helper is not None:
            helper.kill()
            helper.wait(10)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
