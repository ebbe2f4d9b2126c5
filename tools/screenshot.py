"""README screenshots from the real app: the documented "send text" answered by the sandbox, and the webhooks page.

Run under Xvfb from the repo root: `xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py docs`.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# A fresh data folder: the pictures show what a new agent sees, never this machine's clients or drafts.
os.environ["WAPPI_DESK_HOME"] = tempfile.mkdtemp(prefix="wappi-desk-shots-")

from PySide6.QtCore import QTimer

from desktop.app import make_app, qt_app
from desktop.core.collection import Item
from desktop.core.settings import Settings


def find_item(window, path_end: str):
    tree = window.sidebar.tree
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop()
        item = node.data(0, 256)
        if isinstance(item, Item) and str(item.path).endswith(path_end):
            return node
        stack.extend(node.child(i) for i in range(node.childCount()))
    raise LookupError(path_end)


def shoot(out: Path, language: str) -> None:
    app = qt_app(sys.argv[:1])
    window = make_app(Settings(language=language))
    window.resize(1380, 860)
    window.show()
    node = find_item(window, "02-messages-sync/01-send-text.json")
    window.sidebar.tree.setCurrentItem(node)
    window.sidebar.tree.itemClicked.emit(node, 0)

    def answered(_result) -> None:
        def grab() -> None:
            window.grab().save(str(out / f"main-{language}.png"))
            window.pages.setCurrentWidget(window.webhooks)
            QTimer.singleShot(300, lambda: (window.grab().save(str(out / f"webhooks-{language}.png")), app.quit()))

        QTimer.singleShot(400, grab)

    window.response_shown.connect(answered)
    QTimer.singleShot(400, window.url_bar.button.click)
    app.exec()
    window.desk.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    shoot(target, sys.argv[2] if len(sys.argv) > 2 else "ru")
