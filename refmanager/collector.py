"""Python's cycle collector paused while refmanager builds large sets of objects.

Reading a large file, registering its items with a style or rendering a
bibliography makes millions of objects that all live on, and each full
collection walks every one of them (half the reading time of an 88,000-entry
file, a fifth of rendering it). Nothing refmanager builds makes reference
cycles, so pausing the collector loses nothing; it runs again afterwards, and
collects anything left over then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the block, then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
