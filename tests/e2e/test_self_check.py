"""`wappi-desk --self-check` proves the real window sends through the Send path; packaging relies on it."""
import subprocess
import sys


def test_self_check_passes():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-check: HTTP/1.") and " 200 OK " in result.stdout
    assert "Traceback" not in result.stderr
