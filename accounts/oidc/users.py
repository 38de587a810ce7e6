"""The user an identity at the provider signs in as, and the roles its groups claim grants.

An identity is matched by (issuer, subject), the provider's stable identifier, never by e-mail:
an address can be edited or re-used at the provider, and matching on it could sign a stranger
in as the local administrator. The first sign-in creates a new user (no password, so it can only
sign in through the provider) linked to that identity.

Roles: every role that ``OIDC_ROLE_MAP`` names is *synced* from the groups claim at every
sign-in, added and removed, so that taking someone out of a group at the company takes the role
away here at their next sign-in. Roles the map does not name are left as an administrator set
them. A missing groups claim counts as no groups (fail closed).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import ExternalIdentity
from accounts.oidc.role_map import groups_in, managed_roles, parse_role_map, roles_granted
from audit.choices import Action
from audit.recording import record

log = logging.getLogger(__name__)

USERNAME_MAX = 150
_NOT_IN_USERNAME = re.compile(r"[^\w.@+-]")


def _username_for(claims: Mapping) -> str:
    """A readable, free username: the provider's ``preferred_username``, else the e-mail, else
    the subject; ``-2``, ``-3``... when a local account already has it."""
    wanted = str(claims.get("preferred_username") or claims.get("email") or claims["sub"])
    base = _NOT_IN_USERNAME.sub("-", wanted)[: USERNAME_MAX - 4] or "user"
    User = get_user_model()
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _profile_from(claims: Mapping) -> dict[str, str]:
    fields = {
        "email": str(claims.get("email") or "")[:254],
        "first_name": str(claims.get("given_name") or "")[:150],
        "last_name": str(claims.get("family_name") or "")[:150],
    }
    return {name: value for name, value in fields.items() if value}


def _role_names(user) -> list[str]:
    from audit.roles import ROLES

    return sorted(name for name in user.groups.values_list("name", flat=True) if name in ROLES)


def sync_roles(user, claims: Mapping) -> tuple[list[str], list[str]]:
    """Set the roles the map manages to what the groups claim grants; (before, after) names."""
    mapping = parse_role_map(settings.OIDC_ROLE_MAP)
    groups = groups_in(claims, settings.OIDC_GROUPS_CLAIM)
    if groups is None and mapping:
        log.warning(
            "the identity provider sent no %r claim for %s: no role granted",
            settings.OIDC_GROUPS_CLAIM,
            user.get_username(),
        )
    granted = roles_granted(groups, mapping)
    managed = managed_roles(mapping)
    before = _role_names(user)
    held = set(before)
    to_add = (granted - held) & managed
    to_remove = (held & managed) - granted
    if to_add:
        user.groups.add(*Group.objects.filter(name__in=to_add))
    if to_remove:
        user.groups.remove(*Group.objects.filter(name__in=to_remove))
    return before, _role_names(user) if (to_add or to_remove) else before


@transaction.atomic
def user_for_claims(claims: Mapping, *, issuer: str):
    """The user for these verified claims (``sub`` present), created at the first sign-in, with
    profile and roles updated from the claims. Each creation and role change is audited; the
    sign-in itself is audited by ``audit.signals.on_login``."""
    provider = settings.OIDC_PROVIDER_NAME
    subject = str(claims["sub"])
    identity = (
        ExternalIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    profile = _profile_from(claims)
    if identity is None:
        User = get_user_model()
        user = User.objects.create_user(_username_for(claims), **profile)  # no usable password
        identity = ExternalIdentity.objects.create(user=user, issuer=issuer, subject=subject)
        record(
            Action.CHANGE,
            actor=user,
            obj=user,
            summary=f"account created at the first sign-in with {provider}",
            after={"username": user.get_username(), **profile, "issuer": issuer, "sub": subject},
        )
    else:
        user = identity.user
        changed = {k: v for k, v in profile.items() if getattr(user, k) != v}
        if changed:
            before = {k: getattr(user, k) for k in changed}
            for name, value in changed.items():
                setattr(user, name, value)
            user.save(update_fields=list(changed))
            record(
                Action.CHANGE,
                actor=user,
                obj=user,
                summary=f"profile updated from {provider}",
                before=before,
                after=changed,
            )
    before, after = sync_roles(user, claims)
    if before != after:
        record(
            Action.CHANGE,
            actor=user,
            obj=user,
            summary=f"roles set from the {settings.OIDC_GROUPS_CLAIM!r} claim of {provider}",
            before={"roles": before},
            after={"roles": after},
        )
    identity.last_sign_in_at = timezone.now()
    identity.save(update_fields=["last_sign_in_at"])
    return user
