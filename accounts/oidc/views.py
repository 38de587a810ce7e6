"""The "Sign in with <provider>" redirect and the provider's callback.

Both answer 404 while no provider is configured. Every failure (provider down, state lost to
the back button, a token that does not verify, the person declining at the provider) ends on the
sign-in page with a message, and in the audit trail; never a 500.
"""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accounts.oidc import discovery
from accounts.oidc.role_map import RoleMapError
from audit.choices import Action
from audit.recording import record

log = logging.getLogger(__name__)

# What can go wrong between us and the provider, as opposed to a bug of ours.
SIGN_IN_ERRORS = (
    discovery.ProviderUnavailable,
    requests.RequestException,
    SuspiciousOperation,
    jwt.PyJWTError,
    ImproperlyConfigured,
    RoleMapError,
    KeyError,
    ValueError,
)


def _failed(request, reason: str | None):
    """Back to the sign-in page with a message. The reason goes to the log and the audit trail,
    not to the page (it may name endpoints or keys); ``None`` when already audited."""
    log.warning("sign-in with the identity provider failed: %s", reason or "no user")
    if reason is not None:
        record(
            Action.LOGIN_FAILED,
            request=request,
            actor=None,
            actor_username="",
            summary=f"failed sign-in with {settings.OIDC_PROVIDER_NAME}: {reason}"[:500],
        )
    messages.error(
        request,
        f"Signing in with {settings.OIDC_PROVIDER_NAME} did not work. Try again; if it keeps "
        "failing, tell your administrator the time it happened.",
    )
    return redirect(settings.LOGIN_URL)


_NOT_TRIED = object()


def _require_enabled():
    if not settings.OIDC_ENABLED:
        raise Http404("Sign-in with an identity provider is not configured.")


class SignInStart(OIDCAuthenticationRequestView):
    """Send the browser to the provider with a fresh state, nonce and PKCE challenge."""

    def __init__(self, *args, **kwargs):
        # The library reads the endpoint from settings here; ours comes from discovery in get().
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        _require_enabled()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = discovery.provider_metadata()["authorization_endpoint"]
        except discovery.ProviderUnavailable as exc:
            return _failed(request, str(exc))
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class SignInCallback(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back with a code (or an error)."""

    def get(self, request):
        _require_enabled()
        try:
            return super().get(request)
        except SIGN_IN_ERRORS as exc:
            return _failed(request, f"{type(exc).__name__}: {exc}")

    def login_failure(self):
        user = getattr(self, "user", _NOT_TRIED)
        error = self.request.GET.get("error")
        if error:
            reason = f"the provider answered {error[:100]!r}"  # e.g. the person declined
        elif user is _NOT_TRIED:
            reason = "no sign-in was started in this browser session"
        elif user is None:
            reason = None  # audited by audit.signals through Django's user_login_failed
        else:
            reason = f"the account {user.get_username()} is deactivated"
        return _failed(self.request, reason)
