"""PySide6's import hook, mended: it read every module imported after it through inspect and kept the source in memory.

shiboken replaces `__import__` to support `from __feature__ import ...`; after each import it asks
`_mod_uses_pyside(module)`, which calls `inspect.getsource` (a walk over all loaded modules, then the whole file kept
in linecache). For this app that cost ~0.5 s and ~9 MB before the first paint (napari/napari#8584 traces the same).
The same question is answered here by reading the file once, keeping nothing. Importing this module mends the hook.
"""
from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (installs the hook mended below)


def uses_pyside(module) -> bool:
    """shiboken's answer for `module` — does its source mention PySide6? — without inspect and linecache."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, encoding="utf-8") as source:
            return "PySide6" in source.read()
    except (OSError, UnicodeDecodeError):
        return False


# shiboken's own check, kept so a test can hold the two answers side by side.
shiboken_check = None


def mend() -> bool:
    """Put `uses_pyside` in place of shiboken's check; False when this PySide6 has no such check (nothing to mend)."""
    global shiboken_check
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if not callable(check):
        return False
    if check is not uses_pyside:
        shiboken_check = check
        feature._mod_uses_pyside = uses_pyside
    return True


mend()
