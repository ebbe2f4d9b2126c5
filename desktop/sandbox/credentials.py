"""The demo profile id and token of the sandbox: made on first start and kept, so the app and the CLI agree."""
from __future__ import annotations

import json
import secrets
from pathlib import Path

from desktop.core.atomicfile import write_atomic

CREDENTIALS_FILE = "sandbox.json"


def new_profile_id() -> str:
    """An id shaped like the documented ones (`abcd1234-ef56`)."""
    return f"{secrets.token_hex(4)}-{secrets.token_hex(2)}"


def demo_credentials(data_dir: Path | None) -> tuple[str, str]:
    """(profile_id, token) of the demo profile.

    The one place that stores them: when the keyring lands, only this function changes.
    Without a data folder a fresh pair is made for this run.
    """
    if data_dir is None:
        return new_profile_id(), secrets.token_hex(20)
    path = Path(data_dir) / CREDENTIALS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("profile_id"), str) and isinstance(data.get("token"), str) and data["token"]:
            return data["profile_id"], data["token"]
    except (OSError, ValueError, AttributeError):
        pass  # missing or damaged: make a new pair below
    profile_id, token = new_profile_id(), secrets.token_hex(20)
    payload = {"schema_version": 1, "profile_id": profile_id, "token": token}
    write_atomic(path, (json.dumps(payload, indent=2) + "\n").encode("utf-8"))
    return profile_id, token
