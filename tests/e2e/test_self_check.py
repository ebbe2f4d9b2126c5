"""`wappi-desk --self-check` proves the real window sends through the Send path; packaging relies on it."""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_self_check_passes():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-check: HTTP/1.") and " 200 OK " in result.stdout
    assert "Traceback" not in result.stderr


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _clean_env(home):
    """A user whose home and XDG folders are `home`, with no test override of the data folder."""
    env = {k: v for k, v in os.environ.items() if k != "WAPPI_DESK_HOME" and not k.startswith("XDG_")}
    env.update(HOME=str(home), PYTHONPATH=str(REPO))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def test_self_check_writes_nothing_into_the_users_folders(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-check"], capture_output=True, text=True,
                            timeout=60, env=_clean_env(home), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert _tree(home) == []


def test_bench_writes_nothing_into_the_users_folders(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([sys.executable, "-m", "bench", "sandbox_start_stop_ms"], capture_output=True, text=True,
                            timeout=120, env=_clean_env(home), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert _tree(home) == []
