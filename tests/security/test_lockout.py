"""Lockout is no weapon: failures lock an account only from the address they come from; the
account as a whole is slowed down (each further try waits longer), never locked for everyone.

The waits are real calls to ``security.login_throttle.sleep``; the tests record them instead of
sleeping (the computed seconds are what matters).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.security.conftest import PASSWORD, login_url

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def waits(login_waits):
    return login_waits


@pytest.fixture
def staff_counsel(counsel):
    counsel.is_staff = True  # the admin's sign-in page (the fallback) lets only staff in
    counsel.save()
    return counsel


def sign_in(client, username, password, ip):
    return client.post(login_url(), {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_failures_from_many_addresses_do_not_lock_counsel_out(waits, staff_counsel):
    stranger = Client()
    for i in range(LIMIT * 2):
        sign_in(stranger, "carla.counsel", "guess", ip=f"198.51.100.{i + 10}")
    counsel_browser = Client()
    response = sign_in(counsel_browser, "carla.counsel", PASSWORD, ip="192.0.2.44")
    assert response.status_code == 302, response.status_code
    assert signed_in(counsel_browser)


def test_the_account_is_slowed_instead(waits, staff_counsel):
    stranger = Client()
    for i in range(LIMIT + 3):
        sign_in(stranger, "carla.counsel", "guess", ip=f"198.51.100.{i + 10}")
    # Free tries up to the limit, then growing waits (1, 2, 4 s ...), capped.
    assert waits == [1, 2, 4]
    assert max(waits) <= settings.LOGIN_SLOWDOWN_MAX_SECONDS


def test_one_address_guessing_one_account_is_locked(waits, staff_counsel):
    guesser = Client()
    for _ in range(LIMIT):
        sign_in(guesser, "carla.counsel", "guess", ip="203.0.113.9")
    response = sign_in(guesser, "carla.counsel", PASSWORD, ip="203.0.113.9")
    assert response.status_code == 429
    assert not signed_in(guesser)


def test_spraying_many_accounts_from_one_address_is_slowed(waits, staff_counsel):
    sprayer = Client()
    for i in range(LIMIT + 2):
        sign_in(sprayer, f"user{i}", "Winter2026!", ip="203.0.113.66")
    assert waits == [1, 2]


def test_the_wait_comes_before_the_password_is_checked(waits, staff_counsel):
    """A slowed account waits whether the password is right or wrong: no timing difference."""
    stranger = Client()
    for i in range(LIMIT):
        sign_in(stranger, "carla.counsel", "guess", ip=f"198.51.100.{i + 10}")
    waits.clear()
    sign_in(Client(), "carla.counsel", PASSWORD, ip="192.0.2.45")
    assert waits and waits[0] >= 1


def test_a_user_name_longer_than_any_account_is_a_failed_sign_in(waits, staff_counsel):
    """axes' attempt table holds 255 characters: a longer name was a 500 on PostgreSQL."""
    from axes.models import AccessAttempt

    response = sign_in(Client(), "x" * 100_000, "guess", ip="203.0.113.30")
    assert response.status_code == 200  # the form again, with its error
    assert AccessAttempt.objects.get(ip_address="203.0.113.30").username == "x" * 150
