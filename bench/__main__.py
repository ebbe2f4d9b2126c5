"""Run every benchmark module (or only those producing the named figures) and print one line per figure."""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path

from desktop.selfcheck import scratch_home

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")


def modules():
    folder = Path(__file__).parent
    for info in pkgutil.iter_modules([str(folder)]):
        if info.name.startswith("bench_"):
            yield importlib.import_module(f"bench.{info.name}")


def main(argv: list[str]) -> int:
    # Benchmarks never touch the agent's real data folder, whatever a module forgets to set.
    with tempfile.TemporaryDirectory(prefix="wappi-desk-bench-") as home:
        scratch_home(home)
        return _run(set(argv))


def _run(wanted: set[str]) -> int:
    for module in modules():
        names = set(module.NAMES)
        if wanted and not names & wanted:
            continue
        # Each module yields (name, value, unit, target) once its figures are measured.
        for name, value, unit, target in module.figures(wanted & names or names):
            # Ratios near a target need two decimals; milliseconds and megabytes need one.
            shown = f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
            print(f"{name}: {shown} {unit} (target {target})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
