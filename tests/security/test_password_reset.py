"""Password reset: the request does the same work whether or not the address has an account
(the lookup and the mail happen in the worker), and it is limited per client address and per
e-mail address with a 429 that says when to try again."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tasks import send_password_reset

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def ask(client, email, ip="198.51.100.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)


def _request_work(client, email, ip, django_capture_on_commit_callbacks):
    with CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=False) as queued:
            response = ask(client, email, ip)
    return response, [q["sql"] for q in queries.captured_queries], queued


def test_known_and_unknown_addresses_do_the_same_work(
    client, counsel, django_capture_on_commit_callbacks
):
    known = _request_work(client, counsel.email, "198.51.100.1", django_capture_on_commit_callbacks)
    unknown = _request_work(
        client, "nobody@example.com", "198.51.100.2", django_capture_on_commit_callbacks
    )
    for response, _, _ in (known, unknown):
        assert response.status_code == 302
        assert response["Location"] == reverse("password_reset_done")
    assert known[1] == unknown[1]  # the same queries: no user lookup in the request
    assert not any("auth_user" in sql for sql in known[1])
    assert len(known[2]) == len(unknown[2]) == 1  # one task queued either way
    assert mail.outbox == []  # no mail while the visitor waits


def test_the_worker_sends_the_mail_only_to_an_account(client, counsel):
    send_password_reset(email=counsel.email, domain="breachclock.example", use_https=True)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [counsel.email]
    assert "https://breachclock.example/accounts/reset/" in mail.outbox[0].body
    send_password_reset(email="nobody@example.com", domain="breachclock.example", use_https=True)
    assert len(mail.outbox) == 1


def test_requests_from_one_address_are_limited(client):
    limit = settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
    for i in range(limit):
        assert ask(client, f"person{i}@example.com").status_code == 302
    refused = ask(client, "another@example.com")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= settings.PASSWORD_RESET_LIMIT_WINDOW_SECONDS
    assert "Try again in" in refused.content.decode()
    assert ask(client, "another@example.com", ip="198.51.100.99").status_code == 302


def test_requests_for_one_account_are_limited_from_any_address(client, counsel):
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    for i in range(limit):
        assert ask(client, counsel.email, ip=f"203.0.113.{i + 1}").status_code == 302
    refused = ask(client, counsel.email.upper(), ip="203.0.113.200")
    assert refused.status_code == 429
    assert "Retry-After" in refused
