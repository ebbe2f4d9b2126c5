"""The sandbox's endpoint table, read from the preloaded collection: one source of truth for paths, methods and rules."""
from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.core.collection import load_tree, shipped_collection, walk_items
from desktop.core.paths import preloaded_collection

BASE_URL_VARIABLE = "{{base_url}}"


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    rules: dict[str, Any] = field(default_factory=dict)
    example: Any = None  # the documented 200 answer body

    @property
    def query_rules(self) -> dict[str, dict[str, Any]]:
        return self.rules.get("query", {})

    @property
    def takes_body(self) -> bool:
        return any(key in self.rules for key in ("body", "form", "raw_body"))


class Routes(Mapping[str, Route]):
    """Path -> Route, read from the collection on first use: the app's start-up does not wait for 160 files,
    the first request to the sandbox does (once)."""

    def __init__(self, collection_dir: Path) -> None:
        self._dir = Path(collection_dir)
        self._table: dict[str, Route] | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> dict[str, Route]:
        with self._lock:
            if self._table is None:
                self._table = _read_routes(self._dir)
            return self._table

    def __getitem__(self, path: str) -> Route:
        return self._loaded()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def load_routes(collection_dir: Path) -> Routes:
    """The endpoint table of every request file whose URL starts with {{base_url}}; read once, when first needed."""
    return Routes(collection_dir)


def _read_routes(collection_dir: Path) -> dict[str, Route]:
    # The shipped collection is the app's own (its shapes checked by the test-suite); any other folder file by file.
    shipped = Path(collection_dir).resolve() == preloaded_collection().resolve()
    folder, _problems = shipped_collection(collection_dir) if shipped else load_tree(collection_dir)
    routes: dict[str, Route] = {}
    for item in walk_items(folder):
        url = item.request.url
        if not url.startswith(BASE_URL_VARIABLE):
            continue
        path = urlsplit("http://sandbox" + url[len(BASE_URL_VARIABLE):]).path
        example = (item.meta.get("example_response") or {}).get("body")
        routes[path] = Route(item.request.method, path, item.meta.get("rules") or {}, example)
    return routes
