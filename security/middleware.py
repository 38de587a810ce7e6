"""Response headers Django does not set, session expiry, and the two-factor step."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from audit.choices import Action
from audit.recording import record
from audit.signals import SESSION_AUTH_AT, SESSION_SEEN_AT
from security.signals import SESSION_HAS_DEVICE

# Writing "last seen" on every request would cost a database write per page; a minute's
# precision is plenty for an idle limit measured in tens of minutes.
SEEN_RESOLUTION_SECONDS = 60


class SecurityHeadersMiddleware:
    """Permissions-Policy (Django sets the others: nosniff, Referrer-Policy, COOP, frames)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SessionExpiryMiddleware:
    """Sign the user out after ``SESSION_IDLE_TIMEOUT`` seconds without a request, and after
    ``SESSION_ABSOLUTE_TIMEOUT`` seconds since they signed in, whatever they did since."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            session = request.session
            auth_at = session.get(SESSION_AUTH_AT)
            seen_at = session.get(SESSION_SEEN_AT)
            reason = None
            if auth_at is None:
                # A session from before this policy: start its clocks now.
                session[SESSION_AUTH_AT] = session[SESSION_SEEN_AT] = now
            elif now - auth_at > settings.SESSION_ABSOLUTE_TIMEOUT:
                reason = "absolute limit"
            elif seen_at is not None and now - seen_at > settings.SESSION_IDLE_TIMEOUT:
                reason = "idle limit"
            elif seen_at is None or now - seen_at >= SEEN_RESOLUTION_SECONDS:
                session[SESSION_SEEN_AT] = now
            if reason:
                record(
                    Action.SESSION_EXPIRED,
                    request=request,
                    actor=user,
                    obj=user,
                    summary=f"session ended: {reason}",
                )
                logout(request)  # flushes the session; request.user becomes anonymous
        return self.get_response(request)


class TwoFactorMiddleware:
    """A signed-in user who has a confirmed TOTP device must enter a code before anything else.

    With ``OTP_REQUIRED_FOR_STAFF``, staff without a device are sent to enrol first. Whether the
    user has a device is noted in the session at sign-in (security.signals), so ordinary
    requests pay no query for it.
    """

    allowed_prefixes = ("/static/", "/health/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(self.allowed_prefixes)
        ):
            step = self.step_needed(request, user)
            if step is not None and request.path not in self.exempt_paths():
                target = reverse(step)
                if step == "security:otp_verify":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)

    @staticmethod
    def step_needed(request, user):
        if request.session.get(SESSION_HAS_DEVICE):
            return "security:otp_verify"
        if settings.OTP_REQUIRED_FOR_STAFF and user.is_staff:
            return "security:otp_setup"
        return None

    @staticmethod
    def exempt_paths():
        paths = {reverse("security:otp_verify"), reverse("security:otp_setup")}
        try:
            paths.add(reverse("logout"))
        except NoReverseMatch:
            pass
        return paths


class NulByteGuardMiddleware:
    """Refuse, with a 400 naming the field, any request carrying a NUL character.

    No field of ours can hold one, and PostgreSQL cannot store or even compare one: left to the
    database it becomes a 500 (found by the API fuzz run). The address, query strings and form
    fields are checked here; JSON bodies are validated field by field by the API itself, and
    file uploads are bytes that never become a text column.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.find(request)
        if problem:
            message = f"{problem} contains a NUL character, which is not allowed."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def find(request) -> str | None:
        if "\x00" in request.path:
            return "The address"
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return f"The query parameter {key.replace(chr(0), '')!r}"
        form_types = ("application/x-www-form-urlencoded", "multipart/form-data")
        # The API's form bodies are left to the API: reading them here would consume the body, so
        # a JSON-only endpoint would see an empty form instead of answering 415; the one upload
        # it takes goes through serializer fields that refuse NUL themselves.
        api = request.path.startswith("/api/")
        if (
            request.method in ("POST", "PUT", "PATCH")
            and request.content_type in form_types
            and not api
        ):
            for key, values in request.POST.lists():
                if "\x00" in key or any("\x00" in v for v in values):
                    return f"The field {key.replace(chr(0), '')!r}"
        return None


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on everything that shows case data (``NO_STORE_PATHS``).

    Case pages, exports, calendar feeds, the audit trail, the admin and the API: neither the
    browser's cache nor a proxy keeps a copy after sign-out. Static files are left cacheable.
    One place, keyed on path prefixes, so a new page under them is covered without a decorator.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.NO_STORE_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if path == "/" or path.startswith(self.prefixes):
            from django.utils.cache import patch_cache_control

            patch_cache_control(response, private=True, no_store=True)
        return response
