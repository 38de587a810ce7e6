"""Fixed-window request counters in the cache: "at most N of these per key per window".

Used where a request must be limited before it does any work (password reset). The counters live
in the ``default`` cache: give production a shared one (``BREACHCLOCK_CACHE_URL``, e.g. Redis)
so every web process counts together; with the per-process default each process counts alone.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Refusal:
    """A limit reached: what was limited and the seconds until the window ends."""

    what: str
    retry_after: int


def _key(scope: str, value: str, window: int) -> tuple[str, int]:
    now = int(time.time())
    start = now - now % window
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"rate:{scope}:{digest}:{start}", start + window - now


def hit(scope: str, value: str | None, *, limit: int, window: int) -> Refusal | None:
    """Count one request for ``value``; a ``Refusal`` once more than ``limit`` in the window."""
    if not value:
        return None
    key, remaining = _key(scope, value, window)
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return Refusal(scope, max(1, remaining))
    return None
