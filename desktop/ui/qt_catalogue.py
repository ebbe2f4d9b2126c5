"""Qt's own texts (file dialogs, message box buttons, context menus) in the agent's language: qtbase's catalogue, mended."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator

from desktop import i18n


class QtCatalogue(QTranslator):
    """qtbase_<lang>.qm with its gaps filled, so no Qt dialog mixes languages.

    Our own catalogue is asked first, so a Qt text we translate (e.g. «ОК» in Cyrillic) wins. Qt 6 gave some labels
    a shortcut letter ("&Look in:", "Files of &type:") that the shipped catalogue knows only without it: those are
    looked up without the "&" and get it back in front.
    """

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.loaded = self.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source:
            return ""
        ours = i18n._(source)
        if ours != source:
            return ours
        found = super().translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found
        bare = source.replace("&&", "\0").replace("&", "", 1).replace("\0", "&&")
        found = super().translate(context, bare, disambiguation, n)
        return "&" + found if found and "&" not in found else found

    def isEmpty(self) -> bool:
        return False
