"""Hostile variants of a JSON file: every field of a good one replaced by wrong types, nulls, huge numbers, NaN;
plus damaged bytes (BOM, invalid UTF-8, truncation, absurd nesting, a newer format)."""
from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def folder_refusing_a_look(entry: str) -> Path:
    """/proc/1/fdinfo, which refuses even root a look at `entry` inside it (as root, chmod blocks nothing); skips
    the test where no such folder exists."""
    import os

    import pytest

    blocked = Path("/proc/1/fdinfo")
    try:
        os.stat(blocked / entry)
    except PermissionError:
        return blocked
    except OSError:
        pass
    pytest.skip("no folder here refuses a look at its entries")


WRONG = [None, 5, -1, 10**400, float("nan"), float("inf"), True, "x", [], {}, [5], {"a": 5}]


def _paths(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def variants(good: dict[str, Any]) -> Iterator[tuple[str, bytes]]:
    """(label, file bytes) for each hostile variant of `good`."""
    for path in _paths(good):
        for wrong in WRONG:
            data = copy.deepcopy(good)
            if path:
                node = data
                for key in path[:-1]:
                    node = node[key]
                node[path[-1]] = wrong
            else:
                data = wrong
            yield f"{'.'.join(map(str, path)) or 'whole'}={wrong!r:.12}", json.dumps(data).encode()
    text = json.dumps(good).encode()
    yield "bom", b"\xef\xbb\xbf" + text
    yield "invalid-utf8", b"\xff\xfe" + text
    yield "truncated", text[: len(text) // 2]
    yield "nested", b"[" * 100_000 + b"]" * 100_000
    yield "empty", b""
    yield "newer", json.dumps({**good, "schema_version": 99}).encode()


def plant(path: Path, raw: bytes) -> Path:
    """Put `raw` where the app will read it, making the folder as a first save would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path
