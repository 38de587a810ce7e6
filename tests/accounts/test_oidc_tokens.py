"""The ID token checks the backend adds to the library's (signature, expiry, nonce): it must
come from our issuer and be meant for our client. Tokens here are really signed (PyJWT, HS256
with the client secret, as a provider may sign them), so nothing is fetched."""

from __future__ import annotations

import time

import jwt
import pytest
from django.core.exceptions import SuspiciousOperation

from accounts.oidc.backend import CompanySignInBackend
from tests.accounts.conftest import CLIENT_ID, CLIENT_SECRET, ISSUER

NONCE = "n-0S6_WzA2Mj"


@pytest.fixture
def backend(oidc_settings):
    oidc_settings.OIDC_RP_SIGN_ALGO = "HS256"
    backend = CompanySignInBackend()
    backend.OIDC_RP_CLIENT_ID = CLIENT_ID
    backend.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    backend.OIDC_RP_SIGN_ALGO = "HS256"
    backend.OIDC_RP_IDP_SIGN_KEY = None
    backend.OIDC_OP_JWKS_ENDPOINT = None
    backend.OIDC_OP_USER_ENDPOINT = None
    return backend


def id_token(key=CLIENT_SECRET, **changes):
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "u-1001", "aud": CLIENT_ID, "iat": now, "exp": now + 300}
    claims["nonce"] = NONCE
    claims.update(changes)
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, key, algorithm="HS256")


def test_a_token_from_our_issuer_for_our_client_passes(backend):
    assert backend.verify_token(id_token(), nonce=NONCE)["sub"] == "u-1001"
    assert backend.verify_token(id_token(aud=["other", CLIENT_ID]), nonce=NONCE)


REFUSED = [
    # (what is wrong, token changes, nonce the session kept)
    ("another issuer", {"iss": "https://evil.example.com"}, NONCE),
    ("no issuer", {"iss": None}, NONCE),
    ("meant for another client", {"aud": "someone-else"}, NONCE),
    ("no audience", {"aud": None}, NONCE),
    ("a nonce we did not send", {}, "another-nonce"),
]


@pytest.mark.parametrize(("wrong", "changes", "nonce"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_token_that_is_not_ours_is_refused(backend, wrong, changes, nonce):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(**changes), nonce=nonce)


def test_a_token_signed_with_another_key_or_expired_is_refused(backend):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(key="not-the-client-secret-0123456789"), nonce=NONCE)
    with pytest.raises(jwt.ExpiredSignatureError):
        backend.verify_token(id_token(exp=int(time.time()) - 60), nonce=NONCE)


def test_claims_come_from_the_id_token_when_there_is_no_userinfo_endpoint(backend):
    payload = {"sub": "u-1", "nonce": NONCE, "aud": CLIENT_ID, "groups": ["breachclock-counsel"]}
    assert backend.get_userinfo("access", "id", payload) == {
        "sub": "u-1",
        "groups": ["breachclock-counsel"],
    }


def test_the_backend_abstains_from_password_sign_ins(backend, rf):
    request = rf.post("/accounts/login/")
    assert backend.authenticate(request, username="olga", password="x") is None
    assert backend.authenticate(None, nonce=NONCE) is None
