"""Python's cycle collector paused while refmanager builds large sets of objects.

Reading a large file, registering its items with a style or rendering a
bibliography makes millions of objects that all live on, and each full
collection walks every one of them (half the reading time of an 88,000-entry
file, a fifth of rendering it). Nothing refmanager builds makes reference
cycles, so pausing the collector loses nothing; it runs again afterwards, and
collects anything left over then.

On leaving the block, what it made is handed to the oldest generation at
once: left in the youngest, the next young passes would walk all of it
(millions of objects, a tenth of rendering the 88,000 entries) to move it up
there anyway. It stays collectable: the next full collection (gc.collect(),
or the collector's own when enough new objects outlive the young passes)
frees any cycle the block left behind.
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
            _promote_to_oldest_generation()
            gc.enable()


def _promote_to_oldest_generation() -> None:
    # freeze() moves every tracked object to the permanent generation and
    # unfreeze() moves them all back into the oldest one, without walking them;
    # only the two together, as a permanent freeze would never collect them.
    # A program that froze objects itself (before forking workers, say) keeps
    # them frozen: unfreeze() would thaw its objects too, so then we leave it.
    if gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()
