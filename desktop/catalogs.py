"""Babel side of the translations: reads the .po catalogues, compiles them into the .mo the app loads, lists gaps."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# One gettext domain: the per-area .po files (resources/i18n/<lang>/*.po) are merged into it when compiled,
# so engineers working on different areas edit different files.
DOMAIN = "wappi-desk"
KEYWORDS = {"_": None, "ngettext": (1, 2)}


class CatalogError(Exception):
    """Two catalogues translate the same English text differently."""


def po_files(localedir: Path, lang: str) -> list[Path]:
    return sorted((localedir / lang).glob("*.po"))


def mo_path(localedir: Path, lang: str) -> Path:
    return localedir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def is_stale(localedir: Path, lang: str) -> bool:
    """The compiled .mo is missing or older than one of its .po sources (a checkout edited after install)."""
    sources = po_files(localedir, lang)
    if not sources:
        return False
    mo = mo_path(localedir, lang)
    if not mo.is_file():
        return True
    built = mo.stat().st_mtime
    return any(path.stat().st_mtime > built for path in sources)


def merged(localedir: Path, lang: str) -> Catalog:
    """Every area's catalogue of one language as one; the plural rule comes from the locale when a file lacks it."""
    catalog = Catalog(locale=lang, domain=DOMAIN, fuzzy=False)
    origin: dict[object, Path] = {}
    for path in po_files(localedir, lang):
        with path.open("rb") as handle:
            part = read_po(handle, locale=lang, domain=DOMAIN)
        for message in part:
            if not message.id or message.fuzzy:
                continue
            known = catalog.get(message.id)
            if known is not None and known.string and message.string and known.string != message.string:
                raise CatalogError(f"{path.name} and {origin[message.id].name} translate {message.id!r} differently")
            if known is None or not known.string:
                catalog[message.id] = message
                origin[message.id] = path
    return catalog


def mo_bytes(localedir: Path, lang: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, merged(localedir, lang))
    return buffer.getvalue()


def compile_all(localedir: Path) -> list[Path]:
    """Write <lang>/LC_MESSAGES/wappi-desk.mo for every language folder that has .po files (atomically)."""
    written = []
    for folder in sorted(p for p in localedir.iterdir() if p.is_dir()):
        if not po_files(localedir, folder.name):
            continue
        target = mo_path(localedir, folder.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = mo_bytes(localedir, folder.name)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the catalogue is for every user of the install
        os.replace(tmp, target)
        written.append(target)
    return written


def extracted(package: Path) -> dict[str | tuple[str, str], str]:
    """English source text (a (singular, plural) pair for ngettext) -> "file:line" of its first use in the code."""
    found: dict[str | tuple[str, str], str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(package), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    ):
        if isinstance(message, tuple):
            message = tuple(message)
        if message:
            found.setdefault(message, f"{package.name}/{filename}:{lineno}")
    return found


def missing(localedir: Path, package: Path, lang: str) -> dict[str | tuple[str, str], str]:
    """Texts the code uses that the language's catalogue does not translate (every plural form for ngettext)."""
    catalog = merged(localedir, lang)
    gaps = {}
    for message, where in extracted(package).items():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        strings = entry.string if entry is not None else None
        if isinstance(strings, tuple):
            complete = all(strings) and len(strings) == catalog.num_plurals
        else:
            complete = bool(strings) and not isinstance(message, tuple)
        if not complete:
            gaps[message] = where
    return gaps
