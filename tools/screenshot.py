"""README screenshots from the real app: a client's pasted cURL repeated in the sandbox with «What is wrong» first, and the webhooks page.

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
from desktop.core.settings import Settings


CLIENT_CURL = """curl -X POST "https://wappi.pro/api/sync/message/send?profile_id={profile}" \\
  -H 'Authorization: "{token}"' \\
  -H "Content-Type: application/json" \\
  -d '{{"recipient": 79990000000, "body": "Тест"}}'"""


def shoot(out: Path, language: str) -> None:
    from desktop.core.httplog import parse_pasted

    app = qt_app(sys.argv[:1])
    window = make_app(Settings(language=language))
    window.resize(1380, 860)
    window.show()
    sandbox = window.desk.sandbox
    window.open_client_request(parse_pasted(CLIENT_CURL.format(profile=sandbox.profile_id, token=sandbox.token)).request)
    # The agent reproduces the mistakes on purpose: the picture skips the "send anyway?" question.
    window._confirm_broken_request = lambda: True

    def answered(_result) -> None:
        def grab() -> None:
            window.grab().save(str(out / f"main-{language}.png"))
            window.pages.setCurrentWidget(window.webhooks_page)
            QTimer.singleShot(300, lambda: (window.grab().save(str(out / f"webhooks-{language}.png")), app.quit()))

        window.findings_shown.connect(lambda: QTimer.singleShot(400, grab))

    window.response_shown.connect(answered)
    QTimer.singleShot(600, window.repeat_button.click)
    app.exec()
    window.desk.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    shoot(target, sys.argv[2] if len(sys.argv) > 2 else "ru")
