"""The sandbox's endpoint table, read from the preloaded collection: one source of truth for paths, methods and rules."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.core.collection import load_tree, walk_items

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


def load_routes(collection_dir: Path) -> dict[str, Route]:
    """Path -> Route for every request file whose URL starts with {{base_url}}; read once when the sandbox starts."""
    folder, _problems = load_tree(collection_dir)
    routes: dict[str, Route] = {}
    for item in walk_items(folder):
        url = item.request.url
        if not url.startswith(BASE_URL_VARIABLE):
            continue
        path = urlsplit("http://sandbox" + url[len(BASE_URL_VARIABLE):]).path
        example = (item.meta.get("example_response") or {}).get("body")
        routes[path] = Route(item.request.method, path, item.meta.get("rules") or {}, example)
    return routes
