"""Two-factor enrolment and verification; API token listing and revocation."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from audit.choices import Action
from audit.recording import record
from security.signals import SESSION_HAS_DEVICE


def _safe_next(request, default="/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _home() -> str:
    try:
        return resolve_url(settings.LOGIN_REDIRECT_URL)
    except NoReverseMatch:
        return "/"


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _clean_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "") if ch.isdigit())[:8]


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Enrol an authenticator app (TOTP), or remove the one enrolled."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    error = None
    if confirmed is not None:
        if request.method == "POST" and request.POST.get("action") == "remove":
            if not user.is_verified():
                return redirect(reverse("security:otp_verify") + "?next=" + request.path)
            if confirmed.verify_token(_clean_code(request.POST.get("code"))):
                confirmed.delete()
                request.session[SESSION_HAS_DEVICE] = False
                record(Action.OTP_REMOVED, request=request, obj=user)
                messages.success(request, "Two-factor sign-in is off for your account.")
                return redirect("security:otp_setup")
            error = "That code is not valid. Enter the current 6-digit code from your app."
            record(Action.OTP_FAILED, request=request, obj=user, summary="removing device")
        return render(
            request, "security/otp_setup.html", {"device": confirmed, "code_error": error}
        )

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    if request.method == "POST":
        if device.verify_token(_clean_code(request.POST.get("code"))):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[SESSION_HAS_DEVICE] = True
            record(Action.OTP_ENROLLED, request=request, obj=user)
            messages.success(request, "Two-factor sign-in is on for your account.")
            return redirect(_safe_next(request, reverse("security:otp_setup")))
        error = "That code is not valid. Check your phone's clock and enter the current code."
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "security/otp_setup.html",
        {
            "device": None,
            "qr_svg": _qr_svg(device.config_url),
            "secret": secret,
            "code_error": error,
            "next": _safe_next(request, ""),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """The second step of sign-in for users with a device."""
    error = None
    if request.method == "POST":
        device = match_token(request.user, _clean_code(request.POST.get("code")))
        if device is not None:
            otp_login(request, device)
            record(Action.OTP_VERIFIED, request=request, obj=request.user)
            return redirect(_safe_next(request, _home()))
        record(Action.OTP_FAILED, request=request, obj=request.user, summary="sign-in")
        error = "That code is not valid. Enter the current 6-digit code from your app."
    return render(
        request,
        "security/otp_verify.html",
        {"code_error": error, "next": _safe_next(request, "")},
    )


def _is_token_admin(user) -> bool:
    return user.is_superuser or user.has_perm("authtoken.delete_token")


def _mask(key: str) -> str:
    return f"{key[:4]}…{key[-2:]}" if key else ""


@login_required
@require_http_methods(["GET"])
def token_list(request):
    """Your API token (and, for an administrator, everyone's): never the whole key."""
    is_admin = _is_token_admin(request.user)
    tokens = Token.objects.select_related("user").order_by("user__username")
    if not is_admin:
        tokens = tokens.filter(user=request.user)
    rows = [{"user": t.user, "masked": _mask(t.key), "created": t.created} for t in tokens]
    has_own = Token.objects.filter(user=request.user).exists()
    return render(
        request,
        "security/token_list.html",
        {"rows": rows, "is_admin": is_admin, "has_own": has_own},
    )


@login_required
@require_POST
def token_create(request):
    """A new API token for yourself, shown once (only its ends are ever shown again)."""
    if Token.objects.filter(user=request.user).exists():
        messages.error(request, "You already have an API token: revoke it first to get a new one.")
        return redirect("security:tokens")
    token = Token.objects.create(user=request.user)
    record(
        Action.TOKEN_CREATED,
        request=request,
        obj=request.user,
        after={"token": _mask(token.key), "created": token.created},
    )
    response = render(request, "security/token_created.html", {"key": token.key})
    response["Cache-Control"] = "private, no-store"  # the secret must not sit in a cache
    return response


@login_required
@require_POST
def token_revoke(request, user_id: int):
    """Delete the token of ``user_id``: its owner or an administrator may; others get 404."""
    if user_id != request.user.pk and not _is_token_admin(request.user):
        raise Http404
    token = Token.objects.select_related("user").filter(user_id=user_id).first()
    if token is None:
        raise Http404
    owner = token.user
    token.delete()
    record(
        Action.TOKEN_REVOKED,
        request=request,
        obj=owner,
        summary=f"API token of {owner.get_username()} revoked",
        before={"token": _mask(token.key), "created": token.created},
    )
    messages.success(request, f"The API token of {owner.get_username()} is revoked.")
    return redirect("security:tokens")
