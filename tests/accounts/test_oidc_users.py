"""The user an identity at the provider signs in as, and its roles (accounts.oidc.users).

Claims here are what the backend hands over after verifying the ID token; the whole exchange
with a real provider is in test_oidc_sign_in.py and tests/browser/test_oidc_journey.py.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.models import ExternalIdentity
from accounts.oidc.role_map import RoleMapError
from accounts.oidc.users import user_for_claims
from audit.choices import Action
from audit.models import AuditEvent
from audit.roles import AUDITOR, COUNSEL, RESPONDER, RULES_ADMINISTRATOR
from tests.accounts.conftest import ISSUER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def claims(sub="u-1001", groups=("breachclock-counsel",), **extra):
    base = {
        "sub": sub,
        "preferred_username": "olga.okafor",
        "email": "olga.okafor@example.com",
        "given_name": "Olga",
        "family_name": "Okafor",
        "groups": None if groups is None else list(groups),
    }
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


def roles_of(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def role_events(user):
    return AuditEvent.objects.filter(
        action=Action.CHANGE, object_id=str(user.pk), summary__startswith="roles set from"
    ).order_by("pk")


# (groups in the claim at the first sign-in, roles the new user holds)
FIRST_SIGN_IN = [
    (["breachclock-counsel"], {COUNSEL}),
    (["breachclock-responders", "all-staff"], {RESPONDER}),
    (["breachclock-counsel", "breachclock-responders"], {COUNSEL, RESPONDER}),
    (["marketing"], set()),
    ([], set()),
]


@pytest.mark.parametrize(("groups", "roles"), FIRST_SIGN_IN)
def test_first_sign_in_creates_the_user_with_only_the_roles_the_claim_grants(
    oidc_settings, groups, roles
):
    user = user_for_claims(claims(groups=groups), issuer=ISSUER)
    assert roles_of(user) == roles
    assert user.username == "olga.okafor"
    assert (user.email, user.first_name, user.last_name) == (
        "olga.okafor@example.com",
        "Olga",
        "Okafor",
    )
    assert not user.has_usable_password()  # signs in through the provider only
    assert not user.is_staff and not user.is_superuser
    identity = ExternalIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (ISSUER, "u-1001")
    assert identity.last_sign_in_at is not None
    created = AuditEvent.objects.get(
        action=Action.CHANGE, object_id=str(user.pk), summary__startswith="account created"
    )
    assert created.after["sub"] == "u-1001" and created.actor_id == user.pk


def test_first_sign_in_without_a_groups_claim_gives_no_role(oidc_settings):
    user = user_for_claims(claims(groups=None), issuer=ISSUER)
    assert "groups" not in claims(groups=None)
    assert roles_of(user) == set()


# (groups at the first sign-in, groups at the next, roles after the next)
LATER_SIGN_IN = [
    (["breachclock-counsel"], ["breachclock-responders"], {RESPONDER}),  # moved: synced
    (["breachclock-counsel"], [], set()),  # left every group: roles taken away
    (["marketing"], ["breachclock-counsel"], {COUNSEL}),  # joined later
    (["breachclock-counsel"], ["breachclock-counsel"], {COUNSEL}),  # unchanged
]


@pytest.mark.parametrize(("first", "later", "roles"), LATER_SIGN_IN)
def test_later_sign_ins_sync_the_roles_from_the_claim(oidc_settings, first, later, roles):
    user = user_for_claims(claims(groups=first), issuer=ISSUER)
    again = user_for_claims(claims(groups=later), issuer=ISSUER)
    assert again.pk == user.pk
    assert roles_of(again) == roles
    events = list(role_events(user))
    if set(first) == set(later):
        assert len(events) == (1 if first == ["breachclock-counsel"] else 0)
    else:
        assert events[-1].after == {"roles": sorted(roles)}


def test_a_missing_groups_claim_at_a_later_sign_in_takes_the_mapped_roles_away(oidc_settings):
    user = user_for_claims(claims(), issuer=ISSUER)
    assert roles_of(user) == {COUNSEL}
    user_for_claims(claims(groups=None), issuer=ISSUER)
    assert roles_of(user) == set()  # fail closed: a scope lost at the provider grants nothing


def test_roles_the_map_does_not_name_stay_as_an_administrator_set_them(oidc_settings):
    user = user_for_claims(claims(groups=["marketing"]), issuer=ISSUER)
    user.groups.add(Group.objects.get(name=AUDITOR), Group.objects.get(name=RULES_ADMINISTRATOR))
    user_for_claims(claims(groups=["breachclock-counsel"]), issuer=ISSUER)
    assert roles_of(user) == {AUDITOR, RULES_ADMINISTRATOR, COUNSEL}
    user_for_claims(claims(groups=[]), issuer=ISSUER)
    assert roles_of(user) == {AUDITOR, RULES_ADMINISTRATOR}


def test_profile_follows_the_provider(oidc_settings):
    user = user_for_claims(claims(), issuer=ISSUER)
    user_for_claims(claims(email="olga@example.org", family_name="Okafor-Smith"), issuer=ISSUER)
    user.refresh_from_db()
    assert (user.email, user.last_name) == ("olga@example.org", "Okafor-Smith")
    assert user.username == "olga.okafor"  # the username never changes under people's feet


def test_an_identity_is_matched_by_subject_never_by_email(oidc_settings):
    """Someone at the provider with the administrator's address (or user name) gets an account
    of their own, not the administrator's."""
    admin = UserFactory(
        username="olga.okafor", email="olga.okafor@example.com", is_staff=True, is_superuser=True
    )
    user = user_for_claims(claims(), issuer=ISSUER)
    assert user.pk != admin.pk
    assert user.username == "olga.okafor-2"
    assert not user.is_superuser
    assert not ExternalIdentity.objects.filter(user=admin).exists()


def test_the_same_subject_at_another_issuer_is_another_person(oidc_settings):
    one = user_for_claims(claims(), issuer=ISSUER)
    other = user_for_claims(claims(), issuer="https://other-idp.example.net")
    assert one.pk != other.pk


def test_usernames_are_made_safe_and_fall_back_to_email_then_subject(oidc_settings):
    odd = user_for_claims(
        claims(sub="s-1", preferred_username="Olga Okafor (Legal)"), issuer=ISSUER
    )
    assert odd.username == "Olga-Okafor--Legal-"
    by_email = user_for_claims(claims(sub="s-2", preferred_username=None), issuer=ISSUER)
    assert by_email.username == "olga.okafor@example.com"
    by_sub = user_for_claims(
        claims(sub="248289761001", preferred_username=None, email=None), issuer=ISSUER
    )
    assert by_sub.username == "248289761001"


def test_a_bad_role_map_refuses_the_sign_in_and_changes_nothing(oidc_settings):
    oidc_settings.OIDC_ROLE_MAP = "breachclock-counsel=Counsle"
    with pytest.raises(RoleMapError):
        user_for_claims(claims(), issuer=ISSUER)
    assert not ExternalIdentity.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CHANGE).exists()


def test_the_admin_lists_identities_read_only(oidc_settings, client):
    user_for_claims(claims(), issuer=ISSUER)
    admin = UserFactory(username="first.admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get("/admin/accounts/externalidentity/")
    assert listing.status_code == 200
    assert b"u-1001" in listing.content and b"olga.okafor" in listing.content
    assert client.get("/admin/accounts/externalidentity/add/").status_code == 403
