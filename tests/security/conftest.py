"""Personas for the security tests: who is allowed, who is not, and who is watching."""

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from audit import roles

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def make_user(db):
    from django.contrib.auth import get_user_model

    def make(username, *, role=None, **extra):
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.test", password=PASSWORD, **extra
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def responder(make_user):
    return make_user("rita.responder", role=roles.RESPONDER)


@pytest.fixture
def outsider(make_user):
    """Signed in, holds a role, but is on no case team."""
    return make_user("oscar.outsider", role=roles.RESPONDER)


@pytest.fixture
def auditor(make_user):
    return make_user("alma.auditor", role=roles.AUDITOR)


def login_url() -> str:
    """The sign-in page people use (the admin's is the fallback while none is routed)."""
    try:
        return reverse("login")
    except NoReverseMatch:
        return reverse("admin:login")
