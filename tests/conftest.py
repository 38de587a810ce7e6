"""Fixtures shared by every test package. Package-level conftest files add their own.

Named personas, each a real user with the permissions of their role:

* ``counsel`` - legal counsel, owner of ``case``; may change cases.
* ``responder`` - security responder on ``case``; may change cases.
* ``viewer`` - on ``case`` with the viewer role and read-only permissions.
* ``outsider`` - a responder on no case: must see nothing of ``case``.
* ``privacy_officer`` - the privacy office: sees every case (``view_all_incidents``), read-only.
"""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import Group, Permission

from audit import roles
from tests.factories import IncidentFactory, UserFactory, facts

# A real OpenID Connect provider on loopback, started once per run when a test asks for it.
from tests.identity_provider.fixtures import identity_provider  # noqa: F401

# Personas hold the product's real roles (audit.roles: Django groups synced on migrate).
ROLE_GROUPS = {
    "counsel": roles.COUNSEL,
    "responder": roles.RESPONDER,
    "viewer": roles.VIEWER,
    "privacy office": roles.PRIVACY_OFFICE,
}


def role_group(name: str) -> Group:
    group, created = Group.objects.get_or_create(name=ROLE_GROUPS[name])
    if created or not group.permissions.exists():
        roles.sync_roles(Group, Permission)  # a database set up without the post-migrate hook
    return group


def make_person(username: str, role: str, **extra):
    user = UserFactory(username=username, **extra)
    user.groups.add(role_group(role))
    return user


@pytest.fixture
def counsel(db):
    return make_person("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")


@pytest.fixture
def responder(db):
    return make_person("rui.responder", "responder", first_name="Rui", last_name="Responder")


@pytest.fixture
def viewer(db):
    return make_person("vera.viewer", "viewer", first_name="Vera", last_name="Viewer")


@pytest.fixture
def outsider(db):
    return make_person("oscar.outsider", "responder", first_name="Oscar", last_name="Outsider")


@pytest.fixture
def privacy_officer(db):
    return make_person("priya.privacy", "privacy office", first_name="Priya", last_name="Privacy")


@pytest.fixture
def case(counsel, responder, viewer):
    """A case owned by ``counsel`` with ``responder`` and ``viewer`` on the team (no engine)."""
    return IncidentFactory(
        owner=counsel,
        title="Web skimmer on checkout",
        team=[(responder, "responder"), (viewer, "viewer")],
        affected={"DE": 9000, "FR": 3000, "US-CA": 600},
    )


@pytest.fixture
def facts_doc():
    """A fresh, valid facts document (see ``tests.factories.facts``)."""
    return facts()


@pytest.fixture
def open_case(db):
    """Open a case through ``actions.open_incident`` (real engine and rule book)."""
    from incidents.actions import open_incident

    def _open(user, doc=None, **kwargs):
        return open_incident(doc or facts(), acting_user=user, **kwargs)

    return _open


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def rulebook(transactional_db):
    """The shipped rule book in the database, for tests against a live server (a transactional
    test may follow one that flushed it); loading an unchanged book is a no-op."""
    from django.core.management import call_command

    from jurisdictions.migrations import __path__ as migrations_path

    shipped = os.path.join(os.path.dirname(migrations_path[0]), "rulebook", "rulebook.yaml")
    call_command("import_rules", shipped, "--yes", "--quiet")


@pytest.fixture
def receiver():
    """A webhook receiver on loopback that checks signatures and drops repeated deliveries
    (tests/webhooks/receiver.py); the webhook and fault tests post to it."""
    from tests.webhooks.receiver import Receiver

    server = Receiver()
    yield server
    server.stop()
