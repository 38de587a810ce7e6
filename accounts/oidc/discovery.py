"""The provider's endpoints, from its discovery document (OpenID Connect Discovery 1.0, §4).

Read on the first sign-in and kept for an hour per process, so a key or endpoint change at the
provider is picked up without a restart. Nothing here runs at import or start-up.
"""

from __future__ import annotations

import threading
import time

import requests
from django.conf import settings

KEEP_SECONDS = 60 * 60
REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri")

_lock = threading.Lock()
_cache: dict[str, tuple[float, dict]] = {}


class ProviderUnavailable(Exception):
    """The provider could not be reached or its discovery document is unusable."""


def discovery_url() -> str:
    return settings.OIDC_DISCOVERY_URL or (
        settings.OIDC_ISSUER.rstrip("/") + "/.well-known/openid-configuration"
    )


def provider_metadata() -> dict:
    """The discovery document, checked: it must name our issuer and the endpoints we use."""
    url = discovery_url()
    with _lock:
        kept = _cache.get(url)
        if kept and kept[0] > time.monotonic():
            return kept[1]
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(
            f"the discovery document at {url} could not be read ({exc})"
        ) from exc
    if not isinstance(document, dict):
        raise ProviderUnavailable(f"the discovery document at {url} is not a JSON object")
    # §4.3: the issuer in the document must be exactly the one configured; otherwise a document
    # served by someone else could point us at their token endpoint.
    if str(document.get("issuer", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
        raise ProviderUnavailable(
            f"the discovery document names the issuer {document.get('issuer')!r}, "
            f"not OIDC_ISSUER {settings.OIDC_ISSUER!r}"
        )
    missing = [key for key in REQUIRED if not document.get(key)]
    if missing:
        raise ProviderUnavailable(f"the discovery document has no {', '.join(missing)}")
    with _lock:
        _cache[url] = (time.monotonic() + KEEP_SECONDS, document)
    return document


def forget() -> None:
    """Drop what was kept (tests, or a provider that moved)."""
    with _lock:
        _cache.clear()
