"""``Breachclock-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">``.

The Stripe convention: the timestamp is signed with the body, so a receiver can refuse an old
message replayed later (``verify`` allows five minutes by default), and ``v1`` names the scheme so
a later one can be sent beside it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER = "Breachclock-Signature"
DELIVERY_HEADER = "Breachclock-Delivery"
EVENT_HEADER = "Breachclock-Event"


def new_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = 300, now=None) -> bool:
    """What a receiver does: recompute the HMAC and compare in constant time, within tolerance."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    expected = signature(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))
