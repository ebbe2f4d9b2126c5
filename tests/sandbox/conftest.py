"""The shared documentation folder for the sandbox tests: $WAPPI_SHARED, else ../shared beside the repository."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def shared_root() -> Path:
    return Path(os.environ.get("WAPPI_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    root = shared_root()
    if not root.is_dir():
        pytest.skip(f"{root} (course, API docs, corpora) is not there; set WAPPI_SHARED to the shared folder")
    return root
