"""Security-test helpers on top of the shared personas (tests/conftest.py): an auditor, and the
sign-in page's address."""

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from audit import roles
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def auditor(db):
    """Holds the Auditor role (from the roles migration): reads the audit trail, no cases."""
    user = UserFactory(username="alma.auditor")
    user.groups.add(Group.objects.get(name=roles.AUDITOR))
    return user


def login_url() -> str:
    """The sign-in page people use (the admin's is the fallback while none is routed)."""
    try:
        return reverse("login")
    except NoReverseMatch:
        return reverse("admin:login")


@pytest.fixture(autouse=True)
def login_waits(monkeypatch):
    """The sign-in slow-down's waits (security.login_throttle), recorded instead of slept."""
    from security import login_throttle

    slept = []
    monkeypatch.setattr(login_throttle, "sleep", slept.append)
    return slept
