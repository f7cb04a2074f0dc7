"""Pausing Python's cycle collector around bulk loading."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Loading a large corpus allocates millions of objects and no cycles; the collector would rescan
    them again and again (a third of the load time), so it waits until loading is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
