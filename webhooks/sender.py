"""One HTTP POST to a checked address: short timeouts, no redirects, the outcome classified.

The connection goes to the address ``guard.check_url`` vetted (the name is sent as ``Host`` and,
for HTTPS, as the TLS server name and the certificate's expected name), so a DNS answer that
changes between the check and the request cannot steer it inside.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import certifi
import urllib3
from django.conf import settings

from .guard import Target

USER_AGENT = "Breachclock-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    retry: bool  # a 5xx, 408, 429, timeout or refused connection: try again later
    status: int | None
    latency_ms: int
    error: str = ""


def classify(status: int) -> tuple[bool, bool, str]:
    """(delivered, retry, error) for an HTTP status."""
    if 200 <= status < 300:
        return True, False, ""
    if 300 <= status < 400:
        return False, False, f"answered {status} (a redirect, which is not followed)"
    if status in (408, 429) or status >= 500:
        return False, True, f"answered {status}; will retry"
    return False, False, f"answered {status} (refused; not retried)"


class Pools:
    """Connection pools of one task, by checked target: consecutive deliveries to the same
    receiver reuse the connection."""

    def __init__(self):
        self._pools: dict[tuple, urllib3.HTTPConnectionPool] = {}

    def get(self, target: Target) -> urllib3.HTTPConnectionPool:
        key = (target.scheme, target.address, target.port, target.host)
        if key not in self._pools:
            timeout = urllib3.Timeout(
                connect=settings.WEBHOOK_CONNECT_TIMEOUT_SECONDS,
                read=settings.WEBHOOK_READ_TIMEOUT_SECONDS,
            )
            if target.scheme == "https":
                pool = urllib3.HTTPSConnectionPool(
                    target.address,
                    target.port,
                    timeout=timeout,
                    retries=False,
                    maxsize=1,
                    cert_reqs="CERT_REQUIRED",
                    ca_certs=certifi.where(),
                    server_hostname=target.host,
                    assert_hostname=target.host,
                )
            else:
                pool = urllib3.HTTPConnectionPool(
                    target.address, target.port, timeout=timeout, retries=False, maxsize=1
                )
            self._pools[key] = pool
        return self._pools[key]

    def close(self):
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()


def post(target: Target, body: bytes, headers: dict, pools: Pools) -> Outcome:
    default_port = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    host_header = host if target.port == default_port else f"{host}:{target.port}"
    started = time.monotonic()
    try:
        response = pools.get(target).urlopen(
            "POST",
            target.path,
            body=body,
            headers={"Host": host_header, "User-Agent": USER_AGENT, **headers},
            redirect=False,
            retries=False,
            preload_content=False,
        )
        response.read(64 * 1024)  # the receiver's answer is not kept; read a bounded amount
        response.release_conn()
    except urllib3.exceptions.HTTPError as exc:
        latency = int((time.monotonic() - started) * 1000)
        reason = getattr(exc, "reason", None) or exc
        return Outcome(False, True, None, latency, f"{type(exc).__name__}: {reason}"[:480])
    latency = int((time.monotonic() - started) * 1000)
    delivered, retry, error = classify(response.status)
    return Outcome(delivered, retry, response.status, latency, error)
