"""The full preloaded collection: loading it from disk, building the sandbox's routes, filling the tree, searching it.

Figures are medians. The baseline, measured in the same run, is a copy holding only the first 33 requests (the
collection's size before issue 16). `collection_startup_added_ms` is what start-up now spends on the collection
(read once for the sidebar, tree filled; the sandbox reads it at its first request) minus what it spent with 33
requests (read by the sandbox and again by the sidebar, tree filled).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench.measure import median_ms

NAMES = ["collection_load_ms", "collection_load_checked_ms", "collection_routes_ms", "collection_tree_fill_ms",
         "collection_search_ms", "collection_tree_fill_ratio", "collection_startup_added_ms"]
SEARCHES = ("send", "облачный", "auth/2fa", "pwd_code", "mass_phones", "nothing-matches-this", "")


def _small_copy(root: Path, target: Path, keep: int = 33) -> Path:
    """A copy of the collection with only its first `keep` requests: the size of the collection before issue 16."""
    kept = 0
    for path in sorted(root.rglob("*.json")):
        relative = path.relative_to(root)
        if path.name != "folder.json":
            if kept >= keep:
                continue
            kept += 1
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / relative)
    return target


def figures(wanted: set[str]):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.core.collection import forget_checked, load_shipped, load_tree
    from desktop.core.paths import preloaded_collection
    from desktop.sandbox.routes import load_routes
    from desktop.ui.collection_tree import CollectionTree

    root = preloaded_collection()
    # As start-up reads it (desktop/app.py): trusted, no per-file shape checks.
    yield "collection_load_ms", median_ms(lambda: load_shipped(root)), "ms", "< 30"
    # The same folder read as a client's would be, each file checked as at a first load.
    checked = median_ms(lambda: (forget_checked(), load_tree(root)))
    yield "collection_load_checked_ms", checked, "ms", "informative"
    yield "collection_routes_ms", median_ms(lambda: dict(load_routes(root))), "ms", "< 100 (once, at the first request)"
    app = QApplication.instance() or QApplication([])
    folder = load_shipped(root)[0]

    def fill(tree_folder) -> CollectionTree:
        tree = CollectionTree()
        tree.add_root(tree_folder, "Docs")
        return tree

    full = median_ms(lambda: fill(folder))
    with tempfile.TemporaryDirectory() as scratch:
        small_root = _small_copy(root, Path(scratch))
        small_folder = load_tree(small_root)[0]
        small = median_ms(lambda: fill(small_folder))
        before = median_ms(lambda: (load_tree(small_root), fill(load_tree(small_root)[0])))
        after = median_ms(lambda: fill(load_shipped(root)[0]))
    yield "collection_tree_fill_ms", full, "ms", "< 30 (start-up budget of issue 16)"
    tree = fill(folder)
    yield "collection_search_ms", median_ms(lambda: [tree.filter(text) for text in SEARCHES]) / len(SEARCHES), "ms", "< 50 per keystroke"
    yield "collection_tree_fill_ratio", full / small if small else float("nan"), "x vs 33 requests", "informative"
    yield "collection_startup_added_ms", after - before, "ms", "< 30"
    app.processEvents()
