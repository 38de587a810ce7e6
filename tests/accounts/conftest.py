"""Sign-in with the company's identity provider: the product configured for one. The real test
provider is the session fixture ``identity_provider`` (tests/conftest.py)."""

from __future__ import annotations

import pytest

from accounts.oidc import discovery
from tests.identity_provider.fixtures import CLIENT_ID, CLIENT_SECRET

ISSUER = "https://id.example.com"
ROLE_MAP = "breachclock-counsel=Counsel,breachclock-responders=Responder"


@pytest.fixture
def oidc_settings(settings):
    """The product configured for a provider at ``ISSUER`` (nothing is fetched from it)."""
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_ENABLED = True
    settings.OIDC_DISCOVERY_URL = ""
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_PROVIDER_NAME = "Example Corp"
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = ROLE_MAP
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    discovery.forget()
    yield settings
    discovery.forget()
