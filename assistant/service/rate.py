"""Rate limits (the `limits` library, a moving window in this process's memory): ASSISTANT_RATE_LIMIT requests a
minute per API key (or client address without one) on /v1, and per browser session on the chat.

Each app server counts its own requests: behind N servers that a balancer spreads evenly, one client gets up to
N times the limit (set it to the total divided by N). A shared counter would cost a store round trip per request.
"""

from __future__ import annotations

import hashlib
import math
import time

from ..errors import RateLimitedError


class RateLimit:
    def __init__(self, per_minute: int | None) -> None:
        from limits import RateLimitItemPerMinute
        from limits.storage import MemoryStorage
        from limits.strategies import MovingWindowRateLimiter

        self.per_minute = per_minute
        self._item = RateLimitItemPerMinute(per_minute) if per_minute else None
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def check(self, who: str) -> None:
        """Count one request of `who` (a key or address: only its hash is kept); RateLimitedError when over."""
        if self._item is None:
            return
        key = hashlib.sha256(who.encode()).hexdigest()[:24]
        if self._limiter.hit(self._item, key):
            return
        reset = self._limiter.get_window_stats(self._item, key).reset_time
        raise RateLimitedError(self._item.amount, max(1, math.ceil(reset - time.time())))
