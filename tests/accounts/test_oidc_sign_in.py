"""The sign-in exchange with a real OpenID Connect provider (django-oidc-provider on loopback),
driven by Django's test client on our side and plain HTTP on the provider's: every failure ends
on the sign-in page with a message and an audit event, never a 500 and never a session.
"""

from __future__ import annotations

import re
import socket
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ExternalIdentity
from audit.choices import Action
from audit.models import AuditEvent
from audit.roles import COUNSEL
from tests.accounts.conftest import CLIENT_ID

pytestmark = pytest.mark.django_db

CALLBACK = "http://testserver/accounts/oidc/callback/"
OLGA = {
    "username": "olga.okafor",
    "password": "olga-at-example-corp-1",
    "email": "olga.okafor@example.com",
    "first_name": "Olga",
    "last_name": "Okafor",
    "groups": ["breachclock-counsel"],
}


@pytest.fixture
def provider(oidc_settings, identity_provider):
    identity_provider.seed(users=[OLGA], redirect_uri=CALLBACK)
    oidc_settings.OIDC_ISSUER = identity_provider.issuer
    return identity_provider


def at_provider(authorize_url: str, person: dict) -> str:
    """Sign in at the provider as ``person`` (a browser would); the callback URL it answers."""
    browser = requests.Session()
    page = browser.get(authorize_url, timeout=10)  # -> its sign-in form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    signed_in = browser.post(
        page.url,
        data={
            "csrfmiddlewaretoken": token,
            "username": person["username"],
            "password": person["password"],
            "next": parse_qs(urlparse(page.url).query)["next"][0],
        },
        headers={"Referer": page.url},
        allow_redirects=False,
        timeout=10,
    )
    authorize = browser.get(
        urljoin(page.url, signed_in.headers["Location"]), allow_redirects=False, timeout=10
    )
    return authorize.headers["Location"]


def start(client: Client, next_url: str = "/incidents/") -> str:
    response = client.get("/accounts/oidc/start/", {"next": next_url})
    assert response.status_code == 302
    return response.headers["Location"]


def local(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.path}?{parsed.query}"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_sign_in_through_the_provider(provider):
    client = Client()
    authorize = start(client)
    assert authorize.startswith(provider.issuer + "/authorize?")
    query = parse_qs(urlparse(authorize).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["code_challenge_method"] == ["S256"]  # PKCE
    assert query["nonce"] and query["state"]

    landed = client.get(local(at_provider(authorize, OLGA)))
    assert landed.status_code == 302 and landed.headers["Location"] == "/incidents/"
    page = client.get("/incidents/")
    assert page.status_code == 200 and page.context["user"].username == "olga.okafor"
    olga = ExternalIdentity.objects.get(issuer=provider.issuer).user
    assert set(olga.groups.values_list("name", flat=True)) == {COUNSEL}
    event = AuditEvent.objects.get(action=Action.LOGIN, actor_id=olga.pk)
    assert event.summary == "signed in with Example Corp"
    assert event.after == {
        "via": "Example Corp",
        "issuer": provider.issuer,
        "sub": str(event.after["sub"]),
    }


def test_a_replayed_callback_signs_nobody_in(provider):
    client = Client()
    callback = local(at_provider(start(client), OLGA))
    assert client.get(callback).status_code == 302
    client.post("/accounts/logout/")
    again = client.get(callback, follow=True)
    assert again.status_code == 200
    assert again.context["user"].is_anonymous
    assert any("did not work" in m for m in messages_of(again))
    failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("pk")
    assert "Example Corp" in failed.summary


def test_a_callback_from_another_browser_is_refused(provider):
    """The state lives in the session of the browser that started: a link sent to someone
    else (login CSRF) signs them in as nobody."""
    callback = local(at_provider(start(Client()), OLGA))
    stranger = Client()
    response = stranger.get(callback, follow=True)
    assert response.context["user"].is_anonymous
    assert any("did not work" in m for m in messages_of(response))
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED).exists()
    assert not ExternalIdentity.objects.exists()


def test_a_wrong_client_secret_is_refused_by_the_provider_and_reported(provider, settings):
    client = Client()
    callback = local(at_provider(start(client), OLGA))
    settings.OIDC_RP_CLIENT_SECRET = "not-the-secret"
    response = client.get(callback, follow=True)
    assert response.context["user"].is_anonymous
    assert any("Signing in with Example Corp did not work" in m for m in messages_of(response))
    failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("pk")
    assert "HTTPError" in failed.summary
    assert not ExternalIdentity.objects.exists()


def test_a_deactivated_user_cannot_sign_in_through_the_provider(provider):
    client = Client()
    client.get(local(at_provider(start(client), OLGA)))
    olga = ExternalIdentity.objects.get().user
    olga.is_active = False
    olga.save()
    assert client.get("/incidents/").status_code == 302  # the open session ends too
    client = Client()
    response = client.get(local(at_provider(start(client), OLGA)), follow=True)
    assert response.context["user"].is_anonymous
    assert (
        "deactivated" in AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("pk").summary
    )


def test_two_factor_still_applies_after_the_provider(provider):
    client = Client()
    client.get(local(at_provider(start(client), OLGA)))
    olga = ExternalIdentity.objects.get().user
    TOTPDevice.objects.create(user=olga, name="phone", confirmed=True)
    client.post("/accounts/logout/")
    client.get(local(at_provider(start(client), OLGA)))
    response = client.get("/incidents/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/security/two-factor/verify/")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_provider_gives_a_message_not_an_error(oidc_settings):
    oidc_settings.OIDC_ISSUER = f"http://127.0.0.1:{_closed_port()}/openid"
    oidc_settings.OIDC_TIMEOUT = 2
    response = Client().get("/accounts/oidc/start/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert any("did not work" in m for m in messages_of(response))
    failed = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert "discovery document" in failed.summary


def test_sign_in_with_a_provider_is_off_until_configured(settings, client):
    settings.OIDC_ISSUER = ""
    settings.OIDC_ENABLED = False
    assert client.get("/accounts/oidc/start/").status_code == 404
    assert client.get("/accounts/oidc/callback/?code=x&state=y").status_code == 404
    login = client.get("/accounts/login/")
    assert b"Sign in with" not in login.content


def test_the_login_page_offers_the_provider_when_configured(oidc_settings, client):
    login = client.get("/accounts/login/?next=/incidents/")
    assert (
        b'href="/accounts/oidc/start/?next=/incidents/">Sign in with Example Corp</a>'
        in login.content
    )
