"""Run inside a private D-Bus session: set up a Secret Service situation, exercise SecretStore, print JSON.

Usage: python keyring_session.py unlocked|silent|none|cli   (see tests/integration/test_keyring_secret_service.py)
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


def run_cli_with_keyring_token() -> dict:
    """`wappi-desk run` in this session: the client's token is only in the Secret Service, never on the line."""
    import os
    import tempfile
    from pathlib import Path

    from desktop.core.models import KeyValue, Request
    from desktop.core.secrets import SecretStore
    from desktop.core.store import Store
    from tests import loopback

    token = "cli-keyring-token-5d1e"
    server = loopback.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "clients", Path(folder) / "trash")
            store.create_client("Acme")
            environment = store.environment("Acme")
            environment.set("base_url", server.url)
            store.save_environment("Acme", environment)
            store.save("Acme", Request("GET", "{{base_url}}/status", [KeyValue("token", "{{token}}")],
                                       [KeyValue("Authorization", "{{token}}")], name="Status"))
            SecretStore(timeout=30).set("Acme", "token", token)  # a working daemon gets time on a loaded machine
            done = subprocess.run([sys.executable, "-m", "desktop", "run", "Acme", "--store", str(store.root)],
                                  capture_output=True, text=True, timeout=60, env={**os.environ, "NO_PROXY": "127.0.0.1"})
            on_disk = any(token.encode() in p.read_bytes() for p in Path(folder).rglob("*") if p.is_file())
    finally:
        server.close()
    arrived = [dict(a.headers).get("Authorization") for a in server.arrived]
    return {"exit": done.returncode, "arrived": arrived, "paths": [a.path for a in server.arrived],
            "token_in_output": token in done.stdout + done.stderr, "token_on_disk": on_disk, "stdout": done.stdout,
            "stderr": done.stderr}


def main(mode: str) -> None:
    helper = None
    if mode in ("unlocked", "cli"):
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
        if mode == "cli":
            result = run_cli_with_keyring_token()
        else:
            # A working daemon gets time: six calls took 1-1.5 s together on a loaded machine. The others are meant to
            # time out, and their test reads "2 seconds" in the message.
            result = exercise(timeout=30.0 if mode == "unlocked" else 2.0)
    finally:
        if helper is not None:
            helper.kill()
            helper.wait(10)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
