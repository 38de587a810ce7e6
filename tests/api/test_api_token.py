"""manage.py api_token USERNAME prints a token that signs API calls in."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient


def token_for(username, *args):
    out = StringIO()
    call_command("api_token", username, *args, stdout=out)
    return out.getvalue().strip()


def test_token_authenticates(counsel, case):
    key = token_for("carla.counsel")
    assert token_for("carla.counsel") == key  # stable until rotated
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/incidents").json()["count"] == 1


def test_rotate_replaces_the_token(counsel):
    old = token_for("carla.counsel")
    new = token_for("carla.counsel", "--rotate")
    assert new != old
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert client.get("/api/v1/incidents").status_code == 401


def test_unknown_user(db):
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        token_for("nobody")
