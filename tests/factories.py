"""factory_boy factories for the cases, shared by every test package.

``IncidentFactory`` writes rows directly (fast, no engine) with the owner on the team and a
``discovered_at`` event; use ``incidents.actions.open_incident`` (or the ``open_case`` fixture)
when a test needs obligations computed by the real engine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from incidents.choices import ObligationStatus, TeamRole
from incidents.models import (
    Activity,
    AffectedPopulation,
    Incident,
    IncidentEvent,
    Note,
    Obligation,
    TeamMember,
)

DISCOVERED = datetime(2026, 3, 27, 16, 0, tzinfo=UTC)


def facts(**overrides) -> dict:
    """A valid facts document (format 1): a web skimmer at a German controller, DE/FR/US-CA
    customers. Keyword arguments replace top-level keys; ``events`` merge."""
    doc = {
        "format": "breachclock.facts/1",
        "title": "Web skimmer on checkout",
        "events": {
            "occurred_at": "2026-03-20T10:00:00+01:00",
            "discovered_at": "2026-03-27T17:00:00+01:00",
        },
        "organisation": {
            "role": "controller",
            "main_establishment": "DE",
            "established_in": ["DE"],
            "subject_to": [],
        },
        "data": ["name", "contact", "payment_card"],
        "encryption": {"encrypted": False, "key_compromised": False},
        "risk_of_harm": "high",
        "cause": "external_attack",
        "affected": {"DE": 9000, "FR": 3000, "US-CA": 600},
        "rules_as_of": None,
    }
    events = overrides.pop("events", None)
    doc.update(overrides)
    if events is not None:
        doc["events"] = {**doc["events"], **events}
    return doc


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")
    is_active = True


class IncidentFactory(factory.django.DjangoModelFactory):
    """A case with its owner on the team and a ``discovered_at`` event; no obligations."""

    class Meta:
        model = Incident
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"INC-2026-{n + 1:04d}")
    title = factory.Sequence(lambda n: f"Incident {n}")
    description = "Suspicious script found on the checkout page."
    owner = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("owner")
    organisation_role = "controller"
    main_establishment = "DE"
    established_in = factory.LazyFunction(lambda: ["DE"])
    data_categories = factory.LazyFunction(lambda: ["name", "contact", "payment_card"])
    risk_of_harm = "high"
    cause = "external_attack"

    @factory.post_generation
    def team(self, create, extracted, **kwargs):
        """``team=[(user, role), ...]`` adds members besides the owner."""
        if not create:
            return
        TeamMember.objects.get_or_create(
            incident=self, user=self.owner, defaults={"role": TeamRole.OWNER}
        )
        for user, role in extracted or ():
            TeamMember.objects.get_or_create(incident=self, user=user, defaults={"role": role})

    @factory.post_generation
    def discovered_at(self, create, extracted, **kwargs):
        if create:
            IncidentEvent.objects.create(
                incident=self, event="discovered_at", at=extracted or DISCOVERED
            )

    @factory.post_generation
    def affected(self, create, extracted, **kwargs):
        """``affected={"DE": 9000}``."""
        if create and extracted:
            AffectedPopulation.objects.bulk_create(
                AffectedPopulation(incident=self, jurisdiction=code, count=count)
                for code, count in extracted.items()
            )


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    incident = factory.SubFactory(IncidentFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamRole.RESPONDER


class ObligationFactory(factory.django.DjangoModelFactory):
    """An open GDPR-style obligation due 72 hours after discovery."""

    class Meta:
        model = Obligation

    incident = factory.SubFactory(IncidentFactory)
    rule_code = factory.Sequence(lambda n: f"TEST-{n}")
    jurisdiction = "DE"
    regime = "GDPR"
    recipient = "supervisory_authority"
    authority = "Test supervisory authority"
    clock_start_event = "aware_at"
    clock_start_at = DISCOVERED
    due_at = factory.LazyAttribute(lambda o: (o.clock_start_at or DISCOVERED) + timedelta(hours=72))
    deadline_kind = "fixed"
    timing_standard = "without undue delay and, where feasible, not later than 72 hours"
    citation = "GDPR Art. 33(1)"
    why = factory.LazyFunction(lambda: ["personal data breach at a controller"])
    status = ObligationStatus.OPEN


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    incident = factory.SubFactory(IncidentFactory)
    author = factory.SelfAttribute("incident.owner")
    text = "Forensics engaged."


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    incident = factory.SubFactory(IncidentFactory)
    actor = factory.SelfAttribute("incident.owner")
    kind = "note_added"
    summary = "Note added"
    at = factory.LazyFunction(timezone.now)
