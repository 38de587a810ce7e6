"""mozilla-django-oidc's backend, with endpoints from discovery and users linked by subject.

https://mozilla-django-oidc.readthedocs.io/en/stable/installation.html
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.backends import OneQueryModelBackend
from accounts.oidc import discovery, users


class CompanySignInBackend(OIDCAuthenticationBackend):
    """Authenticates the callback of a sign-in with the company's identity provider.

    Abstains from every other ``authenticate()`` (the password form, DRF): only the callback
    passes the ``nonce`` it kept in the session.
    """

    def __init__(self, *args, **kwargs):
        # Django builds the backend for every request of a signed-in user (``get_user``): no
        # settings are required and nothing is fetched until a sign-in needs it.
        self.UserModel = get_user_model()

    def get_user(self, user_id):
        """As ModelBackend (a deactivated user's session ends at the next request); and with the
        provider switched off, the sessions it opened end too."""
        # The user and their permissions in one statement, as for a password sign-in.
        return OneQueryModelBackend().get_user(user_id) if settings.OIDC_ENABLED else None

    # Permissions are answered by accounts.backends.OneQueryModelBackend alone; inheriting
    # ModelBackend's here would ask the database a second time for every check.
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None, backend=None):
        return self.UserModel._default_manager.none()

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs or not settings.OIDC_ENABLED:
            return None
        metadata = discovery.provider_metadata()
        self.OIDC_OP_TOKEN_ENDPOINT = metadata["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = metadata.get("userinfo_endpoint")
        self.OIDC_OP_JWKS_ENDPOINT = metadata["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        """The library checks the signature, expiry and nonce; the ID token must also come from
        our issuer and be meant for us (OpenID Connect Core §3.1.3.7, steps 2 and 3)."""
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (a signed userinfo answer has no nonce)
            if str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
                raise SuspiciousOperation("the ID token was issued by another issuer")
            audience = payload.get("aud")
            audience = [audience] if isinstance(audience, str) else list(audience or [])
            if self.OIDC_RP_CLIENT_ID not in audience:
                raise SuspiciousOperation("the ID token is meant for another client")
            self.id_token_claims = payload
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint's (some providers put the
        groups in one, some in the other). Both must be about the same subject (§5.3.2)."""
        claims = {k: v for k, v in payload.items() if k not in {"nonce", "at_hash", "aud"}}
        if self.OIDC_OP_USER_ENDPOINT:
            info = super().get_userinfo(access_token, id_token, payload)
            if str(info.get("sub")) != str(payload.get("sub")):
                raise SuspiciousOperation("the userinfo answer is about another subject")
            claims.update(info)
        return claims

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("the identity provider sent no subject (sub)")
        user = users.user_for_claims(claims, issuer=settings.OIDC_ISSUER.rstrip("/"))
        # Read by audit.signals.on_login: which identity this sign-in came through.
        user.sign_in_detail = {
            "via": settings.OIDC_PROVIDER_NAME,
            "issuer": settings.OIDC_ISSUER.rstrip("/"),
            "sub": str(claims["sub"]),
        }
        return user
