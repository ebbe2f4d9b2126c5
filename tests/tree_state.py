"""A folder's whole state (every path, its kind, its bytes and link target) to prove an operation changed nothing."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def tree_state(folder: Path) -> dict[str, str]:
    state: dict[str, str] = {}
    for current, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(current) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                state[key] = "link:" + os.readlink(path)
            elif path.is_dir():
                state[key] = "dir"
            elif path.is_file():
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
                state[key] = digest.hexdigest()
            else:
                state[key] = "special"
    return state
