"""The case list (on PostgreSQL one statement written around the ORM's ids, elsewhere the ORM)
shows each person exactly the cases ``visible_to`` gives them under every filter, sort and
search, hostile search text included; one person's kept page is never another's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from incidents.listing import page_of_cases
from incidents.models import Incident
from incidents.queries import SORTS, CaseFilters
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAS = ["counsel", "responder", "viewer", "outsider", "privacy_officer", "auditor", "boss"]
SEARCHES = ["", "Skimmer", "%", "_", "\\", "'; DROP TABLE incidents_incident; --", "%' OR '1'='1"]


@pytest.fixture
def boss(db):
    return get_user_model().objects.create_superuser("boss", password="x")  # noqa: S106


@pytest.fixture
def cases(counsel, responder, viewer, outsider, privacy_officer):
    now = timezone.now()
    made = [
        IncidentFactory(
            owner=counsel,
            title="Skimmer on checkout",
            team=[(responder, "responder"), (viewer, "viewer")],
            affected={"DE": 10},
        ),
        IncidentFactory(owner=responder, title="Lost laptop", affected={"US-CA": 5}),
        IncidentFactory(owner=outsider, title="Skimmer elsewhere", privileged=True),
        IncidentFactory(owner=privacy_officer, title="Misdirected 100% e-mail_x"),
    ]
    for i, case in enumerate(made):
        ObligationFactory(incident=case, due_at=now + timedelta(days=i * 3 - 1))
    return made


def _filters():
    for q in SEARCHES:
        yield CaseFilters(q=q or None)
    for sort in SORTS:
        yield CaseFilters(sort=sort)
    yield CaseFilters(status="triage")
    yield CaseFilters(jurisdiction="DE")
    yield CaseFilters(owner="carla.counsel")
    yield CaseFilters(due_within=timedelta(days=4), sort="-next_due")


@pytest.mark.parametrize("who", PERSONAS)
def test_every_filter_shows_exactly_the_visible_cases(request, cases, who):
    user = request.getfixturevalue(who)
    seen_any = False
    for filters in _filters():
        expected = list(
            filters.apply(Incident.objects.visible_to(user)).values_list("pk", flat=True)
        )
        for _ in range(2):  # computed, then kept
            page = page_of_cases(user, filters, 1)
            assert [row.pk for row in page.object_list] == expected, filters
            assert page.paginator.count == len(expected), filters
        seen_any = seen_any or bool(expected)
    visible = set(Incident.objects.visible_to(user).values_list("pk", flat=True))
    assert seen_any is bool(visible)
    if who in ("outsider", "auditor"):
        assert visible <= {cases[2].pk}  # the outsider owns the third case; the auditor none
