"""Print, as .po entries to fill in, every text of the package that the Russian catalogue lacks."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.catalogs import missing  # noqa: E402
from desktop.i18n import catalog_dir  # noqa: E402


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


if __name__ == "__main__":
    for message, where in missing(catalog_dir(), REPO / "desktop", "ru").items():
        print(f"#: {where}")
        if isinstance(message, tuple):
            print(f"msgid {_quoted(message[0])}\nmsgid_plural {_quoted(message[1])}")
            print('msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n')
        else:
            print(f'msgid {_quoted(message)}\nmsgstr ""\n')
