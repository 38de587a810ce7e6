"""Signing in with the company's identity provider, in Chromium, against a real OpenID Connect
provider (django-oidc-provider, started on loopback by the ``identity_provider`` fixture).

* A person in the counsel group at the provider clicks "Sign in with Example Corp", signs in
  at the provider, lands in Breachclock as a new user with the Counsel role, and sees the case
  once its owner puts them on the team. Moved to the responders group, their next sign-in (no
  password asked: the provider remembers them) swaps Counsel for Responder.
* A person in no mapped group lands with no role and sees no case.
* The local administrator still signs in with a password.

Screenshots go to ``<tmp>/shots-oidc/`` for a person to look at.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from accounts.models import ExternalIdentity
from accounts.oidc import discovery
from audit.choices import Action
from audit.models import AuditEvent
from audit.roles import COUNSEL, RESPONDER
from incidents import actions
from tests.browser.signing_in import sign_in
from tests.conftest import make_person
from tests.factories import IncidentFactory, UserFactory
from tests.identity_provider.fixtures import CLIENT_ID, CLIENT_SECRET

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir()) / "shots-oidc"
PROVIDER = "Example Corp"
SECRET_CASE = "Web skimmer on checkout"
OLGA = {
    "username": "olga.okafor",
    "password": "olga-at-example-corp-1",
    "email": "olga.okafor@example.com",
    "first_name": "Olga",
    "last_name": "Okafor",
    "groups": ["breachclock-counsel", "all-staff"],
}
NICO = {
    "username": "nico.novak",
    "password": "nico-at-example-corp-1",
    "email": "nico.novak@example.com",
    "first_name": "Nico",
    "last_name": "Novak",
    "groups": ["marketing", "all-staff"],
}


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def company_sign_in(settings, identity_provider, live_server):
    """Breachclock configured for the test provider, with Olga and Nico seeded there."""
    identity_provider.seed(
        users=[OLGA, NICO], redirect_uri=f"{live_server.url}/accounts/oidc/callback/"
    )
    settings.OIDC_ISSUER = identity_provider.issuer
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_PROVIDER_NAME = PROVIDER
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = "breachclock-counsel=Counsel,breachclock-responders=Responder"
    discovery.forget()
    yield identity_provider
    discovery.forget()


@pytest.fixture
def secret_case(db):
    owner = make_person("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")
    return IncidentFactory(owner=owner, title=SECRET_CASE)


def sign_in_at_provider(page, provider, person, *, name: str | None = None) -> None:
    page.get_by_role("link", name=f"Sign in with {PROVIDER}").click()
    page.wait_for_url(re.compile(re.escape(provider.url) + r"/login/.*"))
    page.fill("#id_username", person["username"])
    page.fill("#id_password", person["password"])
    if name:
        shot(page, name)
    page.get_by_role("button", name="Sign in to Example Corp").click()


def linked_user(person):
    return ExternalIdentity.objects.select_related("user").get(user__email=person["email"]).user


def roles_of(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_counsel_signs_in_with_the_provider_and_sees_the_case(
    page, live_server, company_sign_in, secret_case
):
    provider = company_sign_in
    # The provider's pages are not ours (it has no favicon): errors of Breachclock's own only.
    failed = []
    page.on(
        "response",
        lambda r: (
            failed.append(r.url) if r.status >= 400 and r.url.startswith(live_server.url) else None
        ),
    )
    page.goto("/incidents/")
    assert "/accounts/login/" in page.url
    button = page.get_by_role("link", name=f"Sign in with {PROVIDER}")
    assert button.is_visible()
    shot(page, "01-login-page")

    sign_in_at_provider(page, provider, OLGA, name="02-provider-login")
    # Back in Breachclock, where the person asked to go, signed in as a new user.
    page.wait_for_url(re.compile(r".*/incidents/$"))
    assert page.locator(".user-name").inner_text() == "Olga Okafor"
    olga = linked_user(OLGA)
    assert roles_of(olga) == {COUNSEL}
    assert not olga.has_usable_password()
    assert olga.username == "olga.okafor"
    assert SECRET_CASE not in page.content()  # Counsel, but on no team yet
    shot(page, "03-signed-in-no-team-yet")

    sign_in = AuditEvent.objects.filter(action=Action.LOGIN, actor_id=olga.pk).get()
    assert sign_in.summary == f"signed in with {PROVIDER}"
    assert sign_in.after["issuer"] == provider.issuer
    created = AuditEvent.objects.filter(action=Action.CHANGE, object_id=str(olga.pk))
    assert created.filter(summary__startswith="account created at the first sign-in").exists()

    # The case owner puts her on the team: with the Counsel role she sees and opens the case.
    actions.add_team_member(secret_case, olga, "counsel", acting_user=secret_case.owner)
    page.goto("/incidents/")
    page.get_by_role("link", name=SECRET_CASE).click()
    page.wait_for_url(re.compile(rf".*/incidents/{secret_case.pk}/$"))
    assert page.get_by_role("heading", name=SECRET_CASE).is_visible()
    shot(page, "04-counsel-sees-the-case")
    page.goto("/accounts/profile/")
    assert page.locator(".profile-roles").inner_text() == COUNSEL
    shot(page, "05-profile-counsel")

    # Sign out; at the company she moves from counsel to the responders.
    page.get_by_role("button", name=re.compile("Sign out", re.I)).click()
    provider.seed(users=[{**OLGA, "groups": ["breachclock-responders"]}])
    page.goto("/accounts/login/")
    # The provider still knows her (its own session): no password, straight back in.
    page.get_by_role("link", name=f"Sign in with {PROVIDER}").click()
    page.wait_for_url(re.compile(r".*/$"))
    assert page.locator(".user-name").inner_text() == "Olga Okafor"
    olga.refresh_from_db()
    assert roles_of(olga) == {RESPONDER}  # synced: Counsel taken away, Responder given
    assert ExternalIdentity.objects.filter(user=olga).count() == 1
    changed = AuditEvent.objects.filter(
        action=Action.CHANGE, object_id=str(olga.pk), summary__startswith="roles set from"
    ).latest("pk")
    assert changed.before == {"roles": [COUNSEL]} and changed.after == {"roles": [RESPONDER]}
    assert failed == []


def test_a_person_in_no_mapped_group_lands_with_no_role(page, company_sign_in, secret_case):
    page.goto("/")
    sign_in_at_provider(page, company_sign_in, NICO)
    page.wait_for_url(re.compile(r".*/$"))
    assert page.locator(".user-name").inner_text() == "Nico Novak"
    nico = linked_user(NICO)
    assert roles_of(nico) == set()
    page.goto("/incidents/")
    assert SECRET_CASE not in page.content()
    shot(page, "06-no-role-sees-no-cases")
    page.goto("/accounts/profile/")
    assert page.locator(".profile-roles").inner_text().startswith("No role yet")
    shot(page, "07-profile-no-role")
    assert AuditEvent.objects.filter(action=Action.LOGIN, actor_id=nico.pk).exists()


def test_the_local_administrator_still_signs_in_with_a_password(page, company_sign_in):
    admin = UserFactory(username="first.admin", is_staff=True, is_superuser=True)
    admin.set_password("first-admin-password-1")
    admin.save()
    page.goto("/accounts/login/")
    assert page.get_by_role("link", name=f"Sign in with {PROVIDER}").is_visible()
    sign_in(page, "first.admin", "first-admin-password-1", at=None)
    page.wait_for_url(re.compile(r".*/$"))
    assert page.locator(".user-name").is_visible()
    shot(page, "08-local-admin-signed-in")
    login = AuditEvent.objects.filter(action=Action.LOGIN, actor_id=admin.pk).get()
    assert login.summary == ""
    assert not ExternalIdentity.objects.filter(user=admin).exists()


def test_declining_at_the_provider_returns_to_sign_in_with_a_message(page, company_sign_in):
    # The provider sends the person back with an error (here: a callback nobody started).
    page.goto("/accounts/oidc/callback/?error=access_denied&state=nothing-we-sent")
    page.wait_for_url(re.compile(r".*/accounts/login/$"))
    assert f"Signing in with {PROVIDER} did not work" in page.content()
    shot(page, "09-sign-in-failed-message")
    failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("pk")
    assert "access_denied" in failed.summary
