"""Typed user settings, kept as a small versioned JSON file written atomically."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from desktop.core.atomicfile import write_atomic

SETTINGS_FILE = "settings.json"
SCHEMA_VERSION = 1
LANGUAGES = ("auto", "ru", "en")
# Seconds one may wait for an answer, here and in `run --timeout`: below a tenth nothing answers, above a day is a typo.
TIMEOUT_LIMITS_S = (0.1, 86400.0)
# What a hand-edited or damaged file may set; anything outside keeps the default.
_LIMITS = {"timeout_s": TIMEOUT_LIMITS_S, "max_body_mb": (1, 1_000_000), "preview_limit_mb": (1, 1_000_000), "max_file_mb": (1, 1_000_000)}


@dataclass
class Settings:
    language: str = "auto"          # "auto" follows the system, or "ru" / "en"
    timeout_s: float = 30.0         # per request
    max_body_mb: int = 100          # an answer larger than this is cut (and said so)
    preview_limit_mb: int = 2       # larger answers show their first part until "show everything"
    active_environment: str = "Sandbox"
    max_file_mb: int = 16           # files sent as base64; Wappi documents no limit (core/attachments.py)
    data_folder: str = ""           # the clients' folder (shared folder, git checkout); "" = the app's data folder

    @classmethod
    def load(cls, config_dir: Path) -> Settings:
        """Read settings; a missing or damaged file gives the defaults (and is left untouched until the next save)."""
        try:
            data = json.loads((Path(config_dir) / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        defaults = cls()
        values = {}
        for key, value in data.items():
            if key not in known or isinstance(value, bool) != isinstance(getattr(defaults, key), bool):
                continue
            default = getattr(defaults, key)
            low, high = _LIMITS.get(key, (None, None))
            # A number out of its range (or NaN, which compares false with everything) keeps the default.
            if low is not None and isinstance(value, (int, float)) and not low <= value <= high:
                continue
            if key == "language" and value not in LANGUAGES:
                continue
            # A relative or blank folder would follow whatever directory the app was started from.
            if key == "data_folder" and isinstance(value, str) and value and not Path(value).is_absolute():
                continue
            if isinstance(default, float) and isinstance(value, int):
                value = float(value)
            if isinstance(value, type(default)):
                values[key] = value
        return cls(**values)

    def save(self, config_dir: Path) -> None:
        data = {"schema_version": SCHEMA_VERSION, **asdict(self)}
        write_atomic(Path(config_dir) / SETTINGS_FILE, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
