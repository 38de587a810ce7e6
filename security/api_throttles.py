"""API throttling (DRF's scoped rates): per user when signed in, per address when not.

The rates are read from settings at each request (``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``),
not frozen at import as DRF's own classes do, so a deployment's override takes effect. Counters
live in the ``default`` cache (share it across processes with ``BREACHCLOCK_CACHE_URL``).
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _LiveRates:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class UserThrottle(_LiveRates, UserRateThrottle):
    pass


class AnonThrottle(_LiveRates, AnonRateThrottle):
    pass
