"""A client with 2,000 saved requests: one keystroke of search, loading the client from disk (first and again), the tree."""
from __future__ import annotations

import tempfile
from pathlib import Path

from bench.measure import median_ms
from desktop.core.collection import forget_checked
from desktop.core.models import Body, KeyValue, Request
from desktop.core.store import Store

NAMES = ["search_2000_ms", "startup_2000_extra_ms", "reload_2000_ms", "tree_2000_ms", "schema_check_share_pct"]
COUNT = 2000


def _fill(store: Store) -> None:
    store.create_client("Bench")
    for n in range(COUNT):
        body = f'{{\n  "recipient": "7999000{n:04d}",\n  "body": "Здравствуйте, заказ {n} готов"\n}}'
        request = Request(
            "POST",
            "{{base_url}}/api/sync/message/send",
            [KeyValue("profile_id", "{{profile_id}}")],
            [KeyValue("Authorization", "{{token}}")],
            Body("json", body),
            f"Send order {n}",
        )
        store.save("Bench", request)


def figures(selected: set[str]):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "clients", Path(tmp) / "trash")
        _fill(store)
        if "startup_2000_extra_ms" in selected:
            # A start-up is the first load in its process: every file is checked against the schema.
            yield "startup_2000_extra_ms", median_ms(lambda: _load(store, first=True), runs=5), "ms", "< 100"
        if "reload_2000_ms" in selected:
            # The client read again in the same process (after a new request is saved, or a git pull): files whose
            # bytes were checked already are not checked again.
            yield "reload_2000_ms", median_ms(lambda: _load(store, first=False), runs=5), "ms", "informative"
        if "schema_check_share_pct" in selected:
            yield "schema_check_share_pct", _schema_share(store), "%", "< 25 (of loading the client)"
        if "search_2000_ms" in selected:
            store.tree("Bench")
            # A query found in one body only, so every entry is scanned.
            yield "search_2000_ms", median_ms(lambda: store.search("70001999", "Bench"), runs=15), "ms", "< 50"
        if "tree_2000_ms" in selected:
            yield "tree_2000_ms", _tree_ms(store), "ms", "< 300"


def _load(store: Store, first: bool) -> None:
    if first:
        forget_checked()
    store.reload()
    store.tree("Bench")


def _tree_ms(store: Store) -> float:
    """The sidebar's "Clients" root rebuilt for the client (as after every save), offscreen, with the tree cached."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import qt_app
    from desktop.ui.collection_tree import CollectionTree

    qt_app()
    sidebar = CollectionTree()
    sidebar.resize(300, 700)
    sidebar.show()
    trees = [("Bench", store.tree("Bench"))]

    def show() -> None:
        root = sidebar.show_clients(trees, "Clients")
        root.child(0).setExpanded(True)
        sidebar.tree.viewport().repaint()

    try:
        return median_ms(show, runs=5)
    finally:
        sidebar.close()


def _schema_share(store: Store) -> float:
    """How much of loading 2,000 requests is the schema check of each file, both measured in this run."""
    from desktop.core.collection import check_shape, read_json

    datas = [read_json(item.path) for item in store.requests("Bench")]

    def check() -> None:
        for data in datas:
            check_shape(data, "request", "bench.json")

    return 100 * median_ms(check, runs=5) / median_ms(lambda: _load(store, first=True), runs=5)
