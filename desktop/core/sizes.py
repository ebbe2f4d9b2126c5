"""Byte counts in words an agent reads at a glance: 512 B, 12.3 KB, 20.0 MB."""
from __future__ import annotations

from desktop.i18n import _


def human_size(size: int) -> str:
    if size < 1024:
        return _("{n} B").format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=f"{size / 1024:.1f}")
    if size < 1024 * 1024 * 1024:
        return _("{n} MB").format(n=f"{size / 1024 / 1024:.1f}")
    return _("{n} GB").format(n=f"{size / 1024 / 1024 / 1024:.1f}")
