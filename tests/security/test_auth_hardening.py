"""Sign-in throttling, session expiry and rotation, passwords, two-factor, response headers."""

import subprocess
import sys
import time

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.choices import Action
from audit.models import AuditEvent
from tests.security.conftest import PASSWORD, login_url

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client, username, password, ip="198.51.100.1"):
    return client.post(
        login_url(),
        {"username": username, "password": password, "next": "/health/"},
        REMOTE_ADDR=ip,
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture(autouse=True)
def _login_page(settings):
    settings.LOGIN_URL = login_url()  # where an expired session is sent


@pytest.fixture
def staff_responder(responder):
    # The admin's sign-in page (the fallback) only lets staff in.
    responder.is_staff = True
    responder.save()
    return responder


# Failures from many addresses slow an account down rather than lock it, and spraying many
# accounts from one address is slowed too: tests/security/test_lockout.py.


def test_fewer_failures_than_the_limit_do_not_lock(client, staff_responder):
    for _ in range(LIMIT - 1):
        sign_in(client, "rui.responder", "wrong")
    assert sign_in(client, "rui.responder", PASSWORD).status_code == 302
    assert signed_in(client)


def test_x_forwarded_for_cannot_dodge_the_address_lock(client, staff_responder):
    for i in range(LIMIT):
        client.post(
            login_url(),
            {"username": "rui.responder", "password": "x"},
            REMOTE_ADDR="203.0.113.70",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}",
        )
    response = sign_in(client, "rui.responder", PASSWORD, ip="203.0.113.70")
    assert response.status_code == 429


def test_session_id_is_rotated_at_sign_in(client, staff_responder):
    client.get(login_url())
    client.session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    sign_in(client, "rui.responder", PASSWORD)
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert signed_in(client) and before != after


def test_idle_session_expires(client, staff_responder):
    with time_machine.travel(time.time(), tick=False) as clock:
        sign_in(client, "rui.responder", PASSWORD)
        clock.shift(settings.SESSION_IDLE_TIMEOUT - 120)
        assert client.get("/security/tokens/").status_code == 200  # activity keeps it alive
        clock.shift(settings.SESSION_IDLE_TIMEOUT - 120)
        assert client.get("/security/tokens/").status_code == 200
        clock.shift(settings.SESSION_IDLE_TIMEOUT + 1)
        response = client.get("/security/tokens/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert AuditEvent.objects.filter(action=Action.SESSION_EXPIRED, summary__contains="idle")


def test_absolute_session_limit_ends_even_an_active_session(client, staff_responder):
    step = settings.SESSION_IDLE_TIMEOUT // 2
    with time_machine.travel(time.time(), tick=False) as clock:
        sign_in(client, "rui.responder", PASSWORD)
        elapsed = 0
        while elapsed + step <= settings.SESSION_ABSOLUTE_TIMEOUT:
            clock.shift(step)
            elapsed += step
            assert client.get("/security/tokens/").status_code == 200
        clock.shift(step)
        response = client.get("/security/tokens/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=Action.SESSION_EXPIRED, summary__contains="absolute")


@pytest.mark.parametrize(
    "password",
    ["short1!", "password123456", "123456789012345", "rui.responder2026"],
)
def test_weak_passwords_are_refused(responder, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=responder)


def test_a_strong_password_is_accepted(responder):
    validate_password("plum-orbit-cactus-1977", user=responder)


def _current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_user_with_a_device_must_enter_a_code_after_the_password(client, staff_responder):
    device = TOTPDevice.objects.create(user=staff_responder, name="phone", confirmed=True)
    sign_in(client, "rui.responder", PASSWORD)
    response = client.get("/security/tokens/")
    assert response.status_code == 302 and "/security/two-factor/verify/" in response["Location"]

    refused = client.post("/security/two-factor/verify/", {"code": "000000"})
    assert refused.status_code == 200 and b"not valid" in refused.content
    assert client.get("/security/tokens/").status_code == 302

    # A failure slows the next try down (django-otp throttling); wait that out.
    with time_machine.travel(time.time() + 5, tick=False):
        accepted = client.post(
            "/security/two-factor/verify/",
            {"code": _current_code(device), "next": "/security/tokens/"},
        )
    assert accepted.status_code == 302 and accepted["Location"] == "/security/tokens/"
    assert client.get("/security/tokens/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.OTP_VERIFIED).count() == 1
    assert AuditEvent.objects.filter(action=Action.OTP_FAILED).count() == 1


def test_verify_page_never_redirects_off_site(client, staff_responder):
    device = TOTPDevice.objects.create(user=staff_responder, name="phone", confirmed=True)
    sign_in(client, "rui.responder", PASSWORD)
    response = client.post(
        "/security/two-factor/verify/",
        {"code": _current_code(device), "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and "evil.example" not in response["Location"]


def test_enrolment_confirms_a_device_with_a_valid_code(client, responder):
    client.force_login(responder)
    page = client.get("/security/two-factor/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=responder, confirmed=False)
    assert client.post("/security/two-factor/", {"code": "123"}).status_code == 200
    with time_machine.travel(time.time() + 5, tick=False):  # past the throttle delay
        response = client.post("/security/two-factor/", {"code": _current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action=Action.OTP_ENROLLED, actor_id=responder.pk).exists()
    # A fresh sign-in now asks for the code.
    fresh = Client()
    fresh.force_login(responder)
    assert fresh.get("/security/tokens/").status_code == 302


def test_security_headers_on_a_page(client, responder):
    client.force_login(responder)
    response = client.get("/security/tokens/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "http:" not in csp and "https:" not in csp  # nothing loaded from elsewhere
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_session_cookie_flags(client, staff_responder):
    sign_in(client, "rui.responder", PASSWORD)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_check_deploy_is_clean_on_production_settings(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-0123456789",
        "DJANGO_ALLOWED_HOSTS": "breachclock.example.org",
        "BREACHCLOCK_VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
