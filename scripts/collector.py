"""Python's garbage collector for work that keeps many objects alive: the site engine and WeasyPrint.

A full collection reads every object the process holds. The engine keeps every page it built
(mkdocs renders them all before it writes the sitemap) beside the project make site read before
forking it; WeasyPrint keeps hundreds of thousands of objects (styles, boxes, laid-out pages).
With Python's default a full collection comes after every 10 collections of the middle
generation; `fewer_full_collections` makes it every FULL_AFTER (gc.set_threshold, a public
setting) and puts the previous setting back after. Measured, CPU of each task: a booklet laid out
twice and written on two papers 5.7 s with the default, 4.2 s with a full collection every 100
(December 5); forked as make site forks it, 4.5 to 4.7 s with every 100 and 3.95 to 4.05 s with
every 1,000, which its 128 collections of the middle generation never reach (three runs each
way, December 7; 39 MB more at its peak, 261 MB). All the flyers 6.5 -> 5.7 s (100 or 1,000 the
same); each engine of a 1,000-pair build 0.25 s less (four full collections, none with either).
The same files; the memory is freed a little later.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

FULL_AFTER = 1000


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """The work inside with full collections FULL_AFTER times rarer, the previous setting restored after."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_AFTER))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
