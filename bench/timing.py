"""How the benchmarks time things: the median of repeated runs, in milliseconds."""

import statistics
import time
from collections.abc import Callable


def median_ms(action: Callable[[], object], repeats: int, *, warm: bool = False) -> float:
    """`warm` runs the action once first, untimed (caches, data files, compiled patterns)."""
    if warm:
        action()
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1)
