"""The garbage collector around big loads: rect builds hundreds of thousands of objects
that are never garbage, and the collector would rescan them again and again.

Apart from yamlsrc so that a cached run, which pauses it too, need not import yaml.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the garbage collector off for a block that builds many objects.

    The collector, not libyaml, dominates load time on big files: it rescans every
    object built so far, yet the node tree, the data and the models have no garbage.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
