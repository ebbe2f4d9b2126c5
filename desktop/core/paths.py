"""Where Wappi Desk keeps its files: platformdirs, or one folder named by WAPPI_DESK_HOME (tests, portable use)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP = "wappi-desk"
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Paths:
    data: Path      # clients, their collections, environments, history
    config: Path    # settings
    cache: Path     # drafts, logs

    @classmethod
    def default(cls) -> Paths:
        home = os.environ.get("WAPPI_DESK_HOME")
        if home:
            base = Path(home)
            return cls(base / "data", base / "config", base / "cache")
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP, appauthor=False)),
            Path(platformdirs.user_config_dir(APP, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP, appauthor=False)),
        )


def resource_root() -> Path:
    """Folder holding `resources/` and `collections/`: the repo, or the unpacked PyInstaller bundle."""
    override = os.environ.get("WAPPI_DESK_RESOURCES")
    if override:
        return Path(override)
    # A PyInstaller bundle unpacks its data files into sys._MEIPASS.
    return Path(getattr(sys, "_MEIPASS", REPO_ROOT))


def preloaded_collection() -> Path:
    return resource_root() / "collections" / "wappi"
