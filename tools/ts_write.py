"""Write or extend a Russian .ts catalogue from a Python dict file (`T = {source: translation}`): a translator's shortcut."""
from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru_RU">\n<context>\n    <name>wappi</name>\n'
FOOTER = "</context>\n</TS>\n"


def write(ts_path: Path, pairs: dict[str, str]) -> None:
    existing: dict[str, str] = {}
    if ts_path.is_file():
        for message in ET.parse(ts_path).getroot().iter("message"):
            existing[message.findtext("source") or ""] = message.findtext("translation") or ""
    existing.update(pairs)
    body = "".join(
        f"    <message>\n        <source>{escape(s)}</source>\n        <translation>{escape(t)}</translation>\n    </message>\n"
        for s, t in existing.items()
    )
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    ts_path.write_text(HEADER + body + FOOTER, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]), runpy.run_path(sys.argv[2])["T"])
