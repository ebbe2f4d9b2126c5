"""List every `_("…")` literal of the package that the Russian catalogue lacks, as .ts <message> entries to fill in."""
from __future__ import annotations

import ast
import sys
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.i18n import load_catalog  # noqa: E402


def literals(root: Path = REPO / "desktop") -> dict[str, str]:
    """source text -> "file:line" of its first use."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def missing(lang: str = "ru") -> dict[str, str]:
    catalog = load_catalog(lang)
    return {text: where for text, where in literals().items() if text not in catalog}


if __name__ == "__main__":
    for text, where in missing().items():
        print(f"    <message><!-- {where} -->\n        <source>{escape(text)}</source>\n        <translation type=\"unfinished\"></translation>\n    </message>")
