"""Growth check for parsers: the CPU time on a 4x longer repetitive input, as a ratio (never absolute seconds)."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Linear work gives about 4; quadratic gives about 16. The margin absorbs a busy machine and cache effects.
MAX_RATIO = 10.0


def _cpu_seconds(parse: Callable[[str], object], text: str, swallow: tuple[type[BaseException], ...]) -> float:
    best = float("inf")
    # The collector's passes depend on what else the test run keeps alive: the parser's own work is measured.
    gc.collect()
    gc.disable()
    try:
        for _round in range(3):
            started = time.process_time()
            try:
                parse(text)
            except swallow:
                pass
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def growth(parse: Callable[[str], object], make: Callable[[int], str], n: int,
           swallow: tuple[type[BaseException], ...]) -> float:
    """CPU time of parse(make(4n)) over parse(make(n)); the smaller input is timed long enough to be measurable."""
    small = _cpu_seconds(parse, make(n), swallow)
    large = _cpu_seconds(parse, make(4 * n), swallow)
    return large / max(small, 1e-3)
