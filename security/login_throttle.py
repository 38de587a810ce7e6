"""Slowing sign-ins down, per account and per address, instead of locking accounts.

django-axes locks a *username and address pair* after ``AXES_FAILURE_LIMIT`` failures
(``AXES_LOCKOUT_PARAMETERS``): whoever guesses from one address is stopped there, but a stranger
cannot lock counsel out during an incident by failing from many addresses. What stops a guesser
who rotates addresses is this throttle: once an account (or an address, for password spraying
across accounts) has had ``AXES_FAILURE_LIMIT`` failures within ``AXES_COOLOFF_TIME``, each
further sign-in attempt for it waits 1, 2, 4 ... seconds, up to ``LOGIN_SLOWDOWN_MAX_SECONDS``,
before its password is even checked - right or wrong alike, so the wait tells nothing.

Failures are counted from axes' own attempt rows (``AccessAttempt``), which every web process
shares through the database.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

sleep = time.sleep  # the tests record the waits instead of sleeping


def _failures(**match) -> int:
    from axes.models import AccessAttempt

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(attempt_time__gte=since, **match).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return total or 0


def delay_for(username: str | None, ip_address: str | None) -> float:
    """Seconds the next attempt waits: 0 up to the limit, then doubling, capped."""
    failures = 0
    if username:
        failures = _failures(username=str(username)[:USERNAME_MAX])
    if ip_address:
        failures = max(failures, _failures(ip_address=ip_address))
    over = failures - settings.AXES_FAILURE_LIMIT
    if over < 0:
        return 0
    return float(min(2**over, settings.LOGIN_SLOWDOWN_MAX_SECONDS))


def pause(username: str | None, ip_address: str | None) -> float:
    seconds = delay_for(username, ip_address)
    if seconds:
        sleep(seconds)
    return seconds


# axes stores the attempted user name in a 255-character column; a longer one (a fuzzer's, an
# attacker's) failed the INSERT on PostgreSQL and the sign-in page answered 500. No account name
# is longer than the user model allows, so the name is cut there for counting.
USERNAME_MAX = 150


def axes_username(request, credentials=None) -> str | None:
    """``AXES_USERNAME_CALLABLE``: axes' own choice of field, cut to ``USERNAME_MAX``."""
    if credentials:
        name = credentials.get("username")
    else:
        name = getattr(request, "data", None) or getattr(request, "POST", {})
        name = name.get("username") if hasattr(name, "get") else None
    return None if name is None else str(name)[:USERNAME_MAX]
