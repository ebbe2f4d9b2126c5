"""Byte counts in words an agent reads at a glance: 512 B, 12.3 KB, 20.0 MB (in Russian 20,0 МБ)."""
from __future__ import annotations

from desktop.i18n import _, language


def _decimal(value: float) -> str:
    # Russian writes the decimal comma: «7,3 МБ».
    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "ru" else text


def human_size(size: int) -> str:
    if size < 1024:
        return _("{n} B").format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=_decimal(size / 1024))
    if size < 1024 * 1024 * 1024:
        return _("{n} MB").format(n=_decimal(size / 1024 / 1024))
    return _("{n} GB").format(n=_decimal(size / 1024 / 1024 / 1024))
