"""API fixtures: clients signed in by token as each persona."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def client_for(db):
    """``client_for(user)`` -> an APIClient sending ``Authorization: Token <key>``."""

    def _client(user):
        token, _ = Token.objects.get_or_create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


@pytest.fixture
def as_counsel(client_for, counsel):
    return client_for(counsel)
