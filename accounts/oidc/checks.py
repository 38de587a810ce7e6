"""``manage.py check`` (and every command that runs the checks: migrate, runserver) refuses a
half-configured identity provider, rather than letting sign-in fail later for the first person
who tries it during an incident."""

from __future__ import annotations

from urllib.parse import urlparse

from django.conf import settings
from django.core.checks import Error, register

from accounts.oidc.role_map import RoleMapError, parse_role_map

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _plain_http_off_loopback(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme != "https" and (parsed.hostname or "") not in LOOPBACK


@register()
def check_identity_provider(app_configs=None, **kwargs) -> list[Error]:
    errors: list[Error] = []
    issuer = settings.OIDC_ISSUER
    if not issuer:
        stray = [
            name
            for name, value in (
                ("OIDC_CLIENT_ID", settings.OIDC_RP_CLIENT_ID),
                ("OIDC_CLIENT_SECRET", settings.OIDC_RP_CLIENT_SECRET),
                ("OIDC_DISCOVERY_URL", settings.OIDC_DISCOVERY_URL),
                ("OIDC_ROLE_MAP", settings.OIDC_ROLE_MAP),
            )
            if value
        ]
        if stray:
            errors.append(
                Error(
                    f"{', '.join(stray)} set but OIDC_ISSUER is not: sign-in with the identity "
                    "provider stays off.",
                    hint="Set OIDC_ISSUER to the provider's issuer URL, or unset the others.",
                    id="accounts.E001",
                )
            )
        return errors
    for name, value in (
        ("OIDC_CLIENT_ID", settings.OIDC_RP_CLIENT_ID),
        ("OIDC_CLIENT_SECRET", settings.OIDC_RP_CLIENT_SECRET),
    ):
        if not value:
            errors.append(
                Error(
                    f"OIDC_ISSUER is set but {name} is not.",
                    hint=f"Set {name} to the value the identity provider gave for this client.",
                    id="accounts.E002",
                )
            )
    for name, url in (
        ("OIDC_ISSUER", issuer),
        ("OIDC_DISCOVERY_URL", settings.OIDC_DISCOVERY_URL),
    ):
        if url and _plain_http_off_loopback(url):
            errors.append(
                Error(
                    f"{name} {url!r} is not an https:// URL.",
                    hint="Tokens and keys must come over TLS; plain http is only for a provider "
                    "on this machine (127.0.0.1, localhost).",
                    id="accounts.E003",
                )
            )
    try:
        parse_role_map(settings.OIDC_ROLE_MAP)
    except RoleMapError as exc:
        errors.append(Error(str(exc), id="accounts.E004"))
    if not settings.OIDC_GROUPS_CLAIM.strip():
        errors.append(
            Error(
                "OIDC_GROUPS_CLAIM is empty.", hint="The default is 'groups'.", id="accounts.E005"
            )
        )
    return errors
