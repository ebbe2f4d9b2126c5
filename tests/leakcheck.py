"""Leak test helper: assert a secret appears in no file under some folders, as is or base64-, URL- or JSON-encoded."""
from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, quote_plus


def _base64_cores(data: bytes) -> set[bytes]:
    """The part of base64(data) that is the same wherever `data` sits in a larger encoded blob (3 alignments)."""
    cores = set()
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + data)
        start = 4 if shift else 0  # the first group mixes in the bytes before the secret
        end = (shift + len(data)) // 3 * 4  # the last partial group mixes in the bytes after it
        core = encoded[start:end]
        if len(core) >= 8:
            cores.add(core)
            cores.add(core.replace(b"+", b"-").replace(b"/", b"_"))  # URL-safe alphabet
    return cores


def secret_forms(secret: str) -> dict[bytes, str]:
    """Every byte pattern that would give `secret` away, with a label saying which encoding it is."""
    raw = secret.encode("utf-8")
    forms: dict[bytes, str] = {raw: "raw"}
    for text, label in [
        (quote(secret, safe=""), "url-encoded"),
        (quote(secret), "url-encoded"),
        (quote_plus(secret), "form-encoded"),
        (json.dumps(secret)[1:-1], "json-escaped"),
    ]:
        forms.setdefault(text.encode(), label)
        forms.setdefault(text.lower().encode(), label)  # lower-case %xx escapes
    for core in _base64_cores(raw):
        forms.setdefault(core, "base64")
    return forms


def assert_no_secret_in_tree(paths: Iterable[str | os.PathLike], secret: str) -> int:
    """Scan every file under `paths` (files or folders; missing ones are skipped); return how many were read.

    Fails naming the files and the encoding found, never printing the secret itself.
    """
    if not secret:
        raise ValueError("an empty secret matches everything")
    forms = secret_forms(secret)
    hits: list[str] = []
    scanned = 0
    for root in map(Path, paths):
        files = [root] if root.is_file() else []
        if root.is_dir():
            for folder, _dirs, names in os.walk(root, followlinks=False):
                files += [Path(folder) / name for name in names]
        for path in files:
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            scanned += 1
            found = sorted({label for form, label in forms.items() if form in data})
            if found:
                hits.append(f"{path} ({', '.join(found)})")
    assert not hits, "the secret was found in:\n" + "\n".join(hits)
    return scanned
