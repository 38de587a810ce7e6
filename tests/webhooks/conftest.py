"""Fixtures for the webhook tests: a hook to the loopback receiver (tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.reminders.conftest import (  # noqa: F401 - cases and obligations built on the models
    make_incident,
    make_obligation,
)


@pytest.fixture
def hook_to(receiver):
    """``hook_to(user, events, **options)``: a hook created through the one door, to ``receiver``
    (which then accepts its signature)."""
    from webhooks.actions import create_webhook

    def make(user, events, *, url=None, **options):
        hook, secret = create_webhook(user, url=url or receiver.url, events=events, **options)
        receiver.secrets.append(secret)
        return hook

    return make
