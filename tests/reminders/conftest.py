"""Cases, people and obligations for the reminder tests, built directly on the models (the
clock engine is not under test here)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

_numbers = itertools.count(1)


@pytest.fixture
def make_user(db):
    def make(username, email=None, **extra):
        return get_user_model().objects.create_user(
            username=username,
            email=f"{username}@example.org" if email is None else email,
            password="correct horse battery staple",
            **extra,
        )

    return make


@pytest.fixture
def counsel(db):
    """Legal counsel (the product's counsel role): owns the cases."""
    from tests.conftest import make_person

    return make_person(
        "counsel", "counsel", email="counsel@example.org", first_name="Clara", last_name="Counsel"
    )


@pytest.fixture
def responder(db):
    from tests.conftest import make_person

    return make_person(
        "responder",
        "responder",
        email="responder@example.org",
        first_name="Rui",
        last_name="Responder",
    )


@pytest.fixture
def outsider(db):
    """A responder on no case: must see nothing of ours."""
    from tests.conftest import make_person

    return make_person("oscar", "responder", email="oscar@example.org")


@pytest.fixture
def make_incident(counsel):
    from incidents.models import Incident, TeamMember

    def make(*, owner=None, team=(), privileged=False, title="Web skimmer on checkout"):
        owner = owner or counsel
        number = next(_numbers)
        incident = Incident.objects.create(
            reference=f"INC-2026-{number:04d}",
            title=title,
            description="Card data of 9,000 customers read by injected script.",
            owner=owner,
            privileged=privileged,
        )
        TeamMember.objects.create(incident=incident, user=owner, role="owner")
        for user in team:
            TeamMember.objects.create(incident=incident, user=user, role="responder")
        return incident

    return make


@pytest.fixture
def make_obligation(make_incident):
    from incidents.models import Obligation

    def make(incident=None, *, due_in=timedelta(hours=100), due_at=None, schedule=True, **fields):
        from reminders.schedule import sync_reminders

        incident = incident or make_incident()
        defaults = {
            "rule_code": "EU-GDPR-SA",
            "jurisdiction": "DE",
            "regime": "GDPR Art. 33",
            "recipient": "supervisory_authority",
            "authority": "Hamburg Commissioner for Data Protection",
            "why": ["Personal data of 9000 people in Germany; risk to their rights"],
            "due_local_tz": "Europe/Berlin",
        }
        defaults.update(fields)
        obligation = Obligation.objects.create(
            incident=incident,
            due_at=due_at if due_at is not None else timezone.now() + due_in,
            **defaults,
        )
        if schedule:
            sync_reminders([obligation])
        return obligation

    return make


def move_deadline(obligation, new_due_at, *, now=None):
    """What incidents.actions does when a deadline moves: new version, then sync."""
    from reminders.schedule import sync_reminders

    obligation.due_at = new_due_at
    obligation.deadline_version += 1
    obligation.save(update_fields=["due_at", "deadline_version"])
    sync_reminders([obligation], now=now)
    return obligation
