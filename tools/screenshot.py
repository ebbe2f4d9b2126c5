"""Screenshots of the real window for the README and for checking the look: run under Xvfb (see README)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.app import make_app, qt_app
from desktop.core.settings import Settings


def main(out_dir: str = "shots", language: str = "ru") -> None:
    app = qt_app(sys.argv[:1])
    window = make_app(Settings(language=language))
    window.resize(1360, 860)
    window.show()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def shoot() -> None:
        window.grab().save(str(out / f"main-{language}.png"))
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
